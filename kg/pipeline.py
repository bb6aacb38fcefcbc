"""`build`: the one place that fixes the order of the stages.

read -> clean (in read) -> parse (spaCy) -> extract (per article, pure) -> resolve (corpus)
-> RDF -> validate -> write.

Parse + extract is the expensive, per-article part: it is looked up in the cache
(`kg/cache.py`) by content hash, and what is missing runs in this process, in worker processes
or on a Dask cluster (`kg/parallel.py`, `kg/dask_runner.py`). Every route gives the same
Extraction records, so the output never depends on how it was computed.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from rdflib import URIRef

from kg import cache as kcache
from kg import curation as curate
from kg import history
from kg import serialize
from kg.cache import Cache, CacheStats
from kg.errors import Errors, NoArticlesError
from kg.gazetteer import Gazetteer
from kg.graph import build_triples, type_evidence
from kg.learn.scorer import Scorer
from kg.lexicon import Rules
from kg.output import atomic_text, locked, write_atomic, write_atomic_bytes
from kg.parallel import Plan, Task, plan, run_local
from kg.readers import DEFAULT_MAX_BYTES, read_all
from kg.records import Document, Extraction
from kg.resolve import resolve

log = logging.getLogger("kg")
OUTPUT_FILES = ("graph.ttl", "graph.trig", "report.json")  # what a build writes (and caches)
T = TypeVar("T")


@dataclass
class BuildResult:
    documents: int = 0
    failures: list[str] = field(default_factory=list)
    diagnostics: list[str] = field(default_factory=list)
    conforms: bool | None = None  # None: not validated (--no-validate); report.json says null
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    out: Path | None = None
    # How the run went (not written to report.json, which depends only on the input):
    parsed: int = 0  # articles run through spaCy in this build
    extracted: int = 0  # articles whose extraction ran (not read from the cache)
    reused: bool = False  # the whole output came from the build cache
    cache: CacheStats | None = None
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage
    trig: str | None = None  # the graph, when built in memory (out=None)
    curation: dict | None = None  # what a curation file changed (report.json's "curation")


def extract_all(docs: list[Document], model: str | None, gaz: Gazetteer, rules: Rules, *,
                workers: int = 1, cache: Cache | None = None, dask: str | None = None,
                keys: Plan | None = None, result: BuildResult | None = None,
                scorer: Scorer | None = None, progress: bool = False) -> list[Extraction]:
    """Each article's Extraction, in input order: from the cache, else parsed and extracted
    here, in `workers` local processes, or on the Dask cluster at `dask`."""
    if not docs:
        return []
    keys = keys or plan(docs, model, gaz, rules, keep_parse=cache is not None, scorer=scorer)
    extractions: list[Extraction | None] = [None] * len(docs)
    tasks: list[Task] = []
    for i, doc in enumerate(docs):
        if cache is not None:
            payload = cache.get("extract", keys.extract_keys[i])
            if payload is not None:
                try:
                    extractions[i] = kcache.decode_extraction(payload, doc)
                    continue
                except Exception:  # valid checksum, unreadable content: rebuild it
                    cache.discard("extract", keys.extract_keys[i])
        parsed = cache.get("parse", keys.parse_keys[i]) if cache is not None else None
        tasks.append(Task(i, doc, parsed))
    if tasks:
        log.info("parsing %d and extracting %d of %d articles",
                 sum(t.parsed is None for t in tasks), len(tasks), len(docs))
    if dask:
        from kg.dask_runner import run_dask

        outcomes = run_dask(dask, tasks, keys.settings)
    else:
        outcomes = run_local(tasks, keys.settings, workers)
    if progress and tasks:
        outcomes = _bar(outcomes, len(tasks), "parse+extract")
    for o in outcomes:
        if cache is not None:
            if o.parsed is not None:
                cache.put("parse", keys.parse_keys[o.index], o.parsed)
            if o.extraction is not None:
                cache.put("extract", keys.extract_keys[o.index], o.extraction)
        extractions[o.index] = o.value if o.value is not None else \
            kcache.decode_extraction(o.extraction, docs[o.index])
        if result is not None:
            result.parsed += o.did_parse
            result.extracted += 1
    missing = [docs[i].source for i, x in enumerate(extractions) if x is None]
    if missing:  # a runner lost work: never write a graph without these articles
        raise RuntimeError(f"no extraction came back for {len(missing)} article(s), e.g. {missing[0]}")
    return extractions  # type: ignore[return-value]


def build(paths: list[str], out: Path | None, model: str | None = None,
          max_bytes: int = DEFAULT_MAX_BYTES, validate_output: bool = True, *,
          workers: int = 1, cache_dir: str | Path | None = None, dask: str | None = None,
          gazetteer: str | Path | None = None, rules: str | Path | None = None,
          scorer: str | Path | None = None, rules_only: bool = False,
          min_confidence: float | None = None, progress: bool = False,
          curation: str | Path | None = None) -> BuildResult:
    """Build the graph of the articles in ``paths`` into ``out``.

    ``workers``: parsing processes (0: one per CPU). ``cache_dir``: the build cache (None: no
    cache; the CLI passes `kg.cache.default_dir()` unless --no-cache). ``dask``: a Dask scheduler
    address to parse and extract on. ``gazetteer``/``rules``: replacement data files.
    ``scorer``: a model from `kg train` (default: the shipped one); ``rules_only``: no scorer,
    the rules alone decide. ``min_confidence``: facts below this probability are left out
    (default: the threshold the scorer was tuned for). ``progress``: bars on stderr (articles
    parsed and extracted, then the later phases; the CLI asks for them on a terminal).
    ``curation``: a reviewer's decisions (`kg.curation`) applied after resolution.
    The output depends only on the inputs, never on the speed switches. With ``out`` None
    nothing is written: the graph's TriG text is in ``result.trig`` (the Python API's way).
    """
    result = BuildResult(out=out)
    clock = _Clock(result.timings, _phases() if progress else None)
    with locked(out) if out is not None else nullcontext():
        docs, errors = read_all(paths, max_bytes)
        result.failures = [str(e) for e in errors]
        result.documents = len(docs)
        if not docs:  # never replace a good graph with an empty one
            named = (paths[0] + (f" and {len(paths) - 1} more" if len(paths) > 1 else "")) if paths else "(no paths)"
            raise NoArticlesError(Errors.E009.format(paths=named, count=len(result.failures),
                                                     out=out if out is not None else "memory"),
                                  result.failures)
        gaz, rule_data = Gazetteer.load(gazetteer), Rules.load(rules)
        cur = curate.load(curation) if curation is not None else None
        judge = None if rules_only else Scorer.load(scorer)
        threshold = min_confidence if min_confidence is not None else (judge.threshold if judge else 0.0)
        clock("read")
        store = Cache(cache_dir) if cache_dir is not None else None
        result.cache = store.stats if store is not None else None
        keys = plan(docs, model, gaz, rule_data, keep_parse=store is not None, scorer=judge) if docs else None
        build_key = None
        if store is not None and out is not None:
            build_key = kcache.build_key(keys.extract_keys if keys else [], result.failures, validate_output,
                                         threshold, cur.sha256 if cur is not None else "")
            clock("hash")
            if _reuse(store, build_key, out, result):
                clock("write")
                return result
        extractions = extract_all(docs, model, gaz, rule_data, workers=workers, cache=store,
                                  dask=dask, keys=keys, result=result, scorer=judge,
                                  progress=progress) if docs else []
        clock("parse+extract")
        resolved = resolve(extractions, gaz, threshold)
        if cur is not None:
            applied = curate.apply(cur, resolved)
            resolved.diagnostics.extend(applied.warnings)
            result.curation = applied.as_json()
        history.apply(resolved, docs)
        clock("resolve")
        facts, evidence = build_triples(resolved, docs)
        cues = [(resolved.ref_map[(x.doc.id, c.ref)], c.role, c.evidence)
                for x in extractions for c in x.roles if (x.doc.id, c.ref) in resolved.ref_map]
        type_evidence(resolved, cues, evidence)
        result.diagnostics = sorted({d for x in extractions for d in x.diagnostics} | set(resolved.diagnostics))
        result.counts = _counts(facts)
        del docs, extractions, resolved, cues  # the triples and evidence records are all that is left to write
        clock("rdf")
        if validate_output:
            from kg.validate_fast import validate_build

            report = validate_build(facts, evidence, known=kcache.ValidatedEvidence(store) if store else None)
            result.conforms = report.conforms
            if not report.conforms:
                result.diagnostics.append(Errors.E301.format(report=report.text))
            clock("validate")
        if out is None:
            result.trig = serialize.trig(facts, evidence)
            clock("serialize")
            return result
        serialize.write_turtle_and_trig(facts, evidence, lambda: atomic_text(out / "graph.ttl"),
                                        lambda: atomic_text(out / "graph.trig"))
        write_atomic(out / "report.json",
                     json.dumps(report_json(result), indent=2, sort_keys=True, ensure_ascii=False) + "\n")
        clock("serialize")
        if store is not None and build_key is not None:
            store.put("build", build_key, kcache.encode_outputs({n: out / n for n in OUTPUT_FILES}, {
                "conforms": result.conforms, "diagnostics": result.diagnostics, "counts": result.counts,
                "curation": result.curation}))
            store.prune("build", kcache.BUILDS_KEPT)
        clock("write")
    return result


def _reuse(store: Cache, key: str, out: Path, result: BuildResult) -> bool:
    """Write a previous identical build's files from the cache; False if there is none."""
    payload = store.get("build", key)
    if payload is None:
        return False
    try:
        files, meta = kcache.decode_outputs(payload)
        contents = [files[n] for n in OUTPUT_FILES]
        conforms = meta["conforms"] if meta["conforms"] is None else bool(meta["conforms"])
        diagnostics, counts = list(meta["diagnostics"]), dict(meta["counts"])
        curation = meta.get("curation")
    except Exception:  # valid checksum, unreadable content: rebuild it
        store.discard("build", key)
        return False
    for name, data in zip(OUTPUT_FILES, contents):
        write_atomic_bytes(out / name, data)
    store.touch("build", key)
    result.conforms, result.diagnostics, result.counts, result.reused = conforms, diagnostics, counts, True
    result.curation = curation
    return True


class _Clock:
    """Adds the time since the last call to ``timings[stage]``; with ``say``, tells it too."""

    def __init__(self, timings: dict[str, float], say: Callable[[str], None] | None = None) -> None:
        self.timings = timings
        self.say = say
        self.last = time.perf_counter()

    def __call__(self, stage: str) -> None:
        now = time.perf_counter()
        self.timings[stage] = self.timings.get(stage, 0.0) + now - self.last
        if self.say is not None:
            self.say(f"kg: {stage} done in {now - self.last:.1f} s")
        self.last = now


def _phases() -> Callable[[str], None]:
    """Each finished phase on its own line, printed so as not to break a bar being drawn."""
    from tqdm import tqdm

    return lambda line: tqdm.write(line, file=sys.stderr)


def _bar(items: Iterator[T], total: int, what: str) -> Iterator[T]:
    """Articles done, articles a second and time left, on stderr (tqdm)."""
    from tqdm import tqdm

    yield from tqdm(items, total=total, desc=f"kg: {what}", unit=" articles", file=sys.stderr,
                    mininterval=0.5, dynamic_ncols=True, leave=False)


def _counts(facts) -> dict[str, dict[str, int]]:
    from rdflib import RDF

    from kg.vocab import FKG, RELATIONS

    classes: Counter[str] = Counter()
    relations: Counter[str] = Counter()
    ns = str(FKG._NS)
    for s, p, o in facts:
        if p == RDF.type and str(o).startswith(ns):
            classes[str(o)[len(ns):]] += 1
        elif str(p).startswith(ns) and isinstance(o, URIRef) and str(p)[len(ns):] in RELATIONS:
            relations[str(p)[len(ns):]] += 1
    return {"classes": dict(sorted(classes.items())), "relations": dict(sorted(relations.items()))}


def report_json(result: BuildResult) -> dict:
    """What `report.json` holds: counts, conformance, diagnostics, failed inputs."""
    out = {
        "articles": result.documents,
        "failed_inputs": result.failures,
        "shacl_conforms": result.conforms,
        "counts": result.counts,
        "diagnostics": result.diagnostics,
    }
    if result.curation is not None:
        out["curation"] = result.curation
    return out
