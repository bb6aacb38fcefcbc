"""Plain records passed between pipeline stages.

Frozen dataclasses that refer to each other by string keys, so they compare, sort and serialise
easily, and tests can build them by hand without a language model.

Reference keys used by extraction records:
  ``P:<name>``  a person, by the fullest name the article gives (resolved across articles later)
  ``G:<id>``    a gazetteer entry (club, national team, trophy, stadium)
  ``M:<key>``   a match reported by the article
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

# The club a player is on loan from: no membership (annotators give the lending club nothing; he
# plays for the borrower), but the "from" of the loan's transfer record (`kg.history`).
LOANED_FROM = "loanedFrom"


@dataclass(frozen=True)
class OffsetMap:
    """Maps each character of cleaned text back to the original text.

    Character ``i`` of the cleaned text begins at ``starts[i]`` in the original and ends at
    ``ends[i]``; inserted characters (such as a sentence break put in for a removed caption
    credit) map to the span they replace. Stored as runs, not per character: inside a run either
    both positions step by one (text kept as it was) or both stay put (a replacement). An
    article has a few dozen runs where per-character arrays took 8 bytes a character, which
    for 20,000 articles held in memory was most of the build's footprint.
    """

    at: tuple[int, ...]  # the cleaned-text position where each run begins (ascending, from 0)
    first_start: tuple[int, ...]  # starts[] and ends[] at the run's first character
    first_end: tuple[int, ...]
    steps: tuple[int, ...]  # 1: positions advance with the text; 0: constant
    length: int

    @classmethod
    def from_spans(cls, starts: Sequence[int], ends: Sequence[int]) -> OffsetMap:
        """Build from per-character ``starts`` and ``ends`` (equal lengths)."""
        if len(starts) != len(ends):
            raise ValueError("starts and ends differ in length")
        at: list[int] = []
        first_start: list[int] = []
        first_end: list[int] = []
        steps: list[int] = []
        i, n = 0, len(starts)
        while i < n:
            s0, e0 = starts[i], ends[i]
            j = i + 1
            if j < n and starts[j] == s0 + 1 and ends[j] == e0 + 1:
                step = 1
                while j < n and starts[j] == s0 + (j - i) and ends[j] == e0 + (j - i):
                    j += 1
            else:
                step = 0
                while j < n and starts[j] == s0 and ends[j] == e0:
                    j += 1
            at.append(i)
            first_start.append(s0)
            first_end.append(e0)
            steps.append(step)
            i = j
        return cls(tuple(at), tuple(first_start), tuple(first_end), tuple(steps), n)

    def __len__(self) -> int:
        return self.length

    def start_of(self, i: int) -> int:
        """``starts[i]``: where cleaned character ``i`` begins in the original."""
        r = bisect_right(self.at, i) - 1
        return self.first_start[r] + self.steps[r] * (i - self.at[r])

    def end_of(self, i: int) -> int:
        """``ends[i]``: where cleaned character ``i`` ends in the original."""
        r = bisect_right(self.at, i) - 1
        return self.first_end[r] + self.steps[r] * (i - self.at[r])

    @property
    def starts(self) -> tuple[int, ...]:
        return tuple(self.start_of(i) for i in range(self.length))

    @property
    def ends(self) -> tuple[int, ...]:
        return tuple(self.end_of(i) for i in range(self.length))

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``[start, end)`` of the cleaned span ``[start, end)``."""
        if end <= start:
            if start < self.length:
                pos = self.start_of(start)
            else:
                pos = self.end_of(self.length - 1) if self.length else 0
            return pos, pos
        return self.start_of(start), self.end_of(end - 1)


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
    """A relation between two references, with its evidence.

    ``probability``: the scorer's calibrated probability that the article states the fact (the
    same for every sentence of one article; the evidence's confidence is its sentence's own).
    None for facts that only a rule decided."""

    subject: str
    predicate: str
    object: str
    evidence: Evidence
    probability: float | None = None


@dataclass(frozen=True)
class TypeScore:
    """The scorer's probabilities that a person of one article is a player, a manager, another
    person, or no person the article is about (a misread name)."""

    ref: str
    player: float
    manager: float
    person: float
    none: float


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
    probability: float | None = None  # the scorer's calibrated probability that the result is right
    final_probability: float | None = None  # ... that the winner of this final won the competition


@dataclass(frozen=True)
class Extraction:
    """Everything read from one article: a pure function of the article and the rules."""

    doc: Document
    mentions: tuple[Mention, ...] = ()
    roles: tuple[RoleCue, ...] = ()
    facts: tuple[Fact, ...] = ()
    matches: tuple[MatchReport, ...] = ()
    diagnostics: tuple[str, ...] = ()
    types: tuple[TypeScore, ...] = ()


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


@dataclass(frozen=True)
class Spell:
    """A person's time at a team, dated by the articles that report it (`kg.history`).

    ``status``: rumour, agreed (a move not yet done), completed (a member as of the newest
    evidence) or ended. ``start``/``end``: the dates of the articles that report the move in
    (a signing, an appointment) and the move out (a later move, a sacking), when one does.
    ``first_seen``/``last_seen``: the dates of the first and last article that support the
    membership itself."""

    key: str  # spell/<person key>/<team key>
    person: str
    team: str
    role: str  # player | manager
    status: str
    start: str | None = None
    end: str | None = None
    first_seen: str | None = None
    last_seen: str | None = None


@dataclass(frozen=True)
class Transfer:
    """A player's move (or a rumoured one) between two teams, as the articles report it.

    ``kind``: permanent, loan, free or loan-return; ``status``: rumour, bid, agreed or completed
    (the furthest any article reports); ``date``: the first article that reports that status.
    ``fee``: the amount in ``currency`` (ISO 4217), None when not given; ``fee_text``: the fee as
    written ("£20m", "undisclosed")."""

    key: str  # transfer/<player key>/<to team key>[/loan]
    player: str
    to_team: str
    from_team: str | None
    kind: str
    status: str
    date: str | None
    fee: int | None
    currency: str | None
    fee_text: str | None
    evidence: tuple[Evidence, ...] = ()
