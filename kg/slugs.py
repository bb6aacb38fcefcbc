"""Readable, stable slugs for IRIs: `Virgil van Dijk` -> `virgil-van-dijk`, `Jürgen` -> `jurgen`."""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

_FOLD = str.maketrans({"ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "ß": "ss", "đ": "d", "ł": "l",
                       "Ł": "l", "ı": "i", "œ": "oe", "þ": "th", "ð": "d"})
_NON_SLUG = re.compile(r"[^a-z0-9]+")
_NON_WORD = re.compile(r"[\W_]+")


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case ASCII folding: accents and ligatures removed, for comparing names.

    Cached: extraction compares the same few thousand words over and over."""
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()


def slugify(text: str, max_length: int = 80) -> str:
    """A lower-case ASCII slug made of [a-z0-9-]; empty when the text has no letters or digits.

    A name with letters but none that fold to ASCII (Arabic, Hebrew, Chinese, Greek...) gets
    ``u-`` and a hash of its folded words, so two such names never share one IRI.
    """
    folded = fold(text)
    slug = _NON_SLUG.sub("-", folded.encode("ascii", "ignore").decode()).strip("-")
    if not slug:
        words = " ".join(_NON_WORD.sub(" ", folded).split())
        if words:
            slug = "u-" + hashlib.sha1(words.encode("utf-8")).hexdigest()[:12]
    if len(slug) > max_length:
        digest = hashlib.sha1(slug.encode()).hexdigest()[:8]
        slug = slug[: max_length - 9].rstrip("-") + "-" + digest
    return slug


@functools.lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """How two spellings of one name compare: folded, hyphens and apostrophes as spaces.

    Letters that do not fold to ASCII are kept (they used to be dropped, so every Arabic or
    Hebrew name had the same, empty, key and all such people became one node).
    """
    return " ".join(_NON_WORD.sub(" ", fold(text)).split())
