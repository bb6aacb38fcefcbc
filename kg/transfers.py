"""Moves between clubs: completed transfers, rumours, sackings and appointments.

A rumour ("poised to join", "in talks", "bid for") is `linkedWith`, never a membership. A completed
move gives `memberOf` the new club and `formerMemberOf` the old one; a sacking or resignation that
has happened gives `formerMemberOf`.
"""

from __future__ import annotations

import re

from kg.article import ArticleView, Span
from kg.lexicon import Rules
from kg.records import Fact

TEAM_KINDS = ("club", "national_team")
_MODAL = {"will", "would", "could", "might", "may", "should", "can", "shall"}


def _phrase_re(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)) + r")\w*")


def _prep_of(view: ArticleView, span: Span) -> str | None:
    """The preposition governing a team mention ("from" Benfica, "to" Villa), if any."""
    t = view.tokens[span.head_index]
    if t.dep == "pobj":
        return view.tokens[t.head].text.lower()
    return None


def _completed(view: ArticleView, i: int) -> bool:
    toks = view.tokens
    t = toks[i]
    if any(toks[c].dep == "neg" for c in view.children[i]):
        return False
    if any(toks[c].dep in ("aux", "auxpass") and toks[c].lemma.lower() in _MODAL for c in view.children[i]):
        return False
    if t.tag in ("VBD", "VBN"):
        return True
    if t.tag == "VBZ" and t.dep == "ROOT":
        return True  # headline present: "Villa complete signing"
    return t.pos == "NOUN"


def transfer_facts(view: ArticleView, rules: Rules, cues_by_ref: dict[str, set[str]]) -> tuple[list[Fact], set[tuple[int, str]]]:
    """Facts about moves, and (sentence, person) pairs whose memberships this sentence overrides."""
    facts: list[Fact] = []
    override: set[tuple[int, str]] = set()
    rumour_re = _phrase_re(rules.rumour)
    depart_re = _phrase_re(rules.departure)
    toks = view.tokens
    for si, (s, e) in enumerate(view.sents):
        people = view.sentence_spans(si, ("person",))
        teams = view.sentence_spans(si, TEAM_KINDS)
        if not people or not teams:
            continue
        text = view.sentence_text(si).lower()
        rumour = rumour_re.search(text)
        movers = [p for p in people if not (cues_by_ref.get(p.ref, set()) & {"manager", "other"})] or people
        if rumour:
            trigger_char = toks[s].idx + rumour.start()
            player = min(movers, key=lambda p: abs(toks[p.start].idx - trigger_char))
            for team in teams:
                prep = _prep_of(view, team)
                if prep == "from" or _attached(view, player, team):
                    continue
                facts.append(Fact(player.ref, "linkedWith", team.ref, view.evidence(si, "rumour", 0.8)))
            override.add((si, player.ref))
            continue
        for i in range(s, e):
            lemma = toks[i].lemma.lower()
            if lemma in rules.transfer_done and toks[i].pos == "VERB" and _completed(view, i):
                facts.extend(_move(view, si, i, movers, teams, "transfer"))
            elif lemma in rules.transfer_done_nouns and toks[i].pos == "NOUN" and any(
                    toks[c].text.lower() in ("from", "to") for c in view.children[i]):
                head = toks[toks[i].head]
                if head.lemma.lower() in rules.transfer_done and _completed(view, head.i):
                    facts.extend(_move(view, si, i, movers, teams, "transfer"))
        depart = depart_re.search(text)
        if depart:
            trigger = view.token_at_char(toks[s].idx + depart.start())
            if toks[trigger].pos == "VERB" and _completed(view, trigger) and not _time_ahead(text):
                subj_team = [t for t in teams if toks[t.head_index].dep in ("nsubj",)]
                person = _nearest(people, trigger, view)
                for team in subj_team or teams:
                    if _prep_of(view, team) in ("to", "for"):
                        continue
                    facts.append(Fact(person.ref, "formerMemberOf", team.ref, view.evidence(si, "departure", 0.85)))
                override.add((si, person.ref))
        if any(re.search(rf"\b{re.escape(w)}", text) for w in ("appoint", "named", "hired", "take charge",
                                                              "took charge", "takes charge", "installed")):
            person = next((p for p in people if "manager" in cues_by_ref.get(p.ref, set())), None)
            if person and not depart:
                for team in teams:
                    if _prep_of(view, team) not in ("from",):
                        facts.append(Fact(person.ref, "memberOf", team.ref, view.evidence(si, "appointment", 0.85)))
                        break
    return facts, override


def _time_ahead(text: str) -> bool:
    return bool(re.search(r"\b(at|by) the end of (the|this) season\b|\bin the summer\b|\bnext (season|month|year)\b", text))


def _nearest(people: list[Span], i: int, view: ArticleView) -> Span:
    return min(people, key=lambda p: abs(p.start - i))


def _attached(view: ArticleView, person: Span, team: Span) -> bool:
    """The team is the player's own, written next to him: "Napoli striker X", "X, the Napoli ..."."""
    return 0 <= person.start - team.end <= 3 or 0 <= team.start - person.end <= 4 and \
        any(view.tokens[k].text == "," for k in range(person.end, team.start))


def _move(view: ArticleView, si: int, trigger: int, movers: list[Span], teams: list[Span],
          rule: str) -> list[Fact]:
    toks = view.tokens
    out: list[Fact] = []
    person = _nearest(movers, trigger, view)
    lemma = toks[trigger].lemma.lower()
    for team in teams:
        prep = _prep_of(view, team)
        dep = toks[team.head_index].dep
        if prep == "from":
            out.append(Fact(person.ref, "formerMemberOf", team.ref, view.evidence(si, rule, 0.85)))
        elif prep in ("to", "for", "with", "at") or (dep == "dobj" and lemma in ("join",)) or \
                (dep == "nsubj" and lemma in ("sign", "complete", "recruit", "capture", "land", "unveil", "confirm", "snap")):
            out.append(Fact(person.ref, "memberOf", team.ref, view.evidence(si, rule, 0.85)))
    return out
