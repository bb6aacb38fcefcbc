"""Worker processes: the same bytes from 1 and from 2 workers; work split and errors carried back."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg import parallel
from kg.errors import KGError, ModelError
from kg.parallel import RemoteError, Task

ROOT = Path(__file__).resolve().parents[1]
OUTPUTS = ("graph.ttl", "graph.trig", "report.json")


def test_worker_count():
    assert parallel.worker_count(3) == 3
    assert parallel.worker_count(0) >= 1


def test_chunks_keep_every_task_in_order():
    from kg.records import Document, OffsetMap

    doc = Document("a", "a.txt", "x", "x", OffsetMap.from_spans((0,), (1,)))
    tasks = [Task(i, doc) for i in range(10)]
    chunks = parallel.chunked(tasks, 4)
    assert [len(c) for c in chunks] == [4, 4, 2]
    assert [t.index for c in chunks for t in c] == list(range(10))


def test_a_worker_error_comes_back_as_the_same_one_line_error():
    with pytest.raises(ModelError) as info:
        parallel.reraise(RemoteError("ModelError", "[E003] no such model"))
    assert str(info.value) == "[E003] no such model"
    with pytest.raises(KGError):
        parallel.reraise(RemoteError("NotAKGErrorName", "[E000] x"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    from bench.make_corpus import generate, write_corpus

    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(ROOT / "seeds", root / "seeds")
    write_corpus(generate(5, seed=3), root / "gen", "txt", seed=3)
    return root


@pytest.mark.model
@pytest.mark.slow  # two worker processes each load the spaCy pipeline
def test_one_and_two_workers_write_identical_bytes(corpus, tmp_path):
    from kg.pipeline import build

    paths = [str(corpus / "seeds"), str(corpus / "gen")]
    one = build(paths, tmp_path / "one")
    two = build(paths, tmp_path / "two", workers=2, cache_dir=tmp_path / "cache")
    assert one.parsed == two.parsed == 8
    for name in OUTPUTS:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name
    # the workers' parses went into the cache: a rules-free re-run in-process parses nothing
    shutil.rmtree(tmp_path / "cache" / "v1" / "build")
    again = build(paths, tmp_path / "three", cache_dir=tmp_path / "cache")
    assert (again.parsed, again.extracted) == (0, 0)
    assert (tmp_path / "three" / "graph.trig").read_bytes() == (tmp_path / "one" / "graph.trig").read_bytes()


@pytest.mark.model
def test_a_cached_parse_is_only_extracted(gaz, rules):
    from kg import cache as kcache
    from kg.readers import make_document

    doc = make_document("Liverpool beat Chelsea 2-1 at Anfield. Mohamed Salah scored twice.", "t.txt", "t")
    name, version = kcache.model_identity(None)
    settings = parallel.Settings(name, version, gaz, rules, kcache.gazetteer_hash(gaz))
    [fresh] = parallel.process([Task(0, doc)], settings)
    assert fresh.did_parse and fresh.parsed is not None
    [again] = parallel.process([Task(0, doc, fresh.parsed)], settings)
    assert not again.did_parse and again.parsed is None
    assert again.extraction == fresh.extraction
    [healed] = parallel.process([Task(0, doc, b"not a payload")], settings)  # unreadable: re-parsed
    assert healed.did_parse and healed.extraction == fresh.extraction


@pytest.mark.model
def test_parsing_alone_in_two_workers_gives_the_parses_of_one_process(gaz, rules):
    """`kg train --workers 2` parses its articles in worker processes: the same parses, in order."""
    from kg.records import Document, OffsetMap

    texts = [f"Striker Tom Reed{i} scored twice as Arsenal beat Chelsea {i % 5}-0 at the Emirates." for i in range(40)]
    docs = [Document(str(i), f"{i}.txt", t, t, OffsetMap.from_spans((0,), (len(t),))) for i, t in enumerate(texts)]
    settings = parallel.plan(docs, None, gaz, rules).settings
    assert list(parallel.parse_only(texts, settings, workers=2)) == list(parallel.parse_only(texts, settings, workers=1))
