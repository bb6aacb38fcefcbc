"""The build cache: payload codecs, checksums, keys, and what a build re-does after a change.

Parses are counted by the build (`BuildResult.parsed`, summed from the workers), never timed.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from kg import cache as kcache
from kg.cache import Cache
from kg.nlp import Ent, Parsed, Token
from kg.records import Document, Evidence, Extraction, Fact, MatchReport, Mention, OffsetMap, RoleCue

ROOT = Path(__file__).resolve().parents[1]
OUTPUTS = ("graph.ttl", "graph.trig", "report.json")


# --------------------------------------------------------------------------- codecs


def _doc(text: str = "Salah scored.\nKlopp smiled.", doc_id: str = "a") -> Document:
    n = len(text)
    return Document(doc_id, f"{doc_id}.txt", "date 2024-01-01\n" + text, text,
                    OffsetMap.from_spans(tuple(range(16, 16 + n)), tuple(range(17, 17 + n))), title=None,
                    date="2024-01-01")


def test_parsed_round_trips_exactly():
    toks = (Token(0, "Salah", 0, "Salah", "PROPN", "NNP", "nsubj", 1, " "),
            Token(1, "scored", 6, "score", "VERB", "VBD", "ROOT", 1, ""),
            Token(2, ".", 12, ".", "PUNCT", ".", "punct", 1, "\n"),
            Token(3, "Ünal", 14, "Ünal", "PROPN", "NNP", "ROOT", 3, ""))
    parsed = Parsed(toks, ((0, 3), (3, 4)), (Ent(0, 1, "PERSON", ""), Ent(3, 4, "CLUB", "club:x")))
    assert kcache.decode_parsed(kcache.encode_parsed(parsed)) == parsed


def test_extraction_round_trips_exactly_without_its_document():
    doc = _doc()
    ev = Evidence("a", "Salah scored.", 16, 29, "goal", 0.95)
    ev1 = Evidence("a", "Klopp smiled \u202e\U0001F600 \"q\" \\", 30, 43, "x", 1)  # an int confidence stays an int
    x = Extraction(
        doc,
        mentions=(Mention("a", 0, 5, "Salah", "person", "P:Salah", 0),),
        roles=(RoleCue("P:Salah", "player", 1.0, ev), RoleCue("P:Klopp", "manager", 0.5, ev1)),
        facts=(Fact("P:Salah", "scoredIn", "M:a:1", ev),),
        matches=(MatchReport("M:a:1", ("G:liverpool", "G:chelsea"), winner="G:liverpool", winner_score=1,
                             loser_score=0, competition=None, extra_time=True, evidence=(ev, ev1)),
                 MatchReport("M:a:2", ("G:a", "G:b"))),
        diagnostics=("W101 something",),
    )
    back = kcache.decode_extraction(kcache.encode_extraction(x), doc)
    assert back == x
    assert type(back.roles[1].evidence.confidence) is int and type(back.roles[0].weight) is float
    assert isinstance(back.matches[0].teams, tuple) and isinstance(back.matches[0].evidence, tuple)


# --------------------------------------------------------------------------- the store


def test_cache_stores_and_returns_a_payload(tmp_path):
    c = Cache(tmp_path)
    assert c.get("parse", "ab" * 32) is None
    c.put("parse", "ab" * 32, b"payload")
    assert c.get("parse", "ab" * 32) == b"payload"
    assert c.stats.hits["parse"] == 1 and c.stats.misses["parse"] == 1
    assert not [p for p in tmp_path.rglob("*") if p.name.startswith(".tmp-")]


@pytest.mark.parametrize("damage", ["truncate", "flip", "empty", "magic"])
def test_a_corrupt_entry_is_detected_deleted_and_never_returned(tmp_path, damage):
    c = Cache(tmp_path)
    key = "cd" * 32
    c.put("extract", key, b"x" * 100)
    path = c.path("extract", key)
    data = path.read_bytes()
    damaged = {"truncate": data[:-7], "flip": data[:-1] + bytes([data[-1] ^ 1]), "empty": b"",
               "magic": b"KGC\x63" + data[4:]}[damage]
    path.write_bytes(damaged)
    assert c.get("extract", key) is None
    assert c.stats.corrupt == 1 and not path.exists()
    c.put("extract", key, b"x" * 100)
    assert c.get("extract", key) == b"x" * 100


def test_an_unwritable_cache_only_disables_itself(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    c = Cache(blocker / "cache")
    c.put("parse", "ef" * 32, b"payload")  # no exception
    assert c.get("parse", "ef" * 32) is None


def test_only_the_latest_builds_are_kept(tmp_path):
    import os

    c = Cache(tmp_path)
    keys = [f"{n:02d}" * 32 for n in range(6)]
    for n, key in enumerate(keys):
        c.put("build", key, b"out")
        os.utime(c.path("build", key), (1000 + n, 1000 + n))
    c.touch("build", keys[0])  # used just now
    c.prune("build", 3)
    assert [c.path("build", k).exists() for k in keys] == [True, False, False, False, True, True]


def test_default_location_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "k"))
    assert kcache.default_dir() == tmp_path / "k"
    monkeypatch.delenv("KG_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "x"))
    assert kcache.default_dir() == tmp_path / "x" / "football-kg" / "cache"


# --------------------------------------------------------------------------- keys


def test_parse_key_depends_on_text_model_and_gazetteer_but_not_rules(gaz, rules):
    from dataclasses import replace

    g1 = kcache.gazetteer_hash(gaz)
    salt = kcache.parse_salt("m==1", g1)
    assert kcache.parse_key(salt, "a") != kcache.parse_key(salt, "b")
    assert kcache.parse_salt("m==2", g1) != salt
    entry = next(iter(gaz.entries.values()))
    changed = type(gaz)(list(gaz.entries.values())[1:] + [replace(entry, aliases=entry.aliases + ("Zzz",))])
    assert kcache.parse_salt("m==1", kcache.gazetteer_hash(changed)) != salt
    # rules are in the extraction key only
    more = replace(rules, player_verbs=rules.player_verbs | {"zzz"})
    assert kcache.extract_salt(g1, kcache.data_hash(rules)) != kcache.extract_salt(g1, kcache.data_hash(more))


def test_extract_key_covers_the_whole_document():
    from dataclasses import replace

    doc = _doc()
    key = kcache.extract_key("salt", "parse", doc)
    shifted = replace(doc, offsets=OffsetMap.from_spans(tuple(x + 1 for x in doc.offsets.starts), doc.offsets.ends))
    for other in (replace(doc, id="b"), replace(doc, source="b.txt"), replace(doc, title="T"),
                  replace(doc, original=doc.original + " "), shifted):
        assert kcache.extract_key("salt", "parse", other) != key


# --------------------------------------------------------------------------- builds (need the model)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The three seeds and three generated articles."""
    from bench.make_corpus import generate, write_corpus

    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(ROOT / "seeds", root / "seeds")
    write_corpus(generate(3, seed=7), root / "gen", "txt", seed=7)
    return root


def _paths(corpus: Path) -> list[str]:
    return [str(corpus / "seeds"), str(corpus / "gen")]


def _files(out: Path) -> list[bytes]:
    return [(out / n).read_bytes() for n in OUTPUTS]


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> list[bytes]:
    """The corpus built without any cache."""
    from kg.pipeline import build

    out = tmp_path_factory.mktemp("ref")
    result = build(_paths(corpus), out)
    assert result.parsed == 6 and result.cache is None
    return _files(out)


@pytest.mark.model
def test_second_build_parses_nothing_and_writes_the_same_bytes(corpus, reference, tmp_path):
    from kg.pipeline import build

    cache = tmp_path / "cache"
    first = build(_paths(corpus), tmp_path / "a", cache_dir=cache)
    assert (first.parsed, first.extracted, first.reused) == (6, 6, False)
    assert _files(tmp_path / "a") == reference
    second = build(_paths(corpus), tmp_path / "b", cache_dir=cache)
    assert (second.parsed, second.extracted, second.reused) == (0, 0, True)
    assert _files(tmp_path / "b") == reference
    # without the whole-build entry, the per-article entries are used: still no parsing
    shutil.rmtree(cache / f"v{kcache.FORMAT}" / "build")
    third = build(_paths(corpus), tmp_path / "c", cache_dir=cache)
    assert (third.parsed, third.extracted, third.reused) == (0, 0, False)
    assert third.cache.hits["extract"] == 6
    assert _files(tmp_path / "c") == reference


@pytest.mark.model
def test_corrupt_entries_are_rebuilt_not_trusted(corpus, reference, tmp_path):
    from kg.pipeline import build

    cache = tmp_path / "cache"
    build(_paths(corpus), tmp_path / "a", cache_dir=cache)
    entries = [p for p in (cache / f"v{kcache.FORMAT}").rglob("*") if p.is_file()]
    kinds = Counter(p.relative_to(cache / f"v{kcache.FORMAT}").parts[0] for p in entries)
    # six parses and extractions, the build's outputs, one passing verdict an evidence graph
    assert (kinds["parse"], kinds["extract"], kinds["build"]) == (6, 6, 1) and kinds["valid"] >= 6
    for n, p in enumerate(entries):  # truncate some, flip a byte in the others
        data = p.read_bytes()
        p.write_bytes(data[: len(data) // 2] if n % 2 else data[:-1] + bytes([data[-1] ^ 0xFF]))
    again = build(_paths(corpus), tmp_path / "b", cache_dir=cache)
    assert again.parsed == 6 and again.cache.corrupt == len(entries)  # every entry was read, found bad, dropped
    assert _files(tmp_path / "b") == reference
    healed = build(_paths(corpus), tmp_path / "c", cache_dir=cache)
    assert healed.reused and healed.cache.corrupt == 0


@pytest.mark.model
def test_a_gazetteer_change_re_parses(corpus, tmp_path):
    from kg.pipeline import build

    cache = tmp_path / "cache"
    build(_paths(corpus), tmp_path / "a", cache_dir=cache, validate_output=False)
    data = json.loads((ROOT / "kg" / "data" / "gazetteer.json").read_text("utf-8"))
    data["entries"][0].setdefault("aliases", []).append("Zzyzx Rovers")
    gaz = tmp_path / "gazetteer.json"
    gaz.write_text(json.dumps(data), encoding="utf-8")
    changed = build(_paths(corpus), tmp_path / "b", cache_dir=cache, validate_output=False, gazetteer=gaz)
    assert changed.parsed == 6


@pytest.mark.model
def test_a_rules_change_re_extracts_without_re_parsing(corpus, tmp_path):
    from kg.pipeline import build

    cache = tmp_path / "cache"
    build(_paths(corpus), tmp_path / "a", cache_dir=cache, validate_output=False)
    data = json.loads((ROOT / "kg" / "data" / "rules.json").read_text("utf-8"))
    data["player_verbs"] = list(data["player_verbs"]) + ["zzyzx"]
    rules = tmp_path / "rules.json"
    rules.write_text(json.dumps(data), encoding="utf-8")
    changed = build(_paths(corpus), tmp_path / "b", cache_dir=cache, validate_output=False, rules=rules)
    assert (changed.parsed, changed.extracted) == (0, 6)
    uncached = build(_paths(corpus), tmp_path / "c", validate_output=False, rules=rules)
    assert _files(tmp_path / "b") == _files(tmp_path / "c")
    assert uncached.parsed == 6


@pytest.mark.model
def test_adding_one_article_parses_one(corpus, tmp_path):
    from bench.make_corpus import generate, write_corpus
    from kg.pipeline import build

    cache = tmp_path / "cache"
    build(_paths(corpus), tmp_path / "a", cache_dir=cache, validate_output=False)
    extra = tmp_path / "extra"
    write_corpus(generate(1, seed=99), extra, "txt", seed=99)
    grown = build(_paths(corpus) + [str(extra)], tmp_path / "b", cache_dir=cache, validate_output=False)
    assert (grown.documents, grown.parsed, grown.extracted) == (7, 1, 1)
    fresh = build(_paths(corpus) + [str(extra)], tmp_path / "c", validate_output=False)
    assert _files(tmp_path / "b") == _files(tmp_path / "c")
    assert fresh.parsed == 7


@pytest.mark.model
def test_adding_one_article_validates_its_evidence_and_the_facts_only(corpus, tmp_path):
    """The articles whose evidence passed SHACL are not validated again: an added article's is."""
    from bench.make_corpus import generate, write_corpus
    from kg.pipeline import build

    cache = tmp_path / "cache"
    first = build(_paths(corpus), tmp_path / "a", cache_dir=cache)
    assert first.conforms and first.cache.writes["valid"] >= 6
    extra = tmp_path / "extra"
    write_corpus(generate(1, seed=99), extra, "txt", seed=99)
    grown = build(_paths(corpus) + [str(extra)], tmp_path / "b", cache_dir=cache)
    assert grown.conforms and grown.cache.writes["valid"] >= 1
    assert grown.cache.hits["valid"] >= 5  # the old articles' evidence, unchanged (or nearly: merges)
    fresh = build(_paths(corpus) + [str(extra)], tmp_path / "c")
    assert _files(tmp_path / "b") == _files(tmp_path / "c")


@pytest.mark.model
def test_cli_uses_the_cache_unless_told_not_to(corpus, tmp_path, monkeypatch, capsys):
    from kg.cli import main

    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "env-cache"))
    seeds = str(corpus / "seeds")
    assert main(["build", seeds, "--out", str(tmp_path / "a"), "--no-cache", "--no-validate"]) == 0
    assert not (tmp_path / "env-cache").exists()
    assert main(["build", seeds, "--out", str(tmp_path / "b"), "--no-validate"]) == 0
    assert any((tmp_path / "env-cache").rglob("*"))
    assert main(["build", seeds, "--out", str(tmp_path / "c"), "--no-validate",
                 "--cache-dir", str(tmp_path / "flag-cache")]) == 0
    assert any((tmp_path / "flag-cache").rglob("*"))
    assert _files(tmp_path / "a") == _files(tmp_path / "b") == _files(tmp_path / "c")
    assert main(["build", seeds, "--out", str(tmp_path / "d"), "--workers", "-1"]) == 2
