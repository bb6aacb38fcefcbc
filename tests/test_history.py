"""News over time (`kg.history`): dated spells, transfers as events, squads at a date, and a
reviewer's corrections, on five short dated articles (tests/data/stream, our own words): a
Brentford striker scores; Fulham sign him for £20m; a Fulham midfielder joins Ipswich on loan;
Everton are in talks for the striker; he equalises for Fulham as "Tom Hartwell"."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import kg
from kg.history import parse_fee
from kg.curation import append, reject_statement, statement

STREAM = Path(__file__).resolve().parent / "data" / "stream"


@pytest.mark.parametrize("text, amount, currency, written", [
    ("Fulham have signed him for £20m.", 20_000_000, "GBP", "£20m"),
    ("a fee of €7.5 million plus add-ons", 7_500_000, "EUR", "€7.5 million"),
    ("for £750,000 from Rochdale", 750_000, "GBP", "£750,000"),
    ("a deal worth 20 million euros", 20_000_000, "EUR", "20 million euros"),
    ("a $3.5m transfer fee", 3_500_000, "USD", "$3.5m"),
    ("for an undisclosed fee", None, None, "undisclosed"),
    ("on wages of £80,000-a-week, for £12m", 12_000_000, "GBP", "£12m"),
])
def test_fees_are_read_as_amounts(text, amount, currency, written):
    fee = parse_fee(text)
    assert fee is not None and (fee.amount, fee.currency, fee.text) == (amount, currency, written)


@pytest.mark.parametrize("text", ["He signed a new contract.", "on £80,000 a week", "scored 20 goals"])
def test_no_fee(text):
    assert parse_fee(text) is None


def _build(paths, out=None, **kw):
    return kg.build([str(p) for p in paths], out=out, **kw)


def _rows(graph, name, **params):
    return [{k: (None if v is None else str(v)) for k, v in row.items()} for row in graph.query(name, **params)]


def _players(graph, club: str, at: str) -> set[str]:
    return {r["playerLabel"] for r in _rows(graph, "squad", club=club, at=at)}


@pytest.fixture(scope="module")
def stream():
    return _build([STREAM])


@pytest.mark.model
def test_squad_at_a_date(stream):
    assert _players(stream, "club:brentford", "2026-01-15") == {"Tomas Hartwell"}
    assert _players(stream, "club:fulham", "2026-01-15") == set()
    assert "Tomas Hartwell" in _players(stream, "club:fulham", "2026-02-10")
    assert "Joe Carrow" not in _players(stream, "club:fulham", "2026-02-10")  # out on loan at Ipswich
    assert "Joe Carrow" in _players(stream, "club:ipswich-town", "2026-02-10")
    assert _players(stream, "club:brentford", "2026-02-10") == set()
    for day in ("2026-01-15", "2026-02-02", "2026-02-10"):
        assert _players(stream, "club:everton", day) == set()  # a rumour is no membership


@pytest.mark.model
def test_transfers_are_events(stream):
    rows = {(r["playerLabel"], r["toLabel"]): r for r in _rows(stream, "transfers")}
    move = rows[("Tomas Hartwell", "Fulham")]
    assert (move["fromLabel"], move["fee"], move["currency"], move["feeText"], move["date"], move["kind"],
            move["status"]) == ("Brentford", "20000000", "GBP", "£20m", "2026-01-20", "permanent", "completed")
    loan = rows[("Joe Carrow", "Ipswich Town")]
    assert (loan["fromLabel"], loan["kind"], loan["status"], loan["date"]) == ("Fulham", "loan", "completed",
                                                                               "2026-01-25")
    rumour = rows[("Tomas Hartwell", "Everton")]
    assert (rumour["status"], rumour["date"]) == ("rumour", "2026-02-01")
    assert len(_rows(stream, "transfers", player="player:tomas-hartwell")) == 2


@pytest.mark.model
def test_career_in_order(stream):
    rows = _rows(stream, "career", person="player:tomas-hartwell")
    assert [(r["teamLabel"], r["status"], r["start"], r["end"]) for r in rows] == [
        ("Brentford", "ended", None, "2026-01-20"),
        ("Fulham", "completed", "2026-01-20", None),
        ("Everton", "rumour", None, None)]
    managers = _rows(stream, "managers", team="club:everton")
    assert [r["managerLabel"] for r in managers] == ["Sean Dyche"]


@pytest.mark.model
def test_a_curation_merges_and_rejects_for_good(tmp_path, stream):
    assert {r["label"] for r in _rows(stream, "entities", **{"class": "fkg:Player"})} >= {
        "Tom Hartwell", "Tomas Hartwell"}  # two nodes until a reviewer says they are one
    cur = tmp_path / "curation.ttl"
    append(cur, statement("merge", "player:tomas-hartwell", "player:tom-hartwell"))
    append(cur, reject_statement("player:joe-carrow", "fkg:playsFor", "club:fulham"))
    curated = _build([STREAM], curation=cur)
    players = {r["label"] for r in _rows(curated, "entities", **{"class": "fkg:Player"})}
    assert "Tomas Hartwell" in players and "Tom Hartwell" not in players
    squad = _rows(curated, "squad", club="club:fulham")
    assert {r["playerLabel"] for r in squad} == {"Tomas Hartwell"}  # Carrow's rejected membership is gone
    goals = [r for r in _rows(curated, "timeline", subject="player:tomas-hartwell") if r["predicate"].endswith("scoredIn")]
    assert len(goals) == 2  # his goals for Brentford and, as "Tom", for Fulham


@pytest.mark.model
def test_replaying_the_stream_in_any_order_gives_the_same_graph(tmp_path):
    """Articles added a day at a time, in date order and in reverse (each step a rebuild with the
    cache), and with file names that sort against the dates, end in the same graph."""
    files = sorted(STREAM.glob("*.txt"))
    finals = []
    for order, name in ((files, "forward"), (files[::-1], "backward")):
        corpus, out = tmp_path / name / "news", tmp_path / name / "out"
        corpus.mkdir(parents=True)
        for f in order:
            shutil.copy(f, corpus / f.name)
            _build([corpus], out=out, cache_dir=tmp_path / "cache")
        finals.append((out / "graph.trig").read_bytes())
    assert finals[0] == finals[1]
    renamed = tmp_path / "renamed"
    renamed.mkdir()
    for f, new in zip(files, ("e.txt", "d.txt", "c.txt", "b.txt", "a.txt")):  # names against the dates
        shutil.copy(f, renamed / new)
    g = _build([renamed])
    assert _players(g, "club:brentford", "2026-01-15") == {"Tomas Hartwell"}
    assert "Tomas Hartwell" in _players(g, "club:fulham", "2026-02-10")
    assert {(r["playerLabel"], r["toLabel"], r["status"]) for r in _rows(g, "transfers")} == {
        ("Tomas Hartwell", "Fulham", "completed"), ("Joe Carrow", "Ipswich Town", "completed"),
        ("Tomas Hartwell", "Everton", "rumour")}


@pytest.mark.model
def test_a_spell_never_ends_before_it_starts(tmp_path):
    """A player who left a club, came back, and left again: the spell (one per person and team)
    starts with the return and ends with the departure after it, not the one before (found on a
    10,000-article build, whose graph then failed SHACL's "a spell cannot end before it starts")."""
    texts = {
        "1.txt": "date 2019-10-07\n\nFulham beat Reading 2-0. Enzo Faure scored twice for Fulham.\n",
        "2.txt": "date 2021-08-01\n\nBrentford have signed midfielder Enzo Faure from Fulham for £5m.\n",
        "3.txt": "date 2024-06-04\n\nFulham have signed midfielder Enzo Faure from Brentford for £3m.\n",
        "4.txt": "date 2025-03-03\n\nLeeds United have signed midfielder Enzo Faure from Fulham for £4m.\n",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, "utf-8")
    graph = _build([tmp_path])
    rows = {r["teamLabel"]: r for r in _rows(graph, "career", person="player:enzo-faure")}
    fulham = rows["Fulham"]
    assert (fulham["start"], fulham["end"]) == ("2024-06-04", "2025-03-03"), fulham
