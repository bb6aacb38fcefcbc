"""SHACL validation of a build, with the RDFS entailments computed up front.

`kg.validate.validate` asks pyshacl to run the owlrl RDFS closure over the whole data graph; on
a few hundred articles that closure is most of the build's time (it derives every triple's
`rdfs:Resource` and `rdf:Property` typing, axioms, and so on, one rdflib look-up at a time).
The shapes (`ontology/shapes.ttl`) only ever read the data through `rdf:type` (targets,
`sh:class`) and through the properties on their paths, so what RDFS adds that they can see is:

- rdfs7: a triple for each super-property of each triple's predicate (`homeTeam` => `team`);
- rdfs2 / rdfs3: the domain and range classes of each predicate and its super-properties;
- rdfs9 / rdfs11: every superclass of each of those types (a Club is a Team).

This module adds exactly those (closing sub-class and sub-property hierarchies transitively,
from the ontology and any schema triples in the data), merges in the ontology as pyshacl's
``ont_graph`` would, and runs the same shapes with ``inference="none"`` on pyshacl-turbo, a
Rust engine that is a drop-in for pyshacl: on every broken graph of tests/test_validate_fast.py
it gives pyshacl's conformance and its report text character for character, and on the graph of
200 generated articles it takes 4.1 s where pyshacl took 8.8 s (README "Benchmarks"). Like owlrl, a literal
object of a property whose range is a class gets that type too (a datatype range such as
`xsd:string` is left out: no shape can see it). The conformance result is the same as
`kg.validate.validate`'s (tests/test_validate_fast.py checks it on good and broken graphs); the
report text may list results in a different order.

`validate_build` also splits a build's graph: the facts (default graph) are validated with every
shape, and the evidence (the per-article named graphs) in parts of `PART` articles with the
Evidence shape only. That is the same set of checks, each seeing the same triples, as validating
the union, provided every evidence triple is about an `fkg:Evidence` node that appears nowhere
else (checked; otherwise the union is validated). pyshacl's time per node grows with the graph,
so parts keep a big build linear in time and bounded in memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import chain

from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.cache import ValidatedEvidence
from kg.validate import Validation, ontology_graph, shapes_graph
from kg.vocab import transitive_closure

_SCHEMA = (RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range)
EVIDENCE = URIRef("https://w3id.org/football-kg/ontology#Evidence")
ASSERTION = URIRef("https://w3id.org/football-kg/ontology#Assertion")
EVIDENCE_SHAPE = URIRef("https://w3id.org/football-kg/shapes#EvidenceShape")
ASSERTION_SHAPE = URIRef("https://w3id.org/football-kg/shapes#AssertionShape")
PART = 200  # articles per evidence part
_XSD = str(XSD)
_TYPE, _LITERAL = RDF.type, RDFS.Literal  # looked up once: a namespace attribute costs a call


@lru_cache(maxsize=1)
def _shapes() -> Graph:
    return shapes_graph()


@lru_cache(maxsize=1)
def _ontology() -> tuple[tuple[Node, Node, Node], ...]:
    return tuple(ontology_graph())


def entailed(triples: Iterable[tuple[Node, Node, Node]]) -> Graph:
    """The data, the ontology and what RDFS entails from them that the shapes can see."""
    data = list(triples)
    schema = list(_ontology()) + [t for t in data if t[1] in _SCHEMA]
    rel: dict[Node, dict[Node, set[Node]]] = {p: {} for p in _SCHEMA}
    for s, p, o in schema:
        if p in rel:
            rel[p].setdefault(s, set()).add(o)
    sub_props = transitive_closure(rel[RDFS.subPropertyOf])
    sub_classes = transitive_closure(rel[RDFS.subClassOf])
    domains, ranges = rel[RDFS.domain], rel[RDFS.range]

    # For each predicate: the super-properties, the domain classes, the range classes (for a
    # node object; for a literal object, those that are not datatypes), and whether it is rdf:type.
    plan: dict[Node, tuple[frozenset[Node], frozenset[Node], frozenset[Node], frozenset[Node], bool]] = {}

    def plan_for(p: Node) -> tuple[frozenset[Node], frozenset[Node], frozenset[Node], frozenset[Node], bool]:
        props = {p} | sub_props.get(p, frozenset())
        doms = {c for q in props for c in domains.get(q, ())}
        rngs = _up({c for q in props for c in ranges.get(q, ())}, sub_classes)
        literal_rngs = {c for c in rngs if not (str(c).startswith(_XSD) or c == _LITERAL)}
        return (frozenset(props - {p}), frozenset(_up(doms, sub_classes)), frozenset(rngs),
                frozenset(literal_rngs), p == _TYPE)

    graph = Graph(store="SimpleMemory")  # no contexts to keep: a third faster to fill than Memory
    graph.addN((s, p, o, graph) for s, p, o in chain(schema, data))
    derived: set[tuple[Node, Node, Node]] = set()
    types: set[tuple[Node, Node]] = set()
    for s, p, o in data:
        step = plan.get(p)
        if step is None:
            step = plan[p] = plan_for(p)
        supers, doms, rngs, literal_rngs, is_type = step
        for q in supers:
            derived.add((s, q, o))
        for c in doms:
            types.add((s, c))
        for c in (literal_rngs if isinstance(o, Literal) else rngs):
            types.add((o, c))
        if is_type:  # the triple itself is in the graph; its superclasses are not
            for c in sub_classes.get(o, ()):
                types.add((s, c))
    graph.addN((s, p, o, graph) for s, p, o in derived)
    graph.addN((x, _TYPE, c, graph) for x, c in types)
    return graph


def _contexts(graph: Graph) -> Graph:
    """The graph in a context-aware store, which pyshacl needs (it copies the data into one)."""
    out = Graph()
    out.addN((s, p, o, out) for s, p, o in graph)
    return out


def _up(classes: set[Node], sub_classes: dict[Node, frozenset[Node]]) -> set[Node]:
    return classes | {c2 for c in classes for c2 in sub_classes.get(c, ())}


def validate(triples: Iterable[tuple[Node, Node, Node]], shapes: Graph | None = None) -> Validation:
    """Validate triples against the shapes (or another shapes graph), under RDFS."""
    graph = entailed(triples)
    if any(isinstance(x, Literal) for x in graph.subjects(RDF.type, None, unique=True)):
        # a literal where a node belongs, typed by a range as owlrl does: pyshacl-turbo takes
        # only RDF graphs (no literal subjects), pyshacl reports it (only broken graphs get here)
        from pyshacl import validate as shacl

        graph = _contexts(graph)
    else:
        from pyshacl_turbo import validate as shacl  # type: ignore[no-redef]
    # not in place: asked to work in place, pyshacl-turbo writes back what it added (nothing
    # here) at a cost of a second a hundred thousand triples
    conforms, _report, text = shacl(graph, shacl_graph=shapes if shapes is not None else _shapes(),
                                    inference="none", advanced=False, allow_warnings=True, inplace=False)
    return Validation(bool(conforms), str(text), str(text).count("Constraint Violation"))


@lru_cache(maxsize=1)
def _evidence_shapes() -> Graph:
    """The Evidence and Assertion shapes alone: their triples and everything their blank nodes
    lead to."""
    shapes = _shapes()
    out = Graph()
    for prefix, ns in shapes.namespaces():
        out.bind(prefix, ns)
    todo, seen = [EVIDENCE_SHAPE, ASSERTION_SHAPE], set()
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        for p, o in shapes.predicate_objects(node):
            out.add((node, p, o))
            if isinstance(o, BNode):
                todo.append(o)
    return out


def validate_build(facts: Sequence[tuple[Node, Node, Node]],
                   evidence: Mapping[URIRef, list[tuple[Node, Node, Node]]], part: int = PART,
                   known: ValidatedEvidence | None = None) -> Validation:
    """Validate a build (facts in the default graph, evidence per article graph) in parts.
    ``known``: the article graphs that already passed (`kg.cache.ValidatedEvidence`); they are
    skipped, and those of every part that passes are added. The Evidence shape reads nothing
    outside an Evidence node's own triples, so a graph that passed passes again."""
    if not _evidence_apart(facts, evidence):
        return validate(chain(facts, *evidence.values()))
    results = [validate(facts)]
    graphs = sorted(evidence)  # an empty graph validates as nothing; asking would build its triples
    keys = {g: known.key(evidence[g]) for g in graphs} if known is not None else {}
    if known is not None:
        graphs = [g for g in graphs if keys[g] not in known]
    for i in range(0, len(graphs), part):
        result = validate(chain(*(evidence[g] for g in graphs[i:i + part])), _evidence_shapes())
        results.append(result)
        if result.conforms and known is not None:
            for g in graphs[i:i + part]:
                known.add(keys[g])
    bad = [r for r in results if not r.conforms]
    return Validation(not bad, "\n".join(r.text for r in bad) if bad else results[0].text,
                      sum(r.violations for r in results))


def _evidence_apart(facts: Sequence[tuple[Node, Node, Node]],
                    evidence: Mapping[URIRef, list[tuple[Node, Node, Node]]]) -> bool:
    """Every evidence triple's subject is an Evidence (or Assertion) node of one graph, and no
    fact's subject."""
    owner: dict[Node, URIRef] = {}
    typed: set[Node] = set()
    for g, triples in evidence.items():
        for s, p, o in triples:
            if owner.setdefault(s, g) != g:
                return False
            if p == RDF.type and o in (EVIDENCE, ASSERTION):
                typed.add(s)
    if len(typed) != len(owner):
        return False
    return not any(s in owner for s, _, _ in facts)
