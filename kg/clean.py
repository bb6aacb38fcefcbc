"""Remove scraped debris from article text while remembering where every character came from.

Evidence offsets must point into the ORIGINAL file, so cleaning never loses track: the output is
built from pieces that each know the original span they stand for.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from kg.records import OffsetMap

# One-for-one character replacements: typographic quotes and odd spaces confuse the tokenizer.
_CHAR_MAP = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " ", "\u2009": " ",
    "\u202f": " ", "\u2013": "-", "\u2014": "-", "\u00ad": " ", "\ufeff": " ", "\t": " ",
    "\r": " ",
})

# Whole lines that are page furniture, not article text.
_BOILERPLATE_LINE = re.compile(
    r"^\s*(?:Your browser does not support iframes\.?|Related Posts?|Advertisement|"
    r"Read more:?.*|READ MORE:?.*|Share this article|Share|Follow us.*|Sign up.*newsletter.*|"
    r"Click here.*|Listen to the .* podcast.*|.* - Listen to the .* podcast)\s*$",
    re.IGNORECASE,
)
_DATE_LINE = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*\n?")
# "finalCredit: Sky Sports5The winners": the credit, and the caption count glued to the next caption.
_CREDIT = re.compile(r"Credit:[^\n]*?(?:\d{1,2}(?=[A-Z])|(?<=[a-z])(?=[A-Z])|(?=\n)|\Z)")
_CAPTION_COUNT = re.compile(r"(?m)^[ \t]*\d{1,2}(?=[A-Z][a-z])")
_BULLET = re.compile(r"[\u2022\u25cf\u25aa\u25ba\u2023\u2043\u00b7]")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


@dataclass(frozen=True)
class Cleaned:
    text: str
    offsets: OffsetMap
    date: str | None


class _Builder:
    """Accumulates cleaned text with, for each character, its original span."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []

    def keep(self, text: str, start: int) -> None:
        self.parts.append(text)
        self.starts.extend(range(start, start + len(text)))
        self.ends.extend(range(start + 1, start + len(text) + 1))

    def replace(self, text: str, start: int, end: int) -> None:
        self.parts.append(text)
        self.starts.extend([start] * len(text))
        self.ends.extend([end] * len(text))

    def last_char(self) -> str:
        for part in reversed(self.parts):
            if part:
                return part[-1]
        return ""

    def build(self) -> tuple[str, OffsetMap]:
        return "".join(self.parts), OffsetMap(tuple(self.starts), tuple(self.ends))


def _removals(text: str, extra: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Spans to drop or replace, as (start, end, replacement), not overlapping, in order."""
    spans: list[tuple[int, int, str]] = list(extra)
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\n")
        if body.strip() and _BOILERPLATE_LINE.match(body):
            spans.append((pos, pos + len(body), ""))
        pos += len(line)
    for m in _CREDIT.finditer(text):
        spans.append((m.start(), m.end(), "\n"))
    for m in _CAPTION_COUNT.finditer(text):
        spans.append((m.start(), m.end(), ""))
    for m in _BULLET.finditer(text):
        spans.append((m.start(), m.end(), " "))
    for m in _ENTITY.finditer(text):
        decoded = html.unescape(m.group())
        if decoded != m.group():
            spans.append((m.start(), m.end(), decoded.translate(_CHAR_MAP)))
    spans.sort()
    merged: list[tuple[int, int, str]] = []
    for span in spans:
        if merged and span[0] < merged[-1][1]:
            continue  # the earlier span already covers it
        merged.append(span)
    return merged


def clean(original: str, extra: list[tuple[int, int, str]] | None = None) -> Cleaned:
    """Clean an article's text; the result's offsets map back into ``original``.

    ``extra`` holds further removal spans from a format reader (HTML tags, say).
    """
    out = _Builder()
    date = None
    start = 0
    head = _DATE_LINE.match(original)
    if head:
        date = head.group(1)
        out.replace("", 0, head.end())
        start = head.end()
    for s, e, replacement in _removals(original, extra or []):
        if e <= start:
            continue
        s = max(s, start)
        if s > start:
            out.keep(original[start:s].translate(_CHAR_MAP), start)
        if replacement == "\n" and out.last_char() not in ".!?\"'\n":
            replacement = ".\n"  # a credit ends a caption sentence that had no full stop
        out.replace(replacement, s, e)
        start = e
    out.keep(original[start:].translate(_CHAR_MAP), start)
    text, offsets = out.build()
    return Cleaned(text, offsets, date)
