"""`kg.viz.write_html`: the offline, escaped, deterministic HTML view of a graph.

Uses the hand-written fixture tests/data/viz_mini.trig, so no spaCy model is needed.
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kg.graphio import load_graph
from kg.viz import VizSummary, _edge_title, project, write_html
from kg.vocab import FKG

MINI = Path(__file__).parent / "data" / "viz_mini.trig"
ID = "https://w3id.org/football-kg/id/"
XSS_LABEL = "<img src=x onerror=alert(1)>"
XSS_SENTENCE = "</script><script>alert(1)</script>"
XSS_ARTICLE = "<b onmouseover=alert(2)>"


def _data(page: str, name: str) -> list[dict]:
    """The list passed to `new vis.DataSet(...)` for `nodes` or `edges`."""
    match = re.search(rf"(?m)^\s*{name} = new vis\.DataSet\((.*)\);$", page)
    assert match, f"no {name} DataSet in the page"
    return json.loads(match.group(1))


def _scripts(page: str) -> list[str]:
    """The contents of the page's <script> elements, split the way an HTML parser does."""
    found: list[str] = []

    class Parser(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=False)
            self.inside = False

        def handle_starttag(self, tag: str, attrs: list) -> None:
            if tag == "script":
                self.inside = True
                found.append("")

        def handle_endtag(self, tag: str) -> None:
            if tag == "script":
                self.inside = False

        def handle_data(self, data: str) -> None:
            if self.inside:
                found[-1] += data

    parser = Parser()
    parser.feed(page)
    parser.close()
    return found


@pytest.fixture
def page(tmp_path: Path) -> tuple[str, VizSummary]:
    out = tmp_path / "graph.html"
    summary = write_html(MINI, out)
    return out.read_text(encoding="utf-8"), summary


def test_viz_projection_has_entities_and_facts_only() -> None:
    g = project(load_graph(MINI))
    assert g.number_of_nodes() == 10
    assert g.number_of_edges() == 10
    assert not any("/article/" in n or "/evidence/" in n for n in g.nodes)
    labels = {d["label"] for _, _, d in g.edges(data=True)}
    assert labels == {"plays for", "scored in", "manages", "defeated", "won", "team",
                      "competition", "venue"}
    assert g.nodes[ID + "player/xss"]["label"] == XSS_LABEL
    assert g.nodes[ID + "club/alpha"]["alt"] == ["The Alphas"]


def test_viz_embedded_data_matches_projection(page: tuple[str, VizSummary]) -> None:
    text, summary = page
    g = project(load_graph(MINI))
    nodes, edges = _data(text, "nodes"), _data(text, "edges")
    assert summary == VizSummary(nodes=10, edges=10, dropped_nodes=0, dropped_edges=0)
    assert len(nodes) == summary.nodes == g.number_of_nodes()
    assert len(edges) == summary.edges == g.number_of_edges()
    assert {n["id"] for n in nodes} == set(g.nodes)
    assert sorted((e["from"], e["to"], e["label"]) for e in edges) == sorted(
        (s, o, d["label"]) for s, o, d in g.edges(data=True))
    by_id = {n["id"]: n for n in nodes}
    alpha = by_id[ID + "club/alpha"]
    assert (alpha["label"], alpha["cls"], alpha["shape"]) == ("Alpha FC", "Club", "square")
    assert alpha["degree"] == 6
    assert alpha["size"] > by_id[ID + "person/dan"]["size"]  # size grows with degree


def test_viz_xss_text_appears_only_escaped(page: tuple[str, VizSummary]) -> None:
    text, _ = page
    for raw in (XSS_LABEL, XSS_SENTENCE, "<script>alert", XSS_ARTICLE, "onerror=alert(1)>"):
        assert raw not in text
    # Parsed as a browser would, the page holds exactly its own four scripts (pyvis's helpers,
    # vis-network, the pyvis drawing code with the data, ours): nothing broke out of the data.
    scripts = _scripts(text)
    assert len(scripts) == 4
    assert "new vis.DataSet(" in scripts[2] and "new vis.Network(" in scripts[2]
    assert "kg-search" in scripts[3]
    # The embedded data cannot close the script element it sits in.
    for line in re.findall(r"(?m)^\s*(?:nodes|edges) = new vis\.DataSet\(.*$", text):
        assert "</" not in line
    nodes = {n["id"]: n for n in _data(text, "nodes")}
    xss = nodes[ID + "player/xss"]
    assert xss["label"] == XSS_LABEL  # drawn as canvas text, never parsed as HTML
    assert html.escape(XSS_LABEL) in xss["title"]
    assert html.escape(XSS_SENTENCE) in xss["title"]
    assert html.escape(XSS_ARTICLE) in xss["title"]
    for item in list(nodes.values()) + _data(text, "edges"):
        for raw in (XSS_LABEL, XSS_SENTENCE, "<script", "<img", XSS_ARTICLE):
            assert raw not in item["title"]


def test_viz_no_remote_urls(page: tuple[str, VizSummary]) -> None:
    text, _ = page
    assert not re.search(r"""\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", text, re.I)
    assert not re.search(r"""url\(\s*["']?\s*(?:https?:)?//""", text, re.I)
    assert not re.search(r"cdnjs|jsdelivr|unpkg|bootstrap", text, re.I)
    assert "new vis.Network(" in text and "vis-network" in text  # the library is inlined


def test_viz_tooltip_lists_facts_with_evidence(page: tuple[str, VizSummary]) -> None:
    nodes = {n["id"]: n for n in _data(page[0], "nodes")}
    alpha = nodes[ID + "club/alpha"]["title"]
    assert "defeated <b>Beta United</b>" in alpha
    assert "Alpha FC beat Beta United 2-1 in the Mini Cup final." in alpha
    assert "mini/a1.txt" in alpha
    assert "Facts (6)" in alpha
    edges = _data(page[0], "edges")
    defeated = next(e for e in edges if e["label"] == "defeated")
    assert "Alpha FC beat Beta United" in defeated["title"]


def test_viz_legend_filters_and_search(page: tuple[str, VizSummary]) -> None:
    text, _ = page
    legend = re.search(r'<ul id="kg-legend">(.*?)</ul>', text).group(1)
    for name in ("Player", "Manager", "Person", "Club", "National team", "Trophy", "Stadium",
                 "Match"):
        assert f'<input type="checkbox" value="{name}" checked>' in legend
    assert '<input id="kg-search"' in text
    assert "network.focus(" in text and "applyFilter" in text
    assert "Showing 10 of 10 node(s) and 10 of 10 edge(s)." in text
    assert "left out" not in text
    assert '"randomSeed": 1' in text


def test_viz_budget_keeps_top_degree_nodes(tmp_path: Path) -> None:
    out = tmp_path / "small.html"
    summary = write_html(MINI, out, node_budget=3)
    # Degrees: Alpha FC 6, the match 5, then Beta, Bob and the cup tie at 2: Beta's IRI is least.
    assert summary == VizSummary(nodes=3, edges=3, dropped_nodes=7, dropped_edges=7)
    text = out.read_text(encoding="utf-8")
    assert {n["id"] for n in _data(text, "nodes")} == {
        ID + "club/alpha", ID + "match/m1", ID + "club/beta"}
    assert len(_data(text, "edges")) == 3
    assert "Node budget 3: 7 less connected node(s) and 7 edge(s) left out." in text
    assert "Showing 3 of 10 node(s) and 3 of 10 edge(s)." in text


def test_viz_deterministic(tmp_path: Path) -> None:
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    write_html(MINI, first)
    write_html(MINI, second)
    assert first.read_bytes() == second.read_bytes()
    write_html(MINI, first, node_budget=4)
    write_html(MINI, second, node_budget=4)
    assert first.read_bytes() == second.read_bytes()


def test_viz_overwrites_atomically(tmp_path: Path) -> None:
    out = tmp_path / "graph.html"
    out.write_text("old", encoding="utf-8")
    write_html(MINI, out)
    assert out.read_text(encoding="utf-8").startswith("<html>")
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]  # no temp file left behind


def test_viz_rejects_bad_budget(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        write_html(MINI, tmp_path / "x.html", node_budget=0)
    assert not (tmp_path / "x.html").exists()


@pytest.mark.parametrize("focus, depth, expected", [
    # Bob Smith: his club and the match he scored in, by prefixed name, IRI or label
    ("player:bob", 1, {"player/bob", "club/alpha", "match/m1"}),
    (ID + "player/bob", 1, {"player/bob", "club/alpha", "match/m1"}),
    ("bob smith", 1, {"player/bob", "club/alpha", "match/m1"}),
    # Carl Jones, then what his club is tied to
    ("manager:carl", 1, {"manager/carl", "club/alpha"}),
    ("manager:carl", 2, {"manager/carl", "club/alpha", "club/beta", "trophy/cup", "match/m1", "player/bob",
                         "player/xss"}),
])
def test_viz_focus_draws_one_neighbourhood(tmp_path: Path, focus: str, depth: int, expected: set[str]) -> None:
    out = tmp_path / "focus.html"
    summary = write_html(MINI, out, focus=focus, depth=depth)
    drawn = {n["id"][len(ID):] for n in _data(out.read_text(encoding="utf-8"), "nodes")}
    assert drawn == expected and summary.nodes == len(expected)


@pytest.mark.parametrize("focus, code", [("Nobody Atall", "E095"), ("club:nowhere", "E095")])
def test_viz_focus_on_nothing_is_one_clear_error(tmp_path: Path, focus: str, code: str) -> None:
    from kg.errors import DataError

    with pytest.raises(DataError, match=code):
        write_html(MINI, tmp_path / "x.html", focus=focus)
    assert not (tmp_path / "x.html").exists()


def test_viz_edge_tooltips_give_the_dates_of_their_articles() -> None:
    """A fact's tooltip says when it was first and last seen: the dates of its articles."""
    g = project(load_graph(Path(__file__).parent / "data" / "mini.trig"))
    titles = {(s, k): _edge_title(g, s, o, d) for s, o, k, d in g.edges(keys=True, data=True)}
    defeated = titles[(ID + "club/liverpool", str(FKG.defeated))]
    assert "first seen 2024-02-25, last seen 2024-03-02" in defeated


def test_first_links_keeps_each_nodes_strongest_links():
    """A big page's first view draws each node's FIRST_LINKS strongest links (facts between the
    pair counted, either direction), not every result between its clubs."""
    from kg.viz import FIRST_LINKS, first_links

    hub = "club:a"
    others = [f"club:{c}" for c in "bcdefg"]
    edges = [(hub, o, k, {}) for n, o in enumerate(others) for k in range(n + 1)]  # a-g strongest
    edges += [("club:b", "club:c", 0, {}), ("club:x", hub, 0, {})]  # club:x is not in the first view
    links = first_links(edges, {hub, *others})
    assert FIRST_LINKS == 3
    # the hub's three strongest (g, f, e); each other node's strongest is the hub, b and c also each other
    assert links == {(hub, "club:g"), (hub, "club:f"), (hub, "club:e"), (hub, "club:d"), (hub, "club:c"),
                     (hub, "club:b"), ("club:b", "club:c")}
