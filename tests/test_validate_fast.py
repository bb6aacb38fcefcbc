"""kg.validate_fast (RDFS entailments computed up front, pyshacl-turbo) agrees with kg.validate (pyshacl + owlrl)
on a good graph and on graphs broken in each way the shapes check."""

from pathlib import Path

import pytest
from rdflib import RDF, RDFS, SH, XSD, Dataset, Graph, Literal, URIRef

from kg import validate_fast
from kg.validate import validate
from kg.vocab import FKG

MINI = Path(__file__).parent / "data" / "mini.trig"
ID = "https://w3id.org/football-kg/id/"


def mini() -> Graph:
    ds = Dataset(default_union=True)
    ds.parse(MINI, format="trig")
    g = Graph()
    for t in ds.triples((None, None, None)):
        g.add(t)
    return g


def _first(g: Graph, cls) -> URIRef:
    return sorted(g.subjects(RDF.type, cls))[0]


def _drop_label(g):
    s = _first(g, FKG.Club)
    g.remove((s, RDFS.label, None))


def _two_labels(g):
    g.add((_first(g, FKG.Manager), RDFS.label, Literal("Another Name")))


def _third_team(g):
    g.add((_first(g, FKG.Match), FKG.team, URIRef(ID + "club/everton")))


def _home_team_only(g):  # a homeTeam is a team (rdfs:subPropertyOf): now three teams
    g.add((_first(g, FKG.Match), FKG.homeTeam, URIRef(ID + "club/arsenal")))


def _evidence_without_rule(g):
    g.remove((_first(g, FKG.Evidence), FKG.rule, None))


def _confidence_too_high(g):
    ev = _first(g, FKG.Evidence)
    g.remove((ev, FKG.confidence, None))
    g.add((ev, FKG.confidence, Literal("1.5", datatype=XSD.decimal)))


def _literal_team(g):  # rdfs:range types the literal a Team, as owlrl does
    g.add((_first(g, FKG.Player), FKG.playsFor, Literal("Liverpool")))


def _untyped_player_plays(g):  # rdfs:domain makes it a Player, which then needs a label
    g.add((URIRef(ID + "person/nobody"), FKG.playsFor, URIRef(ID + "club/liverpool")))


def _club_manages(g):
    g.add((_first(g, FKG.Club), FKG.manages, _first(g, FKG.Club)))


def _bad_wikidata(g):
    from rdflib.namespace import OWL

    g.add((_first(g, FKG.Club), OWL.sameAs, URIRef("http://example.org/Q1")))


def _article_without_source(g):
    g.remove((_first(g, FKG.Article), FKG.sourceFile, None))


def _won_by_article(g):
    g.add((_first(g, FKG.Article), FKG.won, _first(g, FKG.Club)))


def _negative_score(g):
    g.add((_first(g, FKG.Match), FKG.loserScore, Literal(-1)))


def _unmentioned_stadium(g):
    s = URIRef(ID + "stadium/nowhere")
    g.add((s, RDF.type, FKG.Stadium))
    g.add((s, RDFS.label, Literal("Nowhere")))


BREAKS = [None, _drop_label, _two_labels, _third_team, _home_team_only, _evidence_without_rule,
          _confidence_too_high, _literal_team, _untyped_player_plays, _club_manages, _bad_wikidata,
          _article_without_source, _won_by_article, _negative_score, _unmentioned_stadium]


def split(g: Graph) -> tuple[list, dict]:
    """The build's layout: evidence nodes' triples in their article's graph, the rest as facts."""
    evidence_nodes = set(g.subjects(RDF.type, FKG.Evidence))
    facts, named = [], {}
    for t in g:
        if t[0] in evidence_nodes:
            named.setdefault(g.value(t[0], FKG.article) or URIRef(ID + "article/none"), []).append(t)
        else:
            facts.append(t)
    return facts, named


@pytest.mark.parametrize("breaker", BREAKS, ids=lambda b: "intact" if b is None else b.__name__[1:])
def test_fast_validation_agrees_with_pyshacl_owlrl(breaker):
    g = mini()
    if breaker is not None:
        breaker(g)
    reference = validate(g)
    fast = validate_fast.validate(iter(g))
    assert (fast.conforms, fast.violations) == (reference.conforms, reference.violations)
    facts, named = split(g)
    assert len(named) >= 2 and validate_fast._evidence_apart(facts, named)
    parts = validate_fast.validate_build(facts, named, part=1)  # facts, then one article at a time
    assert (parts.conforms, parts.violations) == (reference.conforms, reference.violations)
    # every break is caught, except a club that "manages": RDFS (rdfs:domain) makes it a Manager
    assert fast.conforms == (breaker in (None, _club_manages))


def test_evidence_graphs_holding_other_triples_are_validated_whole():
    g = mini()
    facts, named = split(g)
    first = sorted(named)[0]
    player = sorted(g.subjects(RDF.type, FKG.Player))[0]
    named[first].append((player, RDFS.label, Literal("A second label, hidden in an evidence graph")))
    assert not validate_fast._evidence_apart(facts, named)
    assert not validate_fast.validate_build(facts, named, part=1).conforms


@pytest.mark.parametrize("breaker", BREAKS, ids=lambda b: "intact" if b is None else b.__name__[1:])
def test_the_rust_engine_reports_what_pyshacl_reports(breaker):
    """pyshacl-turbo (what kg build runs) and pyshacl, on the same entailed graph and shapes, give
    the same conformance and the same report: every result, focus node, value, path, source shape
    and every message our shapes word. Only the engines' own default wording differs, for two
    kinds of constraint ("Value is not Literal with datatype xsd:nonNegativeInteger" against
    "DatatypeConstraintComponent violated at <...>"; the same for sh:maxInclusive)."""
    from pyshacl import validate as pyshacl_validate

    g = mini()
    if breaker is not None:
        breaker(g)
    conforms, _graph, text = pyshacl_validate(validate_fast._contexts(validate_fast.entailed(iter(g))),
                                              shacl_graph=validate_fast._shapes(), inference="none",
                                              advanced=False, allow_warnings=True)
    fast = validate_fast.validate(iter(g))
    assert (fast.conforms, _worded(fast.text)) == (conforms, _worded(text))


def _worded(report: str) -> str:
    """The report without the messages our shapes do not word (the engines' defaults)."""
    ours = {str(m) for m in validate_fast._shapes().objects(None, SH.message)}
    return "\n".join(line for line in report.splitlines()
                     if not line.startswith("\tMessage: ") or line[len("\tMessage: "):] in ours)


class _Known(set):
    """The `kg.cache.ValidatedEvidence` protocol over a set: key, membership, add."""

    def key(self, triples):
        return "|".join(sorted(f"{s.n3()} {p.n3()} {o.n3()}" for s, p, o in triples))


@pytest.mark.parametrize("breaker", [None, _evidence_without_rule, _confidence_too_high],
                         ids=["intact", "evidence_without_rule", "confidence_too_high"])
def test_validated_evidence_is_skipped_and_only_passing_parts_are_remembered(breaker):
    """A build remembers the article graphs whose part passed; the next build validates only the
    others, and reaches the same verdict with the same violations as validating everything."""
    g = mini()
    if breaker is not None:
        breaker(g)
    facts, named = split(g)
    everything = validate_fast.validate_build(facts, named, part=1)
    known = _Known()
    first = validate_fast.validate_build(facts, named, part=1, known=known)
    assert (first.conforms, first.violations) == (everything.conforms, everything.violations)
    passing = {known.key(named[a]) for a in named}
    assert known <= passing and (len(known) == len(named)) == (breaker is None)
    again = validate_fast.validate_build(facts, named, part=1, known=known)
    assert (again.conforms, again.violations, again.text) == (first.conforms, first.violations, first.text)
