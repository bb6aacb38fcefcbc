"""Neo4j export and load (`kg/neo4j_export.py`, `kg/neo4j_load.py`), against a real engine.

Neo4j itself cannot be installed here, so the Cypher runs on FalkorDB (tests/neo4j_engine.py),
which takes the same UNWIND/MERGE statements unchanged: the data section of import.cypher, the
loader's (statement, parameters) batches, and the CSV files through LOAD CSV. Engine tests skip
when FalkorDB is not installed, and fail instead when CI=true. The driver transport test runs
only when NEO4J_URI is set (see test_driver_transport_against_real_neo4j).
"""

from __future__ import annotations

import datetime as dt
import math
import os
import socket
import sys
import uuid
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import RDFS, SKOS, XSD

from kg import neo4j_export as ne
from kg.graphio import load_graph
from kg.vocab import FKG

sys.path.insert(0, str(Path(__file__).resolve().parent))
import neo4j_csvcheck  # noqa: E402
import neo4j_engine  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
MINI = DATA / "mini.trig"
HOSTILE = DATA / "neo4j_hostile.trig"
IN_CI = os.environ.get("CI", "").lower() == "true"

HOSTILE_TEXTS = [
    "O'Brien's \"quoted\" \\ backslash \\' \\\\ end\\",
    "line one\nline two\r\nthree\ttab",
    "<script>alert('x')</script></script><img src=x onerror=alert(1)>",
    "⚽🏆👨‍👩‍👧 Ünïcødé",
    "نادي الهلال \u202eevil\u202c עברית",
    "x'}) MATCH (n) DETACH DELETE n // $rows /* ; */",
    "bell\x07 esc\x1b del\x7f sep\u2028 zw\u200b \ufeff",
    "; | , \x1f",
    "",
]


def need(ok: bool, why: str) -> None:
    """Skip locally when a tool is missing; in CI a missing tool is a failure, not a skip."""
    if not ok:
        if IN_CI:
            pytest.fail(f"CI=true and {why}")
        pytest.skip(why)


# ---------------------------------------------------------------- fixtures

@pytest.fixture(scope="session")
def engine():
    ok, why = neo4j_engine.engine_available()
    if not ok and IN_CI:  # .ci/run normally installs it; do it here rather than skip
        try:
            neo4j_engine.install(log=lambda m: print(m, file=sys.stderr))
        except Exception as err:  # noqa: BLE001 - reported as the failure
            pytest.fail(f"CI=true and the FalkorDB engine cannot be installed: {err}")
        ok, why = neo4j_engine.engine_available()
    need(ok, f"no FalkorDB engine: {why}")
    eng = neo4j_engine.Engine()
    yield eng
    eng.close()


@pytest.fixture(scope="session")
def sample_out(build_graph) -> Path:
    """seeds + tests/articles, built once (needs the spaCy model)."""
    return build_graph(ROOT / "seeds", ROOT / "tests" / "articles")


def _graph_file(name: str, request) -> Path:
    if name == "sample":
        return request.getfixturevalue("sample_out")
    return {"mini": MINI, "hostile": HOSTILE}[name]


GRAPHS = ["mini", "hostile", pytest.param("sample", marks=pytest.mark.model)]


def _new_graph_name() -> str:
    return "g" + uuid.uuid4().hex[:12]


# ---------------------------------------------------------------- expected contents

def expected_counts(ds) -> tuple[dict[str, int], dict[str, int]]:
    """Nodes per label and relationships per type, counted on the RDF graph directly: every
    fkg: class (plus its super-classes) of a non-evidence IRI, and every distinct
    (subject, predicate, object) between two such IRIs."""
    supers = ne.ontology_superclasses()
    ns = str(FKG._NS)
    evidence = set(ds.subjects(RDF.type, FKG.Evidence))
    classes: dict = {}
    for s, o in ds.subject_objects(RDF.type):
        if s not in evidence and str(o).startswith(ns) and o != FKG.Evidence:
            local = str(o)[len(ns):]
            classes.setdefault(s, set()).update({local, *supers.get(local, ())})
    labels: dict[str, int] = {}
    for cs in classes.values():
        for c in cs:
            labels[c] = labels.get(c, 0) + 1
    types: dict[str, int] = {}
    for s, p, o in set(ds.triples((None, None, None))):
        if p != RDF.type and s in classes and o in classes:
            t = ne.rel_type(str(p))
            types[t] = types.get(t, 0) + 1
    return dict(sorted(labels.items())), dict(sorted(types.items()))


def _plain(value, dates_as_text: bool = False):
    if isinstance(value, dt.date):
        return value.isoformat() if dates_as_text else {"$date": value.isoformat()}
    if isinstance(value, list):
        return [_plain(v, dates_as_text) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v, dates_as_text) for k, v in value.items()}
    return value


def expected_dump(pg: ne.PropertyGraph, dates_as_text: bool = False) -> dict:
    """What `Engine.dump` must read back after a load of `pg`."""
    return {
        "nodes": sorted([[n.iri, sorted(n.labels), _plain({"iri": n.iri, **n.props}, dates_as_text)]
                         for n in pg.nodes], key=lambda x: x[0]),
        "rels": sorted([[r.start, r.type, r.end, _plain(r.props, dates_as_text)] for r in pg.rels],
                       key=lambda x: (x[0], x[1], x[2])),
    }


def assert_same_dump(got: dict, want: dict, float_tol: float = 0.0) -> None:
    assert [n[0] for n in got["nodes"]] == [n[0] for n in want["nodes"]]
    for g, w in zip(got["nodes"], want["nodes"]):
        assert g[1] == w[1], g[0]
        _assert_props(g[2], w[2], float_tol, g[0])
    assert [r[:3] for r in got["rels"]] == [r[:3] for r in want["rels"]]
    for g, w in zip(got["rels"], want["rels"]):
        _assert_props(g[3], w[3], float_tol, g[:3])


def _assert_props(got: dict, want: dict, tol: float, where) -> None:
    assert sorted(got) == sorted(want), where
    for k in want:
        g, w = got[k], want[k]
        if tol and isinstance(w, (float, list)) and any(isinstance(x, float) for x in (w if isinstance(w, list) else [w])):
            gl, wl = (g, w) if isinstance(w, list) else ([g], [w])
            assert len(gl) == len(wl) and all(math.isclose(a, b, rel_tol=tol) for a, b in zip(gl, wl)), (where, k)
        else:
            assert g == w, (where, k)


def params_prefix(params: dict) -> str:
    """FalkorDB takes query parameters as a `CYPHER name=value ...` prefix of literals; it has no
    date literal there, so dates go as ISO text (the Neo4j driver sends them as DATE)."""
    return "CYPHER " + " ".join(f"{k}={ne.cypher_literal(_plain(v, True))}" for k, v in params.items())


# ---------------------------------------------------------------- naming and projection

def test_relationship_types_are_upper_snake_case():
    expect = {"playsFor": "PLAYS_FOR", "captainOf": "CAPTAIN_OF", "manages": "MANAGES", "won": "WON",
              "defeated": "DEFEATED", "scoredIn": "SCORED_IN", "formerlyPlayedFor": "FORMERLY_PLAYED_FOR",
              "formerlyManaged": "FORMERLY_MANAGED", "linkedWith": "LINKED_WITH", "team": "TEAM",
              "homeTeam": "HOME_TEAM", "awayTeam": "AWAY_TEAM", "winner": "WINNER", "loser": "LOSER",
              "competition": "COMPETITION", "venue": "VENUE", "mentionedIn": "MENTIONED_IN",
              "homeGround": "HOME_GROUND"}
    for local, rtype in expect.items():
        assert ne.rel_type(str(FKG._NS) + local) == rtype
    assert ne.rel_type("http://www.w3.org/2002/07/owl#sameAs") == "SAME_AS"
    assert ne.rel_type("http://x/y#HTTPStatus2go") == "HTTP_STATUS2GO"


def test_builtin_class_tree_matches_the_ontology():
    assert ne.ontology_superclasses() == ne.SUPERCLASSES


def test_projection_of_mini_graph():
    ds = load_graph(MINI)
    pg = ne.project(ds)
    assert (pg.label_counts(), pg.type_counts()) == expected_counts(ds)
    by_iri = {n.iri: n for n in pg.nodes}
    klopp = by_iri["https://w3id.org/football-kg/id/manager/jurgen-klopp"]
    assert klopp.labels == ("Manager", "Person") and klopp.key == "Person"
    assert klopp.props == {"label": "Jurgen Klopp", "altLabels": ["Klopp"]}
    assert by_iri["https://w3id.org/football-kg/id/club/liverpool"].labels == ("Club", "Team")
    match = by_iri["https://w3id.org/football-kg/id/match/league-cup-final-chelsea-liverpool"]
    assert match.props["winnerScore"] == 1 and match.props["season"] == "2024"
    assert pg.types["winnerScore"] == "int" and pg.types["season"] == "string"
    # evidence travels on the relationship it supports, one list entry per sentence
    rel = {(r.start.rsplit("/", 1)[1], r.type, r.end.rsplit("/", 1)[1]): r for r in pg.rels}
    defeated = rel[("liverpool", "DEFEATED", "chelsea")].props
    assert defeated["articles"] == ["https://w3id.org/football-kg/id/article/a1",
                                    "https://w3id.org/football-kg/id/article/a2"]
    assert defeated["sentences"][1] == "Liverpool beat Chelsea again in the league."
    assert defeated["rules"] == ["victory-noun", "defeat-verb"] and defeated["confidence"] == 0.85
    assert defeated["startChars"] == [0, 62] and defeated["endChars"] == [84, 120]
    assert rel[("chelsea", "MENTIONED_IN", "a1")].props == {}
    vvd = by_iri["https://w3id.org/football-kg/id/player/virgil-van-dijk"].props
    assert vvd["typeClasses"] == ["Player"] and vvd["typeRules"] == ["goal-from"]


def test_spells_and_transfers_carry_their_dates_as_properties():
    """Issue 11's records are nodes like a Match: dates are Neo4j dates, the fee an integer."""
    import datetime

    pg = ne.project(load_graph(MINI))
    by_iri = {n.iri: n for n in pg.nodes}
    move = by_iri["https://w3id.org/football-kg/id/transfer/player/mohamed-salah/club/liverpool"]
    assert move.labels == ("Transfer",)
    assert {k: move.props[k] for k in ("fee", "currency", "date", "transferKind", "status")} == {
        "fee": 34000000, "currency": "GBP", "date": datetime.date(2024, 3, 2), "transferKind": "permanent",
        "status": "completed"}
    spell = by_iri["https://w3id.org/football-kg/id/spell/player/mohamed-salah/club/chelsea"]
    assert spell.props["endDate"] == datetime.date(2024, 3, 2) and spell.props["status"] == "ended"
    assert pg.types["fee"] == "int" and pg.types["date"] == pg.types["endDate"] == "date"
    ends = {(r.type, r.end.rsplit("/", 1)[1]) for r in pg.rels if r.start == move.iri}
    assert {("PLAYER", "mohamed-salah"), ("FROM_TEAM", "chelsea"), ("TO_TEAM", "liverpool")} <= ends


def test_projection_of_hostile_graph():
    ds = load_graph(HOSTILE)
    pg = ne.project(ds)
    assert (pg.label_counts(), pg.type_counts()) == expected_counts(ds)
    by_iri = {n.iri: n for n in pg.nodes}
    both = by_iri["https://w3id.org/football-kg/id/manager/both"]
    assert both.labels == ("Manager", "Player", "Person")
    assert both.props["typeClasses"] == ["Manager", "Player"]
    assert by_iri["https://w3id.org/football-kg/id/article/hostile-1"].props["date"] == dt.date(2024, 2, 29)
    assert pg.skipped == 1  # the evidence for a fact the graph does not assert
    assert ne.array_delimiter(pg) == "\x1f"  # list values contain both ';' and '|'


def test_property_types_fall_back_safely():
    g = Graph()
    a, b = URIRef("https://x/id/a"), URIRef("https://x/id/b")
    for s in (a, b):
        g.add((s, RDF.type, FKG.Article))
        g.add((s, RDFS.label, Literal("L;1")))
    g.add((a, URIRef("https://x/o#date"), Literal("2024-02-30", datatype=XSD.date)))  # ill-typed
    g.add((b, URIRef("https://x/o#date"), Literal("2024-02-28", datatype=XSD.date)))
    g.add((a, URIRef("https://x/o#big"), Literal(2**40)))
    g.add((b, URIRef("https://x/o#big"), Literal(3)))
    g.add((a, URIRef("https://x/o#2nd"), Literal("x")))
    g.add((a, SKOS.altLabel, Literal("only; semicolons")))
    pg = ne.project(g)
    assert pg.types["date"] == "string" and pg.types["big"] == "long" and pg.types["p_2nd"] == "string"
    assert {n.iri: n.props["date"] for n in pg.nodes} == {str(a): "2024-02-30", str(b): "2024-02-28"}
    assert ne.array_delimiter(pg) == "|"


# ---------------------------------------------------------------- Cypher text

def test_cypher_string_escapes():
    assert ne.cypher_string("O'Neil \\ \"x\"") == "'O\\'Neil \\\\ \"x\"'"
    assert ne.cypher_string("a\nb\r\tc\b\f") == "'a\\nb\\r\\tc\\b\\f'"
    assert ne.cypher_string("nul\x00") == "'nul\\u0000'"
    assert ne.cypher_string("⚽ עברית \u202e") == "'⚽ עברית \u202e'"
    assert "\n" not in ne.cypher_literal({"a": ["x\ny", 1, 2.5, True, None, dt.date(2024, 1, 2)]})
    assert ne.cypher_literal({"a b": 1}) == "{`a b`: 1}"
    with pytest.raises(ne.ExportError):
        ne.cypher_literal(float("nan"))


def test_script_layout_and_determinism(tmp_path):
    pg = ne.project(load_graph(HOSTILE))
    one = ne.export_neo4j(HOSTILE, tmp_path / "a")
    ne.export_neo4j(HOSTILE, tmp_path / "b")
    for name in one.files:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    text = (tmp_path / "a" / "import.cypher").read_text("utf-8")
    assert text.index(ne.SCHEMA_MARKER) < text.index(ne.DATA_MARKER)
    schema, data = ne.split_script(text)
    assert schema == [s for s in ne.constraint_statements(pg)]
    assert all(s.startswith("CREATE CONSTRAINT ") and s.endswith("REQUIRE n.iri IS UNIQUE") for s in schema)
    assert "CREATE CONSTRAINT fkg_person_iri IF NOT EXISTS FOR (n:Person) REQUIRE n.iri IS UNIQUE" in schema
    assert data == [ne.inline(s, p) for s, p in ne.cypher_batches(pg, ne.SCRIPT_BATCH)]
    assert all(s.startswith("UNWIND [") and "MERGE (" in s for s in data)
    # one row per line: hostile newlines are escaped, so no row literal spans lines
    for stmt in data:
        rows = [line for line in stmt.split("\n") if line.startswith("  {")]
        assert rows and all(line.rstrip(",").endswith("}") for line in rows)


def test_batches_are_bounded_and_complete():
    pg = ne.project(load_graph(MINI))
    batches = ne.cypher_batches(pg, batch_size=3)
    assert all(len(p["rows"]) <= 3 for _, p in batches)
    node_rows = [r for s, p in batches if "MERGE (n:" in s for r in p["rows"]]
    rel_rows = [r for s, p in batches if "MERGE (a)-[r:" in s for r in p["rows"]]
    assert sorted(r["iri"] for r in node_rows) == sorted(n.iri for n in pg.nodes)
    assert len(rel_rows) == len(pg.rels)
    assert all("$rows" in s and "'" not in s for s, _ in batches)  # values only as parameters
    assert ne.cypher_batches(load_graph(MINI)) == ne.cypher_batches(pg)
    with pytest.raises(ValueError):
        ne.cypher_batches(pg, 0)


# ---------------------------------------------------------------- CSV files

@pytest.mark.parametrize("name", GRAPHS)
def test_csv_files_follow_the_import_header_rules(name, request, tmp_path):
    path = _graph_file(name, request)
    pg = ne.project(load_graph(path))
    summary = ne.export_neo4j(path, tmp_path)
    got = neo4j_csvcheck.check_import_dir(tmp_path, summary.array_delimiter)
    assert got.problems == []
    # what the import tool would create is the projection, value for value
    assert sorted(got.nodes) == sorted(n.iri for n in pg.nodes)
    for n in pg.nodes:
        rec = got.nodes[n.iri]
        assert rec[":LABEL"] == list(n.labels)
        assert {k: v for k, v in rec.items() if not k.startswith(":")} == {"iri": n.iri, **n.props}
    want_rels = sorted((r.start, r.type, r.end, sorted(r.props.items())) for r in pg.rels)
    got_rels = sorted((r[":START_ID"], r[":TYPE"], r[":END_ID"],
                       sorted((k, v) for k, v in r.items() if not k.startswith(":"))) for r in got.rels)
    assert got_rels == want_rels
    # the README gives the exact command, naming every file once
    readme = (tmp_path / "README.md").read_text("utf-8")
    command = ne.import_command([f for f in summary.files if f.endswith(".csv")], summary.array_delimiter)
    assert command in readme and "neo4j-admin database import full neo4j" in command
    for f in summary.files:
        if f.endswith(".csv"):
            assert readme.count(f"import/{f} ") + readme.count(f"import/{f}\n") == 1, f
    if summary.array_delimiter == "\x1f":
        assert "--array-delimiter=U+001F" in command


def test_csv_checker_finds_broken_files(tmp_path):
    def problems(files: dict[str, str]) -> list[str]:
        d = tmp_path / uuid.uuid4().hex
        d.mkdir()
        for name, text in files.items():
            (d / name).write_text(text, "utf-8")
        return neo4j_csvcheck.check_import_dir(d).problems

    good = {"nodes_A.csv": 'iri:ID,:LABEL,n:int\n"a",A,1\n"b",A,\n',
            "rels_R.csv": ':START_ID,:END_ID,:TYPE\n"a","b",R\n'}
    assert problems(good) == []
    assert any("ID fields" in p for p in problems({**good, "nodes_A.csv": 'iri,:LABEL\n"a",A\n"b",A\n'}))
    assert any("unknown type" in p for p in problems({**good, "nodes_A.csv": 'iri:ID,n:integer\n"a",1\n"b",2\n'}))
    assert any("missing node" in p for p in problems({**good, "rels_R.csv": ':START_ID,:END_ID,:TYPE\n"a","zz",R\n'}))
    assert any(":TYPE" in p for p in problems({**good, "rels_R.csv": ':START_ID,:END_ID\n"a","b"\n'}))
    assert any("fields, header has" in p for p in problems({**good, "nodes_A.csv": 'iri:ID,:LABEL\n"a",A,x\n"b",A\n'}))
    assert any("not a int" in p for p in problems({**good, "nodes_A.csv": 'iri:ID,n:int\n"a",1.5\n"b",99999999999\n'}))
    assert any("quote" in p for p in problems({**good, "nodes_A.csv": 'iri:ID,x\n"a",b"c\n"b",d\n'}))
    assert any("duplicate node" in p for p in problems({**good, "nodes_B.csv": 'iri:ID\n"a"\n'}))


# ---------------------------------------------------------------- on the engine

@pytest.mark.parametrize("name", GRAPHS)
def test_import_script_runs_on_engine_and_is_idempotent(name, request, engine, tmp_path):
    path = _graph_file(name, request)
    ds = load_graph(path)
    pg = ne.project(ds)
    ne.export_neo4j(path, tmp_path, graph=pg)
    schema, data = ne.split_script((tmp_path / "import.cypher").read_text("utf-8"))
    assert schema  # Neo4j 5 syntax that FalkorDB rejects: skipped via the marker
    g = _new_graph_name()
    try:
        first = engine.run_all(g, data)
        assert first["nodes_created"] == len(pg.nodes)
        assert first["relationships_created"] == len(pg.rels)
        assert engine.counts(g) == expected_counts(ds)
        dump = engine.dump(g)
        assert_same_dump(dump, expected_dump(pg))
        second = engine.run_all(g, data)
        assert second["nodes_created"] == second["relationships_created"] == 0
        assert second["properties_set"] == second["labels_added"] == 0
        assert engine.dump(g) == dump
    finally:
        engine.delete(g)


@pytest.mark.parametrize("name", GRAPHS)
def test_loader_batches_run_on_engine_with_parameters(name, request, engine):
    path = _graph_file(name, request)
    ds = load_graph(path)
    pg = ne.project(ds)
    batches = ne.cypher_batches(ds, batch_size=7)
    g = _new_graph_name()
    try:
        for stmt, params in batches:  # the statement text as the loader sends it, $rows a parameter
            engine.query(g, params_prefix(params) + " " + stmt)
        assert engine.counts(g) == expected_counts(ds)
        dump = engine.dump(g)
        assert_same_dump(dump, expected_dump(pg, dates_as_text=True))
        for stmt, params in batches:
            stats = engine.query(g, params_prefix(params) + " " + stmt)["stats"]
            assert stats["nodes_created"] == stats["relationships_created"] == stats["properties_set"] == 0
        assert engine.dump(g) == dump
    finally:
        engine.delete(g)


@pytest.mark.parametrize("name", GRAPHS)
def test_csv_files_load_on_engine_like_the_script(name, request, engine, tmp_path):
    """LOAD CSV the import files with the import tool's rules (typed columns, ':LABEL' and list
    splitting on the array delimiter): the engine then holds what import.cypher gives."""
    path = _graph_file(name, request)
    pg = ne.project(load_graph(path))
    summary = ne.export_neo4j(path, tmp_path / "export", graph=pg)
    sub = uuid.uuid4().hex
    folder = engine.import_folder / sub
    folder.mkdir()
    g = _new_graph_name()
    try:
        for f in summary.files:
            if f.endswith(".csv"):
                (folder / f).write_bytes((tmp_path / "export" / f).read_bytes())
        for stmt in load_csv_statements(folder, sub, summary.array_delimiter):
            engine.query(g, stmt)
        # FalkorDB's toFloat() parses through 32-bit floats: compare doubles to 1e-6
        assert_same_dump(engine.dump(g), expected_dump(pg), float_tol=1e-6)
    finally:
        engine.delete(g)
        for f in folder.iterdir():
            f.unlink()
        folder.rmdir()


def load_csv_statements(folder: Path, sub: str, delim: str) -> list[str]:
    """Cypher that imports the files as neo4j-admin would, written from the CSV headers."""
    import csv

    out = []
    lit = ne.cypher_string
    files = sorted(folder.glob("nodes_*.csv")) + sorted(folder.glob("rels_*.csv"))
    for path in files:
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        header, fields = rows[0], neo4j_csvcheck.parse_header(rows[0])[0]
        sets = []
        for cell, (name, kind, is_array) in zip(header, fields):
            if kind in ("LABEL", "START_ID", "END_ID", "TYPE"):
                continue
            col = f"row[{lit(cell)}]"
            if kind == "ID":
                sets.append(f"n.{name} = {col}")
                continue
            conv = {"int": "toInteger({})", "long": "toInteger({})", "double": "toFloat({})",
                    "boolean": "({} = 'true')", "date": "date({})"}.get(kind, "{}")
            target = "n" if path.name.startswith("nodes_") else "r"
            if is_array:
                sets.append(f"{target}.{name} = [x IN split({col}, {lit(delim)}) | {conv.format('x')}]")
            else:
                sets.append(f"{target}.{name} = {conv.format(col)}")
        src = f"LOAD CSV WITH HEADERS FROM 'file://{sub}/{path.name}' AS row"
        if path.name.startswith("nodes_"):
            label_col = header[[k for _, k, _ in fields].index("LABEL")]
            for labels in sorted({r[header.index(label_col)] for r in rows[1:]}):
                out.append(f"{src} WITH row WHERE row[{lit(label_col)}] = {lit(labels)} "
                           f"CREATE (n:{':'.join(labels.split(delim))}) SET " + ", ".join(sets))
        else:
            for rtype in sorted({r[header.index(':TYPE')] for r in rows[1:]}):
                set_clause = (" SET " + ", ".join(sets)) if sets else ""
                out.append(f"{src} WITH row WHERE row[':TYPE'] = {lit(rtype)} "
                           f"MATCH (a {{iri: row[':START_ID']}}) MATCH (b {{iri: row[':END_ID']}}) "
                           f"CREATE (a)-[r:{rtype}]->(b)" + set_clause)
    return out


TEXT = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=60)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT)
@example(text="'")
@example(text="\\")
@example(text="\\'")
@example(text="'; MATCH (n) DETACH DELETE n; //")
@example(text="\r\n\t\b\f\x0b\x1f\x7f\u0085\u2028\u2029\ufeff\u202e")
@example(text="😀👨‍👩‍👧🇬🇧")
@example(text="مرحبا שלום")
def test_cypher_string_round_trips_through_engine(engine, text):
    got = engine.query("roundtrip", f"RETURN {ne.cypher_string(text)}")["rows"]
    assert got == [[text]]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(iri=TEXT, label=TEXT, alts=st.lists(TEXT, max_size=3))
@example(iri="x'}) DETACH DELETE n //", label="\\'", alts=["; |", "\n"])
def test_hostile_names_survive_merge_on_engine(engine, iri, label, alts):
    """A node row as the exporter writes it, inlined (import.cypher) and as a parameter (loader)."""
    props = {"label": label, "altLabels": alts} if alts else {"label": label}
    stmt = ne.node_statement("Person", ("Player", "Person"))
    params = {"rows": [{"iri": iri, "props": props}]}
    read = f"MATCH (n:Person {{iri: {ne.cypher_string(iri)}}}) RETURN n.iri, n.label, n.altLabels, labels(n)"
    for g, text in (("hostile_inline", ne.inline(stmt, params)),
                    ("hostile_param", params_prefix(params) + " " + stmt)):
        engine.delete(g)
        engine.query(g, text)
        engine.query(g, text)  # idempotent: still one node
        rows = engine.query(g, read)["rows"]
        assert len(rows) == 1
        assert rows[0][:3] == [iri, label, alts or None] or rows[0][:3] == [iri, label, alts]
        assert sorted(rows[0][3]) == ["Person", "Player"]


# ---------------------------------------------------------------- the driver

def test_load_reports_an_unreachable_server():
    neo4j = pytest.importorskip("neo4j") if not IN_CI else __import__("neo4j")
    assert neo4j
    from kg.neo4j_load import Neo4jLoadError, load_neo4j

    with socket.socket() as s:  # a loopback port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(Neo4jLoadError, match="cannot connect"):
        load_neo4j(MINI, f"bolt://127.0.0.1:{port}", "neo4j", "secret")


def test_password_comes_from_env_or_prompt():
    from kg.neo4j_load import Neo4jLoadError, resolve_password

    assert resolve_password({"NEO4J_PASSWORD": "s3cret"}, prompt=False) == "s3cret"
    with pytest.raises(Neo4jLoadError, match="NEO4J_PASSWORD"):
        resolve_password({}, prompt=False)


@pytest.mark.skipif(not os.environ.get("NEO4J_URI"), reason="set NEO4J_URI (and NEO4J_USER, "
                    "NEO4J_PASSWORD, optionally NEO4J_DATABASE) to test against a real Neo4j")
def test_driver_transport_against_real_neo4j():
    """Load the hostile graph into a real Neo4j twice, under a unique IRI prefix, then remove it."""
    import neo4j

    from kg.neo4j_load import load_neo4j

    uri, user = os.environ["NEO4J_URI"], os.environ.get("NEO4J_USER", "neo4j")
    password, database = os.environ.get("NEO4J_PASSWORD", ""), os.environ.get("NEO4J_DATABASE")
    prefix = f"urn:fkg-test:{uuid.uuid4().hex}:"
    pg = ne.project(load_graph(HOSTILE))
    pg = ne.PropertyGraph([replace(n, iri=prefix + n.iri) for n in pg.nodes],
                          [replace(r, start=prefix + r.start, end=prefix + r.end) for r in pg.rels],
                          pg.types, pg.skipped)
    try:
        first = load_neo4j(None, uri, user, password, database, batch_size=4, graph=pg)
        assert first.counters["nodes_created"] == len(pg.nodes)
        assert first.counters["relationships_created"] == len(pg.rels)
        second = load_neo4j(None, uri, user, password, database, graph=pg)
        assert second.counters["nodes_created"] == second.counters["relationships_created"] == 0
        with neo4j.GraphDatabase.driver(uri, auth=(user, password)) as driver:
            records, _, _ = driver.execute_query(
                "MATCH (n) WHERE n.iri STARTS WITH $p RETURN n.iri AS iri, n.label AS label, "
                "labels(n) AS labels, n.date AS date", p=prefix, database_=database)
            got = {r["iri"]: (r["label"], sorted(r["labels"]), r["date"]) for r in records}
            for n in pg.nodes:
                date = n.props.get("date")
                assert got[n.iri][:2] == (n.props["label"], sorted(n.labels))
                assert (got[n.iri][2].to_native() if got[n.iri][2] else None) == date
            records, _, _ = driver.execute_query(
                "MATCH (a)-[r]->() WHERE a.iri STARTS WITH $p RETURN type(r) AS t, count(*) AS n",
                p=prefix, database_=database)
            assert {r["t"]: r["n"] for r in records} == pg.type_counts()
    finally:
        with neo4j.GraphDatabase.driver(uri, auth=(user, password)) as driver:
            driver.execute_query("MATCH (n) WHERE n.iri STARTS WITH $p DETACH DELETE n", p=prefix,
                                 database_=database)


# ---------------------------------------------------------------- the command line

def _cli_has(command: str) -> bool:
    import argparse

    from kg.cli import _parser

    for action in _parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            return command in action.choices
    return False


def test_cli_export_and_load(tmp_path, monkeypatch, capsys):
    if not (_cli_has("export") and _cli_has("load")):
        pytest.skip("`kg export neo4j` / `kg load neo4j` are not wired into kg/cli.py yet")
    from kg.cli import main

    assert main(["export", "neo4j", str(MINI), "--out", str(tmp_path / "neo")]) == 0
    assert (tmp_path / "neo" / "import.cypher").exists() and (tmp_path / "neo" / "README.md").exists()
    assert neo4j_csvcheck.check_import_dir(tmp_path / "neo").problems == []
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    load = ["load", "neo4j", str(MINI), "--uri", f"bolt://127.0.0.1:{port}", "--user", "neo4j"]
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    monkeypatch.setattr(sys, "stdin", open(os.devnull))  # no terminal to prompt on
    capsys.readouterr()
    assert main(load) == 1
    assert "NEO4J_PASSWORD" in capsys.readouterr().err
    monkeypatch.setenv("NEO4J_PASSWORD", "not-the-password")
    assert main(load) == 1
    assert "cannot connect" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:  # never a password flag
        main(load + ["--password", "x"])
    assert exit_info.value.code == 2
