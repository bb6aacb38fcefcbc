"""Every Turtle and TriG file we write parses with Eclipse RDF4J Rio, the parsers GraphDB uses, in
their strict settings (unknown datatypes and ill-typed literals are errors), and Rio, rdflib and
pyoxigraph read the same statements from it.

tests/java/RioParse.java is run as a single-file Java program (`java -cp JARS RioParse.java`)
against Debian's `librdf4j-java` jars. Without java or the jars these tests skip, except when
CI=true, where they fail.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD

from kg import serialize
from oxigraph_server import require

ROOT = Path(__file__).resolve().parents[1]
RIO = ROOT / "tests" / "java" / "RioParse.java"
JAR_DIR = Path("/usr/share/java")
# the RDF4J modules Rio needs, and their own dependencies
JARS = ["rdf4j-rio-api", "rdf4j-rio-turtle", "rdf4j-rio-trig", "rdf4j-rio-ntriples",
        "rdf4j-rio-nquads", "rdf4j-rio-datatypes", "rdf4j-rio-languages", "rdf4j-model",
        "rdf4j-model-api", "rdf4j-model-vocabulary", "rdf4j-util", "commons-io", "slf4j-api",
        "slf4j-nop"]
JAVA_TIMEOUT = 300  # seconds: one JVM that compiles RioParse.java and parses a few files


def classpath() -> str | None:
    """`RDF4J_CLASSPATH` if set, else the jars of Debian's librdf4j-java (and its dependencies)."""
    if os.environ.get("RDF4J_CLASSPATH"):
        return os.environ["RDF4J_CLASSPATH"]
    jars = [JAR_DIR / f"{name}.jar" for name in JARS]
    if not all(j.is_file() for j in jars):
        return None
    # any other rdf4j module: Rio finds parsers through the service loader
    extra = sorted(set(glob.glob(str(JAR_DIR / "rdf4j-*.jar"))) - {str(j) for j in jars})
    extra = [e for e in extra if not re.search(r"-\d", Path(e).stem)]  # the unversioned names
    return os.pathsep.join([str(j) for j in jars] + extra)


@pytest.fixture(scope="session")
def rio(tmp_path_factory):
    """Run RioParse.java over files: rio(files) -> {file: (statements, distinct, contexts)};
    rio(files, nquads=True) -> N-Quads text of what Rio read; rio(..., check=False) -> the
    CompletedProcess."""
    java = shutil.which("java")
    require(java is not None, "java is not installed (apt-get install openjdk-17-jdk-headless)")
    cp = classpath()
    require(cp is not None, "the RDF4J jars are not installed (apt-get install librdf4j-java)")

    # `java -cp JARS RioParse.java` compiles the program on every run; compile it once instead
    # when javac is there (the same JDK), which saves seconds per file
    program = [java, "-cp", cp, str(RIO)]
    javac = shutil.which("javac")
    if javac:
        classes = tmp_path_factory.mktemp("rio-classes")
        built = subprocess.run([javac, "-nowarn", "-cp", cp, "-d", str(classes), str(RIO)],
                               capture_output=True, text=True, timeout=JAVA_TIMEOUT)
        assert built.returncode == 0, built.stderr
        program = [java, "-cp", os.pathsep.join([str(classes), cp]), "RioParse"]

    def run(files, nquads: bool = False, check: bool = True):
        cmd = program + (["--nquads"] if nquads else []) + [str(f) for f in files]
        done = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8",
                              timeout=JAVA_TIMEOUT, stdin=subprocess.DEVNULL)
        if not check:
            return done
        if "jdk.compiler" in done.stderr:
            require(False, "java cannot run source files: install a JDK (openjdk-17-jdk-headless)")
        assert done.returncode == 0, f"RDF4J Rio rejected a file: {done.stderr.strip()}"
        if nquads:
            return done.stdout
        counts = {}
        for line in done.stdout.splitlines():
            name, statements, distinct, contexts = line.split("\t")
            counts[name] = (int(statements), int(distinct), int(contexts))
        return counts

    return run


def rdflib_count(path: Path) -> tuple[int, int]:
    """(triples or quads, named graphs) as rdflib reads the file."""
    if path.suffix == ".trig":
        ds = Dataset()
        ds.parse(path, format="trig")
        graphs = [g for g in ds.graphs() if len(g)]
        named = [g for g in graphs if str(g.identifier) != "urn:x-rdflib:default"]
        return sum(len(g) for g in graphs), len(named)
    return len(Graph().parse(path, format="turtle")), 0


def oxigraph_quads(path: Path) -> set:
    fmt = pyoxigraph.RdfFormat.TRIG if path.suffix == ".trig" else pyoxigraph.RdfFormat.TURTLE
    return set(pyoxigraph.parse(path=str(path), format=fmt))


def check_agreement(rio, paths: list[Path]) -> None:
    counts = rio(paths)
    for path in paths:
        statements, distinct, contexts = counts[str(path)]
        assert statements == distinct, f"{path}: the same statement written twice"
        ox = oxigraph_quads(path)
        store = pyoxigraph.Store()
        store.load(path=str(path))
        assert (distinct, contexts) == rdflib_count(path), path
        assert distinct == len(ox) == len(store), path
        assert contexts == len({q.graph_name for q in ox} - {pyoxigraph.DefaultGraph()}), path
    # term for term: what Rio read is what Oxigraph reads
    for path in paths:
        text = rio([path], nquads=True)
        from_rio = set(pyoxigraph.parse(text.encode("utf-8"), format=pyoxigraph.RdfFormat.N_QUADS))
        assert from_rio == oxigraph_quads(path), path


@pytest.mark.model
def test_seeds_outputs_parse_with_rdf4j(rio, seeds_out):
    check_agreement(rio, [seeds_out / "graph.ttl", seeds_out / "graph.trig"])


@pytest.mark.model
def test_article_outputs_parse_with_rdf4j(rio, build_graph):
    out = build_graph(ROOT / "tests" / "articles")
    check_agreement(rio, [out / "graph.ttl", out / "graph.trig"])


@pytest.mark.model
def test_dated_spells_and_transfers_parse_with_rdf4j(rio, build_graph):
    """The five dated articles of tests/test_history.py: spells, transfers and their evidence."""
    out = build_graph(ROOT / "tests" / "data" / "stream")
    assert "fkg:Transfer" in (out / "graph.ttl").read_text("utf-8")
    check_agreement(rio, [out / "graph.ttl", out / "graph.trig"])


def test_shipped_rdf_parses_with_rdf4j(rio):
    """What a GraphDB user loads besides the graph: the ontology, the shapes, the repository
    configuration; and our own test data."""
    files = [ROOT / "ontology" / "football.ttl", ROOT / "ontology" / "shapes.ttl",
             ROOT / "kg" / "graphdb" / "repository-config.ttl"]
    files += sorted((ROOT / "tests" / "data").glob("*.trig"))
    counts = rio(files)
    for f in files:
        statements, distinct, _ = counts[str(f)]
        assert distinct == len(oxigraph_quads(f)) > 0, f


def test_repository_config_names_the_repository():
    g = Graph().parse(ROOT / "kg" / "graphdb" / "repository-config.ttl", format="turtle")
    rep = "http://www.openrdf.org/config/repository#"
    gdb = "http://www.ontotext.com/config/graphdb#"
    assert set(g.objects(None, URIRef(rep + "repositoryID"))) == {Literal("football-kg")}

    def values(iri: str) -> set[str]:
        return {str(o) for o in g.objects(None, URIRef(iri))}

    assert values(rep + "repositoryType") == {"graphdb:SailRepository"}
    assert values(gdb + "ruleset") <= {"empty", "rdfsplus-optimized"}
    assert values(gdb + "disable-sameAs") == {"true"}


HOSTILE = ['quote " and \\ backslash', "new\nline\r\ttab", "nul \x00 bell \x07 del \x7f",
           "emoji \u26bd\U0001f3c6 rtl \u05e2\u05d1\u05e8\u05d9\u05ea "
           "\u0627\u0644\u0639\u0631\u0628\u064a\u0629",
           "<script>alert(1)</script> </script>", "\u2028 \u2029 \ufeff \ufffe", "'''\"\"\"",
           "ends with a backslash \\"]


def test_serializer_output_round_trips_through_rio(rio, tmp_path):
    """kg.serialize's Turtle and TriG, with every kind of string and typed literal the builder
    writes, read back by Rio term for term."""
    s = URIRef("https://w3id.org/football-kg/id/player/x")
    fkg = "https://w3id.org/football-kg/ontology#"
    triples = [(s, URIRef(fkg + "sentence"), Literal(v)) for v in HOSTILE]
    triples += [
        (s, URIRef(fkg + "confidence"), Literal("0.70", datatype=XSD.decimal)),
        (s, URIRef(fkg + "startChar"), Literal(0, datatype=XSD.nonNegativeInteger)),
        (s, URIRef(fkg + "season"), Literal("2024", datatype=XSD.gYear)),
        (s, URIRef(fkg + "afterExtraTime"), Literal(True)),
        (s, URIRef("http://purl.org/dc/terms/date"), Literal("2024-02-29", datatype=XSD.date)),
        (s, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("\u00dcnal", lang="tr")),
    ]
    ttl, trig = tmp_path / "hostile.ttl", tmp_path / "hostile.trig"
    ttl.write_text(serialize.turtle(triples), encoding="utf-8")
    article = URIRef("https://w3id.org/football-kg/id/article/a")
    trig.write_text(serialize.trig(triples, {article: triples}), encoding="utf-8")
    check_agreement(rio, [ttl, trig])
    read = {q.object.value for q in oxigraph_quads(ttl)}
    assert set(HOSTILE) <= read


@pytest.mark.parametrize("line,why", [
    ('<http://a> <http://b> "2024-02-30"^^<http://www.w3.org/2001/XMLSchema#date> .',
     "not a valid value"),
    ('<http://a> <http://b> "0.7x"^^<http://www.w3.org/2001/XMLSchema#decimal> .',
     "not a valid value"),
    ('<http://a> <http://b> "x"^^<http://example.org/my-type> .', "could not be verified"),
], ids=["ill-typed-date", "ill-typed-decimal", "unknown-datatype"])
def test_rio_is_strict(rio, tmp_path, line, why):
    """The checks are on: Rio rejects what rdflib and Oxigraph accept (so our other parsers
    cannot stand in for it)."""
    bad = tmp_path / "bad.ttl"
    bad.write_text(line + "\n", encoding="utf-8")
    done = rio([bad], check=False)
    assert done.returncode == 1 and why in done.stderr and "ERROR line 1" in done.stderr
    assert len(oxigraph_quads(bad)) == 1


@pytest.mark.model
def test_an_impossible_article_date_is_not_written(rio, tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("date 2024-02-30\n"
                   "Liverpool beat Chelsea 1-0 in the League Cup final at Wembley.\n",
                   encoding="utf-8")
    from kg.pipeline import build

    build([str(src)], tmp_path / "out")
    rio([tmp_path / "out" / "graph.ttl"])
