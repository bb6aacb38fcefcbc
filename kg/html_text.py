"""Find the spans of an HTML page that are not article text (tags, scripts, navigation).

Returned as removal spans over the original source, so the cleaner keeps offsets into the HTML
file itself. Regular expressions rather than a DOM: they never recurse, so deeply nested or broken
markup costs linear time.
"""

from __future__ import annotations

import html
import re

_DROP_BLOCK = re.compile(
    r"<(script|style|nav|footer|header|aside|noscript|form|svg|iframe|button|figcaption|template)"
    r"\b[^>]*>.*?</\1\s*>",
    re.IGNORECASE | re.DOTALL,
)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?\]\]>|<![^>]*>|<\?[^>]*>", re.DOTALL)
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)\b[^>]*>")
_BLOCK_TAGS = frozenset(
    "p div br h1 h2 h3 h4 h5 h6 li ul ol tr td th table section article main title blockquote "
    "dd dt figure hr body html head pre".split()
)
_NEWLINE = re.compile(r"\s*\n\s*")
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>|<h1\b[^>]*>(.*?)</h1\s*>", re.IGNORECASE | re.DOTALL)


def html_spans(source: str) -> list[tuple[int, int, str]]:
    """Removal spans (start, end, replacement) that turn ``source`` into its readable text."""
    spans: list[tuple[int, int, str]] = []
    taken = [(m.start(), m.end()) for m in _COMMENT.finditer(source)]
    taken += [(m.start(), m.end()) for m in _DROP_BLOCK.finditer(source)]
    taken.sort()
    covered: list[tuple[int, int]] = []
    for s, e in taken:
        if covered and s < covered[-1][1]:
            continue
        covered.append((s, e))
        spans.append((s, e, "\n"))
    cursor = 0
    for s, e in covered + [(len(source), len(source))]:
        segment = source[cursor:s]
        for m in _TAG.finditer(segment):
            block = m.group(1).lower() in _BLOCK_TAGS
            spans.append((cursor + m.start(), cursor + m.end(), "\n" if block else ""))
        for m in _NEWLINE.finditer(segment):
            if "<" not in m.group() and ">" not in m.group():
                spans.append((cursor + m.start(), cursor + m.end(), " "))
        cursor = e
    spans.sort()
    merged: list[tuple[int, int, str]] = []
    for span in spans:
        if merged and span[0] < merged[-1][1]:
            continue
        merged.append(span)
    return merged


def html_title(source: str) -> str | None:
    """The page's <title>, or its first <h1>, as plain text."""
    m = _TITLE.search(source)
    if not m:
        return None
    raw = m.group(1) if m.group(1) is not None else m.group(2)
    text = " ".join(html.unescape(_TAG.sub(" ", raw)).split())
    return text or None
