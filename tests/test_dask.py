"""The Dask runner: a `dask scheduler` and two `dask worker` processes, started as a user starts
them (separate processes on 127.0.0.1), write the local build's bytes."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OUTPUTS = ("graph.ttl", "graph.trig", "report.json")

distributed = pytest.importorskip("dask.distributed")


def test_an_unreachable_scheduler_is_one_clear_error(gaz, rules):
    from kg.dask_runner import ClusterError, run_dask
    from kg.parallel import Settings, Task
    from kg.readers import make_document
    from kg.store import free_port

    doc = make_document("Liverpool beat Chelsea.", "t.txt", "t")
    settings = Settings("m", "m==1", gaz, rules, "h")
    with pytest.raises(ClusterError) as info:
        list(run_dask(f"tcp://127.0.0.1:{free_port()}", [Task(0, doc)], settings, timeout=1))
    assert "cannot reach the Dask scheduler" in str(info.value)


@pytest.fixture()
def cluster(tmp_path: Path) -> Iterator[str]:
    """A scheduler and two single-threaded workers, each its own process, as README "Running at
    scale" starts them."""
    from bench.cluster import processes

    with processes(2, tmp_path / "logs") as address:
        yield address


@pytest.mark.model
@pytest.mark.slow
def test_dask_build_is_byte_identical_to_the_local_build(tmp_path, cluster):
    from bench.make_corpus import generate, write_corpus
    from kg.pipeline import build

    shutil.copytree(ROOT / "seeds", tmp_path / "in" / "seeds")
    write_corpus(generate(3, seed=5), tmp_path / "in" / "gen", "txt", seed=5)
    paths = [str(tmp_path / "in" / "seeds"), str(tmp_path / "in" / "gen")]
    local = build(paths, tmp_path / "local")
    remote = build(paths, tmp_path / "dask", dask=cluster, cache_dir=tmp_path / "cache")
    assert local.parsed == remote.parsed == 6
    for name in OUTPUTS:
        assert (tmp_path / "local" / name).read_bytes() == (tmp_path / "dask" / name).read_bytes(), name
    again = build(paths, tmp_path / "again", cache_dir=tmp_path / "cache")  # the cluster filled the cache
    assert again.reused and again.parsed == 0
