"""SHACL validation of a graph against `ontology/shapes.ttl` (the one module importing pyshacl)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from kg.resources import ONTOLOGY_FILE, SHAPES_FILE


@dataclass(frozen=True)
class Validation:
    conforms: bool
    text: str
    violations: int


def ontology_graph() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


def shapes_graph() -> Graph:
    return Graph().parse(SHAPES_FILE, format="turtle")


def validate_file(path: str | Path) -> Validation:
    """Validate a graph the builder wrote (output folder or file), facts and evidence together:
    pyshacl would check each named graph of a Dataset on its own, and an article graph's
    evidence refers to the articles of the default graph."""
    from kg.graphio import load_graph

    union = Graph()
    union += load_graph(path).triples((None, None, None))  # the union of all its graphs
    return validate(union)


def validate(data: Graph) -> Validation:
    """Validate with RDFS inference over the ontology, so a Club is a Team."""
    from pyshacl import validate as shacl

    conforms, report, text = shacl(data, shacl_graph=shapes_graph(), ont_graph=ontology_graph(),
                                   inference="rdfs", advanced=False, allow_warnings=True)
    violations = text.count("Constraint Violation")
    return Validation(bool(conforms), str(text), violations)
