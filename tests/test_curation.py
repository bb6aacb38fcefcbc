"""A reviewer's corrections (`kg curate`, `kg build --curation`) survive every rebuild."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from kg.curation import key_of, load
from kg.errors import DataError
from kg.vocab import FKG, ID

ROOT = Path(__file__).resolve().parents[1]


def kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, cwd=ROOT, timeout=600)


@pytest.mark.parametrize("term, key", [
    ("player:tom-hartwell", "player/tom-hartwell"),
    (str(ID["club/fulham"]), "club/fulham"),
    ("https://example.org/x", None),
    ("nosuchprefix:x", None),
])
def test_curation_names_nodes_by_iri_or_prefixed_name(term, key):
    assert key_of(term) == key


def test_curate_appends_decisions_that_read_back(tmp_path):
    f = tmp_path / "curation.ttl"
    assert kg("curate", "merge", "player:tom-hartwell", "player:tomas-hartwell", "--file", str(f)).returncode == 0
    assert kg("curate", "split", "player:tom-hartwell", "player:tom-hart", "--file", str(f)).returncode == 0
    assert kg("curate", "retype", "player:sean-dyche", "Manager", "--file", str(f)).returncode == 0
    assert kg("curate", "reject", "player:sean-dyche", "fkg:playsFor", "club:fulham", "--file", str(f)).returncode == 0
    cur = load(f)
    assert cur.same == [("player/tom-hartwell", "player/tomas-hartwell")]
    assert cur.apart == [("player/tom-hartwell", "player/tom-hart")]
    assert cur.types == [("player/sean-dyche", "Manager")]
    assert cur.rejected == [("player/sean-dyche", "playsFor", "club/fulham")]
    r = kg("curate", "retype", "player:sean-dyche", "Goalkeeper", "--file", str(f))
    assert r.returncode == 1 and "[E099]" in r.stderr and "Traceback" not in r.stderr
    assert load(f).types == [("player/sean-dyche", "Manager")]  # a refused decision is not written


def test_curation_file_that_is_not_turtle_is_a_clear_error(tmp_path):
    f = tmp_path / "bad.ttl"
    f.write_text("<a> <b> .\n")
    with pytest.raises(DataError, match=r"\[E097\].*bad.ttl"):
        load(f)
    f.write_text("<https://example.org/a> <http://www.w3.org/2002/07/owl#sameAs> <https://example.org/b> .\n")
    with pytest.raises(DataError, match=r"\[E098\]"):
        load(f)


@pytest.mark.model
def test_build_applies_the_curation_and_records_it(tmp_path):
    f = tmp_path / "curation.ttl"
    for args in (("merge", "player:virgil-van-dijk", "player:joe-gomez"),
                 ("reject", "manager:jurgen-klopp", "fkg:manages", "club:liverpool"),
                 ("retype", "player:jordan-henderson", "Manager"),
                 ("merge", "person:nobody-at-all", "person:dua-lipa")):
        assert kg("curate", *args, "--file", str(f)).returncode == 0
    out = tmp_path / "out"
    r = kg("build", "seeds", "--out", str(out), "--curation", str(f), "--no-cache")
    assert r.returncode == 0, r.stderr
    g = Graph().parse(out / "graph.ttl", format="turtle")
    vvd, gomez = ID["player/virgil-van-dijk"], ID["player/joe-gomez"]
    assert (gomez, None, None) not in g and (None, None, gomez) not in g
    assert (vvd, SKOS.altLabel, Literal("Joe Gomez")) in g
    assert (ID["manager/jurgen-klopp"], FKG.manages, ID["club/liverpool"]) not in g
    henderson = ID["player/jordan-henderson"]
    assert (henderson, RDF.type, FKG.Manager) in g
    assert (henderson, FKG.formerlyManaged, ID["club/liverpool"]) in g
    assert (henderson, FKG.formerlyPlayedFor, None) not in g
    report = json.loads((out / "report.json").read_text("utf-8"))
    assert report["shacl_conforms"] is True
    assert report["curation"]["file"] == "curation.ttl" and len(report["curation"]["sha256"]) == 64
    assert (report["curation"]["merged"], report["curation"]["retyped"], report["curation"]["rejected"]) == (1, 1, 1)
    assert any("[W202]" in d and "nobody-at-all" in d for d in report["diagnostics"])
    # the graph names no merged-away node anywhere, evidence included
    trig = (out / "graph.trig").read_text("utf-8")
    assert "player:joe-gomez" not in trig and str(gomez) not in trig


@pytest.mark.model
def test_a_changed_curation_is_a_new_build_not_a_cached_one(tmp_path):
    f = tmp_path / "curation.ttl"
    cache, out = tmp_path / "cache", tmp_path / "out"
    assert kg("build", "seeds", "--out", str(out), "--cache-dir", str(cache)).returncode == 0
    before = (out / "graph.ttl").read_bytes()
    assert kg("curate", "reject", "manager:jurgen-klopp", "fkg:manages", "club:liverpool", "--file", str(f)).returncode == 0
    assert kg("build", "seeds", "--out", str(out), "--cache-dir", str(cache), "--curation", str(f)).returncode == 0
    after = (out / "graph.ttl").read_bytes()
    assert after != before
    g = Graph().parse(data=after.decode("utf-8"), format="turtle")
    assert (ID["manager/jurgen-klopp"], FKG.manages, ID["club/liverpool"]) not in g
    bad = tmp_path / "bad.ttl"
    bad.write_text("not turtle at all")
    r = kg("build", "seeds", "--out", str(out), "--cache-dir", str(cache), "--curation", str(bad))
    assert r.returncode == 1 and "[E097]" in r.stderr and "Traceback" not in r.stderr
    assert (out / "graph.ttl").read_bytes() == after  # nothing lost, nothing half-written


def test_curation_iri_helpers_round_trip():
    assert URIRef(str(ID) + key_of("club:fulham")) == ID["club/fulham"]
