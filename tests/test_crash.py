"""Crash safety: a build killed with SIGKILL at any moment leaves the previous output complete and
loadable; a second build into the same folder fails with a clear message and never interleaves.

The kill points are random (seeded, printed on failure) plus three chosen ones: right after the
start, while a file is being written (the child's `os.fsync` is slowed down by a bootstrap in the
TEST's command line, so the product code carries no test hook), and between two renames.
Assertions are about the state left behind, never about time.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Dataset, Graph

from kg.errors import OutputError
from kg.output import LOCK_NAME, locked, write_atomic

ROOT = Path(__file__).resolve().parents[1]
NAMES = ("graph.ttl", "graph.trig", "report.json")
LOCK_MESSAGE = "another kg build is writing to this folder"

# Runs the real CLI with os.fsync slowed down for files in the output folder, so the test can
# catch a build mid-write.
SLOW_FSYNC = """
import os, sys, time
_fsync = os.fsync
_out = os.path.realpath(sys.argv[sys.argv.index("--out") + 1])
def _slow(fd):
    _fsync(fd)
    if os.path.dirname(os.readlink(f"/proc/self/fd/{fd}")) == _out or \\
            os.readlink(f"/proc/self/fd/{fd}") == _out:
        time.sleep(float(os.environ["KG_TEST_FSYNC_DELAY"]))
os.fsync = _slow
from kg.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _env(tmp: Path, **extra: str) -> dict[str, str]:
    cache = tmp / f"cache-{random.random():.12f}"  # a fresh cache: every build really works
    return {**os.environ, "KG_CACHE_DIR": str(cache), **extra}


def _start(tmp: Path, inp: Path, out: Path, slow_fsync: float | None = None) -> subprocess.Popen:
    args = ["build", str(inp), "--out", str(out)]
    if slow_fsync is None:
        cmd = [sys.executable, "-m", "kg", *args]
        env = _env(tmp)
    else:
        cmd = [sys.executable, "-c", SLOW_FSYNC, *args]
        env = _env(tmp, KG_TEST_FSYNC_DELAY=str(slow_fsync))
    return subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)


def _run(tmp: Path, inp: Path, out: Path) -> subprocess.CompletedProcess:
    proc = _start(tmp, inp, out)
    _, err = proc.communicate(timeout=900)
    return subprocess.CompletedProcess(proc.args, proc.returncode, "", err)


def _snapshot(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in NAMES}


def _check_whole(out: Path, versions: list[dict[str, bytes]]) -> None:
    """Every output file is one of the complete versions, and parses."""
    for name in NAMES:
        data = (out / name).read_bytes()
        assert any(data == v[name] for v in versions), f"{name} is not a complete version"
    Graph().parse(out / "graph.ttl", format="turtle")
    Dataset().parse(out / "graph.trig", format="trig")
    json.loads((out / "report.json").read_text(encoding="utf-8"))


def _temporaries(out: Path) -> list[str]:
    return [n for n in os.listdir(out) if n.endswith(".tmp")]


def _kill(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)


def _wait_for(condition, proc: subprocess.Popen, limit: float = 600) -> bool:
    """Poll until ``condition()`` holds; False if the process ended first."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if condition():
            return True
        if proc.poll() is not None:
            return condition()
        time.sleep(0.002)
    return False


@pytest.fixture(scope="module")
def versions(tmp_path_factory):
    """Two different complete builds: A (the seeds) and B (the seeds and one more article)."""
    tmp = tmp_path_factory.mktemp("crash")
    inp_a = tmp / "corpus"
    shutil.copytree(ROOT / "seeds", inp_a)
    ref_a = tmp / "ref-a"
    r = _run(tmp, inp_a, ref_a)
    assert r.returncode == 0, r.stderr
    inp_b = tmp / "corpus-b" / "corpus"  # same folder name: the same source names in the output
    shutil.copytree(inp_a, inp_b)
    (inp_b / "extra.txt").write_text(
        "Arsenal beat Chelsea 3-1 at the Emirates Stadium. Bukayo Saka scored twice for Arsenal "
        "and manager Mikel Arteta praised his players.\n", encoding="utf-8")
    ref_b = tmp / "ref-b"
    started = time.monotonic()
    r = _run(tmp, inp_b, ref_b)
    duration = time.monotonic() - started  # only to spread the random kill points
    assert r.returncode == 0, r.stderr
    a, b = _snapshot(ref_a), _snapshot(ref_b)
    assert a["graph.ttl"] != b["graph.ttl"] and a["graph.trig"] != b["graph.trig"]
    return {"tmp": tmp, "inp_b": inp_b, "ref_a": ref_a, "a": a, "b": b, "duration": duration}


def _fresh_out(versions, tmp_path: Path) -> Path:
    out = tmp_path / "out"
    shutil.copytree(versions["ref_a"], out)
    return out


KILL_SEED = random.randrange(1 << 30)


@pytest.mark.model
@pytest.mark.slow
def test_crash_sigkill_at_random_points_leaves_the_previous_output_whole(versions, tmp_path):
    """Kill right after the start and at two random moments of a build (the state each kill
    leaves is where the next build starts); then one build runs to the end."""
    out = _fresh_out(versions, tmp_path)
    rng = random.Random(KILL_SEED)
    delays = [0.0] + sorted(rng.uniform(0, versions["duration"] * 1.1) for _ in range(2))
    for delay in delays:
        proc = _start(versions["tmp"], versions["inp_b"], out)
        time.sleep(delay)
        _kill(proc)
        info = f"seed {KILL_SEED}, killed after {delay:.2f}s, exit {proc.returncode}"
        try:
            _check_whole(out, [versions["a"], versions["b"]])
        except AssertionError as err:
            raise AssertionError(f"{err} ({info})") from None
    # the next build takes the lock (the dead one's is gone), sweeps the temporaries, finishes
    r = _run(versions["tmp"], versions["inp_b"], out)
    assert r.returncode == 0, r.stderr
    assert _snapshot(out) == versions["b"] and not _temporaries(out)


@pytest.mark.model
@pytest.mark.slow
def test_crash_sigkill_while_a_file_is_being_written(versions, tmp_path):
    out = _fresh_out(versions, tmp_path)
    proc = _start(versions["tmp"], versions["inp_b"], out, slow_fsync=30)
    try:
        caught = _wait_for(lambda: bool(_temporaries(out)), proc)
    finally:
        _kill(proc)
    assert caught, "the build ended before writing a temporary file"
    assert _snapshot(out) == versions["a"]  # the file being written is not the file in place
    _check_whole(out, [versions["a"]])
    with locked(out):  # what the next build does first: the killed build's temporary goes
        assert not _temporaries(out)


@pytest.mark.model
@pytest.mark.slow
def test_crash_sigkill_between_two_renames_leaves_each_file_whole(versions, tmp_path):
    out = _fresh_out(versions, tmp_path)
    proc = _start(versions["tmp"], versions["inp_b"], out, slow_fsync=3)
    first = out / NAMES[0]
    try:
        caught = _wait_for(lambda: first.read_bytes() == versions["b"][NAMES[0]], proc)
    finally:
        _kill(proc)
    assert caught
    _check_whole(out, [versions["a"], versions["b"]])
    assert (out / "graph.trig").read_bytes() == versions["a"]["graph.trig"]


@pytest.mark.model
@pytest.mark.slow
def test_crash_two_real_builds_into_one_folder_never_interleave(versions, tmp_path):
    out = _fresh_out(versions, tmp_path)
    first = _start(versions["tmp"], versions["inp_b"], out, slow_fsync=0.5)
    try:
        assert _wait_for(lambda: bool(_temporaries(out)), first)  # surely holding the lock now
        second = _run(versions["tmp"], ROOT / "seeds", out)
        assert second.returncode == 1
        [line] = second.stderr.strip().splitlines()
        assert line.startswith("kg: error:") and LOCK_MESSAGE in line and str(out) in line
        _, err = first.communicate(timeout=900)
        assert first.returncode == 0, err
    finally:
        _kill(first)
    assert _snapshot(out) == versions["b"] and not _temporaries(out)


# --- without the language model: the lock and the atomic writer on their own -----------------

def test_crash_a_held_lock_makes_the_cli_fail_fast_with_one_clear_line(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    before = {name: f"previous {name}\n".encode() for name in NAMES}
    for name, data in before.items():
        (out / name).write_bytes(data)
    fd = os.open(out / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        r = subprocess.run([sys.executable, "-m", "kg", "build", str(ROOT / "seeds"), "--out", str(out)],
                           cwd=ROOT, capture_output=True, text=True, timeout=600, env=_env(tmp_path))
    finally:
        os.close(fd)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    [line] = r.stderr.strip().splitlines()
    assert line.startswith("kg: error: [E002]") and LOCK_MESSAGE in line and str(out) in line
    assert {name: (out / name).read_bytes() for name in NAMES} == before
    assert not _temporaries(out)


def test_crash_lock_is_released_when_the_holder_dies(tmp_path):
    out = tmp_path / "out"
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from pathlib import Path; from kg.output import locked\n"
        "with locked(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(600)"), str(out)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(OutputError, match=LOCK_MESSAGE):
            with locked(out):
                pass
    finally:
        holder.kill()
        holder.communicate(timeout=60)
    with locked(out):  # no stale lock after a SIGKILL
        pass


def test_crash_stale_temporaries_are_swept_under_the_lock_and_nothing_else(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / ".graph.ttl.kg-abc123.tmp").write_text("half")
    (out / "notes.tmp").write_text("the user's")
    (out / "graph.ttl").write_text("old")
    with locked(out):
        assert not (out / ".graph.ttl.kg-abc123.tmp").exists()
    assert (out / "notes.tmp").read_text() == "the user's" and (out / "graph.ttl").read_text() == "old"


def test_crash_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "graph.ttl"
    target.write_text("old\n")

    def disk_full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OutputError, match="No space left"):
        write_atomic(target, "new\n" * 1000)
    monkeypatch.undo()
    assert target.read_text() == "old\n" and os.listdir(tmp_path) == ["graph.ttl"]
    with pytest.raises(OutputError, match="not valid Unicode"):
        write_atomic(target, "lone surrogate \udc80")
    assert target.read_text() == "old\n" and os.listdir(tmp_path) == ["graph.ttl"]
    write_atomic(target, "new \u05de\u05db \U0001F3C6\n")
    assert target.read_text(encoding="utf-8") == "new \u05de\u05db \U0001F3C6\n"
    assert os.listdir(tmp_path) == ["graph.ttl"]


def test_crash_output_path_that_is_a_file_is_one_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OutputError, match="cannot create the output folder"):
        with locked(blocker):
            pass
