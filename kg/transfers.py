"""Moves between clubs: completed transfers, rumours, sackings, departures and appointments.

A rumour ("poised to join", "in talks", "bid for") is `linkedWith` the buying club, never a
membership; the selling club (the one in talks over its player, the one rejecting a bid) is left
alone. A completed move gives `memberOf` the new club and `formerMemberOf` the old one. A sacking
or departure that has happened gives `formerMemberOf`; an appointment gives `memberOf` and a
manager cue.
"""

from __future__ import annotations

import re

from kg.article import TEAM_KINDS, ArticleView, Span
from kg.lexicon import Rules
from kg.mentions import contract_lines, deal_items, move_lines, name_club_lines
from kg.patterns import Pattern, match, section
from kg.records import LOANED_FROM, Fact, RoleCue

_MODAL = {"will", "would", "could", "might", "may", "should", "can", "shall"}
_SELLER_VERBS = {"reject", "turn", "rebuff", "accept", "knock", "refuse", "demand", "value", "want",
                 "insist", "hold", "receive"}
_RELIEVED_OF = re.compile(r"\bof (?:his|her|their|the)?\s*(?:\w+ )?(?:duties|role|post|position|job|command|responsibilities)\b",
                         re.I)
_BID_NOUNS = {"bid", "offer", "approach", "enquiry", "inquiry", "interest", "proposal", "swoop", "advance"}
_TALK_NOUNS = {"talks", "talk", "negotiations", "discussions", "agreement", "deal"}
_APPOINT = {"appoint", "name", "hire", "install", "unveil", "confirm", "announce"}
_MANAGER_WORDS = re.compile(r"\b(manager|head coach|boss|coach|gaffer|in charge)\b", re.I)
_INTERIM = re.compile(r"\b(interim|temporary|caretaker)\b", re.I)
_FUTURE = re.compile(r"\b(at|by) the end of (the|this) season\b|\bin the summer\b|\bnext (season|month|year|week)\b"
                     r"|\bwill\b|\bset to\b|\bimpending\b|\bexpected to\b")


def _phrase_re(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)) + r")\w*",
                      re.I)


def _prep_of(view: ArticleView, span: Span) -> str | None:
    """The preposition governing a team mention ("from" Benfica, "to" Villa), if any."""
    toks = view.tokens
    t = toks[span.head_index]
    if t.dep == "appos" and toks[t.head].dep == "pobj":  # "from bitter rivals Zamalek"
        t = toks[t.head]
    before = toks[span.start - 1] if span.start else None
    if t.dep != "pobj" and before is not None and before.dep == "pobj" and \
            before.lemma.lower() in ("rival", "neighbour", "neighbor", "side", "club", "outfit", "team"):
        t = before  # "from city rivals Raja Casablanca", the name parsed apart from its noun
    if t.dep == "pobj":
        return toks[t.head].text.lower()
    return None


def _completed(view: ArticleView, i: int) -> bool:
    toks = view.tokens
    t = toks[i]
    if any(toks[c].dep == "neg" for c in view.children[i]):
        return False
    if any(toks[c].dep in ("aux", "auxpass") and toks[c].lemma.lower() in _MODAL for c in view.children[i]):
        return False
    if t.dep == "xcomp" and any(toks[c].text.lower() == "to" for c in view.children[i]):
        return False  # "set to join", "hopes to sign"
    if t.lemma.lower() in ("move", "switch") and any(toks[c].dep == "xcomp" and toks[c].pos == "VERB"
                                                     for c in view.children[i]):
        return False  # "moved to fill the gap by signing X": he acted, he did not move
    if t.tag in ("VBD", "VBN"):
        return True
    if t.tag == "VBG" and t.dep == "pcomp" and toks[t.head].text.lower() in ("since", "after", "before", "on", "upon"):
        return True  # "since arriving from Bristol City", "after joining from Ajax"
    if t.tag == "VBG" and t.dep == "pcomp" and toks[t.head].text.lower() == "by" and \
            toks[toks[t.head].head].tag in ("VBD", "VBN"):
        return True  # "Palace added to their options by signing X from Lillestrom"
    if t.tag == "VBZ" and t.dep == "ROOT":
        return True  # headline present: "Villa complete signing"
    return t.pos == "NOUN"


def _done_purpose(view: ArticleView, rules: Rules, i: int) -> bool:
    """"broke their transfer record to sign X from Lens": a purpose clause of a past deed is done."""
    toks = view.tokens
    head = toks[toks[i].head]
    return toks[i].tag == "VB" and toks[i].dep in ("advcl", "xcomp") and head.tag in ("VBD", "VBN") \
        and head.lemma.lower() in rules.transfer_purpose_verbs \
        and any(toks[c].text.lower() == "to" for c in view.children[i]) \
        and not any(toks[c].dep == "neg" or toks[c].lemma.lower() in _MODAL for c in view.children[head.i])


def _persons(view: ArticleView, heads: list[int]) -> list[Span]:
    out: list[Span] = []
    for h in heads:
        for i in view.subtree(h):
            s = view.span_of(i)
            if s and s.kind == "person" and s not in out:
                out.append(s)
    return out


def _direct_persons(view: ArticleView, heads: list[int]) -> list[Span]:
    """People at the heads themselves and their conjuncts, not anywhere in their subtrees."""
    out: list[Span] = []
    stack = list(heads)
    while stack:
        h = stack.pop(0)
        s = view.span_of(h)
        if s and s.kind == "person" and s not in out:
            out.append(s)
        stack.extend(c for c in view.children[h] if view.tokens[c].dep == "conj")
    return out


def _teams(view: ArticleView, heads: list[int]) -> list[Span]:
    out: list[Span] = []
    for h in heads:
        for i in view.subtree(h):
            s = view.span_of(i)
            if s and s.kind == "stadium" and s.ref in view.home_clubs and _moved_through(view, s):
                s = Span(s.start, s.end, "club", view.home_clubs[s.ref], s.text, s.anaphoric)
            if s and s.kind in TEAM_KINDS and s not in out:
                out.append(s)
    return out


def _moved_through(view: ArticleView, s: Span) -> bool:
    """A ground named for its club in a move: "left Hillsborough for Bramall Lane", "the move
    to Anfield", "arrived from Ibrox" (not "scored at Anfield")."""
    head = view.tokens[s.head_index]
    return head.dep == "pobj" and view.tokens[head.head].text.lower() in ("from", "for", "to") or \
        head.dep == "dobj" and view.tokens[head.head].lemma.lower() in ("leave", "quit", "join")


def _kids(view: ArticleView, i: int, deps: tuple[str, ...]) -> list[int]:
    return [c for c in view.children[i] if view.tokens[c].dep in deps]


def _pobj(view: ArticleView, i: int, preps: tuple[str, ...]) -> list[int]:
    return [g for c in view.children[i] if view.tokens[c].text.lower() in preps
            for g in _kids(view, c, ("pobj",))]


def _subject(view: ArticleView, i: int) -> list[int]:
    """Subject (active or passive) of the clause of token i; a relative clause's is its noun."""
    return view.clause_subject(i, ("nsubj", "nsubjpass"), relcl_head=True, through_ccomp=False)


def _own_team(view: ArticleView, person: Span) -> Span | None:
    """A team written next to the person: "Napoli striker X", "X, the Napoli ...", "Everton's X"."""
    for s in view.sentence_spans(view.sent_of[person.start], TEAM_KINDS):
        if 0 <= person.start - s.end <= 3 or (0 <= s.start - person.end <= 4 and any(
                view.tokens[k].text == "," for k in range(person.end, s.start))):
            return s
    return None


# "were on target for Sanfrecce", "hit the target": the goal, not a transfer target
_ON_TARGET = re.compile(r"\b(?:on|off|(?:hit|hits|hitting|found|find|finds|finding) the) target\b", re.I)


def transfer_facts(view: ArticleView, rules: Rules, cues_by_ref: dict[str, set[str]]
                   ) -> tuple[list[Fact], list[RoleCue]]:
    """Facts about moves, and the role cues they imply (a sacked person is a manager)."""
    facts: list[Fact] = []
    cues: list[RoleCue] = []
    rumour_re = _phrase_re(rules.rumour)
    strong_re = _phrase_re(rules.rumour_strong)
    context_re = re.compile("|".join(re.escape(w) if not w.isalpha() else rf"\b{re.escape(w)}\b"
                                     for w in rules.transfer_context), re.I)
    toks = view.tokens
    focus = view.focus_club()
    rumours: set[int] = set()  # sentences told as rumours: no move read from them
    for si, (s, e) in enumerate(view.sents):
        people = view.sentence_spans(si, ("person",))
        if not people:
            continue
        teams = view.sentence_spans(si, TEAM_KINDS)
        text = _ON_TARGET.sub(lambda m: " " * len(m.group()), view.sentence_text(si))  # a shot, not a transfer target
        rumour = strong_re.search(text) or (rumour_re.search(text) if context_re.search(text) else None)
        if rumour and teams:
            rumours.add(si)
            done = [i for i in range(s, e) if toks[i].pos == "VERB" and toks[i].lemma.lower() in rules.transfer_done
                    and not _said(view, i)
                    and (toks[i].tag in ("VBD", "VBN") and _completed(view, i) or _done_purpose(view, rules, i))]
            moved: set[str] = set()
            for i in done:  # "El-Amrani, who joined the Italian club from Ajax three years ago, ..."
                got = _move(view, si, i, people, cues_by_ref)
                facts.extend(got)
                moved |= {f.subject for f in got}
            skip = {t.ref for i in done for t in _teams(view, [i])}
            facts.extend(_departure_of(view, si, teams))
            facts.extend(_rumour(view, rules, si, toks[s].idx + rumour.start(),
                                 [p for p in people if p.ref not in moved] or [], 
                                 [t for t in teams if t.ref not in skip], cues_by_ref))
            continue
        for i in range(s, e):
            t = toks[i]
            lemma = t.lemma.lower()
            if t.pos == "VERB" and lemma in ("sign", "extend", "agree", "pen") and _completed(view, i) and any(
                    toks[c].lemma.lower() in ("contract", "deal", "extension") for c in view.subtree(i)
                    if toks[c].dep == "dobj") and not _pobj(view, i, ("for", "with")):
                # "midfielder X has signed a new contract": he stays at his club
                person = _mover(view, i, people, cues_by_ref)
                club = (_own_team(view, person) if person else None)
                ref = club.ref if club else (teams[0].ref if len(teams) == 1 else focus)
                if person and ref:
                    facts.append(Fact(person.ref, "memberOf", ref, view.evidence(si, "new-contract", 0.8)))
            elif t.pos == "VERB" and (lemma in rules.transfer_done and not _said(view, i) or any(
                    toks[c].dep == "prt" and toks[c].text.lower() in rules.transfer_particles.get(lemma, ())
                    for c in view.children[i]) or _came_from_club(view, i)) and \
                    (_completed(view, i) or _done_purpose(view, rules, i)) and teams:
                facts.extend(_move(view, si, i, people, cues_by_ref))
            elif t.pos == "NOUN" and lemma in rules.transfer_done_nouns and _pobj(view, i, ("from", "to")):
                governor = toks[t.head]
                # "picked up on a free transfer from Newport": the move has the tense of the verb "on" hangs on
                on_verb = t.dep == "pobj" and governor.text.lower() == "on" and toks[governor.head].tag in ("VBD", "VBN")
                if on_verb:
                    governor = toks[governor.head]
                past = any(toks[c].dep == "poss" for c in view.children[i]) or (
                    (governor.lemma.lower() in rules.transfer_done or on_verb) and _completed(view, governor.i))
                since = t.dep == "pobj" and governor.text.lower() in ("since", "after", "following")
                if past and (since or not _FUTURE.search(text)):  # "since his move from X in the summer"
                    facts.extend(_move(view, si, i, people, cues_by_ref))
            elif t.pos == "VERB" and (lemma in rules.sack_verbs or lemma in rules.leave_verbs or
                                      _parted(view, i)) and _completed(view, i) and not _FUTURE.search(text) \
                    and not (lemma == "relieve" and not _RELIEVED_OF.search(text)) \
                    and not (lemma == "dismiss" and rules.red_card_in(text)):  # "dismissed for a foul": a red card
                for person, team in _departures(view, rules, i, view.main_club()) or _surface_departure(view, i):
                    facts.append(Fact(person.ref, "formerMemberOf", team,
                                      view.evidence(si, "departure", 0.85)))
                    if lemma in rules.sack_verbs or _parted(view, i):
                        cues.append(RoleCue(person.ref, "manager", 0.4, view.evidence(si, "sacked", 0.4)))
            elif t.pos == "VERB" and lemma in _APPOINT and _MANAGER_WORDS.search(text) and \
                    not any(toks[c].dep == "neg" for c in view.children[i]):
                for person, team in _appointments(view, i, view.main_club()):
                    facts.append(Fact(person.ref, "memberOf", team, view.evidence(si, "appointment", 0.85)))
                    cues.append(RoleCue(person.ref, "manager", 0.8, view.evidence(si, "appointment", 0.8)))
        facts.extend(_on_loan(view, si))
        charge = _in_charge(view, si)
        facts.extend(charge)
        cues.extend(RoleCue(f.subject, "manager", 0.6, f.evidence) for f in charge
                    if f.evidence.rule == "took-over-at")  # "X, who took over at Turf Moor"
        career = _career(view, si, cues_by_ref)
        facts.extend(career)
        cues.extend(RoleCue(f.subject, "manager", 0.8, f.evidence) for f in career
                    if f.evidence.rule == "managed" and f.predicate == "memberOf")  # "he now manages X"
        facts.extend(_departure_of(view, si, teams))
        for person, team, rule in _managed_by(view, si, focus):
            facts.append(Fact(person.ref, "memberOf", team, view.evidence(si, rule, 0.85)))
            cues.append(RoleCue(person.ref, "manager", 0.8, view.evidence(si, rule, 0.8)))
    facts.extend(_pattern_moves(view, rumours))
    listed = _deal_lists(view)
    facts.extend(listed)
    facts.extend(_career_lines(view))
    cues.extend(RoleCue(f.subject, "player", 0.6, f.evidence) for f in listed)
    return facts, cues


_CAREER_LINE = re.compile(r"(?mi)^[ \t]*(?P<label>(?:(?P<past>previous|former)[ \t]+)?(?:playing[ \t]+)?(?:clubs|career))"
                          r"[ \t]*[:\u2013\u2014][ \t]*\S[^\n]*$")


def _career_lines(view: ArticleView) -> list[Fact]:
    """A factfile's "Clubs: Hereford United (1986-89), Swansea City (1989-94), Chelsea (1994-98;
    Cardiff City loan 1996), Bristol City (1998-99), Swansea City (1999-2005)": the person the
    article is about played for each club before the last ("Previous clubs:": for every one)."""
    lines = list(_CAREER_LINE.finditer(view.doc.text))
    person = view.leading_person() if lines else None
    out: list[Fact] = []
    for m in lines if person else ():
        a, b = view.token_at_char(m.end("label")), view.token_at_char(m.end() - 1) + 1
        clubs = [x.ref for x in view.spans_in(a, b, ("club",)) if x.ref and not x.anaphoric]
        if len(clubs) < 2 and not m.group("past"):
            continue
        last = None if m.group("past") else clubs[-1]
        for club in dict.fromkeys(c for c in clubs if c != last):
            out.append(Fact(person, "formerMemberOf", club, view.char_evidence(m.start(), m.end(), "career-line", 0.8)))
    return out


def _deal_lists(view: ArticleView) -> list[Fact]:
    """A window's deals listed under each club's heading (a line that is only the club's name):
    "In: Caio Rezende (Fluminense, £28m)" joins the heading club from the bracketed one, "Out:
    Tobi Adelakun (Monaco, £25m)" leaves it for the bracketed one; a loan gives only the club the
    player is loaned to. With no heading, the club the article names most (three times at least,
    more than any other). A "done deals" line
    ("Lewis Tunstall - Manchester City to Crystal Palace, £9m") leaves one club for the other."""
    out: list[Fact] = []
    focus = view.leading_team()
    for deal in deal_items(view.doc.text):
        heading = _heading_club(view, deal.line_start)
        # no club's heading above: the club the article is about ("Arrivals: ..." in a season preview)
        club = heading or next((s for s in view.spans if s.ref == focus and s.kind == "club"), None)
        person = view.span_of(view.token_at_char(deal.name_start))
        if club is None or person is None or person.kind != "person" or person.anaphoric:
            continue
        other = view.span_of(view.token_at_char(deal.other_start))
        other_ref = other.ref if other is not None and other.kind == "club" and other.ref != club.ref else None
        ev = view.char_evidence(deal.line_start, deal.line_end, "deals-list", 0.8)
        if deal.incoming:
            out.append(Fact(person.ref, "memberOf", club.ref, ev))
            if other_ref and not deal.loan:
                out.append(Fact(person.ref, "formerMemberOf", other_ref, ev))
        else:
            if not deal.loan:
                out.append(Fact(person.ref, "formerMemberOf", club.ref, ev))
            if other_ref:
                out.append(Fact(person.ref, "memberOf", other_ref, ev))
    for move in move_lines(view.doc.text):
        person, left, joined = (view.span_of(view.token_at_char(x)) for x in (move.name_start, move.from_start, move.to_start))
        if person is None or person.kind != "person" or person.anaphoric or left is None or joined is None or \
                left.kind != "club" or joined.kind != "club" or left.ref == joined.ref:
            continue
        ev = view.char_evidence(move.start, move.end, "deals-list", 0.8)
        out.append(Fact(person.ref, "memberOf", joined.ref, ev))
        if not move.loan:
            out.append(Fact(person.ref, "formerMemberOf", left.ref, ev))
    contracts = contract_lines(view.doc.text)
    # a retained list is the club's the article names most, else the first it names (a club website's page)
    lead = view.leading_team() if contracts else None
    owner = next((s for s in view.spans if s.kind == "club" and s.ref == (lead or s.ref)), None) if contracts else None
    for line in contracts if owner is not None else ():
        person = view.span_of(view.token_at_char(line.name_start))
        if person is None or person.kind != "person" or person.anaphoric:
            continue
        out.append(Fact(person.ref, "memberOf" if line.stays else "formerMemberOf", owner.ref,
                        view.char_evidence(line.start, line.end, "contract-list", 0.8)))
    for line in name_club_lines(view.doc.text):
        person, club = (view.span_of(view.token_at_char(x)) for x in (line.name_start, line.club_start))
        if person is None or person.kind != "person" or person.anaphoric or club is None or club.kind != "club" or \
                re.split(r"[(,)]", view.char_text(line.club_start, line.end))[0].split() != club.text.split():
            continue  # "Marcus Oyelaran - returns": the club must be all the line says after the name
        out.append(Fact(person.ref, "memberOf", club.ref, view.char_evidence(line.start, line.end, "name-club-line", 0.7)))
    return out


def _heading_club(view: ArticleView, at: int) -> Span | None:
    """The nearest line above ``at`` (twelve at most) that is nothing but a club's name (an HTML
    heading comes out of cleaning as "Chelsea.", between lines that are only ".")."""
    text = view.doc.text
    end = text.rfind("\n", 0, at)
    for _ in range(12):
        if end <= 0:
            return None
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip().removesuffix(".").strip()
        if line:
            first = start + (len(text[start:end]) - len(text[start:end].lstrip()))
            span = view.span_of(view.token_at_char(first))
            if span is not None and span.kind == "club" and span.text == " ".join(line.split()):
                return span
        end = start - 1
    return None


def _departure_of(view: ArticleView, si: int, teams: list[Span]) -> list[Fact]:
    """"following the departure of Jordan Henderson": from the club named ("from Chelsea"), else
    from the article's club when the sentence does not name it otherwise ("the departure of X,
    who joined Wolves last week", a Villa story)."""
    toks = view.tokens
    s, e = view.sents[si]
    text = view.sentence_text(si)
    main = view.main_club()
    out = []
    for i in range(s, e):
        if toks[i].lemma.lower() not in ("departure", "exit", "sale") or toks[i].pos != "NOUN" or _FUTURE.search(text) \
                or any(toks[c].text.lower() in ("impending", "possible", "potential", "proposed")
                       for c in view.children[i]):
            continue
        people = _direct_persons(view, _pobj(view, i, ("of",)))
        source = _teams(view, _pobj(view, i, ("from",)) + [g for p in _pobj(view, i, ("of",)) for g in _pobj(view, p, ("from",))])
        inside = {t.ref for t in _teams(view, [i])}
        team = source[0].ref if source else (main if main and main not in inside else None)
        for p in people if team else ():
            out.append(Fact(p.ref, "formerMemberOf", team, view.evidence(si, "departure-of", 0.6)))
    return out


def _managed_by(view: ArticleView, si: int, focus: str | None) -> list[tuple[Span, str, str]]:
    """"Newcastle, managed by Graham Coldwell,", "the appointment of X as the club's new head
    coach", "left ... to take charge of Cardiff City"."""
    toks = view.tokens
    s, e = view.sents[si]
    out: list[tuple[Span, str, str]] = []
    for i in range(s, e):
        t = toks[i]
        lemma = t.lemma.lower()
        if lemma in ("manage", "coach") and t.tag == "VBN" and t.dep == "acl":
            team = view.span_of(t.head)
            agents = [g for c in _kids(view, i, ("agent",)) for g in _kids(view, c, ("pobj",))]
            people = _persons(view, agents)
            if team and team.kind in TEAM_KINDS and people:
                out.append((people[0], team.ref, "managed-by"))
        elif lemma == "appointment" and t.pos == "NOUN":
            people = _persons(view, _pobj(view, i, ("of",)))
            if not people or not _MANAGER_WORDS.search(view.sentence_text(si)):
                continue
            teams = _teams(view, _subject(view, t.head)) or _teams(view, _pobj(view, i, ("as", "at", "by")))
            team = teams[0].ref if teams else focus
            if team:
                out.append((people[0], team, "appointment"))
        elif lemma in ("lead", "oversee", "guide") and t.pos == "VERB" and _INTERIM.search(view.sentence_text(si)) \
                and any(toks[c].lemma.lower() in ("team", "side", "club", "squad") for c in _kids(view, i, ("dobj",))):
            # "Under-23 coach Arturo Zepeda will lead the team on an interim basis"
            people = _persons(view, _subject(view, i))
            team = focus or _previous_club(view, si)
            if people and team:
                out.append((people[0], team, "take-charge"))
        elif lemma == "take" and any(toks[c].text.lower() == "charge" for c in view.children[i]):
            teams = _teams(view, [g for c in view.children[i] if toks[c].text.lower() == "charge"
                                  for g in _pobj(view, c, ("of", "at"))] + _pobj(view, i, ("of", "at")))
            if not teams:  # the parser lost "of Championship rivals Cardiff City": read the words after it
                k = next((c for c in view.children[i] if toks[c].text.lower() == "charge"), None)
                if k is not None and k + 1 < e and toks[k + 1].text.lower() in ("of", "at"):
                    later = [x for x in view.sentence_spans(si, TEAM_KINDS) if k + 1 < x.start <= k + 6]
                    teams = later[:1]
            people = _persons(view, _subject(view, i))
            if teams and people and not _FUTURE.search(view.sentence_text(si)) or (
                    teams and people and t.dep == "xcomp"):
                out.append((people[0], teams[0].ref, "take-charge"))
            elif not teams and people and _INTERIM.search(view.sentence_text(si)):
                # "Assistant Tony Aldous takes temporary charge at Loftus Road": the club the story
                # is about, or the one the sentences before name
                team = focus or _previous_club(view, si)
                if team:
                    out.append((people[0], team, "take-charge"))
    return out


def _previous_club(view: ArticleView, si: int) -> str | None:
    """The one club the nearest of the two sentences before names."""
    for k in (si - 1, si - 2):
        clubs = {x.ref for x in view.sentence_spans(k, ("club",)) if x.ref} if k >= 0 else set()
        if clubs:
            return clubs.pop() if len(clubs) == 1 else None
    return None


def _came_from_club(view: ArticleView, i: int) -> bool:
    """"Cloake, who came from Barnet for nothing": a person coming from a club (not "came from
    behind", nor from a country: "came from Brazil")."""
    toks = view.tokens
    if toks[i].lemma.lower() != "come":
        return False
    origins = [view.span_of(g) for g in _pobj(view, i, ("from",))]
    subject = [view.span_of(h) for h in _subject(view, i)]
    return bool(origins) and all(o is not None and o.kind == "club" for o in origins) and \
        any(x is not None and x.kind == "person" for x in subject)


def _parted(view: ArticleView, i: int) -> bool:
    """"parted company with", "parted ways with"."""
    toks = view.tokens
    return toks[i].lemma.lower() == "part" and (any(toks[c].text.lower() in ("company", "ways")
                                                    for c in view.children[i])
                                                or i + 1 < len(toks) and toks[i + 1].text.lower() in ("company", "ways"))


def _rumour(view: ArticleView, rules: Rules, si: int, trigger_char: int, people: list[Span],
            teams: list[Span], cues_by_ref: dict[str, set[str]]) -> list[Fact]:
    toks = view.tokens
    if not people or not teams:
        return []
    movers = [p for p in people if not (cues_by_ref.get(p.ref, set()) & {"manager", "other"})] or people
    player = min(movers, key=lambda p: (abs(toks[p.start].idx - trigger_char), p.anaphoric))
    own = _own_team(view, player)
    known = view.person_teams.get(player.ref)  # "Brentford defender X ... had attracted interest from Everton"
    out = []
    s, e = view.sents[si]
    breaks = [k for k in range(s, e) if toks[k].text == ";"]  # a headline of two stories: "A land X; B deny Y bid"
    part = sum(1 for k in breaks if k < player.start)
    for team in teams:
        if sum(1 for k in breaks if k < team.start) != part:
            continue
        if own and team.ref == own.ref or team.ref == known or team.ref in {f.object for f in out}:
            continue
        prep = _prep_of(view, team)
        head = toks[team.head_index]
        bidder = prep == "from" and toks[head.head].head != head.head and \
            toks[toks[head.head].head].lemma.lower() in _BID_NOUNS  # "a £35m bid from Tottenham"
        seller = (prep == "from" and not bidder) or (  # "a move from Napoli", "United are in talks with Napoli"
            prep == "with" and toks[toks[head.head].head].text.lower() in _TALK_NOUNS and
            any(s.kind in TEAM_KINDS for s in _teams(view, _subject(view, toks[toks[head.head].head].head)))) or (
            head.dep in ("nsubj", "nsubjpass") and toks[head.head].lemma.lower() in _SELLER_VERBS)
        if seller:  # the selling club is the player's club
            if not own and team.kind == "club":
                out.append(Fact(player.ref, "memberOf", team.ref, view.evidence(si, "rumour-seller", 0.7)))
            continue
        if head.dep == "poss" and toks[head.head].pos == "NOUN" and toks[head.head].lemma.lower() in (
                "win", "victory", "defeat", "loss", "draw", "game", "match", "clash"):
            continue  # "in Napoli's 2-0 win over Lazio": match context, not the move
        if head.dep == "pobj" and toks[head.head].text.lower() in ("over", "against"):
            continue
        out.append(Fact(player.ref, "linkedWith", team.ref, view.evidence(si, "rumour", 0.8)))
    return [f for f in out if not (f.predicate == "linkedWith" and any(
        g.predicate == "memberOf" and g.object == f.object for g in out))]


def _move(view: ArticleView, si: int, trigger: int, people: list[Span],
          cues_by_ref: dict[str, set[str]]) -> list[Fact]:
    """"X joined Wolves from Villa", "Villa have signed X from Benfica", "his move from Real Oviedo"."""
    toks = view.tokens
    lemma = toks[trigger].lemma.lower()
    person = _mover(view, trigger, people, cues_by_ref)
    if person is None:
        return []
    # a loan of this clause, not of another one joined to it ("X joined from Red Star and Y has
    # come in on loan from Atalanta", "..., while Y arrived on loan from B")
    clause = _own_clause(view, trigger) if toks[trigger].pos in ("VERB", "AUX") else set(range(*view.sents[si]))
    loan = any(toks[i].lemma.lower() == "loan" for i in clause)
    out: list[Fact] = []
    # "Palace added to their options by signing X": the club is the subject of the verb "by" hangs on
    by = toks[trigger].dep == "pcomp" and toks[toks[trigger].head].text.lower() == "by"
    # "Wigan broke their transfer record to sign X": the club is the subject of the verb the purpose is of
    purpose = toks[trigger].dep in ("advcl", "xcomp") and toks[trigger].tag == "VB" and \
        any(toks[c].text.lower() == "to" for c in view.children[trigger])
    doer = toks[toks[trigger].head].head if by else toks[trigger].head if purpose else trigger
    for team in [t for t in _teams(view, [trigger]) if t.head_index in clause] + [t for t in view.sentence_spans(si, TEAM_KINDS)
                                            if toks[t.head_index].dep == "nsubj" and toks[t.head_index].head == doer]:
        prep = _prep_of(view, team)
        dep = toks[team.head_index].dep
        gov = trigger if toks[team.head_index].head == doer and dep == "nsubj" else toks[team.head_index].head
        if _owner_of(view, team) not in (None, trigger, doer) and prep not in ("from", "to", "for"):
            continue  # a team inside another phrase ("a Champions League winner with Porto")
        if prep == "from" and loan:  # "on loan from Manchester City": the club lending him
            out.append(Fact(person.ref, LOANED_FROM, team.ref, view.evidence(si, "loan-parent", 0.8)))
        elif prep == "from":
            out.append(Fact(person.ref, "formerMemberOf", team.ref, view.evidence(si, "transfer", 0.85)))
        elif prep in ("to", "for") or (dep == "dobj" and gov == trigger and lemma in ("join", "rejoin")) or \
                (dep == "nsubj" and gov == trigger and lemma in ("sign", "complete", "recruit", "capture", "buy",
                                                                  "land", "unveil", "confirm", "snap", "seal", "bring")):
            out.append(Fact(person.ref, "memberOf", team.ref, view.evidence(si, "transfer", 0.85)))
    left = {f.object for f in out if f.predicate in ("formerMemberOf", LOANED_FROM)}
    focus = view.focus_club()
    if left and not any(f.predicate == "memberOf" for f in out) and lemma in _ARRIVE and focus and \
            focus not in left and toks[person.head_index].head == trigger:
        # "Asante-Mills has signed from AFC Telford United" on a club's page: he joined the club
        # the article is about
        out.append(Fact(person.ref, "memberOf", focus, view.evidence(si, "arrived-from", 0.7)))
    return out


_ARRIVE = {"join", "rejoin", "sign", "arrive", "return", "move", "come"}


def move_patterns() -> tuple[Pattern, ...]:
    """The move patterns of `kg/data/patterns.json`."""
    return section("moves")


def _slot(view: ArticleView, i: int | None, kinds: tuple[str, ...]) -> Span | None:
    """The mention filling a pattern's slot: at the token, or hung on it as the noun it names
    ("striker [Liam Dorrans]", "bitter rivals [Zamalek]", "Ghana international [Kwabena Adjei]")."""
    if i is None:
        return None
    span = view.span_of(i)
    if span is None or span.kind not in kinds:
        span = next((view.span_of(c) for c in view.children[i] if view.tokens[c].dep in ("appos", "compound")
                     and view.span_of(c) is not None and view.span_of(c).kind in kinds), None)
    return span if span is not None and span.ref else None


def _pattern_moves(view: ArticleView, rumours: set[int]) -> list[Fact]:
    """Moves the data-file patterns read: "Wolves paid Celtic £1m for striker Liam Dorrans",
    "the arrival of Dean Lyttle from Cork City", "Sligo Rovers confirmed the departure of X".
    A move told with a verb must have happened; one told only with a noun, not in the future."""
    out: list[Fact] = []
    told = sorted({view.sent_of[sp.start] for sp in view.spans if sp.kind == "person"} - rumours)
    anchors = [i for si in told for i in range(*view.sents[si])]  # a move needs its mover named
    for pid, _, nodes in match(move_patterns(), view.tokens, view.children, anchors):
        person = _slot(view, nodes.get("p"), ("person",))
        if person is None:
            continue
        si = view.sent_of[nodes["p"]]
        s, e = view.sents[si]
        if ("v" in nodes and not _completed(view, nodes["v"])) or \
                ("v" not in nodes and _FUTURE.search(view.sentence_text(si))):
            continue
        clause = _own_clause(view, nodes["v"]) if "v" in nodes else range(s, e)
        loan = any(view.tokens[i].lemma.lower() == "loan" for i in clause)
        joined, left = _slot(view, nodes.get("to"), TEAM_KINDS), _slot(view, nodes.get("from"), TEAM_KINDS)
        if joined is not None and joined.ref != (left.ref if left else None):
            out.append(Fact(person.ref, "memberOf", joined.ref, view.evidence(si, pid, 0.85)))
        if left is not None and (joined is None or joined.ref != left.ref):
            out.append(Fact(person.ref, LOANED_FROM if loan else "formerMemberOf", left.ref,
                            view.evidence(si, "loan-parent" if loan else pid, 0.8 if loan else 0.85)))
    return out


def _own_clause(view: ArticleView, v: int) -> set[int]:
    """The verb's clause without the clauses with their own subjects hung on it: "X joined from A,
    while Y arrived on loan from B" tells no loan of X."""
    toks = view.tokens
    inner = {i for c in view.children[v] if toks[c].dep in ("advcl", "conj", "ccomp", "relcl", "parataxis")
             and any(toks[g].dep in ("nsubj", "nsubjpass") for g in view.children[c]) for i in view.subtree(c)}
    return set(view.subtree(v)) - inner


def _owner_of(view: ArticleView, team: Span) -> int | None:
    """The verb or noun a team mention hangs from, through its preposition."""
    t = view.tokens[team.head_index]
    if t.dep == "pobj":
        return view.tokens[t.head].head
    return t.head


def _said(view: ArticleView, i: int) -> bool:
    """"Pryce confirmed he hopes to keep X": "confirm" telling what someone said, not a deal
    confirmed (it has a clause, and no object)."""
    return view.tokens[i].lemma.lower() == "confirm" and bool(_kids(view, i, ("ccomp",))) and \
        not _kids(view, i, ("dobj",))


def _mover(view: ArticleView, trigger: int, people: list[Span], cues_by_ref: dict[str, set[str]]) -> Span | None:
    """Who moved: the person the trigger is said of (its subject or object, the possessor of "his
    move", the noun a participle describes), else the nearest player in the sentence."""
    toks = view.tokens
    candidates: list[Span] = []
    t = toks[trigger]
    # "Alcántar, who completed his move from America": the relative clause's person, whoever "his"
    # was taken for
    # (and "who is out of contract and has been linked with a move to X": a coordinated verb's)
    rel = next((a for a in (trigger, t.head, view.first_conjunct(t.head)) if toks[a].dep == "relcl"), None)
    named = view.span_of(toks[rel].head) if rel is not None else None
    if named is not None and named.kind == "person":
        candidates.append(named)
    heads = _kids(view, trigger, ("nsubj", "nsubjpass", "dobj", "poss"))
    if t.dep in ("acl", "relcl"):
        heads.append(t.head)
    for s in _persons(view, heads) if heads else []:
        candidates.append(s)
    for c in _kids(view, trigger, ("poss",)):
        if toks[c].text.lower() in ("his", "her"):
            before = [p for p in people if p.start < c]
            if before:
                candidates.append(before[-1])
    for a in view.ancestors(trigger):  # "Salcedo, the striker signed from Villarreal"
        s = view.span_of(a)
        if s and s.kind == "person":
            candidates.append(s)
            break
    movers = [p for p in candidates if not (cues_by_ref.get(p.ref, set()) & {"manager", "other"})]
    if movers:
        return movers[0]
    if candidates and not (cues_by_ref.get(candidates[0].ref, set()) & {"other"}):
        return candidates[0]
    players = [p for p in people if not (cues_by_ref.get(p.ref, set()) & {"manager", "other"})]
    return min(players, key=lambda p: abs(p.start - trigger)) if players else None


def _departures(view: ArticleView, rules: Rules, t: int, focus: str | None) -> list[tuple[Span, str]]:
    """(person, team) pairs a departure verb states: "Stoke dismissed X", "X was sacked by Y",
    "Preston parted company with X", "The Spaniard left Union Saint-Gilloise"."""
    toks = view.tokens
    lemma = toks[t].lemma.lower()
    if lemma in rules.sack_verbs or _parted(view, t):
        passive = _kids(view, t, ("nsubjpass",))
        if passive:
            people = _persons(view, passive)
            agent = [g for c in _kids(view, t, ("agent",)) for g in _kids(view, c, ("pobj",))]
            team = (_teams(view, agent) or _teams(view, passive) or [None])[0]
        else:
            partners = _pobj(view, t, ("with",)) + [g for c in _kids(view, t, ("dobj",)) for g in _pobj(view, c, ("with",))] \
                if _parted(view, t) else []  # "parted company with X"; not "dismissed ... with"
            people = _direct_persons(view, _kids(view, t, ("dobj",)) + partners)
            team = (_teams(view, _subject(view, t)) or [None])[0]
        team_ref = team.ref if team else None
        out = []
        for p in people:
            own = _own_team(view, p)
            ref = team_ref or (own.ref if own else focus)
            if ref:
                out.append((p, ref))
        return out
    subject = _persons(view, _subject(view, t))
    if not subject:
        return []
    left = _teams(view, _kids(view, t, ("dobj",)) + _pobj(view, t, ("from", "as")))
    if left:
        return [(subject[0], left[0].ref)]
    if focus and any(toks[c].lemma.lower() == "club" and any(toks[d].text.lower() == "the" for d in view.children[c])
                     for c in _kids(view, t, ("dobj",))):
        return [(subject[0], focus)]  # "X, who left the club last month": the article's club
    if lemma in ("resign", "quit"):
        own = _own_team(view, subject[0])
        ref = own.ref if own else focus
        return [(subject[0], ref)] if ref else []
    return []


def _surface_departure(view: ArticleView, t: int) -> list[tuple[Span, str]]:
    """When the parse fails ("Southampton have sacked manager X" read as an adjective): the
    team just before the verb and the person just after it."""
    si = view.sent_of[t]
    s, e = view.sents[si]
    teams = [x for x in view.sentence_spans(si, TEAM_KINDS) if x.end <= t and t - x.end <= 3]
    people = [x for x in view.sentence_spans(si, ("person",)) if x.start > t and x.start - t <= 3]
    if teams and people:
        return [(people[0], teams[-1].ref)]
    return []


def _appointments(view: ArticleView, t: int, focus: str | None) -> list[tuple[Span, str]]:
    """"Southampton have named X as head coach", "X was appointed Stoke manager", "the club
    had named X as their new head coach" (the article's club)."""
    toks = view.tokens
    passive = _kids(view, t, ("nsubjpass",))
    people = _persons(view, passive if passive else _kids(view, t, ("dobj",)) + _kids(view, t, ("oprd", "ccomp")))
    if not people:
        return []
    candidates = (_teams(view, _subject(view, t)) if not passive else []) + \
        _teams(view, _pobj(view, t, ("as", "at", "by"))) + _teams(view, _kids(view, t, ("oprd", "xcomp", "attr")))
    if passive:
        candidates += _teams(view, [g for c in _kids(view, t, ("agent",)) for g in _kids(view, c, ("pobj",))])
    team = candidates[0].ref if candidates else None
    if team is None:
        words = {toks[i].text.lower() for i in range(*view.sents[view.sent_of[t]])}
        if words & {"club", "their", "its"}:
            team = focus
    return [(people[0], team)] if team else []


_CAREER_END = {"finish", "end", "wind", "close", "conclude", "retire"}


def _career(view: ArticleView, si: int, cues_by_ref: dict[str, set[str]]) -> list[Fact]:
    """Past spells: "had spells with Nantes and Al-Ettifaq", "wound down his career at Walsall",
    "was sold to Sunderland", "spent four seasons at Birmingham before a move to Wolves",
    "went on to manage Hibernian and Bolton Wanderers"."""
    toks = view.tokens
    s, e = view.sents[si]
    out: list[Fact] = []

    def add(person: Span | None, teams: list[Span], pred: str, rule: str) -> None:
        if person is None:
            return
        for team in teams:
            if team.kind == "club":
                out.append(Fact(person.ref, pred, team.ref, view.evidence(si, rule, 0.75)))

    for i in range(s, e):
        t = toks[i]
        lemma = t.lemma.lower()
        if t.pos == "NOUN" and lemma == "spell" and toks[t.head].tag in ("VBD", "VBN"):
            add(_person_of_clause(view, t.head), _teams(view, _pobj(view, i, ("with", "at"))), "formerMemberOf", "past-spell")
        elif t.pos == "NOUN" and lemma == "career" and toks[t.head].lemma.lower() in ("begin", "start") and \
                t.dep == "dobj" and toks[t.head].tag in ("VBD", "VBN"):  # "began his career at Sporting"
            add(_person_of_clause(view, t.head), _teams(view, _pobj(view, i, ("at", "with")) +
                                                        _pobj(view, t.head, ("at", "with")) +
                                                        [g for c in _pobj(view, t.head, ("in",)) + _pobj(view, i, ("in",))
                                                         for g in _pobj(view, c, ("at", "with"))]),
                "formerMemberOf", "career-start")
        elif t.pos == "NOUN" and lemma == "career" and toks[t.head].lemma.lower() in _CAREER_END:
            add(_person_of_clause(view, t.head), _teams(view, _pobj(view, i, ("at", "with")) +
                                                        _pobj(view, t.head, ("at", "with"))), "formerMemberOf", "career-end")
        elif t.pos == "VERB" and lemma == "sell" and t.tag == "VBN" and _completed(view, i):
            add(_person_of_clause(view, i), _teams(view, _pobj(view, i, ("to",))), "memberOf", "sold-to")
        elif t.pos == "VERB" and lemma == "spend" and t.tag == "VBD" and \
                any(toks[c].lemma.lower() in ("season", "year", "campaign") for c in view.subtree(i)):
            later = any(toks[c].text.lower() in ("before", "then", "later") or toks[c].text.lower() in ("last", "previous")
                        and toks[toks[c].head].lemma.lower() in ("season", "year", "campaign") for c in view.subtree(i))
            person = _person_of_clause(view, i, relative=True)  # "Ferreira, who spent last season with Sigma FC,"
            add(person, _teams(view, _pobj(view, i, ("at", "with"))),
                "formerMemberOf" if later else "memberOf", "spent-seasons")
        elif t.pos == "VERB" and lemma == "commit" and any(toks[c].lemma.lower() == "future" for c in view.children[i]):
            add(_person_of_clause(view, i), _teams(view, _pobj(view, i, ("to",))), "memberOf", "commits-future")
        elif t.pos == "VERB" and lemma in ("lead", "guide", "steer") and t.tag in ("VBD", "VBN", "VBZ") and \
                any(view.span_of(g) and view.span_of(g).kind == "trophy" for g in _pobj(view, i, ("to",))):
            former = any(toks[c].text.lower() in ("previously", "formerly", "once") for c in view.children[i])
            add(_person_of_clause(view, i), _teams(view, _kids(view, i, ("dobj",))),
                "formerMemberOf" if former else "memberOf", "led-to-trophy")  # "He previously led Randers FC to the Danish Cup"
        elif t.pos == "VERB" and lemma in ("manage", "coach") and t.dep in ("xcomp", "ROOT", "conj", "relcl") and \
                t.tag in ("VB", "VBD", "VBZ") and (t.tag == "VBD" or not _FUTURE.search(view.sentence_text(si))):
            person = _person_of_clause(view, i, relative=True)  # "Halloran, who managed Coventry City"
            retired = re.search(r"\bretired\b|\bwent on to\b|\blater\b", view.sentence_text(si)) or (
                t.tag == "VBD" and _ended_spell(view, i))  # "who managed Coventry City for three seasons"
            objs = _kids(view, i, ("dobj",))
            coached = [x for x in (view.span_of(o) for o in objs) if x is not None and x.kind == "person"]
            at = _teams(view, _pobj(view, i, ("at",)) + [g for o in objs for g in _pobj(view, o, ("at",))])
            if not coached:
                add(person, _teams(view, objs), "formerMemberOf" if retired else "memberOf", "managed")
            elif t.tag == "VBD" and at:  # "The Dutchman managed the Dane at Ajax": both, then
                add(person, at, "formerMemberOf", "managed-at")
                for p in coached:
                    add(p, at, "formerMemberOf", "managed-at")
    return out


_SPELL_NOUNS = {"season", "year", "month", "campaign", "spell", "decade"}


def _ended_spell(view: ArticleView, v: int) -> bool:
    """A past-tense verb with a bounded time: "for three seasons", "before moving", "until 2019"."""
    toks = view.tokens
    for c in view.children[v]:
        word = toks[c].text.lower()
        if word in ("before", "until", "till", "previously", "formerly", "once"):
            return True
        if word == "for" and any(toks[g].lemma.lower() in _SPELL_NOUNS for g in view.children[c]):
            return True
        if toks[c].dep == "advcl" and any(toks[g].text.lower() in ("before", "until") for g in view.children[c]):
            return True
    return False


def _person_of_clause(view: ArticleView, i: int, relative: bool = False) -> Span | None:
    """The person the clause of token i is said of; with ``relative``, a relative clause's noun
    when its subject ("who") names no one."""
    people = _persons(view, _subject(view, i))
    if people:
        return people[0]
    head = view.span_of(view.tokens[i].head) if relative and view.tokens[i].dep == "relcl" else None
    return head if head is not None and head.kind == "person" else None


def _on_loan(view: ArticleView, si: int) -> list[Fact]:
    """"Baird, the left-back on loan from Brighton," and "X, who is on loan at Hull from
    Leeds": the club borrowing him is his, the one lending him is the loan's source."""
    toks = view.tokens
    s, e = view.sents[si]
    out = []
    for i in range(s, e):
        if toks[i].text.lower() != "loan" or toks[i].pos != "NOUN" or i == s or toks[i - 1].text.lower() != "on":
            continue
        heads = [i, toks[i].head, toks[toks[i].head].head]
        teams = [t for t in _teams(view, [g for h in heads for g in _pobj(view, h, ("from", "at", "with"))])
                 if t.start > i]
        if not teams:
            continue
        person = None
        for a in view.ancestors(i):
            span = view.span_of(a)
            if span and span.kind == "person":
                person = span
                break
            if toks[a].pos in ("VERB", "AUX"):
                people = _persons(view, _kids(view, a, ("nsubj", "nsubjpass")))
                person = people[0] if people else None
                break
        if person is None:
            continue
        for team in teams:
            if team.kind == "club":
                lent = _prep_of(view, team) == "from"  # "on loan at Hull from Leeds": Hull's, from Leeds
                out.append(Fact(person.ref, LOANED_FROM if lent else "memberOf", team.ref,
                                view.evidence(si, "loan-parent" if lent else "on-loan", 0.8)))
    return out


def _in_charge(view: ArticleView, si: int) -> list[Fact]:
    """"X had previously been in charge at Plymouth Argyle" (former), "X is in charge of Y", "X is
    in interim charge" (of the club the sentences before name); "X, who took over at Turf Moor"
    (at the club or its ground)."""
    toks = view.tokens
    s, e = view.sents[si]
    out = []
    for i in range(s, e - 1):
        if toks[i].pos == "VERB" and toks[i].lemma.lower() == "take" and \
                any(toks[c].dep == "prt" and toks[c].text.lower() == "over" for c in view.children[i]):
            places = [view.span_of(g) for g in _pobj(view, i, ("at",))]
            team = next((x.ref for x in places if x is not None and x.kind == "club"), None) or next(
                (view.home_clubs[x.ref] for x in places if x is not None and x.ref in view.home_clubs), None)
            person = _person_of_clause(view, i, relative=True)
            if team is not None and person is not None:
                out.append(Fact(person.ref, "memberOf", team, view.evidence(si, "took-over-at", 0.75)))
            continue
        interim = toks[i + 1].text.lower() in ("interim", "temporary", "caretaker") and i + 2 < e
        if toks[i].text.lower() == "in" and toks[i + 1 + interim].text.lower() == "charge":
            noun = i + 1 + interim
            verb = toks[i].head
            teams = _teams(view, _pobj(view, noun, ("at", "of")) + _pobj(view, i, ("at", "of")))
            if not teams and toks[verb].pos in ("AUX", "VERB"):  # "had been in charge at Plymouth"
                teams = [t for t in _teams(view, _pobj(view, verb, ("at", "of"))) if t.start > i]
            people = _persons(view, _subject(view, verb))
            if not teams and interim:
                ref = _previous_club(view, si)
                teams = [x for x in view.spans if x.ref == ref][:1] if ref else []
            if not teams or not people:
                continue
            aux = {toks[c].text.lower() for c in view.children[verb]} | {toks[verb].text.lower()}
            before = {toks[k].text.lower() for k in range(s, i)}
            former = bool(aux & {"had", "was", "were"} or before & {"previously", "formerly", "once"})
            pred = "formerMemberOf" if former else "memberOf"
            out.append(Fact(people[0].ref, pred, teams[0].ref, view.evidence(si, "in-charge", 0.8)))
    return out
