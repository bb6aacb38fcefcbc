"""Byte-stable Turtle and TriG: sorted subjects, predicates and objects, readable prefixes.

rdflib's serializers iterate hash-ordered sets, so the same graph can come out in a different
order from run to run; this writer sorts everything, which keeps output byte-identical and diffs
small.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import AbstractContextManager as ContextManager
from itertools import chain
from typing import TextIO

from rdflib import RDF, Literal, URIRef
from rdflib.term import Node

from kg.vocab import BASE

_TYPE = RDF.type  # looked up once: namespace attribute access is slow in rdflib

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
_BY_NAMESPACE = {ns: prefix for prefix, ns in PREFIXES.items()}
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f"\\\x7f]')  # the characters `term` rewrites in a literal


def term(node: Node) -> str:
    """One term in Turtle syntax."""
    if isinstance(node, URIRef):
        return _iri(str(node))
    if isinstance(node, Literal):
        body = str(node)
        if _NEEDS_ESCAPE.search(body):
            body = "".join(_ESCAPES.get(ch, ch if ord(ch) >= 0x20 and ord(ch) != 0x7F else f"\\u{ord(ch):04X}")
                           for ch in body)
        if node.language:
            return f'"{body}"@{node.language}'
        if node.datatype and str(node.datatype) != "http://www.w3.org/2001/XMLSchema#string":
            return f'"{body}"^^{term(node.datatype)}'
        return f'"{body}"'
    raise TypeError(f"blank nodes are not written: {node!r}")


@functools.lru_cache(maxsize=1 << 18)
def _iri(text: str) -> str:
    """An IRI as a prefixed name where one is allowed, else <...>; cached (IRIs repeat a lot).

    Every namespace in PREFIXES ends in '/' or '#', and a local name never holds either, so the
    namespace is whatever precedes the last of them."""
    cut = max(text.rfind("/"), text.rfind("#")) + 1
    prefix = _BY_NAMESPACE.get(text[:cut])
    if prefix is not None and _LOCAL.match(text[cut:]):
        return f"{prefix}:{text[cut:]}"
    return "<" + "".join(ch if ch > " " and ch not in '<>"{}|^`\\' else f"\\u{ord(ch):04X}"
                         for ch in text) + ">"


def _sort_key(node: Node) -> tuple[int, str]:
    return (0 if isinstance(node, URIRef) else 1, term(node))


def _block(triples: Iterable[tuple[Node, Node, Node]], indent: str = "") -> list[str]:
    by_subject: dict[Node, dict[Node, set[Node]]] = defaultdict(lambda: defaultdict(set))
    for s, p, o in triples:
        by_subject[s][p].add(o)
    lines: list[str] = []
    # Each term is written once and sorted by what is written (same order as sorting by _sort_key).
    for _, s_text, s in sorted(((*_sort_key(s), s) for s in by_subject), key=_first_two):
        by_pred = by_subject[s]
        preds = sorted(((p != _TYPE, term(p), p) for p in by_pred), key=_first_two)
        parts = []
        for not_type, p_text, p in preds:
            objs = ", ".join(text for _, text in sorted(_sort_key(o) for o in by_pred[p]))
            parts.append(f"{p_text if not_type else 'a'} {objs}")
        lines.append(f"{indent}{s_text} " + f" ;\n{indent}    ".join(parts) + " .")
        lines.append("")
    return lines


def _first_two(item: tuple) -> tuple:
    return item[0], item[1]


def _header(used: str) -> list[str]:
    return [f"@prefix {p}: <{ns}> ." for p, ns in sorted(PREFIXES.items())] + [""]


def turtle(triples: Iterable[tuple[Node, Node, Node]]) -> str:
    body = _block(triples)
    return "\n".join(_header("") + body).rstrip("\n") + "\n"


def trig(default: Iterable[tuple[Node, Node, Node]], named: Mapping[URIRef, list]) -> str:
    return _trig(_block(default), named)


def write_turtle_and_trig(default: Iterable[tuple[Node, Node, Node]], named: Mapping[URIRef, list],
                          open_ttl: Callable[[], ContextManager[TextIO]],
                          open_trig: Callable[[], ContextManager[TextIO]]) -> None:
    """`turtle(default)` into the file `open_ttl()` gives, then `trig(default, named)` into
    `open_trig()`'s, a graph at a time (the default graph is laid out once): the same bytes,
    without holding either text (hundreds of megabytes for 20,000 articles) in memory."""
    body = _block(default)
    with open_ttl() as ttl:
        _write_text(ttl, ["\n".join(_header("") + body)])
    with open_trig() as trig:
        _write_text(trig, chain(["\n".join(_header("") + body)],
                                ("\n" + "\n".join(lines) for lines in _named_blocks(named))))


def _named_blocks(named: Mapping[URIRef, list]) -> Iterator[list[str]]:
    """The lines of each non-empty named graph, in order."""
    for g in sorted(named, key=_sort_key):
        triples = named[g]
        if not triples:
            continue
        lines = [f"{term(g)} {{"] + _block(triples, "    ")
        if lines[-1] == "":
            lines.pop()
        yield lines + ["}", ""]


def _write_text(fh: TextIO, pieces: Iterable[str]) -> None:
    """Write ``"".join(pieces).rstrip("\n") + "\n"`` a piece at a time."""
    held = ""
    for piece in pieces:
        stripped = piece.rstrip("\n")
        if stripped:
            fh.write(held + stripped)
            held = piece[len(stripped):]
        else:
            held += piece
    fh.write("\n")


def _trig(body: list[str], named: Mapping[URIRef, list]) -> str:
    return "\n".join(chain(_header(""), body, *_named_blocks(named))).rstrip("\n") + "\n"
