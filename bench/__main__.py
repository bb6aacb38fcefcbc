"""`python -m bench`: how fast the builder is, measured against raw spaCy on one corpus.

    python -m bench [--n 400] [--seed 0] [--processes 2] [--keep DIR] [--profile]

One run generates a synthetic corpus in-process (`bench.make_corpus.generate`), writes it as
.txt files, and measures on the same texts:

1. raw spaCy: load the builder's pipeline (`kg.nlp.load`: same model, same components) and
   `nlp.pipe` the cleaned texts, with 1 process and with N processes: the floor;
2. `kg.pipeline.build` as `kg build DIR` runs it (SHACL validation on) with 1 worker and with
   N workers, each with a cold cache;
3. the warm re-run (nothing changed), 4. a rules change (re-extract, no re-parse), 5. one
   article added to the corpus (all as the default command: validation on);
6. SHACL validation of the built graph: what the builder runs (`kg.validate_fast`: RDFS
   entailments computed up front, evidence validated in parts) and `kg.validate` (pyshacl with
   its owlrl RDFS closure over the whole graph), same verdict;
7. the named queries (`queries/*.rq`, unbound) on rdflib and on pyoxigraph;
8. the Dask route (unless --no-dask or Dask is not installed): a `dask scheduler` and N
   single-threaded `dask worker` processes started on 127.0.0.1 (`bench.cluster`), the same cold
   build through them, its output compared with the local build's and its time with N local
   workers'.

It prints markdown tables: time, documents/s, tokens/s and peak RSS (this process and its
children, sampled), the ratios against their targets, and where the builder's time goes.
Ratios are what matter; absolute times depend on the machine and what else runs on it.
"""

from __future__ import annotations

import argparse
import cProfile
import importlib.util
import io
import json
import os
import pstats
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.make_corpus import generate, write_corpus

OUTPUTS = ("graph.ttl", "graph.trig", "report.json")


# --------------------------------------------------------------------------- measuring


class PeakRSS:
    """Peak resident memory of this process (or process ``pid``) plus its live children (sampled
    every 50 ms), and the CPU seconds they used: on a busy machine CPU time is steadier than wall
    time."""

    def __init__(self, interval: float = 0.05, pid: int | None = None) -> None:
        self.interval = interval
        self.peak = 0
        self.cpu = 0.0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._start: dict[int, float] = {}
        self._last: dict[int, float] = {}
        try:
            import psutil

            self._proc: Any = psutil.Process(pid)
        except ImportError:  # fall back on getrusage (self and reaped children, not summed)
            self._proc = None

    def _sample(self) -> int:
        if self._proc is None:
            import resource

            self._last[0] = sum(resource.getrusage(who).ru_utime + resource.getrusage(who).ru_stime
                                for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
            kb = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                     resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
            return kb * 1024
        total = 0
        try:
            tree = [self._proc, *self._proc.children(recursive=True)]
        except Exception:  # the measured process has ended
            return 0
        for p in tree:
            try:
                with p.oneshot():
                    total += p.memory_info().rss
                    t = p.cpu_times()
                    self._last[p.pid] = t.user + t.system
            except Exception:  # a child that just ended
                pass
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._sample())
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakRSS:
        self.peak = self._sample()
        self._start = dict(self._last)
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join()
        self.peak = max(self.peak, self._sample())
        self.cpu = sum(v - self._start.get(pid, 0.0) for pid, v in self._last.items())


@dataclass
class Run:
    name: str
    processes: int
    seconds: float
    docs: int
    tokens: int
    rss: int
    cpu: float = 0.0
    parsed: int | None = None
    note: str = ""
    timings: dict[str, float] = field(default_factory=dict)


def measure(fn: Callable[[], Any]) -> tuple[Any, float, int, float]:
    """(value, wall seconds, peak RSS bytes, CPU seconds of this process and its children)."""
    with PeakRSS() as rss:
        t = time.perf_counter()
        value = fn()
        seconds = time.perf_counter() - t
    return value, seconds, rss.peak, rss.cpu


def log(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- the steps


def raw_spacy(texts: list[str], processes: int, batch_size: int = 32) -> tuple[Run, Run]:
    """Load the builder's pipeline and pipe the texts, with 1 and with `processes` processes."""
    from kg import nlp
    from kg.gazetteer import Gazetteer

    def load() -> Any:
        return nlp.load(None, Gazetteer.load())

    def pipe(pipeline: Any, n: int) -> int:
        return sum(len(doc) for doc in pipeline.pipe(texts, batch_size=batch_size, n_process=n))

    pipeline, t_load, rss_load, cpu_load = measure(load)
    tokens, t1, rss1, cpu1 = measure(lambda: pipe(pipeline, 1))
    one = Run("raw spaCy nlp.pipe", 1, t_load + t1, len(texts), tokens, max(rss_load, rss1),
              cpu_load + cpu1, note=f"load {t_load:.1f} s + pipe {t1:.1f} s")
    tokens_n, tn, rssn, cpun = measure(lambda: pipe(pipeline, processes))
    assert tokens_n == tokens
    many = Run("raw spaCy nlp.pipe", processes, t_load + tn, len(texts), tokens, max(rss_load, rssn),
               cpu_load + cpun, note=f"load {t_load:.1f} s + pipe {tn:.1f} s")
    return one, many


def kg_build(name: str, paths: list[str], out: Path, tokens: int, docs: int, **kwargs: Any) -> Run:
    from kg import parallel
    from kg.pipeline import build

    parallel._PIPELINES.clear()  # a fresh process would load the pipeline: so do we
    shutil.rmtree(out, ignore_errors=True)
    result, seconds, rss, cpu = measure(lambda: build(paths, out, **kwargs))
    workers = kwargs.get("workers", 1)
    return Run(name, workers, seconds, docs, tokens, rss, cpu, parsed=result.parsed,
               note=f"{result.parsed} parsed, {result.extracted} extracted"
                    + (", output from the build cache" if result.reused else ""),
               timings=dict(result.timings))


def same_output(a: Path, b: Path) -> bool:
    return all((a / n).read_bytes() == (b / n).read_bytes() for n in OUTPUTS)


def changed_rules(path: Path, word: str = "benchmarkword") -> Path:
    """A copy of the rules with one extra trigger word: re-extraction, no re-parse."""
    from importlib import resources

    rules = json.loads(resources.files("kg").joinpath("data", "rules.json").read_text("utf-8"))
    key = next(k for k, v in rules.items() if isinstance(v, list) and all(isinstance(x, str) for x in v))
    rules[key] = list(rules[key]) + [word]
    path.write_text(json.dumps(rules, indent=1), encoding="utf-8")
    return path


def validation(out: Path, reference: bool) -> list[tuple[str, float, bool, int]]:
    """The builder's validation (facts, then evidence in parts) and, for reference, pyshacl's own
    RDFS inference over the union graph, on the same built graph."""
    from rdflib import Dataset, Graph

    from kg import validate_fast
    from kg.validate import validate

    ds = Dataset()
    ds.parse(out / "graph.trig", format="trig")
    default = ds.default_graph.identifier
    facts = list(ds.graph(default))
    named = {g.identifier: list(g) for g in ds.graphs() if g.identifier != default and len(g)}
    rows = []
    report, seconds, rss, _ = measure(lambda: validate_fast.validate_build(facts, named))
    rows.append(("kg.validate_fast.validate_build (what kg build runs)", seconds, report.conforms, rss))
    if reference:
        data = Graph()
        for t in facts:
            data.add(t)
        for triples in named.values():
            for t in triples:
                data.add(t)
        report, seconds, rss, _ = measure(lambda: validate(data))
        rows.append(("kg.validate (pyshacl + owlrl RDFS closure, union graph)", seconds, report.conforms, rss))
    return rows


def queries(out: Path) -> list[tuple[str, float, float, int, int]]:
    from kg.graphio import load_graph
    from kg.query import QUERY_DIR, run_query

    try:
        from kg.store import open_store
    except ImportError:
        return []
    graph = load_graph(out)
    store = open_store(out / "graph.trig")
    rows = []
    for path in sorted(QUERY_DIR.glob("*.rq")):
        text = path.read_text("utf-8")
        t = time.perf_counter()
        _, rows_r = run_query(graph, text)
        t_r = time.perf_counter() - t
        t = time.perf_counter()
        _, rows_o = run_query(store, text, engine="oxigraph")
        t_o = time.perf_counter() - t
        rows.append((path.stem, t_r, t_o, len(rows_r), len(rows_o)))
    return rows


def profile_backend(paths: list[str], out: Path, cache: Path, rules: Path) -> str:
    """cProfile a build whose parses are cached: the builder's own work, without spaCy."""
    from kg.pipeline import build

    prof = cProfile.Profile()
    prof.enable()
    build(paths, out, cache_dir=cache, rules=rules, validate_output=False)
    prof.disable()
    stream = io.StringIO()
    pstats.Stats(prof, stream=stream).sort_stats("cumulative").print_stats(30)
    return stream.getvalue()


# --------------------------------------------------------------------------- report


def _mib(n: int) -> str:
    return f"{n / 2**20:,.0f}"


def table(runs: list[Run]) -> str:
    lines = ["| run | processes | seconds | CPU s | docs/s | tokens/s | peak RSS MiB | notes |",
             "|---|---:|---:|---:|---:|---:|---:|---|"]
    for r in runs:
        lines.append(f"| {r.name} | {r.processes} | {r.seconds:.2f} | {r.cpu:.1f} | {r.docs / r.seconds:,.1f} | "
                     f"{r.tokens / r.seconds:,.0f} | {_mib(r.rss)} | {r.note} |")
    return "\n".join(lines)


def ratio_table(rows: list[tuple[str, float, str, bool]]) -> str:
    lines = ["| ratio | value | target | met |", "|---|---:|---|:-:|"]
    for name, value, target, met in rows:
        shown = f"{value:.2f}" if isinstance(value, float) else str(value)
        lines.append(f"| {name} | {shown} | {target} | {'yes' if met else 'no'} |")
    return "\n".join(lines)


def stage_table(runs: list[Run]) -> str:
    stages = [s for s in ("read", "hash", "parse+extract", "resolve", "rdf", "validate", "serialize", "write")
              if any(s in r.timings for r in runs)]
    lines = ["| run | " + " | ".join(stages) + " |", "|---|" + "---:|" * len(stages)]
    for r in runs:
        lines.append(f"| {r.name} ({r.processes}) | "
                     + " | ".join(f"{r.timings[s]:.2f}" if s in r.timings else "" for s in stages) + " |")
    return "\n".join(lines)


# --------------------------------------------------------------------------- main


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=400, help="articles in the corpus (default 400)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument("--processes", type=int, default=2, help="the parallel process count (default 2)")
    parser.add_argument("--keep", type=Path, default=None, help="keep corpus, caches and outputs here")
    parser.add_argument("--no-reference-validation", action="store_true",
                        help="skip the (slow) pyshacl + owlrl validation")
    parser.add_argument("--no-queries", action="store_true", help="skip the query engine comparison")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask route")
    parser.add_argument("--profile", action="store_true",
                        help="cProfile the builder's own work (a rules change: no parsing)")
    args = parser.parse_args(argv)

    root = args.keep or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    try:
        return _run(args, root)
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)


def _run(args: argparse.Namespace, root: Path) -> int:
    from kg.readers import read_all

    n, procs = args.n, args.processes
    load0 = _load()
    log(f"generating {n} articles (seed {args.seed}) in {root}")
    corpus = root / "corpus"
    shutil.rmtree(corpus, ignore_errors=True)
    articles = generate(n + 1, args.seed)  # the last one is "the added article"
    write_corpus(articles[:n], corpus, "txt", args.seed)
    extra = root / "extra"
    shutil.rmtree(extra, ignore_errors=True)
    write_corpus(articles, extra, "txt", args.seed)
    for p in sorted(extra.iterdir())[:-1]:
        p.unlink()  # extra/ holds only the new article; corpus + extra = n + 1 articles
    docs, _ = read_all([str(corpus)])
    texts = [d.text for d in docs]

    log("raw spaCy, 1 process and %d processes" % procs)
    raw1, rawn = raw_spacy(texts, procs)
    tokens = raw1.tokens
    runs = [raw1, rawn]

    cache1, cacheN = root / "cache-1", root / f"cache-{procs}"
    for c in (cache1, cacheN):
        shutil.rmtree(c, ignore_errors=True)
    common = {"validate_output": True}  # the default command
    log("kg build, 1 worker, cold cache")
    cold1 = kg_build("kg build, cold cache", [str(corpus)], root / "out-1", tokens, n,
                     workers=1, cache_dir=cache1, **common)
    log(f"kg build, {procs} workers, cold cache")
    coldN = kg_build("kg build, cold cache", [str(corpus)], root / f"out-{procs}", tokens, n,
                     workers=procs, cache_dir=cacheN, **common)
    identical = same_output(root / "out-1", root / f"out-{procs}")
    log("kg build, warm re-run")
    warm = kg_build("kg build, warm re-run (nothing changed)", [str(corpus)], root / "out-warm", tokens, n,
                    workers=1, cache_dir=cache1, **common)
    identical_warm = same_output(root / "out-1", root / "out-warm")
    log("kg build, rules changed")
    rules = changed_rules(root / "rules.json")
    rerules = kg_build("kg build, rules changed (re-extract)", [str(corpus)], root / "out-rules", tokens, n,
                       workers=1, cache_dir=cache1, rules=rules, **common)
    log("kg build, one article added")
    added = kg_build("kg build, one article added", [str(corpus), str(extra)], root / "out-add", tokens, n + 1,
                     workers=1, cache_dir=cache1, **common)
    runs += [cold1, coldN, warm, rerules, added]
    on_dask = None
    if not args.no_dask and importlib.util.find_spec("distributed") is not None:
        from bench.cluster import processes

        log(f"kg build on Dask: a scheduler and {procs} worker processes, cold cache")
        with processes(procs, root / "dask-logs") as address:
            on_dask = kg_build(f"kg build --dask (scheduler + {procs} workers), cold cache", [str(corpus)],
                               root / "out-dask", tokens, n, dask=address, cache_dir=root / "cache-dask",
                               workers=procs, **common)
        runs.append(on_dask)

    log("validation")
    val = validation(root / "out-1", reference=not args.no_reference_validation)
    q = [] if args.no_queries else queries(root / "out-1")

    out = sys.stdout
    out.write(f"## python -m bench --n {n} --seed {args.seed} --processes {procs}\n\n")
    out.write(f"{n} articles, {tokens:,} tokens; {os.cpu_count()} CPUs; "
              f"spaCy pipeline {_model()}; load average {load0} at the start, "
              f"{_load()} at the end (other work on the machine slows the wall times).\n\n")
    out.write(table(runs) + "\n\n")
    ratios = [
        ("builder / raw spaCy, 1 process (docs/s)", raw1.seconds / cold1.seconds, ">= 0.9",
         raw1.seconds / cold1.seconds >= 0.9),
        ("builder / raw spaCy, 1 process, by CPU seconds", raw1.cpu / cold1.cpu if cold1.cpu else 0.0,
         ">= 0.9", cold1.cpu > 0 and raw1.cpu / cold1.cpu >= 0.9),
        (f"builder / raw spaCy, {procs} processes", rawn.seconds / coldN.seconds, ">= 0.9",
         rawn.seconds / coldN.seconds >= 0.9),
        (f"builder {procs} workers / 1 worker", cold1.seconds / coldN.seconds, ">= 1.6",
         cold1.seconds / coldN.seconds >= 1.6),
        (f"raw spaCy {procs} processes / 1 process", raw1.seconds / rawn.seconds, "(reference)", True),
        ("warm re-run speed-up over cold (1 worker)", cold1.seconds / warm.seconds, ">= 20",
         cold1.seconds / warm.seconds >= 20),
        ("articles parsed when one is added", added.parsed or 0, "1", added.parsed == 1),
        ("articles parsed when the rules change", rerules.parsed or 0, "0", rerules.parsed == 0),
        (f"output identical, 1 vs {procs} workers and warm", "yes" if identical and identical_warm else "NO",
         "yes", identical and identical_warm),
    ]
    if on_dask is not None:
        same = same_output(root / "out-1", root / "out-dask")
        ratios += [(f"Dask ({procs} worker processes) / {procs} local workers, time", on_dask.seconds / coldN.seconds,
                    "(overhead)", True),
                   ("output identical, Dask vs local", "yes" if same else "NO", "yes", same)]
    out.write(ratio_table(ratios) + "\n\n")
    out.write("Where the builder's time goes (seconds per stage):\n\n")
    out.write(stage_table([cold1, coldN, warm, rerules, added] + ([on_dask] if on_dask else [])) + "\n\n")
    out.write("| SHACL validation of the built graph | seconds | conforms | peak RSS MiB |\n|---|---:|:-:|---:|\n")
    for name, seconds, conforms, rss in val:
        out.write(f"| {name} | {seconds:.2f} | {conforms} | {_mib(rss)} |\n")
    out.write("\n")
    if q:
        out.write("| named query (unbound) | rdflib s | pyoxigraph s | rows |\n|---|---:|---:|---:|\n")
        for name, t_r, t_o, n_r, n_o in q:
            out.write(f"| {name} | {t_r:.3f} | {t_o:.3f} | {n_r}{'' if n_r == n_o else f' / {n_o}'} |\n")
        out.write(f"| **all** | {sum(r[1] for r in q):.3f} | {sum(r[2] for r in q):.3f} | |\n\n")
    if args.profile:
        out.write("cProfile of a rules-changed build (parses cached):\n\n```\n")
        out.write(profile_backend([str(corpus)], root / "out-prof", cache1, changed_rules(root / "rules2.json", "profileword")))
        out.write("```\n")
    out.flush()
    return 0


def _load() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def _model() -> str:
    from kg.cache import model_identity

    return model_identity(None)[1]


if __name__ == "__main__":
    sys.exit(main())
