"""Read input paths into Documents: find the files, check them, decode them, clean them.

Every problem a user can fix becomes an `InputError` naming the file; the caller decides whether
the run goes on (it does: other files are still built).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.clean import clean
from kg.errors import InputError
from kg.html_text import html_spans, html_title
from kg.records import Document
from kg.slugs import slugify

SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_TITLE_LINE = re.compile(r"\A[ \t]*([^\n]{3,250}?)[ \t]*\n[ \t]*\n")
_MD_MARKUP = re.compile(r"(?m)^#{1,6}[ \t]+|\*\*|__|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)|^>[ \t]?")


@dataclass(frozen=True)
class Source:
    """A file to read, and the name it is known by in the output (machine-independent)."""

    path: Path
    name: str


def find_sources(paths: list[str]) -> tuple[list[Source], list[InputError]]:
    """Expand files and folders into the article files they hold, in a stable order."""
    found: list[Source] = []
    errors: list[InputError] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in SUFFIXES and not _hidden(child, path):
                    found.append(Source(child, (Path(path.name) / child.relative_to(path)).as_posix()))
        elif path.is_file():
            found.append(Source(path, path.name))
        else:
            errors.append(InputError(raw, "no such file or folder"))
    return found, errors


def _hidden(child: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in child.relative_to(root).parts)


def decode(data: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Bytes to text, or an InputError saying why these bytes are not an article."""
    if len(data) > max_bytes:
        raise InputError(name, f"file is {len(data):,} bytes, over the {max_bytes:,}-byte limit "
                         "(raise it with --max-bytes)")
    if b"\x00" in data:
        raise InputError(name, "binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(name, f"not UTF-8: invalid byte 0x{data[err.start]:02x} at offset "
                         f"{err.start}; re-save the file as UTF-8") from None
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > max(8, len(text[:65536]) // 50):
        raise InputError(name, "binary file (mostly control characters), not text")
    if not text.strip("\ufeff \t\r\n\f"):
        raise InputError(name, "empty file: no article text")
    return text


def read_source(source: Source, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | InputError]:
    """The Documents in one file (one, or one per line for JSON Lines), and per-record errors."""
    try:
        data = source.path.read_bytes()
    except OSError as err:
        yield InputError(source.name, f"cannot read: {err.strerror or err}")
        return
    try:
        text = decode(data, source.name, max_bytes)
    except InputError as err:
        yield err
        return
    suffix = source.path.suffix.lower()
    if suffix == ".jsonl":
        yield from _read_jsonl(text, source.name)
    else:
        yield make_document(text, source.name, _doc_id(source.name), html=suffix in (".html", ".htm"),
                            markdown=suffix == ".md")


def _doc_id(name: str) -> str:
    return slugify(name.rsplit("/", 1)[-1].rsplit(".", 1)[0]) or "article"


def _read_jsonl(text: str, name: str) -> Iterator[Document | InputError]:
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{name}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield InputError(where, f"not a JSON object ({err.msg})")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield InputError(where, 'each line needs an object with a "text" string')
            continue
        if not record["text"].strip():
            yield InputError(where, "empty article text")
            continue
        rid = str(record.get("id") or lineno)
        doc = make_document(record["text"], where, slugify(rid) or f"line-{lineno}")
        meta = {k: record.get(k) for k in ("title", "date", "url")}
        yield Document(doc.id, doc.source, doc.original, doc.text, doc.offsets,
                       title=_str_or(meta["title"], doc.title), date=_str_or(meta["date"], doc.date),
                       url=_str_or(meta["url"], None))


def _str_or(value: object, default: str | None) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else default


def make_document(original: str, source: str, doc_id: str, html: bool = False,
                  markdown: bool = False) -> Document:
    """Clean one article's text into a Document (offsets stay in ``original``)."""
    extra: list[tuple[int, int, str]] = []
    title = None
    if html:
        extra = html_spans(original)
        title = html_title(original)
    elif markdown:
        extra = [(m.start(), m.end(), "") for m in _MD_MARKUP.finditer(original)]
    cleaned = clean(original, extra)
    if title is None:
        m = _TITLE_LINE.match(cleaned.text)
        if m and m.group(1).rstrip()[-1:] not in ".!?\"'":
            title = m.group(1).strip()
    return Document(doc_id, source, original, cleaned.text, cleaned.offsets, title=title,
                    date=cleaned.date)
