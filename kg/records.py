"""Plain records passed between pipeline stages.

Frozen dataclasses that refer to each other by string keys, so they compare, sort and serialise
easily, and tests can build them by hand without a language model.

Reference keys used by extraction records:
  ``P:<name>``  a person, by the fullest name the article gives (resolved across articles later)
  ``G:<id>``    a gazetteer entry (club, national team, trophy, stadium)
  ``M:<key>``   a match reported by the article
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class OffsetMap:
    """Maps each character of cleaned text back to the original text.

    ``starts[i]`` is where cleaned character ``i`` begins in the original and ``ends[i]`` where it
    ends; inserted characters (such as a sentence break put in for a removed caption credit) map to
    the span they replace.
    """

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``[start, end)`` of the cleaned span ``[start, end)``."""
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else (self.ends[-1] if self.ends else 0)
            return pos, pos
        return self.starts[start], self.ends[end - 1]


@dataclass(frozen=True)
class Document:
    """One article: the original text as read, and the cleaned text the NLP sees."""

    id: str
    source: str
    original: str
    text: str
    offsets: OffsetMap
    title: str | None = None
    date: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: a sentence of an article, by original character offsets."""

    doc_id: str
    sentence: str
    start: int
    end: int
    rule: str
    confidence: float


@dataclass(frozen=True)
class Mention:
    """A span of cleaned text that names an entity."""

    doc_id: str
    start: int
    end: int
    text: str
    kind: str  # person | club | national_team | trophy | stadium
    ref: str  # P:... or G:...
    sentence: int


@dataclass(frozen=True)
class RoleCue:
    """A hint from the text about what a person is (player, manager, captain, other)."""

    ref: str
    role: str
    weight: float
    evidence: Evidence


@dataclass(frozen=True)
class Fact:
    """A relation between two references, with its evidence."""

    subject: str
    predicate: str
    object: str
    evidence: Evidence


@dataclass(frozen=True)
class MatchReport:
    """A match as one article reports it; merged across sentences and articles later."""

    key: str  # M:<doc_id>:<n>
    teams: tuple[str, str]  # G: refs, in the order written
    winner: str | None = None
    winner_score: int | None = None
    loser_score: int | None = None
    competition: str | None = None
    stage: str | None = None
    venue: str | None = None
    year: str | None = None
    extra_time: bool = False
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Extraction:
    """Everything read from one article: a pure function of the article and the rules."""

    doc: Document
    mentions: tuple[Mention, ...] = ()
    roles: tuple[RoleCue, ...] = ()
    facts: tuple[Fact, ...] = ()
    matches: tuple[MatchReport, ...] = ()
    diagnostics: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entity:
    """One real-world thing after resolution: one node in the graph."""

    key: str  # stable id, e.g. "player/virgil-van-dijk"
    cls: str  # ontology class local name
    label: str
    alt_labels: tuple[str, ...] = ()
    wikidata: str | None = None
    articles: tuple[str, ...] = ()
    extra: tuple[tuple[str, str], ...] = field(default=())
