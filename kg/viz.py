"""Draw a built graph as one self-contained, interactive HTML page (the only module using pyvis).

The RDF graph is projected into a networkx graph: one node per entity (player, manager, person,
club, national team, trophy, stadium, match) and one edge per fact between two entities, labelled
with the property's ``rdfs:label`` from ``ontology/football.ttl``. Articles and evidence nodes are
not drawn; they fill the tooltips instead, which list each entity's facts with the sentences and
articles that support them.

The page works offline: pyvis inlines vis-network, and the remote stylesheets and scripts of its
template are removed. Text that comes from articles is HTML-escaped before it is put in a tooltip,
and the data embedded in the page cannot close its ``<script>`` element. The same graph always
gives the same bytes: nodes and edges are sorted and the layout seed is fixed.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import networkx as nx
from pyvis.network import Network
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.errors import DataError, Errors
from kg.graphio import build_files, graph_file
from kg.output import write_atomic
from kg.resources import ONTOLOGY_FILE
from kg.vocab import FKG, ID, WIKIDATA



@dataclass(frozen=True)
class VizSummary:
    """What the page shows: drawn nodes and edges, and how many the node budget left out."""

    nodes: int
    edges: int
    dropped_nodes: int
    dropped_edges: int
    first_nodes: int | None = None  # what a big page's first view draws (None: everything)
    first_edges: int | None = None


@dataclass(frozen=True)
class Style:
    name: str
    color: str
    shape: str
    symbol: str  # legend glyph for the shape


# Classes drawn, most specific first: an entity typed both Player and Person is a Player.
STYLES: dict[URIRef, Style] = {
    FKG.Player: Style("Player", "#2b7bd6", "dot", "\u25cf"),
    FKG.Manager: Style("Manager", "#8e44ad", "diamond", "\u25c6"),
    FKG.Club: Style("Club", "#d63b2b", "square", "\u25a0"),
    FKG.NationalTeam: Style("National team", "#e67e22", "hexagon", "\u2b22"),
    FKG.Trophy: Style("Trophy", "#d4ac0d", "star", "\u2605"),
    FKG.Stadium: Style("Stadium", "#16a085", "triangle", "\u25b2"),
    FKG.Match: Style("Match", "#5d6d7e", "triangleDown", "\u25bc"),
    FKG.Person: Style("Person", "#95a5a6", "dot", "\u25cf"),
}

# Facts between two entities, drawn as edges.
FACT_PROPERTIES: tuple[URIRef, ...] = (
    FKG.playsFor, FKG.captainOf, FKG.manages, FKG.won, FKG.defeated, FKG.scoredIn,
    FKG.formerlyPlayedFor, FKG.formerlyManaged, FKG.linkedWith, FKG.homeGround,
    FKG.team, FKG.competition, FKG.venue,
)

FIRST_VIEW = 150         # a bigger page opens on its best-connected teams and competitions
FIRST_LINKS = 3          # ... each drawn with its strongest links only (a pair's facts counted)
FIRST_FONT = 26         # ... and labelled big enough to read when the whole view is fitted
MAX_SIZE = 48            # no node drawn bigger: a club with thousands of facts covered its neighbours
MAX_TIP_FACTS = 25       # facts listed in one tooltip
MAX_TIP_EVIDENCE = 3     # sentences listed per fact in an edge's tooltip
MAX_NODE_TIP_EVIDENCE = 1  # ... and in an entity's tooltip, which lists all its facts
_WIKIDATA = str(WIKIDATA)  # owl:sameAs targets that are Wikidata items
MAX_TIP_SENTENCE = 180   # characters of an evidence sentence shown in a tooltip
MAX_TIP_TITLE = 90       # characters of an article title shown in a tooltip
MAX_TIP_ARTICLES = 10    # "mentioned in" articles listed per entity

_REMOTE_ATTR = re.compile(r"""\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", re.I)
_CDN = re.compile(r"cdnjs|jsdelivr|unpkg", re.I)


@lru_cache(maxsize=1)
def property_labels() -> dict[URIRef, str]:
    """rdfs:label of every fact property, read from the ontology file."""
    onto = Graph()
    onto.parse(ONTOLOGY_FILE, format="turtle")
    labels: dict[URIRef, str] = {}
    for prop in FACT_PROPERTIES:
        found = sorted(str(lbl) for lbl in onto.objects(prop, RDFS.label)
                       if isinstance(lbl, Literal) and lbl.language in (None, "en"))
        labels[prop] = found[0] if found else _local_name(prop)
    return labels


def _local_name(iri: URIRef | str) -> str:
    return re.split(r"[/#]", str(iri).rstrip("/#"))[-1]


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis (cut before escaping)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "\u2026"


# ------------------------------------------------------------------ projection

def project(graph: Any, detail: Iterable[str] | None = None) -> nx.MultiDiGraph:
    """Entities as nodes, facts as edges (keyed by property IRI), with evidence on the edges.

    ``graph`` is an output folder or graph file, an rdflib graph or a pyoxigraph Store; it is read
    through Oxigraph. ``detail``: the nodes whose other names, articles and edge evidence are read
    (default: every node). The page draws only its node budget, and reading every sentence of a
    20,000-article graph would take most of the time and memory, so `render_html` reads the bare
    graph first, picks the nodes, then reads the details of those alone.
    """
    from kg.store import open_store

    store = open_store(graph)
    g = nx.MultiDiGraph()
    rank = {str(cls): i for i, cls in enumerate(STYLES)}  # most specific first
    classes: dict[str, str] = {}
    for e, c in _select(store, "SELECT ?e ?c WHERE { ?e a ?c . VALUES ?c { %s } FILTER(isIRI(?e)) }"
                        % " ".join(f"<{c}>" for c in STYLES)):
        if e not in classes or rank[c] < rank[classes[e]]:
            classes[e] = c
    labels = _first_values(store, "SELECT ?e ?v WHERE { ?e rdfs:label ?v FILTER(isLiteral(?v)) }", classes)
    for iri in sorted(classes):
        g.add_node(iri, cls=URIRef(classes[iri]), label=labels.get(iri) or _local_name(iri), alt=[],
                   articles=[])
    prop_labels = property_labels()
    facts = "SELECT DISTINCT ?s ?p ?o WHERE { VALUES ?p { %s } ?s ?p ?o }" % " ".join(
        f"<{p}>" for p in FACT_PROPERTIES)
    for s_iri, p_iri, o_iri in sorted(_select(store, facts)):
        if s_iri != o_iri and s_iri in g and o_iri in g:
            g.add_edge(s_iri, o_iri, key=p_iri, label=prop_labels[URIRef(p_iri)], evidence=[])
    add_details(store, g, g.nodes if detail is None else detail)
    return g


_FIELDS = {str(RDF.type): "type", str(RDF.subject): "s", str(RDF.predicate): "p", str(RDF.object): "o",
           str(FKG.article): "a", str(FKG.sentence): "sentence", str(FKG.rule): "rule",
           str(FKG.confidence): "conf"}


def add_details(store: Any, g: nx.MultiDiGraph, nodes: Iterable[str], evidence_file: Path | None = None) -> None:
    """Fill in the other names and articles of ``nodes`` and the evidence of their edges.

    Read by index lookups (quads for a pattern), not by one SPARQL query joined with a VALUES
    list of thousands of IRIs, which Oxigraph evaluates in time quadratic in the list. With
    ``evidence_file`` (the build's TriG, when ``store`` holds only its facts), the evidence is
    read by streaming that file once instead of loading it: 7.5 million quads for 20,000
    articles took 3.5 GB in a store."""
    from pyoxigraph import NamedNode

    wanted = sorted(set(nodes) & set(g.nodes))
    if not wanted:
        return
    kept = set(wanted)
    articles = _articles(store)
    alt_p, mentioned_p = NamedNode(str(SKOS.altLabel)), NamedNode(str(FKG.mentionedIn))
    same_p = NamedNode(str(OWL.sameAs))
    for iri in wanted:
        node = NamedNode(iri)
        data = g.nodes[iri]
        alt = {q.object.value for q in store.quads_for_pattern(node, alt_p, None) if _is_literal(q.object)}
        data["alt"] = sorted(alt - {data["label"]})
        data["wikidata"] = min((q.object.value for q in store.quads_for_pattern(node, same_p, None)
                                if isinstance(q.object, NamedNode) and q.object.value.startswith(_WIKIDATA)),
                               default=None)
        data["articles"] = sorted({articles.get(q.object.value, (_local_name(q.object.value), ""))
                                   for q in store.quads_for_pattern(node, mentioned_p, None)
                                   if isinstance(q.object, NamedNode)})
    records = _streamed_evidence(evidence_file, kept) if evidence_file is not None else None
    if records is None:
        if evidence_file is not None:  # not written by kg build: load it after all
            from kg.store import open_store

            store = open_store(evidence_file)
        records = _stored_evidence(store, wanted)
    evidence: dict[tuple[str, str, str], set[tuple[str, str, str, str, str]]] = defaultdict(set)
    days = _first_values(store, "SELECT ?a ?v WHERE { ?a a fkg:Article ; <http://purl.org/dc/terms/date> ?v }")
    seen: dict[tuple[str, str, str], set[str]] = defaultdict(set)  # the dates of each fact's articles
    for values in records:
        if str(FKG.Evidence) not in values["type"] or not (values["s"] and values["p"] and values["o"]):
            continue
        a = min(values["a"], default=None)
        a_label, a_source = articles.get(a, (_local_name(a), "")) if a else ("", "")
        if a in days:
            seen[(min(values["s"]), min(values["p"]), min(values["o"]))].add(days[a])
        evidence[(min(values["s"]), min(values["p"]), min(values["o"]))].add((
            a_source, a_label, min(values["sentence"], default=""), min(values["rule"], default=""),
            _decimal(min(values["conf"], default=""))))
    for s, o, key, data in g.edges(keys=True, data=True):
        if s in kept or o in kept:
            data["evidence"] = sorted(evidence.get((s, key, o), ()))
            dated = sorted(seen.get((s, key, o), ()))
            if dated:
                data["dates"] = [dated[0], dated[-1]]


def _stored_evidence(store: Any, wanted: list[str]) -> list[dict[str, list[str]]]:
    """The fields of every evidence node about one of ``wanted``, by index lookups."""
    from pyoxigraph import NamedNode

    out, seen = [], set()
    for iri in wanted:
        for link in (NamedNode(str(RDF.subject)), NamedNode(str(RDF.object))):
            for q in store.quads_for_pattern(None, link, NamedNode(iri)):
                ev = q.subject
                if not isinstance(ev, NamedNode) or ev.value in seen:
                    continue
                seen.add(ev.value)
                values: dict[str, list[str]] = defaultdict(list)
                for f in store.quads_for_pattern(ev, None, None):
                    name = _FIELDS.get(f.predicate.value)
                    if name:
                        values[name].append(f.object.value)
                out.append(values)
    return out


def _streamed_evidence(path: Path, kept: set[str]) -> list[dict[str, list[str]]] | None:
    """The fields of every evidence node about a node in ``kept``, in one pass over a TriG file
    whose named-graph triples come grouped by subject (as `kg build` writes them); None if they
    do not (a subject seen again after its group ended)."""
    from pyoxigraph import DefaultGraph, RdfFormat, parse

    out: list[dict[str, list[str]]] = []
    finished: set[str] = set()
    current: str | None = None
    values: dict[str, list[str]] = defaultdict(list)

    def close() -> None:
        if current is not None and (kept.intersection(values["s"]) or kept.intersection(values["o"])):
            out.append(values)

    for q in parse(path=str(path), format=RdfFormat.TRIG):
        if isinstance(q.graph_name, DefaultGraph):
            continue
        subject = q.subject.value
        if subject != current:
            close()
            if current is not None:
                finished.add(current)
            if subject in finished:
                return None
            current, values = subject, defaultdict(list)
        name = _FIELDS.get(q.predicate.value)
        if name:
            values[name].append(q.object.value)
    close()
    return out


def _is_literal(term: Any) -> bool:
    from pyoxigraph import Literal as OxLiteral

    return isinstance(term, OxLiteral)


def _decimal(text: str) -> str:
    """A confidence as the graph file writes it (Oxigraph reads "0.80" back as "0.8")."""
    try:
        return f"{float(text):.2f}" if text else text
    except ValueError:
        return text


def _articles(store: Any) -> dict[str, tuple[str, str]]:
    """Each article's (label, source file): its rdfs:label, else its file, else its IRI's end."""
    out = {}
    sources = _first_values(store, "SELECT ?a ?v WHERE { ?a a fkg:Article ; fkg:sourceFile ?v }")
    labels = _first_values(store, "SELECT ?a ?v WHERE { ?a a fkg:Article ; rdfs:label ?v }")
    for a in set(sources) | set(labels):
        source = sources.get(a, "")
        out[a] = (labels.get(a) or source or _local_name(a), source)
    return out


def _first_values(store: Any, query: str, keep: Iterable[str] | None = None) -> dict[str, str]:
    """subject -> the smallest of its values, from a two-column query."""
    wanted = None if keep is None else set(keep)
    out: dict[str, str] = {}
    for subject, value in _select(store, query):
        if (wanted is None or subject in wanted) and (subject not in out or value < out[subject]):
            out[subject] = value
    return out


def _select(store: Any, query: str) -> list[tuple[str | None, ...]]:
    """Rows of a SELECT over the union of the store's graphs, as plain strings (IRIs' text,
    literals' lexical forms), None where unbound."""
    from kg.serialize import PREFIXES

    result = store.query(query, prefixes=dict(PREFIXES), use_default_graph_as_union=True)
    return [tuple(None if t is None else t.value for t in row) for row in result]


def select_nodes(g: nx.MultiDiGraph, node_budget: int) -> list[str]:
    """The ``node_budget`` most connected nodes; ties go to the smaller IRI."""
    ranked = sorted(g.nodes, key=lambda n: (-g.degree(n), n))
    return sorted(ranked[:node_budget])


def first_view(g: nx.MultiDiGraph, keep: list[str]) -> set[str]:
    """What a big page draws first: its best-connected clubs, national teams and competitions
    (results and honours between them), at most FIRST_VIEW; the best-connected other nodes
    only if the page has fewer than 20 of those."""
    sub = g.subgraph(keep)
    teams = [n for n in keep if g.nodes[n]["cls"] in (FKG.Club, FKG.NationalTeam, FKG.Trophy)]
    ranked = sorted(teams, key=lambda n: (-sub.degree(n), n))[:FIRST_VIEW]
    if len(ranked) < 20:
        ranked = select_nodes(sub, FIRST_VIEW)
    return set(ranked)


def first_links(edges: list[tuple[str, str, Any, dict]], first: set[str]) -> set[tuple[str, str]]:
    """The pairs of first-view nodes drawn at first: each node's FIRST_LINKS strongest links (by
    the number of facts between the pair; ties to the smaller IRI). A first view of 80 clubs
    holding 3,200 results between them was a mesh; the rest come with a click on a node."""
    strength: Counter = Counter()
    for s, o, _, _ in edges:
        if s in first and o in first and s != o:
            strength[(min(s, o), max(s, o))] += 1
    by_node: dict[str, list[tuple[int, str, tuple[str, str]]]] = defaultdict(list)
    for pair, n in strength.items():
        by_node[pair[0]].append((-n, pair[1], pair))
        by_node[pair[1]].append((-n, pair[0], pair))
    return {pair for links in by_node.values() for _, _, pair in sorted(links)[:FIRST_LINKS]}


def focus_nodes(g: nx.MultiDiGraph, focus: str, depth: int, node_budget: int) -> list[str]:
    """The entity ``focus`` names (an IRI, a prefixed name such as `club:liverpool`, or a label)
    and what lies within ``depth`` facts of it, nearest first, then best connected, up to the
    budget: a page about one thing, not the whole graph."""
    start = _find(g, focus)
    distance = {start: 0}
    frontier = [start]
    for d in range(1, depth + 1):
        nxt = []
        for n in frontier:
            for m in sorted(set(g.successors(n)) | set(g.predecessors(n))):
                if m not in distance:
                    distance[m] = d
                    nxt.append(m)
        frontier = nxt
    ranked = sorted(distance, key=lambda n: (distance[n], -g.degree(n), n))
    return sorted(ranked[:node_budget])


def _find(g: nx.MultiDiGraph, focus: str) -> str:
    text = focus.strip()
    if text in g:
        return text
    prefix, sep, rest = text.partition(":")
    if sep and not rest.startswith("//"):  # club:liverpool, national-team:england
        iri = f"{ID}{prefix}/{rest}"
        if iri in g:
            return iri
    wanted = text.casefold()
    hits = sorted(n for n, d in g.nodes(data=True)
                  if d["label"].casefold() == wanted or any(a.casefold() == wanted for a in d["alt"]))
    if not hits:
        raise DataError(Errors.E095.format(focus=focus))
    if len(hits) > 1:
        raise DataError(Errors.E096.format(focus=focus, count=len(hits), some=", ".join(hits[:3])))
    return hits[0]


# ------------------------------------------------------------------ tooltips

def _evidence_html(items: list[tuple[str, str, str, str, str]],
                   limit: int = MAX_TIP_EVIDENCE) -> str:
    if not items:
        return ""
    rows = []
    for source, label, sentence, rule, confidence in items[:limit]:
        sentence = _clip(sentence, MAX_TIP_SENTENCE)
        where = _esc(_clip(label, MAX_TIP_TITLE))
        if source and source != label:
            where += f" <span class=\"kg-src\">({_esc(source)})</span>"
        meta = ", ".join(x for x in (rule, confidence) if x)
        rows.append(f"<li>\u201c{_esc(sentence)}\u201d<br><span class=\"kg-art\">\u2014 {where}"
                    + (f" <span class=\"kg-src\">[{_esc(meta)}]</span>" if meta else "")
                    + "</span></li>")
    more = len(items) - limit
    if more > 0:
        rows.append(f"<li class=\"kg-more\">\u2026 and {more} more sentence(s)</li>")
    return "<ul class=\"kg-ev\">" + "".join(rows) + "</ul>"


def _node_title(g: nx.MultiDiGraph, node: str) -> str:
    data = g.nodes[node]
    parts = [f"<div class=\"kg-h\">{_esc(data['label'])} "
             f"<span class=\"kg-cls\">{_esc(STYLES[data['cls']].name)}</span></div>",
             f"<div class=\"kg-iri\">{_esc(node)}</div>"]
    if data["alt"]:
        parts.append(f"<div>Also: {_esc(', '.join(data['alt']))}</div>")
    if data.get("wikidata"):
        qid = data["wikidata"][len(_WIKIDATA):]
        parts.append(f"<div class=\"kg-wd\"><a href=\"https://www.wikidata.org/wiki/{_esc(qid)}\" "
                     f"target=\"_blank\" rel=\"noopener noreferrer\">Wikidata {_esc(qid)}</a></div>")
    facts = []
    for _, obj, prop, edata in sorted(g.out_edges(node, keys=True, data=True),
                                      key=lambda e: (e[2], e[1])):
        facts.append(f"<li>{_esc(edata['label'])} <b>{_esc(g.nodes[obj]['label'])}</b>"
                     + _evidence_html(edata["evidence"], MAX_NODE_TIP_EVIDENCE) + "</li>")
    for subj, _, prop, edata in sorted(g.in_edges(node, keys=True, data=True),
                                       key=lambda e: (e[2], e[0])):
        facts.append(f"<li><b>{_esc(g.nodes[subj]['label'])}</b> {_esc(edata['label'])} "
                     "<i>this</i>" + _evidence_html(edata["evidence"], MAX_NODE_TIP_EVIDENCE)
                     + "</li>")
    if facts:
        shown = facts[:MAX_TIP_FACTS]
        if len(facts) > MAX_TIP_FACTS:
            shown.append(f"<li class=\"kg-more\">\u2026 and {len(facts) - MAX_TIP_FACTS} "
                         "more fact(s)</li>")
        parts.append(f"<div class=\"kg-sec\">Facts ({len(facts)})</div>"
                     f"<ul class=\"kg-facts\">{''.join(shown)}</ul>")
    else:
        parts.append("<div class=\"kg-sec\">No facts</div>")
    if data["articles"]:
        items = [f"<li>{_esc(_clip(label, MAX_TIP_TITLE))}"
                 + (f" <span class=\"kg-src\">({_esc(src)})</span>" if src and src != label
                    else "") + "</li>"
                 for label, src in data["articles"][:MAX_TIP_ARTICLES]]
        more = len(data["articles"]) - MAX_TIP_ARTICLES
        if more > 0:
            items.append(f"<li class=\"kg-more\">\u2026 and {more} more</li>")
        parts.append(f"<div class=\"kg-sec\">Mentioned in ({len(data['articles'])})</div>"
                     f"<ul>{''.join(items)}</ul>")
    return "".join(parts)


def _edge_title(g: nx.MultiDiGraph, s: str, o: str, edata: dict) -> str:
    dates = edata.get("dates")
    when = ""
    if dates:
        when = (f"<div class=\"kg-src\">seen {_esc(dates[0])}</div>" if dates[0] == dates[1] else
                f"<div class=\"kg-src\">first seen {_esc(dates[0])}, last seen {_esc(dates[1])}</div>")
    return (f"<div class=\"kg-h\">{_esc(g.nodes[s]['label'])} {_esc(edata['label'])} "
            f"{_esc(g.nodes[o]['label'])}</div>" + when
            + (_evidence_html(edata["evidence"]) or "<div>No evidence sentence</div>"))


# ------------------------------------------------------------------ page

_CSS = """
<style>
  html, body { margin: 0; padding: 0; height: 100%; overflow: hidden;
               font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  .card { width: 100% !important; height: 100vh; }
  #mynetwork { width: 100% !important; height: 100vh !important; float: none !important;
               border: 0 !important; }
  #kg-panel { position: absolute; top: 10px; left: 10px; z-index: 10; width: 260px;
              max-height: calc(100vh - 40px); overflow: auto; background: rgba(255,255,255,.94);
              border: 1px solid #ccd; border-radius: 6px; padding: 10px 12px; font-size: 13px;
              box-shadow: 0 2px 8px rgba(0,0,0,.12); }
  #kg-panel h2 { font-size: 15px; margin: 0 0 8px 0; }
  #kg-search-row { display: flex; gap: 4px; margin-bottom: 4px; }
  #kg-search { flex: 1; min-width: 0; padding: 3px 5px; font-size: 13px; }
  #kg-search-status { min-height: 1.2em; color: #555; margin-bottom: 6px; }
  #kg-legend { list-style: none; margin: 0 0 8px 0; padding: 0; }
  #kg-legend li { margin: 2px 0; }
  #kg-legend label { cursor: pointer; display: flex; align-items: center; gap: 6px; }
  .kg-glyph { display: inline-block; width: 1.2em; text-align: center; font-size: 16px; }
  .kg-count { color: #777; margin-left: auto; }
  #kg-stats { color: #333; border-top: 1px solid #dde; padding-top: 6px; }
  #kg-dropped { color: #a04000; margin-top: 4px; }
  #kg-first { color: #555; margin-top: 4px; font-size: 12px; }
  #kg-relations, #kg-dates { margin: 0 0 8px 0; }
  #kg-dates label { display: flex; align-items: center; gap: 6px; font-size: 12px; }
  #kg-relations ul { list-style: none; margin: 2px 0 0 0; padding: 0; }
  #kg-relations label { cursor: pointer; display: flex; align-items: center; gap: 6px; }
  div.vis-tooltip { white-space: normal !important; max-width: 520px; max-height: 85vh;
                    overflow: hidden; font-size: 12px; line-height: 1.35; padding: 8px 10px;
                    font-family: inherit !important; }
  /* vis-network's own sheet asks for Verdana, absent on most Linux machines (serif fallback);
     a long tooltip is cut at max-height, and the fade shows that there is more. */
  div.vis-tooltip::after { content: ""; position: absolute; left: 0; right: 0; bottom: 0;
                           height: 12px; background: linear-gradient(rgba(245,244,237,0),
                           #f5f4ed); }
  .kg-tip .kg-h { font-weight: bold; font-size: 13px; }
  .kg-tip .kg-cls { font-weight: normal; color: #666; font-style: italic; }
  .kg-tip .kg-iri, .kg-tip .kg-src { color: #888; font-size: 11px; word-break: break-all; }
  .kg-tip .kg-sec { font-weight: bold; margin-top: 6px; }
  .kg-tip ul { margin: 2px 0; padding-left: 16px; }
  .kg-tip ul.kg-ev { list-style: none; padding-left: 8px; color: #333; }
  .kg-tip ul.kg-ev li { margin: 2px 0; }
  .kg-tip .kg-art { color: #666; font-size: 11px; }
  .kg-tip .kg-more { color: #888; font-style: italic; }
  #kg-nav { display: flex; gap: 4px; margin-bottom: 6px; }
  #kg-nav button { font-size: 12px; padding: 2px 6px; }
  /* the entity panel: a clicked node's names, type, facts with their sentences, articles */
  #kg-entity { position: absolute; top: 10px; right: 10px; z-index: 10; width: 380px;
               max-height: calc(100vh - 40px); overflow: auto; background: rgba(255,255,255,.97);
               border: 1px solid #ccd; border-radius: 6px; padding: 10px 12px; font-size: 13px;
               box-shadow: 0 2px 8px rgba(0,0,0,.12); }
  #kg-entity[hidden] { display: none; }
  #kg-entity-close { float: right; border: 0; background: none; font-size: 18px; cursor: pointer; }
</style>
"""

_JS = """
<script type="text/javascript">
(function () {
  // Tooltips are HTML built in Python with every article text escaped. vis-network shows string
  // titles as plain text, so hand it elements built from that (already escaped) markup.
  function tip(markup) {
    var div = document.createElement("div");
    div.className = "kg-tip";
    div.innerHTML = markup;
    return div;
  }
  nodes.update(nodes.get().filter(function (n) { return typeof n.title === "string"; })
    .map(function (n) { return {id: n.id, title: tip(n.title)}; }));
  edges.update(edges.get().filter(function (e) { return typeof e.title === "string"; })
    .map(function (e) { return {id: e.id, title: tip(e.title)}; }));

  // A node is drawn when it is in the view (the first view, or brought in by a search or a
  // double-click) and its class is ticked; an edge when both its ends are drawn, and, for an
  // edge a big page's first view leaves out (link: false), one of its ends has been opened.
  var shown = {}, inView = {}, firstView = {}, neighbours = {}, opened = {};
  nodes.get().forEach(function (n) { if (n.view !== false) { inView[n.id] = firstView[n.id] = true; } });
  edges.get().forEach(function (e) {
    (neighbours[e.from] = neighbours[e.from] || []).push(e.to);
    (neighbours[e.to] = neighbours[e.to] || []).push(e.from);
  });
  var boxes = document.querySelectorAll("#kg-legend input[type=checkbox]");
  var relBoxes = document.querySelectorAll("#kg-relations input[type=checkbox]");
  var relShown = {};
  var daysNode = document.getElementById("kg-dates");
  var days = daysNode ? JSON.parse(daysNode.getAttribute("data-days")) : [];
  var fromBox = document.getElementById("kg-date-from"), toBox = document.getElementById("kg-date-to");
  var dateLabel = document.getElementById("kg-date-label");
  function range() {  // the two sliders' dates, earlier first whichever slider is which
    return [days[Math.min(+fromBox.value, +toBox.value)], days[Math.max(+fromBox.value, +toBox.value)]];
  }
  function inDates(e) {  // seen in the chosen range; a fact of undated articles always is
    if (!fromBox || !e.first) { return true; }
    var r = range();
    return e.first <= r[1] && e.last >= r[0];
  }
  function applyFilter() {
    boxes.forEach(function (box) { shown[box.value] = box.checked; });
    relBoxes.forEach(function (box) { relShown[box.value] = box.checked; });
    if (fromBox) {
      dateLabel.textContent = range().join(" \u2013 ");
    }
    var hidden = {};
    // what is hidden is out of the layout's physics too: vis.js moves hidden nodes otherwise, and
    // a big page's first view would be laid out (and fitted) among thousands of invisible nodes
    nodes.update(nodes.get().map(function (n) {
      var h = !inView[n.id] || shown[n.cls] === false;
      if (h) { hidden[n.id] = true; }
      return {id: n.id, hidden: h, physics: !h};
    }));
    edges.update(edges.get().map(function (e) {
      var h = !!(hidden[e.from] || hidden[e.to]) || relShown[e.label] === false || !inDates(e)
        || (e.link === false && !opened[e.from] && !opened[e.to]);
      return {id: e.id, hidden: h, physics: !h};
    }));
  }
  function expand(id) {
    inView[id] = opened[id] = true;
    var at = network.getPositions([id])[id];
    var arriving = (neighbours[id] || []).filter(function (m) { return !inView[m]; });
    arriving.forEach(function (m) { inView[m] = true; });
    if (at) {  // newcomers start beside the node that brought them, not where the page left them
      nodes.update(arriving.map(function (m, k) {
        var a = 2 * Math.PI * k / Math.max(1, arriving.length);
        return {id: m, x: at.x + 60 * Math.cos(a), y: at.y + 60 * Math.sin(a)};
      }));
    }
    applyFilter();
  }
  boxes.forEach(function (box) { box.addEventListener("change", applyFilter); });
  relBoxes.forEach(function (box) { box.addEventListener("change", applyFilter); });
  [fromBox, toBox].forEach(function (box) { if (box) { box.addEventListener("input", applyFilter); } });

  var list = document.getElementById("kg-names");
  var all = nodes.get();
  var names = {};
  all.forEach(function (n) {
    names[n.label] = true;
    (n.alt || []).forEach(function (a) { names[a] = true; });
  });
  Object.keys(names).sort().forEach(function (name) {
    var opt = document.createElement("option");
    opt.value = name;
    list.appendChild(opt);
  });

  var input = document.getElementById("kg-search");
  var status = document.getElementById("kg-search-status");
  function find(query) {
    var q = query.trim().toLowerCase();
    if (!q) { return null; }
    var exact = null, partial = null;
    all.forEach(function (n) {
      var texts = [n.label].concat(n.alt || []).map(function (t) { return t.toLowerCase(); });
      if (!exact && texts.indexOf(q) >= 0) { exact = n; }
      if (!partial && texts.some(function (t) { return t.indexOf(q) >= 0; })) { partial = n; }
    });
    return exact || partial;
  }
  function search() {
    var n = find(input.value);
    if (!n) {
      status.textContent = input.value.trim() ? "No entity matches \\u201c" + input.value.trim()
        + "\\u201d" : "";
      return;
    }
    boxes.forEach(function (box) {
      if (box.value === n.cls && !box.checked) { box.checked = true; applyFilter(); }
    });
    go(n.id, true);
    status.textContent = "Found: " + n.label;
  }

  // The entity panel shows the clicked (or found) node's own markup, already escaped in Python;
  // Back and Forward walk the nodes looked at, Reset shows the whole drawing again.
  var panel = document.getElementById("kg-entity");
  var panelBody = document.getElementById("kg-entity-body");
  var back = document.getElementById("kg-back"), forward = document.getElementById("kg-forward");
  var seen = [], at = -1;
  function show(id) {
    var n = nodes.get(id);
    if (!n) { return; }
    panelBody.textContent = "";
    panelBody.appendChild(typeof n.title === "string" ? tip(n.title) : n.title.cloneNode(true));
    panel.hidden = false;
  }
  function go(id, remember) {
    if (!inView[id]) { expand(id); } else if (!opened[id]) { opened[id] = true; applyFilter(); }
    network.selectNodes([id]);
    network.focus(id, {scale: 1.4, animation: {duration: 600, easingFunction: "easeInOutQuad"}});
    show(id);
    if (remember && seen[at] !== id) { seen = seen.slice(0, at + 1); seen.push(id); at = seen.length - 1; }
    back.disabled = at <= 0;
    forward.disabled = at >= seen.length - 1;
  }
  network.on("click", function (params) { if (params.nodes.length) { go(params.nodes[0], true); } });
  network.on("doubleClick", function (params) { if (params.nodes.length) { expand(params.nodes[0]); } });
  back.addEventListener("click", function () { if (at > 0) { at -= 1; go(seen[at], false); } });
  forward.addEventListener("click", function () {
    if (at < seen.length - 1) { at += 1; go(seen[at], false); }
  });
  document.getElementById("kg-reset").addEventListener("click", function () {
    network.unselectAll();
    panel.hidden = true;
    inView = Object.assign({}, firstView);
    opened = {};
    applyFilter();
    network.fit({animation: {duration: 400}});
  });
  document.getElementById("kg-entity-close").addEventListener("click", function () { panel.hidden = true; });
  input.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { search(); } });
  input.addEventListener("change", search);
  document.getElementById("kg-search-go").addEventListener("click", search);
})();
</script>
"""


def _dates(days: list[str]) -> str:
    """Two sliders over the dates of the articles the drawn facts come from: a fact is drawn
    when it was seen between them (first seen on or before "to", last seen on or after "from");
    a fact from undated articles always is."""
    if len(days) < 2:
        return ""
    last = len(days) - 1
    return (f"<details id=\"kg-dates\" open data-days=\"{_esc(json.dumps(days))}\"><summary>Dates</summary>"
            f"<div id=\"kg-date-label\">{_esc(days[0])} \u2013 {_esc(days[-1])}</div>"
            f"<label>from <input id=\"kg-date-from\" type=\"range\" min=\"0\" max=\"{last}\" value=\"0\"></label>"
            f"<label>to <input id=\"kg-date-to\" type=\"range\" min=\"0\" max=\"{last}\" value=\"{last}\"></label>"
            "</details>")


def _panel(counts: Counter, summary: VizSummary, total_nodes: int, total_edges: int,
           node_budget: int, relations: Counter, first_count: int | None = None,
           days: list[str] | None = None) -> str:
    rows = []
    for cls, style in STYLES.items():
        rows.append(
            f"<li><label><input type=\"checkbox\" value=\"{_esc(style.name)}\" checked>"
            f"<span class=\"kg-glyph\" style=\"color:{style.color}\">{style.symbol}</span>"
            f"{_esc(style.name)}<span class=\"kg-count\">{counts.get(style.name, 0)}</span>"
            "</label></li>")
    dropped = ""
    if summary.dropped_nodes or summary.dropped_edges:
        dropped = (f"<div id=\"kg-dropped\">Node budget {node_budget}: "
                   f"{summary.dropped_nodes} less connected node(s) and "
                   f"{summary.dropped_edges} edge(s) left out.</div>")
    return (
        "<div id=\"kg-panel\">"
        "<h2>football-kg</h2>"
        "<div id=\"kg-search-row\"><input id=\"kg-search\" type=\"search\" list=\"kg-names\" "
        "placeholder=\"Find an entity\u2026\" autocomplete=\"off\">"
        "<button id=\"kg-search-go\" type=\"button\">Go</button></div>"
        "<datalist id=\"kg-names\"></datalist>"
        "<div id=\"kg-search-status\"></div>"
        "<div id=\"kg-nav\"><button id=\"kg-back\" type=\"button\" disabled>\u25c0 Back</button>"
        "<button id=\"kg-forward\" type=\"button\" disabled>Forward \u25b6</button>"
        "<button id=\"kg-reset\" type=\"button\">Reset</button></div>"
        f"<ul id=\"kg-legend\">{''.join(rows)}</ul>"
        "<details id=\"kg-relations\"><summary>Relations</summary><ul>"
        + "".join(f"<li><label><input type=\"checkbox\" value=\"{_esc(rel)}\" checked>{_esc(rel)}"
                  f"<span class=\"kg-count\">{n}</span></label></li>" for rel, n in sorted(relations.items()))
        + "</ul></details>" + _dates(days or [])
        + f"<div id=\"kg-stats\">Showing {summary.nodes} of {total_nodes} node(s) and "
        f"{summary.edges} of {total_edges} edge(s).{dropped}</div>"
        + (f"<div id=\"kg-first\">First view: the {first_count} best-connected teams and competitions. "
           "Find an entity, or double-click a node, to bring in its neighbours; Reset returns here.</div>"
           if first_count is not None else "") +
        "</div>"
        "<div id=\"kg-entity\" hidden><button id=\"kg-entity-close\" type=\"button\" "
        "title=\"Close\">\u00d7</button><div id=\"kg-entity-body\"></div></div>")


def _options(n_nodes: int) -> dict:
    return {
        "layout": {"randomSeed": 1, "improvedLayout": n_nodes <= 150},
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "centralGravity": 0.008,
                                 "springLength": 110, "springConstant": 0.06,
                                 "avoidOverlap": 0.4},
            "minVelocity": 1,
            "stabilization": {"enabled": True, "iterations": 400, "fit": True},
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": n_nodes > 500},
        "nodes": {"font": {"size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "borderWidth": 1},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "color": {"color": "#a0a8b0", "highlight": "#333333", "inherit": False},
                  "font": {"size": 10, "color": "#555555", "strokeWidth": 2,
                           "align": "middle"},
                  "smooth": {"enabled": True, "type": "continuous"}},
    }


def _postprocess(page: str, css: str, panel: str, script: str) -> str:
    """Make pyvis's page offline, safe and ours: drop remote assets, add panel and script."""
    # Remote stylesheets and scripts (bootstrap, from the template) and the commented-out ones.
    page = re.sub(r"<link\b[^>]*\bhref\s*=\s*[\"']?(?:https?:)?//[^>]*>", "", page, flags=re.I)
    page = re.sub(r"<script\b[^>]*\bsrc\s*=\s*[\"']?(?:https?:)?//[^>]*>\s*</script>", "", page,
                  flags=re.I)
    page = re.sub(r"<!--\s*<link[^>]*node_modules.*?-->", "", page, flags=re.S)
    page = re.sub(r"<center>\s*<h1>\s*</h1>\s*</center>", "", page)

    # The embedded data must never close its <script>: tojson already escapes "<", and "</" is
    # escaped again here in case a pyvis version does not.
    def no_close(match: re.Match) -> str:
        return match.group(0).replace("</", "<\\/")
    page, n = re.subn(r"(?m)^\s*(?:nodes|edges) = new vis\.DataSet\(.*\);$", no_close, page)
    if n != 2:
        raise RuntimeError("kg.viz: unexpected pyvis template (vis.DataSet lines not found)")

    head = page.index('<meta charset="utf-8">') + len('<meta charset="utf-8">')
    page = page[:head] + "\n<title>football-kg graph</title>" + page[head:]
    body = re.search(r"</head>\s*<body>", page)
    if body is None or len(re.findall(r"</head>\s*<body>", page)) != 1:
        raise RuntimeError("kg.viz: unexpected pyvis template (<body> not found)")
    page = page[:body.start()] + css + page[body.start():body.end()] + "\n" + panel \
        + page[body.end():]
    end = page.rindex("</body>")
    page = page[:end] + script + page[end:]

    if _REMOTE_ATTR.search(page) or _CDN.search(page):
        raise RuntimeError("kg.viz: a remote URL is left in the page")
    return page


def render_html(graph: Any, node_budget: int = 2000, focus: str | None = None,
                depth: int = 1) -> tuple[str, VizSummary]:
    """The page for a graph (see `project` for what ``graph`` may be), and what it shows: the
    best connected nodes, or with ``focus`` one entity's neighbourhood (`focus_nodes`)."""
    if node_budget < 1:
        raise ValueError("node_budget must be at least 1")
    from kg.store import open_store

    files = build_files(graph) if isinstance(graph, (str, Path)) else None
    facts, evidence_file = files if files is not None else (None, None)
    store = open_store(facts if facts is not None else graph)
    g = project(store, detail=())
    keep = focus_nodes(g, focus, depth, node_budget) if focus is not None else select_nodes(g, node_budget)
    add_details(store, g, keep, evidence_file)
    kept = set(keep)
    edges = sorted(((s, o, k, d) for s, o, k, d in g.edges(keys=True, data=True)
                    if s in kept and o in kept), key=lambda e: (e[0], e[1], e[2]))
    summary = VizSummary(nodes=len(keep), edges=len(edges),
                         dropped_nodes=g.number_of_nodes() - len(keep),
                         dropped_edges=g.number_of_edges() - len(edges))

    # a page of more than FIRST_VIEW nodes opens on the best connected of them (a hairball of
    # thousands is unreadable); search, a click's Back/Forward and a double-click bring in the rest
    first = first_view(g, keep) if focus is None and len(keep) > FIRST_VIEW else kept
    thinned = first is not kept
    links = first_links(edges, first) if thinned else set()
    drawn_pairs: set[tuple[str, str]] = set()  # one edge a pair in the first view: "6 results" is one line
    net = Network(height="100vh", width="100%", directed=True, cdn_resources="in_line")
    counts: Counter = Counter()
    for node in keep:
        data = g.nodes[node]
        style = STYLES[data["cls"]]
        counts[style.name] += 1
        degree = g.degree(node)
        net.add_node(node, label=data["label"], shape=style.shape, color=style.color,
                     size=round(min(MAX_SIZE, 10 + 5 * math.sqrt(degree)), 1), title=_node_title(g, node),
                     cls=style.name, alt=data["alt"], degree=degree, view=node in first,
                     hidden=node not in first, physics=node in first,
                     **({"font": {"size": FIRST_FONT}} if thinned and node in first else {}))
    for s, o, _, data in edges:
        dates = data.get("dates") or [None, None]
        # an edge between two first-view nodes that is not one of their strongest links waits
        # until one of its ends is opened (a click, a search, a double-click)
        pair = (min(s, o), max(s, o))
        extra = {"link": False} if thinned and s in first and o in first and (
            pair not in links or pair in drawn_pairs) else {}
        drawn_pairs.add(pair)
        hidden = s not in first or o not in first or bool(extra)
        net.add_edge(s, o, label=data["label"], title=_edge_title(g, s, o, data), hidden=hidden,
                     physics=not hidden, first=dates[0], last=dates[1], **extra)
    net.set_options(json.dumps(_options(len(first))))
    if thinned:  # one edge for each of the first view's links
        summary = replace(summary, first_nodes=len(first), first_edges=len(links))

    relations = Counter(data["label"] for _, _, _, data in edges)
    days = sorted({d for _, _, _, data in edges for d in data.get("dates") or ()})
    panel = _panel(counts, summary, g.number_of_nodes(), g.number_of_edges(), node_budget, relations,
                   len(first) if len(first) < len(keep) else None, days)
    page = _postprocess(net.generate_html(), _CSS, panel, _JS)
    return page, summary


def write_html(graph_path: str | Path, out: Path, node_budget: int = 2000, focus: str | None = None,
               depth: int = 1) -> VizSummary:
    """Write the graph at ``graph_path`` (output folder or file) as an offline HTML page."""
    graph = graph_path if build_files(graph_path) is not None else graph_file(graph_path)
    page, summary = render_html(graph, node_budget, focus, depth)
    write_atomic(Path(out), page)
    return summary
