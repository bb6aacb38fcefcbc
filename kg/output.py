"""Write output files so a crash never leaves a half-written file, and two builds never mix.

Each file is written to a temporary file in the same folder, flushed and fsynced, then renamed
over the old one (atomic on POSIX). A lock file keeps a second build out while one is running.
"""

from __future__ import annotations

import fcntl
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.errors import OutputError


def prepare(out: Path) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"{out}: cannot create the output folder: {err.strerror or err}") from None
    if not os.access(out, os.W_OK):
        raise OutputError(f"{out}: the output folder is not writable")


@contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold the output folder's lock for the duration of a build."""
    prepare(out)
    path = out / ".kg-build.lock"
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as err:
        raise OutputError(f"{out}: cannot create the build lock: {err.strerror or err}") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputError(f"{out}: another kg build is writing to this folder; wait for it "
                              "to finish or choose another --out") from None
        yield
    finally:
        os.close(fd)


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` in one step."""
    try:
        fd, tmp = tempfile.mkstemp(prefix="." + path.name + ".", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except OSError as err:
        raise OutputError(f"{path}: cannot write: {err.strerror or err}") from None
