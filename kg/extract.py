"""Everything read from one article, as a pure function of (article, parse, gazetteer, rules).

Being pure, it can be cached, run in worker processes or mapped on a cluster, and give the same
result everywhere.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, replace

from kg.article import ArticleView
from kg.errors import Warnings
from kg.gazetteer import Gazetteer
from kg.history import MOVE_IN, MOVE_OUT, rule_of
from kg.lexicon import Rules
from kg.mentions import Classify, coded_teams, find_mentions, team_label
from kg.nlp import Parsed
from kg.patterns import match, section
from kg.learn.candidates import TEAM_PREDICATES, Candidate, candidates, choice_features, section_teams
from kg.learn.scorer import FACT_TASKS, TYPE_CLASSES, Scorer
from kg.learn.sides import mistaken
from kg.records import LOANED_FROM, Document, Extraction, Fact, MatchReport, Mention, RoleCue, TypeScore
from kg.article import TEAM_KINDS, Span
from kg.results import find_results, goal_facts, side_owners, speaker_team, won_facts
from kg.roles import person_cues
from kg.slugs import name_key
from kg.teamsheet import Goal, Sheet, TeamGoals, parse as parse_sheets
from kg.transfers import move_patterns, transfer_facts


def _former_players(view: ArticleView, rules: Rules, facts: list[Fact]) -> list[Fact]:
    """A former membership that a sentence tells as a playing career is a former player's
    ("formerPlayerOf"), whatever the person is now: a manager who "played 300 games for Aston
    Villa", a pundit who is "a former Glenavon midfielder". Decided per person and club: some
    sentence tells it as playing and none as managing."""
    played: dict[tuple[str, str], set[bool]] = {}
    for f in facts:
        if f.predicate == "formerMemberOf":
            played.setdefault((f.subject, f.object), set()).add(_career_word(view, rules, f))
    playing = {pair for pair, told in played.items() if True in told and False not in told}
    return [replace(f, predicate="formerPlayerOf") if f.predicate == "formerMemberOf"
            and (f.subject, f.object) in playing else f for f in facts]


def _career_word(view: ArticleView, rules: Rules, f: Fact) -> bool | None:
    """What the nearest career word up the parse from the club says: True a playing career
    ("for Aston Villa" <- "games" <- "played"; "Glenavon" <- "midfielder"), False a managerial
    one, None neither."""
    if rule_of(f.evidence) in ("played-for", "career-line", "career-start"):
        return True
    toks = view.tokens
    si = view.sentence_at(f.evidence.start)
    for team in view.sentence_spans(si, ("club",)):
        if team.ref != f.object:
            continue
        i = team.end - 1
        for _ in range(4):
            if toks[i].head == i:
                break
            i = toks[i].head
            words = {toks[i].lemma.lower(), toks[i].text.lower()}
            if i >= 2 and toks[i - 1].text == "-" and not toks[i - 1].ws and not toks[i - 2].ws:
                words.add(f"{toks[i - 2].text}-{toks[i].text}".lower())  # "full-back" is three tokens
            if words & rules.career_player_words:
                return True
            if words & rules.career_manager_words:
                return False
    return None


@dataclass
class RuleOutput:
    """What the rules read from one article, before any scorer judged it."""

    view: ArticleView
    cues: list[RoleCue]
    facts: list[Fact]
    reports: list[MatchReport]
    diagnostics: list[str]


def extract(doc: Document, parsed: Parsed, gaz: Gazetteer, rules: Rules,
            scorer: Scorer | None = None) -> Extraction:
    """The article's mentions, role cues, facts and matches; with a scorer, the person-team facts
    and the people's types are the scorer's calibrated judgements over every candidate."""
    out = apply_rules(doc, parsed, gaz, rules, scorer.classify_mentions if scorer else None)
    view, cues, facts, reports = out.view, out.cues, out.facts, out.reports
    types: tuple[TypeScore, ...] = ()
    if scorer is not None:
        cands = candidates(view, facts, cues, reports, rules)
        scored, types = judge(view, scorer, cands)
        facts, reports = weigh_rule_facts(view, scorer, cands, facts, reports)
        facts = [f for f in facts if f.predicate not in TEAM_PREDICATES] + scored
    facts = _former_players(view, rules, facts)
    mentions = tuple(
        Mention(doc.id, view.tokens[s.start].idx,
                view.tokens[s.end - 1].idx + len(view.tokens[s.end - 1].text),
                s.text, s.kind, s.ref, view.sent_of[s.start])
        for s in view.spans if s.ref and not s.anaphoric
    )
    return Extraction(doc, mentions, tuple(cues), tuple(facts), tuple(reports), tuple(out.diagnostics), types)


def apply_rules(doc: Document, parsed: Parsed, gaz: Gazetteer, rules: Rules,
                classify: Classify | None = None) -> RuleOutput:
    """Run every rule over the article (mentions, roles, results, transfers, team sheets);
    ``classify`` judges the names no mention rule claimed."""
    view = ArticleView(doc, parsed)
    sheets = parse_sheets(doc.text)
    find_mentions(view, gaz, rules, sheets, classify)
    view.home_clubs = _home_clubs(gaz)  # ("took over at Turf Moor": the ground's club)
    cues, facts = person_cues(view, rules)
    team_refs = {s.ref for s in view.spans if s.kind in ("club", "national_team")}
    view.set_person_teams([(f.subject, f.object) for f in facts
                           if f.predicate == "memberOf" and f.object in team_refs])
    facts += _our_people(view, rules)
    facts += _pattern_members(view)
    diagnostics: list[str] = []
    counter = [0]
    reports = find_results(view, rules, counter, _home_clubs(gaz), sheets.results)

    sheet_cues, sheet_facts, sheet_reports, sheet_diag = _sheet_facts(view, gaz, sheets, reports, counter)
    cues += sheet_cues
    facts += sheet_facts
    reports += sheet_reports
    diagnostics += sheet_diag

    cues_by_ref: dict[str, set[str]] = {}
    for c in cues:
        cues_by_ref.setdefault(c.ref, set()).add(c.role)
    facts += goal_facts(view, rules, reports)
    facts += won_facts(view, rules, gaz, reports)
    moves, move_cues = transfer_facts(view, rules, cues_by_ref)
    listed = [(f.evidence.start, f.evidence.end) for f in moves if f.evidence.rule == "deals-list"]
    # "In: X (Fluminense, £28m)" is a move from Fluminense, not the live-text "X (Luton Town)"
    facts = [f for f in facts if not (f.evidence.rule == "apposition" and
                                      any(a <= f.evidence.start < b for a, b in listed))]
    facts += moves + _lenders(facts, moves)
    cues += move_cues
    cues += [RoleCue(f.subject, "manager", 0.7, f.evidence) for f in moves if f.evidence.rule == "in-charge"]
    cues += [RoleCue(f.subject, "player", 0.3, f.evidence) for f in moves if f.evidence.rule == "departure-of"]
    cues += [RoleCue(f.subject, "player", 0.5, f.evidence) for f in moves if f.predicate == "linkedWith"]
    cues += [RoleCue(f.subject, "player", 0.6, f.evidence) for f in facts if f.predicate == "scoredIn"]
    cues += _coordination(view, cues)
    facts += _section_members(view, cues, facts)
    facts += _focus_club(view, cues, facts, reports)
    facts += side_owners(view, rules, reports, facts)
    benches = _sent_on_by(view, facts)
    facts += benches
    cues += [RoleCue(f.subject, "manager", 0.6, f.evidence) for f in benches]
    before = _predecessors(view, cues, facts)
    facts += before
    cues += [RoleCue(f.subject, "manager", 0.6, f.evidence) for f in before]
    facts = _manager_by_elimination(view, cues, facts, reports)
    facts += _match_managers(view, cues, facts, reports)
    facts += _rated_players(view, gaz, facts)
    opponents = _opponents(view, rules, facts, reports)
    facts += opponents
    cues += [RoleCue(f.subject, "player", 0.5, f.evidence) for f in opponents]
    mates = _teammates(view, facts, reports, rules.mistakes)
    facts += mates
    cues += [RoleCue(f.subject, "player", 0.4, f.evidence) for f in mates]
    facts += _scoreline_sides(facts, reports)
    facts = _moved_on(_drop_superseded(facts))
    facts = _careers_over(view, facts)
    return RuleOutput(view, cues, facts, reports, diagnostics)


KEEP = 0.05  # person-team judgements below this are not kept at all (--min-confidence filters later)
_TASK_PREDICATE = {"member": "memberOf", "former": "formerMemberOf", "linked": "linkedWith"}


def judge(view: ArticleView, scorer: Scorer, cands: list[Candidate]) -> tuple[list[Fact], tuple[TypeScore, ...]]:
    """Person-team facts and person types from the scorer; every supporting sentence of a fact
    carries its own probability, the fact the article's."""
    facts: list[Fact] = []
    types: list[TypeScore] = []
    team_cands = [c for c in cands if c.task == "team"]
    probs = {id(c): scorer.team_probabilities(c.features) for c in team_cands}
    first = {id(c): probs[id(c)]["member"] for c in team_cands}
    by_person: dict[str, dict[str, float]] = {}
    for c in team_cands:
        by_person.setdefault(c.subject, {})[c.object] = first[id(c)]
    for c in cands:
        if c.task == "type":
            p = scorer.types.probabilities(c.features)
            types.append(TypeScore(c.subject, *(round(p[k], 4) for k in TYPE_CLASSES)))
    for c in team_cands:
        teams = by_person[c.subject]
        for task, model in scorer.team.items():
            if task == "member":  # stage two: this team against the person's others
                prob = scorer.choice.probability(choice_features(teams, c.object, c.role))
            else:
                prob = probs[id(c)][task]
            if prob < KEEP:
                continue
            pred = _TASK_PREDICATE[task]
            sentences = sorted(c.sentences) or [_first_sentence(view, c.subject)]
            for si in sentences:
                local = c.sentences.get(si)
                if local is None:
                    p_s = prob
                elif task == "member":
                    p_s = scorer.choice.probability(choice_features(
                        teams, c.object, c.role, model.probability(c.sentence_features(si))))
                else:
                    p_s = model.probability(c.sentence_features(si))
                fired = sorted((k[5:].split("|")[-1] != pred, k[5:].split("|")[0])  # a rule of this predicate first
                               for k in (local or {}) if k.startswith("rule="))
                rule = "scorer/" + (fired[0][1] if fired else "context")
                facts.append(Fact(c.subject, pred, c.object, view.evidence(si, rule, round(p_s, 4)),
                                  round(prob, 4)))
    return _left_is_left(_member_or_linked(facts)), tuple(types)


_MOVED_IN = MOVE_IN | {"new-contract"}  # a new contract is no spell's start, but he has not left


def _left_is_left(facts: list[Fact]) -> list[Fact]:
    """"Coventry City have sacked manager X": when a rule read the person's departure from the
    team in the article and none read an arrival, the article's membership judgement of that pair
    goes (however often the article calls him the team's manager, he was)."""
    left = {(f.subject, f.object) for f in facts if f.predicate == "formerMemberOf" and rule_of(f.evidence) in MOVE_OUT}
    came = {(f.subject, f.object) for f in facts if f.predicate == "memberOf" and rule_of(f.evidence) in _MOVED_IN}
    return [f for f in facts if not (f.predicate == "memberOf" and (f.subject, f.object) in left - came)]


def _member_or_linked(facts: list[Fact]) -> list[Fact]:
    """A club an article says a player is a member of is not one it says he is linked with, and
    the other way round: of the two judgements of one pair, the more probable stands."""
    best: dict[tuple[str, str, str], float] = {}
    for f in facts:
        if f.predicate in ("memberOf", "linkedWith") and f.probability is not None:
            k = (f.subject, f.predicate, f.object)
            best[k] = max(best.get(k, 0.0), f.probability)

    def loses(f: Fact) -> bool:
        other = "linkedWith" if f.predicate == "memberOf" else "memberOf"
        mine, theirs = best.get((f.subject, f.predicate, f.object)), best.get((f.subject, other, f.object))
        return mine is not None and theirs is not None and (mine < theirs or mine == theirs and other == "memberOf")
    return [f for f in facts if f.predicate not in ("memberOf", "linkedWith") or not loses(f)]


def weigh_rule_facts(view: ArticleView, scorer: Scorer, cands: list[Candidate], facts: list[Fact],
                     reports: list[MatchReport]) -> tuple[list[Fact], list[MatchReport]]:
    """Scorers, honours and results with the scorer's probability that each is right (its
    evidence carries it too): those the rules read, and those the scorer finds beyond them; a
    final also the probability that its winner won the competition (settled across articles)."""
    probs: dict[str, float] = {}
    new: list[Fact] = []
    found: list[MatchReport] = []
    for c in cands:
        if c.task not in FACT_TASKS:
            continue
        model = scorer.facts[c.task]
        p = round(model.probability(c.features), 4)
        if c.origin.startswith("fact:"):
            for n in c.origin[5:].split(","):
                probs[f"fact:{n}"] = p
        elif c.origin:
            probs[c.origin] = p
        elif c.task == "defeated":  # a result the scorer alone reads: a match once it believes it
            if p >= scorer.threshold:
                evidence = tuple(view.evidence(si, "scorer/context", round(model.probability(c.sentence_features(si)), 4))
                                 for si in sorted(c.sentences))
                found.append(MatchReport(key="", teams=(c.subject, c.object), winner=c.subject,
                                         evidence=evidence, probability=p))
        elif p >= KEEP:  # found by the scorer alone: each sentence with its own probability
            for si in sorted(c.sentences):
                p_s = round(model.probability(c.sentence_features(si)), 4)
                new.append(Fact(c.subject, c.task, c.object, view.evidence(si, "scorer/context", p_s), p))
    out_facts = []
    for n, f in enumerate(facts):
        p = probs.get(f"fact:{n}")
        if p is not None:
            f = Fact(f.subject, f.predicate, f.object, replace(f.evidence, confidence=p), p)
        out_facts.append(f)
    out_facts += new
    out_reports = []
    for n, r in enumerate(reports):
        p = probs.get(f"report:{n}")
        if p is not None:
            r = replace(r, evidence=tuple(replace(ev, confidence=p) for ev in r.evidence), probability=p,
                        final_probability=probs.get(f"final:{n}"))
        out_reports.append(r)
    taken = {frozenset(r.teams) for r in reports}
    for r in sorted(found, key=lambda r: -(r.probability or 0.0)):
        if frozenset(r.teams) not in taken:  # one direction of a pairing: the likelier
            taken.add(frozenset(r.teams))
            out_reports.append(replace(r, key=f"M:{view.doc.id}:s{len(out_reports) + 1}"))
    return out_facts, out_reports


def _first_sentence(view: ArticleView, ref: str) -> int:
    return min((view.sent_of[s.start] for s in view.spans if s.ref == ref), default=0)


def _pattern_members(view: ArticleView) -> list[Fact]:
    """Players the data-file "members" patterns tie to a team: "X was rarely troubled in the Beith
    goal", "Alisson, in the Liverpool goal, ..."; or, for a "former" pattern, tied once: "made 120
    appearances in a Morecambe shirt before moving to Carlisle"."""
    out: list[Fact] = []
    for pid, relation, nodes in match(section("members"), view.tokens, view.children):
        person, team = view.span_of(nodes["p"]), view.span_of(nodes["team"])
        if person is None or person.kind != "person" or not person.ref or team is None or \
                team.kind not in TEAM_KINDS or not team.ref:
            continue
        # "former": "made 120 appearances for Morecambe before moving to Carlisle"
        predicate = "formerMemberOf" if relation == "former" else "memberOf"
        out.append(Fact(person.ref, predicate, team.ref, view.evidence(view.sent_of[nodes["p"]], pid, 0.8)))
    return out


def _our_people(view: ArticleView, rules: Rules) -> list[Fact]:
    """'"... and our skipper Henare Walker ran himself into the ground," Mabey said': the person
    after "our" and a role noun plays for (or captains) the team of the person quoted."""
    toks = view.tokens
    out: list[Fact] = []
    for p in view.spans:
        k = p.start - 1
        if p.kind != "person" or p.anaphoric or k < 1 or rules.role_of(toks[k].text) in (None, "other", "manager"):
            continue
        if toks[k - 1].text.lower() != "our":
            continue
        team = speaker_team(view, p.start, set(), reach=3)
        if team is None:
            continue
        ev = view.evidence(view.sent_of[p.start], "our-role", 0.8)
        out.append(Fact(p.ref, "memberOf", team.ref, ev))
        if rules.role_of(toks[k].text) == "captain":
            out.append(Fact(p.ref, "captainOf", team.ref, ev))
    return out


@functools.lru_cache(maxsize=4)
def _home_clubs(gaz: Gazetteer) -> dict[str, str]:
    """stadium ref -> the one club whose home it is ("a 3-1 win at Old Trafford": over United)."""
    return {"G:" + stadium: "G:" + clubs[0] for stadium, clubs in gaz.home_of.items()
            if len(clubs) == 1 and gaz.entries[clubs[0]].type == "Club"}


def _coordination(view: ArticleView, cues: list[RoleCue]) -> list[RoleCue]:
    """"Harvey Elliott and Luis Diaz", "Arnold posed with Andy Robertson": someone named
    alongside a player, with no cue of their own, is probably a player too (a weak vote)."""
    player = {c.ref for c in cues if c.role == "player" and c.weight >= 0.3}
    cued = {c.ref for c in cues}
    toks = view.tokens
    out: list[RoleCue] = []
    for p in (s for s in view.spans if s.kind == "person"):
        head = toks[p.head_index]
        partner = None
        if head.dep == "conj":
            partner = view.span_of(head.head)
        elif head.dep == "pobj" and toks[head.head].text.lower() == "with":
            verb = toks[toks[head.head].head]
            subj = [c for c in view.children[verb.i] if toks[c].dep == "nsubj"]
            partner = view.span_of(subj[0]) if subj else None
        if partner is None or partner.kind != "person":
            continue
        for a, b in ((p, partner), (partner, p)):
            if b.ref in player and a.ref not in cued:
                out.append(RoleCue(a.ref, "player", 0.3, view.evidence(view.sent_of[p.start], "coordination", 0.3)))
                cued.add(a.ref)
    return out


def _section_members(view: ArticleView, cues: list[RoleCue], facts: list[Fact]) -> list[Fact]:
    """A club-by-club round-up ("MANCHESTER UNITED" on a line of its own, then "WIGAN ATHLETIC"):
    a player or manager named by a role noun under a club's heading, in a sentence that names no
    team, with no team of their own in the article, is that club's ("Boss Donald Kerrigan said")."""
    sections = section_teams(view)
    if len({s for s in sections if s}) < 2:
        return []
    attached = {f.subject for f in facts if f.predicate in ("memberOf", "formerMemberOf", "linkedWith")}
    out: dict[str, Fact] = {}
    for c in sorted(cues, key=lambda c: c.evidence.start):
        if c.role not in ("player", "manager", "captain") or c.evidence.rule != "role-noun" or c.ref in attached \
                or c.ref in out:
            continue
        si = view.sentence_at(c.evidence.start)
        if sections[si] is not None and not view.sentence_spans(si, TEAM_KINDS):
            out[c.ref] = Fact(c.ref, "memberOf", sections[si], replace(c.evidence, rule="section-heading", confidence=0.7))
    return list(out.values())


def _focus_club(view: ArticleView, cues: list[RoleCue], facts: list[Fact],
                reports: list[MatchReport]) -> list[Fact]:
    """An article about one club: its players and staff with no team of their own in the article
    belong to it ("Kelleher kept a clean sheet" in a Liverpool story). A player the club's keeper
    denied belongs to the opponent in the article's match. Low confidence, rule "article-focus"."""
    focus = view.focus_club()
    if focus is None:
        return []
    clubs = {s.ref for s in view.spans if s.kind == "club"}
    attached = {f.subject for f in facts
                if f.predicate in ("memberOf", "formerMemberOf", "linkedWith") and f.object in clubs}
    by_ref: dict[str, list[RoleCue]] = {}
    for c in cues:
        by_ref.setdefault(c.ref, []).append(c)
    opponents = {t for r in reports if focus in r.teams for t in r.teams if t != focus}
    out: list[Fact] = []
    for ref, cs in sorted(by_ref.items()):
        roles = {c.role for c in cs}
        if ref in attached or not roles & {"player", "manager", "captain"} or "other" in roles:
            continue
        first = min(cs, key=lambda c: c.evidence.start)
        ev = first.evidence
        if _named_with_other_club(view, ref, focus):
            continue
        team = focus
        if {c.evidence.rule for c in cs} == {"denied-by-save"}:
            if len(opponents) != 1:
                continue
            team = next(iter(opponents))
        out.append(Fact(ref, "memberOf", team, type(ev)(ev.doc_id, ev.sentence, ev.start, ev.end,
                                                         "article-focus", 0.5)))
    return out


def _rated_players(view: ArticleView, gaz: Gazetteer, facts: list[Fact]) -> list[Fact]:
    """A player-ratings article ("Man United ratings: ...") rates one team's players."""
    from kg.mentions import rating_lines

    lines = rating_lines(view.doc.text)
    if not lines:
        return []
    # the headline: the first sentence that says "ratings" (a saved page opens with its title and nav)
    si = next((k for k in range(min(12, len(view.sents))) if "rating" in view.sentence_text(k).lower()), 0)
    head_start, head_end = view.sents[si] if view.sents else (0, 0)
    title = [s for s in view.spans_in(head_start, head_end, ("club", "national_team"))]
    rating = next((i for i in range(head_start, head_end) if view.tokens[i].text.lower().startswith("rating")), None)
    # "Newcastle United player ratings vs Sunderland": the team named just before "ratings"
    rated = [s for s in title if rating is not None and 0 <= rating - s.end <= 2]
    team = rated[-1].ref if rated else title[0].ref if len(title) == 1 and rating is not None \
        else view.focus_club()
    headings = _team_headings(view)
    if team is None and not headings:
        return []
    clubs = {s.ref for s in view.spans if s.kind == "club"}
    attached = {f.subject for f in facts if f.predicate == "memberOf" and f.object in clubs}
    out = []
    for m in lines:
        span = view.span_of(view.token_at_char(m.start(1)))
        # both sides rated, each under its heading ("Aston Villa (4-2-3-1)", "NOTTS COUNTY PLAYER
        # RATINGS" in a report whose headline names both)
        section = next((ref for at, ref in reversed(headings) if at < m.start()), None)
        if span and span.kind == "person" and (section or team and span.ref not in attached):
            ev = view.char_evidence(m.start(), m.end(), "ratings-team", 0.7)
            out.append(Fact(span.ref, "memberOf", section or team, ev))
    return out


_HEADING_EXTRAS = re.compile(r"\s*(?:\(\d(?:-\d){2,4}\)|\d(?:-\d){2,4}|player ratings|ratings|starting xi|xi|line-?up)\s*[:.]?\s*$", re.I)


def _team_headings(view: ArticleView) -> list[tuple[int, str]]:
    """Lines that are only a team's name, perhaps with its formation or "ratings" after it: where
    each section of a two-team ratings piece starts (offset, team)."""
    # an upper-case heading ("AMÉRICA") is the team the article writes "América" elsewhere
    named = {name_key(s.text): s.ref for s in view.spans if s.kind in ("club", "national_team") and s.ref}
    out = []
    for m in re.finditer(r"(?m)^[ \t]*(\S[^\n]{0,60}?)[ \t]*$", view.doc.text):
        name = _HEADING_EXTRAS.sub("", m.group(1)).strip()
        if not name:
            continue
        span = view.span_of(view.token_at_char(m.start(1)))
        if span is not None and span.kind in ("club", "national_team") and span.text == name:
            out.append((m.start(), span.ref))
        elif name.isupper() and name_key(name) in named:
            out.append((m.start(), named[name_key(name)]))
    return out


def _opponents(view: ArticleView, rules: Rules, facts: list[Fact], reports: list[MatchReport]) -> list[Fact]:
    """A player the goalkeeper saved from or denied plays for the other side of the match."""
    toks = view.tokens
    member = {}
    for f in facts:
        if f.predicate == "memberOf":
            member.setdefault(f.subject, f.object)
    out = []
    for t in toks:
        if t.lemma.lower() not in rules.save_verbs or t.pos not in ("VERB", "NOUN"):
            continue
        at = t.i
        if t.pos == "NOUN":  # "Rathbone kept Arsenal in it with an excellent save from Langford"
            at = next((a for a in view.ancestors(t.i) if toks[a].pos in ("VERB", "AUX")), None)
            if at is None or not any(toks[c].text.lower() == "from" for c in view.children[t.i]):
                continue
        subj = view.clause_subject(at)  # "X produced fine saves to keep out Y"
        keeper = view.span_of(subj[0]) if subj else None
        if keeper is None and subj:  # "Birmingham keeper Stanislav Hruby": the name hung on the role noun
            keeper = next((view.span_of(c) for c in view.children[subj[0]]
                           if toks[c].dep == "appos" and view.span_of(c)), None)
        if keeper is None or keeper.kind != "person" or keeper.ref not in member:
            continue
        denied_heads = [c for c in view.children[t.i] if toks[c].dep == "dobj"] + \
            [g for c in view.children[t.i] if toks[c].text.lower() == "from" for g in view.children[c]
             if toks[g].dep == "pobj"]
        denied = []
        for h in denied_heads:
            stack = [h]
            while stack:
                x = stack.pop()
                span = view.span_of(x)
                if span and span.kind == "person":
                    denied.append(span)
                stack.extend(c for c in view.children[x] if toks[c].dep == "conj")
        own = member[keeper.ref]
        sides = {r.teams for r in reports if own in r.teams}
        others = {team for pair in sides for team in pair if team != own}
        if len(others) != 1:
            continue
        other = next(iter(others))
        si = view.sent_of[t.i]
        for d in denied:
            if d.ref not in member:
                out.append(Fact(d.ref, "memberOf", other, view.evidence(si, "denied-by-keeper", 0.7)))
    return out


_SERVICE_NOUNS = {"cross", "pass", "cut-back", "cutback", "corner", "free-kick", "through-ball", "lay-off",
                  "delivery", "assist", "knock-down", "flick", "flick-on", "centre", "ball", "set-piece", "throw"}


def _scoreline_sides(facts: list[Fact], reports: list[MatchReport]) -> list[Fact]:
    """The score accounts for the goals: in a 2-0 win every scorer played for the winner; in a 3-1
    win, once the loser's one scorer is known, the others played for the winner ("Mateo Quiroga
    scored twice ... and LAFC beat Real Salt Lake 3-1"; "Ferrante pulled one back for RSL")."""
    by_pair: dict[frozenset[str], list[MatchReport]] = {}
    for r in reports:
        by_pair.setdefault(frozenset(r.teams), []).append(r)
    teams_of: dict[str, set[str]] = {}
    for f in facts:
        if f.predicate == "memberOf":
            teams_of.setdefault(f.subject, set()).add(f.object)
    out: list[Fact] = []
    for pair, rs in by_pair.items():
        winners = {r.winner for r in rs}
        losses = {r.loser_score for r in rs if r.winner and r.loser_score is not None}
        if len(pair) != 2 or len(winners) != 1 or None in winners or len(losses) != 1:
            continue  # a draw, a disputed result or no score: the goals say nothing
        winner = next(iter(winners))
        loser = next(t for t in pair if t != winner)
        keys = {r.key for r in rs}
        goals = [f for f in facts if f.predicate == "scoredIn" and f.object in keys]
        scorers = sorted({f.subject for f in goals})
        known_losers = [p for p in scorers if teams_of.get(p, set()) & pair == {loser}]
        if len(known_losers) < next(iter(losses)):
            continue
        for p in scorers:
            if not teams_of.get(p, set()) & pair:
                ev = next(f.evidence for f in goals if f.subject == p)
                out.append(Fact(p, "memberOf", winner, replace(ev, rule="scoreline-sides", confidence=0.75)))
    return out


def _teammates(view: ArticleView, facts: list[Fact], reports: list[MatchReport],
               mistakes: frozenset[str] = frozenset()) -> list[Fact]:
    """"X swept home Y's cut-back", "X met Y's corner": the provider plays for the scorer's side;
    "X turned Y's cross into his own net": for the other side."""
    toks = view.tokens
    team_of: dict[str, str] = {}
    clubs = {s.ref for s in view.spans if s.kind in ("club", "national_team")}
    # a side of a match first: "a cut-back from Tunisia international X" in a Cairo derby is from
    # X's club's side
    sides = {t for r in reports for t in r.teams}
    national = {s.ref for s in view.spans if s.kind == "national_team"}
    for f in sorted((f for f in facts if f.predicate == "memberOf" and f.object in clubs),
                    key=lambda f: f.object not in sides):
        team_of.setdefault(f.subject, f.object)
    out: list[Fact] = []
    for b in (s for s in view.spans if s.kind == "person"):
        head = toks[b.head_index]
        noun = toks[head.head]
        provided = head.dep == "poss"
        if head.dep == "pobj" and noun.text.lower() == "from" and noun.head != noun.i:
            noun = toks[noun.head]  # "headed in a corner from X"
            provided = True
        word = noun.text.lower()
        if noun.i >= 2 and toks[noun.i - 1].text == "-" and not toks[noun.i - 1].ws:
            word = toks[noun.i - 2].text.lower() + "-" + word  # "cut-back"
        if not provided or (noun.lemma.lower() not in _SERVICE_NOUNS and word not in _SERVICE_NOUNS):
            continue
        verb = next((a for a in view.ancestors(noun.i)[:5] if toks[a].pos == "VERB"), None)
        if verb is None or noun.dep not in ("dobj", "pobj", "appos", "conj", "nsubjpass"):
            continue
        subj = view.clause_subject(verb)
        if noun.dep == "nsubjpass":  # "X's cross was headed in by Y"
            subj = [g for c in view.children[verb] if toks[c].dep == "agent" for g in view.children[c]
                    if toks[g].dep == "pobj"]
        if not subj and toks[verb].dep == "acl":  # "Leeds striker X headed in Y's cross" read as a participle
            subj = [toks[verb].head]
        a = view.span_of(subj[0]) if subj else None
        if a is None or a.kind != "person" or a.ref == b.ref:
            continue
        si = view.sent_of[b.start]
        s, e = view.sents[si]
        own = any(toks[k].text.lower() == "own" and k + 1 < e and toks[k + 1].lemma.lower() in ("net", "goal")
                  for k in range(s, e))
        given_away = mistaken(view, noun.i, mistakes)  # "pounced on a loose pass from X": X is on the other side
        for x, y in ((a, b), (b, a)):
            if x.ref not in team_of or y.ref in team_of:
                continue
            team = team_of[x.ref]
            if team in national and team not in sides and clubs - national:
                continue  # his country, in a report of a club match
            if own or given_away:
                sides = {t for r in reports if team in r.teams for t in r.teams if t != team}
                if len(sides) != 1:
                    continue
                team = next(iter(sides))
            rule = "own-goal-provider" if own else "gave-away" if given_away else "teammate"
            out.append(Fact(y.ref, "memberOf", team, view.evidence(si, rule, 0.6)))
            team_of[y.ref] = team
    out.extend(_substitutions(view, team_of))
    return out


def _substitutions(view: ArticleView, team_of: dict[str, str]) -> list[Fact]:
    """"X replaces Y", "X comes on for Y": one side's two players; the team is the one either is
    given, or a live-text line that names only the team ("Tottenham Hotspur. X replaces Y")."""
    toks = view.tokens
    out: list[Fact] = []
    for t in toks:
        lemma = t.lemma.lower()
        if t.pos != "VERB" or lemma not in ("replace", "come"):
            continue
        kids = view.children[t.i]
        if lemma == "replace":
            others = [c for c in kids if toks[c].dep == "dobj"]
        elif any(toks[c].text.lower() == "on" for c in kids):
            others = [g for c in kids if toks[c].text.lower() == "for" for g in view.children[c] if toks[g].dep == "pobj"]
        else:
            continue
        subj = [c for c in kids if toks[c].dep == "nsubj"]
        a = view.span_of(subj[0]) if subj else None
        b = view.span_of(others[0]) if others else None
        if a is None or b is None or a.kind != "person" or b.kind != "person" or a.ref == b.ref:
            continue
        si = view.sent_of[t.i]
        team = None
        if si > 0:
            prev = view.sentence_spans(si - 1)
            s, e = view.sents[si - 1]
            words = [x for x in toks[s:e] if x.text.strip() and x.pos != "PUNCT"]
            if len(prev) == 1 and prev[0].kind in ("club", "national_team") and \
                    all(prev[0].start <= x.i < prev[0].end for x in words):
                team = prev[0].ref
        for x, y in ((a, b), (b, a)):
            ref = team or team_of.get(x.ref)
            if ref is None or y.ref in team_of and team_of[y.ref] != ref:
                continue
            out.append(Fact(y.ref, "memberOf", ref, view.evidence(si, "substitution", 0.6)))
            if team is not None and x.ref not in team_of:
                out.append(Fact(x.ref, "memberOf", ref, view.evidence(si, "substitution", 0.6)))
                team_of[x.ref] = ref
            team_of[y.ref] = ref
    return out


_SENT_ON = {"send", "bring", "throw"}


def _sent_on_by(view: ArticleView, facts: list[Fact]) -> list[Fact]:
    """"Lindsay sent on Ogilvie for Laing", "Kenward brought on Tom Ellis": who sends players on
    manages their team (the team the article gives the players, when it gives them one)."""
    toks = view.tokens
    member: dict[str, set[str]] = {}
    for f in facts:
        if f.predicate == "memberOf":
            member.setdefault(f.subject, set()).add(f.object)
    out: list[Fact] = []
    for t in toks:
        if t.pos != "VERB" or t.lemma.lower() not in _SENT_ON:
            continue
        on = [c for c in view.children[t.i] if toks[c].text.lower() == "on" and toks[c].dep in ("prt", "prep")]
        if not on:
            continue
        heads = [c for c in view.children[t.i] if toks[c].dep == "dobj"] + \
            [g for c in on for g in view.children[c] if toks[g].dep == "pobj"]
        if heads:  # "... and later Fairlie for Cowie": a second player sent on, joined to the verb
            heads += [c for c in view.children[t.i] if toks[c].dep == "conj" and toks[c].pos == "PROPN"]
        sent = [x for h in heads if (x := view.span_of(h)) is not None and x.kind == "person"]
        teams = {team for x in sent for team in member.get(x.ref, ()) if len(member.get(x.ref, ())) == 1}
        boss = next((x for c in view.children[t.i] if toks[c].dep == "nsubj"
                     and (x := view.span_of(c)) is not None and x.kind == "person"), None)
        if boss is None or len(teams) != 1 or boss.ref in {x.ref for x in sent} or \
                member.get(boss.ref, teams) != teams:
            continue
        out.append(Fact(boss.ref, "memberOf", teams.pop(), view.evidence(view.sent_of[t.i], "sent-on-by", 0.6)))
    return out


_APPOINT = {"appoint", "hire", "name", "install", "bring", "unveil", "confirm"}


def _predecessors(view: ArticleView, cues: list[RoleCue], facts: list[Fact]) -> list[Fact]:
    """"Marchand, appointed in June to replace Roberto Ciampa", "Restrepo, who replaced the sacked
    Gustavo Cárdenas", "Aaltonen, who took over from Pieter van Gorp": the man a manager replaced
    once managed the manager's one team. (Not a player who replaces another, nor a rumour's
    "to replace": the replacer must be a manager, the replacing done.)"""
    toks = view.tokens
    weight: dict[str, Counter[str]] = {}
    for c in cues:
        weight.setdefault(c.ref, Counter())[c.role] += c.weight
    team_of: dict[str, set[str]] = {}
    for f in facts:
        if f.predicate == "memberOf":
            team_of.setdefault(f.subject, set()).add(f.object)

    def person(i: int) -> Span | None:
        x = view.span_of(i)
        return x if x is not None and x.kind == "person" and x.ref else None

    out: list[Fact] = []
    for t in toks:
        lemma = t.lemma.lower()
        if t.pos != "VERB":
            continue
        if lemma in ("replace", "succeed"):
            olds = [c for c in view.children[t.i] if toks[c].dep == "dobj"]
        elif lemma == "take" and any(toks[c].dep == "prt" and toks[c].text.lower() == "over" for c in view.children[t.i]):
            olds = [g for c in view.children[t.i] if toks[c].dep == "prep" and toks[c].text.lower() == "from"
                    for g in view.children[c] if toks[g].dep == "pobj"]
        else:
            continue
        governor = toks[t.head]
        done = t.tag in ("VBD", "VBN") or t.tag == "VB" and t.dep in ("xcomp", "advcl") and \
            governor.lemma.lower() in _APPOINT and governor.tag in ("VBD", "VBN")
        if not done or not olds:
            continue
        new = None
        for c in view.children[t.i]:
            if toks[c].dep == "nsubj" and toks[c].text.lower() not in ("who", "that"):
                new = person(c)
        if new is None and t.dep in ("relcl", "acl"):
            new = person(t.head)
        if new is None and t.dep in ("xcomp", "advcl"):
            new = next((x for c in view.children[governor.i] if toks[c].dep in ("nsubj", "nsubjpass")
                        and (x := person(c)) is not None), None) or (person(governor.head) if governor.dep in ("acl", "relcl") else None)
        old = next((x for o in olds if (x := person(o)) is not None), None)
        if new is None or old is None or new.ref == old.ref:
            continue
        roles = weight.get(new.ref, Counter())
        si = view.sent_of[t.i]
        # his one team; else the one the sentence names; else the article's club
        teams = team_of.get(new.ref) or {x.ref for x in view.sentence_spans(si, TEAM_KINDS)} or \
            ({view.main_club()} if view.main_club() else set())
        if roles["manager"] <= roles["player"] or len(teams) != 1:
            continue
        out.append(Fact(old.ref, "formerMemberOf", next(iter(teams)), view.evidence(si, "predecessor", 0.6)))
    return out


def _match_managers(view: ArticleView, cues: list[RoleCue], facts: list[Fact],
                    reports: list[MatchReport]) -> list[Fact]:
    """In a report of one match, a manager with no team ("Sebastian Ocampo's side were
    irresistible") manages the side whose manager is not otherwise named."""
    pairs: dict[tuple[str, ...], int] = {}
    for r in reports:
        pairs[tuple(sorted(r.teams))] = pairs.get(tuple(sorted(r.teams)), 0) + 1
    if not pairs:
        return []
    ranked = sorted(pairs.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return []
    teams = set(ranked[0][0])
    manager_score: dict[str, float] = {}
    for c in cues:
        if c.role in ("manager", "player", "other"):
            manager_score[c.ref] = manager_score.get(c.ref, 0.0) + (c.weight if c.role == "manager" else -c.weight)
    managers = {ref for ref, score in manager_score.items() if score > 0.5}
    assigned = {f.subject: f.object for f in facts if f.predicate == "memberOf" and f.subject in managers}
    moved = {f.subject for f in facts if f.predicate == "formerMemberOf"}  # a sacked manager is nobody's now
    free = sorted(m for m in managers if m not in assigned and m not in moved)
    taken = {t for t in assigned.values() if t in teams}
    open_teams = sorted(teams - taken)

    def fact(ref: str, team: str) -> Fact:
        ev = min((c for c in cues if c.ref == ref), key=lambda c: c.evidence.start).evidence
        return Fact(ref, "memberOf", team, type(ev)(ev.doc_id, ev.sentence, ev.start, ev.end, "other-side-manager", 0.6))

    if len(free) == 1 and len(open_teams) == 1 and len(taken) == 1:
        return [fact(free[0], open_teams[0])]
    if len(free) != 2 or len(open_teams) != 2 or taken:
        return []
    # both managers free: "Newcastle eased the pressure on manager Glenn Rothery" gives one (the
    # team named before his first mention in its sentence); "Stuart Halloran's side" the other
    guess: dict[str, str] = {}
    for ref in free:
        first = min((x for x in view.spans if x.ref == ref), key=lambda x: x.start)
        before = [x.ref for x in view.sentence_spans(view.sent_of[first.start], ("club", "national_team"))
                  if x.end <= first.start and x.ref in teams]
        if before:
            guess[ref] = before[-1]
    if len(guess) == 1:
        (ref, team), = guess.items()
        guess[next(m for m in free if m != ref)] = next(t for t in open_teams if t != team)
    if len(set(guess.values())) != 2:
        return []
    return [fact(ref, team) for ref, team in sorted(guess.items())]


def _named_with_other_club(view: ArticleView, ref: str, focus: str) -> bool:
    """Whether every sentence naming the person also names a club other than the focus club."""
    sents = {view.sent_of[s.start] for s in view.spans if s.ref == ref}
    if not sents:
        return False
    return all(any(s.kind == "club" and s.ref != focus for s in view.sentence_spans(si)) for si in sents)


def _lenders(facts: list[Fact], moves: list[Fact]) -> list[Fact]:
    """"Ipswich have signed Fulham midfielder Joe Carrow on loan": in a loan's sentence, the club
    of the role noun on the player who moved is the club lending him."""
    joined = {(f.subject, f.evidence.start): f.object for f in moves
              if f.predicate == "memberOf" and _LOAN.search(f.evidence.sentence)}
    return [Fact(f.subject, LOANED_FROM, f.object, replace(f.evidence, rule="loan-parent", confidence=0.8))
            for f in facts if f.predicate == "memberOf" and f.evidence.rule == "club-role-noun"
            and joined.get((f.subject, f.evidence.start), f.object) != f.object]


_LOAN = re.compile(r"\bloan", re.I)


_LABEL_RULES = {"club-role-noun", "possessive-club", "apposition"}


def _moved_on(facts: list[Fact]) -> list[Fact]:
    """"Everton have completed the signing of Brentford keeper X": the club named on the person is
    the one he leaves (not on a loan, where the parent club keeps him)."""
    moved = {"transfer"} | {p.id for p in move_patterns()}  # "Sunderland added Crewe defender X to their squad"
    moves = {(f.subject, f.evidence.start) for f in facts
             if f.predicate == "memberOf" and f.evidence.rule in moved
             and "loan" not in f.evidence.sentence.lower()}
    if not moves:
        return facts
    dest = {(f.subject, f.evidence.start, f.object) for f in facts
            if f.predicate == "memberOf" and f.evidence.rule in moved}
    return [Fact(f.subject, "formerMemberOf", f.object, f.evidence)
            if f.predicate == "memberOf" and f.evidence.rule in _LABEL_RULES
            and (f.subject, f.evidence.start) in moves and (f.subject, f.evidence.start, f.object) not in dest
            else f for f in facts]


_CAREER_ENDS = {"die", "retire"}


def _careers_over(view: ArticleView, facts: list[Fact]) -> list[Fact]:
    """Someone who died or retired ("He died on February 19", "After retiring in 1980 he ran a
    newsagent's") no longer plays for anyone: the clubs the article gives them (before the
    retirement) are former clubs. Not "retired hurt", nor retiring from international football."""
    toks = view.tokens
    gone: dict[str, int] = {}  # person -> facts read before this character offset are past
    for t in toks:
        if t.pos != "VERB" or t.lemma.lower() not in _CAREER_ENDS:
            continue
        kids = {toks[c].text.lower() for c in view.children[t.i]} | {toks[c].dep for c in view.children[t.i]}
        if kids & {"neg", "hurt", "injured"} or any(toks[i].lemma.lower() in ("international", "country")
                                                    for i in view.subtree(t.i)):
            continue
        # after a death every club is past; after a retirement, those named before it (a player
        # who retired may now manage a club named later)
        upto = 1 << 62 if t.lemma.lower() == "die" else view.evidence(view.sent_of[t.i], "career-end", 1.0).end
        for sub in view.clause_subject(t.i, relcl_head=True):
            span = view.span_of(sub)
            if span is not None and span.kind == "person" and span.ref:
                gone[span.ref] = max(gone.get(span.ref, 0), upto)
    if not gone:
        return facts
    return [Fact(f.subject, "formerMemberOf", f.object, f.evidence)
            if f.predicate == "memberOf" and f.evidence.start < gone.get(f.subject, -1) else f for f in facts]


def _drop_superseded(facts: list[Fact]) -> list[Fact]:
    """A departure or completed move in a sentence overrides a membership read from that sentence."""
    former = {(f.subject, f.object, f.evidence.start) for f in facts if f.predicate == "formerMemberOf"}
    return [f for f in facts if not (f.predicate == "memberOf" and
                                     (f.subject, f.object, f.evidence.start) in former)]


def _other_side(gaz: Gazetteer, view: ArticleView, sheets, reports: list[MatchReport]) -> str | None:
    """The team of the one line-up under no team's name when the only other line-up is labelled:
    the other side of the match the article reports most ("PLAYER RATINGS" of the home side above
    "UDINESE: Scaglia, ...")."""
    labelled = {_team_ref(gaz, x.team, view) for x in sheets.sheets if team_label(x.team)} - {None}
    if len(labelled) != 1:
        return None
    team = next(iter(labelled))
    told = Counter(r.teams[1] if r.teams[0] == team else r.teams[0] for r in reports
                   if team in r.teams and r.teams[0] != r.teams[1]).most_common(2)
    return told[0][0] if told and (len(told) == 1 or told[0][1] > told[1][1]) else None


def _manager_by_elimination(view: ArticleView, cues: list[RoleCue], facts: list[Fact],
                            reports: list[MatchReport]) -> list[Fact]:
    """The one manager named only by their side ("Guido Pagliuca's side hit back") in the report
    of one match whose other side has a manager the rules placed ("Liverpool manager Colin
    Ledsham"): the team left over, instead of the article's club guessed for him."""
    told = Counter()
    for r in reports:
        if r.teams[0] != r.teams[1]:
            told[tuple(sorted(r.teams))] += len(r.evidence)
    ranked = told.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) == 2 and 2 * ranked[1][1] > ranked[0][1]):
        return facts
    pair = ranked[0][0]
    managers = {c.ref for c in cues if c.role == "manager"}
    owners = {c.ref for c in cues if c.role == "manager" and c.evidence.rule == "possessed-team"}
    placed: dict[str, set[str]] = {}
    for f in facts:
        if f.predicate == "memberOf" and f.subject in managers and f.evidence.rule != "article-focus":
            placed.setdefault(f.subject, set()).add(f.object)
    unplaced = sorted(owners - set(placed))
    known = {t for p, teams in placed.items() for t in teams if t in pair}
    if len(unplaced) != 1 or len(known) != 1:
        return facts
    person, other = unplaced[0], next(t for t in pair if t not in known)
    cue = next(c for c in cues if c.ref == person and c.evidence.rule == "possessed-team")
    return [f for f in facts if not (f.subject == person and f.evidence.rule == "article-focus")] + \
        [Fact(person, "memberOf", other, replace(cue.evidence, rule="side-owner-elimination", confidence=0.5))]


def _sheet_facts(view: ArticleView, gaz: Gazetteer, sheets, reports: list[MatchReport],
                 counter: list[int]) -> tuple[list[RoleCue], list[Fact], list[MatchReport], list[str]]:
    cues: list[RoleCue] = []
    facts: list[Fact] = []
    new_reports: list[MatchReport] = []
    diagnostics: list[str] = []
    teams: list[str] = []

    def ref_at(start: int) -> str | None:
        span = view.span_of(view.token_at_char(start))
        return span.ref if span and span.kind == "person" else None

    unlabelled = sum(1 for sheet in sheets.sheets if not team_label(sheet.team) and not sheet.squad)
    for sheet in sheets.sheets:
        # a line-up under no team's name ("Probable XI:") is the article's own club's (a club
        # website), if it has one; a squad by position is the team the article is about (a
        # season preview, a national squad)
        team = _team_ref(gaz, sheet.team, view) if team_label(sheet.team) else \
            (view.focus_club() or view.leading_team(("club", "national_team"))) if sheet.squad else \
            _scorers_team(gaz, view, sheet, sheets.team_goals) or (
                view.focus_club() or _other_side(gaz, view, sheets, reports) if unlabelled == 1 else None)
        ev = view.char_evidence(sheet.start, sheet.end, "teamsheet", 0.95)
        if team is None:
            diagnostics.append(Warnings.W101.format(source=view.doc.source, team=sheet.team))
            continue
        teams.append(team)
        for name in sheet.players:
            ref = ref_at(name.start)
            if ref:
                cues.append(RoleCue(ref, "player", 1.0, ev))
                facts.append(Fact(ref, "memberOf", team, ev))
                if name.captain:
                    cues.append(RoleCue(ref, "captain", 1.0, replace(ev, rule="teamsheet-captain")))
        for name in sheet.managers:
            ref = ref_at(name.start)
            if ref:
                cues.append(RoleCue(ref, "manager", 1.0, replace(ev, rule="teamsheet-manager")))
                facts.append(Fact(ref, "memberOf", team, replace(ev, rule="teamsheet-manager")))
    if sheets.referee:
        ref = ref_at(sheets.referee.start)
        if ref:
            cues.append(RoleCue(ref, "other", 1.5, view.char_evidence(
                sheets.referee.start, sheets.referee.end, "teamsheet-referee", 0.95)))
    sheet_match = None  # the match of the two line-ups, when the sheets tell its goals
    coded = [_team_ref(gaz, line.team.name, view) for line in sheets.team_goals]
    if len(teams) == 2 and (sheets.goals or any(team in teams for team in coded)):
        pair = sorted(teams)
        match = next((r.key for r in reports if sorted(r.teams) == pair), None)
        if match is None:
            counter[0] += 1
            start = min(s.start for s in sheets.sheets)
            end = max(s.end for s in sheets.sheets)
            report = MatchReport(f"M:{view.doc.id}:{counter[0]}", (teams[0], teams[1]),
                                 evidence=(view.char_evidence(start, end, "teamsheet", 0.9),))
            new_reports.append(report)
            match = report.key
        sheet_match = match
    elif len(teams) == 1 and sheets.goals:
        # one side's line-up ("Goals: Thornley 21, 79; Grimwade 66 - Tolley 52" under it): the one
        # pairing the article reports that team in
        pairs = {tuple(sorted(r.teams)): r.key for r in reports if teams[0] in r.teams and r.key not in view.earlier_matches}
        sheet_match = next(iter(pairs.values())) if len(pairs) == 1 else None
    for goal in sheets.goals if sheet_match else ():
        ref = ref_at(goal.scorer.start)
        if ref and not goal.own_goal:
            rule = f"teamsheet-goal@{goal.minute}'" if goal.minute is not None else "teamsheet-goal"
            facts.append(Fact(ref, "scoredIn", sheet_match, view.char_evidence(
                goal.scorer.start, goal.scorer.end + 4, rule, 0.95)))
    def scorer(goal: Goal, team: str, match: str | None, start: int, end: int) -> None:
        """One name of a scorers line: a player of its team and, when the match is known, a goal in it."""
        ref = ref_at(goal.scorer.start)
        if ref is None or goal.own_goal:
            return
        ev = view.char_evidence(start, end, "scorer-line", 0.9)
        cues.append(RoleCue(ref, "player", 1.0, ev))
        facts.append(Fact(ref, "memberOf", team, ev))
        if match is not None:
            rule = f"scorer-line@{goal.minute}'" if goal.minute is not None else "scorer-line"
            facts.append(Fact(ref, "scoredIn", match, replace(ev, rule=rule)))

    for line, team in zip(sheets.team_goals, coded):  # "Hamworthy: Seabright 41, Lambkin 67 (pen)"
        games = [r.key for r in reports + new_reports if team in r.teams]
        game = sheet_match if sheet_match and team in teams else games[0] if len(games) == 1 else None
        for goal in line.goals if team else ():
            scorer(goal, team, game, line.start, line.end)
    for flash in sheets.flashes:  # "GOAL! Sheffield Utd 1-2 Wolves (Montenegro 61)": a goal in that match
        pair = sorted({_team_ref(gaz, flash.home.name, view), _team_ref(gaz, flash.away.name, view)} - {None})
        game = next((r.key for r in reports + new_reports if len(pair) == 2 and sorted(r.teams) == pair), None)
        ref = ref_at(flash.goal.scorer.start)
        if game is not None and ref is not None:
            rule = f"goal-flash@{flash.goal.minute}'" if flash.goal.minute is not None else "goal-flash"
            facts.append(Fact(ref, "scoredIn", game, view.char_evidence(flash.start, flash.end, rule, 0.9)))
    for scored in sheets.scorer_lines:  # "(Hübner 23', Vossberg 90+2' - Wierzbicki 67')" under its scoreline
        si = view.sent_of[view.token_at_char(scored.result_start)]
        report = next((r for r in reports if r.evidence and r.evidence[0].rule in ("scoreline", "result-line")
                       and view.sentence_at(r.evidence[0].start) == si), None)
        if report is None:
            continue
        for team, goals in zip(report.teams, (scored.home, scored.away)):
            for goal in goals:
                scorer(goal, team, report.key, scored.start, scored.end)
    return cues, facts, new_reports, diagnostics


def _scorers_team(gaz: Gazetteer, view: ArticleView, sheet: Sheet, team_goals: tuple[TeamGoals, ...]) -> str | None:
    """A line-up under no team's name is the team whose scorers line names its players:
    "LINE-UP" on a club's website, then "Hamworthy: Seabright 41, Kimber 88" under "GOALS"."""
    surnames = {p.name.split()[-1] for p in sheet.players}
    owners = {_team_ref(gaz, line.team.name, view) for line in team_goals
              if line.goals and all(g.scorer.name.split()[-1] in surnames for g in line.goals)}
    owners.discard(None)
    return owners.pop() if len(owners) == 1 else None


def _team_ref(gaz: Gazetteer, label: str, view: ArticleView) -> str | None:
    label = team_label(label)
    key = name_key(label)
    if key in gaz.by_name:
        ref = "G:" + gaz.by_name[key]
        refs = {s.ref for s in view.spans}
        if ref not in refs:  # the article is about this club's women's or youth team ("Man City")
            names = {key} | {name_key(n) for n in gaz.names(gaz.entries[ref[2:]])}
            variants = sorted(r for r in refs if r.startswith("U:") and
                              any(name_key(r[2:]).startswith(n + " ") for n in names))
            if len(variants) == 1:
                return variants[0]
        return ref
    named = {s.ref for s in view.spans if s.kind == "club"}
    options = [c for c in gaz.by_nickname.get(key, ()) if "G:" + c in named]
    if len(options) == 1:
        return "G:" + options[0]
    for s in view.spans:
        if s.kind == "club" and name_key(s.text) == key:
            return s.ref
    # "Kotoko line-up:" in a report that names Asante Kotoko: the one team whose name has the words
    owners = {s.ref for s in view.spans if s.kind in ("club", "national_team") and s.ref
              and f" {key} " in f" {name_key(s.text)} "}
    if len(owners) == 1:
        return owners.pop()
    coded = coded_teams(label, view.spans)
    return coded.pop() if len(coded) == 1 else None
