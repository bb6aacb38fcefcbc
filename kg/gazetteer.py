"""The gazetteer: clubs, national teams, trophies and stadiums, with aliases and nicknames.

World knowledge lives in `kg/data/gazetteer.json`; people are never listed there.
Aliases name one entry; nicknames ("the Blues") may name several and are resolved per article.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from kg.datafiles import read_json
from kg.errors import DataError, Errors
from kg.slugs import name_key

TYPES = ("Club", "NationalTeam", "Trophy", "Stadium")


@dataclass(frozen=True)
class Entry:
    id: str
    type: str
    label: str
    wikidata: str | None
    aliases: tuple[str, ...]
    nicknames: tuple[str, ...]
    country: str | None
    stadium: str | None
    women: bool = False  # a women's club or competition (NWSL sides, the WSL)
    women_counterpart: str | None = None  # the women's competition it stands for in a women's article
    short_form: str | None = None  # the nickname `short_forms` gave it ("City"), not a listed one


_ARTICLES = ("the ", "los ", "las ", "la ", "el ", "os ", "as ", "il ", "les ")


def strip_article(name: str) -> str:
    """`the Reds` -> `Reds`, `Los Millonarios` -> `Millonarios`: nicknames are matched with or
    without the article (English, Spanish, Portuguese, Italian or French)."""
    lower = name.lower()
    article = next((a for a in _ARTICLES if lower.startswith(a) and len(name) > len(a)), "")
    return name[len(article):]


def _short_form(item: dict, short: frozenset[str]) -> str | None:
    """The last word of a club's name when that word is one clubs are called by alone ("City"
    for Melbourne City, "Rovers" for Shamrock Rovers; `short_forms`), unless a listed nickname
    already: a nickname many clubs share, so it names one only where the article names that club."""
    words = item["label"].split()
    if item["type"] != "Club" or len(words) < 2 or words[-1] not in short or \
            any(strip_article(n).lower() == words[-1].lower() for n in item.get("nicknames", ())):
        return None
    return words[-1]


class Gazetteer:
    """Look-ups over the entries: by id, by exact surface form, by nickname."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = {e.id: e for e in sorted(entries, key=lambda e: e.id)}
        self._towns: dict[frozenset[str], dict[str, tuple[str, ...]]] = {}

    @classmethod
    def load(cls, path: str | Path | None = None) -> Gazetteer:
        raw = read_json("gazetteer.json", path)
        try:
            short = frozenset(raw.get("short_forms", ()))
            entries = []
            for item in raw["entries"]:
                derived = _short_form(item, short)
                entries.append(Entry(
                    id=item["id"], type=item["type"], label=item["label"],
                    wikidata=item.get("wikidata"), aliases=tuple(item.get("aliases", ())),
                    nicknames=(*item.get("nicknames", ()), *([derived] if derived else [])),
                    country=item.get("country"), stadium=item.get("stadium"),
                    women=bool(item.get("women", False)), women_counterpart=item.get("women_counterpart"),
                    short_form=derived,
                ))
        except (KeyError, TypeError) as err:
            raise DataError(Errors.E059.format(path=path or "kg/data/gazetteer.json", why=err)) from None
        return cls(entries)

    def names(self, entry: Entry) -> tuple[str, ...]:
        """Unambiguous surface forms of an entry: label and aliases."""
        return (entry.label, *entry.aliases)

    @cached_property
    def by_name(self) -> dict[str, str]:
        """name_key of a label or alias -> entry id."""
        index: dict[str, str] = {}
        for entry in self.entries.values():
            for name in self.names(entry):
                index.setdefault(name_key(name), entry.id)
        return index

    @cached_property
    def by_nickname(self) -> dict[str, tuple[str, ...]]:
        """name_key of a nickname (without "the") -> the entry ids that use it."""
        index: dict[str, list[str]] = {}
        for entry in self.entries.values():
            for nick in entry.nicknames:
                ids = index.setdefault(name_key(strip_article(nick)), [])
                if entry.id not in ids:
                    ids.append(entry.id)
        return {k: tuple(v) for k, v in sorted(index.items())}

    def by_town(self, suffixes: frozenset[str]) -> dict[str, tuple[str, ...]]:
        """name_key of a club's name without its last word, when that word is one of ``suffixes``
        ("hamilton" for Hamilton Academical, "sydney" for Sydney FC) -> the clubs so named."""
        cached = self._towns.get(suffixes)
        if cached is None:
            index: dict[str, list[str]] = {}
            for entry in self.entries.values():
                if entry.type != "Club" or entry.women:
                    continue
                for name in self.names(entry):
                    words = name_key(name).split()
                    if len(words) >= 2 and words[-1] in suffixes:
                        ids = index.setdefault(" ".join(words[:-1]), [])
                        if entry.id not in ids:
                            ids.append(entry.id)
            cached = self._towns[suffixes] = {k: tuple(v) for k, v in sorted(index.items())}
        return cached

    @cached_property
    def trophies_by_country(self) -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
        """country -> (trophy id, name_keys of its label and aliases) of its competitions."""
        index: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for entry in self.entries.values():
            if entry.type == "Trophy" and entry.country:
                index.setdefault(entry.country, []).append((entry.id, tuple(name_key(n) for n in self.names(entry))))
        return {k: tuple(v) for k, v in index.items()}

    @cached_property
    def home_of(self) -> dict[str, tuple[str, ...]]:
        """stadium id -> the clubs whose home ground it is."""
        index: dict[str, list[str]] = {}
        for entry in self.entries.values():
            if entry.stadium:
                index.setdefault(entry.stadium, []).append(entry.id)
        return {k: tuple(v) for k, v in index.items()}
