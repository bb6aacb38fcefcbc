"""`query`: run named or ad-hoc SPARQL queries against a built graph.

Named queries live in the repository's `queries/` folder as `NAME.rq` files. Each starts with a
`# description` line, then `# param: ?name - description` lines for the variables a caller may
bind. Parameters are bound as RDF terms through rdflib's `initBindings`, never pasted into the
query text, so a parameter value cannot change what the query does.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.plugins.sparql import prepareQuery

from kg.bindings import IRI_BAD, bindings, to_term  # noqa: F401 (to_term: part of this module's API)
from kg.errors import DataError, Errors
from kg.resources import QUERY_DIR
from kg.serialize import PREFIXES


_NAME = re.compile(r"^[A-Za-z0-9_\-]+$")
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))

_INTEGERS = {XSD.integer, XSD.int, XSD.long, XSD.short, XSD.byte, XSD.nonNegativeInteger,
             XSD.positiveInteger, XSD.negativeInteger, XSD.nonPositiveInteger,
             XSD.unsignedInt, XSD.unsignedLong, XSD.unsignedShort, XSD.unsignedByte}
_FLOATS = {XSD.decimal, XSD.double, XSD.float}


# ---------------------------------------------------------------- finding queries

def _description(path: Path) -> str:
    """The first line of a query file, without its leading `#`."""
    with path.open(encoding="utf-8") as fh:
        first = fh.readline().strip()
    return first[1:].strip() if first.startswith("#") else ""


def list_queries() -> list[tuple[str, str]]:
    """Every named query in `queries/`, as (name, one-line description), sorted by name."""
    if not QUERY_DIR.is_dir():
        return []
    return [(p.stem, _description(p)) for p in sorted(QUERY_DIR.glob("*.rq"))]


def query_params(query_text: str) -> list[tuple[str, str]]:
    """The `# param: ?name - description` lines of a query, as (name, description)."""
    params = []
    for line in query_text.splitlines():
        m = re.match(r"^\s*#\s*param:\s*[?$]([A-Za-z_][A-Za-z0-9_]*)\s*(?:-\s*(.*))?$", line)
        if m:
            params.append((m.group(1), (m.group(2) or "").strip()))
    return params


def load_query(name_or_path: str | Path) -> str:
    """The text of a named query (`squad`) or of a `.rq` file given by path."""
    text = str(name_or_path)
    path = Path(text)
    if _NAME.match(text) and not path.suffix:
        path = QUERY_DIR / f"{text}.rq"
        if not path.is_file():
            names = ", ".join(name for name, _ in list_queries()) or "none"
            raise DataError(Errors.E051.format(name=text, known=names))
    elif not path.is_file():
        if path.name == text and (QUERY_DIR / text).is_file():
            path = QUERY_DIR / text
        else:
            raise DataError(Errors.E052.format(path=text))
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise DataError(Errors.E053.format(path=path, why=err)) from None


# ---------------------------------------------------------------- running

def _first_line(err: Exception) -> str:
    lines = str(err).strip().splitlines()
    return (lines[0] if lines else type(err).__name__)[:200]


ENGINES = ("rdflib", "oxigraph")


def run_query(graph: Graph, query_text: str,
              params: Mapping[str, str] | None = None,
              engine: str = "rdflib") -> tuple[list[str], list[tuple]]:
    """Run a SPARQL query, binding `params` (variable name -> value text) as RDF terms.

    Returns the column names and the rows; a cell is an rdflib term, or None when unbound.
    ASK gives one `ask` column; CONSTRUCT/DESCRIBE give subject/predicate/object rows.
    `engine="oxigraph"` runs it in an in-memory Oxigraph store instead (`kg.store.run_oxigraph`;
    `graph` may then also be a graph path or a pyoxigraph Store), with the same result shape.
    """
    if engine == "oxigraph":
        from kg.store import run_oxigraph

        return run_oxigraph(graph, query_text, params)
    if engine != "rdflib":
        raise DataError(Errors.E054.format(engine=engine, known=" or ".join(ENGINES)))
    try:
        prepared = prepareQuery(query_text, initNs=PREFIXES)
    except Exception as err:  # pyparsing and rdflib raise many types
        raise DataError(Errors.E004.format(why=_first_line(err))) from None
    bound = bindings(query_text, params or {})
    try:
        result = graph.query(prepared, initBindings=bound)
        if result.type == "ASK":
            return ["ask"], [(Literal(bool(result.askAnswer)),)]
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            triples = sorted(result.graph, key=lambda t: tuple(t[i].n3() for i in range(3)))
            return ["subject", "predicate", "object"], [tuple(t) for t in triples]
        columns = [str(v) for v in (result.vars or [])]
        rows = [tuple(row) for row in result]
    except DataError:
        raise
    except Exception as err:
        raise DataError(Errors.E050.format(why=_first_line(err))) from None
    return columns, rows


# ---------------------------------------------------------------- formatting

def _compact(iri: str) -> str:
    for prefix, ns in _BY_LENGTH:
        if iri.startswith(ns) and len(iri) > len(ns) and not IRI_BAD.search(iri[len(ns):]):
            return f"{prefix}:{iri[len(ns):]}"
    return f"<{iri}>"


def _text(cell: Any, compact: bool = False) -> str:
    if cell is None:
        return ""
    if isinstance(cell, URIRef) and compact:
        return _compact(str(cell))
    return str(cell)


def _json_value(cell: Any) -> Any:
    if cell is None:
        return None
    if isinstance(cell, Literal) and cell.datatype is not None:
        try:
            if cell.datatype in _INTEGERS:
                return int(str(cell))
            if cell.datatype in _FLOATS:
                return float(str(cell))
            if cell.datatype == XSD.boolean:
                return str(cell).strip().lower() in ("true", "1")
        except ValueError:
            pass
    return str(cell)


def format_results(columns: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str = "table") -> str:
    """Rows as `table` (aligned text, prefixed IRIs), `csv` (full IRIs) or `json` (a list of
    objects, numbers as numbers, unbound as null). The text ends with a newline."""
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_text(cell) for cell in row])
        return out.getvalue()
    if fmt == "json":
        objects = [{col: _json_value(cell) for col, cell in zip(columns, row)} for row in rows]
        return json.dumps(objects, ensure_ascii=False, indent=2) + "\n"
    if fmt == "table":
        cells = [[" ".join(_text(cell, compact=True).split()) for cell in row] for row in rows]
        widths = [len(col) for col in columns]
        for row in cells:
            for i, cell in enumerate(row):
                widths[i] = max(widths[i], len(cell))

        def line(values: Sequence[str]) -> str:
            return "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()

        lines = [line(columns), line(["-" * w for w in widths])]
        lines += [line(row) for row in cells]
        lines.append(f"({len(rows)} row{'' if len(rows) == 1 else 's'})")
        return "\n".join(lines) + "\n"
    raise DataError(Errors.E055.format(format=fmt))
