"""The graph as a Neo4j property graph: `neo4j-admin` CSV files, an idempotent Cypher script,
and the parameterised statements the driver loader (`kg/neo4j_load.py`) sends.

One projection (`project`) decides everything once; the three outputs only print it:

- **Nodes** are the entities and articles: every IRI with an `fkg:` class other than
  `fkg:Evidence`. Labels are the ontology's class names, most specific first, then their
  super-classes (`Player;Person`, `Club;Team`). Every node keeps its IRI as the property `iri`.
  Literals become typed properties (`label`, `altLabels`, `winnerScore`, `date`, ...); links to
  IRIs that are not nodes (the Wikidata `owl:sameAs`) become string lists (`sameAs`).
- **Relationships** are the facts between nodes, typed in upper snake case from the property's
  local name (`fkg:playsFor` -> `PLAYS_FOR`, `fkg:mentionedIn` -> `MENTIONED_IN`, `fkg:team` ->
  `TEAM`). One relationship per (subject, type, object).
- **Evidence travels on the relationship it supports**, as parallel lists with one entry per
  supporting sentence (sorted by article, position, rule): `sentences`, `articles` (article
  IRIs, joinable with `(:Article {iri})`), `startChars`, `endChars`, `rules`, `confidences`,
  `evidence` (the RDF evidence node IRIs), plus `confidence`, the highest. The evidence for a
  node's class (why this person is a Player) is on the node as `typeClasses`, `typeSentences`,
  ... in the same way. `MATCH (p:Player)-[r:PLAYS_FOR]->(c) RETURN p.label, c.label,
  r.sentences` shows which sentences support each relationship.

Everything is sorted, so the same graph gives byte-identical files.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, SKOS, XSD

from kg.errors import Errors, ExportError
from kg.resources import ONTOLOGY_FILE
from kg.vocab import FKG, transitive_closure

FKG_NS = str(FKG._NS)
# The ontology's class tree, used when ontology/football.ttl is not beside the package (a wheel
# install); tests/test_neo4j.py checks it against the file.
SUPERCLASSES: dict[str, tuple[str, ...]] = {
    "Player": ("Person",), "Manager": ("Person",), "Club": ("Team",), "NationalTeam": ("Team",),
}

SCHEMA_MARKER = "// ==== SCHEMA (Neo4j 5) ===="
DATA_MARKER = "// ==== DATA ===="
DEFAULT_BATCH = 500
SCRIPT_BATCH = 100
ARRAY_DELIMITERS = (";", "|", "\u001f")  # the first that no list element contains is used

# Property names for the predicates whose local name is not the best key.
NAMES: dict[str, str] = {
    str(RDFS.label): "label",
    str(SKOS.altLabel): "altLabels",
    str(OWL.sameAs): "sameAs",
    str(DCTERMS.title): "title",
    str(DCTERMS.date): "date",
}
ALWAYS_LIST = {"altLabels", "sameAs"}
EVIDENCE_KEYS = ("sentences", "articles", "startChars", "endChars", "rules", "confidences",
                 "evidence")
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_INT = re.compile(r"^[+-]?[0-9]+$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_INTEGER_TYPES = {str(XSD[t]) for t in ("integer", "nonNegativeInteger", "positiveInteger",
                                       "nonPositiveInteger", "negativeInteger", "long", "int",
                                       "short", "byte", "unsignedLong", "unsignedInt",
                                       "unsignedShort", "unsignedByte")}
_FLOAT_TYPES = {str(XSD.decimal), str(XSD.double), str(XSD.float)}
INT32 = 2**31 - 1


# ---------------------------------------------------------------- the projection

@dataclass(frozen=True)
class Node:
    iri: str
    labels: tuple[str, ...]  # most specific first; labels[0] names the node's CSV file
    props: dict[str, Any]    # without `iri`; values: str, int, float, bool, date or lists of them
    key: str = ""            # the label MERGE and MATCH use: the root of labels[0]'s class tree


@dataclass(frozen=True)
class Rel:
    type: str
    start: str
    end: str
    start_key: str  # the key labels of the two ends (see Node.key)
    end_key: str
    props: dict[str, Any]


@dataclass
class PropertyGraph:
    nodes: list[Node]
    rels: list[Rel]
    types: dict[str, str] = field(default_factory=dict)  # property -> Neo4j import type
    skipped: int = 0  # triples about IRIs that are not nodes, and evidence without its fact

    def label_counts(self) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        for n in self.nodes:
            for label in n.labels:
                counts[label] += 1
        return dict(sorted(counts.items()))

    def type_counts(self) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        for r in self.rels:
            counts[r.type] += 1
        return dict(sorted(counts.items()))


def rel_type(predicate: str) -> str:
    """`https://...#playsFor` -> `PLAYS_FOR`."""
    local = _local(predicate)
    snake = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", local)
    snake = re.sub(r"[^A-Za-z0-9]+", "_", snake).strip("_").upper()
    return snake if snake and not snake[0].isdigit() else f"REL_{snake}"


def _local(iri: str) -> str:
    return re.split(r"[#/]", iri.rstrip("#/"))[-1]


def ontology_superclasses() -> dict[str, tuple[str, ...]]:
    """Each fkg: class's fkg: super-classes (transitive), from the ontology file when present."""
    if not ONTOLOGY_FILE.exists():
        return dict(SUPERCLASSES)
    from rdflib import Graph

    onto = Graph().parse(ONTOLOGY_FILE, format="turtle")
    direct: dict[str, set[str]] = defaultdict(set)
    for s, o in onto.subject_objects(RDFS.subClassOf):
        if str(s).startswith(FKG_NS) and str(o).startswith(FKG_NS):
            direct[str(s)[len(FKG_NS):]].add(str(o)[len(FKG_NS):])
    return {cls: tuple(sorted(supers)) for cls, supers in transitive_closure(direct).items()}


def _literal(lit: Literal) -> tuple[str, Any]:
    """(kind, value) with kind in int, double, boolean, date, string; ill-typed -> string."""
    text, dtype = str(lit), str(lit.datatype) if lit.datatype else ""
    if dtype in _INTEGER_TYPES and _INT.match(text.strip()):
        return "int", int(text)
    if dtype in _FLOAT_TYPES:
        try:
            value = float(text)
        except ValueError:
            return "string", _text(text)
        if math.isfinite(value):
            return "double", value
    if dtype == str(XSD.boolean) and text.strip() in ("true", "false", "1", "0"):
        return "boolean", text.strip() in ("true", "1")
    if dtype == str(XSD.date) and _DATE.match(text):
        try:
            return "date", dt.date.fromisoformat(text)
        except ValueError:
            pass
    return "string", _text(text)


def _lexical(kind: str, value: Any) -> str:
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "date":
        return value.isoformat()
    return str(value)


def project(ds) -> PropertyGraph:
    """The property graph of an rdflib Graph or Dataset (read with `kg.graphio.load_graph`)."""
    supers = ontology_superclasses()
    triples = set(ds.triples((None, None, None)))
    evidence_nodes = {s for s, p, o in triples if p == RDF.type and o == FKG.Evidence}
    classes: dict[URIRef, set[str]] = defaultdict(set)
    for s, p, o in triples:
        if (p == RDF.type and isinstance(s, URIRef) and isinstance(o, URIRef)
                and str(o).startswith(FKG_NS) and o != FKG.Evidence and s not in evidence_nodes):
            local = str(o)[len(FKG_NS):]
            if _IDENT.match(local):
                classes[s].add(local)
    labels = {s: _labels(cs, supers) for s, cs in classes.items()}

    skipped = 0
    values: dict[URIRef, dict[str, set[tuple[str, Any]]]] = defaultdict(lambda: defaultdict(set))
    edges: dict[tuple[URIRef, str, URIRef], set[str]] = defaultdict(set)  # -> predicates
    for s, p, o in triples:
        if s in evidence_nodes or p == RDF.type:
            continue
        if s not in labels:
            skipped += 1
            continue
        if isinstance(o, URIRef) and o in labels:
            edges[(s, rel_type(str(p)), o)].add(str(p))
        elif isinstance(o, Literal):
            values[s][_prop_name(str(p))].add(_literal(o))
        elif isinstance(o, URIRef):
            values[s][_prop_name(str(p))].add(("string", _text(str(o))))
        else:
            skipped += 1  # blank nodes: kg build writes none

    # the evidence for each relationship, and for each class of a node
    ev_props: dict[URIRef, dict[URIRef, Any]] = defaultdict(dict)
    for s, p, o in triples:
        if s in evidence_nodes:
            ev_props[s][p] = o
    rel_support: dict[tuple[URIRef, str, URIRef], list[dict[str, Any]]] = defaultdict(list)
    type_support: dict[URIRef, list[dict[str, Any]]] = defaultdict(list)
    for ev, props in ev_props.items():
        subj, pred, obj = props.get(RDF.subject), props.get(RDF.predicate), props.get(RDF.object)
        row = _evidence_row(ev, props)
        cls = str(obj)[len(FKG_NS):] if isinstance(obj, URIRef) else ""
        if pred == RDF.type and cls in classes.get(subj, ()):
            type_support[subj].append({**row, "class": cls})
        elif pred is not None and (subj, rel_type(str(pred)), obj) in edges:
            rel_support[(subj, rel_type(str(pred)), obj)].append(row)
        else:
            skipped += 1  # evidence for a fact the graph does not assert

    types = _property_types(values)
    node_props: dict[URIRef, dict[str, Any]] = {}
    for s in labels:
        props: dict[str, Any] = {}
        for name, vals in sorted(values.get(s, {}).items()):
            kind = types[name].removesuffix("[]")
            plain = sorted({v if k == kind else _lexical(k, v) for k, v in vals}, key=_sort_key)
            if name == "label" and len(plain) > 1:  # one label; the others are alternatives
                alts = set(props.get("altLabels", [])) | set(plain[1:])
                props["altLabels"] = sorted(alts, key=_sort_key)
                types.setdefault("altLabels", "string[]")
                plain = plain[:1]
            props[name] = plain if types[name].endswith("[]") else plain[0]
        rows = _sorted_evidence(type_support.get(s, []))
        if rows:
            props.update(_evidence_props(rows, prefix="type"))
            props["typeClasses"] = [r["class"] for r in rows]
            types.update(_evidence_types("type"))
        node_props[s] = props

    keys = {s: _key_label(ls[0], supers) for s, ls in labels.items()}
    nodes = sorted((Node(_text(str(s)), labels[s], node_props[s], keys[s]) for s in labels),
                   key=lambda n: (n.labels[0], n.iri))
    rels: list[Rel] = []
    for (s, rtype, o) in edges:
        rows = rel_support.get((s, rtype, o))
        props = _evidence_props(_sorted_evidence(rows)) if rows else {}
        if rows:
            types.update(_evidence_types(""))
        rels.append(Rel(rtype, _text(str(s)), _text(str(o)), keys[s], keys[o], props))
    rels.sort(key=lambda r: (r.type, r.start, r.end))
    return PropertyGraph(nodes, rels, dict(sorted(types.items())), skipped)


def _property_types(values: dict[URIRef, dict[str, set[tuple[str, Any]]]]) -> dict[str, str]:
    """One Neo4j type per property name across the graph: the values' kind when they all agree
    (else string), a list when the name is always one (altLabels, sameAs) or some node has
    several values, `long` instead of `int` when a value needs 64 bits."""
    kinds: dict[str, set[str]] = defaultdict(set)
    multi: set[str] = set(ALWAYS_LIST)
    big: set[str] = set()
    for by_name in values.values():
        for name, vals in by_name.items():
            kinds[name].update(k for k, _ in vals)
            if len(vals) > 1 and name != "label":
                multi.add(name)
            if any(k == "int" and abs(v) > INT32 for k, v in vals):
                big.add(name)
    types = {}
    for name, ks in kinds.items():
        kind = next(iter(ks)) if len(ks) == 1 else "string"
        if kind == "int" and name in big:
            kind = "long"
        types[name] = kind + ("[]" if name in multi else "")
    return types


def _evidence_row(ev: URIRef, props: dict[URIRef, Any]) -> dict[str, Any]:
    conf = _literal(props[FKG.confidence]) if FKG.confidence in props else ("none", None)
    return {
        "sentences": _text(str(props.get(FKG.sentence, ""))),
        "articles": _text(str(props.get(FKG.article, ""))),
        "startChars": _int_or(props.get(FKG.startChar)),
        "endChars": _int_or(props.get(FKG.endChar)),
        "rules": _text(str(props.get(FKG.rule, ""))),
        "confidences": float(conf[1]) if conf[0] in ("double", "int") else 0.0,
        "evidence": _text(str(ev)),
    }


def _text(text: str) -> str:
    """Unpaired surrogates (possible after a `\\uD800` escape in Turtle) cannot be written as
    UTF-8: each becomes U+FFFD."""
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)
    return text


def _key_label(cls: str, supers: dict[str, tuple[str, ...]]) -> str:
    """The most general class above `cls` (Person for a Player, Team for a Club): MERGE on it
    finds the node again when a later build makes a Person a Player."""
    roots = [c for c in supers.get(cls, ()) if not supers.get(c)]
    return sorted(roots)[0] if roots else cls


def _labels(classes: set[str], supers: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    ancestors = {a for c in classes for a in supers.get(c, ())}
    specific = sorted(c for c in classes if c not in ancestors)
    return tuple(specific) + tuple(sorted(ancestors - set(specific)))


def _prop_name(predicate: str) -> str:
    name = NAMES.get(predicate) or _local(predicate)
    name = re.sub(r"[^A-Za-z0-9_]", "_", name) or "value"
    if name[0].isdigit():
        name = "p_" + name
    return name if name != "iri" else "iri_"


def _int_or(lit) -> int:
    if isinstance(lit, Literal):
        kind, value = _literal(lit)
        if kind == "int":
            return value
    return -1


def _sort_key(value: Any) -> tuple[str, str]:
    return (type(value).__name__, _lexical("date", value) if isinstance(value, dt.date) else
            repr(value) if isinstance(value, float) else str(value))


def _sorted_evidence(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(rows, key=lambda r: (r["articles"], r["startChars"], r["endChars"], r["rules"],
                                       r.get("class", ""), r["evidence"]))


def _evidence_props(rows: list[dict[str, Any]], prefix: str = "") -> dict[str, Any]:
    def key(name: str) -> str:
        return prefix + name[0].upper() + name[1:] if prefix else name

    props = {key(k): [r[k] for r in rows] for k in EVIDENCE_KEYS}
    props[key("confidence")] = max(r["confidences"] for r in rows)
    return props


def _evidence_types(prefix: str) -> dict[str, str]:
    types = {"sentences": "string[]", "articles": "string[]", "startChars": "long[]",
             "endChars": "long[]", "rules": "string[]", "confidences": "double[]",
             "evidence": "string[]", "confidence": "double"}
    if not prefix:
        return types
    return {prefix + k[0].upper() + k[1:]: v for k, v in {**types, "classes": "string[]"}.items()}


# ---------------------------------------------------------------- Cypher text

_SHORT_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b",
                  "\f": "\\f"}


def cypher_string(text: str) -> str:
    """A Cypher string literal for any text, single-quoted. Backslash and quote are escaped, and
    newline, carriage return, tab, backspace and form feed as `\\n` `\\r` `\\t` `\\b` `\\f`, so
    each row of the script stays on one line; NUL and unpaired surrogates, which a UTF-8 file or
    a C engine cannot carry, as `\\uXXXX`. Every other character (emoji, right-to-left text,
    other control characters) is written as itself in UTF-8: Cypher string literals accept any
    character, and engines that read escapes other than these (FalkorDB reads no `\\u`) still
    get the exact text."""
    out = ["'"]
    for ch in text:
        esc = _SHORT_ESCAPES.get(ch)
        if esc is not None:
            out.append(esc)
        elif ch == "\x00" or "\ud800" <= ch <= "\udfff":
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    out.append("'")
    return "".join(out)


def cypher_name(name: str) -> str:
    """A label, relationship type or property key: bare when it is a plain identifier."""
    return name if _IDENT.match(name) else "`" + name.replace("`", "``") + "`"


def cypher_literal(value: Any) -> str:
    """Any parameter value (str, int, float, bool, date, None, list, dict) as a Cypher literal."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ExportError(Errors.E086.format(value=value))
        return repr(value)
    if isinstance(value, str):
        return cypher_string(value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return f"date('{value.isoformat()}')"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        pairs = (f"{cypher_name(k)}: {cypher_literal(v)}" for k, v in value.items())
        return "{" + ", ".join(pairs) + "}"
    raise ExportError(Errors.E087.format(type=type(value).__name__))


def constraint_statements(graph: PropertyGraph) -> list[str]:
    labels = sorted({label for n in graph.nodes for label in n.labels})
    return [f"CREATE CONSTRAINT {cypher_name('fkg_' + label.lower() + '_iri')} IF NOT EXISTS "
            f"FOR (n:{cypher_name(label)}) REQUIRE n.iri IS UNIQUE" for label in labels]


def node_statement(key: str, labels: tuple[str, ...]) -> str:
    lines = ["UNWIND $rows AS row", f"MERGE (n:{cypher_name(key)} {{iri: row.iri}})"]
    others = [x for x in labels if x != key]
    if others:
        lines.append("SET n:" + ":".join(cypher_name(x) for x in others))
    lines.append("SET n += row.props")
    return "\n".join(lines)


def rel_statement(rtype: str, start_key: str, end_key: str) -> str:
    return "\n".join([
        "UNWIND $rows AS row",
        f"MATCH (a:{cypher_name(start_key)} {{iri: row.start}})",
        f"MATCH (b:{cypher_name(end_key)} {{iri: row.end}})",
        f"MERGE (a)-[r:{cypher_name(rtype)}]->(b)",
        "SET r += row.props",
    ])


def _chunks(rows: list[dict], size: int) -> Iterator[list[dict]]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def cypher_batches(graph, batch_size: int = DEFAULT_BATCH) -> list[tuple[str, dict]]:
    """The loader's work as (statement, parameters) pairs: nodes first (grouped by label set),
    then relationships (grouped by type and end labels), at most `batch_size` rows each. Pure:
    no I/O, so the tests run exactly these on an openCypher engine. `graph` is a
    PropertyGraph or an rdflib graph."""
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    pg = graph if isinstance(graph, PropertyGraph) else project(graph)
    out: list[tuple[str, dict]] = []
    by_labels: dict[tuple[str, tuple[str, ...]], list[dict]] = defaultdict(list)
    for n in pg.nodes:
        by_labels[(n.key, n.labels)].append({"iri": n.iri, "props": dict(n.props)})
    for key, labels in sorted(by_labels):
        stmt = node_statement(key, labels)
        out += [(stmt, {"rows": chunk}) for chunk in _chunks(by_labels[(key, labels)], batch_size)]
    by_kind: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for r in pg.rels:
        by_kind[(r.type, r.start_key, r.end_key)].append(
            {"start": r.start, "end": r.end, "props": dict(r.props)})
    for kind in sorted(by_kind):
        stmt = rel_statement(*kind)
        out += [(stmt, {"rows": chunk}) for chunk in _chunks(by_kind[kind], batch_size)]
    return out


def inline(statement: str, params: dict) -> str:
    """A statement with its `$rows` parameter written in as a literal, one row per line."""
    rows = params["rows"]
    literal = "[\n" + ",\n".join("  " + cypher_literal(r) for r in rows) + "\n]"
    return statement.replace("$rows", literal, 1)


def cypher_script(graph: PropertyGraph, batch_size: int = SCRIPT_BATCH) -> str:
    head = [
        "// football-kg -> Neo4j: generated by `kg export neo4j`; do not edit.",
        "// Run:  cypher-shell -a bolt://localhost:7687 -u neo4j -f import.cypher",
        "// Idempotent: every node and relationship is MERGEd on its IRI / (start, type, end),",
        "// so running it again changes nothing. Evidence is on the relationships: r.sentences,",
        "// r.articles, r.rules, r.confidences (parallel lists) and r.confidence (the highest).",
        "",
        SCHEMA_MARKER,
        "// Uniqueness constraints (Neo4j 5 syntax). Engines without it: skip to the DATA marker.",
    ]
    body = [s + ";" for s in constraint_statements(graph)]
    data = ["", DATA_MARKER]
    for stmt, params in cypher_batches(graph, batch_size):
        data.append(inline(stmt, params) + ";")
        data.append("")
    return "\n".join(head + body + data).rstrip("\n") + "\n"


def split_script(text: str) -> tuple[list[str], list[str]]:
    """(schema statements, data statements) of an `import.cypher` we wrote: statements end with
    `;` at the end of a line outside string literals."""
    schema_part, sep, data_part = text.partition(DATA_MARKER)
    if not sep:
        raise ExportError(Errors.E088)
    return _statements(schema_part), _statements(data_part)


def _statements(text: str) -> list[str]:
    out, buf = [], []
    in_str = escape = False
    i = 0
    while i < len(text):
        ch = text[i]
        if in_str:
            buf.append(ch)
            if escape:
                escape = False
            elif ch == "\\":
                escape = True
            elif ch == "'":
                in_str = False
        elif ch == "'":
            in_str = True
            buf.append(ch)
        elif ch == "/" and text.startswith("//", i):
            j = text.find("\n", i)
            i = len(text) if j < 0 else j
            continue
        elif ch == ";":
            stmt = "".join(buf).strip()
            if stmt:
                out.append(stmt)
            buf = []
        else:
            buf.append(ch)
        i += 1
    if "".join(buf).strip():
        raise ExportError(Errors.E089)
    return out


# ---------------------------------------------------------------- CSV files

def array_delimiter(graph: PropertyGraph) -> str:
    """`;` (the import tool's default) unless some list element contains it, then `|`, then
    U+001F; an export whose lists contain all three fails rather than split an element."""
    used: set[str] = set()
    for props in [n.props for n in graph.nodes] + [r.props for r in graph.rels]:
        for v in props.values():
            if isinstance(v, list):
                for x in v:
                    if isinstance(x, str):
                        used.update(d for d in ARRAY_DELIMITERS if d in x)
    for d in ARRAY_DELIMITERS:
        if d not in used:
            return d
    raise ExportError(Errors.E020)


def _csv_value(value: Any, typ: str, delim: str) -> str | None:
    """A field's text before CSV quoting; None for a missing value (an empty, unquoted field)."""
    if value is None or value == []:
        return None
    if typ.endswith("[]"):
        return delim.join(_csv_value(v, typ[:-2], delim) or "" for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _csv_line(fields: list[tuple[str | None, bool]]) -> str:
    """Quote every string (and every field that needs it); a missing value stays empty."""
    out = []
    for text, is_string in fields:
        if text is None:
            out.append("")
        elif is_string or any(c in text for c in ',"\r\n') or text != text.strip():
            out.append('"' + text.replace('"', '""') + '"')
        else:
            out.append(text)
    return ",".join(out) + "\n"


def _delim_name(delim: str) -> str:
    return delim if delim in ";|" else f"U+{ord(delim):04X}"


def csv_files(graph: PropertyGraph) -> tuple[dict[str, str], str]:
    """{file name: text} for the node and relationship files, and the array delimiter used."""
    delim = array_delimiter(graph)
    files: dict[str, str] = {}
    by_file: dict[str, list[Node]] = defaultdict(list)
    for n in graph.nodes:
        by_file[n.labels[0]].append(n)
    for label, nodes in sorted(by_file.items()):
        names = sorted({k for n in nodes for k in n.props})
        header = ["iri:ID", ":LABEL"] + [_header(k, graph.types[k]) for k in names]
        lines = [_csv_line([(h, False) for h in header])]
        for n in nodes:
            fields = [(n.iri, True), (delim.join(n.labels), False)]
            fields += [_csv_field(n.props.get(k), graph.types[k], delim) for k in names]
            lines.append(_csv_line(fields))
        files[f"nodes_{label}.csv"] = "".join(lines)
    by_type: dict[str, list[Rel]] = defaultdict(list)
    for r in graph.rels:
        by_type[r.type].append(r)
    for rtype, rels in sorted(by_type.items()):
        names = sorted({k for r in rels for k in r.props})
        header = [":START_ID", ":END_ID", ":TYPE"] + [_header(k, graph.types[k]) for k in names]
        lines = [_csv_line([(h, False) for h in header])]
        for r in rels:
            fields = [(r.start, True), (r.end, True), (r.type, False)]
            fields += [_csv_field(r.props.get(k), graph.types[k], delim) for k in names]
            lines.append(_csv_line(fields))
        files[f"rels_{rtype}.csv"] = "".join(lines)
    return files, delim


def _csv_field(value: Any, typ: str, delim: str) -> tuple[str | None, bool]:
    return _csv_value(value, typ, delim), typ.removesuffix("[]") == "string"


def _header(name: str, typ: str) -> str:
    return name if typ == "string" else f"{name}:{typ}"


def import_command(files: Iterable[str], delim: str, database: str = "neo4j") -> str:
    args = [f"bin/neo4j-admin database import full {database}", "--overwrite-destination=true"]
    args += [f"--nodes=import/{f}" for f in sorted(files) if f.startswith("nodes_")]
    args += [f"--relationships=import/{f}" for f in sorted(files) if f.startswith("rels_")]
    args += [f"--array-delimiter={_quote_arg(_delim_name(delim))}", "--multiline-fields=true"]
    return " \\\n  ".join(args)


def _quote_arg(text: str) -> str:
    return text if re.match(r"^[A-Za-z0-9+_-]+$", text) else f"'{text}'"


# ---------------------------------------------------------------- the export

@dataclass
class ExportSummary:
    out: Path
    files: list[str]
    nodes: dict[str, int]          # label -> nodes having it
    relationships: dict[str, int]  # type -> relationships
    array_delimiter: str
    skipped: int

    def text(self) -> str:
        """One line for the CLI."""
        nodes = ", ".join(f"{n} {k}" for k, n in self.nodes.items())
        rels = ", ".join(f"{n} {k}" for k, n in self.relationships.items())
        return f"wrote {len(self.files)} files to {self.out}: nodes {nodes}; relationships {rels}"


def export_neo4j(graph_path, out_dir, *, graph: PropertyGraph | None = None) -> ExportSummary:
    """Write the CSV files, `import.cypher` and `README.md` into `out_dir` (created)."""
    from kg.output import write_atomic
    from kg.graphio import load_graph

    pg = graph if graph is not None else project(load_graph(graph_path))
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        from kg.errors import OutputError

        raise OutputError(Errors.E040.format(path=out, why=err.strerror)) from None
    files, delim = csv_files(pg)
    script = cypher_script(pg)
    readme = _readme(pg, files, delim)
    written = {**files, "import.cypher": script, "README.md": readme}
    for name, text in sorted(written.items()):
        write_atomic(out / name, text)
    _remove_stale(out, written)
    return ExportSummary(out, sorted(written), pg.label_counts(), pg.type_counts(), delim,
                         pg.skipped)


def _remove_stale(out: Path, written: dict[str, str]) -> None:
    """A previous export into the same folder may have had files this one has not (a type no
    longer present): remove them, so `*.csv` is exactly this export. Only files named like ours."""
    for path in list(out.glob("nodes_*.csv")) + list(out.glob("rels_*.csv")):
        if path.name not in written:
            path.unlink()


def _readme(pg: PropertyGraph, files: dict[str, str], delim: str) -> str:
    nodes = pg.label_counts()
    rels = pg.type_counts()
    lines = [
        "# Neo4j import files (written by `kg export neo4j`)",
        "",
        f"{len(pg.nodes)} nodes ({', '.join(f'{n} {k}' for k, n in nodes.items())}) and "
        f"{len(pg.rels)} relationships ({', '.join(f'{n} {k}' for k, n in rels.items())}).",
        "",
        "## Option 1: offline bulk import (`neo4j-admin`, an empty database)",
        "",
        "Copy the `*.csv` files into the `import/` folder of the Neo4j installation, stop the",
        "database, then from the installation folder run (Neo4j 5.19 or later):",
        "",
        "```sh",
        import_command(files, delim),
        "```",
        "",
        "`--overwrite-destination=true` replaces the database named `neo4j` (the default one;",
        "name another to keep it). Then start Neo4j and create the uniqueness constraints: the",
        "`CREATE CONSTRAINT` lines of the SCHEMA section of `import.cypher` (or run the whole",
        "script once: its MERGEs find every imported node and relationship already there).",
        "",
        f"Files: one node file per most specific class (`nodes_Player.csv`; the `:LABEL` column "
        f"also holds the super-classes, e.g. `Player{delim}Person`), one relationship file per "
        f"type "
        f"(`rels_PLAYS_FOR.csv`). The `iri:ID` column is the node's IRI, stored as the property "
        f"`iri`. Lists are separated by `{_delim_name(delim)}`; strings are always double-quoted "
        f"(a quote inside is doubled) and may span lines, hence `--multiline-fields=true`.",
        "",
        "## Option 2: Cypher into a running database (idempotent)",
        "",
        "```sh",
        "cypher-shell -a bolt://localhost:7687 -u neo4j -f import.cypher",
        "```",
        "",
        "or `kg load neo4j GRAPH --uri bolt://localhost:7687 --user neo4j` (password from",
        "`NEO4J_PASSWORD` or a prompt), which sends the same statements with parameters.",
        "Both MERGE on `iri`, so a second run changes nothing.",
        "",
        "## Evidence",
        "",
        "Each relationship extracted from text carries the sentences that support it, as parallel",
        "lists: `sentences`, `articles` (Article IRIs), `startChars`/`endChars` (code-point",
        "offsets in the original file), `rules`, `confidences`, `evidence` (the RDF evidence IRIs),",
        "and `confidence`, the highest. Why a node has its class: `typeClasses`, `typeSentences`,",
        "... in the same way.",
        "",
        "```cypher",
        "MATCH (p:Player)-[r:PLAYS_FOR]->(c:Club)",
        "RETURN p.label, c.label, r.confidence, r.sentences ORDER BY p.label;",
        "MATCH (n {iri: 'https://w3id.org/football-kg/id/player/virgil-van-dijk'})-[r]->(m)",
        "RETURN type(r), m.label, r.sentences;",
        "```",
        "",
        "Labels are the ontology's class names; relationship types are its property names in",
        "upper snake case (`fkg:playsFor` -> `PLAYS_FOR`, `fkg:mentionedIn` -> `MENTIONED_IN`, the",
        "match links `TEAM`, `HOME_TEAM`, `AWAY_TEAM`, `WINNER`, `LOSER`, `COMPETITION`, `VENUE`).",
        "",
        "## Property types",
        "",
        "| property | type |",
        "|---|---|",
    ]
    lines += [f"| `{k}` | `{v}` |" for k, v in pg.types.items()]
    return "\n".join(lines) + "\n"
