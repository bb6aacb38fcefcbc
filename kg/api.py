"""The library in a notebook: build or load a graph, then query it or draw it with networkx.

    import kg
    g = kg.build(["seeds"])            # nothing written: the graph is in memory
    g.query("squad", club="club:liverpool")
    nx_graph = g.to_networkx()         # what the network page draws
    g2 = kg.load("output")             # a folder `kg build` wrote

A thin front over the same code the CLI runs, so a notebook and `kg build` give the same graph.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Dataset, Literal, URIRef

_SPARQL = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.I)


@dataclass
class KnowledgeGraph:
    """A built graph: `dataset` is an rdflib Dataset (facts in the default graph, which is the
    union of all; evidence in one named graph per article), `report` what `report.json` says."""

    dataset: Dataset
    report: dict[str, Any] = field(default_factory=dict)

    def query(self, name_or_sparql: str, **params: str) -> list[dict[str, Any]]:
        """Rows of a named query (`kg query --list`), a `.rq` file or SPARQL text, each a dict of
        column -> Python value (IRIs as strings, literals as their Python values, None when
        unbound). ``params`` bind the query's variables as `-p NAME=VALUE` does."""
        from kg.query import load_query, run_query

        text = name_or_sparql if _SPARQL.search(name_or_sparql) else load_query(name_or_sparql)
        columns, rows = run_query(self.dataset, text, params)
        return [{c: _python(v) for c, v in zip(columns, row)} for row in rows]

    def to_networkx(self) -> Any:
        """The network page's projection as a networkx MultiDiGraph: entities as nodes (class,
        label, other names, articles), facts as edges keyed by property IRI, with their evidence."""
        from kg.viz import project

        return project(self.dataset)


def build(paths: str | Path | Iterable[str | Path], out: str | Path | None = None,
          **options: Any) -> KnowledgeGraph:
    """Build the articles in ``paths`` (files or folders). ``out``: also write the output folder
    as `kg build --out` does; None writes nothing. ``options`` are those of
    `kg.pipeline.build` (`workers`, `cache_dir`, `scorer`, `rules_only`, `min_confidence`,
    `validate_output`...)."""
    from kg.pipeline import build as run, report_json

    names = [str(paths)] if isinstance(paths, (str, Path)) else [str(p) for p in paths]
    result = run(names, Path(out) if out is not None else None, **options)
    if out is not None:
        return load(out)
    ds = Dataset(default_union=True)
    ds.parse(data=result.trig or "", format="trig")
    return KnowledgeGraph(ds, report_json(result))


def load(out: str | Path) -> KnowledgeGraph:
    """A graph `kg build` wrote: an output folder or a graph file."""
    from kg.graphio import load_graph

    p = Path(out)
    report = p / "report.json" if p.is_dir() else p.with_name("report.json")
    data = json.loads(report.read_text("utf-8")) if report.is_file() else {}
    return KnowledgeGraph(load_graph(p), data)


def _python(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, Literal):
        return value.toPython()
    if isinstance(value, URIRef):
        return str(value)
    return str(value)
