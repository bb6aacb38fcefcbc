"""Query parameters as RDF terms: what `kg query -p NAME=VALUE` binds, on rdflib and on Oxigraph.

Values are bound as terms (rdflib's `initBindings`, Oxigraph's `substitutions`), never pasted
into the query text, so a parameter value cannot change what the query does.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.errors import DataError, Errors
from kg.serialize import PREFIXES

_VAR = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
IRI_BAD = re.compile(r"[\x00-\x20<>\"{}|^`\\]")
_PREFIXED = re.compile(r"^([A-Za-z][A-Za-z0-9_\-]*):([A-Za-z0-9_][A-Za-z0-9_.\-]*)$")
_ABSOLUTE = re.compile(r"^https?://", re.IGNORECASE)


def to_term(value: str) -> URIRef | Literal:
    """A parameter value as an RDF term: an IRI (`<...>`, `https://...`, or one of our prefixed
    names such as `club:liverpool`) becomes a URIRef; anything else is a plain Literal."""
    text = value.strip()
    if text.startswith("<") and text.endswith(">") and len(text) > 2:
        inner = text[1:-1]
        if not IRI_BAD.search(inner):
            return URIRef(inner)
    elif _ABSOLUTE.match(text) and not IRI_BAD.search(text):
        return URIRef(text)
    else:
        m = _PREFIXED.match(text)
        if m and m.group(1) in PREFIXES:
            return URIRef(PREFIXES[m.group(1)] + m.group(2))
    return Literal(value)


def bindings(query_text: str, params: Mapping[str, str]) -> dict[str, Node]:
    """Each parameter as a term, checked to name a variable of the query."""
    bound: dict[str, Node] = {}
    for raw, value in params.items():
        name = raw[1:] if raw[:1] in "?$" else raw
        if not _VAR.match(name):
            raise DataError(Errors.E056.format(name=raw))
        if not re.search(rf"[?$]{re.escape(name)}\b", query_text):
            raise DataError(Errors.E057.format(name=name))
        bound[name] = to_term(value)
    return bound
