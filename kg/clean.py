"""Remove scraped debris from article text while remembering where every character came from.

Evidence offsets must point into the ORIGINAL file, so cleaning never loses track: the output is
built from pieces that each know the original span they stand for.

Two passes. The first works on characters: markup spans from a format reader, caption credits,
bullets, HTML entities, typographic quotes and odd spaces. The second works on the lines the first
produced (so a "Related Posts" inside ``<p>`` or right after a credit is still a line of its own):
page-furniture lines and caption counts. Every pattern is linear in the text, whatever it holds,
and cleaning cleaned text changes nothing.
"""

from __future__ import annotations

import html
import re
from array import array
from dataclasses import dataclass

from kg.records import OffsetMap

# One-for-one character replacements: typographic quotes and odd spaces confuse the tokenizer.
_CHAR_MAP = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " ", "\u2009": " ",
    "\u202f": " ", "\u2013": "-", "\u2014": "-", "\u00ad": " ", "\ufeff": " ", "\t": " ",
    "\r": " ",
    # Unicode line breaks become plain ones: str.splitlines() breaks lines at them, the
    # line-anchored patterns at "\n" only, and the two must agree.
    "\u2028": "\n", "\u2029": "\n", "\x85": "\n", "\x0b": "\n", "\x0c": "\n",
    "\x1c": "\n", "\x1d": "\n", "\x1e": "\n",
})

# Whole lines that are page furniture, not article text. Matched against the line without the
# spaces, bullets and caption count around it, and only when that is short: the ".*" parts must
# never backtrack over a long line.
_BOILERPLATE_LINE = re.compile(
    r"Your browser does not support iframes\.?|Related Posts?|Advertisement|"
    r"Read more:?.*|READ MORE:?.*|Share this article|Share|Follow us.*|Sign up.*newsletter.*|"
    r"Click here.*|Listen to the .* podcast.*",
    re.IGNORECASE,
)
_BOILERPLATE_MAX = 300
# A teaser's promotional tail: "Arteta refuses to rotate - Listen to the It all starts podcast".
# Only the tail goes; the headline before it is article text.
# (The look-behind makes a match start only where a run of spaces starts: tried at every space of
# a long run, the pattern took quadratic time.)
_PROMO_TAIL = re.compile(r"(?<![ \t])[ \t]+[-|][ \t]+(?:Listen to|Watch|Subscribe to|Read)\b[^\n]{0,120}$",
                         re.MULTILINE)
_TAIL_WINDOW = 400
_DATE_LINE = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*\n?")
# "finalCredit: Sky Sports5The winners": the credit, and the caption count glued to the next caption.
_CREDIT = re.compile(r"Credit:[^\n]*?(?:\d{1,2}(?=[A-Z])|(?<=[a-z])(?=[A-Z])|(?=\n)|\Z)")
_BULLET = re.compile(r"[\u2022\u25cf\u25aa\u25ba\u2023\u2043\u00b7]")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# "5Liverpool": a caption count glued to the caption, at the start of a line.
_CAPTION_COUNT = re.compile(r"(?m)^ *(\d{1,2})(?=[A-Z][a-z])")
_LEADING_COUNT = re.compile(r"\d{1,2}(?=[A-Z][a-z])")
_EDGE = re.compile(r"\s*")


@dataclass(frozen=True)
class Cleaned:
    text: str
    offsets: OffsetMap
    date: str | None


class _Builder:
    """Accumulates cleaned text with, for each character, its original span.

    Spans are kept in machine-integer arrays (4 bytes a number, not a Python int's 30 or so), so
    a big file does not cost gigabytes. With ``base`` (the offsets of an earlier pass), positions
    given to `keep` and `replace` are in that pass's text and are mapped through it.
    """

    def __init__(self, size: int, base: tuple[array, array] | None = None) -> None:
        code = "i" if size < 2**31 - 1 else "q"
        self.parts: list[str] = []
        self.starts = array(code)
        self.ends = array(code)
        self.base = base

    def keep(self, text: str, start: int) -> None:
        self.parts.append(text)
        if self.base is None:
            self.starts.extend(range(start, start + len(text)))
            self.ends.extend(range(start + 1, start + len(text) + 1))
        else:
            self.starts.extend(self.base[0][start:start + len(text)])
            self.ends.extend(self.base[1][start:start + len(text)])

    def replace(self, text: str, start: int, end: int) -> None:
        self.parts.append(text)
        if self.base is not None:
            start, end = self.base[0][start], self.base[1][end - 1]
        self.starts.extend([start] * len(text))
        self.ends.extend([end] * len(text))

    def last_char(self) -> str:
        for part in reversed(self.parts):
            if part:
                return part[-1]
        return ""

    def build(self) -> tuple[str, array, array]:
        return "".join(self.parts), self.starts, self.ends


def _merge(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """In order and not overlapping: of two spans at one place the longer wins, and a span that
    starts inside an earlier one is dropped."""
    spans.sort(key=lambda span: (span[0], -span[1]))
    merged: list[tuple[int, int, str]] = []
    for span in spans:
        if span[1] <= span[0] or (merged and span[0] < merged[-1][1]):
            continue
        merged.append(span)
    return merged


def _character_removals(text: str, extra: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """First pass: spans to drop or replace, as (start, end, replacement)."""
    spans: list[tuple[int, int, str]] = list(extra)
    for m in _CREDIT.finditer(text):
        spans.append((m.start(), m.end(), "\n"))
    for m in _BULLET.finditer(text):
        spans.append((m.start(), m.end(), " "))
    for m in _ENTITY.finditer(text):
        decoded = html.unescape(m.group())
        if decoded != m.group():
            spans.append((m.start(), m.end(), decoded.translate(_CHAR_MAP)))
    return _merge(spans)


def _promo_tail(line: str) -> int | None:
    """Where the promotional tail(s) at the end of a line start, or None.

    Tails are peeled off one by one (a tail can hide an earlier one, as its length is limited),
    each looked for in the last `_TAIL_WINDOW` characters only, so a line costs linear time.
    """
    start = None
    end = len(line)
    while end > 0:
        window = max(0, end - _TAIL_WINDOW)
        m = _PROMO_TAIL.search(line[window:end])
        if m is None or m.start() == m.end():
            break
        start = end = window + m.start()
    return start


def _line_removals(text: str) -> list[tuple[int, int, str]]:
    """Second pass: page-furniture lines and caption counts in the first pass's text."""
    spans: list[tuple[int, int, str]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\n")
        tail = _promo_tail(body)
        if tail is not None:
            spans.append((pos + tail, pos + len(body), ""))
        rest = body[:tail] if tail is not None else body  # the line as it reads without the tail
        lead = _EDGE.match(rest).end()
        if lead < len(rest):
            stripped = rest[lead:len(rest) - _EDGE.match(rest[::-1]).end()]
            count = _LEADING_COUNT.match(stripped)  # "5Related Posts": the count goes anyway
            if count:
                stripped = stripped[count.end():]
            if len(stripped) <= _BOILERPLATE_MAX and _BOILERPLATE_LINE.fullmatch(stripped):
                spans.append((pos, pos + len(body), ""))
        pos += len(line)
    for m in _CAPTION_COUNT.finditer(text):
        spans.append((m.start(1), m.end(1), ""))
    return _merge(spans)


def _apply(out: _Builder, text: str, spans: list[tuple[int, int, str]], start: int) -> None:
    for s, e, replacement in spans:
        if e <= start:
            continue
        s = max(s, start)
        if s > start:
            out.keep(text[start:s].translate(_CHAR_MAP), start)
        if replacement == "\n" and out.last_char() not in ".!?\"'\n":
            replacement = ".\n"  # a credit ends a caption sentence that had no full stop
        out.replace(replacement, s, e)
        start = e
    out.keep(text[start:].translate(_CHAR_MAP), start)


def clean(original: str, extra: list[tuple[int, int, str]] | None = None) -> Cleaned:
    """Clean an article's text; the result's offsets map back into ``original``.

    ``extra`` holds further removal spans from a format reader (HTML tags, say).
    """
    first = _Builder(len(original))
    date = None
    start = 0
    head = _DATE_LINE.match(original)
    if head:
        date = head.group(1)
        start = head.end()
    _apply(first, original, _character_removals(original, extra or []), start)
    text, starts, ends = first.build()
    spans = _line_removals(text)
    if spans:
        second = _Builder(len(original), base=(starts, ends))
        _apply(second, text, spans, 0)
        text, starts, ends = second.build()
    return Cleaned(text, OffsetMap.from_spans(starts, ends), date)
