"""The command line: one-line errors, exit codes, the rest of the run goes on, nothing half-written."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def kg(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, timeout=600)


def test_cli_version_and_usage_errors():
    assert kg("--version").stdout.startswith("kg ")
    assert kg("build").returncode == 2
    assert kg("frobnicate").returncode == 2


@pytest.mark.model
def test_cli_bad_inputs_are_named_and_the_rest_is_built(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "good.txt").write_text("Liverpool boss Jurgen Klopp praised defender Joe Gomez.")
    (inp / "empty.txt").write_text("")
    (inp / "binary.txt").write_bytes(b"\x00\x01\x02PNG")
    (inp / "latin1.txt").write_bytes("Caf\xe9".encode("latin-1"))
    (inp / 'odd "name" <script>.txt').write_text("Arsenal beat Chelsea 2-0.")
    out = tmp_path / "out"
    r = kg("build", str(inp), str(tmp_path / "missing.txt"), "--out", str(out))
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    errors = [line for line in r.stderr.splitlines() if line.startswith("kg: error:")]
    assert len(errors) == 4
    for name in ("empty.txt", "binary.txt", "latin1.txt", "missing.txt"):
        assert any(name in e for e in errors), name
    graph = (out / "graph.ttl").read_text()
    assert "manager:jurgen-klopp" in graph and "club:arsenal" in graph
    assert not [p for p in os.listdir(out) if p.endswith(".tmp")]


def test_cli_when_no_input_can_be_read_the_previous_graph_is_kept(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("previous graph\n")
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "empty.txt").write_text("")
    (inp / "binary.txt").write_bytes(b"\x00\x01\x02PNG")
    r = kg("build", str(inp), "--out", str(out))
    assert r.returncode == 1 and "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 3 and all(line.startswith("kg: error: ") for line in lines), r.stderr
    assert "empty.txt" in r.stderr and "binary.txt" in r.stderr
    assert "no article could be read (2 input(s) failed)" in lines[-1] and "left as it was" in lines[-1]
    assert (out / "graph.ttl").read_text() == "previous graph\n"
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["graph.ttl"]


def test_cli_unwritable_output_is_one_line(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    r = kg("build", str(ROOT / "seeds"), "--out", str(blocker / "sub"))
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "cannot create" in r.stderr


def test_cli_eval_on_a_missing_graph_is_one_line(tmp_path):
    r = kg("eval", "--gold", str(ROOT / "tests" / "gold" / "seeds.json"), str(tmp_path / "nope"))
    assert r.returncode == 1 and len(r.stderr.strip().splitlines()) == 1


@pytest.mark.model
def test_cli_eval_prints_scores(seeds_out):
    r = kg("eval", "--gold", str(ROOT / "tests" / "gold" / "seeds.json"), str(seeds_out))
    assert r.returncode == 0
    assert "typing" in r.stdout and "relations" in r.stdout and "split entities: 0" in r.stdout


@pytest.mark.model
def test_cli_no_validate_never_claims_conformance(tmp_path):
    import json

    r = kg("build", str(ROOT / "seeds"), "--out", str(tmp_path / "out"), "--no-validate", "--no-cache")
    assert r.returncode == 0, r.stderr
    assert "SHACL not checked (--no-validate)" in r.stderr and "conforms" not in r.stderr
    assert json.loads((tmp_path / "out" / "report.json").read_text("utf-8"))["shacl_conforms"] is None


@pytest.mark.model
def test_cli_min_confidence_and_rules_only(tmp_path):
    bad = kg("build", str(ROOT / "seeds"), "--out", str(tmp_path / "x"), "--min-confidence", "1.5")
    assert bad.returncode == 2 and "--min-confidence" in bad.stderr
    facts = {}
    for name, extra in (("all", ["--min-confidence", "0"]), ("sure", ["--min-confidence", "0.9"]),
                        ("rules", ["--rules-only"])):
        out = tmp_path / name
        r = kg("build", str(ROOT / "seeds"), "--out", str(out), "--no-validate", *extra)
        assert r.returncode == 0, r.stderr
        facts[name] = (out / "graph.trig").read_text("utf-8")
    assert facts["sure"].count("fkg:Assertion") < facts["all"].count("fkg:Assertion")
    assert "fkg:Assertion" not in facts["rules"]  # no scorer, no probabilities


def test_cli_train_without_gold_is_one_line(tmp_path):
    r = kg("train", "--gold", str(tmp_path), "--out", str(tmp_path / "m.json"))
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and "E010" in r.stderr, r.stderr


@pytest.mark.model
def test_cli_validate_a_built_graph(seeds_out, tmp_path):
    r = kg("validate", str(seeds_out))
    assert r.returncode == 0 and r.stdout.strip() == "conforms", r.stderr
    broken = tmp_path / "broken.ttl"
    broken.write_text("@prefix fkg: <https://w3id.org/football-kg/ontology#> .\n"
                      "<https://w3id.org/football-kg/id/club/x> a fkg:Club .\n", "utf-8")  # no label
    r = kg("validate", str(broken))
    assert r.returncode == 1 and "Constraint Violation" in r.stdout


@pytest.mark.model
def test_cli_build_progress_on_request_changes_nothing_in_the_output(tmp_path, capsys):
    """The bar and phase lines go to stderr only; the graph is the same bytes as without them."""
    from kg.pipeline import build

    seeds = str(Path(__file__).resolve().parents[1] / "seeds")
    build([seeds], tmp_path / "quiet", validate_output=False, cache_dir=None)
    capsys.readouterr()
    build([seeds], tmp_path / "loud", validate_output=False, cache_dir=None, progress=True)
    err = capsys.readouterr().err
    assert "parse+extract" in err and "serialize done in" in err
    for name in ("graph.ttl", "graph.trig", "report.json"):
        assert (tmp_path / "quiet" / name).read_bytes() == (tmp_path / "loud" / name).read_bytes()
