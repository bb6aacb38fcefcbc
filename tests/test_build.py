"""Building the seeds: SHACL-valid, deterministic, evidenced, and as good as measured."""

import json
import re
from pathlib import Path

import pytest
from rdflib import RDF, Dataset, Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.evaluate import evaluate
from kg.pipeline import build
from kg.vocab import FKG, ID

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.model


def test_build_seeds_conform_to_the_shapes(seeds_out):
    report = json.loads((seeds_out / "report.json").read_text())
    assert report["shacl_conforms"] is True
    assert report["articles"] == 3 and report["failed_inputs"] == []


def test_build_is_byte_identical_on_a_rerun(seeds_out, tmp_path):
    build([str(ROOT / "seeds")], tmp_path)
    for name in ("graph.ttl", "graph.trig", "report.json"):
        assert (tmp_path / name).read_bytes() == (seeds_out / name).read_bytes(), name


def test_build_iris_are_readable_slugs(seeds_out):
    text = (seeds_out / "graph.ttl").read_text()
    assert "player:virgil-van-dijk a fkg:Player" in text
    assert "club:liverpool a fkg:Club" in text
    assert "owl:sameAs wd:Q1130849" in text


def test_build_merges_aliases_into_one_node(seeds_out):
    ds = Dataset(default_union=True).parse(seeds_out / "graph.trig", format="trig")
    liverpool = [s for s in ds.subjects(RDF.type, FKG.Club) if str(s).endswith("/club/liverpool")]
    assert len(liverpool) == 1
    cups = {str(s) for s in ds.subjects(RDF.type, FKG.Trophy)}
    assert sum(1 for c in cups if "league-cup" in c) == 1  # Carabao Cup = League Cup = English League Cup
    people = {str(s).rsplit("/", 1)[1] for c in (FKG.Player, FKG.Manager, FKG.Person) for s in ds.subjects(RDF.type, c)}
    assert "van-dijk" not in people and "klopp" not in people


def test_build_every_fact_has_evidence_pointing_into_the_original_file(seeds_out):
    ds = Dataset(default_union=True).parse(seeds_out / "graph.trig", format="trig")
    files = {str(a): (ROOT / str(f)).read_text("utf-8") for a, f in ds.subject_objects(FKG.sourceFile)}
    evidenced = set()
    for ev in ds.subjects(RDF.type, FKG.Evidence):
        s, p, o = (ds.value(ev, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        evidenced.add((s, p, o))
        original = files[str(ds.value(ev, FKG.article))]
        start, end = int(ds.value(ev, FKG.startChar)), int(ds.value(ev, FKG.endChar))
        sentence = str(ds.value(ev, FKG.sentence))
        words = re.findall(r"[A-Za-z]{4,}", sentence)
        assert words and all(w in original[start:end] for w in words[:5]), (sentence, original[start:end])
    for prop in ("playsFor", "manages", "won", "defeated", "scoredIn", "captainOf"):
        for s, o in ds.subject_objects(FKG[prop]):
            assert (s, FKG[prop], o) in evidenced, (s, prop, o)


def test_build_seeds_quality_meets_the_targets(seeds_out):
    scores = evaluate(ROOT / "tests" / "gold" / "seeds.json", str(seeds_out))
    assert scores["typing"]["all"]["f1"] >= 0.95
    assert scores["split_entities"] == {}
    assert scores["relations"]["all"]["f1"] >= 0.85  # measured 0.913 (README)
    assert scores["relations"]["all"]["precision"] >= 0.9  # measured 0.955


def test_build_own_articles_quality_does_not_regress(build_graph):
    out = build_graph(ROOT / "tests" / "articles")
    scores = evaluate(ROOT / "tests" / "gold" / "articles.json", str(out))
    assert json.loads((out / "report.json").read_text("utf-8"))["shacl_conforms"] is True
    assert scores["typing"]["all"]["f1"] >= 0.98  # measured 0.996
    # measured 0.941 with the model trained on 449 articles (0.949 with the previous release's; these
    # articles are training data, so this guards against breakage, not for quality)
    assert scores["relations"]["all"]["f1"] >= 0.93
    assert scores["relations"]["all"]["precision"] >= 0.96  # measured 0.969 (0.970 before)
    assert scores["split_entities"] == {}


def test_build_dev_set_quality_does_not_regress(build_graph):
    """Twelve articles in real publishers' styles, annotated independently (tests/gold/dev.json)."""
    out = build_graph(ROOT / "tests" / "dev")
    scores = evaluate(ROOT / "tests" / "gold" / "dev.json", str(out))
    assert json.loads((out / "report.json").read_text("utf-8"))["shacl_conforms"] is True
    assert scores["typing"]["all"]["f1"] >= 0.95  # measured 0.965
    # measured 0.865 / P 0.919 (0.873 / 0.939 with the model of the previous release)
    assert scores["relations"]["all"]["f1"] >= 0.83
    assert scores["relations"]["all"]["precision"] >= 0.88
    # measured: one, the quoted nickname "Raff" kept apart from Dean Rafferty (the leftover-name
    # classifier trained on 305 articles keeps it as a person; a surname's nickname is not joined)
    assert len(scores["split_entities"]) <= 1


def test_build_holdout_set_quality_does_not_regress(build_graph):
    """Twelve held-out articles in other publishers' styles and years (tests/gold/holdout.json):
    a guide to what the rules miss, never a set to fit; this guards what general rules achieved."""
    out = build_graph(ROOT / "tests" / "holdout")
    scores = evaluate(ROOT / "tests" / "gold" / "holdout.json", str(out))
    assert json.loads((out / "report.json").read_text("utf-8"))["shacl_conforms"] is True
    assert scores["typing"]["all"]["f1"] >= 0.97  # measured 0.988
    # measured 0.880 / P 0.916 (0.884 / 0.923 and 0.897 / 0.932 with earlier releases; a retrain
    # moves this in-sample set by about a point: 0.874 / 0.911 with one model of a past release)
    assert scores["relations"]["all"]["f1"] >= 0.87
    assert scores["relations"]["all"]["precision"] >= 0.91
    assert scores["split_entities"] == {}


def test_build_match_node_carries_the_final(seeds_out):
    """The final's node says what the three articles say of it, and nothing else."""
    g = Graph().parse(seeds_out / "graph.ttl", format="turtle")
    final = ID["match/league-cup-final-chelsea-liverpool"]
    got = Graph()
    got += g.triples((final, None, None))
    expected = Graph().parse(data=PREFIXES + """
        match:league-cup-final-chelsea-liverpool a fkg:Match ;
            fkg:afterExtraTime true ; fkg:competition trophy:league-cup ; fkg:stage "final" ;
            fkg:team club:chelsea, club:liverpool ; fkg:venue stadium:wembley-stadium ;
            fkg:winner club:liverpool ; fkg:loser club:chelsea ; fkg:score "1-0" ;
            fkg:winnerScore "1"^^xsd:nonNegativeInteger ; fkg:loserScore "0"^^xsd:nonNegativeInteger ;
            fkg:mentionedIn article:000-466b33eb9c79a1f5, article:001-dfba7becd657a9de, article:002-a77e374b8cfda861 ;
            rdfs:label "Liverpool v Chelsea (League Cup final)" .
        """, format="turtle")
    assert isomorphic(got, expected), _diff(got, expected)
    assert (ID["player/virgil-van-dijk"], FKG.scoredIn, final) in g


def test_build_seeds_graph_is_the_golden_one(seeds_out, update_golden):
    """The seeds' whole default graph, compared as a graph (rdflib isomorphism), not as text;
    `pytest --update-golden` rewrites tests/golden/seeds.ttl after an intended change."""
    golden = ROOT / "tests" / "golden" / "seeds.ttl"
    if update_golden:
        golden.write_bytes((seeds_out / "graph.ttl").read_bytes())
    got = Graph().parse(seeds_out / "graph.ttl", format="turtle")
    expected = Graph().parse(golden, format="turtle")
    assert isomorphic(got, expected), _diff(got, expected)


PREFIXES = """
    @prefix fkg: <https://w3id.org/football-kg/ontology#> .
    @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
    @prefix match: <https://w3id.org/football-kg/id/match/> .
    @prefix club: <https://w3id.org/football-kg/id/club/> .
    @prefix trophy: <https://w3id.org/football-kg/id/trophy/> .
    @prefix stadium: <https://w3id.org/football-kg/id/stadium/> .
    @prefix article: <https://w3id.org/football-kg/id/article/> .
"""


def _diff(got: Graph, expected: Graph) -> str:
    _, only_got, only_expected = graph_diff(to_isomorphic(got), to_isomorphic(expected))
    return ("only in the output:\n" + "\n".join(sorted(f"  {t}" for t in only_got)[:20]) +
            "\nonly in the expected graph:\n" + "\n".join(sorted(f"  {t}" for t in only_expected)[:20]))
