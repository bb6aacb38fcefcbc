"""Escaping: names and evidence with quotes, backslashes, newlines, `<script>`, emoji and
right-to-left text survive a round trip through our Turtle and TriG writer, and through
N-Triples, N-Quads and JSON-LD (rdflib, from the loaded graph): the same triples come back.

Two sources of such graphs: hand-made records through `kg.graph` and `kg.serialize` (no model),
and a real build from article files with such text and such file names (`model`).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import RDF, RDFS, Dataset, Graph, Literal
from rdflib.namespace import DCTERMS

from kg import serialize
from kg.graph import article_iri, build_triples, iri, type_evidence
from kg.readers import make_document
from kg.records import Entity, Evidence
from kg.resolve import MatchEntity, Resolved
from kg.vocab import FKG

ROOT = Path(__file__).resolve().parents[1]

NASTY = [
    'Zo\u00eb "The Wall" O\'Brien-\u0141ukasz',
    "back\\slash and end\\",
    "line\nbreak\r\nand\ttab",
    "</script><script>alert('x')</script>",
    "<!-- not a comment --> & &amp; <b>",
    "emoji \U0001F3C6\u26BD\U0001F1EC\U0001F1E7 and ZWJ \U0001F468\u200D\U0001F469\u200D\U0001F467",
    "\u05de\u05db\u05d1\u05d9 \u05ea\u05dc \u05d0\u05d1\u05d9\u05d1 and \u0645\u062d\u0645\u062f \u0635\u0644\u0627\u062d",
    "override \u202eevil\u202c and isolate \u2067rtl\u2069",
    "'''triple''' and \"\"\"triple\"\"\"",
    '"',
    "\x00\x07\x1b\x7f control",
    "separators \u2028 \u2029 \x85",
    "\ufeffbom and \U0010FFFF",
    "@prefix x: <y> . } { GRAPH",
]


def _record_graph(texts: list[str]):
    """A graph from hand-made records whose every literal is one of ``texts``."""
    docs, entities = [], {}
    facts: dict[tuple[str, str, str], list[Evidence]] = {}
    for n, text in enumerate(texts):
        doc = make_document(f"Article {n}.", f"in/{text}.txt", f"a{n}")
        docs.append(type(doc)(doc.id, f"in/{text}.txt", doc.original, doc.text, doc.offsets,
                              title=text, url=f"https://example.org/{n}?q={text}"))
        person, club = f"player/p{n}", f"club/c{n}"
        entities[person] = Entity(person, "Player", text, alt_labels=(text + " alt", text[::-1]),
                                  articles=(f"a{n}",))
        entities[club] = Entity(club, "Club", f"{text} FC", articles=(f"a{n}",))
        ev = Evidence(f"a{n}", text, 0, len(text), f"rule {text}", 0.5)
        facts[(person, "playsFor", club)] = [ev]
    matches = {"match/m": MatchEntity("match/m", ("club/c0", "club/c1"), "club/c0", "club/c1", 2, 1,
                                      None, texts[0], None, "2024", False,
                                      [Evidence("a0", texts[-1], 1, 2, "score", 0.9)])}
    resolved = Resolved(entities, facts, matches, [])
    default, named = build_triples(resolved, docs)
    cues = [(f"player/p{n}", "player", Evidence(f"a{n}", text, 0, 1, "role", 0.7))
            for n, text in enumerate(texts)]
    type_evidence(resolved, cues, named)
    return default, dict(named)


def _quads(ds: Dataset) -> set:
    return {(s, p, o, g.identifier if hasattr(g, "identifier") else g)
            for s, p, o, g in ds.quads((None, None, None, None))}


def _expected_quads(default, named) -> set:
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    out = {(s, p, o, DATASET_DEFAULT_GRAPH_ID) for s, p, o in default}
    for g, triples in named.items():
        out |= {(s, p, o, g) for s, p, o in triples}
    return out


def _round_trips(graph: Graph) -> None:
    """The loaded graph comes back whole through N-Triples and JSON-LD."""
    triples = set(graph)
    for fmt in ("nt", "json-ld", "turtle"):
        text = graph.serialize(format=fmt)
        assert set(Graph().parse(data=text, format=fmt)) == triples, fmt


def _round_trips_dataset(ds: Dataset) -> None:
    quads = _quads(ds)
    for fmt in ("nquads", "json-ld", "trig"):
        text = ds.serialize(format=fmt)
        back = Dataset()
        back.parse(data=text, format=fmt)
        assert _quads(back) == quads, fmt


def test_escaping_hand_made_records_round_trip_through_every_format():
    default, named = _record_graph(NASTY)
    literals = {str(o) for s, p, o in default if isinstance(o, Literal)}
    for text in NASTY:  # labels, alt labels, titles, file names, URLs, evidence
        assert text in literals and f"in/{text}.txt" in literals
    g = Graph().parse(data=serialize.turtle(default), format="turtle")
    assert set(g) == set(default)
    ds = Dataset()
    ds.parse(data=serialize.trig(default, named), format="trig")
    assert _quads(ds) == _expected_quads(default, named)
    evidence_text = {str(o) for g in named.values() for s, p, o in g if p == FKG.sentence}
    assert set(NASTY) <= evidence_text
    _round_trips(g)
    _round_trips_dataset(ds)


def test_escaping_turtle_and_trig_come_from_one_writer_consistently():
    default, named = _record_graph(NASTY)
    ttl, trig = serialize.turtle(default), serialize.trig(default, named)
    assert trig.startswith(ttl.rstrip("\n"))  # the default graph is written the same way
    for line in ttl.splitlines() + trig.splitlines():  # one statement never spans raw lines
        assert "\r" not in line and "\x00" not in line and "\u2028" not in line


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30),
                min_size=2, max_size=4, unique=True))
def test_escaping_any_text_in_records_round_trips(texts):
    default, named = _record_graph(texts)
    g = Graph().parse(data=serialize.turtle(default), format="turtle")
    assert set(g) == set(default)
    ds = Dataset()
    ds.parse(data=serialize.trig(default, named), format="trig")
    assert _quads(ds) == _expected_quads(default, named)
    _round_trips(g)


# --- a real build --------------------------------------------------------------------------

ARTICLE = (
    "Zo\u00eb \"The Wall\" O'Brien-\u0141ukasz \\ <script>alert(1)</script> \U0001F3C6\n\n"
    "Defender Zo\u00eb \"The Wall\" O'Brien-\u0141ukasz scored for Arsenal. "
    "Arsenal beat Chelsea 2-1 at the Emirates Stadium.\n"
    "Arsenal manager Mikel Arteta said: \"She is \\ brilliant </script><script>alert('x')</script> "
    "\U0001F3C6\u26BD \u05de\u05db\u05d1\u05d9 \u202eevil\u202c\".\n"
    "Midfielder \u0645\u062d\u0645\u062f \u0635\u0644\u0627\u062d scored for Liverpool.\n"
)
FILE_NAME = 'odd "name" <script> Zo\u00eb \u05de\u05db\u05d1\u05d9 \U0001F3C6.txt'
RECORD = {
    "id": 'w"eird\\id</script>',
    "title": "Line one\nline \"two\" \\ <script>x</script> \u05de\u05db\u05d1\u05d9 \U0001F3C6",
    "url": "https://example.org/a?b=\"c\"&d=<e>",
    "text": "Striker Zo\u00eb \"Z\" \u00d8degaard-\u0141ukasz scored for Arsenal against Chelsea. "
            "Arsenal\\Chelsea fans sang \u202eevil\u202c songs.",
}


@pytest.fixture(scope="module")
def nasty_build(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("escaping")
    inp = tmp / "in"
    inp.mkdir()
    (inp / FILE_NAME).write_text(ARTICLE, encoding="utf-8")
    (inp / "feed.jsonl").write_text(json.dumps(RECORD, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp / "out"
    r = subprocess.run([sys.executable, "-m", "kg", "build", str(inp), "--out", str(out)],
                       cwd=ROOT, capture_output=True, text=True, timeout=900,
                       env={**os.environ, "KG_CACHE_DIR": str(tmp / "cache")})
    assert r.returncode == 0, r.stderr
    return out


@pytest.mark.model
@pytest.mark.slow
def test_escaping_a_built_graph_keeps_every_awkward_string(nasty_build):
    g = Graph().parse(nasty_build / "graph.ttl", format="turtle")
    literals = {str(o) for o in g.objects() if isinstance(o, Literal)}
    first_line = ARTICLE.split("\n")[0]
    assert f"in/{FILE_NAME}" in literals  # fkg:sourceFile
    assert first_line in literals  # the headline as dcterms:title
    assert RECORD["title"] in literals and RECORD["url"] in literals
    titles = {str(o) for o in g.objects(None, DCTERMS.title)}
    assert {first_line, RECORD["title"]} <= titles
    labels = {str(o) for s in g.subjects(RDF.type, FKG.Player) for o in g.objects(s, RDFS.label)}
    assert any("Zo\u00eb" in label for label in labels), labels
    _round_trips(g)


@pytest.mark.model
@pytest.mark.slow
def test_escaping_a_built_dataset_round_trips_and_evidence_points_at_the_text(nasty_build):
    ds = Dataset()
    ds.parse(nasty_build / "graph.trig", format="trig")
    default = Graph().parse(nasty_build / "graph.ttl", format="turtle")
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    assert set(ds.graph(DATASET_DEFAULT_GRAPH_ID)) == set(default)
    _round_trips_dataset(ds)
    union = Dataset(default_union=True)
    union.parse(nasty_build / "graph.trig", format="trig")
    sentences = {}
    for node in union.subjects(RDF.type, FKG.Evidence):
        sentences[str(union.value(node, FKG.sentence))] = (
            int(union.value(node, FKG.startChar)), int(union.value(node, FKG.endChar)),
            union.value(node, FKG.article))
    assert any('"The Wall"' in s for s in sentences)
    assert any("</script><script>" in s and "\\" in s for s in sentences)
    texts = {article_iri("odd-name-script-zoe"): ARTICLE, article_iri("w-eird-id-script"): RECORD["text"]}
    assert set(texts) == {article for _, _, article in sentences.values()}
    for sentence, (start, end, article) in sentences.items():  # offsets index the original text
        original = texts[article]
        assert 0 <= start < end <= len(original)
        # the sentence literal is the span with its whitespace runs as single spaces
        assert " ".join(original[start:end].split()) == sentence, (sentence, original[start:end])
    assert iri("club/arsenal") in set(default.subjects())
