"""Consistency checks for the hand-written gazetteer data file."""

import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest

GAZETTEER_PATH = Path(__file__).resolve().parents[1] / "kg" / "data" / "gazetteer.json"

ALLOWED_TYPES = {"Club", "NationalTeam", "Trophy", "Stadium"}
REQUIRED_KEYS = {"id", "type", "label", "aliases", "nicknames"}
OPTIONAL_KEYS = {"wikidata", "country", "stadium", "women", "women_counterpart"}
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
QID_RE = re.compile(r"^Q[1-9][0-9]*$")
COUNTRY_RE = re.compile(r"^[A-Z]{3}$")


def _norm(text):
    """Casefold and strip accents so that 'Atlético' and 'atletico' compare equal."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


@pytest.fixture(scope="module")
def data():
    with GAZETTEER_PATH.open(encoding="utf-8") as fh:
        return json.load(fh)


@pytest.fixture(scope="module")
def entries(data):
    return data["entries"]


def test_gazetteer_top_level_shape(data):
    assert isinstance(data, dict)
    assert data.get("version") == 1
    assert isinstance(data.get("entries"), list)
    assert data["entries"], "gazetteer has no entries"


def test_gazetteer_entries_have_required_keys_only(entries):
    for entry in entries:
        assert isinstance(entry, dict), entry
        keys = set(entry)
        missing = REQUIRED_KEYS - keys
        unknown = keys - REQUIRED_KEYS - OPTIONAL_KEYS
        assert not missing, f"{entry.get('id')}: missing keys {sorted(missing)}"
        assert not unknown, f"{entry.get('id')}: unknown keys {sorted(unknown)}"


def test_gazetteer_field_types(entries):
    for entry in entries:
        eid = entry["id"]
        assert isinstance(entry["label"], str) and entry["label"].strip() == entry["label"] != "", eid
        for field in ("aliases", "nicknames"):
            values = entry[field]
            assert isinstance(values, list), f"{eid}: {field} is not a list"
            for value in values:
                assert isinstance(value, str) and value.strip() == value != "", f"{eid}: bad {field} {value!r}"
            assert len(values) == len(set(values)), f"{eid}: duplicate {field}"
        if "country" in entry:
            assert COUNTRY_RE.match(entry["country"]), f"{eid}: bad country {entry['country']!r}"
        if "stadium" in entry:
            assert isinstance(entry["stadium"], str), eid


def test_gazetteer_types_are_allowed(entries):
    for entry in entries:
        assert entry["type"] in ALLOWED_TYPES, f"{entry['id']}: bad type {entry['type']!r}"


def test_gazetteer_every_type_present(entries):
    assert {entry["type"] for entry in entries} == ALLOWED_TYPES


def test_gazetteer_ids_are_unique_slugs(entries):
    seen = set()
    for entry in entries:
        eid = entry["id"]
        assert isinstance(eid, str) and SLUG_RE.match(eid), f"bad id {eid!r}"
        assert eid not in seen, f"duplicate id {eid!r}"
        seen.add(eid)


def test_gazetteer_aliases_and_labels_not_shared(entries):
    owners = defaultdict(set)
    for entry in entries:
        for name in [entry["label"], *entry["aliases"]]:
            owners[_norm(name)].add(entry["id"])
    shared = {name: sorted(ids) for name, ids in owners.items() if len(ids) > 1}
    assert not shared, f"names used by more than one entry: {shared}"


def test_gazetteer_alias_differs_from_own_label(entries):
    for entry in entries:
        assert entry["label"] not in entry["aliases"], entry["id"]


def test_gazetteer_stadium_references_resolve(entries):
    by_id = {entry["id"]: entry for entry in entries}
    for entry in entries:
        if "stadium" not in entry:
            continue
        target = by_id.get(entry["stadium"])
        assert target is not None, f"{entry['id']}: unknown stadium {entry['stadium']!r}"
        assert target["type"] == "Stadium", f"{entry['id']}: {entry['stadium']!r} is not a Stadium"
        assert entry["type"] != "Stadium", f"{entry['id']}: a stadium cannot have a stadium"


def test_gazetteer_wikidata_ids_valid_and_unique(entries):
    seen = {}
    for entry in entries:
        if "wikidata" not in entry:
            continue
        qid = entry["wikidata"]
        assert isinstance(qid, str) and QID_RE.match(qid), f"{entry['id']}: bad wikidata id {qid!r}"
        assert qid not in seen, f"wikidata id {qid} used by {seen[qid]} and {entry['id']}"
        seen[qid] = entry["id"]


def test_gazetteer_names_not_shared_under_name_key(entries):
    """The gazetteer indexes names by kg.slugs.name_key (folds ø/ł/ß, hyphens and apostrophes too):
    two entries must not share a label or alias under that key either, or one silently wins."""
    from kg.slugs import name_key

    owners = defaultdict(set)
    for entry in entries:
        for name in [entry["label"], *entry["aliases"]]:
            owners[name_key(name)].add(entry["id"])
    shared = {name: sorted(ids) for name, ids in owners.items() if len(ids) > 1}
    assert not shared, f"names used by more than one entry: {shared}"


def test_gazetteer_women_flags_and_counterparts(entries):
    """`women: true` marks a women's club or competition; `women_counterpart` names the women's
    competition a men's one stands for in an article about women's football ("the Champions
    League" in a WSL report)."""
    by_id = {e["id"]: e for e in entries}
    for e in entries:
        assert e.get("women", True) is True, e["id"]
        if "women_counterpart" in e:
            other = by_id.get(e["women_counterpart"])
            assert other is not None and other.get("women") and other["type"] == e["type"] == "Trophy", e["id"]
            assert not e.get("women"), e["id"]


def test_ruler_patterns_give_competitions_the_house_style_of_acronyms_as_words():
    """BBC and Guardian copy writes "Uefa Cup", "Fifa Club World Cup", "Caf Champions League"."""
    from kg.gazetteer import Gazetteer
    from kg.nlp import ruler_patterns

    forms = {p["pattern"]: p["id"] for p in ruler_patterns(Gazetteer.load())}
    assert forms["Uefa Cup"] == forms["UEFA Cup"]
    assert forms["Caf Champions League"] == forms["CAF Champions League"]
    assert "Fc Barcelona" not in forms  # clubs keep their own spelling


def test_gazetteer_short_forms_are_nicknames_of_the_clubs_whose_name_ends_with_them(data):
    """"City" is Melbourne City's nickname as it is Manchester City's: shared, so an article
    must name the club for the word alone to stand for it."""
    from kg.gazetteer import Gazetteer

    assert all(isinstance(w, str) and w[:1].isupper() for w in data.get("short_forms", ()))
    gaz = Gazetteer.load()
    assert "melbourne-city" in gaz.by_nickname["city"] and "manchester-city" in gaz.by_nickname["city"]
    assert "shamrock-rovers" in gaz.by_nickname["rovers"]
    assert "rangers" not in gaz.by_nickname.get("rovers", ())


@pytest.mark.parametrize("nickname, bare", [
    ("the Reds", "Reds"), ("Los Millonarios", "Millonarios"), ("As Águias", "Águias"), ("Il Diavolo", "Diavolo"),
    ("Les Corbeaux", "Corbeaux"), ("La Albirroja", "Albirroja"), ("Masandawana", "Masandawana"),
    ("Lazio", "Lazio"), ("The", "The"),
])
def test_strip_article_takes_an_english_or_romance_article_off_a_nickname(nickname, bare):
    from kg.gazetteer import strip_article
    assert strip_article(nickname) == bare
