"""Match context as collective inference: in a report of one match, who is on which side.

The play ties people together: "X headed in Y's cross", "X replaces Y", "team-mate Y" put them on
the same side; "denied by X", "fouled X", "fired past X" on opposite sides (dependency patterns in
`kg/data/patterns.json`). Anchors tie people to a side: what the rules already read ("Luton's X",
a team sheet, "X (Luton Town)" in live text). The sides then propagate along the links, weakening
with each step, so a player tied to nobody but a team-mate of an anchored one gets a side too.
The result is a feature of the person-team candidates; the scorer decides what it is worth.
"""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from kg.article import TEAM_KINDS, ArticleView, Span
from kg.datafiles import read_json
from kg.patterns import Pattern, compile_patterns, match
from kg.records import Fact, MatchReport

HOP = 0.85  # what a side is worth one link further away
LINK = 0.9  # how far a single pattern match is trusted
_SHARING = ("conj", "xcomp", "advcl")  # a verb of these has its subject in the clause it hangs on


@dataclass(frozen=True)
class Link:
    a: str  # person refs
    b: str
    relation: str  # "same" or "opposite"
    pattern: str
    sentence: int


@dataclass(frozen=True)
class Side:
    team: str
    strength: float  # in (0, 1]: the best chain of anchor and links
    hops: int  # links between the person and the anchor (0: anchored directly)
    source: str  # the anchor's rule or the last link's pattern


@lru_cache(maxsize=1)
def side_patterns() -> list[Pattern]:
    """The side patterns of `kg/data/patterns.json`, compiled once per process."""
    data = read_json("patterns.json")
    return compile_patterns(data["sides"] + _shared_subject(data["sides"]), data["lists"])


def _shared_subject(patterns: list[dict]) -> list[dict]:
    """Each pattern whose "a" is its verb's own subject, again without that node: a verb that
    shares another's subject ("X collected a pass from Y, cut inside Z and curled a shot beyond
    W", "rose above Z to meet Y's cross") has none of its own, and `links` reads it from the
    clause."""
    out = []
    for p in patterns:
        a = next((n for n in p["pattern"] if n.get("RIGHT_ID") == "a"), None)
        if a is not None and a.get("LEFT_ID") == "v" and a.get("RIGHT_ATTRS") == {"DEP": "nsubj"}:
            out.append({**p, "pattern": [n for n in p["pattern"] if n is not a]})
    return out


@lru_cache(maxsize=1)
def _save_verbs() -> frozenset[str]:
    """The pattern lists' verbs of saving, read once per process like the patterns."""
    return frozenset(read_json("patterns.json")["lists"]["save_verbs"])


def mistaken(view: ArticleView, noun: int, mistakes: frozenset[str]) -> bool:
    """A ball given away, not given: "pounced on a loose pass from X" puts X on the other side
    (``mistakes``: `rules.json`'s words for it)."""
    return any(view.tokens[c].dep == "amod" and view.tokens[c].text.lower() in mistakes
               for c in view.children[noun])


def links(view: ArticleView, mistakes: frozenset[str] = frozenset()) -> list[Link]:
    """Same-side and opposite-side links between the people of the article."""
    out: list[Link] = []
    # a link needs two people in one sentence: only such sentences are searched
    people: dict[int, set[str]] = {}
    for s in view.spans:
        if s.kind == "person" and s.ref:
            people.setdefault(view.sent_of[s.start], set()).add(s.ref)
    anchors = [i for si, refs in sorted(people.items()) if len(refs) >= 2 for i in range(*view.sents[si])]
    saves = _save_verbs()
    toks = view.tokens
    for pid, relation, nodes in match(side_patterns(), toks, view.children, anchors):
        if "a" not in nodes:  # a verb sharing its subject: "... and curled a shot beyond X"
            v = nodes["v"]
            if toks[v].dep not in _SHARING or any(toks[c].dep in ("nsubj", "nsubjpass") for c in view.children[v]):
                continue
            nodes = {**nodes, "a": next(iter(view.clause_subject(v)), v)}
        a, b = _person(view, nodes.get("a")), _person(view, nodes.get("b"))
        if a is None or b is None or a.ref == b.ref:
            continue
        if relation == "same" and "n" in nodes and "v" in nodes:
            way = _on_the_way(view, nodes["n"], nodes["v"])
            if any(view.tokens[k].dep == "conj" and any(view.tokens[c].dep == "nsubj" for c in view.children[k])
                   for k in way):
                continue  # "X struck the post, and Z had to push away a drive from Y": another clause's ball
            if any(view.tokens[k].pos == "VERB" and view.tokens[k].lemma.lower() in saves for k in way) or \
                    _saving(view, nodes["v"], saves):
                relation, pid = "opposite", pid + "-saved"  # "X had to push away a low drive from Y"
            elif mistaken(view, nodes["n"], mistakes):
                relation, pid = "opposite", pid + "-mistake"
        out.append(Link(a.ref, b.ref, relation, pid, view.sent_of[nodes["a"]]))
    return out


def _saving(view: ArticleView, v: int, saves: frozenset[str]) -> bool:
    """The verb itself keeps the ball out: "X saved a shot from Y" (but "X turned in Y's cross",
    "tipped home" finish it)."""
    return view.tokens[v].lemma.lower() in saves and not any(
        view.tokens[c].dep == "prt" and view.tokens[c].text.lower() in ("in", "home") for c in view.children[v])


def _on_the_way(view: ArticleView, n: int, v: int) -> list[int]:
    """The tokens between the ball ("a low drive") and the verb of the link's subject, going up."""
    out, k = [], view.tokens[n].head
    while k != v and len(out) < 6 and view.tokens[k].head != k:
        out.append(k)
        k = view.tokens[k].head
    return out


def _person(view: ArticleView, i: int | None) -> Span | None:
    if i is None:
        return None
    span = view.span_of(i)
    if span is None:  # "the keeper X": the name hangs on the role noun
        span = next((view.span_of(c) for c in view.children[i]
                     if view.tokens[c].dep in ("appos", "compound") and view.span_of(c)), None)
    return span if span is not None and span.kind == "person" and span.ref else None


def anchors(view: ArticleView, facts: list[Fact], teams: set[str]) -> dict[str, dict[str, tuple[float, str]]]:
    """person -> team -> (weight, rule): the memberships the rules read, and "X (Team)"."""
    out: dict[str, dict[str, tuple[float, str]]] = {}

    def add(p: str, t: str, w: float, rule: str) -> None:
        cur = out.setdefault(p, {}).get(t)
        if cur is None or w > cur[0]:
            out[p][t] = (w, rule)

    for f in facts:
        if f.predicate == "memberOf" and f.object in teams and f.subject.startswith("P:"):
            add(f.subject, f.object, f.evidence.confidence, f.evidence.rule.split("@")[0])
    toks = view.tokens
    for person, team in _past_their_keeper(view, teams):
        add(person, team, 0.85, "past-their-keeper")
    for s in view.spans:  # live text and roundups: "Foul by Harry Pike (Luton Town)."
        if s.kind != "person" or not s.ref or s.end + 2 >= len(toks) or toks[s.end].text != "(":
            continue
        team = view.span_of(s.end + 1)
        if team is not None and team.kind in TEAM_KINDS and team.ref in teams and \
                team.end < len(toks) and toks[team.end].text == ")":
            add(s.ref, team.ref, 0.95, "parenthesis")
    return out


_GUARDS = {"goalkeeper", "keeper", "goalie", "defence", "defense", "defender", "backline", "rearguard"}
_PAST = {"past", "beyond", "over", "around", "round", "through", "behind"}
_BEAT = {"beat", "round", "lob", "chip", "nutmeg", "leave", "wrong-foot"}


def _past_their_keeper(view: ArticleView, teams: set[str]) -> list[tuple[str, str]]:
    """(person, team): who went past the other side's keeper or defence: "curled a superb effort
    beyond the reach of the Al-Hilal goalkeeper", "rounded the Chiefs keeper", "fired past the
    Wanderers defence". The person is the other team's."""
    toks = view.tokens
    out = []
    for t in toks:
        if t.lemma.lower() not in _GUARDS or len(teams) != 2:
            continue
        owner = next((view.span_of(c) for c in view.children[t.i] if toks[c].dep in ("compound", "poss")
                      and view.span_of(c) is not None and view.span_of(c).kind in TEAM_KINDS), None)
        if owner is None or owner.ref not in teams:
            continue
        k, passed, steps = t.i, t.dep == "dobj" and toks[t.head].lemma.lower() in _BEAT, 0
        while toks[k].pos not in ("VERB", "AUX") and toks[k].head != k and steps < 5:
            passed = passed or (toks[k].dep == "pobj" and toks[toks[k].head].text.lower() in _PAST)
            k, steps = toks[k].head, steps + 1
        if not passed or toks[k].pos != "VERB":
            continue
        subject = next((view.span_of(c) for c in view.clause_subject(k) if view.span_of(c) is not None), None)
        if subject is not None and subject.kind == "person" and subject.ref:
            out.append((subject.ref, next(x for x in teams if x != owner.ref)))
    return out


def main_pair(reports: list[MatchReport], mentions: Counter[str] | None = None) -> tuple[str, str] | None:
    """The two teams of the article's main match: of the pairings it reports, the one whose less
    named team the article names most (a round-up's results at the end are reported as often as
    the match itself, but their teams are named once or twice), then the most reported, then the
    first; None if two pairings tie on all of that."""
    counts = mentions or Counter()
    pairs = Counter(tuple(sorted(r.teams)) for r in reports if r.teams[0] != r.teams[1])
    first = {}
    for n, r in enumerate(reports):
        first.setdefault(tuple(sorted(r.teams)), n)
    ranked = sorted(pairs, key=lambda p: (-min(counts[p[0]], counts[p[1]]), -pairs[p], first[p]))
    if not ranked:
        return None
    if len(ranked) > 1 and min(counts[ranked[0][0]], counts[ranked[0][1]]) == \
            min(counts[ranked[1][0]], counts[ranked[1][1]]) and pairs[ranked[0]] == pairs[ranked[1]] and not counts:
        return None
    a, b = ranked[0]
    return a, b


def infer(view: ArticleView, facts: list[Fact], reports: list[MatchReport],
          found: list[Link] | None = None) -> dict[str, Side]:
    """Each person's side in the article's main match, where anchors and links give one."""
    mentions = Counter(s.ref for s in view.spans if s.kind in TEAM_KINDS and s.ref)
    pair = main_pair(reports, mentions)
    if pair is None:
        return {}
    teams = set(pair)
    other = {pair[0]: pair[1], pair[1]: pair[0]}
    found = links(view) if found is None else found
    best: dict[tuple[str, str], Side] = {}
    heap: list[tuple[float, int, str, str, str]] = []
    for p, by_team in sorted(anchors(view, facts, teams).items()):
        for t, (w, rule) in sorted(by_team.items()):
            best[(p, t)] = Side(t, w, 0, rule)
            heapq.heappush(heap, (-w, 0, p, t, rule))
    adjacent: dict[str, list[Link]] = {}
    for link in found:
        adjacent.setdefault(link.a, []).append(link)
        adjacent.setdefault(link.b, []).append(link)
    while heap:  # strongest chains first (weights only shrink along a chain)
        neg, hops, p, t, _ = heapq.heappop(heap)
        if best.get((p, t)) is None or best[(p, t)].strength > -neg:
            continue
        for link in adjacent.get(p, ()):
            q = link.b if link.a == p else link.a
            tq = t if link.relation == "same" else other[t]
            w = -neg * LINK * HOP
            if w > (best[(q, tq)].strength if (q, tq) in best else 0.0):
                best[(q, tq)] = Side(tq, w, hops + 1, link.pattern)
                heapq.heappush(heap, (-w, hops + 1, q, tq, link.pattern))
    out: dict[str, Side] = {}
    for p in sorted({p for p, _ in best}):
        x, y = best.get((p, pair[0])), best.get((p, pair[1]))
        if x and y:  # contradictory evidence: the stronger side, by its margin
            win, lose = (x, y) if x.strength >= y.strength else (y, x)
            if win.strength - lose.strength > 0.05:
                out[p] = Side(win.team, round(win.strength - lose.strength, 4), win.hops, win.source)
        else:
            side = x or y
            assert side is not None
            out[p] = Side(side.team, round(side.strength, 4), side.hops, side.source)
    return out
