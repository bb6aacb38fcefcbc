"""Named SPARQL queries (queries/*.rq) and kg.query, on a small hand-written graph.

tests/data/mini.trig: two clubs, three players, two managers, one match, a trophy and eight
evidence nodes in two dated article graphs. Expected rows are in tests/golden/queries/NAME.json; each
query is also run through pyoxigraph to show it runs unchanged in another engine.
"""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Literal, URIRef
from rdflib.plugins.sparql import prepareQuery

import kg.query as query_mod
from kg.errors import DataError, KGError
from kg.graphio import load_graph
from kg.query import QUERY_DIR, format_results, list_queries, load_query, run_query, to_term

HERE = Path(__file__).resolve().parent
MINI = HERE / "data" / "mini.trig"
GOLDEN = HERE / "golden" / "queries"
QUERY_FILES = sorted(QUERY_DIR.glob("*.rq"))
NAMES = [p.stem for p in QUERY_FILES]
EXPECTED_NAMES = {"squad", "managers", "trophies", "results", "evidence", "most_connected",
                  "entities", "rumours", "timeline", "transfers", "career"}
ID = "https://w3id.org/football-kg/id/"
FKG = "https://w3id.org/football-kg/ontology#"


@pytest.fixture(scope="module")
def graph():
    return load_graph(MINI)


@pytest.fixture(scope="module")
def store() -> pyoxigraph.Store:
    s = pyoxigraph.Store()
    s.load(path=str(MINI), format=pyoxigraph.RdfFormat.TRIG)
    return s


def as_plain(columns: list[str], rows: list[tuple]) -> dict:
    """Results as JSON-able strings (None for unbound): the shape of the golden files."""
    return {"columns": columns,
            "rows": [[None if cell is None else str(cell) for cell in row] for row in rows]}


def same_rows(rows: list[list], ordered: bool = False) -> list[str]:
    """Rows as strings, decimals normalised (Oxigraph writes "0.70" as "0.7"); sorted unless
    `ordered`."""
    def norm(cell):
        if isinstance(cell, str) and re.fullmatch(r"-?\d+\.\d+", cell):
            return str(Decimal(cell).normalize())
        return cell
    out = [repr([norm(c) for c in row]) for row in rows]
    return out if ordered else sorted(out)


def oxigraph_rows(store: pyoxigraph.Store, text: str, params: dict[str, str] | None = None) -> list[list]:
    """Run a query in Oxigraph, binding params through its own substitution mechanism."""
    subs = {}
    for name, value in (params or {}).items():
        term = to_term(value)
        subs[pyoxigraph.Variable(name)] = (pyoxigraph.NamedNode(str(term)) if isinstance(term, URIRef)
                                           else pyoxigraph.Literal(str(term)))
    solutions = store.query(text, substitutions=subs)
    variables = [v.value for v in solutions.variables]
    return [[None if sol[v] is None else sol[v].value for v in variables] for sol in solutions]


# ---------------------------------------------------------------- the .rq files

def test_all_named_queries_present():
    assert EXPECTED_NAMES <= set(NAMES)
    listed = dict(list_queries())
    assert set(listed) == set(NAMES)
    assert all(desc and not desc.startswith("#") for desc in listed.values())


@pytest.mark.parametrize("path", QUERY_FILES, ids=NAMES)
def test_query_file_is_well_formed(path: Path):
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert re.match(r"^# \S", lines[0]), "first line must be '# <description>'"
    prepareQuery(text)  # parses with its own PREFIX lines, no initNs
    assert re.search(r"\bORDER\s+BY\b", text, re.IGNORECASE)
    # header: description, then param lines, then PREFIX lines
    header = [ln for ln in lines[1:] if ln.startswith("#")]
    assert all(re.match(r"^# param: \?[A-Za-z_]\w* - \S", ln) for ln in header), header
    for ln in header:
        name = ln.split()[2]
        assert re.search(re.escape(name) + r"\b", "\n".join(l for l in lines if not l.startswith("#")))
    assert any(ln.startswith("PREFIX ") for ln in lines)
    # evidence is read only through an explicit GRAPH pattern
    body = "\n".join(l for l in lines if not l.startswith("#"))
    if re.search(r"\ba fkg:Evidence|rdf:subject|fkg:sentence", body):
        assert "GRAPH ?g" in body


# ---------------------------------------------------------------- expected rows

@pytest.mark.parametrize("name", NAMES)
def test_named_query_matches_golden(graph, name: str):
    columns, rows = run_query(graph, load_query(name))
    golden = json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))
    assert as_plain(columns, rows) == golden


@pytest.mark.parametrize("name", NAMES)
def test_named_query_runs_unchanged_in_oxigraph(graph, store, name: str):
    text = load_query(name)
    _, rows = run_query(graph, text)
    ox = oxigraph_rows(store, text)
    assert len(ox) == len(rows)
    # same rows in the same order: ORDER BY makes the order engine-independent
    assert same_rows(ox, ordered=True) == same_rows(as_plain([], rows)["rows"], ordered=True)


PARAM_CASES = [
    ("squad", {"club": "club:liverpool"}, 2),
    ("squad", {"club": f"<{ID}club/chelsea>"}, 1),
    ("squad", {"club": f"{ID}club/liverpool"}, 2),
    ("squad", {"player": "player:mohamed-salah"}, 1),
    ("managers", {"team": "club:chelsea"}, 1),
    ("managers", {"manager": "manager:jurgen-klopp"}, 1),
    ("trophies", {"winner": "player:virgil-van-dijk"}, 1),
    ("trophies", {"trophy": "trophy:league-cup"}, 2),
    ("results", {"winner": "club:chelsea"}, 1),
    ("results", {"winner": "club:liverpool", "loser": "club:chelsea"}, 1),
    ("evidence", {"s": "club:liverpool", "p": "fkg:defeated", "o": "club:chelsea"}, 2),
    ("evidence", {"p": "fkg:linkedWith"}, 1),
    ("evidence", {"o": "fkg:Player"}, 1),
    ("entities", {"class": "fkg:Player"}, 3),
    ("entities", {"class": "fkg:Person"}, 2),
    ("rumours", {"club": "club:liverpool"}, 1),
    ("rumours", {"player": "player:virgil-van-dijk"}, 0),
    ("timeline", {"subject": "club:liverpool"}, 2),
    ("timeline", {"predicate": "fkg:defeated"}, 2),
    ("squad", {"club": "club:chelsea", "at": "2024-02-28"}, 1),  # Salah, before his move
    ("squad", {"club": "club:chelsea", "at": "2024-03-05"}, 1),  # Palmer; Salah has gone
    ("squad", {"club": "club:liverpool", "at": "2024-03-05"}, 2),  # Salah and Van Dijk, not the rumour
    ("squad", {"club": "club:liverpool", "at": "2024-01-01"}, 0),
    ("transfers", {"player": "player:cole-palmer"}, 1),
    ("career", {"person": "player:mohamed-salah"}, 2),
]


@pytest.mark.parametrize("name,params,count", PARAM_CASES,
                         ids=[f"{n}-{'-'.join(p)}" for n, p, _ in PARAM_CASES])
def test_params_bind_in_both_engines(graph, store, name, params, count):
    text = load_query(name)
    _, rows = run_query(graph, text, params)
    assert len(rows) == count
    ox = oxigraph_rows(store, text, params)
    assert same_rows(ox) == same_rows(as_plain([], rows)["rows"])


def test_param_rows_are_the_right_ones(graph):
    cols, rows = run_query(graph, load_query("squad"), {"club": "club:liverpool"})
    got = [dict(zip(cols, r)) for r in rows]
    assert [str(r["playerLabel"]) for r in got] == ["Mohamed Salah", "Virgil van Dijk"]
    assert [r["captain"].toPython() for r in got] == [False, True]
    cols, rows = run_query(graph, load_query("evidence"),
                           {"s": "club:liverpool", "p": "fkg:defeated", "o": "club:chelsea"})
    got = [dict(zip(cols, r)) for r in rows]
    assert [(str(r["source"]), int(r["start"]), int(r["end"])) for r in got] == [
        ("news/a1.txt", 0, 84), ("news/a2.txt", 62, 120)]
    assert {str(r["rule"]) for r in got} == {"victory-noun", "defeat-verb"}
    assert all(str(r["pLabel"]) == "defeated" for r in got)


def test_squad_at_a_date_follows_the_spells(graph):
    def squad(club: str, at: str) -> list[str]:
        cols, rows = run_query(graph, load_query("squad"), {"club": club, "at": at})
        return [str(dict(zip(cols, r))["playerLabel"]) for r in rows]
    assert squad("club:chelsea", "2024-02-28") == ["Mohamed Salah"]
    assert squad("club:chelsea", "2024-03-02") == ["Cole Palmer"]  # the move's day: he has left
    assert squad("club:liverpool", "2024-03-02") == ["Mohamed Salah", "Virgil van Dijk"]


def test_transfers_rows(graph):
    cols, rows = run_query(graph, load_query("transfers"))
    got = [{k: (None if v is None else str(v)) for k, v in zip(cols, r)} for r in rows]
    assert [(r["playerLabel"], r["fromLabel"], r["toLabel"], r["fee"], r["currency"], r["date"], r["kind"],
             r["status"]) for r in got] == [
        ("Cole Palmer", "Chelsea", "Liverpool", None, None, "2024-03-02", "permanent", "rumour"),
        ("Mohamed Salah", "Chelsea", "Liverpool", "34000000", "GBP", "2024-03-02", "permanent", "completed")]


def test_param_names_may_carry_a_question_mark(graph):
    _, rows = run_query(graph, load_query("squad"), {"?club": "club:chelsea"})
    assert [str(r[3]) for r in rows] == ["Cole Palmer"]


# ---------------------------------------------------------------- parameters are terms

@pytest.mark.parametrize("value,expected", [
    ("club:liverpool", URIRef(ID + "club/liverpool")),
    ("fkg:Player", URIRef(FKG + "Player")),
    ("nationalteam:england", URIRef(ID + "national-team/england")),
    (f"<{ID}club/liverpool>", URIRef(ID + "club/liverpool")),
    (f"{ID}club/liverpool", URIRef(ID + "club/liverpool")),
    ("http://www.wikidata.org/entity/Q1130849", URIRef("http://www.wikidata.org/entity/Q1130849")),
    ("Liverpool", Literal("Liverpool")),
    ("2024", Literal("2024")),
    ("unknown:thing", Literal("unknown:thing")),
    ("Liverpool: the story", Literal("Liverpool: the story")),
    ('club:liverpool" } ; DROP ALL', Literal('club:liverpool" } ; DROP ALL')),
    (f"<{ID}club/x> }} ; DROP ALL ; <a>", Literal(f"<{ID}club/x> }} ; DROP ALL ; <a>")),
    ("https://example.org/a b", Literal("https://example.org/a b")),
])
def test_to_term(value, expected):
    term = to_term(value)
    assert type(term) is type(expected) and term == expected
    if isinstance(term, Literal):
        assert term.datatype is None and term.language is None


@pytest.mark.parametrize("value", [
    'club:liverpool" } ; DROP ALL',
    "} ; DROP ALL",
    "club:liverpool> } UNION { ?player ?x ?club",
    "Liverpool",
    "'",
    '"',
])
def test_hostile_param_is_a_literal_that_matches_nothing(graph, monkeypatch, value):
    seen: list[str] = []
    real = query_mod.prepareQuery

    def spy(text, *args, **kwargs):
        seen.append(text)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(query_mod, "prepareQuery", spy)
    text = load_query("squad")
    before = len(graph)
    _, rows = run_query(graph, text, {"club": value})
    assert rows == []
    assert seen == [text]  # the query text was never changed
    assert len(graph) == before


def test_unknown_param_name_is_an_error(graph):
    with pytest.raises(DataError, match=r"no variable \?clubb"):
        run_query(graph, load_query("squad"), {"clubb": "club:liverpool"})
    with pytest.raises(DataError, match="bad parameter name"):
        run_query(graph, load_query("squad"), {"club }": "x"})


# ---------------------------------------------------------------- loading and errors

def test_load_query_by_name_and_path(tmp_path):
    assert load_query("squad") == (QUERY_DIR / "squad.rq").read_text(encoding="utf-8")
    assert load_query(QUERY_DIR / "squad.rq") == load_query("squad")
    assert load_query(str(QUERY_DIR / "squad.rq")) == load_query("squad")
    own = tmp_path / "mine.rq"
    own.write_text("# mine\nSELECT ?s WHERE { ?s a fkg:Club } ORDER BY ?s\n", encoding="utf-8")
    assert load_query(own).startswith("# mine")


def test_unknown_query_name_is_a_data_error():
    with pytest.raises(DataError) as err:
        load_query("no_such_query")
    message = str(err.value)
    assert message.startswith("[E051]") and "\n" not in message and "squad" in message
    with pytest.raises(KGError):
        load_query("missing/file.rq")


def test_bad_sparql_is_a_one_line_data_error(graph):
    with pytest.raises(DataError) as err:
        run_query(graph, "SELECT ?s WHERE { ?s ?p ")
    assert str(err.value).startswith("[E004] bad SPARQL") and "\n" not in str(err.value)


def test_ad_hoc_queries_may_use_our_prefixes_and_other_forms(graph):
    cols, rows = run_query(graph, "SELECT ?c WHERE { ?c a fkg:Club } ORDER BY ?c")
    assert cols == ["c"] and [r[0] for r in rows] == [URIRef(ID + "club/chelsea"),
                                                       URIRef(ID + "club/liverpool")]
    cols, rows = run_query(graph, "ASK { club:liverpool fkg:defeated ?x }")
    assert cols == ["ask"] and rows[0][0].toPython() is True
    cols, rows = run_query(graph, "CONSTRUCT { ?p fkg:playsFor club:chelsea } "
                                  "WHERE { ?p fkg:playsFor club:chelsea }")
    assert cols == ["subject", "predicate", "object"] and len(rows) == 1


# ---------------------------------------------------------------- formatting

@pytest.fixture(scope="module")
def evidence_result(graph):
    return run_query(graph, load_query("evidence"))


def test_csv_round_trips(evidence_result):
    cols, rows = evidence_result
    text = format_results(cols, rows, "csv")
    parsed = list(csv.reader(io.StringIO(text)))
    assert parsed[0] == cols
    assert parsed[1:] == [["" if c is None else str(c) for c in row] for row in rows]
    assert any('"' in cell and "," in cell for row in parsed for cell in row)  # quoting exercised
    assert parsed[1][0] == ID + "club/chelsea"  # full IRIs in csv


def test_json_is_a_list_of_objects(graph, evidence_result):
    cols, rows = evidence_result
    data = json.loads(format_results(cols, rows, "json"))
    assert isinstance(data, list) and len(data) == len(rows)
    assert all(list(obj) == cols for obj in data)
    first = data[0]
    assert first["s"] == ID + "club/chelsea" and first["sLabel"] == "Chelsea"
    assert first["start"] == 121 and first["confidence"] == 0.85
    squad = json.loads(format_results(*run_query(graph, load_query("squad")), "json"))
    assert [o["captain"] for o in squad] == [False, False, True]
    results = json.loads(format_results(*run_query(graph, load_query("results")), "json"))
    assert results[0]["match"] is None and results[1]["score"] == "1-0"


def test_table_is_aligned(graph):
    cols, rows = run_query(graph, load_query("squad"))
    text = format_results(cols, rows, "table")
    lines = text.rstrip("\n").split("\n")
    assert lines[0].split() == cols
    assert set(lines[1].replace(" ", "")) == {"-"}
    assert lines[-1] == "(3 rows)"
    starts = [m.start() for m in re.finditer(r"\S+", lines[0])] + [None]
    cells = [[line[starts[i]:starts[i + 1]].strip() for i in range(len(cols))] for line in lines[2:-1]]
    assert cells[2] == ["club:liverpool", "Liverpool", "player:virgil-van-dijk", "Virgil van Dijk",
                        "true", ""]
    assert [c[3] for c in cells] == ["Cole Palmer", "Mohamed Salah", "Virgil van Dijk"]
    assert "club:liverpool" in text and "player:virgil-van-dijk" in text  # compact IRIs
    assert all(line == line.rstrip() for line in lines)


def test_table_of_nothing_and_unknown_format():
    assert format_results(["a", "b"], [], "table") == "a  b\n-  -\n(0 rows)\n"
    assert format_results(["a"], [], "csv") == "a\n"
    assert format_results(["a"], [], "json") == "[]\n"
    with pytest.raises(DataError):
        format_results(["a"], [], "xml")
