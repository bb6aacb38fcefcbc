"""Match results, goals and trophies won.

A result sentence ("Liverpool beat Chelsea 1-0", "the Reds' victory over Tottenham", "their loss
to Real Madrid", "Liverpool 1-0 Chelsea") becomes a MatchReport; reports of the same pairing are
merged later, the winner chosen by majority, so one garbled caption cannot flip a result.
"""

from __future__ import annotations

import re
from collections import Counter

from kg.article import SPEECH_VERBS, TEAM_KINDS, ArticleView, Span
from kg.learn.sides import main_pair
from kg.goals import STRONG_GOAL_VERBS, future_or_hypothetical, gerund, is_goal
from kg.lexicon import SCORE, Rules
from kg.gazetteer import Gazetteer
from kg.records import Evidence, Fact, MatchReport
from kg.slugs import name_key
from kg.teamsheet import ResultLine

PRONOUNS = {"they", "their", "them", "it", "its", "we", "our", "us", "themselves"}
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_MINUTE = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)[- ]minute|\b(\d{1,3})(?:st|nd|rd|th)? min(?:ute)?s?\b")


def _team_in(view: ArticleView, tokens: list[int], exclude: set[str] = frozenset()) -> Span | None:
    """The first team named among ``tokens``; a country that owns a club is not the team:
    "beat Paraguay's Cerro Porteno" is over Cerro Porteno."""
    found = [s for s in (view.span_of(i) for i in tokens)
             if s and s.kind in TEAM_KINDS and s.ref not in exclude and not _dateline(view, s)]
    for n, s in enumerate(found):
        if s.kind == "national_team" and s.end < len(view.tokens) and view.tokens[s.end].text in ("'s", "\u2019s") \
                and any(x.kind == "club" and x.start > s.end for x in found[n + 1:]):
            continue
        return s
    return None


def _side(view: ArticleView, heads: list[int], exclude: set[str]) -> Span | None:
    """The team named (or pronoun-referred) in the subtrees of ``heads``."""
    for h in heads:
        sub = _phrase(view, h)
        team = _team_in(view, sub, exclude)
        if team:
            return team
        word = view.tokens[h].text.lower()
        if word in _FIRST_PERSON:
            return speaker_team(view, h, exclude)
        named = _described_team(view, h, exclude)
        if named:
            return named
        if word in PRONOUNS:
            return view.pronoun_team(h, exclude)
        if view.tokens[h].pos == "NOUN":  # "defeating their nearest challengers, Raków Częstochowa,"
            named = next((x for c in view.children[h] if view.tokens[c].dep == "appos"
                          and (x := view.span_of(c)) is not None and x.kind in TEAM_KINDS and x.ref not in exclude), None)
            if named:
                return named
        person = view.span_of(h)
        if person is not None and person.kind == "person":
            # "The Norwegian had been under pressure after a 1-0 victory over Southampton": the
            # person's one team
            ref = view.person_teams.get(person.ref)
            if ref is not None and ref not in exclude:
                return next((s for s in view.spans if s.ref == ref), None)
        team = _managed_side(view, h, exclude)
        if team:
            return team
        if view.tokens[h].text.lower() in ("who", "which", "that"):
            verb = view.tokens[view.tokens[h].head]
            if verb.dep == "relcl":  # "Dortmund, who beat Newcastle": the noun the clause is on
                span = view.span_of(verb.head)
                if span and span.kind in TEAM_KINDS and span.ref not in exclude:
                    return span
    return None


_FIRST_PERSON = {"we", "us", "our"}


def _described_team(view: ArticleView, h: int, exclude: set[str]) -> Span | None:
    """"the Glasgow side", "the Brussels club": a team described by its place stands for the team
    named just before it (in the sentence, else the previous one), never one named after."""
    toks = view.tokens
    if toks[h].lemma.lower() not in ("side", "club", "team", "outfit") or not any(
            toks[c].dep == "det" and toks[c].text.lower() == "the" for c in view.children[h]) or not any(
            toks[c].dep == "compound" and toks[c].pos == "PROPN" and view.span_of(c) is None for c in view.children[h]):
        return None
    si = view.sent_of[h]
    before = [x for x in view.sentence_spans(si, TEAM_KINDS) if x.end <= h and x.ref not in exclude]
    if not before and si > 0:
        before = [x for x in view.sentence_spans(si - 1, TEAM_KINDS) if x.ref not in exclude]
    return before[-1] if before else None


def speaker_team(view: ArticleView, h: int, exclude: set[str], reach: int = 1) -> Span | None:
    """"We beat Gillingham," he said: "we" is the team of the person quoted, found as the subject
    of a speech verb in this sentence or the two around it (or, with a longer ``reach``, further
    back in the same paragraph: a quote of several sentences)."""
    si = view.sent_of[h]
    toks = view.tokens
    for n in (si, si + 1, *range(si - 1, si - 1 - reach, -1)):
        if n < 0 or n >= len(view.sents) or abs(n - si) > 1 and view.paragraphs[n] != view.paragraphs[si]:
            continue
        for p in view.sentence_spans(n, ("person",)):
            head = toks[p.head_index]
            if head.dep == "nsubj" and toks[head.head].lemma.lower() in SPEECH_VERBS:
                ref = view.person_teams.get(p.ref)
                if ref is None or ref in exclude:
                    return None
                return next((s for s in view.spans if s.ref == ref), None)
    return None


_SIDE_NOUNS = {"side", "team", "men", "players", "charges", "squad", "troops", "outfit"}


def _managed_side(view: ArticleView, h: int, exclude: set[str]) -> Span | None:
    """"Moen, whose side beat Arsenal", "Ocampo's men", "his side": the team of the person named,
    when the article gives that person one team."""
    toks = view.tokens
    if toks[h].lemma.lower() not in _SIDE_NOUNS and toks[h].text.lower() not in _SIDE_NOUNS:
        return None
    owner = next((c for c in view.children[h] if toks[c].dep == "poss"), None)
    if owner is None:
        return None
    word = toks[owner].text.lower()
    person = view.span_of(owner)
    if word == "whose":
        clause = next((a for a in view.ancestors(h) if toks[a].dep == "relcl"), None)
        person = view.span_of(toks[clause].head) if clause is not None else None
    elif word in ("his", "her"):
        si = view.sent_of[h]
        before = [p for p in view.sentence_spans(si, ("person",)) if p.end <= owner]
        person = before[-1] if len({p.ref for p in before}) == 1 else None
    if person is None or person.kind != "person":
        return None
    ref = view.person_teams.get(person.ref)
    if ref is None or ref in exclude:
        return None
    return next((s for s in view.spans if s.ref == ref), None)


def _owned_side(view: ArticleView, heads: list[int]) -> bool:
    """"Thewlis's side", "Ocampo's men": a side named by a person the article gives no one team
    is that person's, never just the other team of the sentence."""
    toks = view.tokens
    return any((toks[h].lemma.lower() in _SIDE_NOUNS or toks[h].text.lower() in _SIDE_NOUNS)
               and any(toks[c].dep == "poss" and (view.span_of(c) is not None and view.span_of(c).kind == "person")
                       for c in view.children[h]) for h in heads)


_CLAUSES = ("relcl", "acl", "advcl", "appos", "ccomp", "parataxis")


def _phrase(view: ArticleView, h: int) -> list[int]:
    """The tokens of the noun phrase at h, without the clauses and appositions hung on it:
    "Moen, whose side beat Arsenal," is not Arsenal."""
    out, stack = [], [h]
    while stack:
        j = stack.pop()
        out.append(j)
        stack.extend(c for c in view.children[j] if view.tokens[c].dep not in _CLAUSES)
    return sorted(out)


def _children(view: ArticleView, i: int, deps: tuple[str, ...]) -> list[int]:
    return [c for c in view.children[i] if view.tokens[c].dep in deps]


def _prep_objects(view: ArticleView, i: int, preps: tuple[str, ...]) -> list[int]:
    out = []
    for c in view.children[i]:
        if view.tokens[c].text.lower() in preps:
            out.extend(_children(view, c, ("pobj",)))
    return out


def _subject(view: ArticleView, i: int) -> list[int]:
    """Subject of the clause of token i, climbing through infinitives, gerunds and conjuncts."""
    return view.clause_subject(i)


_FAILED = {"fail", "struggle", "try", "hope", "look", "aim", "want", "bid", "seek"}


def _winner_loser(view: ArticleView, rules: Rules, t: int) -> tuple[Span | None, Span | None, str] | None:
    tok = view.tokens[t]
    lemma = tok.lemma.lower()
    if tok.pos in ("VERB", "NOUN") and lemma in rules.past_causatives and (tok.pos == "VERB" or tok.dep == "ROOT"):
        # "Brennan double sends Melbourne City past Central Coast", "Late goal fires Everton past Chelsea"
        loser = _side(view, [g for p in _children(view, t, ("prep",)) if view.tokens[p].text.lower() == "past"
                             for g in _children(view, p, ("pobj",))], set())
        sent = [c for c in view.children[t] if view.tokens[c].dep in ("dobj", "appos")]
        winner = _team_in(view, [k for c in sent for k in _phrase(view, c)], {loser.ref}) if loser and sent else None
        if winner is not None and not any(view.tokens[c].dep == "neg" for c in view.children[t]):
            return winner, loser, "sent-past"
    if tok.pos in ("VERB", "NOUN") and lemma in rules.past_verbs and (tok.pos == "VERB" or tok.dep == "ROOT"):
        # "Whitecaps rally past LAFC", "Leeds edged past Burnley" (a headline's verb may be tagged a noun)
        toks = view.tokens
        if any(toks[c].dep == "neg" for c in view.children[t]) or \
                toks[t].dep == "xcomp" and toks[toks[t].head].lemma.lower() in _FAILED:
            return None  # "could not get past Bristol City", "failed to get past"
        loser = _side(view, _prep_objects(view, t, ("past",)), set())
        before = [x for x in view.sentence_spans(view.sent_of[t], TEAM_KINDS) if x.end in (t, t - 1)]
        winner = None if loser is None else _side(view, _subject(view, t), {loser.ref}) or (
            before[-1] if before and before[-1].ref != loser.ref else None)
        if winner is None and loser is not None and any(toks[c].dep == "aux" and toks[c].text.lower() == "to"
                                                        for c in view.children[t]):
            # "Wolves needed penalties to get past Bristol City": the subject of what the purpose hangs on
            winner = _side(view, _purpose_subject(view, t)[1], {loser.ref})
        if winner is not None:
            return winner, loser, "went-past"
    if tok.pos == "VERB" and lemma in rules.defeat_verbs:
        particle = rules.defeat_particles.get(lemma)
        if particle and not any(view.tokens[c].text.lower() == particle for c in view.children[t]):
            return None
        before, after = view.span_of(t - 1) if t else None, view.span_of(t + 1) if t + 1 < len(view.tokens) else None
        if before is not None and after is not None and before.kind in TEAM_KINDS and after.kind == before.kind \
                and before.end == t and after.start == t + 1 and before.ref != after.ref and after.end < len(view.tokens) \
                and SCORE.match(view.char_text(view.tokens[after.end].idx, view.tokens[after.end].idx + 7)):
            return before, after, "defeat-verb"  # "Persepolis beat Esteghlal 1-0", however the parser read it
        passive = _children(view, t, ("nsubjpass",))
        agents = _children(view, t, ("agent",))
        if not passive and agents and tok.tag == "VBN" and tok.dep in ("acl", "advcl", "relcl", "conj"):
            # "Burnley, champions in 1960 and so narrowly beaten by Tottenham": the team it describes
            target = view.span_of(tok.head) if tok.dep in ("acl", "conj") else None
            loser = target if target and target.kind in TEAM_KINDS else \
                _side(view, _subject(view, tok.head), set())
            winner = _side(view, [g for c in agents for g in _children(view, c, ("pobj",))],
                           {loser.ref} if loser else set())
            return winner, loser, "defeat-verb-participle"
        if not passive and agents and tok.tag in ("VBN", "VBD") and not any(
                view.span_of(c) for c in _children(view, t, ("dobj",))):
            passive = _children(view, t, ("nsubj",))  # "Rangers, beaten 3-0 by Sunderland"
            if not passive and _children(view, t, ("auxpass",)) and tok.dep == "pcomp":
                passive = view.clause_subject(t)  # "The Crew came in after being knocked out by Philadelphia"
        if passive:
            loser = _side(view, passive, set())
            agent = [g for c in _children(view, t, ("agent",)) for g in _children(view, c, ("pobj",))]
            if not agent:  # "Sheffield United, who were beaten 2-0 at Burnley": the hosts won
                toks = view.tokens  # (after a score the parser often hangs "by X", "at X" elsewhere)
                agent = _prep_objects(view, t, ("at",)) or next(
                    ([g] for k in range(t + 1, min(t + 7, view.sents[view.sent_of[t]][1]))
                     if toks[k].text.lower() in ("by", "at") for g in _children(view, k, ("pobj",))), [])
            winner = _side(view, agent, {loser.ref} if loser else set()) or next(
                (host for g in agent if (host := _ground_club(view, g, {loser.ref} if loser else set()))), None)
            if loser is None and winner is not None and not _owned_side(view, passive):
                loser = _other_team(view, t, winner)  # "whose side were beaten 3-1 by Bolton"
            return winner, loser, "defeat-verb-passive"
        objs = _children(view, t, ("dobj",))
        pronoun = next((o for o in objs if view.tokens[o].text.lower() in PRONOUNS - _FIRST_PERSON), None)
        # "a Burnley side who had beaten them": the relative clause's noun
        first = _side(view, view.clause_subject(t, relcl_head=True), set()) if pronoun is not None else None
        loser = None
        if first is not None:  # "Brighton learned that ..., when Fulham beat them": a subject named before
            subjects = [x for x in view.sentence_spans(view.sent_of[t], TEAM_KINDS) if x.end <= pronoun
                        and x.ref != first.ref and view.tokens[x.head_index].dep in ("nsubj", "nsubjpass")]
            loser = subjects[-1] if subjects else None
        loser = loser or _side(view, objs, {first.ref} if first else set())
        if loser is None:
            loser = _object_after(view, t)
        if loser is None:
            return None
        winner = first if first is not None and first.ref != loser.ref else _side(view, _subject(view, t), {loser.ref})
        if winner is None:
            winner = _other_team(view, t, loser, _conjoined_teams(view, loser))
        if winner is None:
            focus = view.focus_club()  # "a depleted team ... by beating Chelsea": the article's club
            if focus and focus != loser.ref:
                winner = next((s for s in view.spans if s.ref == focus), None)
                return winner, loser, "defeat-verb-focus"
        return winner, loser, "defeat-verb"
    if tok.pos == "VERB" and lemma in rules.loss_verbs:
        # "lost 2-1 at Burnley": after a score, "at" names the winners' ground
        preps = ("to", "against", "by") + (("at",) if _score_after(view, t) else ())
        objs = _prep_objects(view, t, preps)
        # "had lost 1-0 at The Den": the ground's club
        winner = _side(view, objs, set()) or next((host for g in objs if (host := _ground_club(view, g, set()))), None)
        if winner is None:
            return None
        loser = _side(view, _subject(view, t), {winner.ref}) or _other_team(view, t, winner)
        return winner, loser, "loss-verb"
    scored_win = lemma == "win" and t + 1 < len(view.tokens) and \
        not [c for c in _children(view, t, ("dobj",)) if view.tokens[c].pos != "NUM"] and \
        SCORE.match(view.char_text(view.tokens[t + 1].idx, view.tokens[t + 1].idx + 7))
    if tok.pos == "VERB" and lemma == "win" and (scored_win or any(
            view.tokens[c].lemma.lower() in _GAME_NOUNS for c in _children(view, t, ("dobj",)))):
        # "had won their previous game 2-0 against Lionesses", "won 3-1 at Hull" (the parser may
        # take the score's last number for an object)
        under = view.subtree(t)
        inside = set(under)
        against = ("against", "over", "at") if scored_win else ("against", "over")
        preps = [i for i in under if view.tokens[i].dep == "prep" and view.tokens[i].text.lower() in against
                 and not any(view.tokens[a].pos == "VERB" for a in view.ancestors(i) if a != t and a in inside)]
        if not preps:  # the parser hung "against Luton" elsewhere: read on to the end of the clause
            k = t + 1
            while k < len(view.tokens) and view.sent_of[k] == view.sent_of[t] and view.tokens[k].text not in (",", ";", ".") \
                    and k - t < 12:
                if view.tokens[k].text.lower() in against:
                    preps.append(k)
                    break
                k += 1
        loser = _side(view, [g for i in preps for g in _children(view, i, ("pobj",))], set())
        if loser is None:
            return None
        return _side(view, _subject(view, t), {loser.ref}), loser, "win-game"
    loser = None
    if tok.pos == "NOUN" and lemma in rules.victory_nouns:
        # "a 4-0 thrashing at Bournemouth" is a loss: "at" marks the winner's ground for a noun
        # that can be either
        at = ("over", "against") if lemma in rules.loss_nouns else ("over", "against", "at", "away")
        if lemma not in _WIN_OF:  # "a 4-0 thrashing of Al-Fateh" (but "the victory of Ajax" is Ajax's)
            at += ("of",)
        if any(view.tokens[g].lemma.lower() == "home" for g in _prep_objects(view, t, ("at",))):
            at += ("to",)  # "a 2-1 win at home to Cherry Orchard"
        loser = _side(view, _prep_objects(view, t, at), set())
        if loser is None and tok.dep == "pobj":  # the parser hung "over Lazio" on the verb
            verb = view.tokens[tok.head].head
            loser = _side(view, _prep_objects(view, verb, ("over", "against")), set())
    if tok.pos == "NOUN" and lemma in rules.victory_nouns and loser is not None:
        winner = _side(view, _children(view, t, ("poss", "compound")), {loser.ref})
        if winner is None and lemma == "winner":  # "Besiktas, 2-0 winners over Gaziantepspor"
            first = min(view.subtree(t))
            if tok.dep == "appos":
                winner = _side(view, [tok.head], {loser.ref})
            elif first >= 2 and view.tokens[first - 1].text == ",":  # however the parser hung it
                before = view.span_of(first - 2)
                winner = before if before is not None and before.kind in TEAM_KINDS and before.ref != loser.ref else None
        if winner is None and tok.dep == "pobj" and view.tokens[tok.head].text.lower() == "to":
            # "guided the Seagulls to a 1-0 win at Chelsea": the team led to the win
            winner = _side(view, _children(view, view.tokens[tok.head].head, ("dobj",)), {loser.ref})
        if winner is None and tok.dep == "nsubj":
            # "Saturday's 3-1 win at Bala Town lifted them to third": what the win lifted won it
            winner = _side(view, _children(view, tok.head, ("dobj",)), {loser.ref})
        winner = winner or _side(view, _subject(view, tok.head), {loser.ref}) or \
            _side(view, view.clause_subject(tok.head, extra_climb=("acomp", "oprd")), {loser.ref}) or \
            _home_side(view, t, {loser.ref}) or _other_team(view, t, loser)
        return winner, loser, "victory-noun"
    if tok.pos == "NOUN" and lemma in rules.loss_nouns:
        # (not "a group-stage exit at the AFC Asian Cup in Qatar": a competition is no side's ground)
        winner = _side(view, [o for o in _prep_objects(view, t, ("to", "by", "against", "at"))
                              if not ((sp := view.span_of(o)) is not None and sp.kind == "trophy")], set())
        if winner is None:
            return None
        loser = _side(view, _children(view, t, ("poss", "compound")), {winner.ref})
        affected = _children(view, tok.head, ("dobj",)) if tok.dep == "nsubj" else []
        if loser is None and affected:
            # "Friday's 2-0 defeat to Turkey had left Huw Prydderch under pressure": whom it left
            # lost; if the text does not say whose he is, no other team of the sentence is guessed
            loser = _side(view, affected, {winner.ref})
            if loser is None:
                return None
        loser = loser or _side(view, _subject(view, tok.head), {winner.ref}) or _other_team(view, t, winner)
        return winner, loser, "loss-noun"
    return None


_MODIFIER_DEPS = ("det", "amod", "compound", "nummod", "poss", "case", "dobj", "npadvmod", "advmod")


def _object_after(view: ArticleView, t: int) -> Span | None:
    """The team a defeat verb's object phrase ends on when the parser took a describing noun for
    the object and hung the team elsewhere: "beat reigning champions Sporting 2-1", "beat
    Brasileirão leaders Flamengo", "had beaten United 3-0". Only describing words may come
    between the verb and the team; a preposition, verb, punctuation or conjunction stops."""
    k, si = t + 1, view.sent_of[t]
    while k < len(view.tokens) and view.sent_of[k] == si and k - t <= 8:
        span = view.span_of(k)
        if span is not None and span.start == k:
            if span.kind in TEAM_KINDS:
                return span
            k = span.end  # a competition or place named in the description: "Brasileirão leaders"
            continue
        tok = view.tokens[k]
        # a describing noun the tagger took for a verb is still the object: "beat city rivals Monterrey";
        # a hyphen joins describing words: "beat seven-time champions Egypt"
        if tok.tag == "HYPH":
            k += 1
            continue
        if tok.pos in ("ADP", "PUNCT", "CCONJ", "SCONJ", "AUX", "PRON") or \
                (tok.pos == "VERB" and tok.dep not in ("amod", "dobj")) or tok.dep not in _MODIFIER_DEPS:
            return None
        k += 1
    return None


def _team_after_prep(view: ArticleView, prep: int) -> Span | None:
    """The team a preposition's phrase names after a few describing words: "over 10-man Wigan"."""
    k, si = prep + 1, view.sent_of[prep]
    while k < len(view.tokens) and view.sent_of[k] == si and k - prep <= 5:
        span = view.span_of(k)
        if span is not None and span.start == k:
            return span if span.kind in TEAM_KINDS else None
        tok = view.tokens[k]
        if not (tok.pos in ("NUM", "ADJ", "NOUN", "DET") or tok.tag == "HYPH"):
            return None
        k += 1
    return None


_GAME_NOUNS = {"game", "match", "tie", "fixture", "clash", "meeting", "encounter", "derby", "replay"}


def _conjoined_teams(view: ArticleView, team: Span) -> list[Span]:
    """Teams coordinated with ``team``: "beat Gillingham and Wealdstone"."""
    out = []
    stack = list(view.children[team.head_index])
    while stack:
        c = stack.pop()
        if view.tokens[c].dep != "conj":
            continue
        s = view.span_of(c)
        if s and s.kind in TEAM_KINDS and s.ref != team.ref:
            out.append(s)
        stack.extend(view.children[c])
    return sorted(out, key=lambda s: s.start)


def _home_side(view: ArticleView, t: int, exclude: set[str]) -> Span | None:
    """"a 1-0 victory over Southampton at Selhurst Park": the club whose ground it is."""
    return next((host for g in _prep_objects(view, t, ("at",)) if (host := _ground_club(view, g, exclude))), None)


def _ground_club(view: ArticleView, g: int, exclude: set[str]) -> Span | None:
    """The club whose home ground token ``g`` names ("were beaten 3-0 at the City Ground": Forest)."""
    ground = view.span_of(g)
    home = view.home_clubs.get(ground.ref) if ground is not None and ground.kind == "stadium" else None
    if home is not None and home not in exclude:
        return Span(ground.start, ground.end, "club", home, ground.text)
    return None


def _at_home_ground(view: ArticleView, rules: Rules, t: int, home_clubs: dict[str, str]
                    ) -> tuple[Span | None, Span | None, str] | None:
    """"Brighton's 3-1 win at Old Trafford", "a 2-0 defeat at Anfield": the ground stands for the
    club whose home it is."""
    tok = view.tokens[t]
    lemma = tok.lemma.lower()
    if tok.pos != "NOUN" or not home_clubs or lemma not in rules.victory_nouns | rules.loss_nouns:
        return None
    ground = next((view.span_of(g) for g in _prep_objects(view, t, ("at",))
                   if view.span_of(g) is not None and view.span_of(g).kind == "stadium"), None)
    home = home_clubs.get(ground.ref) if ground is not None else None
    if home is None:
        return None
    host = Span(ground.start, ground.end, "club", home, ground.text)
    other = None
    # (what the result "leaves" or "lifts" is its side: "A 2-0 defeat at La Bombonera leaves River")
    affected = _children(view, tok.head, ("dobj",)) if tok.dep == "nsubj" else []
    for h in _children(view, t, ("poss", "compound")) + _subject(view, tok.head) + affected:
        span = view.span_of(h)  # the team itself, not one named somewhere under it
        if span is not None and span.kind in TEAM_KINDS and span.ref != home:
            other = span
        elif view.tokens[h].text.lower() in PRONOUNS - _FIRST_PERSON:
            other = view.pronoun_team(h, {home})
        else:
            other = _managed_side(view, h, {home})
        if other is not None:
            break
    if other is None:
        return None
    if lemma in rules.victory_nouns and lemma not in rules.loss_nouns:
        return other, host, "victory-noun-ground"
    if lemma in rules.loss_nouns and lemma not in rules.victory_nouns:
        return host, other, "loss-noun-ground"
    return None


_RESULT_NOUNS = {"defeat", "loss", "exit", "win", "victory", "draw", "thrashing", "beating", "reverse", "setback",
                 "triumph", "hammering", "drubbing"}


def _other_team(view: ArticleView, t: int, known: Span, also: list[Span] = ()) -> Span | None:
    """The one other team in the sentence, when there is exactly one; a club someone came "from"
    ("who arrived from Lyon") is a move's, not a side of the result, and the country of
    "Colombia's Atletico Nacional" is not a side at all."""
    skip = {known.ref} | {s.ref for s in also}
    toks = view.tokens
    named = view.sentence_spans(view.sent_of[t], TEAM_KINDS)

    def another_result(s: Span) -> bool:  # "a Carling Cup exit at Leicester City was followed by a
        # defeat at Luton Town": Luton are the second defeat's side, not the first's
        prep = toks[s.head_index].head
        return toks[s.head_index].dep == "pobj" and toks[prep].text.lower() in ("at", "to", "by", "against", "over") \
            and toks[prep].head != t and toks[toks[prep].head].lemma.lower() in _RESULT_NOUNS
    others = {s.ref: s for s in named if s.ref not in skip and not another_result(s)
              and not (toks[s.head_index].dep == "pobj" and toks[toks[s.head_index].head].text.lower() == "from")
              and not (s.kind == "national_team" and s.end + 1 < len(toks) and toks[s.end].text in ("'s", "\u2019s")
                       and any(x.kind == "club" and x.start == s.end + 1 for x in named))}
    return next(iter(others.values())) if len(others) == 1 else None


def _context(view: ArticleView, si: int, rules: Rules, doc_year: str | None) -> dict:
    text = view.sentence_text(si)
    low = text.lower()
    trophy = view.sentence_spans(si, ("trophy",))
    venue = view.sentence_spans(si, ("stadium",))
    stage = None
    for word, name in sorted(rules.stages.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"\b{re.escape(word)}s?\b", low) and name != "final" or \
                (name == "final" and re.search(r"\bfinal\b(?! (?:whistle|day|minute|moments|season|game|match of))", low)
                 and trophy):
            stage = name
            break
    year = _YEAR.search(text)
    return {
        "competition": trophy[0].ref if trophy else None,
        "venue": venue[0].ref if venue else None,
        "stage": stage,
        "year": year.group(1) if year else None,
        "extra_time": bool(re.search(r"\bextra[- ]time\b|\ba\.?e\.?t\b", low)),
    }


def find_results(view: ArticleView, rules: Rules, counter: list[int],
                 home_clubs: dict[str, str] | None = None, lines: tuple[ResultLine, ...] = ()) -> list[MatchReport]:
    """Results from sentences, and from ``lines`` that are only a result (which the parser may
    cut into two sentences at a bracket: "Brackley Town 2 (Dunkley 34, Orpin 77) | Kidderminster
    Harriers 0")."""
    reports: list[MatchReport] = []
    toks = view.tokens
    view.home_clubs = home_clubs or {}
    doc_year = view.doc.date[:4] if view.doc.date else None

    def add(si: int, a: Span, b: Span, winner: Span | None, rule: str, conf: float,
            scores: tuple[int, int] | None = None, evidence: Evidence | None = None) -> None:
        if a.kind != b.kind:
            return  # clubs play clubs, countries countries: "chance fell to X, but the Sierra Leone international..."
        ctx = _context(view, si, rules, doc_year)
        ws = ls = None
        text = view.sentence_text(si)
        if scores is None:
            m = SCORE.search(text)
            if m and not _YEAR.search(m.group()):
                scores = (int(m.group(1)), int(m.group(2)))
        if scores is not None and winner is not None:
            ws, ls = max(scores), min(scores)
        counter[0] += 1
        reports.append(MatchReport(
            key=f"M:{view.doc.id}:{counter[0]}", teams=(a.ref, b.ref),
            winner=winner.ref if winner else None, winner_score=ws, loser_score=ls,
            competition=ctx["competition"], stage=ctx["stage"], venue=ctx["venue"],
            year=ctx["year"], extra_time=ctx["extra_time"],
            evidence=(evidence or view.evidence(si, rule, conf),)))

    for line in lines:
        a, b = (view.span_of(view.token_at_char(x.start)) for x in (line.home, line.away))
        if a is None or b is None or a.kind not in TEAM_KINDS or a.ref == b.ref:
            continue
        si = view.sent_of[a.start]
        if any(view.sentence_at(r.evidence[0].start) == si and set(r.teams) == {a.ref, b.ref} for r in reports):
            continue
        ga, gb = line.home_goals, line.away_goals
        winner = a if ga > gb else b if gb > ga else _shootout_winner(view.char_text(line.start, line.end), a, b)
        add(si, a, b, winner, "result-line", 0.95, (ga, gb),
            view.char_evidence(line.start, line.end, "result-line", 0.95))

    for si, (s, e) in enumerate(view.sents):
        teams = view.sentence_spans(si, TEAM_KINDS)
        if not teams:
            continue
        done: set[tuple[str, str]] = {tuple(sorted(r.teams)) for r in reports if r.evidence[0].rule == "result-line"
                                      and view.sentence_at(r.evidence[0].start) == si}
        # "Liverpool 1-0 Chelsea"
        for a, b in zip(teams, teams[1:]):
            if tuple(sorted((a.ref, b.ref))) in done:
                continue
            between = view.char_text(toks[a.end - 1].idx + len(toks[a.end - 1].text), toks[b.start].idx)
            m = re.fullmatch(r"\s*(\d{1,2})\s?[-\u2013]\s?(\d{1,2})\s*(?:\(?a\.?e\.?t\.?\)?)?\s*", between)
            if not m and a.ref != b.ref:
                after = view.char_text(toks[b.end - 1].idx + len(toks[b.end - 1].text),
                                       toks[b.end - 1].idx + len(toks[b.end - 1].text) + 6)
                # "Brackley Town 2 (Dunkley 34, Orpin 77) Kidderminster Harriers 0. Att: 611"
                m1 = re.fullmatch(r"\s+(\d{1,2})(?:\s+\([^()]*\))?\s+", between)
                m2 = re.match(r"\s+(\d{1,2})(?![\d,-]|\.\d)", after)
                if m1 and m2:
                    ga, gb = int(m1.group(1)), int(m2.group(1))
                    winner = a if ga > gb else b if gb > ga else None
                    add(si, a, b, winner, "scoreline", 0.9, (ga, gb))
                    done.add(tuple(sorted((a.ref, b.ref))))
                    continue
            if m and a.ref != b.ref:
                ga, gb = int(m.group(1)), int(m.group(2))
                winner = a if ga > gb else b if gb > ga else None
                if winner is not None and _running_score(view, si):
                    winner = None  # "14 mins: GOAL! Villa 1-0 Spurs": the score then, not the result
                add(si, a, b, winner, "scoreline", 0.95, (ga, gb))
                done.add(tuple(sorted((a.ref, b.ref))))
        for t in range(s, e):
            got = _winner_loser(view, rules, t) or _at_home_ground(view, rules, t, home_clubs or {}) \
                or _winners_over(view, t) or _went_down_to(view, t)
            if not got:
                continue
            winner, loser, rule = got
            if winner is None or loser is None or winner.ref == loser.ref:
                continue
            pair = tuple(sorted((winner.ref, loser.ref)))
            if pair in done:
                continue
            done.add(pair)
            before = len(reports)
            add(si, winner, loser, winner, rule, 0.85)
            if len(reports) > before and (_had(view, t) or _another_month(view, si) or _background_result(view, rules, t)):
                view.earlier_matches.add(reports[-1].key)  # "Newcastle, who had beaten Blackburn 3-1 ..."
            if rule == "defeat-verb":
                for more in _conjoined_teams(view, loser):  # "We beat Gillingham and Wealdstone"
                    pair = tuple(sorted((winner.ref, more.ref)))
                    if more.ref != winner.ref and pair not in done:
                        done.add(pair)
                        add(si, winner, more, winner, rule, 0.8)
            if rule in ("loss-verb", "went-down-to"):
                for more in _conjoined_teams(view, winner):  # "lost at home to ZED FC and Smouha"
                    pair = tuple(sorted((loser.ref, more.ref)))
                    if more.ref != loser.ref and pair not in done:
                        done.add(pair)
                        add(si, more, loser, more, rule, 0.8)
        for a, b in zip(teams, teams[1:]):  # what the parser missed: "Al-Nassr beat promoted Al-Qadsiah 3-1"
            pair = tuple(sorted((a.ref, b.ref)))
            if pair not in done and a.ref != b.ref and _surface_defeat(view, rules, a, b):
                done.add(pair)
                add(si, a, b, a, "defeat-words", 0.75)
        # draws: "Wolves drew 1-1 with Burnley"
        for t in range(s, e):
            if toks[t].lemma.lower() == "draw" and toks[t].pos == "VERB" and toks[t].dep != "dobj":
                a = _side(view, _subject(view, t), set())
                b = _side(view, _prep_objects(view, t, ("with", "against", "at")), {a.ref} if a else set())
                if a and b and tuple(sorted((a.ref, b.ref))) not in done:
                    add(si, a, b, None, "draw-verb", 0.8)
                    done.add(tuple(sorted((a.ref, b.ref))))
            elif toks[t].lemma.lower() in rules.draw_nouns and toks[t].pos in ("NOUN", "VERB") and toks[t].dep == "dobj" and \
                    (toks[t].lemma.lower() != "tie" or SCORE.search(view.sentence_text(si))):
                # "the LA Galaxy salvaged a 1-1 tie with Los Angeles FC", "earned a goalless draw at Hull"
                a = _side(view, _subject(view, toks[t].head), set())
                b = _side(view, _prep_objects(view, t, ("with", "against", "at")) +
                          _prep_objects(view, toks[t].head, ("with", "against", "at")), {a.ref} if a else set())
                if a and b and tuple(sorted((a.ref, b.ref))) not in done:
                    add(si, a, b, None, "draw-noun", 0.8)
                    done.add(tuple(sorted((a.ref, b.ref))))
            elif toks[t].lemma.lower() == "draw" and toks[t].pos == "NOUN" and toks[t].dep == "pobj":
                # "River Plate were held to a 1-1 draw by Universitario", "held to a draw at Hull"
                verb = toks[toks[t].head].head
                if toks[verb].lemma.lower() != "hold":
                    continue
                a = _side(view, _children(view, verb, ("nsubjpass", "nsubj")), set())
                others = [g for c in _children(view, verb, ("agent",)) for g in _children(view, c, ("pobj",))] + \
                    _prep_objects(view, t, ("by", "with", "against", "at")) + _prep_objects(view, verb, ("by", "at"))
                b = _side(view, others, {a.ref} if a else set())
                if a and b and tuple(sorted((a.ref, b.ref))) not in done:
                    add(si, a, b, None, "held-to-draw", 0.8)
                    done.add(tuple(sorted((a.ref, b.ref))))
    for si, a, b, winner, scores in _paragraph_results(view, rules, reports):
        add(si, a, b, winner, "paragraph-score", 0.6, scores)
    implied = _implied_main_match(view, reports)
    if implied is not None:
        si, a, b = implied
        add(si, a, b, None, "main-pair", 0.5)
    return reports


def _winners_over(view: ArticleView, t: int) -> tuple[Span, Span, str] | None:
    """"Besiktas, 2-0 winners over Gaziantepspor": the apposition's team beat the one after "over"."""
    toks = view.tokens
    if toks[t].lemma.lower() != "winner" or toks[t].pos != "NOUN" or toks[t].dep != "appos":
        return None
    winner = view.span_of(toks[t].head)
    loser = _side(view, _prep_objects(view, t, ("over", "against")), {winner.ref} if winner else set())
    if winner is None or loser is None or winner.kind not in TEAM_KINDS:
        return None
    return winner, loser, "winners-over"


# victory nouns whose "of" names the winner, not the beaten side
_WIN_OF = {"victory", "win", "winner", "triumph", "success"}


def _score_after(view: ArticleView, t: int) -> bool:
    """A score right after the verb (or its particle): "lost 2-1 at", "went down 3-0 at"."""
    toks = view.tokens
    k = t + 1
    if k < len(toks) and toks[k].text.lower() == "down":
        k += 1
    return k < len(toks) and bool(SCORE.match(view.char_text(toks[k].idx, toks[k].idx + 7)))


def _went_down_to(view: ArticleView, t: int) -> tuple[Span, Span, str] | None:
    """"Bengaluru FC, who went down 2-1 to FC Goa": the subject lost to the team after "to" (or
    "at", after a score)."""
    toks = view.tokens
    if toks[t].lemma.lower() != "go" or toks[t].pos != "VERB" or \
            not any(toks[c].text.lower() == "down" for c in view.children[t]):
        return None
    preps = ("to", "at") if _score_after(view, t) else ("to",)  # "went down 2-1 at Kashiwa Reysol": the hosts won
    winner = _side(view, [h for c in view.children[t] if toks[c].text.lower() == "down" for h in _prep_objects(view, c, preps)]
                   + _prep_objects(view, t, preps), set())
    subj = view.clause_subject(t, relcl_head=True) or ([toks[t].head] if toks[t].dep == "relcl" else [])
    loser = _side(view, [toks[t].head] if subj and toks[subj[0]].text.lower() in ("who", "which", "that") else subj,
                  {winner.ref} if winner else set())
    if winner is None or loser is None:
        return None
    return winner, loser, "went-down-to"


def _surface_defeat(view: ArticleView, rules: Rules, a: Span, b: Span) -> bool:
    """"A beat (promoted) B 3-1" read off the words, whatever the parse: a defeat verb in the
    active voice right after A, at most two describing words, B, and a score."""
    toks = view.tokens
    between = toks[a.end:b.start]
    if not 1 <= len(between) <= 3:
        return False
    verb = between[0]
    if verb.text.lower() not in rules.defeat_verbs and verb.lemma.lower() not in rules.defeat_verbs \
            or verb.tag not in ("VBD", "VBZ", "VBP", "NN", "NNS") or verb.text.lower().endswith("en"):
        return False
    if any(t.pos not in ("ADJ", "VERB", "ADV") or t.text[:1].isupper() for t in between[1:]):
        return False
    after = view.char_text(toks[b.end - 1].idx + len(toks[b.end - 1].text), toks[b.end - 1].idx + len(toks[b.end - 1].text) + 8)
    return re.match(r"\s+\d{1,2}\s?[-\u2013]\s?\d{1,2}(?!\d)", after) is not None


def _paragraph_results(view: ArticleView, rules: Rules, reports: list[MatchReport]
                       ) -> list[tuple[int, Span, Span, Span | None, tuple[int, int]]]:
    """A round-up tells one match a paragraph, often with no sentence the result rules read:
    "Sunday's 2-1 defeat at Vicarage Road was their fourth in five", "still found a way to win
    3-2". A paragraph that names exactly two teams, no report of them, and a score beside a word
    of winning, losing or drawing is a match between them. The winner only when the sentence
    says it: the team the win was over or the defeat was to, a ground's club, the subject of
    "win"; else unknown (its goals still have their match)."""
    words = rules.victory_nouns | rules.loss_nouns | rules.defeat_verbs | rules.loss_verbs | {"win", "draw"}
    teams_of: dict[int, dict[str, Span]] = {}
    sents_of: dict[int, list[int]] = {}
    for si in range(len(view.sents)):
        sents_of.setdefault(view.paragraphs[si], []).append(si)
        for sp in view.sentence_spans(si, TEAM_KINDS):
            if sp.ref and not sp.anaphoric and not _dateline(view, sp):
                teams_of.setdefault(view.paragraphs[si], {}).setdefault(sp.ref, sp)
    reported = {frozenset(r.teams) for r in reports}
    told = {view.sentence_at(r.evidence[0].start) for r in reports if r.evidence}
    out = []
    for para, named in sorted(teams_of.items()):
        for si in sents_of[para]:
            if si == 0 or si in told or len(named) < 2 or _running_score(view, si) or _another_month(view, si):
                continue
            found = _score_beside(view, si, words)
            if found is None:
                continue
            t, scores = found
            if _background_result(view, rules, t) or _pluperfect(view, t):
                continue  # "the Pretoria club, who had opened their campaign with a 2-0 win over Ulsan"
            teams = named if len(named) == 2 else {ref: sp for ref, sp in named.items() if sp.start < t}
            # a team named at the result and not one of the two: the paragraph tells another match
            # ("one ahead of Raja, who lost 1-0 at Hassania Agadir")
            near = {sp.ref for sp in view.sentence_spans(si, TEAM_KINDS) if sp.start <= t + 5}
            if len(teams) != 2 or frozenset(teams) in reported or near - set(teams) or \
                    len({sp.kind for sp in teams.values()}) > 1:
                break
            a, b = teams.values()
            winner = None if scores[0] == scores[1] else _said_winner(view, rules, t, teams)
            if winner is not None and winner.ref == b.ref:
                a, b = b, a
            out.append((si, a, b, winner, scores))
            break
    return out


def _dateline(view: ArticleView, sp: Span) -> bool:
    """A place opening a wire story, not a team: "Rabat - AS FAR climbed ...", "MEXICO CITY -- "."""
    toks = view.tokens
    s, _ = view.sents[view.sent_of[sp.start]]
    if sp.start - s > 1:
        return False
    for k in range(sp.end, min(len(toks), sp.end + 3)):
        if toks[k].text in ("-", "--", "\u2014", "\u2013", "(", ":"):
            return True
        if not toks[k].text.isupper() and toks[k].text != ",":
            return False
    return False


def _score_beside(view: ArticleView, si: int, words: frozenset[str]) -> tuple[int, tuple[int, int]] | None:
    """A word of the result and its score, a few words apart ("a 1-0 win", "win 3-2", "drew 1-1");
    a competition's name between them counts as one word ("a 2-1 A-League Men win")."""
    s, e = view.sents[si]
    toks = view.tokens
    for t in range(s, e):
        if toks[t].lemma.lower() not in words or toks[t].pos not in ("NOUN", "VERB"):
            continue
        named = view.span_of(t - 1) if t > s else None
        back = named.start + 1 if named is not None and named.kind == "trophy" and named.end == t else t
        a, b = toks[max(s, back - 4)].idx, view._end_char(min(e - 1, t + 4))
        near = [m for m in SCORE.finditer(view.char_text(a, b)) if not _YEAR.search(m.group())]
        if near:
            m = min(near, key=lambda m: abs(a + m.start() - toks[t].idx))
            return t, (int(m.group(1)), int(m.group(2)))
    return None


def _said_winner(view: ArticleView, rules: Rules, t: int, teams: dict[str, Span]) -> Span | None:
    """Which of the paragraph's two teams the result word makes the winner, if the sentence says."""
    toks = view.tokens
    lemma = toks[t].lemma.lower()
    other = {ref: next(sp for r, sp in teams.items() if r != ref) for ref in teams}
    for g in _prep_objects(view, t, ("over", "against", "to", "by", "at")):
        prep = toks[toks[g].head].text.lower()
        span = view.span_of(g)
        if span is None:  # "win over 10-man Western Sydney Wanderers": the parser hung the team elsewhere
            span = _team_after_prep(view, toks[g].head)
        ref = span.ref if span is not None and span.kind in TEAM_KINDS else \
            view.home_clubs.get(span.ref) if span is not None and span.kind == "stadium" else None
        if ref not in teams:
            continue
        # a defeat at a ground is the home side's win; a win at one may be either side's
        if lemma in rules.loss_nouns | rules.loss_verbs and prep in ("to", "by", "at"):
            return teams[ref]
        if lemma in rules.victory_nouns | rules.defeat_verbs | {"win"} and prep in ("over", "against"):
            return other[ref]
    j = t + 1  # the words, whatever the parse: "a 1-0 home defeat to Remo Stars", "a 2-1 loss away at X"
    while j < len(toks) and toks[j].text.lower() in ("away", "home"):
        j += 1
    prep = toks[j].text.lower() if j < len(toks) else ""
    span = view.span_of(j + 1) if j + 1 < len(toks) and prep in ("over", "against", "to", "by", "at") else None
    if span is not None and span.start == j + 1 and span.ref in teams:
        if lemma in rules.loss_nouns and prep in ("to", "by", "at"):
            return teams[span.ref]
        if lemma in rules.victory_nouns | {"win"} and prep in ("over", "against"):
            return other[span.ref]
    if lemma == "win" and toks[t].pos == "VERB" or lemma in rules.defeat_verbs:
        side = _side(view, view.clause_subject(t), set())
        if side is not None and side.ref in teams:
            return teams[side.ref]
    if toks[t].pos == "NOUN" and lemma in rules.victory_nouns and lemma not in rules.loss_nouns:
        side = _side(view, _children(view, t, ("poss",)), set())
        if side is not None and side.ref in teams:
            return teams[side.ref]
    if toks[t].pos == "NOUN" and (lemma in rules.victory_nouns) != (lemma in rules.loss_nouns):
        # "X ... held on for a 3-1 win", "X suffered a 2-0 defeat": the subject of the verb the
        # result word hangs on (through "for") won or lost
        gov = toks[t].head
        if toks[t].dep == "pobj" and toks[gov].text.lower() == "for":
            gov = toks[gov].head
        if toks[t].dep in ("dobj", "pobj") and toks[gov].pos == "VERB" and gov != t:
            side = _side(view, view.clause_subject(gov), set())
            if side is not None and side.ref in teams:
                return teams[side.ref] if lemma in rules.victory_nouns else other[side.ref]
    return None


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")


def _background_result(view: ArticleView, rules: Rules, t: int) -> bool:
    """A result told as background to the story, not its match: "the Sea Robbers, who were coming
    off a 2-0 win over Stade d'Abidjan in midweek" (its goals are not this sentence's goals); the
    phrases are rules.json's "background_before" and "background_after"."""
    toks = view.tokens
    a, b = view.sents[view.sent_of[t]]
    before = " ".join(x.text.lower() for x in toks[max(a, t - 7):t])
    after = " ".join(x.text.lower() for x in toks[t:min(b, t + 12)])
    return any(w in before for w in rules.background_before) or any(w in after for w in rules.background_after)


def _pluperfect(view: ArticleView, t: int) -> bool:
    """The result word is in a clause told in the past perfect ("who had opened their campaign
    with a 2-0 win"): an earlier match."""
    toks = view.tokens
    return any(toks[a].pos in ("VERB", "AUX") and _had(view, a) for a in [t, *view.ancestors(t)][:5])


def _had(view: ArticleView, i: int) -> bool:
    """Token i has the auxiliary "had" ("who had beaten Blackburn")."""
    toks = view.tokens
    return any(toks[c].dep == "aux" and toks[c].lemma.lower() == "have" and toks[c].tag == "VBD"
               for c in view.children[i])


def _another_month(view: ArticleView, si: int) -> bool:
    """The sentence dates its result to a month other than the article's: "who beat Portland 3-0
    at CPKC Stadium in April" in a June report, "who beat Hearts in the final last May" (whatever
    the article's date) are earlier meetings."""
    a, b = view.sents[si]
    toks = view.tokens
    if any(t.text.lower() == "last" and t.i + 1 < b and toks[t.i + 1].text.lower() in _MONTHS for t in toks[a:b]):
        return True
    if not view.doc.date:
        return False
    month = _MONTHS[int(view.doc.date[5:7]) - 1]
    named = {t.text.lower() for t in toks[a:b] if t.pos == "PROPN"} & set(_MONTHS)
    return bool(named) and month not in named


def _implied_main_match(view: ArticleView, reports: list[MatchReport]) -> tuple[int, Span, Span] | None:
    """The match an article is about when no sentence reads as its result ("Fenerbahce outlast
    Trabzonspor", "Sanfrecce Hiroshima led Urawa Reds 2-1, ..."): the two teams the article names
    most (clearly more than a third), named together in the headline or beside a score. Its
    winner is left unknown; the goals the article reports have a match to belong to."""
    counts = Counter(x.ref for x in view.spans if x.kind in TEAM_KINDS and x.ref and not x.anaphoric)
    top = counts.most_common(3)
    if len(top) < 2 or top[1][1] < 3 or (len(top) == 3 and top[1][1] == top[2][1]):
        return None
    pair = {top[0][0], top[1][0]}
    current = [set(r.teams) for r in reports if r.key not in view.earlier_matches]
    if any(t == pair for t in current) or all(any(ref in t for t in current) for ref in pair):
        return None  # each has its own match: a round-up's headline names two matches
    toks = view.tokens
    for si in range(len(view.sents)):
        spans = [x for x in view.sentence_spans(si, TEAM_KINDS) if x.ref in pair]
        if {x.ref for x in spans} != pair:
            continue
        first = spans[0]
        second = next(x for x in spans if x.ref != first.ref)
        if si == 0:
            return si, first, second
        after = view.char_text(toks[second.end - 1].idx, toks[min(second.end + 3, len(toks) - 1)].idx)
        if second.start - first.end <= 6 and SCORE.search(after):  # "Sanfrecce Hiroshima led Urawa Reds 2-1"
            return si, first, second
    return None


def _host_or_visitor(view: ArticleView, word: str, reports: list[MatchReport], si: int | None = None,
                     last: tuple[int, str] | None = None) -> Span | None:
    """"put the visitors ahead": the away side of the article's match (of the match told just
    before sentence ``si``, in a round-up), known from its venue (a club's home ground) or,
    failing that, from a scoreline's home-first order."""
    if word not in ("visitors", "hosts", "home"):
        return None
    if si is not None:  # the match of the goal told just before (`last`), else the one match told in
        # the sentence or the three before it
        recent = [r for r in reports if r.key == last[1]] if last is not None and 0 <= si - last[0] <= 2 else \
            [r for r in reports if any(si - 3 <= view.sentence_at(ev.start) <= si for ev in r.evidence)]
        if len({frozenset(r.teams) for r in recent}) == 1:
            pair = frozenset(recent[0].teams)
            reports = [r for r in reports if frozenset(r.teams) == pair]
    for r in reports:
        home = view.home_clubs.get(r.venue or "")
        if home in r.teams:
            ref = home if word != "visitors" else next(t for t in r.teams if t != home)
            return next((x for x in view.spans if x.ref == ref), None)
    lines = [r for r in reports if r.evidence and r.evidence[0].rule in ("scoreline", "result-line")]
    if lines and len({frozenset(r.teams) for r in lines}) == 1:  # one match (not a round-up's results)
        ref = lines[0].teams[1] if word == "visitors" else lines[0].teams[0]
        return next((x for x in view.spans if x.ref == ref), None)
    return None


def _running_score(view: ArticleView, si: int) -> bool:
    """A score given during the match: on a live-text line with a minute that is not full time."""
    if not live_minute(view, si):
        return False
    here = view.sentence_text(si - 1) + view.sentence_text(si) if si else view.sentence_text(si)
    return not re.search(r"full[- ]?time|\bFT\b|final whistle|final score", here, re.I)


_CLAUSE_PREPS = {"before", "after", "until", "as", "when", "while", "once"}  # that also begin a clause


def _goal_verbs_of(view: ArticleView, p: Span) -> list[tuple[int, str]]:
    """Verbs the person is the agent of, with how the person is attached: subject (and the
    conjoined or subordinate verbs that share the subject), a participle on the name ("with Okoro
    scoring twice"), the agent of a passive ("headed in by Villaverde"), or "through X"."""
    toks = view.tokens
    head = toks[p.head_index]
    while head.dep == "conj" and toks[head.head].dep in ("nsubj", "conj") and toks[head.head].pos == "PROPN" \
            and view.span_of(head.head) is not None and view.span_of(head.head).kind == "person":
        head = toks[head.head]  # "Sho Fujikawa and Marcos Ribeiro were on target": both subjects
    out: list[tuple[int, str]] = []
    passive_to = head.dep == "nsubjpass" and any(  # "was left unmarked to head in a cross"
        toks[c].dep == "xcomp" and toks[c].pos == "VERB" for c in view.children[head.head])
    if head.dep in ("nsubj", "compound") and (toks[head.head].pos in ("VERB", "AUX") or gerund(toks[head.head])) \
            or passive_to:
        stack = [head.head]
        while stack:  # the verb, and verbs that share its subject: "stepped ..., exchanged ... and fired in"
            verb = stack.pop()
            out.append((verb, "goal-verb"))
            # "settled the nerves with 20 minutes remaining, glancing in ...": the parser hung the
            # participle on the "with" clause
            kids = view.children[verb] + [g for c in view.children[verb] if toks[c].dep == "prep"
                                          for k in view.children[c] if toks[k].dep == "pcomp"
                                          for g in view.children[k] if toks[g].dep == "advcl" and toks[g].tag == "VBG"]
            for c in kids:
                t = toks[c]
                shares_subject = t.dep in ("conj", "xcomp") or (t.dep == "advcl" and t.tag == "VBG")
                if t.pos == "VERB" and shares_subject and not any(
                        toks[g].dep in ("nsubj", "nsubjpass") for g in view.children[c]):
                    stack.append(c)
    for c in view.children[head.i]:
        if toks[c].pos == "VERB" and toks[c].dep in ("acl", "relcl"):
            out.append((c, "goal-participle"))
    if head.dep == "pobj":
        prep = toks[head.head]
        through = _through_verb(view, head.i)  # "took the lead through X", "led through a header by X"
        if through is not None:
            out.append((through, "goal-through"))
        elif prep.text.lower() == "by" and prep.dep == "agent":
            out.append((prep.head, "goal-passive"))
        elif prep.text.lower() == "by":  # "turned in at the near post by Kerrigan": the parser hung "by" on "post"
            verb = prep.head
            while toks[verb].dep in ("pobj", "prep") and toks[verb].head != verb:
                verb = toks[verb].head
            if toks[verb].tag == "VBN" and any(toks[g].dep == "auxpass" for g in view.children[verb]):
                out.append((verb, "goal-passive"))
    if not out and head.dep == "pobj" and toks[head.head].text.lower() == "for" and p.end + 1 < len(toks) and \
            toks[p.end].text.lower() == "to" and toks[p.end].dep == "aux" and toks[p.end + 1].pos == "VERB":
        out.append((p.end + 1, "goal-for-to"))  # "swung in a corner for Noah Ruchti to head home"
    if not out and p.end < len(toks) and toks[p.end].pos == "VERB" and toks[p.end].tag == "VBD" and (
            head.dep == "conj" or head.dep == "pobj" and toks[head.head].text.lower() in _CLAUSE_PREPS) \
            and not any(toks[g].dep in ("nsubj", "nsubjpass") for g in view.children[p.end]):
        # "... at Maes Tegid and Jac Llewelyn added a third", "before Yuma Tsuchiya equalized": the
        # parser joined the name to the words before; the verb after it has no subject but the name
        out.append((p.end, "goal-verb"))
    return out





def goal_facts(view: ArticleView, rules: Rules, reports: list[MatchReport]) -> list[Fact]:
    """scoredIn facts: "Van Dijk headed in the winner", "a header from Virgil van Dijk",
    "with Okoro scoring twice", "pulled one back through Pritchard"; and, where the scorer's side
    is the subject ("Forest pulled one back through Pritchard"), the scorer's team."""
    facts: list[Fact] = []
    toks = view.tokens
    last: tuple[int, str] | None = None  # the sentence and match of the goal placed last
    for p in sorted((s for s in view.spans if s.kind == "person"), key=lambda s: s.start):
        si = view.sent_of[p.start]
        head = toks[p.head_index]
        rule = None
        team = None
        goal_verb = None
        for v, how in _goal_verbs_of(view, p):
            if is_goal(view, rules, v, how):
                rule = how
                goal_verb = v
                if how == "goal-through":
                    team = _side(view, _children(view, v, ("nsubj",)), set())
                elif how == "goal-participle" and head.dep == "pobj" and toks[head.head].text.lower() == "with":
                    # "Brentford beat Forest 3-1, with forward Chidi Okoro scoring twice"
                    team = _side(view, _children(view, toks[head.head].head, ("nsubj",)), set())
                break
        if rule is None and head.dep == "pobj" and toks[head.head].text.lower() == "from" and \
                toks[toks[head.head].head].lemma.lower() in rules.goal_nouns and not any(
                    toks[c].text.lower() == "own" for c in view.children[toks[head.head].head]) and \
                not _saved_shot(view, rules, toks[head.head].head):
            rule = "goal-from"  # (not "tip over a long-range strike from X")
        if rule is None and head.dep in ("pobj", "conj") and toks[view.first_conjunct(head.i)].dep == "pobj":
            prep = toks[toks[view.first_conjunct(head.i)].head]
            came = toks[prep.head]
            goals = [c for c in view.children[came.i] if toks[c].dep == "nsubj" and toks[c].lemma.lower() in rules.goal_nouns]
            if prep.text.lower() == "from" and came.lemma.lower() == "come" and goals and \
                    not any(toks[c].text.lower() == "own" for c in view.children[goals[0]]):
                rule = "goals-came-from"  # "Nadi's goals came from Kavish Reddy and Peni Ravula"
                team = _side(view, _children(view, goals[0], ("poss",)), set())
        if rule is None and p.end < len(toks) and toks[p.end].text in ("'s", "'"):
            nxt = []  # the possessed noun phrase, up to its head noun: "stoppage-time winner", not "corner with a header"
            for t in toks[p.end + 1:p.end + 6]:
                if t.pos in ("NOUN", "ADJ", "NUM"):
                    nxt.append(t)
                    if t.pos == "NOUN" and t.dep != "compound" and not (t.i + 1 < len(toks) and toks[t.i + 1].text == "-"):
                        break
                elif t.text != "-":
                    break
            if nxt and any(t.lemma.lower() in rules.goal_nouns and t.pos == "NOUN" for t in nxt) \
                    and nxt[0].lemma.lower() not in ("save", "clean", "own") and not _kept_out(view, rules, p):
                rule = "possessed-goal"
        if rule is None and head.dep == "compound" and toks[head.head].pos == "NOUN" and \
                toks[head.head].lemma.lower() in rules.goal_nouns - _DELIVERIES and \
                not (toks[head.head].dep == "pobj" and toks[toks[head.head].head].text.lower() == "from") and \
                not _kept_out(view, rules, p):
            rule = "possessed-goal"  # "thanks to a Jamie Ferris penalty" (not "from a Noble free-kick")
        if rule is None and p.end < len(toks) and toks[p.end - 1].ws and (
                gerund(toks[p.end]) or toks[p.end].tag == "VBG" and toks[p.end].lemma.lower() in STRONG_GOAL_VERBS) \
                and is_goal(view, rules, p.end, "goal-participle"):
            rule = "goal-participle"  # "..., forward Olivier Kabore-Sanou scoring twice"
        if rule is None and head.dep == "compound" and toks[head.head].tag == "NNS" and \
                toks[head.head].dep == "ROOT" and _verb_as_plural(toks[head.head].text) in STRONG_GOAL_VERBS:
            rule = "goal-verb"  # a headline or bullet: "Yusuf Adebayo-Kane levels in stoppage time"
        if rule is None and _goal_shout(view, p):
            rule = "goal-shout"
        if not rule:
            continue
        if team is None:
            team = _scorer_team(view, p, reports, goal_verb, last)
        match = _match_for(view, si, reports, team.ref if team is not None else view.person_teams.get(p.ref), last)
        report = next((r for r in reports if r.key == match), None)
        if team is not None and (report is None or team.ref in report.teams or len(set(report.teams)) < 2):
            facts.append(Fact(p.ref, "memberOf", team.ref, view.evidence(si, "scored-through", 0.8)))
        elif team is not None:
            team = None  # the side guessed plays in neither team of the match the sentence tells
        if match is None:
            continue
        loser = _consolation_side(view, goal_verb, match, reports) if team is None else None
        if loser is not None:  # "X netted a consolation": the goal of the side that lost
            facts.append(Fact(p.ref, "memberOf", loser, view.evidence(si, "consolation", 0.75)))
        ev = view.evidence(si, rule, 0.85)
        minute = _MINUTE.search(ev.sentence)
        if minute:
            ev = Evidence(ev.doc_id, ev.sentence, ev.start, ev.end,
                          f"{rule}@{minute.group(1) or minute.group(2)}'", ev.confidence)
        facts.append(Fact(p.ref, "scoredIn", match, ev))
        last = (si, match)
    return facts


_LIVE_MINUTE = re.compile(r"^\s*\d{1,3}(?:\s*\+\s*\d{1,2})?\s*(?:mins?|minutes?|')\b", re.I)


def _consolation_side(view: ArticleView, goal_verb: int | None, match: str, reports: list[MatchReport]) -> str | None:
    """The losing side of the match, when the scorer's goal is called a consolation ("netted a
    consolation for the hosts", "scored a late consolation goal"): only a side that lost scores one."""
    toks = view.tokens

    def object_of_goal_verb(i: int) -> bool:  # "netted a (late) consolation (goal)", not "before a consolation from Y"
        while toks[i].dep in ("compound", "amod") and toks[i].head != i:
            i = toks[i].head
        return toks[i].dep in ("dobj", "attr", "oprd") and toks[i].head == goal_verb

    if goal_verb is None or not any(toks[i].lemma.lower() == "consolation" and object_of_goal_verb(i)
                                    for i in view.subtree(goal_verb)):
        return None
    report = next((r for r in reports if r.key == match), None)
    if report is None or report.winner is None:
        return None
    return next((t for t in report.teams if t != report.winner), None)


def _verb_as_plural(word: str) -> str:
    """The verb a tagger read as a plural noun: "levels" -> "level", "equalises" -> "equalise"."""
    w = word.lower()
    if w.endswith("ises") or w.endswith("izes"):
        return w[:-1]
    return w[:-1] if w.endswith("s") else w


def _goal_shout(view: ArticleView, p: Span) -> bool:
    """Live text: a line "84 mins: GOAL! Villa 1-2 Spurs" and then the scorer's name alone,
    "Ferreira-Nunes!"."""
    toks = view.tokens
    si = view.sent_of[p.start]
    s, e = view.sents[si]
    words = [i for i in range(s, e) if toks[i].text.strip() and toks[i].pos != "PUNCT"]
    if not words or words[0] < p.start or words[-1] >= p.end or toks[e - 1].text.strip() not in ("!", "!!"):
        if not (e - 1 > s and toks[e - 2].text == "!"):
            return False
    for back in (si - 1, si - 2):
        if back < 0:
            return False
        text = view.sentence_text(back)
        if re.search(r"\bGOAL\b|\bGoal!", text) and "own goal" not in text.lower():
            return True
    return False


def live_minute(view: ArticleView, si: int) -> bool:
    """The sentence is on a live-text line that starts with the minute ("14 mins: GOAL! ...")."""
    for n in (si, si - 1):
        if n >= 0 and _LIVE_MINUTE.match(view.sentence_text(n)):
            return n == si or "\n" not in view.sentence_text(n)
    return False


_KEPT_OUT_NOUNS = {"save", "stop", "block", "denial", "clearance", "tip", "parry"}


_DELIVERIES = {"effort", "free-kick", "free kick"}  # "a Smith free-kick" may be the cross headed in


# what a keeper does to a shot besides the save verbs: "parried", "tipped over", "clawed away"
_KEEPER_VERBS = frozenset({"parry", "tip", "claw", "clear"})


def _saved_shot(view: ArticleView, rules: Rules, noun: int) -> bool:
    """"tip over a strike from X", "kept out a header from Y": the shot is a save verb's object."""
    toks = view.tokens
    saves = rules.save_verbs | _KEEPER_VERBS
    head = toks[noun].head
    if toks[noun].dep == "pobj" and toks[head].pos == "ADP":  # "tip over a strike": "over" hung on the verb
        head = toks[head].head
    return toks[noun].dep in ("dobj", "pobj") and toks[head].lemma.lower() in saves


def _kept_out(view: ArticleView, rules: Rules, p: Span) -> bool:
    """"a stop from X's volley", "saved X's penalty", "X's header was clawed away": an effort
    that did not go in."""
    toks = view.tokens
    noun = toks[p.head_index].head
    gov = toks[noun]
    if gov.dep == "pobj" and toks[gov.head].text.lower() in ("from", "to", "of"):
        owner = toks[toks[gov.head].head]
        if owner.lemma.lower() in _KEPT_OUT_NOUNS or owner.lemma.lower() in rules.save_verbs:
            return True
    if gov.dep == "dobj" and toks[gov.head].lemma.lower() in rules.save_verbs | _KEEPER_VERBS:
        return True
    if gov.dep in ("nsubj", "nsubjpass"):
        verb = toks[gov.head]
        words = {toks[c].text.lower() for c in view.children[verb.i]}
        if verb.lemma.lower() in rules.save_verbs | _KEEPER_VERBS | {
                "hit", "strike", "rattle", "fly", "go", "flash", "drift", "sail", "skim", "whistle"} and (
                gov.dep == "nsubjpass" or words & {"wide", "over", "post", "bar", "crossbar", "away"}):
            return True
    return False


_AHEAD = {"go": {"ahead", "in", "front"}, "take": {"lead"}, "double": {"lead", "advantage"},
          "extend": {"lead"}, "restore": {"lead", "advantage"}, "pull": {"back", "one"},
          "level": set(), "equalise": set(), "equalize": set(), "draw": {"level"}, "hit": {"back"}}


_IN_FRONT = {"ahead", "front", "level"}


def _scorer_team(view: ArticleView, p: Span, reports: list[MatchReport], goal_verb: int | None = None,
                 last: tuple[int, str] | None = None) -> Span | None:
    """The side a scorer played for, when the sentence says: "an opener for Bournemouth",
    "X scored twice as Arsenal beat Spurs", "the Blades went ahead when X headed in"."""
    toks = view.tokens
    si = view.sent_of[p.start]
    s, e = view.sents[si]
    if p.start >= 2 and toks[p.start - 1].text in ("'s", "'", "\u2019s"):  # "Roma's Lorenzo Dell'Acqua"
        own = view.span_of(p.start - 2)
        if own is not None and own.kind in TEAM_KINDS:
            return own
    if goal_verb is not None and toks[goal_verb].lemma.lower() in ("give", "hand"):  # "X gave the Eagles the lead"
        team = _side(view, [c for c in view.children[goal_verb] if toks[c].dep == "dative"], set())
        if team is not None:
            return team
    for i in range(s, e):  # "Ferraro put Man Utd ahead", "fired the hosts in front", "headed City level"
        if toks[i].pos == "VERB" and any(toks[c].text.lower() in _IN_FRONT or (toks[c].dep == "prep" and any(
                toks[g].text.lower() in _IN_FRONT for g in view.children[c])) for c in view.children[i]):
            subj = [c for c in view.children[i] if toks[c].dep == "nsubj"]
            objs = [c for c in view.children[i] if toks[c].dep == "dobj"]
            if subj and view.span_of(subj[0]) and view.span_of(subj[0]).ref == p.ref and objs:
                team = _side(view, objs, set()) or _host_or_visitor(view, toks[objs[0]].text.lower(), reports, si, last)
                if team:
                    return team
    for a in view.ancestors(p.head_index)[:4]:  # "QPR came from behind, with X heading the winner"
        if toks[a].text.lower() == "with" and toks[a].dep == "prep" and toks[toks[a].head].pos in ("VERB", "AUX"):
            subject = view.clause_subject(toks[a].head)
            if any(toks[c].dep == "conj" for h in subject for c in view.children[h]):
                break  # "Al-Ahly and Zamalek drew 1-1, with a late X header ...": either side's
            team = _side(view, subject, set())
            if team:
                return team
            break
    for i in range(p.end, min(e, p.end + 12)):  # "levelled for the visitors": the away side of the match
        word = toks[i].text.lower()
        if toks[i - 1].text.lower() == "the" and word in ("visitors", "hosts") and toks[i - 2].text.lower() == "for":
            team = _host_or_visitor(view, word, reports, si, last)  # by the ground, else a scoreline's order
            if team is not None:
                return team
    for i in range(p.end, e):  # "... scored for Liverpool", "a brilliant opener for Bournemouth"
        if toks[i].text.lower() == "for" and i + 1 < e:
            span = view.span_of(i + 1) or (view.span_of(i + 2) if toks[i + 1].text.lower() == "the" else None)
            if span and span.kind in TEAM_KINDS and toks[toks[i].head].lemma.lower() in (
                    "score", "net", "strike", "goal", "opener", "winner", "equaliser", "equalizer", "curl",
                    "head", "fire", "double", "brace", "hat-trick", "debut", "appearance", "start", "play",
                    "pull", "add", "equalise", "equalize", "level", "reply", "grab", "bag", "snatch", "third",
                    "second", "fourth", "consolation", "leveller", "back"):
                return span
        if toks[i].text in (".", ";"):
            break
    winners = [r for r in reports if r.winner and any(
        ev.sentence == " ".join(view.sentence_text(si).split()) for ev in r.evidence)]
    if len(winners) == 1:  # "Marlow scored twice as Arsenal beat Spurs"
        for span in view.sentence_spans(si, TEAM_KINDS):
            if span.ref == winners[0].winner:
                verb = toks[span.head_index].head
                if toks[span.head_index].dep != "nsubj" or toks[verb].pos != "VERB":
                    continue
                if toks[verb].dep in ("advcl", "conj") and toks[verb].head != verb and \
                        view.span_of(p.head_index) and toks[p.head_index].head == toks[verb].head:
                    return span
                if _same_story(view, p.head_index, verb):
                    return span  # "Arsenal beat Spurs, with X scoring twice", "X scored and Y added a third as ..."
    for i in range(s, e):  # "The Blades went ahead when X headed in"
        t = toks[i]
        level = t.lemma.lower() == "be" and any(toks[c].dep == "acomp" and toks[c].text.lower() in ("level", "ahead")
                                                for c in view.children[i])  # "the Hoops were level when X ..."
        if level or t.lemma.lower() in _AHEAD and t.pos == "VERB" and (not _AHEAD[t.lemma.lower()] or any(
                toks[c].text.lower() in _AHEAD[t.lemma.lower()] for c in view.subtree(i))):
            subj = [c for c in view.children[i] if toks[c].dep == "nsubj"]
            team = _side(view, subj, set()) if subj else None
            clauses = {toks[p.head_index].head} | ({goal_verb} if goal_verb is not None else set())
            if team and any(toks[c].dep == "advcl" and toks[c].head == i or (
                    i in view.ancestors(c) and any(toks[w].text.lower() == "when" for w in view.children[c]))
                            for c in clauses):
                return team
            if team and _through_verb(view, p.head_index) == i:  # "Cincinnati levelled through X"
                return team
    if si > 0 and not any(toks[k].text.lower() in _CONTRAST for k in range(s, p.start)):
        ps, pe = view.sents[si - 1]  # "But Hearts regained the lead. Skipper X fired in ..."
        if not view.sentence_spans(si - 1, ("person",)):
            for i in range(ps, pe):
                t = toks[i]
                words = {toks[c].text.lower() for c in view.subtree(i)}
                if t.pos == "VERB" and (t.lemma.lower() in ("regain", "retake", "restore", "double", "extend", "take")
                                        and words & {"lead", "advantage"} or
                                        t.lemma.lower() == "go" and words & {"ahead", "front"}):
                    team = _side(view, [c for c in view.children[i] if toks[c].dep == "nsubj"], set())
                    if team:
                        return team
    return None


_SHOOTOUT = re.compile(r"([A-Z][\w'\-]*(?: [A-Z][\w'\-]*)*) (?:win|won|wins|go through|went through) (?:\d{1,2}-\d{1,2} )?"
                       r"(?:on|in a) (?:pens|penalties|spot-kicks|penalty shoot-?out)")


def _shootout_winner(line: str, a: Span, b: Span) -> Span | None:
    """The side a drawn result line says went through on penalties: "Manchester City 1 Real Madrid
    1 (aet; agg 3-3, City win 4-3 on pens)"."""
    m = _SHOOTOUT.search(line)
    if m is None:
        return None
    said = f" {name_key(m.group(1))} "
    sides = [x for x in (a, b) if said in f" {name_key(x.text)} " or f" {name_key(x.text)} " in said]
    return sides[0] if len(sides) == 1 else None


_GLORY = {"success", "glory", "triumph", "victory", "win", "title", "double", "treble", "crown", "championship", "trophy"}
_CONTRAST = {"despite", "although", "though", "but", "whom", "consolation", "yet", "however"}


def _through_verb(view: ArticleView, k: int) -> int | None:
    """The verb token k hangs on through "through" or "via": "levelled through X", "led through a
    first-half header by X", "went ahead via a penalty from X"."""
    toks = view.tokens
    for _ in range(5):
        if toks[k].dep != "pobj" or toks[k].head == k:
            return None
        prep = toks[k].head
        if toks[prep].text.lower() in ("through", "via"):
            gov = toks[prep].head  # "took the lead through X": the verb, not "lead"
            return toks[gov].head if toks[gov].pos == "NOUN" and toks[gov].dep == "dobj" else gov
        if toks[prep].text.lower() not in ("by", "from", "of") or toks[toks[prep].head].pos != "NOUN":
            return None
        k = toks[prep].head
    return None


def _clause_root(view: ArticleView, i: int) -> tuple[int, list[int]]:
    """The top of the chain of clauses and "with"-phrases token i sits in, and the chain."""
    toks = view.tokens
    path = [i]
    while toks[i].head != i and toks[i].dep in ("nsubj", "compound", "advcl", "conj", "xcomp", "pcomp", "pobj",
                                                 "prep", "ccomp", "acl", "poss"):
        i = toks[i].head
        path.append(i)
    return i, path


def _same_story(view: ArticleView, scorer: int, result_verb: int) -> bool:
    """The scorer's clause and the result's clause are one sentence of one story, told without a
    contrast: "Brentford beat Forest 3-1, with Okoro scoring twice"."""
    root_a, path_a = _clause_root(view, scorer)
    root_b, path_b = _clause_root(view, result_verb)
    if root_a != root_b:
        return False
    lo, hi = sorted((scorer, result_verb))
    return not any(view.tokens[k].text.lower() in _CONTRAST for k in range(lo, hi + 1))


def _match_for(view: ArticleView, si: int, reports: list[MatchReport], team: str | None = None,
               last: tuple[int, str] | None = None) -> str | None:
    """The match a goal sentence is about: one reported in that sentence; else the match of the
    goal told just before (`last`, its sentence and match), when this sentence names no team and
    no result is told between ("Minors doubled the advantage ... Durham pulled one back"); else,
    of the matches of the scorer's team (when the text gives it) or of the teams named in the
    sentence and the two before it, the most reported; else the article's most-reported match (on
    a tie, the one it reports first: its headline match, not a round-up's)."""
    told = [r for r in reports if r.key not in view.earlier_matches and any(
        ev.start <= _sent_orig_start(view, si) < ev.end or ev.sentence == " ".join(view.sentence_text(si).split())
        for ev in r.evidence)]
    here = [r for r in told if team is None or team in r.teams]
    if here:
        return here[0].key
    own = [r for r in told if any(view.sentence_at(ev.start) == si for ev in r.evidence)]
    if len({frozenset(r.teams) for r in own}) == 1:
        return own[0].key  # "a 4-0 thrashing of Al-Fateh, where X scored twice": the sentence's match, not the side guessed
    if not reports:
        return None
    named = {x.ref for x in view.sentence_spans(si, TEAM_KINDS)} | {  # (a ground stands for its club)
        view.home_clubs[x.ref] for x in view.sentence_spans(si, ("stadium",)) if x.ref in view.home_clubs}
    if last is not None and team is None and not named and 0 <= si - last[0] <= 2 and \
            (si == last[0] or not SCORE.search(view.sentence_text(si))) and \
            any(r.key == last[1] and r.key not in view.earlier_matches for r in reports) and \
            not any(ev.rule not in ("scoreline", "result-line") and last[0] < view.sentence_at(ev.start) <= si
                    for r in reports for ev in r.evidence):
        return last[1]
    # (told before the goal: not "... was enough. It was his third of the tie, 11 months after
    # beating Chelsea there")
    para = {tuple(sorted(r.teams)) for r in reports if r.key not in view.earlier_matches and r.evidence
            and view.paragraphs[view.sentence_at(r.evidence[0].start)] == view.paragraphs[si]
            and view.sentence_at(r.evidence[0].start) <= si}
    if len(para) == 1 and (not named or named & set(next(iter(para)))):  # a round-up: the match its paragraph tells
        pair = next(iter(para))
        return next(r.key for r in reports if tuple(sorted(r.teams)) == pair and r.key not in view.earlier_matches)
    current = [r for r in reports if r.key not in view.earlier_matches] or reports
    prev = si - 1  # a paragraph of goals right after a one-sentence paragraph that tells a result
    if prev >= 0 and view.paragraphs[prev] != view.paragraphs[si] and (prev == 0 or view.paragraphs[prev - 1] != view.paragraphs[prev]):
        got = [r for r in current if r.evidence and view.sentence_at(r.evidence[0].start) == prev
               and (team is None or team in r.teams)]
        # (no other match's team named with the goal)
        if len({frozenset(r.teams) for r in got}) == 1 and named <= set(got[0].teams):
            return got[0].key
    pairs: dict[tuple[str, ...], list[MatchReport]] = {}
    for r in current:
        pairs.setdefault(tuple(sorted(r.teams)), []).append(r)
    if len(pairs) >= 3:  # a round-up narrates each match's goals just after its result
        before = [(view.sentence_at(r.evidence[0].start), r) for r in current if r.evidence]
        before = [(k, r) for k, r in before if si - 4 <= k < si and (team is None or team in r.teams)
                  and (not named or named & set(r.teams))]  # ("Outerbridge, who rejoined the Zebras")
        if before:
            return max(before, key=lambda kr: kr[0])[1].key
    # the most reported pairing; on a tie, the one the article reports first (its headline match)
    ranked = sorted(pairs.values(), key=lambda rs: (-len(rs), min(ev.start for r in rs for ev in r.evidence)))
    near = {s.ref for k in range(max(0, si - 2), si + 1) for s in view.sentence_spans(k, ("club", "national_team"))}
    for wanted in ({team} if team else set(), named, near):
        mine = [rs for rs in ranked if wanted & set(rs[0].teams)]
        # (a season review's every match is its club's: the other side the sentence names decides)
        mine = [rs for rs in mine if named - {team} & set(rs[0].teams)] or mine
        if mine:
            return mine[0][0].key
    if team or len(near) >= 2:  # the scorer's side, or two sides named around the goal, play in none
        return None              # of the matches reported: a goal of a match the article only mentions
    counts = Counter(x.ref for x in view.spans if x.kind in TEAM_KINDS and x.ref and not x.anaphoric)
    main = main_pair(reports, counts)  # the article's own match, not its most repeated aside
    return next((rs[0].key for rs in ranked if main and tuple(sorted(rs[0].teams)) == tuple(sorted(main))),
                ranked[0][0].key)


def side_owners(view: ArticleView, rules: Rules, reports: list[MatchReport], facts: list[Fact] = ()) -> list[Fact]:
    """The team of a manager named only by their side ("Gordon Baird's side had fallen behind to an
    opener from Arbroath's Kinnear", "Dean Fairbrass's side a 3-2 win over a Sunderland team"):
    when the sentence names one team of the match it tells (or of its paragraph's) as the other
    side, the manager's side is the other team; and the side a goal of the same story went to
    ("Ashworth nodded in to earn Graham Tulloch's men a point", "X's side went ahead when Y
    converted a penalty"). ("Liguori's Napoli" is the possessed-club rule's.)"""
    toks = view.tokens
    out: list[Fact] = []
    teams: dict[str, set[str]] = {}
    for f in facts:
        if f.predicate == "memberOf":
            teams.setdefault(f.subject, set()).add(f.object)
    scorers: dict[int, list[tuple[Span, str]]] = {}
    for f in facts:
        if f.predicate == "scoredIn" and len(teams.get(f.subject, ())) == 1:
            si = view.sentence_at(f.evidence.start)
            for sp in view.sentence_spans(si, ("person",)):
                if sp.ref == f.subject:
                    scorers.setdefault(si, []).append((sp, next(iter(teams[f.subject]))))
    for p in view.spans:
        if p.kind != "person" or not p.ref or toks[p.head_index].dep != "poss" or p.end >= len(toks) \
                or toks[p.end].text not in ("'s", "'", "\u2019s", "\u2019"):
            continue
        owned = toks[p.head_index].head
        si = view.sent_of[p.start]
        if toks[owned].lemma.lower() not in rules.manager_possessions and \
                toks[owned].text.lower() not in rules.manager_possessions:
            continue
        clause = toks[owned].head if toks[owned].dep in ("dobj", "dative", "attr", "pobj") else owned
        # a team of the match named in an opponent's place first: "X's side had fallen behind to an
        # opener from Arbroath's Kinnear" (the goal's story would give X the scorer's team)
        pairs = _pairs_told(view, si, reports)
        if len(pairs) == 1:
            inside = set(view.subtree(owned))
            named = {sp.ref for sp in view.sentence_spans(si, TEAM_KINDS)
                     if sp.ref in pairs[0] and sp.head_index not in inside and _opponent_position(view, sp)
                     and not _coordinated_subjects(view, sp.head_index, owned) and not _absolute_with(view, sp, owned)}
            if len(named) == 1:
                other = next(t for t in pairs[0] if t not in named)
                out.append(Fact(p.ref, "memberOf", other, view.evidence(si, "side-owner", 0.6)))
                continue
        story = {team for sp, team in scorers.get(si, ()) if sp.ref != p.ref and _same_story(view, sp.head_index, clause)}
        if len(story) == 1:
            out.append(Fact(p.ref, "memberOf", story.pop(), view.evidence(si, "side-owner", 0.6)))
            continue
        beaten = _beaten_side(view, rules, si, owned, reports)
        if beaten is not None:  # "the Hoops have now beaten Scott McGarrity's side twice"
            out.append(Fact(p.ref, "memberOf", beaten, view.evidence(si, "side-owner-beaten", 0.6)))
            continue
        side = _side_of_the_result(view, rules, si, owned, reports)
        if side is not None:  # "The win lifts Martin Gallagher's side to within three points of ..."
            out.append(Fact(p.ref, "memberOf", side, view.evidence(si, "side-owner-result", 0.6)))
            continue
        sole = _sole_other_team(view, rules, si, owned)
        if sole is not None:  # "Inter made it eight wins in a row as Renato Bellandi's side moved clear"
            out.append(Fact(p.ref, "memberOf", sole, view.evidence(si, "side-owner-sentence", 0.5)))
    return out


def _beaten_side(view: ArticleView, rules: Rules, si: int, owned: int, reports: list[MatchReport]) -> str | None:
    """"The Hoops have now beaten X's side": the side a team beat is that team's opponent in the
    match the sentence (or its paragraph, or the article) tells, or its one opponent in the article."""
    toks = view.tokens
    verb = toks[owned].head
    if toks[owned].dep != "dobj" or toks[verb].lemma.lower() not in rules.defeat_verbs:
        return None
    subject = _side(view, _children(view, verb, ("nsubj",)), set())
    if subject is None:
        return None
    pairs = [pair for pair in _pairs_told(view, si, reports) if subject.ref in pair and len(set(pair)) == 2] or \
        [r.teams for r in reports if subject.ref in r.teams and len(set(r.teams)) == 2]  # else the team's one opponent
    others = {t for pair in pairs for t in pair if t != subject.ref}
    return others.pop() if len(others) == 1 else None


def _side_of_the_result(view: ArticleView, rules: Rules, si: int, owned: int,
                        reports: list[MatchReport]) -> str | None:
    """"The win lifts X's side to fourth", "the defeat leaves X's men bottom": the object of a
    verb whose subject is the win (or the defeat) of the match the sentence tells is its winner's
    (or its loser's) side."""
    toks = view.tokens
    if toks[owned].dep != "dobj":
        return None
    subjects = [c for c in view.children[toks[owned].head] if toks[c].dep == "nsubj"]
    if len(subjects) != 1 or any(view.span_of(i) is not None for i in view.subtree(subjects[0])):
        return None  # (not "Celtic's win lifts ...": whose win the text says)
    noun = toks[subjects[0]].lemma.lower()
    won = noun in rules.victory_nouns
    if not won and noun not in rules.loss_nouns:
        return None
    key = _match_for(view, si, reports)
    report = next((r for r in reports if r.key == key), None)
    if report is None or report.winner is None:
        return None
    return report.winner if won else next(t for t in report.teams if t != report.winner)


def _absolute_with(view: ArticleView, sp: Span, owned: int) -> bool:
    """"With Celtic also still alive in Europe, Quigley's squad looks deeper": a team in a clause
    of circumstance, not the side's opponent (as in "X's side drew with Celtic")."""
    toks = view.tokens
    head = toks[sp.head_index]
    return head.dep == "pobj" and toks[head.head].text.lower() == "with" and toks[head.head].head != toks[owned].head


def _coordinated_subjects(view: ArticleView, a: int, b: int) -> bool:
    """"Elgin came out with purpose, and Ross Jappy's side got back into the game": the subjects
    of two coordinated clauses, one team told twice, not two sides."""
    toks = view.tokens
    if toks[a].dep != "nsubj" or toks[b].dep != "nsubj":
        return False
    va, vb = toks[a].head, toks[b].head
    return (toks[vb].dep == "conj" and toks[vb].head == va) or (toks[va].dep == "conj" and toks[va].head == vb)


def _sole_other_team(view: ArticleView, rules: Rules, si: int, owned: int) -> str | None:
    """The one team a sentence names besides a manager's side, when it is not what the side acts
    on: not in the side's own clause (but for its subject: "The win, Falkirk's fifth, leaves X's
    side in control"), not a person's description ("Lyon midfielder Y"), not another manager's
    ("Neil Ashcroft's City"); "X's side are six points clear of Real Betis" names an opponent."""
    toks = view.tokens
    verb = next((a for a in view.ancestors(owned) if toks[a].pos in ("VERB", "AUX")), None)
    if verb is None:
        return None
    acted_on = set(view.subtree(verb)) - {i for c in view.children[verb] if toks[c].dep in ("nsubj", "nsubjpass")
                                         for i in view.subtree(c)}
    refs = set()
    for sp in view.sentence_spans(si, TEAM_KINDS):
        head = sp.head_index
        owner = [c for c in view.children[head] if toks[c].dep == "poss" and view.span_of(c) is not None
                 and view.span_of(c).kind == "person"]
        gov = toks[head].head
        described = toks[head].dep in ("compound", "poss") and (
            view.span_of(gov) is not None and view.span_of(gov).kind == "person" or rules.role_of(toks[gov].text)) \
            or sp.end < len(toks) and rules.role_of(toks[sp.end].text) not in (None, "other")  # parsed as a conjunct
        if head in acted_on or owner or described:
            continue
        refs.add(sp.ref)
    return refs.pop() if len(refs) == 1 else None


def _pairs_told(view: ArticleView, si: int, reports: list[MatchReport]) -> list[tuple[str, ...]]:
    """The matches a sentence tells: those reported in it, else its paragraph's, else the match
    the article is a report of (reported twice, or in its headline); none in a transfer story
    that mentions a result in passing."""
    current = [r for r in reports if r.evidence and r.teams[0] != r.teams[1]]
    for same in (lambda k: k == si, lambda k: view.paragraphs[k] == view.paragraphs[si]):
        pairs = sorted({tuple(sorted(r.teams)) for r in current if same(view.sentence_at(r.evidence[0].start))})
        if pairs:
            return pairs
    told = Counter(tuple(sorted(r.teams)) for r in current)
    headline = {tuple(sorted(r.teams)) for r in current if view.sentence_at(r.evidence[0].start) == 0}
    return sorted(p for p in told if told[p] >= 2 or p in headline) if len(told) == 1 else []


def _opponent_position(view: ArticleView, sp: Span) -> bool:
    """A team named as a side of the play, not as a description of a person ("Inter captain X"):
    the team itself heads its phrase, or it sits inside a prepositional phrase ("an opener from
    Arbroath's Kinnear")."""
    toks = view.tokens
    head = toks[sp.head_index]
    if head.dep not in ("compound", "poss"):
        return True
    return any(toks[a].dep == "prep" for a in view.ancestors(sp.head_index))


def _sent_orig_start(view: ArticleView, si: int) -> int:
    return view.doc.offsets.span(view.tokens[view.sents[si][0]].idx, view.tokens[view.sents[si][0]].idx + 1)[0]


def won_facts(view: ArticleView, rules: Rules, gaz: Gazetteer | None = None,
              reports: list[MatchReport] = ()) -> list[Fact]:
    """won facts: "X lifted the Carabao Cup", "Klopp won the Premier League", "who won the Copa
    del Rey with Athletic" (the person and the team), "whose side lifted the League Cup" (the
    sentence's team), "led Randers FC to the Danish Cup" (the team and its leader)."""
    facts: list[Fact] = []
    toks = view.tokens

    def add(winner: Span, trophy: Span, si: int, rule: str) -> None:
        facts.append(Fact(winner.ref, "won", trophy.ref, view.evidence(si, rule, 0.8)))

    for t in toks:
        if t.pos != "VERB" or any(toks[c].dep == "neg" for c in view.children[t.i]) or \
                future_or_hypothetical(view, t.i):
            continue
        si = view.sent_of[t.i]
        lemma = t.lemma.lower()
        if lemma in ("lead", "guide", "steer", "take", "inspire", "propel", "help", "fire", "drive", "captain", "coach"):
            # "helped them to promotion, to the league title and to the European Cup"
            targets = _to_targets(view, t.i)
            targets += [k for h in targets if toks[h].lemma.lower() in _GLORY for g in view.children[h]
                        if toks[g].dep == "compound" for k in view.subtree(g)]
            # ("led them to FA Trophy success", "to the Isthmian League Premier Division title")
            finals = [g for h in targets if toks[h].lemma.lower() in _GLORY for g in _prep_objects(view, h, ("in",))]
            targets += finals + [c for g in finals if toks[g].lemma.lower() == "final" for c in view.children[g]
                                 if toks[c].dep == "compound"]  # not "victory in the Premier League clash"
            # ("led Wrexham to victory in the LDV Vans Trophy final")
            trophies = {view.span_of(h).ref: view.span_of(h) for h in targets
                        if view.span_of(h) and view.span_of(h).kind == "trophy"}
            objs = _children(view, t.i, ("dobj",))
            team = _side(view, objs, set())
            if team is None and t.dep == "relcl" and any(toks[o].text.lower() in ("whom", "which", "that") for o in objs):
                head = view.span_of(t.head)  # "Gateshead, whom he led to FA Trophy success"
                team = head if head is not None and head.kind in TEAM_KINDS else None
            if team is None and any(toks[o].lemma.lower() in ("club", "side", "team") and any(
                    toks[d].text.lower() == "the" for d in view.children[o]) for o in objs):
                # "Galaxy coach X, who guided the club to the MLS Cup title": the team named before
                before = [x for x in view.sentence_spans(si, TEAM_KINDS) if x.end <= t.i]
                team = before[-1] if before else None
            leader = _person_in(view, view.clause_subject(t.i, relcl_head=True))  # "X, who guided ..."
            for trophy in trophies.values() if team else ():
                add(team, trophy, si, "led-to-trophy")
                if leader:
                    add(leader, trophy, si, "led-to-trophy")
            continue
        if lemma == "crown":  # "already crowned Northern Premier League champions", "were crowned champions of ..."
            titles = [c for c in view.children[t.i] if toks[c].lemma.lower() in ("champion", "winner")]
            trophy = _trophy_in(view, titles)
            team = _side(view, _children(view, t.i, ("nsubjpass", "nsubj")), set())
            if team is None and t.dep in ("acl", "relcl", "advcl", "amod") and view.span_of(t.head) is not None:
                team = view.span_of(t.head) if view.span_of(t.head).kind in TEAM_KINDS else None
            if trophy is not None and team is not None:
                add(team, trophy, si, "crowned-champions")
            continue
        if lemma == "lose":  # "Lyon lost the Coupe de France final to Paris Saint-Germain"
            final = _final_lost_to(view, t.i)
            if final is not None:
                add(final[0], final[1], si, "lost-final-to")
            continue
        if lemma not in rules.won_verbs:
            continue
        trophies = _trophies_in(view, [o for o in _children(view, t.i, ("dobj",))  # "won the league and the cup"
                                       if (view.span_of(o) is not None or toks[o].lemma.lower() not in _NOT_WON)
                                       and not any(toks[i].lemma.lower() in _GAME_NOUNS for i in view.subtree(o))])
        # (not "have won just two of their 16 Premier League games")
        implied = False
        league = None
        if not trophies:
            trophies = [x for x in (_implied_title(view, t.i) or _final_trophy(view, t.i, reports),) if x is not None]
            implied = bool(trophies)
        if not trophies:
            league = _article_league(view, t.i, gaz)
            trophies = [league] if league is not None else []
        for trophy in trophies:
            if league is not None:  # "Celtic, who clinched the title with six games to spare last season"
                winner = _side(view, view.clause_subject(t.i, relcl_head=True) or ([t.head] if t.dep == "relcl" else []),
                               set())
                if winner is not None:
                    add(winner, trophy, si, "won-article-league")
                continue
            if any(toks[c].text.lower() == "there" and toks[c].dep == "advmod" for c in view.children[t.i]):
                before = [x for x in view.sentence_spans(si, ("club",)) if x.end <= t.i]
                if before:  # "arrived from Molde after winning two Eliteserien titles there"
                    add(before[-1], trophy, si, "won-there")
            if t.dep == "relcl" and any(toks[c].text.lower() == "where" for c in view.children[t.i]):
                place = view.span_of(t.head)  # "FC Midtjylland, where he won the league title"
                if place is not None and place.kind == "club":
                    add(place, trophy, si, "won-title-where" if implied else "won-verb")
            subj = [c for c in view.children[t.i] if toks[c].dep == "compound"] if t.tag == "VBG" else []
            # ("remembers Forest lifting the European Cup")
            subj = subj or view.clause_subject(t.i, relcl_head=True)  # "the winger, who scored 14 goals and won ..."
            spell = _spell_team(view, t.i)
            if spell is not None:  # "spent three seasons at Celtic, winning the title and the Scottish Cup"
                add(spell, trophy, si, "won-during-spell")
            if not subj and t.dep == "relcl":
                subj = [t.head]
            beaten: set[str] = set()
            if not subj and any(toks[c].dep == "aux" and toks[c].text.lower() == "to" for c in view.children[t.i]):
                verb, subj = _purpose_subject(view, t.i)  # "they beat Al Ahly on penalties to claim the cup":
                subj = [h for h in subj if toks[h].text.lower() in PRONOUNS or view.span_of(h) is not None]
                beaten = {x.ref for c in _children(view, verb, ("dobj",)) for k in view.subtree(c)  # not Al Ahly
                          for x in (view.span_of(k),) if x is not None}
            if subj and toks[subj[0]].text.lower() in ("who", "that") and toks[t.i].dep == "relcl":
                subj = [t.head]
            person = _person_in(view, subj)
            # "Liverpool captain X lifted the cup": a team the subject names; not, for a person,
            # the club he plays for now ("the 28-year-old, who won the Primeira Liga with Porto")
            team = _team_in(view, [k for h in subj for k in _phrase(view, h)], {person.ref} | beaten) \
                if person is not None else _side(view, subj, beaten)
            if person is not None and team is not None:
                add(team, trophy, si, "won-verb")
            winner = person or team
            if winner is None and subj and toks[subj[0]].lemma.lower() in rules.manager_possessions:
                teams = {s.ref: s for s in view.sentence_spans(si, TEAM_KINDS)}
                if len(teams) == 1:  # "whose side lifted the Scottish League Cup"
                    winner = next(iter(teams.values()))
            if winner is None:
                member = _member_of_winning_side(view, t.i)
                if member is not None:  # "was part of the side that won the Northern Premier League title"
                    add(member, trophy, si, "won-with-side")
                continue
            add(winner, trophy, si, "won-verb")
            if t.dep in ("xcomp", "ccomp") and toks[t.head].lemma.lower() == "help":
                helper = _person_in(view, view.clause_subject(t.head, relcl_head=True))
                if helper is not None and helper.ref != winner.ref:  # "X, who helped Goytre win the Gwent Senior Cup"
                    add(helper, trophy, si, "helped-win")
            member = _member_of_winning_side(view, t.i) if winner.kind != "person" else None
            if member is not None:  # "X was an ever-present in the Derby side that won the title"
                add(member, trophy, si, "won-with-side")
            if winner.kind == "person":  # "won the FA Cup with Medeama", "won it as a River player"
                heads = _prep_objects(view, t.i, ("with", "as")) + [
                    h for x in {trophy.head_index, *_children(view, t.i, ("dobj",))} for h in _prep_objects(view, x, ("with",))]
                partner = _side(view, heads, {winner.ref})
                if partner is None and any(toks[h].lemma.lower() in ("club", "side", "team") for h in heads):
                    ref = view.person_teams.get(winner.ref)  # "won five titles with the club": his
                    partner = next((x for x in view.spans if x.ref == ref), None) if ref else None
                if partner is not None:
                    add(partner, trophy, si, "won-verb")
    facts.extend(_winners_described(view))
    facts.extend(_predicated_winners(view))
    facts.extend(_possessed_honours(view, rules))
    facts.extend(_title_holders(view, gaz))
    facts.extend(_counted_honours(view))
    facts.extend(_winning_sides(view))
    facts.extend(_honours_lines(view))
    return facts


_HONOURS_LINE = re.compile(r"(?mi)^[ \t]*(?:major[ \t]+)?(?:honours|trophies|titles|winner|won)[ \t]*[:\u2013\u2014-][ \t]*\S[^\n]*$")


def _honours_lines(view: ArticleView) -> list[Fact]:
    """A profile's factfile line "Honours: Eredivisie (2023-24), KNVB Cup (2021-22)": the
    competitions are the honours of the person the article is about (named clearly most)."""
    lines = list(_HONOURS_LINE.finditer(view.doc.text))
    person = view.leading_person() if lines else None
    if person is None:
        return []
    out = []
    for m in lines:
        a, b = view.token_at_char(m.start()), view.token_at_char(m.end() - 1) + 1
        for x in {x.ref: x for x in view.spans_in(a, b, ("trophy",)) if x.ref}.values():
            out.append(Fact(person, "won", x.ref, view.char_evidence(m.start(), m.end(), "honours-line", 0.7)))
        out += _honours_clubs(view, m)
    return out


_BRACKETED = re.compile(r"\((all )?([^()\n]+)\)")


def _honours_clubs(view: ArticleView, line: re.Match[str]) -> list[Fact]:
    """The club in brackets after honours: "LDV Vans Trophy 2003 (Bristol City)" is Bristol
    City's too; "Third Division champions 1978; Welsh Cup 1978, 1984 (all Wrexham)" covers every
    honour since the last bracket."""
    out: list[Fact] = []
    pending: list[str] = []
    pos = line.start()
    for item in re.finditer(r"[^;]+", line.group()):
        start, end = line.start() + item.start(), line.start() + item.end()
        a, b = view.token_at_char(start), view.token_at_char(end - 1) + 1
        trophies = [x.ref for x in view.spans_in(a, b, ("trophy",)) if x.ref]
        bracket = _BRACKETED.search(item.group())
        club = None
        if bracket:
            c, d = view.token_at_char(start + bracket.start(2)), view.token_at_char(start + bracket.end(2) - 1) + 1
            clubs = {x.ref for x in view.spans_in(c, d, ("club",)) if x.ref}
            club = clubs.pop() if len(clubs) == 1 else None
        if club is None:
            pending = (pending if bracket is None else []) + trophies
            continue
        for t in dict.fromkeys((pending if bracket.group(1) else []) + trophies):
            out.append(Fact(club, "won", t, view.char_evidence(pos, end, "honours-line", 0.7)))
        pending, pos = [], end
    return out


_SPELL_VERBS = {"spend", "join", "sign", "play", "move", "return", "stay"}


def _spell_team(view: ArticleView, v: int) -> Span | None:
    """The team of a spell a participle's win falls in: "spent three seasons at Celtic, winning
    the title", "joined Villa in 1995, winning the League Cup"; not "beat Celtic, winning the cup"."""
    toks = view.tokens
    if toks[v].tag != "VBG" or toks[v].dep != "advcl" or toks[toks[v].head].lemma.lower() not in _SPELL_VERBS:
        return None
    h = toks[v].head
    heads = _prep_objects(view, h, ("at", "with", "for", "to"))
    if toks[h].lemma.lower() in ("join", "sign"):
        heads += _children(view, h, ("dobj",))
    teams = {x.ref: x for x in (view.span_of(i) for i in heads) if x is not None and x.kind in TEAM_KINDS}
    return next(iter(teams.values())) if len(teams) == 1 else None


_MEMBER_NOUNS = {"member", "part", "captain", "mainstay", "stalwart", "veteran", "hero", "skipper"}


def _winners_described(view: ArticleView) -> list[Fact]:
    """"Atalanta, Europa League winners in 2024,", "Kaizer Chiefs, the home side and winners of the
    Nedbank Cup", "X, a League Cup winner with Boro in 2004" (the person, and the team he won it
    with): a team or person described as a competition's winner won it. And "leaves with a
    Highland League winner's medal": the clause's subject won it."""
    toks = view.tokens
    out: list[Fact] = []
    for t in toks:
        if t.pos != "NOUN" or t.lemma.lower() not in ("winner", "champion", "holder") or \
                any(toks[c].text.lower() in _NOT_YET for c in view.children[t.i]):
            continue
        first = view.first_conjunct(t.i)  # "the home side and winners of ...": described like the side
        objects = _prep_objects(view, t.i, ("of",)) or \
            [o for o in _prep_objects(view, first, ("of",)) if o > t.i]
        trophy = _trophy_in(view, [c for c in view.children[t.i] if toks[c].dep in ("compound", "nmod", "poss")]
                            + objects)
        if trophy is None:
            continue
        si = view.sent_of[t.i]
        if toks[first].dep == "appos":
            holder = view.span_of(toks[first].head)
            rule = "winners-apposition"
        elif toks[t.head].lemma.lower() == "medal" and any(toks[c].dep == "case" for c in view.children[t.i]):
            medal = view.first_conjunct(t.head)  # "a ... winner's medal and two ... winner's medals"
            holder = _person_in(view, view.clause_subject(toks[medal].head))  # from "with", "won"
            rule = "winners-medal"
        else:
            continue
        if holder is None or holder.kind not in (*TEAM_KINDS, "person"):
            continue
        out.append(Fact(holder.ref, "won", trophy.ref, view.evidence(si, rule, 0.8)))
        team = _team_in(view, [h for o in _prep_objects(view, t.i, ("with",)) for h in _phrase(view, o)], {holder.ref}) \
            if holder.kind == "person" else None
        if team is not None:
            out.append(Fact(team.ref, "won", trophy.ref, view.evidence(si, rule, 0.8)))
    return out


def _winning_sides(view: ArticleView) -> list[Fact]:
    """"Hibs boss X, a member of the club's 2016 Scottish Cup-winning side": the side won the
    competition, and so did its member; "the club" is the team the sentence names before."""
    toks = view.tokens
    out: list[Fact] = []
    for t in toks:
        if t.text.lower() != "winning" or t.i < 2 or toks[t.i - 1].text != "-" or toks[t.i - 1].ws:
            continue
        trophy = view.span_of(t.i - 2)
        noun = toks[t.head]
        if trophy is None or trophy.kind != "trophy" or noun.lemma.lower() not in _SIDE_NOUNS:
            continue
        si = view.sent_of[t.i]
        owners = [view.span_of(c) for c in view.children[noun.i] if toks[c].dep in ("poss", "compound")]
        team = next((x for x in owners if x is not None and x.kind in TEAM_KINDS), None)
        if team is None and any(toks[c].dep == "poss" and toks[c].lemma.lower() == "club" for c in view.children[noun.i]):
            before = [x for x in view.sentence_spans(si, TEAM_KINDS) if x.end <= t.i]
            team = before[-1] if before else None
        person = None
        if noun.dep == "pobj" and toks[noun.head].text.lower() == "of" and \
                toks[toks[noun.head].head].lemma.lower() in _MEMBER_NOUNS:
            holder = toks[toks[noun.head].head]
            if holder.dep == "appos":
                person = view.span_of(holder.head)
            elif holder.dep == "attr":
                person = next((view.span_of(c) for c in view.clause_subject(holder.head) if view.span_of(c)), None)
        if team is not None:
            out.append(Fact(team.ref, "won", trophy.ref, view.evidence(si, "winning-side", 0.7)))
        if person is not None and person.kind == "person":
            out.append(Fact(person.ref, "won", trophy.ref, view.evidence(si, "winning-side", 0.7)))
    return out


def _predicated_winners(view: ArticleView) -> list[Fact]:
    """"Whitcombe's side are Premiers Plate winners", "Berkane qualified as winners of the CAF
    Confederation Cup": a team said to be a competition's winners,
    champions or holders (its subject's, through the copula or "as") won it."""
    toks = view.tokens
    out: list[Fact] = []
    for t in toks:
        if t.pos != "NOUN" or t.lemma.lower() not in ("winner", "champion", "holder") or t.tag != "NNS":
            continue
        if t.dep == "attr" and toks[t.head].lemma.lower() == "be":
            verb = t.head
        elif t.dep == "pobj" and toks[t.head].text.lower() == "as" and toks[toks[t.head].head].pos == "VERB":
            verb = toks[t.head].head
        else:
            continue
        if any(toks[c].dep == "neg" for c in view.children[verb]) or future_or_hypothetical(view, verb) or \
                any(toks[c].text.lower() in _NOT_YET for c in view.children[t.i]):
            continue
        trophy = _trophy_in(view, [c for c in view.children[t.i] if toks[c].dep in ("compound", "nmod", "amod")]
                            + _prep_objects(view, t.i, ("of",)))
        team = _side(view, view.clause_subject(verb), set()) if trophy is not None else None
        if team is not None and team.kind in TEAM_KINDS:
            out.append(Fact(team.ref, "won", trophy.ref, view.evidence(view.sent_of[t.i], "predicated-winners", 0.75)))
    return out


_COUNTED = re.compile(r"^(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
                      r"tenth|eleventh|twelfth|record)$", re.I)
_NOT_THE_TROPHY = {"final", "semi-final", "semifinal", "tie", "match", "game", "place", "spot", "appearance",
                   "run", "campaign", "fixture", "quarter-final", "round", "exit", "defeat", "win"}


def _counted_honours(view: ArticleView) -> list[Fact]:
    """"It is a sixth FAI Cup for the Candystripes", "a record 14th Scottish Cup for Celtic": a
    counted trophy for a team is one it has won."""
    toks = view.tokens
    out: list[Fact] = []
    for tr in (s for s in view.spans if s.kind == "trophy" and not s.anaphoric):
        if tr.start == 0 or not _COUNTED.match(toks[tr.start - 1].text) or \
                (tr.end < len(toks) and toks[tr.end].lemma.lower() in _NOT_THE_TROPHY):
            continue
        team = _side(view, _prep_objects(view, tr.head_index, ("for",)), set())
        if team is not None and team.kind in TEAM_KINDS:
            out.append(Fact(team.ref, "won", tr.ref, view.evidence(view.sent_of[tr.start], "counted-honour", 0.8)))
    return out


_NOT_YET = {"future", "potential", "prospective", "would-be", "possible", "likely", "presumptive"}


def _title_holders(view: ArticleView, gaz: Gazetteer | None = None) -> list[Fact]:
    """"defending champions Vissel Kobe", "Holders Racing beat ...", "Porto, the reigning
    champions,", "eight-time winners Lyon": the team holds or has won a title. The title is the competition the description names,
    else the one named in the sentence, else the one the article names most. A nationality
    ("the English champions") names a league the text may not; nothing is said then. "The
    Bundesliga champions" beside no team is the one club of the league's country the article
    names (Bayern in a Champions League tie with Arsenal)."""
    toks = view.tokens
    counts: dict[str, int] = {}
    for x in view.spans:
        if x.kind == "trophy" and not x.anaphoric:
            counts[x.ref] = counts.get(x.ref, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    dominant = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None
    out: list[Fact] = []
    for t in toks:
        if t.text.lower() not in ("champions", "champion", "holders", "winners") or view.span_of(t.i) is not None:
            continue
        mods = [toks[c] for c in view.children[t.i] if toks[c].dep in ("amod", "compound", "nmod", "npadvmod")]
        if any(m.text.lower() in _NOT_YET or (m.pos == "ADJ" and m.text[:1].isupper())
               for m in mods):
            continue
        if t.text.lower() == "winners" and not mods:
            continue  # "the winners, Arsenal,": a match's; "eight-time winners Lyon", "2019 winners X": a title's
        team = view.span_of(t.i + 1) if t.i + 1 < len(toks) else None
        if team is None or team.start != t.i + 1 or team.kind not in TEAM_KINDS:
            team = view.span_of(t.head) if t.dep in ("appos", "compound") else None
        si = view.sent_of[t.i]
        trophy = _trophy_in(view, [m.i for m in mods])
        rule = "title-holders"
        if team is None and mods and t.dep in ("nsubj", "nsubjpass", "poss") and \
                any(toks[c].text.lower() == "the" for c in view.children[t.i]):
            # "the Nedbank Cup holders were ready", "the title holders' 3-0 win": the team named last before
            team = next((x for x in reversed(view.sentence_spans(si, TEAM_KINDS)) if x.end <= t.i), None)
            rule = "title-holders-before"
        if team is None and trophy is not None and gaz is not None:
            team = _only_club_of(view, gaz, trophy)
            if team is not None:
                out.append(Fact(team.ref, "won", trophy.ref, view.evidence(si, "title-holders-country", 0.5)))
            continue
        if team is None or team.kind not in TEAM_KINDS:
            continue
        if trophy is None:
            here = {x.ref: x for x in view.sentence_spans(si, ("trophy",))}
            trophy = next(iter(here.values())) if len(here) == 1 else None
        if trophy is None and dominant is not None and not any(
                m.pos == "PROPN" and view.span_of(m.i) is None for m in mods):
            # (not "Kalju, the 2018 Meistriliiga champions": a competition we do not list)
            trophy = next(x for x in view.spans if x.ref == dominant)
        if trophy is not None:
            out.append(Fact(team.ref, "won", trophy.ref, view.evidence(si, rule, 0.6)))
    return out


def _to_targets(view: ArticleView, v: int) -> list[int]:
    """The objects of the verb's "to" phrases, coordinated ones included: "to promotion, to the
    league title and to the European Cup"."""
    toks = view.tokens
    out: set[int] = set()
    stack = [c for c in view.children[v] if toks[c].dep == "prep" and toks[c].text.lower() == "to"]
    seen: set[int] = set()
    while stack:
        c = stack.pop()
        if c in seen:
            continue
        seen.add(c)
        if toks[c].pos == "ADP":  # a "to": its object, and the "to"s coordinated with it
            if toks[c].text.lower() != "to":
                continue
            out.update(g for g in view.children[c] if toks[g].dep == "pobj")
            stack.extend(g for g in view.children[c] if toks[g].dep in ("pobj", "conj"))
        else:  # an object: the nouns and "to"s coordinated with it
            if toks[c].dep == "conj" and toks[c].pos in ("NOUN", "PROPN"):
                out.add(c)
            stack.extend(g for g in view.children[c] if toks[g].dep in ("conj", "prep"))
    return sorted(out)


_SQUAD_NOUNS = {"side", "team", "squad", "xi", "eleven"}


def _final_lost_to(view: ArticleView, v: int) -> tuple[Span, Span] | None:
    """"lost the Coupe de France final to PSG", "lost the World Cup final 1-0 to Spain": the
    team it was lost to and the competition (the final's, named in the object); not a play-off's
    ("lost the League One play-off final to Sheffield Wednesday")."""
    toks = view.tokens
    objs = _children(view, v, ("dobj",))
    near = [i for o in objs for i in view.subtree(o)] + [c for c in view.children[v] if toks[c].dep == "advmod"]
    if not any(toks[i].lemma.lower() == "final" for i in near) or \
            any(toks[i].text.lower() in ("play", "playoff", "play-off", "playoffs", "play-offs") for i in near):
        return None  # a play-off final wins promotion, not the league
    trophy = _trophy_in(view, objs)
    if trophy is None:
        trophy = next((x for x in (view.span_of(i) for i in near) if x is not None and x.kind == "trophy"), None)
    heads = [h for x in [v, *near] for h in _prep_objects(view, x, ("to",))]
    team = _side(view, heads, set())
    return (team, trophy) if team is not None and trophy is not None and team.kind in TEAM_KINDS else None


def _member_of_winning_side(view: ArticleView, v: int) -> Span | None:
    """The person who "was an ever-present in" / "was part of" the side a relative clause says won."""
    toks = view.tokens
    side = toks[v].head
    if toks[v].dep != "relcl" or toks[side].lemma.lower() not in _SQUAD_NOUNS or toks[side].dep != "pobj":
        return None
    prep = toks[side].head
    if toks[prep].text.lower() not in ("in", "of"):
        return None
    attr = toks[prep].head
    if toks[attr].dep != "attr":
        return None
    # the verb's own subject, or the one it shares ("He won the Eredivisie ... and was part of the side that ...")
    # ("X, who played 200 games for Southport and was part of the side that ...": the relative's noun)
    return _person_in(view, [c for c in view.children[toks[attr].head] if toks[c].dep == "nsubj"
                             and toks[c].text.lower() not in ("who", "that")]
                      or view.clause_subject(toks[attr].head, relcl_head=True))


_TITLE_NOUNS = {"title", "championship", "crown", "league", "competition", "cup", "trophy", "tournament"}


def _purpose_subject(view: ArticleView, v: int) -> tuple[int, list[int]]:
    """The verb a "to ..." purpose clause hangs from, however the parser attached it ("beat Al
    Ahly on penalties to claim the cup": "claim" under "penalties"), and that verb's subject."""
    toks = view.tokens
    i = toks[v].head
    while i != toks[i].head and toks[i].pos not in ("VERB", "AUX"):
        i = toks[i].head
    return i, view.clause_subject(i) if toks[i].pos in ("VERB", "AUX") and i != v else []


def _final_trophy(view: ArticleView, v: int, reports: list[MatchReport]) -> Span | None:
    """"Captain Stephen Lumsdon lifted the trophy": the competition of the one final the article
    reports, or of a final report's headline (the trophy word itself, standing for it)."""
    toks = view.tokens
    objs = [o for o in _children(view, v, ("dobj",)) if toks[o].lemma.lower() in _TROPHY_WORDS
            and any(toks[d].text.lower() == "the" for d in view.children[o])]
    if not objs:
        return None
    finals = {r.competition for r in reports if r.stage == "final" and r.competition and r.evidence}
    if not finals and re.search(r"\bfinal\b", view.doc.text[:_LEAD], re.I):
        lead = [x for si, (a, _) in enumerate(view.sents) if toks[a].idx < _LEAD for x in view.sentence_spans(si, ("trophy",))]
        word = toks[objs[0]].lemma.lower()  # "lifted the trophy": the FA Trophy, not the league also named
        named = {x.ref for x in lead if word in x.text.lower()}
        finals = named if len(named) == 1 else {x.ref for x in lead}
    if len(finals) != 1:
        return None
    return Span(objs[0], objs[0] + 1, "trophy", finals.pop(), toks[objs[0]].text)


_TROPHY_WORDS = {"trophy", "cup", "shield", "plate", "vase"}
_LEAD = 1200  # characters of an article's opening (headline, standfirst, first paragraphs)


def _implied_title(view: ArticleView, v: int) -> Span | None:
    """"won the league title" where the sentence names the one competition it means
    ("joins from Danish Superliga side X, where he won the league title")."""
    toks = view.tokens
    objs = _children(view, v, ("dobj",))
    if not objs or toks[objs[0]].lemma.lower() not in _TITLE_NOUNS:
        return None
    other_clauses = {j for c in view.children[v] if toks[c].dep in ("conj", "advcl") and toks[c].pos in ("VERB", "AUX")
                     for j in view.subtree(c)}  # "... and reached the group stage of the Europa League"
    named = {s.ref: s for s in view.sentence_spans(view.sent_of[v], ("trophy",)) if s.start not in other_clauses}
    return next(iter(named.values())) if len(named) == 1 else None


_CUP_ID = re.compile(r"cup|trophy|shield|vase|plate|final|play-?off|copa|coupe|pokal|coppa|taca|beker|super-?cup")


def _article_league(view: ArticleView, v: int, gaz: Gazetteer | None = None) -> Span | None:
    """"won the title" (or "the league") in a sentence that names no competition: the league the
    article names most, when it names one more than any other league. Cups and the competitions
    of no one country (the World Cup, the Europa League) are no league's rivals: a Lusaka Times
    report names the Zambia Super League once beside the Confederation Cup and the Nations Cup."""
    toks = view.tokens
    objs = _children(view, v, ("dobj",))
    if not objs or toks[objs[0]].lemma.lower() not in ("title", "league", "championship") or \
            view.sentence_spans(view.sent_of[v], ("trophy",)) or \
            any(toks[c].dep in ("amod", "compound", "nmod") and (toks[c].text[:1].isupper() or toks[c].pos == "PROPN"
                or toks[c].dep == "compound" and toks[c].text.lower() != "league") for c in view.children[objs[0]]):
        return None  # ("won the league title", "a third title", but not "the Spanish title", "the U23 title")
    def league(ref: str) -> bool:
        entry = gaz.entries.get(ref[2:]) if gaz is not None and ref.startswith("G:") else None
        return not _CUP_ID.search(ref.lower()) and (entry is None or bool(entry.country))

    counts = Counter(x.ref for x in view.spans if x.kind == "trophy" and not x.anaphoric and league(x.ref))
    ranked = counts.most_common(2)
    if not ranked or len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
        return None
    return next(x for x in view.spans if x.ref == ranked[0][0] and x.kind == "trophy")


# what a won verb's object can be that is not the competition it names: "earned their Uefa Cup place"
_NOT_WON = {"place", "spot", "berth", "ticket", "qualification", "promotion", "possession", "penalty", "corner",
            "free-kick", "game", "match", "tie", "semi-final", "quarter-final", "race"}

_HONOURS = {"double", "treble", "triumph", "glory", "success", "title", "trophy", "crown", "silverware",
            "honour", "honours", "haul"}


def _possessed_honours(view: ArticleView, rules: Rules) -> list[Fact]:
    """"their 2022 FA and Carabao Cup double", "Liverpool's Champions League triumph" (with the
    cup named as part of the honour), and "The League Cup was his eighth trophy, among them ...
    the Premier League and Champions League"."""
    toks = view.tokens
    out: list[Fact] = []
    for tr in (s for s in view.spans if s.kind == "trophy"):  # "their 2022 FA and Carabao Cup double"
        head = tr.head_index
        after = toks[tr.end].lemma.lower() if tr.end < len(toks) else ""
        owners = [c for c in view.children[head] if toks[c].dep == "poss"]
        if after in _HONOURS and owners:
            winner = view.span_of(owners[0]) or (view.pronoun_team(owners[0])
                                                 if toks[owners[0]].text.lower() in ("their", "its") else None)
            if winner is not None and winner.kind in ("club", "national_team"):
                si = view.sent_of[head]
                for x in {view.span_of(i).ref: view.span_of(i) for i in view.subtree(head)
                          if view.span_of(i) and view.span_of(i).kind == "trophy"}.values():
                    out.append(Fact(winner.ref, "won", x.ref, view.evidence(si, "possessed-honour", 0.7)))
    for t in toks:
        if t.pos != "NOUN" or t.lemma.lower() not in _HONOURS:
            continue
        si = view.sent_of[t.i]
        owners = [c for c in view.children[t.i] if toks[c].dep == "poss"]
        if not owners:
            continue
        owner = owners[0]
        winner = view.span_of(owner)
        word = toks[owner].text.lower()
        if winner is None and word in ("their", "its"):
            winner = view.pronoun_team(owner)
        elif winner is None and word in ("his", "her"):
            people = [p for p in view.spans if p.kind == "person" and p.start < owner
                      and view.sent_of[p.start] >= si - 2 and not p.anaphoric]
            winner = people[-1] if people else None
        if winner is None or winner.kind not in ("club", "national_team", "person"):
            continue
        trophies: list[Span] = []
        for c in view.children[t.i]:  # "their FA and Carabao Cup double"
            if toks[c].dep in ("compound", "nmod", "amod"):
                trophies += [view.span_of(i) for i in view.subtree(c)
                             if view.span_of(i) and view.span_of(i).kind == "trophy"]
        if t.dep in ("attr",) and toks[t.head].lemma.lower() == "be":  # "The League Cup was his trophy"
            subj = [c for c in view.children[t.head] if toks[c].dep == "nsubj"]
            trophies += [view.span_of(i) for i in subj if view.span_of(i) and view.span_of(i).kind == "trophy"]
            trophies += [view.span_of(i) for i in view.subtree(t.i) if i > t.i
                         and view.span_of(i) and view.span_of(i).kind == "trophy"]
            for k in range(*view.sents[si]):  # "... among them ... including the Premier League and ..."
                if toks[k].text.lower() == "including":
                    trophies += [view.span_of(i) for i in view.subtree(k)
                                 if view.span_of(i) and view.span_of(i).kind == "trophy"]
        seen: set[str] = set()
        for tr in trophies:
            if tr.ref not in seen:
                seen.add(tr.ref)
                out.append(Fact(winner.ref, "won", tr.ref, view.evidence(si, "possessed-honour", 0.7)))
    return out


def _trophies_in(view: ArticleView, heads: list[int]) -> list[Span]:
    """The trophies an object names, with those joined to it: "the J1 League four times and the
    Emperor's Cup"; not one inside a prepositional phrase ("the final of the FA Cup" is the first's)."""
    first = _trophy_in(view, heads)
    if first is None:
        return []
    out, toks = [first], view.tokens
    for h in heads:
        for i in view.subtree(h):
            s = view.span_of(i)
            if s is None or s.kind != "trophy" or s in out or i != s.head_index or toks[i].dep != "conj":
                continue
            k = i
            while toks[k].dep == "conj" and k != h:
                k = toks[k].head
            if k == first.head_index or k == h:
                out.append(s)
    return out


def _only_club_of(view: ArticleView, gaz: Gazetteer, trophy: Span) -> Span | None:
    """The one club the article names from a listed league's country, if it names one only."""
    entry = gaz.entries.get(trophy.ref[2:]) if trophy.ref.startswith("G:") else None
    if entry is None or entry.country is None:
        return None
    clubs = {s.ref: s for s in view.spans if s.kind == "club" and s.ref.startswith("G:") and not s.anaphoric
             and s.ref[2:] in gaz.entries and gaz.entries[s.ref[2:]].country == entry.country}
    unlisted = any(s.kind == "club" and s.ref.startswith("U:") for s in view.spans)
    return next(iter(clubs.values())) if len(clubs) == 1 and not unlisted else None


def _trophy_in(view: ArticleView, heads: list[int]) -> Span | None:
    for h in heads:
        for i in view.subtree(h):
            s = view.span_of(i)
            if s and s.kind == "trophy":
                return s
    return None


def _person_in(view: ArticleView, heads: list[int]) -> Span | None:
    for h in heads:
        s = view.span_of(h)
        if s and s.kind == "person":
            return s
    return None
