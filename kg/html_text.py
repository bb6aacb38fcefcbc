"""Find the spans of an HTML page that are not article text (tags, scripts, navigation).

Returned as removal spans over the original source, so the cleaner keeps offsets into the HTML
file itself. A single left-to-right scan rather than a DOM or backtracking regular expressions:
it never recurses and never searches the same stretch twice, so deeply nested, broken or hostile
markup (10,000 nested ``<div>``, an unclosed ``<script>``, ``<!--`` without an end, thousands of
``<`` with no ``>``) costs linear time.

Broken markup is read the way browsers read it: a comment, CDATA section or ``<!``/``<?``
declaration without its end runs to the end of the file; an unclosed ``<script>`` or ``<style>``
is script to the end of the file; an unclosed ``<nav>`` (or other dropped block) drops only its
tag; a ``<`` that never meets a ``>`` is text.
"""

from __future__ import annotations

import html
import re

# Blocks dropped with their content: page furniture, and elements whose content is not text. A
# caption is text: "Sunderland boss Neil Garside watches on", "Austin Otieno of Gor Mahia celebrates".
_DROP_BLOCKS = frozenset(
    "script style nav footer header aside noscript form svg iframe button template".split()
)
# Of those, the ones whose content is raw text (no tags inside): unclosed, they run to the end.
_RAW_TEXT = frozenset({"script", "style"})
_BLOCK_TAGS = frozenset(
    "p div br h1 h2 h3 h4 h5 h6 li ul ol tr td th table section article main title blockquote "
    "dd dt figure figcaption hr body html head pre".split()
)
# Anything that may start markup: a comment, CDATA, a declaration or processing instruction, a tag.
_MARKUP = re.compile(r"<(?:(!--)|(!\[CDATA\[)|([!?])|(/?)([A-Za-z][A-Za-z0-9]*))")
_WHITESPACE = re.compile(r"\s+")
_TITLE_START = re.compile(r"<(title|h1)(?![A-Za-z0-9])", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^<>]*>")


class _Finder:
    """Repeated forward searches for one needle that never rescan: positions only grow."""

    def __init__(self, source: str, pattern: re.Pattern[str] | str) -> None:
        self.source = source
        self.pattern = pattern
        self.searched_from = -1
        self.found: tuple[int, int] | None = None  # the first match at or after searched_from

    def next(self, pos: int) -> tuple[int, int] | None:
        """(start, end) of the first match at or after ``pos``."""
        cached = self.found
        if self.searched_from >= 0 and pos >= self.searched_from and (cached is None or pos <= cached[0]):
            return cached
        self.searched_from = pos
        if isinstance(self.pattern, str):
            i = self.source.find(self.pattern, pos)
            self.found = None if i < 0 else (i, i + len(self.pattern))
        else:
            m = self.pattern.search(self.source, pos)
            self.found = None if m is None else (m.start(), m.end())
        return self.found


class _Scanner:
    def __init__(self, source: str) -> None:
        self.source = source
        self.gt = _Finder(source, ">")
        self.comment_end = _Finder(source, "-->")
        self.cdata_end = _Finder(source, "]]>")
        self.closers: dict[str, _Finder] = {}

    def closer(self, name: str) -> _Finder:
        finder = self.closers.get(name)
        if finder is None:
            finder = self.closers[name] = _Finder(
                self.source, re.compile(rf"</{name}(?![A-Za-z0-9])[^<>]*>", re.IGNORECASE))
        return finder

    def markup(self) -> list[tuple[int, int, str]]:
        """Every piece of markup, in order, as (start, end, kind): kind is drop, block or inline."""
        source, n = self.source, len(self.source)
        out: list[tuple[int, int, str]] = []
        pos = 0
        while True:
            m = _MARKUP.search(source, pos)
            if m is None:
                return out
            start = m.start()
            if m.group(1) or m.group(2):  # <!-- ... --> or <![CDATA[ ... ]]>
                # "<!-->" and "<!--->" are (empty) comments too, as in browsers
                hit = self.comment_end.next(start + 2) if m.group(1) else self.cdata_end.next(m.end())
                end = hit[1] if hit else n
                out.append((start, end, "drop"))
                pos = end
                continue
            if m.group(3):  # <!DOCTYPE ...>, <?xml ...?>, bogus comments
                hit = self.gt.next(m.end())
                end = hit[1] if hit else n
                out.append((start, end, "drop"))
                pos = end
                continue
            hit = self.gt.next(m.end())
            if hit is None:  # a "<" that never closes is text
                pos = m.end()
                continue
            name = m.group(5).lower()
            tag_end = hit[1]
            if not m.group(4) and name in _DROP_BLOCKS:
                if source[tag_end - 2:tag_end] == "/>" and name not in _RAW_TEXT:
                    out.append((start, tag_end, "drop"))  # <svg ... />
                    pos = tag_end
                    continue
                close = self.closer(name).next(tag_end)
                if close is not None:
                    out.append((start, close[1], "drop"))
                    pos = close[1]
                    continue
                if name in _RAW_TEXT:
                    out.append((start, n, "drop"))
                    return out
            out.append((start, tag_end, "block" if name in _BLOCK_TAGS else "inline"))
            pos = tag_end


def html_spans(source: str) -> list[tuple[int, int, str]]:
    """Removal spans (start, end, replacement) that turn ``source`` into its readable text.

    Spans are sorted and never overlap; each lies within ``source``.
    """
    spans: list[tuple[int, int, str]] = []
    cursor = 0
    for start, end, kind in _Scanner(source).markup() + [(len(source), len(source), "")]:
        if start > cursor:  # text between markup: a run of whitespace with a line break is a space
            for w in _WHITESPACE.finditer(source, cursor, start):
                if "\n" in w.group():
                    spans.append((w.start(), w.end(), " "))
        if end > start:
            spans.append((start, end, "" if kind == "inline" else "\n"))
        cursor = end
    return spans


def html_title(source: str) -> str | None:
    """The page's <title>, or its first <h1>, as plain text."""
    scanner = _Scanner(source)
    pos = 0
    while True:
        m = _TITLE_START.search(source, pos)
        if m is None:
            return None
        pos = m.end()
        opened = scanner.gt.next(m.end())
        if opened is None:
            return None
        close = scanner.closer(m.group(1).lower()).next(opened[1])
        if close is None:
            continue
        raw = source[opened[1]:close[0]]
        text = " ".join(html.unescape(_ANY_TAG.sub(" ", raw)).split())
        return text[:500] or None
