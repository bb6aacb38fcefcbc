"""A parsed article with the look-ups every extraction rule needs.

Built once per article from a Document and its Parsed tokens; rules read it, never change it,
except `mentions.find_mentions`, which fills in the mention index once, and `extract`, which
records once the teams the role rules gave people (`person_teams`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from kg.nlp import Parsed, Token
from kg.records import Document, Evidence

_QUOTES = {'"', "\u201c", "\u201d", "``", "''"}


# the kinds of span that play matches and have members
TEAM_KINDS = ("club", "national_team")
# the verbs that attribute a quote to their subject
SPEECH_VERBS = {"say", "add", "tell", "admit", "insist", "explain", "claim", "reveal", "state", "confirm",
                "concede", "warn", "declare", "joke", "recall", "urge", "stress", "believe", "feel", "praise"}


@dataclass(frozen=True)
class Span:
    """A mention by token range, with its kind and reference key."""

    start: int
    end: int
    kind: str
    ref: str
    text: str
    anaphoric: bool = False  # "the Spaniard", "he": stands for the person named before

    @property
    def head_index(self) -> int:
        return self.end - 1


def _join_split_names(parsed: Parsed) -> list[tuple[int, int]]:
    """The parse's sentences, with a break the parser put inside a name taken out: "yet Blackburn |
    Rovers, who won ..." is one sentence (a line break still always ends one)."""
    sents = [tuple(x) for x in parsed.sents]
    if len(sents) < 2 or not parsed.ents:
        return sents
    starts = {s: n for n, (s, _) in enumerate(sents)}
    joined: set[int] = set()  # sentence n is joined to the one before it
    toks = parsed.tokens
    for e in parsed.ents:
        for i in range(e.start + 1, e.end):
            n = starts.get(i)
            if n and "\n" not in toks[i - 1].ws and "\n" not in toks[i - 1].text:
                joined.add(n)
    if not joined:
        return sents
    out: list[tuple[int, int]] = []
    for n, (s, e) in enumerate(sents):
        if n in joined and out:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


class ArticleView:
    def __init__(self, doc: Document, parsed: Parsed) -> None:
        self.doc = doc
        self.tokens: tuple[Token, ...] = parsed.tokens
        self.sents = _join_split_names(parsed)
        self.ents = parsed.ents
        self.sent_of: list[int] = [0] * len(self.tokens)
        for n, (s, e) in enumerate(self.sents):
            for i in range(s, e):
                self.sent_of[i] = n
        self.children: list[list[int]] = [[] for _ in self.tokens]
        for t in self.tokens:
            if t.head != t.i:
                self.children[t.head].append(t.i)
        self._starts = [t.idx for t in self.tokens]
        self.ent_label: dict[int, str] = {i: e.label for e in self.ents for i in range(e.start, e.end)}
        self.spans: list[Span] = []
        self._span_starts: list[int] = []
        self.span_at: dict[int, int] = {}
        self.person_teams: dict[str, str] = {}  # person ref -> the one team the article gives them
        self.home_clubs: dict[str, str] = {}  # stadium ref -> its one home club (set before the rules run)
        self.earlier_matches: set[str] = set()  # match keys read off "had beaten", "had won their last game"

    @cached_property
    def paragraphs(self) -> list[int]:
        """The paragraph of each sentence (a blank line starts a new one): a round-up tells one
        match a paragraph."""
        out, n = [], 0
        text = self.doc.text
        last = 0
        for s, _ in self.sents:
            start = self.tokens[s].idx if s < len(self.tokens) else last
            if "\n\n" in text[last:start] or "\n \n" in text[last:start]:
                n += 1
            out.append(n)
            last = start
        return out

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [self.doc.offsets.span(self.tokens[s].idx, self.tokens[s].idx + 1)[0] for s, _ in self.sents]

    def sentence_at(self, offset: int) -> int:
        """The sentence an evidence offset (in the original text) falls in."""
        return max(0, bisect_right(self._sentence_starts, offset) - 1)

    @cached_property
    def lower_words(self) -> frozenset[str]:
        """The words the article writes in lower case (so a capitalised one is a common word)."""
        return frozenset(t.text for t in self.tokens if t.text.islower())

    # ------------------------------------------------------------ mentions
    def set_spans(self, spans: list[Span]) -> None:
        self.spans = sorted(spans, key=lambda s: (s.start, s.end))
        self._span_starts = [s.start for s in self.spans]
        self.span_at = {i: n for n, s in enumerate(self.spans) for i in range(s.start, s.end)}

    def set_person_teams(self, pairs: list[tuple[str, str]]) -> None:
        """Record each person's team, for people given exactly one."""
        teams: dict[str, set[str]] = {}
        for person, team in pairs:
            teams.setdefault(person, set()).add(team)
        self.person_teams = {p: next(iter(t)) for p, t in sorted(teams.items()) if len(t) == 1}

    def span_of(self, i: int) -> Span | None:
        n = self.span_at.get(i)
        return None if n is None else self.spans[n]

    def spans_in(self, start: int, end: int, kinds: tuple[str, ...] | None = None) -> list[Span]:
        """The spans inside tokens [start, end), in order (found by bisection: asked once per
        sentence, a scan of every span was quadratic on a long file)."""
        out = []
        for n in range(bisect_left(self._span_starts, start), len(self.spans)):
            s = self.spans[n]
            if s.start >= end:
                break
            if s.end <= end and (kinds is None or s.kind in kinds):
                out.append(s)
        return out

    def sentence_spans(self, si: int, kinds: tuple[str, ...] | None = None) -> list[Span]:
        s, e = self.sents[si]
        return self.spans_in(s, e, kinds)

    def focus_club(self) -> str | None:
        """The club an article is about: named at least three times and twice as often as
        any other club."""
        counts: dict[str, int] = {}
        for s in self.spans:
            if s.kind == "club":
                counts[s.ref] = counts.get(s.ref, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
            return None
        return ranked[0][0]

    def leading_team(self, kinds: tuple[str, ...] = ("club",)) -> str | None:
        """The team an article names most, when that is at least three times and more often than
        any other: whose the lists under no team's name are (a season preview's "Arrivals:", a
        squad by position)."""
        counts = Counter(s.ref for s in self.spans if s.kind in kinds and s.ref and not s.anaphoric).most_common(2)
        if not counts or counts[0][1] < 3 or (len(counts) > 1 and counts[0][1] == counts[1][1]):
            return None
        return counts[0][0]

    def leading_person(self) -> str | None:
        """The person a profile is about: named at least three times and more than twice as often
        as anyone else (whose a factfile's "Honours:" and "Clubs:" lines are)."""
        ranked = Counter(x.ref for x in self.spans if x.kind == "person" and x.ref).most_common(2)
        if not ranked or ranked[0][1] < 3 or (len(ranked) == 2 and 2 * ranked[1][1] > ranked[0][1]):
            return None
        return ranked[0][0]

    def pronoun_team(self, i: int, exclude: set[str] | frozenset[str] = frozenset()) -> Span | None:
        """The team "they", "their" or "its" at token i stands for: the nearest team named before
        it in the sentence, else the nearest after it, else the last team of the previous sentence."""
        si = self.sent_of[i]
        teams = [s for s in self.sentence_spans(si, ("club", "national_team")) if s.ref not in exclude]
        before = [s for s in teams if s.end <= i]
        if before:
            return before[-1]
        opening = i == self.sents[si][0]  # "Their head coach, ..." looks back, not ahead
        if teams and not opening:
            return teams[0]
        if si > 0:
            prev = [s for s in self.sentence_spans(si - 1, ("club", "national_team")) if s.ref not in exclude]
            subjects = [s for s in prev if self.tokens[s.head_index].dep in ("nsubj", "nsubjpass")]
            if subjects or prev:
                return (subjects or prev)[-1]
        return teams[0] if teams else None

    def main_club(self) -> str | None:
        """The club "the club" most likely means: the one the article names most (first named on a
        tie)."""
        counts: dict[str, list[int]] = {}
        for s in self.spans:
            if s.kind == "club":
                counts.setdefault(s.ref, []).append(s.start)
        if not counts:
            return None
        return sorted(counts.items(), key=lambda kv: (-len(kv[1]), kv[1][0]))[0][0]

    # ------------------------------------------------------------ tree
    def subtree(self, i: int) -> list[int]:
        out, stack = [], [i]
        while stack:
            j = stack.pop()
            out.append(j)
            stack.extend(self.children[j])
        return sorted(out)

    def first_conjunct(self, i: int) -> int:
        """The first of the conjuncts token i is one of: "Nantes" for "Al-Ettifaq" in "spells with
        Nantes and Al-Ettifaq"."""
        while self.tokens[i].dep == "conj" and self.tokens[i].head != i:
            i = self.tokens[i].head
        return i

    def ancestors(self, i: int) -> list[int]:
        out = []
        seen = {i}
        while self.tokens[i].head != i and self.tokens[i].head not in seen:
            i = self.tokens[i].head
            seen.add(i)
            out.append(i)
        return out

    def clause_subject(self, i: int, deps: tuple[str, ...] = ("nsubj",), relcl_head: bool = False,
                       through_ccomp: bool = True, extra_climb: tuple[str, ...] = ()) -> list[int]:
        """The subject of the clause token i belongs to, climbing from a preposition to what it
        hangs on and through infinitives, gerunds, conjuncts and subordinate clauses that share
        the subject ("Liverpool went on to beat ...", "after beating ..."), and through
        ``extra_climb`` dependencies the caller allows. With ``relcl_head``,
        a relative clause's subject is the noun it is on ("X, who joined ...")."""
        climb = ("xcomp", "advcl", "conj", "pcomp", "acl", "relcl") + (("ccomp",) if through_ccomp else ()) \
            + extra_climb
        seen = set()
        while i not in seen:
            seen.add(i)
            t = self.tokens[i]
            if (t.pos == "ADP" or t.dep == "prep") and t.head != i:  # "since" is often tagged SCONJ
                i = t.head
                continue
            subj = [c for c in self.children[i] if self.tokens[c].dep in deps]
            if subj and relcl_head and t.dep == "relcl" and t.head != i and \
                    self.tokens[subj[0]].text.lower() in ("who", "that", "which"):
                return [t.head]  # "X, who left the club": X
            if subj:
                return subj
            if t.dep in climb and t.head != i:
                if relcl_head and t.dep == "relcl":
                    return [t.head]
                i = t.head
                continue
            break
        return []

    def token_at_char(self, char: int) -> int:
        return max(0, bisect_right(self._starts, char) - 1)

    def in_quote(self, i: int) -> bool:
        """Whether token i is inside quotation marks (an odd number of them before it in its
        sentence, or in the paragraph when a quote runs over several sentences)."""
        toks = self.tokens
        si = self.sent_of[i]
        start = self.sents[si][0]
        while si > 0 and start > 0 and "\n" not in toks[start - 1].text + toks[start - 1].ws and si > self.sent_of[i] - 4:
            si -= 1
            start = self.sents[si][0]
        return sum(1 for k in range(start, i) if toks[k].text in _QUOTES) % 2 == 1

    # ------------------------------------------------------------ text and evidence
    def sentence_text(self, si: int) -> str:
        s, e = self.sents[si]
        return self.char_text(self.tokens[s].idx, self._end_char(e - 1))

    def char_text(self, start: int, end: int) -> str:
        return self.doc.text[start:end]

    def _end_char(self, i: int) -> int:
        return self.tokens[i].idx + len(self.tokens[i].text)

    def evidence(self, si: int, rule: str, confidence: float) -> Evidence:
        s, e = self.sents[si]
        start, end = self.tokens[s].idx, self._end_char(e - 1)
        return self.char_evidence(start, end, rule, confidence)

    def char_evidence(self, start: int, end: int, rule: str, confidence: float) -> Evidence:
        text = " ".join(self.doc.text[start:end].split())
        ostart, oend = self.doc.offsets.span(start, end)
        # rules weigh cues on their own scale; evidence carries a confidence in [0, 1]
        return Evidence(self.doc.id, text, ostart, oend, rule, round(min(max(confidence, 0.0), 1.0), 2))
