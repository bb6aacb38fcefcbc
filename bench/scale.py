"""`python -m bench.scale`: a big build's memory, and how usable the big graph is.

    python -m bench.scale [--n 20000] [--seed 1] [--workers 2] [--keep DIR]

Writes an N-article synthetic corpus (`bench.make_corpus`), builds it with `kg build --workers W`
into a fresh cache (a subprocess, so its peak RSS, summed over the build and its workers and
sampled every 0.2 s, is the build's own), then loads the graph into pyoxigraph once and times each
named query (`queries/*.rq`, unbound), and times `kg viz` (the network page, node budget 2000).
rdflib is left out here: on a graph this size it takes minutes to load and some named queries
take hours; `python -m bench` compares the two engines on a smaller graph.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.__main__ import PeakRSS, _load, _mib
from bench.make_corpus import generate, write_corpus


def run(cmd: list[str]) -> tuple[float, int, int]:
    """(wall seconds, peak RSS summed over the command's process tree, exit status)."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    with PeakRSS(interval=0.2, pid=proc.pid) as rss:
        _, err = proc.communicate()
    if proc.returncode != 0:
        sys.stderr.write(err[-2000:])
    return time.perf_counter() - t, rss.peak, proc.returncode


def queries(out: Path) -> tuple[float, int, list[tuple[str, float, int, str, float, int]]]:
    """Load time, quad count, and for each named query on pyoxigraph: (name, unbound seconds,
    rows, the binding tried, bound seconds, rows). The binding is the query's first parameter set
    to the value in the first unbound row, as a user asking about one club or player would."""
    from kg.query import QUERY_DIR, query_params, run_query
    from kg.serialize import term
    from kg.store import open_store

    t = time.perf_counter()
    store = open_store(out / "graph.trig")
    load = time.perf_counter() - t
    rows = []
    for path in sorted(QUERY_DIR.glob("*.rq")):
        text = path.read_text("utf-8")
        t = time.perf_counter()
        columns, result = run_query(store, text, engine="oxigraph")
        unbound = time.perf_counter() - t
        binding, bound, n_bound = "", 0.0, 0
        params = [name for name, _ in query_params(text) if name in columns]
        if params and result:
            value = result[0][columns.index(params[0])]
            if value is not None:
                binding = f"{params[0]}={term(value)}"
                t = time.perf_counter()
                _, got = run_query(store, text, {params[0]: term(value)}, engine="oxigraph")
                bound, n_bound = time.perf_counter() - t, len(got)
        rows.append((path.stem, unbound, len(result), binding, bound, n_bound))
    return load, len(store), rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.scale", description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20000, help="articles (default 20000)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument("--workers", type=int, default=2, help="kg build --workers (default 2)")
    parser.add_argument("--keep", type=Path, default=None, help="keep corpus, cache and output here")
    args = parser.parse_args(argv)
    root = args.keep or Path(tempfile.mkdtemp(prefix="kg-scale-"))
    root.mkdir(parents=True, exist_ok=True)
    try:
        corpus, out, cache = root / "corpus", root / "out", root / "cache"
        if not corpus.is_dir() or len(list(corpus.iterdir())) != args.n:
            shutil.rmtree(corpus, ignore_errors=True)
            print(f"bench.scale: writing {args.n} articles", file=sys.stderr, flush=True)
            write_corpus(generate(args.n, args.seed), corpus, "txt", args.seed)
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)
        kg = [sys.executable, "-m", "kg"]
        load0 = _load()
        print("bench.scale: kg build", file=sys.stderr, flush=True)
        build_s, build_rss, status = run(kg + ["build", str(corpus), "--out", str(out), "--workers",
                                               str(args.workers), "--cache-dir", str(cache)])
        if status not in (0, 1):
            print(f"bench.scale: kg build failed (exit {status})", file=sys.stderr)
            return 1
        print("bench.scale: warm re-run", file=sys.stderr, flush=True)
        warm_s, warm_rss, _ = run(kg + ["build", str(corpus), "--out", str(out), "--workers",
                                        str(args.workers), "--cache-dir", str(cache)])
        print("bench.scale: kg viz", file=sys.stderr, flush=True)
        viz_s, viz_rss, _ = run(kg + ["viz", str(out)])
        print("bench.scale: queries", file=sys.stderr, flush=True)
        load_s, triples, rows = queries(out)
        sizes = {p.name: p.stat().st_size for p in sorted(out.iterdir()) if p.is_file() and p.stat().st_size}
        w = sys.stdout.write
        w(f"## python -m bench.scale --n {args.n} --seed {args.seed} --workers {args.workers}\n\n")
        w(f"load average {load0} at the start, {_load()} at the end; outputs: "
          + ", ".join(f"{n} {s / 2**20:,.0f} MiB" for n, s in sizes.items()) + f"; {triples:,} quads\n\n")
        w("| step | seconds | peak RSS MiB | target |\n|---|---:|---:|---|\n")
        w(f"| kg build --workers {args.workers} (cold cache, validates) | {build_s:.0f} | {_mib(build_rss)} | < 4,096 MiB |\n")
        w(f"| kg build, warm re-run | {warm_s:.1f} | {_mib(warm_rss)} | |\n")
        w(f"| kg viz (node budget 2000) | {viz_s:.1f} | {_mib(viz_rss)} | seconds |\n")
        w(f"| pyoxigraph: load graph.trig | {load_s:.1f} | | |\n\n")
        w("| named query, pyoxigraph | unbound s | rows | bound to | bound s | rows |\n"
          "|---|---:|---:|---|---:|---:|\n")
        for name, unbound, n, binding, bound, n_bound in rows:
            w(f"| {name} | {unbound:.3f} | {n:,} | {binding.replace('|', '&#124;') or '(no parameter)'} | "
              + (f"{bound:.3f} | {n_bound:,} |\n" if binding else " | |\n"))
        return 0
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
