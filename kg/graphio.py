"""Finding and reading a graph the builder wrote: the one place every reader (eval, validate,
query, viz, the Neo4j export and loader, the stores) goes through.

A graph argument is an output folder (its graph.trig, else graph.ttl) or a graph file in any
syntax rdflib knows by its suffix (.ttl, .trig, .nt, .nq, .jsonld, ...).
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset
from rdflib.util import guess_format

from kg.errors import Errors, GraphError

FACTS, FULL = "graph.ttl", "graph.trig"  # what a build writes: the facts, and facts plus evidence


def graph_file(path: str | Path) -> Path:
    """The file behind a graph argument: a build's graph.trig (else graph.ttl), or the file."""
    p = Path(path)
    if p.is_dir():
        p = p / FULL if (p / FULL).exists() else p / FACTS
    if not p.is_file():
        raise GraphError(Errors.E066.format(path=path))
    return p


def build_files(path: str | Path) -> tuple[Path, Path] | None:
    """(graph.ttl, graph.trig) of a build's output folder; None for anything else."""
    p = Path(path)
    if p.is_dir() and (p / FACTS).is_file() and (p / FULL).is_file():
        return p / FACTS, p / FULL
    return None


def rdf_format(p: Path) -> str:
    """rdflib's name for the file's syntax, from its suffix (Turtle when it has none it knows)."""
    return guess_format(p.name) or "turtle"


def load_graph(path: str | Path) -> Dataset:
    """Read a graph the builder wrote into a Dataset whose default graph is the union of all."""
    p = graph_file(path)
    fmt = rdf_format(p)
    ds = Dataset(default_union=True)
    try:
        ds.parse(p, format=fmt)
    except Exception as err:  # rdflib raises many parser-specific types
        raise GraphError(Errors.E005.format(path=p, format=fmt, why=str(err).splitlines()[0][:200])) from None
    return ds
