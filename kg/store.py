"""`store`: the graph in other RDF engines.

- `open_store` / `run_oxigraph`: run a query in an in-process Oxigraph store (pyoxigraph), the
  `kg query --engine oxigraph` path, with the same (columns, rows) shape as `kg.query.run_query`.
- `OxigraphServer` / `serve`: a SPARQL 1.1 Protocol endpoint on the loopback interface, served by
  the real `oxigraph` server (the `oxigraph` package from PyPI ships it), read-only.
- `load_sparql`: upload a graph to any store through the SPARQL 1.1 Graph Store HTTP Protocol
  (GraphDB's `/repositories/ID/rdf-graphs/service`, Oxigraph's `/store`, Fuseki's `/DATASET/data`).

Both engines here read the default graph of a query as the union of all graphs, as
`kg.graphio.load_graph` (an rdflib `Dataset(default_union=True)`) and GraphDB do, so a query
gives the same answer wherever it runs. Evidence lives in per-article named graphs; the named
queries read it through `GRAPH ?g { }`, which is why they also run unchanged in a store whose
default graph is only the default graph (Fuseki, a plain `oxigraph serve`).
"""

from __future__ import annotations

import atexit
import base64
import ipaddress
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from kg.errors import DataError, Errors, GraphError, StoreError
from kg.graphio import graph_file

# Oxigraph's formats by file suffix, for the suffixes kg.graphio.load_graph reads.
_FORMATS = {".ttl": "TURTLE", ".trig": "TRIG", ".nt": "N_TRIPLES", ".nq": "N_QUADS",
            ".jsonld": "JSON_LD"}
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\x00-\x20<>\"{}|^`\\]*$")

DEFAULT_TIMEOUT = 60.0   # seconds for one HTTP request to a store
START_TIMEOUT = 60.0     # seconds for `oxigraph` to load the graph and answer


# ---------------------------------------------------------------- reading graph files

def _format(p: Path):
    import pyoxigraph

    return getattr(pyoxigraph.RdfFormat, _FORMATS.get(p.suffix.lower(), "TURTLE"))


def _first_line(err: BaseException) -> str:
    lines = str(err).strip().splitlines()
    return (lines[0] if lines else type(err).__name__)[:200]


def read_quads(path: str | Path) -> dict[Any, list]:
    """The graph file's triples grouped by graph: pyoxigraph `DefaultGraph()` or a `NamedNode` ->
    its triples (distinct, in file order)."""
    import pyoxigraph

    p = graph_file(path)
    fmt = _format(p)
    graphs: dict[Any, dict] = {}
    try:
        for quad in pyoxigraph.parse(path=str(p), format=fmt):
            graphs.setdefault(quad.graph_name, {})[quad.triple] = None
    except (SyntaxError, ValueError, OSError) as err:
        raise GraphError(Errors.E005.format(path=p, format=fmt, why=_first_line(err))) from None
    return {g: list(triples) for g, triples in graphs.items()}


# ---------------------------------------------------------------- the oxigraph query engine

def open_store(graph: Any):
    """An in-memory pyoxigraph Store holding the graph: from a path (output folder or file), an
    rdflib Graph/Dataset, or a Store (returned as it is)."""
    import pyoxigraph

    if isinstance(graph, pyoxigraph.Store):
        return graph
    store = pyoxigraph.Store()
    if isinstance(graph, (str, Path)):
        p = graph_file(graph)
        fmt = _format(p)
        try:
            store.bulk_load(path=str(p), format=fmt)
        except (SyntaxError, ValueError, OSError) as err:
            raise GraphError(Errors.E005.format(path=p, format=fmt, why=_first_line(err))) from None
        return store
    # an rdflib graph: through N-Quads, which keeps named graphs
    data = graph.serialize(format="nquads" if hasattr(graph, "graphs") else "nt", encoding="utf-8")
    store.bulk_load(data, format=pyoxigraph.RdfFormat.N_QUADS if hasattr(graph, "graphs")
                    else pyoxigraph.RdfFormat.N_TRIPLES)
    return store


def to_oxigraph(node: Any):
    """An rdflib term as a pyoxigraph term."""
    import pyoxigraph
    from rdflib import BNode, Literal, URIRef

    if isinstance(node, URIRef):
        return pyoxigraph.NamedNode(str(node))
    if isinstance(node, BNode):
        return pyoxigraph.BlankNode(str(node))
    if isinstance(node, Literal):
        if node.language:
            return pyoxigraph.Literal(str(node), language=node.language)
        if node.datatype is not None:
            return pyoxigraph.Literal(str(node), datatype=pyoxigraph.NamedNode(str(node.datatype)))
        return pyoxigraph.Literal(str(node))
    raise TypeError(f"not an RDF term: {node!r}")


def to_rdflib(node: Any):
    """A pyoxigraph term as an rdflib term (None stays None). Simple literals (xsd:string) get no
    datatype, as rdflib gives them."""
    import pyoxigraph
    from rdflib import BNode, Literal, URIRef

    if node is None:
        return None
    if isinstance(node, pyoxigraph.NamedNode):
        return URIRef(node.value)
    if isinstance(node, pyoxigraph.BlankNode):
        return BNode(node.value)
    if isinstance(node, pyoxigraph.Literal):
        if node.language:
            return Literal(node.value, lang=node.language)
        datatype = node.datatype.value
        if datatype in (_XSD_STRING, _RDF_LANG_STRING):
            return Literal(node.value)
        return Literal(node.value, datatype=URIRef(datatype))
    return Literal(str(node))  # an RDF-star triple term: shown as text


def run_oxigraph(graph: Any, query_text: str,
                 params: Mapping[str, str] | None = None) -> tuple[list[str], list[tuple]]:
    """`kg.query.run_query` on Oxigraph: the same checks, the same parameter terms (bound through
    Oxigraph's `substitutions`, never pasted into the text), the same (columns, rows) shape with
    rdflib terms. `graph` is a Store, a path or an rdflib graph (see `open_store`)."""
    import pyoxigraph

    from kg.bindings import bindings as bind
    from kg.serialize import PREFIXES

    store = open_store(graph)
    bindings = bind(query_text, params or {})
    substitutions = {pyoxigraph.Variable(name): to_oxigraph(term)
                     for name, term in bindings.items()}
    try:
        result = store.query(query_text, prefixes=dict(PREFIXES), use_default_graph_as_union=True,
                             substitutions=substitutions)
    except SyntaxError as err:
        raise DataError(Errors.E004.format(why=_first_line(err))) from None
    except Exception as err:  # OSError, ValueError from the engine
        raise DataError(Errors.E050.format(why=_first_line(err))) from None
    from rdflib import Literal

    try:
        if isinstance(result, pyoxigraph.QueryBoolean):
            return ["ask"], [(Literal(bool(result)),)]
        if isinstance(result, pyoxigraph.QueryTriples):
            triples = [tuple(to_rdflib(t) for t in (x.subject, x.predicate, x.object))
                       for x in result]
            triples.sort(key=lambda t: tuple(n.n3() for n in t))
            return ["subject", "predicate", "object"], triples
        variables = list(result.variables)
        columns = [v.value for v in variables]
        converted: dict[Any, Any] = {}  # terms repeat across rows (labels, IRIs): convert each once

        def convert(term: Any) -> Any:
            if term is None:
                return None
            found = converted.get(term)
            if found is None:
                found = converted[term] = to_rdflib(term)
            return found

        rows = [tuple(convert(solution[v]) for v in variables) for solution in result]
    except Exception as err:  # evaluation errors surface while iterating
        raise DataError(Errors.E050.format(why=_first_line(err))) from None
    return columns, rows


# ---------------------------------------------------------------- the oxigraph server

def oxigraph_binary() -> str:
    """Path of the `oxigraph` server program (PyPI package `oxigraph`), or a StoreError."""
    found = shutil.which("oxigraph")
    beside = Path(sys.executable).parent / "oxigraph"
    if not found and beside.is_file() and os.access(beside, os.X_OK):
        found = str(beside)
    if not found:
        raise StoreError(Errors.E074)
    return found


def _is_loopback(host: str | None) -> bool:
    if not host:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def _open(request: urllib.request.Request | str, timeout: float):
    """urlopen, but a loopback address never goes through an http_proxy from the environment."""
    url = request.full_url if isinstance(request, urllib.request.Request) else request
    if _is_loopback(urllib.parse.urlsplit(url).hostname):
        return _DIRECT.open(request, timeout=timeout)
    return urllib.request.urlopen(request, timeout=timeout)


def _check_loopback(host: str) -> None:
    if _is_loopback(host):
        return
    raise StoreError(Errors.E075.format(host=host))


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that nothing listens on at the moment."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.bind((host.strip("[]"), 0))
        return s.getsockname()[1]


def _bind(host: str, port: int) -> str:
    return f"[{host.strip('[]')}]:{port}" if ":" in host else f"{host}:{port}"


class OxigraphServer:
    """A running `oxigraph` server process on a loopback port, stopped by `stop()` (or at exit).

    `OxigraphServer.start(graph)` loads the graph into a temporary database and serves it
    read-only; `OxigraphServer.start(None, read_only=False)` serves an empty in-memory store that
    accepts updates and Graph Store Protocol uploads at `store_url`.
    """

    def __init__(self, process: subprocess.Popen, host: str, port: int, workdir: Path,
                 read_only: bool) -> None:
        self.process = process
        self.host = host
        self.port = port
        self.workdir = workdir
        self.read_only = read_only
        self._lock = threading.Lock()
        atexit.register(self.stop)

    @property
    def url(self) -> str:
        host = f"[{self.host.strip('[]')}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def query_url(self) -> str:
        """The SPARQL 1.1 Protocol query endpoint."""
        return self.url + "/query"

    @property
    def update_url(self) -> str:
        return self.url + "/update"

    @property
    def store_url(self) -> str:
        """The SPARQL 1.1 Graph Store HTTP Protocol endpoint."""
        return self.url + "/store"

    @classmethod
    def start(cls, graph_path: str | Path | None, port: int = 0, host: str = "127.0.0.1",
              union: bool = True, read_only: bool = True,
              timeout: float = START_TIMEOUT) -> OxigraphServer:
        _check_loopback(host)
        binary = oxigraph_binary()
        source = graph_file(graph_path) if graph_path is not None else None
        workdir = Path(tempfile.mkdtemp(prefix="kg-oxigraph-"))
        try:
            location = None
            if source is not None:
                location = workdir / "db"
                ext = source.suffix.lower() if source.suffix.lower() in _FORMATS else ".ttl"
                _load([binary, "load", "--location", str(location), "--file", str(source),
                       "--format", ext[1:]], source, timeout)
            elif read_only:
                raise StoreError(Errors.E076)
            tries = 3 if port == 0 else 1
            for attempt in range(tries):
                chosen = port or free_port(host)
                cmd = [binary, "serve-read-only" if read_only else "serve",
                       "--bind", _bind(host, chosen)]
                if location is not None:
                    cmd += ["--location", str(location)]
                if union:
                    cmd.append("--union-default-graph")
                log = (workdir / "server.log").open("wb")
                process = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log,
                                           stderr=subprocess.STDOUT, start_new_session=True,
                                           env=_child_env())
                log.close()
                server = cls(process, host, chosen, workdir, read_only)
                try:
                    server._wait_ready(timeout)
                except StoreError:
                    server.stop(keep_workdir=True)
                    if attempt + 1 == tries or "in use" not in server.log_text().lower():
                        raise
                    continue  # another program took the free port first: pick another
                except BaseException:  # Ctrl-C while waiting: never leave the server behind
                    server.stop(keep_workdir=True)
                    raise
                return server
            raise AssertionError("unreachable")
        except BaseException:
            shutil.rmtree(workdir, ignore_errors=True)
            raise

    def log_text(self) -> str:
        try:
            return (self.workdir / "server.log").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    def _wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        probe = self.query_url + "?" + urllib.parse.urlencode({"query": "ASK {}"})
        while True:
            if self.process.poll() is not None:
                why = _oxigraph_error(self.log_text())
                raise StoreError(Errors.E080.format(url=self.url, why=why) if why else
                                 Errors.E081.format(url=self.url, status=self.process.returncode))
            try:
                with _open(probe, timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            if time.monotonic() > deadline:
                raise StoreError(Errors.E082.format(url=self.url, timeout=timeout))
            time.sleep(0.1)

    def stop(self, keep_workdir: bool = False) -> None:
        """Stop the server process and remove its temporary database. Safe to call twice."""
        with self._lock:
            if self.process.poll() is None:
                self.process.terminate()
                try:
                    self.process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait(timeout=10)
            if not keep_workdir:
                shutil.rmtree(self.workdir, ignore_errors=True)
        try:
            atexit.unregister(self.stop)
        except Exception:
            pass

    def __enter__(self) -> OxigraphServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _child_env() -> dict[str, str]:
    """The environment for `oxigraph`: no Rust backtraces in its error output."""
    return {**os.environ, "RUST_BACKTRACE": "0", "RUST_LIB_BACKTRACE": "0"}


def _oxigraph_error(text: str) -> str:
    """The first error line of oxigraph's output (without its `Error:`), else its first line."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    for ln in lines:
        if "error" in ln.lower():
            return (ln[len("Error:"):].strip() if ln.startswith("Error:") else ln)[:240]
    return lines[0][:240] if lines else ""


def _load(cmd: list[str], source: Path, timeout: float) -> None:
    """Run `oxigraph load` (``cmd``) quietly: its output only shows in the error if it fails."""
    try:
        done = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout,
                              env=_child_env())
    except subprocess.TimeoutExpired:
        raise StoreError(Errors.E079.format(path=source, timeout=timeout)) from None
    if done.returncode != 0:
        why = _oxigraph_error(done.stderr.decode("utf-8", "replace") + "\n"
                              + done.stdout.decode("utf-8", "replace"))
        raise StoreError(Errors.E077.format(path=source, why=why) if why else
                         Errors.E078.format(path=source, status=done.returncode))


@contextmanager
def running(graph_path: str | Path | None, **kwargs: Any) -> Iterator[OxigraphServer]:
    """`with running(graph) as server:` a server that is stopped when the block ends."""
    server = OxigraphServer.start(graph_path, **kwargs)
    try:
        yield server
    finally:
        server.stop()


def serve(graph_path: str | Path, port: int = 0, host: str = "127.0.0.1",
          on_ready: Callable[[OxigraphServer], None] | None = None) -> int:
    """Serve the graph as a read-only SPARQL 1.1 Protocol endpoint (`/query`, GET or POST, JSON,
    XML, CSV and TSV results) on the loopback interface until interrupted (Ctrl-C or SIGTERM).

    `port=0` picks a free port. `on_ready(server)` is called once the endpoint answers (the CLI
    prints `server.query_url` there). Returns 0 on a requested stop; a StoreError if the server
    cannot start or dies.
    """
    server = OxigraphServer.start(graph_path, port=port, host=host)
    previous: dict[int, Any] = {}
    if threading.current_thread() is threading.main_thread():
        def _stop(signum, frame):  # SIGTERM, and SIGINT even where it was ignored, end the wait
            raise KeyboardInterrupt
        for sig in (signal.SIGTERM, signal.SIGINT):
            previous[sig] = signal.signal(sig, _stop)
    try:
        if on_ready is not None:
            on_ready(server)
        while True:
            try:
                code = server.process.wait(timeout=0.5)
            except subprocess.TimeoutExpired:
                continue
            why = _oxigraph_error(server.log_text())
            raise StoreError(Errors.E084.format(status=code, why=why) if why else
                             Errors.E083.format(status=code))
    except KeyboardInterrupt:
        return 0
    finally:
        server.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)


# ---------------------------------------------------------------- Graph Store Protocol upload

def _target_url(endpoint: str, graph: str | None) -> str:
    sep = "&" if "?" in endpoint else "?"
    if graph is None:
        return f"{endpoint}{sep}default"
    return f"{endpoint}{sep}" + urllib.parse.urlencode({"graph": graph})


def _auth_header() -> dict[str, str]:
    user = os.environ.get("KG_STORE_USER")
    if not user:
        return {}
    password = os.environ.get("KG_STORE_PASSWORD", "")
    token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
    return {"Authorization": f"Basic {token}"}


def _send(method: str, url: str, body: bytes, content_type: str, timeout: float) -> int:
    request = urllib.request.Request(url, data=body, method=method,
                                     headers={"Content-Type": content_type, **_auth_header()})
    try:
        with _open(request, timeout) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as err:
        try:
            text = err.read(2000).decode("utf-8", "replace")
        except Exception:
            text = ""
        first = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
        status = " ".join(str(part) for part in (err.code, err.reason) if part)  # "404 Not Found"
        message = (Errors.E006.format(method=method, url=url, status=status, detail=first[:200])
                   if first else Errors.E067.format(method=method, url=url, status=status))
        raise StoreError(message) from None
    except urllib.error.URLError as err:
        reason = err.reason
        if isinstance(reason, ConnectionRefusedError):
            raise StoreError(Errors.E068.format(method=method, url=url)) from None
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise StoreError(Errors.E069.format(method=method, url=url, timeout=timeout)) from None
        why = _first_line(reason) if isinstance(reason, BaseException) else str(reason)
        raise StoreError(Errors.E070.format(method=method, url=url, why=why)) from None
    except (TimeoutError, socket.timeout):
        raise StoreError(Errors.E069.format(method=method, url=url, timeout=timeout)) from None
    except (ConnectionError, OSError) as err:
        raise StoreError(Errors.E070.format(method=method, url=url, why=_first_line(err))) from None


def load_sparql(graph_path: str | Path, endpoint: str, graph_iri: str | None = None,
                replace: bool = False, timeout: float = DEFAULT_TIMEOUT) -> list[tuple[str, int]]:
    """Upload a graph through the SPARQL 1.1 Graph Store HTTP Protocol.

    `endpoint` is the store's Graph Store service: GraphDB
    `http://HOST:7200/repositories/ID/rdf-graphs/service`, Oxigraph `http://HOST:7878/store`,
    Fuseki `http://HOST:3030/DATASET/data`. The default graph (the facts) goes to `?default`, or to
    `?graph=graph_iri` when one is given; each named graph of a TriG file (an article's evidence)
    goes to its own `?graph=IRI`. Every graph is one request: POST adds to what the store holds,
    PUT (`replace=True`) replaces each graph we send; graphs we do not send are left alone.

    Basic authentication: the user and password come from the environment variables
    `KG_STORE_USER` and `KG_STORE_PASSWORD`. Returns (target, triples) per request, in order.
    """
    import pyoxigraph

    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise StoreError(Errors.E071.format(url=endpoint))
    if graph_iri is not None and not _IRI.match(graph_iri):
        raise StoreError(Errors.E072.format(iri=graph_iri))
    graphs = read_quads(graph_path)
    default = pyoxigraph.DefaultGraph()
    order: list[tuple[Any, str | None]] = [(default, graph_iri)]
    named = sorted((g for g in graphs if g != default), key=lambda g: g.value)
    if graph_iri is not None and any(g.value == graph_iri for g in named):
        raise StoreError(Errors.E073.format(iri=graph_iri, path=graph_path))
    order += [(g, g.value) for g in named]
    method = "PUT" if replace else "POST"
    done: list[tuple[str, int]] = []
    for g, target in order:
        triples = graphs.get(g, [])
        if not triples and not (replace and g == default):
            continue
        body = (pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES)
                if triples else b"")
        _send(method, _target_url(endpoint, target), body,
              "application/n-triples; charset=utf-8", timeout)
        done.append(("default" if target is None else target, len(triples)))
    return done
