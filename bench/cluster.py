"""A Dask cluster as a user starts one: `dask scheduler` and single-threaded `dask worker`
processes, each its own process on 127.0.0.1 (not a LocalCluster inside the client), for the
Dask route's test and its row in `python -m bench`."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from kg.store import free_port


@contextmanager
def processes(workers: int, logs: Path) -> Iterator[str]:
    """Start a scheduler and ``workers`` workers (their output in ``logs``), wait until all have
    joined, yield the scheduler's address, and stop them all."""
    from dask.distributed import Client

    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    dask = [sys.executable, "-m", "dask"]
    logs.mkdir(parents=True, exist_ok=True)
    with ExitStack() as stack:
        files = [stack.enter_context(open(logs / f"dask-{i}.log", "w")) for i in range(workers + 1)]
        procs = [subprocess.Popen([*dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                                  stdout=files[0], stderr=subprocess.STDOUT)]
        procs += [subprocess.Popen([*dask, "worker", address, "--nthreads", "1", "--no-dashboard",
                                    "--host", "127.0.0.1", "--memory-limit", "2GiB", "--name", f"w{i}"],
                                   stdout=files[i], stderr=subprocess.STDOUT) for i in range(1, workers + 1)]
        try:
            with Client(address, timeout=60) as client:
                client.wait_for_workers(workers, timeout=120)
            yield address
        finally:
            for p in reversed(procs):
                p.terminate()
            for p in procs:
                try:
                    p.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    p.kill()
