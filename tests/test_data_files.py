"""The data files agree with each other and with the ontology."""

import json
from pathlib import Path

from rdflib import OWL, RDF, Graph

from kg.lexicon import Rules
from kg.vocab import FKG

ROOT = Path(__file__).resolve().parents[1]


def _ontology() -> Graph:
    return Graph().parse(ROOT / "ontology" / "football.ttl")


def test_data_vocab_matches_the_ontology():
    g = _ontology()
    declared = {str(s) for t in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
                for s in g.subjects(RDF.type, t) if str(s).startswith(str(FKG._NS))}
    in_code = {str(FKG._NS) + name for name in FKG.__annotations__}
    assert declared == in_code


def test_data_every_predicate_written_is_declared():
    from kg.vocab import RELATIONS

    g = _ontology()
    for p in RELATIONS:
        assert (FKG[p], RDF.type, OWL.ObjectProperty) in g


def test_data_shapes_parse_and_name_only_ontology_terms():
    shapes = Graph().parse(ROOT / "ontology" / "shapes.ttl")
    g = _ontology()
    known = set(g.subjects())
    for node in set(shapes.subjects()) | set(shapes.objects()):
        if str(node).startswith(str(FKG._NS)):
            assert node in known, node


def test_data_rules_load_and_roles_do_not_overlap():
    rules = Rules.load()
    roles = rules.roles
    for a in roles:
        for b in roles:
            if a < b:
                assert not roles[a] & roles[b], (a, b, roles[a] & roles[b])


def test_data_gazetteer_lists_no_people():
    """People are recognised from the text, never listed: no entry is typed as a person."""
    data = json.loads((ROOT / "kg" / "data" / "gazetteer.json").read_text("utf-8"))
    assert {e["type"] for e in data["entries"]} <= {"Club", "NationalTeam", "Trophy", "Stadium"}


def test_data_files_top_level_folders_are_the_packaged_ones():
    """`ontology/` and `queries/` at the top are the package's own folders, one copy of each file."""
    from kg.resources import ONTOLOGY_DIR, QUERY_DIR

    assert (ROOT / "ontology").resolve() == ONTOLOGY_DIR.resolve()
    assert (ROOT / "queries").resolve() == QUERY_DIR.resolve()
    assert (ONTOLOGY_DIR / "football.ttl").is_file() and (ONTOLOGY_DIR / "shapes.ttl").is_file()
    assert sorted(QUERY_DIR.glob("*.rq"))
