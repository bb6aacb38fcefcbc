"""Read input paths into Documents: find the files, check them, decode them, clean them.

Every problem a user can fix becomes an `InputError` naming the file; the caller decides whether
the run goes on (it does: other files are still built).

Encodings: input is UTF-8, with or without a byte-order mark. A file that starts with a UTF-16 or
UTF-32 byte-order mark (what Windows tools call "Unicode") is decoded as such; UTF-16 without a
byte-order mark is refused with a message saying so, like any other bytes that are not UTF-8.
The byte-order mark stays character 0 of the text, so evidence offsets count it whatever the
encoding. File names are shown with control characters escaped and undecodable bytes as U+FFFD,
so every message is one line.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.clean import clean
from kg.errors import Errors, InputError
from kg.html_text import html_spans, html_title
from kg.records import Document
from kg.slugs import slugify

SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_MAX_BAD_LINES = 10  # per JSON Lines file; the rest are counted in one more message
_BOMS = (  # longest first: the UTF-32-LE mark starts with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"), (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"), (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
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
                    found.append(Source(child, display_name(
                        (Path(path.name) / child.relative_to(path)).as_posix())))
        elif path.is_file():
            found.append(Source(path, display_name(path.name)))
        else:
            name = display_name(raw)
            template = Errors.E022 if path.exists() else Errors.E001
            errors.append(InputError(name, template.format(path=name)))
    return found, errors


def display_name(name: str) -> str:
    """A file name fit for one line of text and for UTF-8 output.

    Undecodable bytes (which Python keeps as lone surrogates) become U+FFFD; control characters
    and line or paragraph separators are escaped (a newline shows as ``\\n``).
    """
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        try:
            name = os.fsencode(name).decode("utf-8", "replace")
        except UnicodeEncodeError:  # surrogates that never were bytes
            name = name.encode("utf-8", "replace").decode("utf-8")
    if not any(_unprintable(ch) for ch in name):
        return name
    return "".join(ch.encode("unicode_escape").decode("ascii") if _unprintable(ch) else ch
                   for ch in name)


def _unprintable(ch: str) -> bool:
    return ch < " " or "\x7f" <= ch <= "\x9f" or ch in "\u2028\u2029"


def _hidden(child: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in child.relative_to(root).parts)


def decode(data: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Bytes to text, or an InputError saying why these bytes are not an article."""
    if len(data) > max_bytes:
        raise InputError(name, Errors.E025.format(path=name, size=len(data), limit=max_bytes))
    text = None
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as err:
                raise InputError(name, Errors.E026.format(path=name, encoding=label,
                                                          offset=err.start)) from None
            break
    if text is None:
        if b"\x00" in data:
            if _looks_utf16(data):
                raise InputError(name, Errors.E027.format(path=name))
            raise InputError(name, Errors.E029.format(path=name))
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as err:
            raise InputError(name, Errors.E028.format(path=name, byte=data[err.start],
                                                      offset=err.start)) from None
    elif "\x00" in text:
        raise InputError(name, Errors.E030.format(path=name))
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > max(8, len(text[:65536]) // 50):
        raise InputError(name, Errors.E031.format(path=name))
    if not text.replace("\ufeff", "").strip():
        raise InputError(name, Errors.E032.format(path=name))
    return text


def _looks_utf16(data: bytes) -> bool:
    """Mostly-ASCII text in UTF-16: a NUL in nearly every other byte, and few in between."""
    sample = data[:4096]
    if len(sample) < 4:
        return False
    shares = sorted(half.count(0) / len(half) for half in (sample[0::2], sample[1::2]))
    return shares[0] < 0.1 and shares[1] > 0.7


def read_source(source: Source, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | InputError]:
    """The Documents in one file (one, or one per line for JSON Lines), and per-record errors."""
    try:
        with open(source.path, "rb") as fh:
            info = os.fstat(fh.fileno())
            if not stat.S_ISREG(info.st_mode):
                yield InputError(source.name, Errors.E023.format(path=source.name))
                return
            if info.st_size > max_bytes:  # refused before reading a byte of it
                yield InputError(source.name, Errors.E025.format(path=source.name, size=info.st_size,
                                                                 limit=max_bytes))
                return
            data = fh.read(max_bytes + 1)  # the file may have grown since
    except OSError as err:
        yield InputError(source.name, Errors.E024.format(path=source.name, why=err.strerror or err))
        return
    try:
        text = decode(data, source.name, max_bytes)
    except InputError as err:
        yield err
        return
    suffix = source.path.suffix.lower()
    if suffix == ".jsonl":
        yield from _read_jsonl(text, source.name)
        return
    doc = make_document(text, source.name, _doc_id(source.name), html=suffix in (".html", ".htm"),
                        markdown=suffix == ".md")
    if not doc.text.strip():
        yield InputError(source.name, Errors.E033.format(path=source.name))
        return
    yield doc


def _doc_id(name: str) -> str:
    return slugify(name.rsplit("/", 1)[-1].rsplit(".", 1)[0]) or "article"


def _read_jsonl(text: str, name: str) -> Iterator[Document | InputError]:
    # Records are split at "\n" only: JSON strings may hold U+2028, U+0085 and the like raw,
    # where str.splitlines would break them.
    bad: list[int] = []
    for lineno, line in enumerate(text.removeprefix("\ufeff").split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{name}:{lineno}"
        message = None
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            message = Errors.E034.format(path=where, why=err.msg)
        except RecursionError:
            message = Errors.E035.format(path=where)
        else:
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                message = Errors.E036.format(path=where)
            elif not record["text"].strip():
                message = Errors.E037.format(path=where)
        if message:
            bad.append(lineno)
            if len(bad) <= _MAX_BAD_LINES:
                yield InputError(where, message)
            continue
        rid = record.get("id")
        rid = str(rid) if isinstance(rid, (str, int)) and not isinstance(rid, bool) else ""
        doc = make_document(record["text"], where, slugify(rid) or f"line-{lineno}")
        if not doc.text.strip():
            bad.append(lineno)
            if len(bad) <= _MAX_BAD_LINES:
                yield InputError(where, Errors.E038.format(path=where))
            continue
        meta = {k: record.get(k) for k in ("title", "date", "url")}
        yield Document(doc.id, doc.source, doc.original, doc.text, doc.offsets,
                       title=_str_or(meta["title"], doc.title), date=_str_or(meta["date"], doc.date),
                       url=_str_or(meta["url"], None))
    if len(bad) > _MAX_BAD_LINES:
        yield InputError(name, Errors.E039.format(path=name, count=len(bad) - _MAX_BAD_LINES,
                                                  first=bad[_MAX_BAD_LINES], last=bad[-1]))


def _headline(text: str) -> str | None:
    """A first line of 3 to 250 characters, followed by a blank line and without a full stop.

    (Plain string operations: the regular expression this once was backtracked quadratically
    over a long run of leading spaces.)
    """
    end = text.find("\n")
    if end < 0:
        return None
    after = text.find("\n", end + 1)
    if after < 0 or text[end + 1:after].strip(" \t"):
        return None
    line = text[:end].strip(" \t")
    if not 3 <= len(line) <= 250 or line.rstrip()[-1:] in ".!?\"'":
        return None
    return line.strip()


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
        title = _headline(cleaned.text)
    return Document(doc_id, source, original, cleaned.text, cleaned.offsets, title=title,
                    date=cleaned.date)


def read_all(paths: list[str], max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[list[Document], list[InputError]]:
    sources, errors = find_sources(paths)
    docs: list[Document] = []
    seen: dict[str, int] = {}
    for source in sources:
        for item in read_source(source, max_bytes):
            if isinstance(item, InputError):
                errors.append(item)
                continue
            n = seen.get(item.id, 0)
            seen[item.id] = n + 1
            if n:  # two files with one name in different folders
                item = Document(f"{item.id}-{n + 1}", item.source, item.original, item.text,
                                item.offsets, item.title, item.date, item.url)
            docs.append(item)
    return docs, errors
