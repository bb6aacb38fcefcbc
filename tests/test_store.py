"""kg.store against real engines: the `oxigraph` server (SPARQL 1.1 Protocol and Graph Store
HTTP Protocol) started on a free loopback port by the fixtures and stopped by them, and
pyoxigraph as the `engine="oxigraph"` of run_query.

Tests marked `model` use graphs built from seeds/ and tests/articles/; the others use the
hand-written tests/data/mini.trig.
"""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Dataset, Literal, URIRef

from kg.errors import DataError, GraphError
from kg.graphio import load_graph
from kg.query import list_queries, load_query, run_query
from kg.store import (OxigraphServer, StoreError, free_port, load_sparql, open_store, read_quads,
                      running, serve)
from oxigraph_server import comparable, http, norm, require_oxigraph_server, select_json

ROOT = Path(__file__).resolve().parents[1]
MINI = ROOT / "tests" / "data" / "mini.trig"
NAMES = [name for name, _ in list_queries()]
ID = "https://w3id.org/football-kg/id/"
FKG = "https://w3id.org/football-kg/ontology#"


# ---------------------------------------------------------------- fixtures

@pytest.fixture()
def writable():
    """A plain in-memory `oxigraph serve` (read-write, default graph = the default graph only,
    as in Fuseki), on a free loopback port; stopped, and checked stopped, at the end."""
    require_oxigraph_server()
    server = OxigraphServer.start(None, read_only=False, union=False)
    yield server
    server.stop()
    assert server.process.poll() is not None
    assert not server.workdir.exists()


@pytest.fixture(scope="module")
def corpus_out(build_graph) -> Path:
    """seeds/ and tests/articles/ built together (needs the language model)."""
    return build_graph(ROOT / "seeds", ROOT / "tests" / "articles")


def store_quads(server: OxigraphServer) -> set:
    """Everything the server holds, read back through a SPARQL query."""
    q = "SELECT ?s ?p ?o ?g WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
    _, rows = select_json(server.query_url, q)
    return {tuple(norm(c) for c in r) for r in rows}


def file_quads(path: Path) -> set:
    quads = set()
    for g, triples in read_quads(path).items():
        name = None if isinstance(g, pyoxigraph.DefaultGraph) else g.value
        for t in triples:
            quads.add((t.subject.value, t.predicate.value, norm(t.object.value), name))
    return quads


def gsp_get(server: OxigraphServer, graph: str | None) -> set:
    """One graph read back through the Graph Store Protocol (GET), as (s, p, o) values."""
    target = "default" if graph is None else urllib.parse.urlencode({"graph": graph})
    status, ctype, body = http(f"{server.store_url}?{target}",
                               headers={"Accept": "application/n-triples"})
    assert status == 200 and ctype.startswith("application/n-triples")
    return {(t.subject.value, t.predicate.value, norm(t.object.value))
            for t in pyoxigraph.parse(body, format=pyoxigraph.RdfFormat.N_TRIPLES)}


def assert_named_queries_match_local(query_url: str, graph_path: Path) -> None:
    local = load_graph(graph_path)
    for name in NAMES:
        text = load_query(name)
        columns, rows = run_query(local, text)
        http_columns, http_rows = select_json(query_url, text)
        assert http_columns == columns, name
        assert comparable(http_rows) == comparable(rows), name


# ---------------------------------------------------------------- Graph Store Protocol upload

def test_upload_puts_default_and_named_graphs_in_place(writable):
    sent = load_sparql(MINI, writable.store_url)
    graphs = read_quads(MINI)
    assert sent[0] == ("default", len(graphs[pyoxigraph.DefaultGraph()]))
    assert len(sent) == len(graphs) and all(n > 0 for _, n in sent)
    assert [t for t, _ in sent[1:]] == sorted(t for t, _ in sent[1:])
    assert store_quads(writable) == file_quads(MINI)
    ds = Dataset()
    ds.parse(MINI, format="trig")
    for g in ds.graphs():
        name = str(g.identifier)
        if name.startswith(ID + "article/"):
            assert gsp_get(writable, name) == {tuple(norm(str(x)) for x in t) for t in g}


def test_named_queries_over_http_match_local_on_mini(writable):
    load_sparql(MINI, writable.store_url)
    assert_named_queries_match_local(writable.query_url, MINI)


@pytest.mark.model
def test_named_queries_over_http_match_local_on_built_graph(writable, corpus_out):
    sent = load_sparql(corpus_out, writable.store_url)
    assert sum(n for _, n in sent) == len(file_quads(corpus_out / "graph.trig"))
    assert store_quads(writable) == file_quads(corpus_out / "graph.trig")
    assert_named_queries_match_local(writable.query_url, corpus_out)


@pytest.mark.model
def test_turtle_upload_holds_the_facts(writable, corpus_out):
    load_sparql(corpus_out / "graph.ttl", writable.store_url)
    assert gsp_get(writable, None) == {q[:3] for q in file_quads(corpus_out / "graph.ttl")}
    _, rows = select_json(writable.query_url, "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1")
    assert rows == []


def _changed_copy(tmp_path: Path) -> Path:
    """mini.trig with a fact dropped, a fact added and one evidence triple dropped."""
    ds = Dataset()
    ds.parse(MINI, format="trig")
    default = ds.default_graph if hasattr(ds, "default_graph") else ds.default_context
    dropped = sorted(default, key=lambda t: tuple(map(str, t)))[0]
    default.remove(dropped)
    default.add((URIRef(ID + "club/liverpool"), URIRef(FKG + "won"), URIRef(ID + "trophy/fa-cup")))
    article = next(g for g in ds.graphs() if str(g.identifier).startswith(ID + "article/"))
    article.remove(sorted(article, key=lambda t: tuple(map(str, t)))[0])
    out = tmp_path / "changed.trig"
    ds.serialize(out, format="trig")
    return out


def test_replace_replaces_and_post_appends(writable, tmp_path):
    changed = _changed_copy(tmp_path)
    load_sparql(MINI, writable.store_url)
    load_sparql(changed, writable.store_url, replace=True)
    assert store_quads(writable) == file_quads(changed)
    # without --replace a second upload adds: the store then holds both versions
    load_sparql(MINI, writable.store_url)
    assert store_quads(writable) == file_quads(changed) | file_quads(MINI)
    # both files have the same graphs, so replacing each of them gives back the first version
    load_sparql(MINI, writable.store_url, replace=True)
    assert store_quads(writable) == file_quads(MINI)


def test_replace_with_an_empty_default_graph_clears_it(writable, tmp_path):
    load_sparql(MINI, writable.store_url)
    only_named = tmp_path / "named.nq"
    only_named.write_text("<https://example.org/s> <https://example.org/p> <https://example.org/o> "
                          "<https://example.org/g> .\n", encoding="utf-8")
    sent = load_sparql(only_named, writable.store_url, replace=True)
    assert sent[0] == ("default", 0)
    assert gsp_get(writable, None) == set()
    assert gsp_get(writable, "https://example.org/g") == {
        ("https://example.org/s", "https://example.org/p", "https://example.org/o")}


def test_graph_option_sends_the_facts_to_a_named_graph(writable):
    target = "https://example.org/graphs/football"
    sent = load_sparql(MINI, writable.store_url, graph_iri=target)
    assert sent[0][0] == target
    assert gsp_get(writable, None) == set()
    assert gsp_get(writable, target) == {q[:3] for q in file_quads(MINI) if q[3] is None}
    with pytest.raises(StoreError, match="also a named graph"):
        load_sparql(MINI, writable.store_url, graph_iri=ID + "article/a1")
    with pytest.raises(StoreError, match="not an absolute IRI"):
        load_sparql(MINI, writable.store_url, graph_iri="no iri here")


def one_line(err: pytest.ExceptionInfo) -> str:
    text = str(err.value)
    assert "\n" not in text and re.match(r"\[E0\d\d\] ", text)
    return text


def test_http_4xx_is_a_one_line_error(writable):
    with pytest.raises(StoreError) as err:
        load_sparql(MINI, writable.url + "/no-such-service")
    assert " HTTP 404" in one_line(err) and "/no-such-service?default" in str(err.value)
    # the read-only server `kg serve` starts refuses uploads
    with running(MINI) as served:
        with pytest.raises(StoreError) as err:
            load_sparql(MINI, served.store_url, replace=True)
        assert one_line(err).startswith(f"[E006] PUT {served.store_url}?default: HTTP 403")


def test_connection_refused_is_a_one_line_error():
    port = free_port()
    with pytest.raises(StoreError) as err:
        load_sparql(MINI, f"http://127.0.0.1:{port}/store", timeout=5)
    assert "connection refused" in one_line(err)


def test_a_silent_server_times_out():
    with socket.socket() as silent:  # accepts connections (backlog), never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(4)
        port = silent.getsockname()[1]
        with pytest.raises(StoreError) as err:
            load_sparql(MINI, f"http://127.0.0.1:{port}/store", timeout=1)
    assert "no answer within 1 s" in one_line(err)


@pytest.mark.parametrize("endpoint", ["ftp://127.0.0.1/store", "127.0.0.1:7878/store", ""])
def test_endpoint_must_be_an_http_url(endpoint):
    with pytest.raises(StoreError, match="http"):
        load_sparql(MINI, endpoint)


def test_missing_graph_is_a_graph_error(tmp_path):
    with pytest.raises(GraphError):
        load_sparql(tmp_path / "nothing", "http://127.0.0.1:9/store")
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .\n", encoding="utf-8")
    with pytest.raises(GraphError) as err:
        load_sparql(bad, "http://127.0.0.1:9/store")
    assert "\n" not in str(err.value)


# ---------------------------------------------------------------- the served endpoint

def test_served_endpoint_answers_the_protocol():
    require_oxigraph_server()
    with running(MINI) as server:
        assert server.host == "127.0.0.1" and server.url.startswith("http://127.0.0.1:")
        assert_named_queries_match_local(server.query_url, MINI)
        q = load_query("squad")
        rows = {how: select_json(server.query_url, q, how)[1]
                for how in ("get", "post-form", "post-query")}
        assert rows["get"] == rows["post-form"] == rows["post-query"] and len(rows["get"]) == 3
        url = server.query_url + "?" + urllib.parse.urlencode({"query": q})
        for accept, ctype, marker in [
                ("text/csv", "text/csv", b"club,clubLabel,player,playerLabel,captain"),
                ("text/tab-separated-values", "text/tab-separated-values", b"?club\t?clubLabel"),
                ("application/sparql-results+xml", "application/sparql-results+xml", b"<sparql")]:
            status, got, body = http(url, headers={"Accept": accept})
            assert status == 200 and got.startswith(ctype) and marker in body, (accept, body[:80])
        # the default graph is the union of all graphs, as in `kg query` and GraphDB
        count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
        assert select_json(server.query_url, count)[1] == [[str(len(file_quads(MINI)))]]
        with pytest.raises(urllib.error.HTTPError) as err:
            http(server.update_url, b"DROP ALL",
                 headers={"Content-Type": "application/sparql-update"})
        assert 400 <= err.value.code < 500
        assert select_json(server.query_url, count)[1] == [[str(len(file_quads(MINI)))]]
    with pytest.raises(urllib.error.URLError):
        http(server.query_url + "?query=ASK%7B%7D")
    assert server.process.poll() is not None and not server.workdir.exists()


@pytest.mark.model
def test_served_built_graph_matches_local(corpus_out):
    require_oxigraph_server()
    with running(corpus_out) as server:
        assert_named_queries_match_local(server.query_url, corpus_out)


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_serve_runs_until_stopped(stop):
    """`serve` as `kg serve` runs it: a blocking call that announces its URL and stops the
    server on SIGTERM or Ctrl-C (SIGINT)."""
    require_oxigraph_server()
    code = ("import sys; from kg.store import serve; "
            "sys.exit(serve(sys.argv[1], on_ready=lambda s: print(s.query_url, flush=True)))")
    proc = subprocess.Popen([sys.executable, "-c", code, str(MINI)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        line: list[str] = []
        reader = threading.Thread(target=lambda: line.append(proc.stdout.readline()), daemon=True)
        reader.start()
        reader.join(timeout=60)
        assert line and line[0].startswith("http://127.0.0.1:"), (
            proc.stderr.read() if proc.poll() is not None else "no URL announced")
        url = line[0].strip()
        _, rows = select_json(url, load_query("managers"))
        assert len(rows) == len(run_query(load_graph(MINI), load_query("managers"))[1])
        proc.send_signal(stop)
        assert proc.wait(timeout=30) == 0
        with pytest.raises(urllib.error.URLError):
            http(url + "?query=ASK%7B%7D")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)


@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.1", "example.org"])
def test_serve_listens_on_loopback_only(host):
    with pytest.raises(StoreError, match="loopback"):
        serve(MINI, host=host)


def test_a_taken_port_is_a_clear_error():
    require_oxigraph_server()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        with pytest.raises(StoreError) as err:
            OxigraphServer.start(MINI, port=port, timeout=30)
    assert f"127.0.0.1:{port}" in one_line(err)


def test_serve_needs_a_graph(tmp_path):
    with pytest.raises(GraphError):
        serve(tmp_path / "nothing")


# ---------------------------------------------------------------- engine="oxigraph"

def both(graph, path, text, params=None):
    a = run_query(graph, text, params)
    b = run_query(path, text, params, engine="oxigraph")
    assert a[0] == b[0]
    return a[1], b[1]


@pytest.mark.parametrize("name", NAMES)
def test_engines_agree_on_mini(name):
    rows, ox = both(load_graph(MINI), MINI, load_query(name))
    assert comparable(ox, ordered=True) == comparable(rows, ordered=True)


@pytest.mark.model
def test_engines_agree_on_seeds(seeds_out):
    graph, store = load_graph(seeds_out), open_store(seeds_out)
    for name in NAMES:
        rows, ox = both(graph, store, load_query(name))
        assert comparable(ox, ordered=True) == comparable(rows, ordered=True), name
        assert [tuple(type(c) for c in r) for r in ox] == [tuple(type(c) for c in r) for r in rows]
    for name, params in [("squad", {"club": "club:liverpool"}),
                         ("trophies", {"winner": "club:liverpool"}),
                         ("evidence", {"s": "player:virgil-van-dijk"}),
                         ("entities", {"class": "fkg:Manager"})]:
        rows, ox = both(graph, store, load_query(name), params)
        assert rows, (name, params)
        assert comparable(ox, ordered=True) == comparable(rows, ordered=True), (name, params)


@pytest.mark.model
def test_engines_agree_on_the_article_corpus(corpus_out):
    graph, store = load_graph(corpus_out), open_store(corpus_out)
    for name in NAMES:
        rows, ox = both(graph, store, load_query(name))
        assert comparable(ox, ordered=True) == comparable(rows, ordered=True), name


def test_oxigraph_engine_terms_and_forms():
    store = open_store(MINI)
    assert open_store(store) is store
    cols, rows = run_query(store, load_query("squad"), {"club": "club:liverpool"},
                           engine="oxigraph")
    got = [dict(zip(cols, r)) for r in rows]
    assert [str(r["playerLabel"]) for r in got] == ["Mohamed Salah", "Virgil van Dijk"]
    assert [r["captain"].toPython() for r in got] == [False, True]
    assert got[0]["club"] == URIRef(ID + "club/liverpool")
    assert got[0]["playerLabel"] == Literal("Mohamed Salah")  # no xsd:string datatype
    cols, rows = run_query(store, "ASK { club:liverpool fkg:defeated ?x }", engine="oxigraph")
    assert cols == ["ask"] and rows[0][0].toPython() is True
    cols, rows = run_query(store, "CONSTRUCT { ?p fkg:playsFor club:chelsea } "
                                  "WHERE { ?p fkg:playsFor club:chelsea }", engine="oxigraph")
    assert cols == ["subject", "predicate", "object"] and len(rows) == 1
    # an rdflib graph works too
    cols, rows = run_query(load_graph(MINI), "SELECT ?c WHERE { ?c a fkg:Club } ORDER BY ?c",
                           engine="oxigraph")
    assert [r[0] for r in rows] == [URIRef(ID + "club/chelsea"), URIRef(ID + "club/liverpool")]


@pytest.mark.parametrize("value", ['club:liverpool" } ; DROP ALL', "} ; DROP ALL", "Liverpool"])
def test_oxigraph_engine_binds_hostile_values_as_literals(value):
    store = open_store(MINI)
    before = len(store)
    _, rows = run_query(store, load_query("squad"), {"club": value}, engine="oxigraph")
    assert rows == [] and len(store) == before


def test_oxigraph_engine_errors_are_one_line():
    store = open_store(MINI)
    with pytest.raises(DataError) as err:
        run_query(store, "SELECT ?s WHERE { ?s ?p ", engine="oxigraph")
    assert str(err.value).startswith("[E004] bad SPARQL") and "\n" not in str(err.value)
    with pytest.raises(DataError, match=r"no variable \?clubb"):
        run_query(store, load_query("squad"), {"clubb": "club:liverpool"}, engine="oxigraph")
    with pytest.raises(DataError, match="unknown engine"):
        run_query(store, load_query("squad"), engine="jena")


def test_an_unparsable_graph_is_a_one_line_error(tmp_path):
    require_oxigraph_server()
    bad = tmp_path / "bad.nt"
    bad.write_text("<a> <b> .\n", encoding="utf-8")
    with pytest.raises(StoreError) as err:
        OxigraphServer.start(bad)
    assert "line 1" in one_line(err) and str(bad) in str(err.value)
