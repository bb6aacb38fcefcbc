"""Tests for the synthetic benchmark corpus generator (bench/make_corpus.py)."""

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from bench import make_corpus

REPO_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def corpus_500() -> list[dict]:
    return make_corpus.generate(500, seed=0)


def _distinct_people(articles: list[dict], seed: int = 0) -> int:
    """How many invented people of the seed's world appear by full name in the articles."""
    text = "\n".join(a["text"] for a in articles)
    world = make_corpus.build_world(random.Random(seed))
    return sum(p.full in text for p in world.people())


def test_make_corpus_same_seed_is_identical(corpus_500: list[dict]) -> None:
    assert make_corpus.generate(500, seed=0) == corpus_500


def test_make_corpus_different_seed_differs(corpus_500: list[dict]) -> None:
    other = make_corpus.generate(50, seed=1)
    assert [a["text"] for a in other] != [a["text"] for a in corpus_500[:50]]


def test_make_corpus_prefix_is_stable(corpus_500: list[dict]) -> None:
    assert make_corpus.generate(20, seed=0) == corpus_500[:20]


def test_make_corpus_respects_n_and_keys(corpus_500: list[dict]) -> None:
    assert len(corpus_500) == 500
    assert make_corpus.generate(0) == []
    assert [a["id"] for a in corpus_500[:3]] == ["000000", "000001", "000002"]
    for a in corpus_500:
        assert set(a) == {"id", "title", "date", "text"}
        assert a["title"] and "{" not in a["text"] + a["title"]
        assert len(a["date"]) == 10 and a["date"][4] == "-"


def test_make_corpus_words_per_article_in_range(corpus_500: list[dict]) -> None:
    counts = [len(a["text"].split()) for a in corpus_500]
    assert 250 <= sum(counts) / len(counts) <= 450
    assert min(counts) >= 150 and max(counts) <= 600
    assert all(a["text"].count("\n\n") >= 2 for a in corpus_500)


def test_make_corpus_mixes_article_kinds(corpus_500: list[dict]) -> None:
    text = "\n".join(a["text"] for a in corpus_500)
    for marker in ("Subs Not Used:", "Att:", "Ref:", "is poised to join", "are in talks to sign",
                   "have had a bid rejected for", "lifted the", "have sacked", "have appointed",
                   "will take charge of the game", "has completed", "said:"):
        assert marker in text, marker


def test_make_corpus_squads_are_stable_within_seed() -> None:
    first, second = (make_corpus.build_world(random.Random(3)) for _ in range(2))
    assert [p.full for p in first.people()] == [p.full for p in second.people()]
    assert all(len(c.squad) == 25 for c in first.clubs)
    names = [p.full for p in first.people()]
    assert len(names) == len(set(names)), "each invented person belongs to exactly one club"


def test_make_corpus_distinct_names_grow_with_n(corpus_500: list[dict]) -> None:
    small = _distinct_people(corpus_500[:50])
    large = _distinct_people(corpus_500)
    assert small < large
    assert large >= 1000


def test_make_corpus_cli_writes_n_txt_files(tmp_path: Path) -> None:
    out = tmp_path / "corpus"
    subprocess.run([sys.executable, "-m", "bench.make_corpus", "12", "--seed", "4", "--out", str(out)],
                   cwd=REPO_ROOT, check=True, capture_output=True)
    files = sorted(out.iterdir())
    assert [f.name for f in files] == [f"{i:06d}.txt" for i in range(12)]
    articles = make_corpus.generate(12, seed=4)
    for f, a in zip(files, articles):
        lines = f.read_text(encoding="utf-8").splitlines()
        if lines[0].startswith("date "):
            assert lines[0] == f"date {a['date']}"
            lines = lines[1:]
        assert lines[0] == a["title"]


def test_make_corpus_cli_jsonl_is_byte_identical(tmp_path: Path) -> None:
    outputs = []
    for run in ("a", "b"):
        out = tmp_path / run
        subprocess.run([sys.executable, "-m", "bench.make_corpus", "8", "--seed", "2", "--out", str(out),
                        "--format", "jsonl"], cwd=REPO_ROOT, check=True, capture_output=True)
        outputs.append((out / "corpus.jsonl").read_bytes())
    assert outputs[0] == outputs[1]
    rows = [json.loads(line) for line in outputs[0].decode("utf-8").splitlines()]
    assert rows == make_corpus.generate(8, seed=2)
