"""Parse and extract articles in worker processes (or in-process, or on a Dask cluster).

The unit of work is `process(tasks, settings)`: parse the articles that have no cached parse,
then run the pure per-article extraction on every one. It returns payloads (`kg.cache` format)
rather than objects, so the caller stores them in the cache as they are and decodes them the same
way whether they came from this process, a local worker or a cluster node: the three runners give
byte-identical builds.

Each worker process loads the spaCy pipeline once (on its first article that needs parsing) and
keeps it for the rest of the run.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from kg import cache as kcache
from kg.errors import Errors, KGError, Warnings, WorkerError
from kg.gazetteer import Gazetteer
from kg.learn.scorer import Scorer
from kg.lexicon import Rules
from kg.records import Document, Extraction

log = logging.getLogger("kg")

IN_PROCESS_BATCH = 32


@dataclass(frozen=True)
class Settings:
    """Everything a worker needs besides the articles; sent once per worker."""

    model: str  # the spaCy pipeline's package name
    model_version: str  # name==version, checked on every worker
    gaz: Gazetteer
    rules: Rules
    gaz_hash: str
    keep_parse: bool = True  # send each new parse back (for the cache)
    scorer: Scorer | None = None  # the trained scorer (None: the rules alone decide)


@dataclass(frozen=True)
class Task:
    index: int
    doc: Document
    parsed: bytes | None = None  # a cached parse: only extraction runs


@dataclass(frozen=True)
class Outcome:
    index: int
    parsed: bytes | None  # the new parse's payload, when this task parsed and keep_parse
    extraction: bytes | None  # the extraction's payload (None: in-process and not cached)
    did_parse: bool
    value: Extraction | None = None  # the extraction itself, when it was made in this process


class RemoteError(Exception):
    """A KGError raised in a worker, carried back by class name and message."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(kind, message)
        self.kind = kind
        self.message = message


def reraise(err: RemoteError) -> None:
    """Raise the worker's KGError again in this process, with its one-line message."""
    import kg.errors as errors

    cls = getattr(errors, err.kind, None)
    if not (isinstance(cls, type) and issubclass(cls, KGError)):
        cls = KGError
    exc = cls.__new__(cls)
    Exception.__init__(exc, err.message)
    raise exc from None


# --------------------------------------------------------------------------- the work

_PIPELINES: dict[tuple[str, str], Any] = {}
_SETTINGS: Settings | None = None


def pipeline(settings: Settings) -> Any:
    """This process's spaCy pipeline for these settings, loaded once."""
    from kg import nlp

    key = (settings.model, settings.gaz_hash)
    if key not in _PIPELINES:
        here = nlp.model_version(nlp.available_model(settings.model))
        if here != settings.model_version:
            from kg.errors import ModelError

            raise ModelError(Errors.E049.format(here=here, build=settings.model_version))
        _PIPELINES.clear()
        _PIPELINES[key] = nlp.load(settings.model, settings.gaz)
    return _PIPELINES[key]


def process(tasks: Sequence[Task], settings: Settings, local: bool = False) -> list[Outcome]:
    """Parse (where not cached) and extract each task's article; outcomes in task order.

    ``local``: the caller is this process, so outcomes carry the Extraction itself, and its
    payload only when the cache wants it (encoding and decoding it cost 2 ms an article)."""
    try:
        return _process(tasks, settings, local)
    except KGError as err:
        raise RemoteError(type(err).__name__, str(err)) from None


def _process(tasks: Sequence[Task], settings: Settings, local: bool) -> list[Outcome]:
    from kg import nlp
    from kg.extract import extract

    parses: dict[int, Any] = {}
    todo: list[Task] = []
    for t in tasks:
        if t.parsed is not None:
            try:
                parses[t.index] = kcache.decode_parsed(t.parsed)
                continue
            except Exception:  # a payload we cannot read is re-made, never trusted
                pass
        todo.append(t)
    if todo:
        nlp_ = pipeline(settings)
        batch = max(1, min(IN_PROCESS_BATCH, len(todo)))
        for t, parsed in zip(todo, nlp.parse(nlp_, [t.doc.text for t in todo], batch_size=batch)):
            parses[t.index] = parsed
    fresh = {t.index for t in todo}
    out: list[Outcome] = []
    for t in tasks:
        parsed = parses[t.index]
        try:
            x = extract(t.doc, parsed, settings.gaz, settings.rules, settings.scorer)
        except Exception as err:  # a bug met by one article must not cost the other 99,999 theirs
            x = Extraction(t.doc, diagnostics=(Warnings.W102.format(source=t.doc.source,
                                                                    error=f"{type(err).__name__}: {err}"),))
        did = t.index in fresh
        payload = kcache.encode_extraction(x) if settings.keep_parse or not local else None
        out.append(Outcome(t.index, kcache.encode_parsed(parsed) if did and settings.keep_parse else None,
                           payload, did, x if local else None))
    return out


# --------------------------------------------------------------------------- local runners


def worker_count(workers: int) -> int:
    """`--workers`: N processes, 0 for one per CPU."""
    if workers <= 0:
        return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
    return workers


def chunked(tasks: Sequence[Task], size: int) -> list[list[Task]]:
    return [list(tasks[i:i + size]) for i in range(0, len(tasks), size)]


def run_local(tasks: Sequence[Task], settings: Settings, workers: int = 1) -> Iterator[Outcome]:
    """Outcomes for the tasks (in task order), using `workers` processes when it pays."""
    workers = worker_count(workers)
    parsing = sum(1 for t in tasks if t.parsed is None)
    if workers <= 1 or len(tasks) < 2 or (parsing == 0 and len(tasks) < 400):
        for chunk in chunked(tasks, IN_PROCESS_BATCH):
            try:
                yield from process(chunk, settings, local=True)
            except RemoteError as err:
                reraise(err)
        return
    workers = min(workers, len(tasks))
    size = max(1, min(16, len(tasks) // (workers * 4)))
    with _pool(settings, workers) as pool:
        for outcomes in pool.map(_work, chunked(tasks, size)):
            yield from outcomes


@contextmanager
def _pool(settings: Settings, workers: int) -> Iterator[Any]:
    """`workers` processes, each with the settings; a worker's error re-raised here as itself."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    ctx = multiprocessing.get_context(
        "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn")
    log.info("parsing with %d worker processes", workers)
    pool = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker, initargs=(settings,))
    try:
        yield pool
    except RemoteError as err:
        reraise(err)
    except BrokenProcessPool:
        raise WorkerError(Errors.E007) from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _init_worker(settings: Settings) -> None:
    global _SETTINGS
    _SETTINGS = settings


def _work(tasks: list[Task]) -> list[Outcome]:
    assert _SETTINGS is not None
    return process(tasks, _SETTINGS)


def parse_only(texts: Sequence[str], settings: Settings, workers: int = 1) -> Iterator[Any]:
    """Each text's parse, in order, in `workers` processes when it pays (`kg train` parses
    its articles this way: training extracts with each candidate model itself)."""
    from kg import nlp

    workers = min(worker_count(workers), max(1, len(texts) // 16))
    if workers <= 1:
        yield from nlp.parse(pipeline(settings), list(texts), batch_size=IN_PROCESS_BATCH)
        return
    with _pool(settings, workers) as pool:
        for payloads in pool.map(_parse_work, [list(texts[i:i + 16]) for i in range(0, len(texts), 16)]):
            yield from (kcache.decode_parsed(p) for p in payloads)


def _parse_work(texts: list[str]) -> list[bytes]:
    from kg import nlp

    assert _SETTINGS is not None
    try:
        return [kcache.encode_parsed(p) for p in nlp.parse(pipeline(_SETTINGS), texts, batch_size=len(texts))]
    except KGError as err:
        raise RemoteError(type(err).__name__, str(err)) from None


# --------------------------------------------------------------------------- a run's keys


@dataclass
class Plan:
    """The cache keys of a run's articles, and the worker settings (see kg/cache.py)."""

    settings: Settings
    parse_keys: list[str]
    extract_keys: list[str]


def plan(docs: list[Document], model: str | None, gaz: Gazetteer, rules: Rules,
         keep_parse: bool = True, scorer: Scorer | None = None) -> Plan:
    """Resolve the model (without importing spaCy) and key every article."""
    name, version = kcache.model_identity(model)
    gaz_hash = kcache.gazetteer_hash(gaz)
    p_salt = kcache.parse_salt(version, gaz_hash)
    x_salt = kcache.extract_salt(gaz_hash, kcache.data_hash(rules), scorer.digest if scorer else "rules-only")
    parse_keys = [kcache.parse_key(p_salt, d.text) for d in docs]
    extract_keys = [kcache.extract_key(x_salt, k, d) for k, d in zip(parse_keys, docs)]
    return Plan(Settings(name, version, gaz, rules, gaz_hash, keep_parse, scorer), parse_keys, extract_keys)
