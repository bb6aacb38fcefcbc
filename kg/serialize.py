"""Byte-stable Turtle and TriG: sorted subjects, predicates and objects, readable prefixes.

rdflib's serializers iterate hash-ordered sets, so the same graph can come out in a different
order from run to run; this writer sorts everything, which keeps output byte-identical and diffs
small.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from rdflib import RDF, Literal, URIRef
from rdflib.term import Node

from kg.vocab import BASE

PREFIXES: dict[str, str] = {
    "fkg": BASE + "ontology#",
    "player": BASE + "id/player/",
    "manager": BASE + "id/manager/",
    "person": BASE + "id/person/",
    "club": BASE + "id/club/",
    "nationalteam": BASE + "id/national-team/",
    "trophy": BASE + "id/trophy/",
    "stadium": BASE + "id/stadium/",
    "match": BASE + "id/match/",
    "article": BASE + "id/article/",
    "evidence": BASE + "id/evidence/",
    "wd": "http://www.wikidata.org/entity/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "schema": "https://schema.org/",
}
_LOCAL = re.compile(r"^[A-Za-z0-9_](?:[A-Za-z0-9_\-]*[A-Za-z0-9_])?$")
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def term(node: Node) -> str:
    """One term in Turtle syntax."""
    if isinstance(node, URIRef):
        text = str(node)
        for prefix, ns in _BY_LENGTH:
            if text.startswith(ns) and _LOCAL.match(text[len(ns):]):
                return f"{prefix}:{text[len(ns):]}"
        return "<" + "".join(ch if ch > " " and ch not in '<>"{}|^`\\' else f"\\u{ord(ch):04X}"
                             for ch in text) + ">"
    if isinstance(node, Literal):
        body = "".join(_ESCAPES.get(ch, ch if ord(ch) >= 0x20 and ord(ch) != 0x7F else f"\\u{ord(ch):04X}")
                       for ch in str(node))
        if node.language:
            return f'"{body}"@{node.language}'
        if node.datatype and str(node.datatype) != "http://www.w3.org/2001/XMLSchema#string":
            return f'"{body}"^^{term(node.datatype)}'
        return f'"{body}"'
    raise TypeError(f"blank nodes are not written: {node!r}")


def _sort_key(node: Node) -> tuple[int, str]:
    return (0 if isinstance(node, URIRef) else 1, term(node))


def _block(triples: Iterable[tuple[Node, Node, Node]], indent: str = "") -> list[str]:
    by_subject: dict[Node, dict[Node, set[Node]]] = defaultdict(lambda: defaultdict(set))
    for s, p, o in triples:
        by_subject[s][p].add(o)
    lines: list[str] = []
    for s in sorted(by_subject, key=_sort_key):
        preds = sorted(by_subject[s], key=lambda p: (p != RDF.type, term(p)))
        parts = []
        for p in preds:
            objs = ", ".join(term(o) for o in sorted(by_subject[s][p], key=_sort_key))
            parts.append(f"{'a' if p == RDF.type else term(p)} {objs}")
        lines.append(f"{indent}{term(s)} " + f" ;\n{indent}    ".join(parts) + " .")
        lines.append("")
    return lines


def _header(used: str) -> list[str]:
    return [f"@prefix {p}: <{ns}> ." for p, ns in sorted(PREFIXES.items())] + [""]


def turtle(triples: Iterable[tuple[Node, Node, Node]]) -> str:
    body = _block(triples)
    return "\n".join(_header("") + body).rstrip("\n") + "\n"


def trig(default: Iterable[tuple[Node, Node, Node]], named: dict[URIRef, list]) -> str:
    lines = _header("")
    lines += _block(default)
    for g in sorted(named, key=_sort_key):
        if not named[g]:
            continue
        lines.append(f"{term(g)} {{")
        lines += _block(named[g], "    ")
        if lines[-1] == "":
            lines.pop()
        lines.append("}")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
