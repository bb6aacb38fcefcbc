"""Write output files so a crash never leaves a half-written file, and two builds never mix.

Each file is written to a temporary file in the same folder, flushed and fsynced, then renamed
over the old one (atomic on POSIX), and the folder is fsynced so the rename itself survives a
power cut. A crash (even SIGKILL) at any moment leaves each output file whole: the old version or
the new one. A temporary file left behind by a killed build is removed by the next build.

A lock file (``.kg-build.lock``, `fcntl.flock`) keeps a second build out while one is running; the
kernel releases it when the holder dies, however it dies, so a crash never leaves a stale lock.
"""

from __future__ import annotations

import errno
import fcntl
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from kg.errors import Errors, OutputError

LOCK_NAME = ".kg-build.lock"
_TMP_MARK = ".kg-"  # temporary files are ".<name>.kg-<random>.tmp"
_TMP_SUFFIX = ".tmp"


def prepare(out: Path) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(Errors.E040.format(path=out, why=err.strerror or err)) from None
    if not out.is_dir():
        raise OutputError(Errors.E041.format(path=out))
    if not os.access(out, os.W_OK):
        raise OutputError(Errors.E042.format(path=out))


@contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold the output folder's lock for the duration of a build.

    A second build into the same folder fails at once with a clear message rather than wait: a
    build can take hours, and a user who typed the same --out twice wants to know now.
    """
    prepare(out)
    path = out / LOCK_NAME
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as err:
        raise OutputError(Errors.E043.format(path=out, why=err.strerror or err)) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as err:
            if err.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise OutputError(Errors.E044.format(path=out, why=err.strerror or err)) from None
            raise OutputError(Errors.E002.format(path=out)) from None
        remove_stale_temporaries(out)
        yield
    finally:
        os.close(fd)


def remove_stale_temporaries(out: Path) -> list[str]:
    """Delete temporary files a killed build left in ``out`` (call it holding the lock)."""
    removed = []
    try:
        names = os.listdir(out)
    except OSError:
        return removed
    for name in sorted(names):
        if name.startswith(".") and _TMP_MARK in name and name.endswith(_TMP_SUFFIX):
            try:
                os.unlink(out / name)
                removed.append(name)
            except OSError:
                pass
    return removed


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` in one step: readers see the old file or the new, never a
    part; on any failure the old file is untouched and no temporary file is left."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as err:
        raise OutputError(Errors.E046.format(path=path, why=err.reason, offset=err.start)) from None
    write_atomic_bytes(path, data)


def write_atomic_bytes(path: Path, data: bytes | memoryview) -> None:
    """`write_atomic` for bytes."""
    path = Path(path)
    try:
        replace_bytes(path, data)
    except OSError as err:
        raise OutputError(Errors.E045.format(path=path, why=err.strerror or err)) from None


@contextmanager
def atomic_text(path: Path) -> Iterator[TextIO]:
    """A text file (UTF-8, newlines as written) that replaces ``path`` when the block ends without
    an error: for outputs too big to hold as one string. Same guarantees as `write_atomic`."""
    path = Path(path)
    try:
        with _replacing(path, text=True) as fh:
            yield fh
    except OSError as err:
        raise OutputError(Errors.E045.format(path=path, why=err.strerror or err)) from None
    except UnicodeEncodeError as err:
        raise OutputError(Errors.E047.format(path=path, why=err.reason)) from None


def replace_bytes(path: Path, data: bytes | memoryview, durable: bool = True) -> None:
    """Write ``data`` to a temporary file beside ``path`` and rename it over ``path``; raises
    OSError and leaves no temporary file behind. ``durable``: fsync the file and its folder
    first (output files); the cache skips that, since a lost entry is only re-made."""
    with _replacing(path, durable) as fh:
        fh.write(data)


@contextmanager
def _replacing(path: Path, durable: bool = True, text: bool = False) -> Iterator[Any]:
    """An open temporary file beside ``path`` (binary, or UTF-8 text), renamed over ``path`` when
    the block ends without an error; on any error it is removed and the error goes on."""
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix="." + path.name + _TMP_MARK, suffix=_TMP_SUFFIX,
                                   dir=path.parent)
        with (os.fdopen(fd, "w", encoding="utf-8", newline="") if text else os.fdopen(fd, "wb")) as fh:
            yield fh
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
        tmp = None
        if durable:
            _fsync_dir(path.parent)
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot fsync a folder; the rename is still atomic
    finally:
        os.close(fd)
