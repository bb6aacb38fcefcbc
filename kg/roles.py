"""What the text says a person is, and which team they belong to.

Cues, in order of strength: a role noun next to the name ("Liverpool boss Klopp", "defender Joe
Gomez"), an apposition ("Tom Hale, the Everton captain,"), "as manager", a possessive club
("Liverpool's Luis Diaz"), football verbs (scored, saved), "his players/side", and definite
descriptions that point back to the last person named ("the skipper's first trophy").
Memberships come out as the neutral `memberOf`, made `playsFor` or `manages` once the person's
type is settled across all articles.
"""

from __future__ import annotations

from kg.article import TEAM_KINDS, ArticleView, Span
from kg.lexicon import Rules
from kg.mentions import subordinate_subject, taken_off, titled_antecedent
from kg.records import Fact, RoleCue

_SKIP_LEFT_POS = {"DET", "ADJ", "NUM", "PROPN", "PART", "ADV", "PUNCT"}


def _role_at(view: ArticleView, rules: Rules, i: int) -> tuple[str | None, int]:
    """The role named by the noun ending at token i, and its first token; staff such as an
    "assistant head coach" or "Under-21s coach" are not the manager."""
    role, first = _bare_role_at(view, rules, i)
    toks = view.tokens
    if role == "other" and first == i and toks[i].dep == "compound" and toks[i].head > i and \
            rules.role_of(toks[toks[i].head].text) is None and toks[toks[i].head].pos in ("NOUN", "ADJ"):
        return None, i  # "Alcántar, a fan favourite,": the noun is the favourite, not a fan
    if role == "manager":
        toks = view.tokens
        j = first - 1
        if j >= 2 and toks[j - 1].text == "-" and not toks[j - 1].ws and not toks[j - 2].ws and \
                f"{toks[j - 2].text}-{toks[j].text}".lower() in rules.staff_qualifiers:
            return "other", j - 2  # "first-team coach", "set-piece coach"
        while j >= 0 and j >= first - 3 and (toks[j].text in ("-", "'s") or toks[j].text.lower() in rules.staff_qualifiers
                                             or toks[j].text.lower().startswith("under")):
            if toks[j].text.lower() in rules.staff_qualifiers or toks[j].text.lower().startswith("under"):
                return "other", j
            j -= 1
    return role, first


def _bare_role_at(view: ArticleView, rules: Rules, i: int) -> tuple[str | None, int]:
    toks = view.tokens
    if i >= 2 and toks[i - 1].text == "-" and not toks[i - 2].ws and not toks[i - 1].ws:
        role = rules.role_of(f"{toks[i - 2].text}-{toks[i].text}")  # "centre-half", "left-back"
        if role:
            return role, i - 2
    if i >= 1:
        two = f"{toks[i - 1].text} {toks[i].text}".lower()
        role = rules.role_of(two)
        if role:
            return role, i - 1
    if toks[i].pos in ("NOUN", "PROPN", "VERB", "ADJ") or toks[i].text.lower() in rules.roles.get("manager", ()) or \
            (i + 1 < len(toks) and toks[i + 1].pos == "PROPN" and toks[i + 1].text[:1].isupper()) or \
            (i >= 1 and (toks[i - 1].pos == "PROPN" or toks[i - 1].text[:1].isupper()) and toks[i].pos == "ADV"):
        # ("the ex-Lyon forward who ...", "the former PAOK forward": a name the tagger called a noun)
        return rules.role_of(toks[i].text), i  # the tagger often calls "defender" a verb, "forward" an adverb
    return None, i


def person_cues(view: ArticleView, rules: Rules) -> tuple[list[RoleCue], list[Fact]]:
    cues: list[RoleCue] = []
    facts: list[Fact] = []
    toks = view.tokens
    people = [s for s in view.spans if s.kind == "person"]

    def cue(p: Span, role: str, weight: float, rule: str) -> None:
        cues.append(RoleCue(p.ref, role, weight, view.evidence(view.sent_of[p.start], rule, weight)))

    def member(p: Span, team: Span, rule: str, conf: float, former: bool = False) -> None:
        pred = "formerMemberOf" if former else "memberOf"
        facts.append(Fact(p.ref, pred, team.ref, view.evidence(view.sent_of[p.start], rule, conf)))

    for p in people:
        si = view.sent_of[p.start]
        s_start, s_end = view.sents[si]
        # ---- left context: "Liverpool boss", "former Everton captain", "Liverpool's"
        j = p.start - 1
        role_found = None
        team_left: Span | None = None
        former = False
        possessive_team = False
        steps = 0
        while j >= s_start and steps < 7:
            t = toks[j]
            span = view.span_of(j)
            if span and span.kind in TEAM_KINDS:
                team_left = team_left or span
                j = span.start - 1
                steps += 1
                continue
            if span:
                break
            if t.text in ("'s", "'") and j - 1 >= s_start and (sp := view.span_of(j - 1)) \
                    and sp.kind in TEAM_KINDS:
                team_left = team_left or sp  # "Liverpool's Luis Diaz", "Arsenal's goalkeeper, Jan Cermak"
                possessive_team = role_found is None
                j = sp.start - 1
                break
            role, first = _role_at(view, rules, j)
            if role and role_found is None:
                role_found = role
                j = first - 1
                steps += 1
                continue
            if t.text.lower() in rules.former_markers:
                former = True
            if t.text == "," and role_found is None and j == p.start - 1 and j - 1 >= s_start:
                role, first = _role_at(view, rules, j - 1)  # "His father, Andrew", "the Arsenal captain, X"
                if role:
                    role_found = role
                    j = first - 1
                    steps += 1
                    continue
                break
            if t.text == ":" and role_found is None and j == p.start - 1 and j - 1 >= 0:
                role, first = _role_at(view, rules, j - 1)  # a heading line: "Manager: Gordon Whitlow"
                line_start = first == 0 or "\n" in toks[first - 1].text + toks[first - 1].ws
                line_end = p.end >= len(toks) or "\n" in toks[p.end - 1].ws + toks[p.end].text
                if role and line_start and line_end:
                    role_found = role
                break
            if t.text.lower() in ("their", "its") and role_found and role_found != "other":
                team_left = team_left or view.pronoun_team(j)  # "their captain Jordan Mbeki-Clarke"
                break
            if t.pos in _SKIP_LEFT_POS and t.text not in (",", ".", ":", ";", "(", '"'):
                j -= 1
                steps += 1
                if t.text.lower() == "the":
                    break
                continue
            break
        if role_found:
            cue(p, "player" if role_found == "captain" else role_found, 1.0, "role-noun")
            if role_found == "captain":
                cue(p, "captain", 1.0, "role-noun")
        if team_left and role_found != "other":
            if possessive_team and not role_found:
                cue(p, "player", 0.3, "possessive-club")
            rule = "possessive-club" if possessive_team else "club-role-noun"
            member(p, team_left, rule, 0.8 if possessive_team else 0.95, former)
            if role_found == "captain" and not former:
                facts.append(Fact(p.ref, "captainOf", team_left.ref, view.evidence(si, "club-captain", 0.95)))
        # ---- apposition: "Tom Hale, the Everton captain," / "Nick Knight (Liverpool)"
        if p.end < s_end and toks[p.end].text in (",", "("):
            k = p.end + 1
            role_app = None
            team_app = None
            also_app: list[Span] = []
            former_app = told_former = False
            relative_past = k + 1 < s_end and toks[k].text.lower() == "who" and toks[k + 1].tag == "VBD"
            if relative_past:  # "Gareth Pennycook, who was a Wanderers player when ...": once
                former_app = True
            while k < s_end and k < p.end + 9 and toks[k].text not in (",", ".", ")", ";", ":"):
                span = view.span_of(k)
                if span and span.kind in TEAM_KINDS:
                    f = k - 1
                    while f > p.end and toks[f].pos == "PROPN" and k - f < 4:
                        f -= 1  # "from Ryman League Hitchin Town"
                    if team_app is None and toks[f].text.lower() == "from" and \
                            not any(toks[j].lemma.lower() == "loan" for j in range(p.end, k)):
                        former_app = True  # "Okafor, a summer signing from Hitchin Town,": his last club
                    team_app = team_app or span
                    if span.ref != team_app.ref and toks[k - 1].text.lower() == "and":
                        also_app.append(span)  # "the former Chelsea and Porto striker": both his former clubs
                    k = span.end
                    continue
                if span and span.kind == "person":
                    break
                if toks[k].text.lower() in rules.former_markers:
                    former_app = True
                    # "Thiandoum, formerly of Napoli,": a former club with no role noun
                    told_former = told_former or (k + 1 < s_end and toks[k + 1].text.lower() in ("of", "with", "at"))
                if former_app and toks[k].text.lower() == "man" and team_app is not None:
                    told_former = True  # "Pejčić, the former Manchester City man,"
                role, _ = _role_at(view, rules, k)
                if role and (k + 1 >= s_end or not rules.role_of(toks[k + 1].text)):
                    role_app = role
                k += 1
            if role_app:
                # a manager may once have played: "Bradford manager X, a former Leicester midfielder"
                weight = 0.5 if relative_past or (former_app and role_app != "manager") else 1.0
                cue(p, "player" if role_app == "captain" else role_app, weight, "apposition")
                if role_app == "captain" and not relative_past:
                    cue(p, "captain", 1.0, "apposition")
            if team_app and (role_app or told_former or toks[p.end].text == "(") and role_app != "other" and \
                    not (relative_past and role_found == "manager"):  # a manager's playing days
                member(p, team_app, "apposition", 0.9, former_app)
                for other in also_app if former_app else ():
                    member(p, other, "apposition", 0.9, True)
                if role_app == "captain" and not former_app:
                    facts.append(Fact(p.ref, "captainOf", team_app.ref, view.evidence(si, "apposition", 0.9)))
        # ---- the person's grammatical role
        head = toks[p.head_index]
        verb = toks[head.head]
        if head.dep in ("nsubj", "compound") and verb.lemma.lower() in rules.player_verbs \
                and verb.pos in ("VERB", "AUX"):
            cue(p, "player", 0.7, "player-verb")
        if head.dep == "nsubj" and verb.pos == "VERB":
            wanted = rules.player_verb_objects.get(verb.lemma.lower(), frozenset())
            if any(toks[c].lemma.lower() in wanted or toks[c].text.lower() in wanted
                   for c in view.subtree(verb.i) if toks[c].dep in ("dobj", "pobj")):
                cue(p, "player", 0.7, "player-verb-object")
            if any(toks[c].text.lower() in rules.injury_words for c in range(s_start, s_end)) and \
                    len(view.sentence_spans(si, ("person",))) <= 2:
                cue(p, "player", 0.4, "injury")
        relative = [c for c in view.children[head.i] if toks[c].dep == "relcl" and any(
            toks[g].dep == "nsubj" and toks[g].text.lower() in ("who", "that") for g in view.children[c])]
        if head.dep in ("nsubj", "nsubjpass") or relative:
            # "made his debut for the Glens", "was spotted by X and made his debut for Y", "X, who
            # plays his club football for Hearts"
            own = [verb.i] if head.dep in ("nsubj", "nsubjpass") else []
            shared = own + relative + [c for v in own for c in view.children[v] if toks[c].dep == "conj"
                                       and toks[c].pos == "VERB"
                                       and not any(toks[g].dep in ("nsubj", "nsubjpass") for g in view.children[c])]
            for v in shared:
                # "later played for Hull City": a past spell; "made his debut for X": the club
                past = toks[v].lemma.lower() in _PLAY_VERBS | _SPELL_VERBS and toks[v].tag in ("VBD", "VBN")
                for team in _played_for(view, v):
                    cue(p, "player", 0.4 if past else 0.7, "played-for")  # a manager may once have played
                    member(p, team, "played-for", 0.8, past)
        if head.dep == "pobj" and verb.text.lower() == "past" and (
                toks[verb.head].lemma.lower() in rules.goal_verbs | rules.goal_nouns | _SHOTS or any(
                    toks[c].dep == "dobj" and toks[c].lemma.lower() in rules.goal_nouns | _SHOTS
                    for c in view.children[verb.head])):
            cue(p, "player", 0.5, "beaten-keeper")  # "arrowing a shot past Fredrik Aas": the goalkeeper
        if head.dep == "dobj" and verb.lemma.lower() == "deny":
            cue(p, "player", 0.5, "denied-by-save")
        if head.dep == "pobj" and verb.text.lower() in ("from", "by") and \
                toks[verb.head].lemma.lower() in rules.goal_nouns:
            cue(p, "player", 0.8, "goal-from")
        if head.dep == "nsubjpass" and verb.lemma.lower() in ("hire", "appoint", "sack", "name"):
            cue(p, "manager", 0.6, "appointed")
        # "X joined as a striker": X's role; "X described the Nigerian as a striker", "a player he
        # described as ...": the object's, not the subject's
        objected = head.dep == "nsubj" and (verb.dep == "relcl" or any(
            toks[g].dep in ("dobj", "dative") and (toks[g].text.lower() in ("him", "her", "them") or (
                view.span_of(g) is not None and view.span_of(g).kind == "person") or
                view.ent_label.get(g) == "NORP" or toks[g].text.lower() in rules.demonym_nouns)  # "the Nigerian"
            for g in view.children[verb.i]))
        for child in view.children[verb.i] if head.dep in ("nsubj", "nsubjpass") and not objected else ():
            if toks[child].text.lower() == "as":
                for obj in view.children[child]:
                    role, _ = _role_at(view, rules, obj)
                    if role:
                        cue(p, "player" if role == "captain" else role, 0.9, "as-role")
                        for team in view.spans_in(*_bounds(view, obj), TEAM_KINDS):
                            member(p, team, "as-role", 0.85)
        # ---- "Klopp's header", "Klopp's players", "Klopp's Liverpool side"
        if p.end + 1 < s_end and toks[p.end].text in ("'s", "'"):
            k = p.end + 1
            team_poss = None
            while k < s_end and k < p.end + 5:
                span = view.span_of(k)
                if span and span.kind in TEAM_KINDS:
                    team_poss = span
                    k = span.end
                    continue
                word = toks[k].lemma.lower()
                if toks[k].text.lower() in rules.manager_possessions or word in rules.manager_possessions:
                    cue(p, "manager", 0.8, "possessed-team")
                    if team_poss:
                        member(p, team_poss, "possessed-team", 0.8)
                    break
                if word in rules.goal_nouns:
                    cue(p, "player", 0.8, "possessed-goal")
                    break
                if toks[k].pos not in ("ADJ", "NUM", "PROPN", "DET"):
                    if team_poss is not None and team_poss.start == p.end + 1 and \
                            toks[team_poss.head_index].dep in ("nsubj", "nsubjpass", "dobj", "pobj", "ROOT", "conj"):
                        # "Wennerström's Brighton are ...": the team as the person's own
                        cue(p, "manager", 0.5, "possessed-club")
                        member(p, team_poss, "possessed-club", 0.7)
                    break
                k += 1
        # ---- "Klopp and his players", "Arteta ... his Arsenal squad"
        if head.dep in ("nsubj", "conj", "nsubjpass") or (head.dep == "ROOT"):
            for k in range(s_start, s_end):
                if toks[k].text.lower() == "his" and toks[k].dep == "poss":
                    owner_noun = toks[k].head
                    noun = toks[owner_noun]
                    if noun.text.lower() in rules.manager_possessions and _only_person_before(view, p, k):
                        cue(p, "manager", 0.8, "his-players")
                        for team in view.spans_in(k, owner_noun + 1, TEAM_KINDS):
                            member(p, team, "his-team", 0.8)
    from kg.mentions import rating_lines

    rated = {view.token_at_char(m.start(1)) for m in rating_lines(view.doc.text)}
    for p in people:  # a player-ratings line: "DF Marcus Ojo-Pemberton: 6/10"
        if p.start in rated and not p.anaphoric:
            cue(p, "player", 1.0, "ratings-line")
    for p in people:  # a byline: "By Hannah Colquhoun, Football Correspondent", "Written by ..."
        s_start = view.sents[view.sent_of[p.start]][0]
        lead = [t.text.lower() for t in toks[s_start:p.start]]
        if lead in (["by"], ["written", "by"], ["words", "by"], ["report", "by"], ["reporting", "by"]):
            cue(p, "other", 1.5, "byline")
    more_cues, more_facts = _anaphora(view, rules, people)
    cues.extend(more_cues)
    facts.extend(more_facts)
    staff = rules.roles.get("manager", frozenset())
    for t in toks:  # "Pumas, whose coach Arturo Villaseñor was whistled": the team the clause is on
        if t.text.lower() != "whose" or toks[t.head].text.lower() not in staff:
            continue
        role = toks[t.head]
        person = view.span_of(role.i + 1) if role.i + 1 < len(toks) else None  # the name after the role noun
        clause = next((a for a in view.ancestors(t.i) if toks[a].dep == "relcl"), None)
        team = view.span_of(toks[clause].head) if clause is not None else None
        if person is not None and person.kind == "person" and team is not None and team.kind in TEAM_KINDS:
            cue(person, "manager", 0.8, "whose-coach")
            member(person, team, "whose-coach", 0.85)
    for t in toks:  # "Singapore, coached by Japanese tactician Hiroshi Kanemoto"
        if t.tag != "VBN" or t.lemma.lower() not in ("coach", "manage") or t.dep not in ("acl", "relcl", "advcl"):
            continue
        team = view.span_of(t.head)
        if team is None or team.kind not in TEAM_KINDS:
            continue
        for a in (c for c in view.children[t.i] if toks[c].dep == "agent"):
            found = [view.span_of(k) for k in view.subtree(a)]
            person = next((x for x in found if x is not None and x.kind == "person"
                           and toks[x.head_index].dep == "pobj" and toks[x.head_index].head == a), None)
            if person is not None:
                cue(person, "manager", 0.8, "coached-by")
                member(person, team, "coached-by", 0.85)
    for t in toks:  # "His Pillars counterpart, Garba Inuwa, blamed ...": the role of the one before
        if t.lemma.lower() != "counterpart" or t.pos != "NOUN":
            continue
        person = next((x for x in (view.span_of(k) for k in range(t.i + 1, min(t.i + 4, len(toks))))
                       if x is not None and x.kind == "person"), None)
        team = next((x for x in (view.span_of(c) for c in view.children[t.i] if toks[c].dep in ("compound", "poss"))
                     if x is not None and x.kind in TEAM_KINDS), None)
        si = view.sent_of[t.i]
        before = [c for c in cues if c.role in ("manager", "captain") and c.ref != (person.ref if person else "")
                  and si - 2 <= view.sentence_at(c.evidence.start) <= si]
        if person is None or not before:
            continue
        cue(person, before[-1].role, 0.7, "counterpart")
        if team is not None:
            member(person, team, "counterpart", 0.8)
    for p in people:  # "the sacked Ignacio Portales", "X, who was sacked on Friday", "X guided Huddersfield to promotion"
        rule = _manager_verb(view, rules, p)
        if rule:
            cue(p, "manager", 0.6, rule)
        team = _under(view, p)
        if team is not None:  # "Doncaster, who have won three on the bounce under Grant Mellor"
            cue(p, "manager", 0.6, "under-manager")
            member(p, team, "under-manager", 0.7)
    return cues, facts


def _under(view: ArticleView, p: Span) -> Span | None:
    """The team whose results come "under" a person: the subject of the clause the "under" hangs
    on ("have won three on the bounce under X", "are unbeaten under X")."""
    toks = view.tokens
    h = toks[p.head_index]
    if h.dep != "pobj" or toks[h.head].text.lower() != "under" or toks[h.head].head == h.head:
        return None
    gov, steps = toks[h.head].head, 0
    while toks[gov].pos in ("NOUN", "ADP", "NUM") and toks[gov].head != gov and steps < 4:
        gov, steps = toks[gov].head, steps + 1  # "won three on the bounce under X", "unbeaten in 12 under X"
    if toks[gov].pos not in ("VERB", "AUX", "ADJ"):
        return None
    for k in view.clause_subject(gov, deps=("nsubj", "nsubjpass"), relcl_head=True):
        team = view.span_of(k)
        if team is None and toks[k].text.lower() in ("they", "we"):
            team = view.pronoun_team(k)
        if team is not None and team.kind in TEAM_KINDS:
            return team
    return None


def _manager_verb(view: ArticleView, rules: Rules, p: Span) -> str | None:
    """What the text does to a person that it does to managers: sacks them ("the sacked X", "X was
    sacked", "X, who was dismissed"), has them guide a team ("X guided Huddersfield to promotion")
    or pick a side ("X named an unchanged side")."""
    toks = view.tokens
    h = toks[p.head_index]
    for c in view.children[h.i]:
        kid = toks[c]
        if kid.dep == "amod" and kid.lemma.lower() in rules.sack_verbs and kid.tag == "VBN":
            return "sacked"
        if kid.dep == "relcl" and kid.lemma.lower() in rules.sack_verbs and any(
                toks[g].dep == "auxpass" for g in view.children[c]):
            return "sacked"
    verb = toks[h.head]
    if h.dep == "nsubjpass" and verb.lemma.lower() in rules.sack_verbs and verb.pos == "VERB" and not (
            verb.lemma.lower() == "dismiss" and rules.red_card_in(view.sentence_text(view.sent_of[p.start]))):
        return "sacked"  # not "was dismissed for a professional foul"
    if h.dep == "nsubj" and verb.lemma.lower() in rules.manager_verbs and any(
            toks[c].dep == "dobj" and (sp := view.span_of(c)) is not None and sp.kind in TEAM_KINDS
            for c in view.children[verb.i]):
        return "guided"
    if h.dep == "nsubj" and verb.lemma.lower() in rules.selection_verbs and verb.pos == "VERB" and any(
            toks[c].dep in ("dobj", "oprd") and any(toks[g].lemma.lower() in _SIDE_NOUNS for g in view.subtree(c)[:4])
            for c in view.children[verb.i]):
        return "selected"  # "Danny Lovell named an unchanged starting eleven"
    return None


_PLAY_VERBS = {"play", "feature", "appear", "star"}
_APPEARANCE_VERBS = {"make", "score", "win", "earn", "net", "play"}
_APPEARANCE_NOUNS = {"debut", "appearance", "goal", "game", "match", "cap", "start", "outing", "football"}
_SIDE_NOUNS = {"side", "team", "squad", "xi", "line-up", "lineup", "eleven"}
# "spent a decade as a midfielder at Atlas", "had spells with Chesterfield and Mansfield"
_SPELL_VERBS = {"spend", "have", "enjoy", "endure"}
_SPELL_NOUNS = {"spell", "stint", "season", "year", "decade", "campaign", "month", "loan", "career"}
# "spent most of his playing career at Preston": a share of a spell
_SHARE_WORDS = {"most", "much", "part", "bulk", "all", "majority", "rest", "remainder", "best"}


def _played_for(view: ArticleView, v: int) -> list[Span]:
    """Teams a subject played for, read off its verb: "made his debut for the Glens", "scored 41
    goals for Forest", "played for Derby", "an ever-present in the Derby side", "spent three
    seasons at Stockport"."""
    toks = view.tokens
    verb = toks[v]
    lemma = verb.lemma.lower()
    kids = view.children[v]
    heads: list[int] = []
    objs = [c for c in kids if toks[c].dep == "dobj"]
    objs += [g for o in objs if toks[o].lemma.lower() in _SHARE_WORDS for c in view.children[o]
             if toks[c].dep == "prep" and toks[c].text.lower() == "of" for g in view.children[c] if toks[g].dep == "pobj"]
    if lemma in _PLAY_VERBS and verb.pos == "VERB" or lemma in _APPEARANCE_VERBS and any(
            toks[o].lemma.lower() in _APPEARANCE_NOUNS for o in objs):
        for holder in [v] + [o for o in objs if toks[o].lemma.lower() in _APPEARANCE_NOUNS]:
            for c in view.children[holder]:
                if toks[c].dep == "prep" and toks[c].text.lower() == "for":
                    heads.extend(g for g in view.children[c] if toks[g].dep == "pobj")
    elif lemma in _SPELL_VERBS and verb.pos in ("VERB", "AUX") and any(toks[o].lemma.lower() in _SPELL_NOUNS for o in objs):
        holders = [o for o in objs if toks[o].lemma.lower() in _SPELL_NOUNS]
        if any(toks[c].lemma.lower() in ("managerial", "coaching", "management", "media", "broadcasting")
               for o in holders for c in view.children[o]):
            return []  # "spent his managerial career at X": no playing spell
        holders += [g for h in [v, *holders] for c in view.children[h] if toks[c].dep == "prep"
                    and toks[c].text.lower() == "as" for g in view.children[c] if toks[g].dep == "pobj"]
        for holder in [v, *holders]:
            for c in view.children[holder]:
                if toks[c].dep == "prep" and toks[c].text.lower() in ("at", "with"):
                    heads.extend(g for g in view.children[c] if toks[g].dep == "pobj")
                    heads.extend(k for g in view.children[c] if toks[g].dep == "pobj"
                                 for k in view.children[g] if toks[k].dep == "conj")  # "with Chesterfield and Mansfield"
    elif lemma == "be":
        for a in (c for c in kids if toks[c].dep == "attr"):
            for c in view.children[a]:  # "an ever-present in the Derby side", "part of the Leeds team"
                if toks[c].dep == "prep" and (toks[c].text.lower() == "in" or toks[c].text.lower() == "of"
                                              and toks[a].lemma.lower() in ("part", "member", "mainstay")):
                    heads.extend(g for g in view.children[c] if toks[g].dep == "pobj"
                                 and toks[g].lemma.lower() in _SIDE_NOUNS)
    out = []
    for h in heads:
        for i in [h] + [c for c in view.children[h] if toks[c].dep in ("compound", "poss", "nmod", "amod")]:
            span = view.span_of(i)
            if span is not None and span.kind in TEAM_KINDS and span not in out:
                out.append(span)
                break
    return out


_SHOTS = {"shot", "ball", "effort", "drive", "header", "volley"}
def _bounds(view: ArticleView, i: int) -> tuple[int, int]:
    sub = view.subtree(i)
    return sub[0], sub[-1] + 1


def _only_person_before(view: ArticleView, p: Span, k: int) -> bool:
    """`his` most likely refers to p: p is the only person named before it in the sentence."""
    si = view.sent_of[k]
    before = [s for s in view.sentence_spans(si, ("person",)) if s.end <= k]
    return bool(before) and all(s.ref == p.ref for s in before)


def _solid(view: ArticleView, i: int) -> Span | None:
    """The mention at token i, unless it is only an anaphoric description."""
    span = view.span_of(i)
    return None if span is None or span.anaphoric else span


def _anaphora(view: ArticleView, rules: Rules, people: list[Span]) -> tuple[list[RoleCue], list[Fact]]:
    """"The Dutch defender responded": a definite description names the last person mentioned."""
    out: list[RoleCue] = []
    facts: list[Fact] = []
    toks = view.tokens
    for t in toks:
        if t.text.lower() != "the" or (view.span_of(t.i) and not view.span_of(t.i).anaphoric):
            continue
        k = t.i + 1
        si = view.sent_of[t.i]
        end = view.sents[si][1]
        while k < end and k < t.i + 8 and not rules.role_of(toks[k].text) and (
                (_solid(view, k) and _solid(view, k).kind in TEAM_KINDS)
                or (toks[k].pos in ("ADJ", "NUM", "PROPN", "PUNCT") and not _solid(view, k))):
            k += 1
        if k >= end or _solid(view, k):
            continue
        role, _ = _role_at(view, rules, k)
        weight = 0.5
        if role is None and k - 1 == t.i + 1 and view.ent_label.get(k - 1) == "NORP" \
                and toks[k - 1].pos in ("PROPN", "NOUN") and toks[k].pos != "NOUN":
            role, weight = "player", 0.3  # "The Colombian treated the trophy ...": a demonym
        if role not in ("player", "captain", "manager"):
            continue
        nxt = toks[k + 1] if k + 1 < end else None
        if nxt is not None and ((view.span_of(nxt.i) and not view.span_of(nxt.i).anaphoric) or nxt.pos == "PROPN"):
            continue  # "the defender Joe Gomez" is a direct cue, handled elsewhere
        if nxt is not None and nxt.text == "," and k + 2 < end and _solid(view, k + 2) and \
                _solid(view, k + 2).kind == "person":
            continue  # "the Arsenal captain, Vangsgaard": an apposition, not a reference back
        antecedent = None
        outside = not view.in_quote(t.i)
        subjects: dict[int, Span] = {}
        for p in people:  # the last person named by a full name in the last three sentences
            if p.anaphoric or (outside and view.in_quote(p.start)):
                continue  # '"He's a clever player, Pascal," the Rovers skipper said': not Pascal
            if p.start < t.i and view.sent_of[p.start] >= si - 2 and len(p.ref.split()) >= 2:
                if antecedent is not None and antecedent.ref != p.ref and taken_off(view, p):
                    continue  # "sent on Kiernan for Gilsenan ... the former Bohemians striker": Kiernan
                antecedent = p
                if toks[p.head_index].dep in ("nsubj", "nsubjpass") and view.sent_of[p.start] not in subjects:
                    subjects[view.sent_of[p.start]] = p
        if antecedent is not None and view.sent_of[antecedent.start] != si and \
                view.sent_of[antecedent.start] in subjects:
            # "Then X rose to meet Seamus Y's cross. The Sunderland striker's header ...": the
            # subject of the sentence before, not the last name in it
            antecedent = subjects[view.sent_of[antecedent.start]]
        if antecedent is not None and toks[antecedent.head_index].dep == "nsubj" and any(
                toks[j].dep == "dobj" and toks[j].head == toks[antecedent.head_index].head for j in range(t.i, k + 1)):
            continue  # "Coach X described the Nigerian as ...": a verb's object is not its subject
        if antecedent is None:
            continue
        antecedent = titled_antecedent(view, rules, people, antecedent, k)
        if view.sent_of[antecedent.start] == si and subordinate_subject(view, k) and view.spans_in(t.i, k, TEAM_KINDS):
            continue  # "... Haverstock struck it so sweetly that the Stoke goalkeeper admitted": another man
        ev = view.evidence(si, "anaphora", weight)
        out.append(RoleCue(antecedent.ref, "player" if role == "captain" else role, weight, ev))
        if role == "captain":
            out.append(RoleCue(antecedent.ref, "captain", weight, ev))
        former = any(toks[j].text.lower() in rules.former_markers for j in range(t.i + 1, k))
        for team in view.spans_in(t.i, k, TEAM_KINDS):  # "the PSV midfielder", "the former Blackburn midfielder"
            facts.append(Fact(antecedent.ref, "formerMemberOf" if former else "memberOf", team.ref,
                              view.evidence(si, "anaphora-team", 0.6)))
            break
    return out, facts
