"""`kg build --dask SCHEDULER_ADDRESS`: map per-article parse + extract over a Dask cluster.

Reading, cleaning, the cache, resolution across articles, RDF, validation and writing stay on
this machine; the cluster only runs `kg.parallel.process` on chunks of articles. Extraction is
a pure function of the article, so the result is byte-identical to a local build (each worker
checks that it has the same spaCy model `name==version`, and fails the build if not).

The workers need this package and the same spaCy model installed (`pip install football-kg[dask]`
plus the model); they load the pipeline once per worker process and keep it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence

from kg.errors import ClusterError, Errors
from kg.parallel import Outcome, RemoteError, Settings, Task, chunked, process, reraise

log = logging.getLogger("kg")

CHUNK = 8


def run_dask(address: str, tasks: Sequence[Task], settings: Settings,
             chunk: int = CHUNK, timeout: float = 30) -> Iterator[Outcome]:
    """Outcomes for the tasks, computed on the cluster at ``address`` (any order; use .index)."""
    if not tasks:
        return
    try:
        from dask.distributed import Client, as_completed
    except ImportError:
        raise ClusterError(Errors.E085) from None
    try:
        client = Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as err:
        raise ClusterError(Errors.E008.format(address=address, why=err)) from None
    try:
        log.info("sending %d articles to the Dask cluster at %s", len(tasks), address)
        shared = client.scatter(settings, broadcast=True, hash=False)
        window = max(2, 4 * sum(client.nthreads().values()))  # chunks in flight at once
        pending = iter(chunked(tasks, chunk))
        running = as_completed(loop=client.loop)
        futures = []

        def submit() -> bool:
            part = next(pending, None)
            if part is None:
                return False
            future = client.submit(process, part, settings=shared, pure=False)
            futures.append(future)
            running.add(future)
            return True

        for _ in range(window):
            if not submit():
                break
        try:
            for future in running:
                try:
                    outcomes = future.result()
                except RemoteError as err:
                    reraise(err)
                yield from outcomes
                future.release()
                submit()
        finally:
            client.cancel([f for f in futures if not f.done()])
    finally:
        client.close()
