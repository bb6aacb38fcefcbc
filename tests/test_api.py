"""The Python API (`kg.build`, `kg.load`): the same graph as `kg build`, nothing written unless
asked, rows as Python values, and the network page's projection."""

from __future__ import annotations

from pathlib import Path

import pytest
import kg

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    work = tmp_path_factory.mktemp("api")
    return kg.build([ROOT / "seeds"], cache_dir=work / "cache"), work


def test_api_build_in_memory_writes_nothing_but_the_cache(built):
    g, work = built
    assert sorted(p.name for p in work.iterdir()) == ["cache"]
    assert g.report["articles"] == 3 and g.report["shacl_conforms"] is True


def test_api_build_is_the_graph_kg_build_writes(built, seeds_out):
    g, _ = built
    on_disk = kg.load(seeds_out)
    quads = (None, None, None, None)  # the builder writes no blank nodes: equal quads, equal graphs
    assert set(g.dataset.quads(quads)) == set(on_disk.dataset.quads(quads))
    assert on_disk.report == g.report


def test_api_query_by_name_with_parameters_gives_python_values(built):
    g, _ = built
    rows = g.query("squad", club="club:liverpool")
    assert rows and all(r["club"].endswith("/club/liverpool") for r in rows)
    assert {type(r["captain"]) for r in rows} == {bool}
    assert "Virgil van Dijk" in {r["playerLabel"] for r in rows}


def test_api_query_sparql_text(built):
    g, _ = built
    rows = g.query("SELECT ?p WHERE { ?p a fkg:Player } ORDER BY ?p LIMIT 2")
    assert [list(r) for r in rows] == [["p"], ["p"]] and all(isinstance(r["p"], str) for r in rows)


def test_api_to_networkx_is_the_page_projection(built):
    g, _ = built
    net = g.to_networkx()
    liverpool = next(n for n, d in net.nodes(data=True) if d["label"] == "Liverpool")
    assert any(net.nodes[s]["label"] == "Virgil van Dijk" for s, _ in net.in_edges(liverpool))
    assert all("evidence" in d for _, _, d in net.edges(data=True))


def test_api_build_with_out_writes_the_folder(tmp_path):
    g = kg.build(ROOT / "seeds", out=tmp_path / "out", validate_output=False, cache_dir=tmp_path / "cache")
    assert (tmp_path / "out" / "graph.trig").is_file() and g.report["shacl_conforms"] is None


def test_api_a_competition_the_gazetteer_does_not_list_is_a_trophy_node(tmp_path):
    """"the Seamus Gallen Memorial Cup" is read from its name: a Trophy with a readable IRI."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "harps.txt").write_text(
        "Harps lift memorial cup\n\nFinn Harps won the Seamus Gallen Memorial Cup on Sunday, beating "
        "Derry City 2-1 at Finn Park.\n", encoding="utf-8")
    g = kg.build([tmp_path / "in"], cache_dir=tmp_path / "cache")
    rows = g.query("SELECT ?t WHERE { ?t a fkg:Trophy ; rdfs:label 'Seamus Gallen Memorial Cup' }")
    assert [r["t"] for r in rows] == ["https://w3id.org/football-kg/id/trophy/seamus-gallen-memorial-cup"]
    assert g.report["shacl_conforms"] is True
