"""Candidate facts of one article and their features.

Two tasks:
  ``team``: every (person, team) pair the article names, to be judged member / former member /
           linked (a rumour) / none;
  ``type``: every person, to be judged Player / Manager / Person / not an annotated person.

A candidate keeps its features twice: for the whole article (what the model is trained and
judged on), and per supporting sentence (so each piece of evidence gets its own probability).
Every rule that fired for the pair is a feature, beside the syntax and the article's context.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from itertools import permutations

from kg.article import SPEECH_VERBS, TEAM_KINDS, ArticleView, Span
from kg.goals import is_goal
from kg.learn.features import bucket, governor, path_features, surface_features, word
from kg.learn.sides import infer, links, main_pair
from kg.lexicon import SCORE, Rules
from kg.records import LOANED_FROM, Fact, MatchReport, RoleCue

TEAM_PREDICATES = ("memberOf", "formerMemberOf", "linkedWith")
RULE_PREDICATES = TEAM_PREDICATES + (LOANED_FROM,)  # rule facts the candidates read as features
ROLES = ("player", "manager", "captain", "other")


@dataclass
class Candidate:
    task: str  # "team", "type", or a rule-found fact: "scoredIn", "won", "defeated"
    subject: str  # a person ref (a team's for results and honours)
    object: str  # a team ref ("" for a type; a match key for a scorer)
    context: dict[str, float] = field(default_factory=dict)  # about the article, the person, the team
    sentences: dict[int, dict[str, float]] = field(default_factory=dict)  # sentence -> its own features
    role: str = "none"  # the person's most-cued role, conjoined with the other features
    origin: str = ""  # for a rule-found fact: "fact:N" (the Nth rule fact), "report:N", "final:N"

    @cached_property
    def features(self) -> dict[str, float]:
        """The whole article's view of the candidate: context plus every sentence (made once)."""
        feats = dict(self.context)
        for local in self.sentences.values():
            for k, v in local.items():
                feats[k] = max(feats.get(k, 0.0), v)
        return _conjoin(feats, self.role) if self.task == "team" else feats

    def sentence_features(self, si: int) -> dict[str, float]:
        """One sentence's view: context plus that sentence alone."""
        feats = dict(self.context)
        feats.update(self.sentences.get(si, {}))
        return _conjoin(feats, self.role) if self.task == "team" else feats


class _Context:
    """What every candidate of the article is described against (computed once)."""

    def __init__(self, view: ArticleView, facts: list[Fact], cues: list[RoleCue],
                 reports: list[MatchReport], mistakes: frozenset[str] = frozenset(),
                 possessions: frozenset[str] = frozenset()) -> None:
        self.view = view
        self.possessions = possessions
        toks = view.tokens
        self.sent_origin = [view.doc.offsets.start_of(toks[s].idx) if s < len(toks) else 0
                            for s, _ in view.sents]
        self.people: dict[str, list[Span]] = defaultdict(list)
        self.teams: dict[str, list[Span]] = defaultdict(list)
        for s in view.spans:
            if not s.ref:
                continue
            if s.kind == "person":
                self.people[s.ref].append(s)
            elif s.kind in TEAM_KINDS:
                self.teams[s.ref].append(s)
        for f in facts:  # a rule may name a team the mention index has no span for
            if f.predicate in RULE_PREDICATES and f.subject.startswith("P:"):
                self.people.setdefault(f.subject, [])
                self.teams.setdefault(f.object, [])
        self.roles: dict[str, Counter[str]] = defaultdict(Counter)
        self.cue_rules: dict[str, set[str]] = defaultdict(set)
        for c in cues:
            self.roles[c.ref][c.role] += c.weight
            self.cue_rules[c.ref].add(f"{c.evidence.rule.split('@')[0]}:{c.role}")
        self.rule_facts: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
        self.rule_conf: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
        self.person_facts: dict[str, set[str]] = defaultdict(set)
        for f in facts:
            rule = f.evidence.rule.split("@")[0]
            # the rule itself (the evidence names it) and the rule it is weighed as
            for name in sorted({rule, _RULE_FAMILY.get(rule, rule)}):
                self.person_facts[f.subject].add(f"{f.predicate}:{name}")
                if f.predicate in RULE_PREDICATES:
                    self.rule_facts[(f.subject, f.object)].append((self.sentence_of(f.evidence.start),
                                                                   f"{name}|{f.predicate}"))
            if f.predicate in RULE_PREDICATES:
                conf = self.rule_conf[(f.subject, f.object)]
                conf[f.predicate] = max(conf.get(f.predicate, 0.0), f.evidence.confidence)
        self.team_kind = {s.ref: s.kind for s in view.spans if s.kind in TEAM_KINDS and s.ref}
        self.rule_teams: dict[str, set[str]] = defaultdict(set)
        for (p, t), _ in self.rule_facts.items():
            self.rule_teams[p].add(t)
        counts = Counter({ref: len(spans) for ref, spans in self.teams.items()})
        self.team_rank = {ref: n for n, (ref, _) in enumerate(
            sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))}
        self.team_count = counts
        self.focus = view.focus_club()
        self.main = view.main_club()
        self.title_refs = {s.ref for s in view.sentence_spans(0)} if view.sents else set()
        pairs = Counter(tuple(sorted(r.teams)) for r in reports)
        self.match_teams = {t for pair in pairs for t in pair}
        found = main_pair(reports, Counter({ref: len(s) for ref, s in self.teams.items()}))
        self.main_pair = set(found) if found else set()
        self.winners = {r.winner for r in reports if r.winner}
        self.by_sentence: dict[int, list[Span]] = defaultdict(list)
        for s in view.spans:
            if s.ref and (s.kind == "person" or s.kind in TEAM_KINDS):
                self.by_sentence[view.sent_of[s.start]].append(s)
        self.n_people = len(self.people)
        self.reports = reports
        self.member_teams: dict[str, set[str]] = defaultdict(set)
        for f in facts:
            if f.predicate == "memberOf":
                self.member_teams[f.subject].add(f.object)
        self.kind = _article_kind(view, facts, reports)
        self.links = links(view, mistakes)
        self.linked: dict[str, set[str]] = defaultdict(set)
        for link in self.links:
            self.linked[link.a].add(f"{link.relation}:{link.pattern}")
            self.linked[link.b].add(f"{link.relation}:{link.pattern}")
        self.sides = infer(view, facts, reports, self.links)
        self.near = self._nearest_teams()

    def _nearest_teams(self) -> dict[str, dict[str, float]]:
        """person -> team -> share of the person's mentions whose nearest team mention (within two
        sentences, either side) is that team; and which team is nearest the first mention, the
        only team of a paragraph the person is in, the team a "they"/"their" beside them means, or
        the team the sentences before are about when the person is named as a team ("Colin
        Maybury's side knew victory ...": `topic`)."""
        view, toks = self.view, self.view.tokens
        topics = self._topic_teams()
        team_pos = sorted((s.head_index, s.ref) for refs in self.teams.values() for s in refs)
        positions = [i for i, _ in team_pos]
        para_of = view.paragraphs
        teams_in_para: dict[int, set[str]] = defaultdict(set)
        for i, ref in team_pos:
            teams_in_para[para_of[view.sent_of[i]]].add(ref)
        sections = section_teams(view)
        out: dict[str, dict[str, float]] = {}
        for p, spans in self.people.items():
            votes: Counter[str] = Counter()
            extra: dict[str, float] = {f"quoted={t}": 1.0 for t in self._quoted_teams(spans)}
            for n, s in enumerate(sorted(spans, key=lambda s: s.start)):
                si = view.sent_of[s.start]
                k = bisect_right(positions, s.start)
                near = [team_pos[j] for j in (k - 1, k) if 0 <= j < len(team_pos)
                        and abs(view.sent_of[team_pos[j][0]] - si) <= 2]
                if near:
                    ref = min(near, key=lambda x: (abs(x[0] - s.start), x[0] > s.start))[1]
                    votes[ref] += 1
                    if n == 0:
                        extra["near_first=" + ref] = 1.0
                if sections[si]:
                    extra["section=" + sections[si]] = 1.0
                head = toks[s.head_index]
                if head.dep == "poss" and toks[head.head].lemma.lower() in self.possessions:
                    topic = next((topics[k] for k in range(si - 1, max(-1, si - 4), -1) if k in topics), None)
                    if topic is not None:
                        extra["topic=" + topic] = 1.0
                para = teams_in_para.get(para_of[si], set())
                if len(para) == 1:
                    extra["para_only=" + next(iter(para))] = 1.0
                a, b = view.sents[si]
                for i in range(a, b):
                    if toks[i].text.lower() in ("they", "them", "their", "its"):
                        t = view.pronoun_team(i)
                        if t is not None:
                            extra["pronoun=" + t.ref] = 1.0
            total = sum(votes.values())
            shares = {"near_share=" + t: v / total for t, v in votes.items()} if total else {}
            out[p] = {**shares, **extra}
        return out

    def _topic_teams(self) -> dict[int, str]:
        """sentence -> the one team that is a subject there ("Hull City clinched promotion")."""
        view, toks = self.view, self.view.tokens
        subjects: dict[int, set[str]] = defaultdict(set)
        for refs in self.teams.values():
            for s in refs:
                if toks[s.head_index].dep in ("nsubj", "nsubjpass"):
                    subjects[view.sent_of[s.start]].add(s.ref)
        return {si: next(iter(refs)) for si, refs in subjects.items() if len(refs) == 1}

    def _quoted_teams(self, spans: list[Span]) -> set[str]:
        """The teams a person names in their own quote ("Simcoe won it last year," said head coach
        X): more often the opponent than their own club."""
        view, toks = self.view, self.view.tokens
        out: set[str] = set()
        for s in spans:
            head = toks[s.head_index]
            if head.dep != "nsubj" or toks[head.head].lemma.lower() not in SPEECH_VERBS:
                continue
            si = view.sent_of[s.start]
            for n in (si - 1, si, si + 1):
                if 0 <= n < len(view.sents) and view.paragraphs[n] == view.paragraphs[si]:
                    out.update(x.ref for x in view.sentence_spans(n, TEAM_KINDS) if x.ref and view.in_quote(x.start))
        return out

    def sentence_of(self, original_start: int) -> int:
        return max(0, bisect_right(self.sent_origin, original_start) - 1)

    def role_major(self, ref: str) -> str:
        """The rules' own verdict on a person (as their votes would type them)."""
        r = self.roles.get(ref, Counter())
        player, manager, other = r.get("player", 0.0), r.get("manager", 0.0), r.get("other", 0.0)
        best = max(player, manager)
        if best >= 0.3 and best >= other:
            return "manager" if manager > player else "player"
        return "other" if other > 0 else "none"


def section_teams(view: ArticleView) -> list[str | None]:
    """The team whose heading each sentence sits under: a round-up's "Arsenal" on a line of its
    own ("Arsenal." once cleaned from an HTML heading), a ratings list's "NOTTS COUNTY PLAYER
    RATINGS", until the next short heading line ("Dom Kershaw", "LOSERS")."""
    toks, text = view.tokens, view.doc.text
    out: list[str | None] = []
    current: str | None = None
    for si, (a, b) in enumerate(view.sents):
        words = [i for i in range(a, b) if toks[i].pos not in ("PUNCT", "SPACE")]
        if not words:
            out.append(current)
            continue
        start, end = toks[words[0]].idx, toks[words[-1]].idx + len(toks[words[-1]].text)
        line_start, line_end = text.rfind("\n", 0, start) + 1, text.find("\n", end)
        alone = not text[line_start:start].strip() and not text[end:len(text) if line_end < 0 else line_end].strip(" .\t")
        if alone and len(words) <= 5 and not any(toks[i].pos in ("VERB", "AUX") and view.span_of(i) is None
                                                 for i in words):  # (the tagger calls "BOLTON WANDERERS" a verb)
            span = view.span_of(words[0])
            # the team and, perhaps, what the section is: "NOTTS COUNTY PLAYER RATINGS"
            heads = span is not None and span.start == words[0] and not any(
                view.span_of(i) is not None for i in words if i >= span.end)
            current = span.ref if heads and span.kind in TEAM_KINDS else None
        out.append(current)
    return out


def _article_kind(view: ArticleView, facts: list[Fact], reports: list[MatchReport]) -> str:
    """A coarse article kind from what the rules found: report, transfer, ratings, other."""
    rules = Counter(f.evidence.rule.split("@")[0] for f in facts)
    if rules.get("ratings-team"):
        return "ratings"
    if any(r.startswith("teamsheet") for r in rules):
        return "sheet"
    moves = sum(n for r, n in rules.items() if r in ("transfer", "rumour", "departure-of", "in-charge"))
    if moves >= 2 and moves >= len(reports):
        return "transfer"
    if reports:
        return "report"
    return "other"


def candidates(view: ArticleView, facts: list[Fact], cues: list[RoleCue],
               reports: list[MatchReport], rules: Rules | None = None) -> list[Candidate]:
    """Every person-team pair, every person, and every result, scorer and honour the rules
    read, with features."""
    ctx = _Context(view, facts, cues, reports, rules.mistakes if rules else frozenset(),
                   rules.manager_possessions if rules else frozenset())
    return _team_candidates(ctx) + _type_candidates(ctx) + _rule_fact_candidates(ctx, facts, reports, rules)


# ------------------------------------------------------------------------------------ team

def _team_candidates(ctx: _Context) -> list[Candidate]:
    view = ctx.view
    local: dict[tuple[str, str], dict[int, dict[str, float]]] = defaultdict(dict)
    for si, spans in sorted(ctx.by_sentence.items()):
        people = [s for s in spans if s.kind == "person"]
        teams = [s for s in spans if s.kind in TEAM_KINDS]
        n_teams = len({t.ref for t in teams})
        best: dict[tuple[str, str], tuple[int, Span, Span]] = {}
        for p in people:
            for t in teams:
                gap = abs(p.start - t.start)
                key = (p.ref, t.ref)
                if key not in best or gap < best[key][0]:
                    best[key] = (gap, p, t)
        for key, (_, p, t) in sorted(best.items()):
            feats = path_features(view, p, t)
            feats.update(surface_features(view, p, t))
            if p.anaphoric:
                feats["p_anaphor"] = 1.0
            feats["sent_teams=" + bucket(n_teams, (0, 1, 2, 3, 5))] = 1.0
            local[key][si] = feats
    for key, fired in ctx.rule_facts.items():
        for si, rule in fired:
            local[key].setdefault(si, {})["rule=" + rule] = 1.0
    out: list[Candidate] = []
    for p in sorted(ctx.people):
        if not p.startswith("P:"):
            continue
        for t in sorted(ctx.teams):
            sents = local.get((p, t), {})
            out.append(Candidate("team", p, t, _pair_context(ctx, p, t, len(sents)),
                                 dict(sorted(sents.items())), ctx.role_major(p)))
    return out


# rules the scorer weighs as one: a club's retained and released list is read like a window's
# list of deals (the layouts are kin, and retained lists are too rare to learn a weight of their own)
_RULE_FAMILY = {"contract-list": "deals-list"}

_CONJOINED = ("rule=", "t_focus", "t_main_side", "t_side", "nocomention", "p_other_rule", "t_title",
              "plem=", "kind=", "side=", "near_", "para_only", "pronoun", "section", "quoted", "topic")


def _conjoin(feats: dict[str, float], role: str) -> dict[str, float]:
    """Person role x each rule and context flag: "a player and the focus club" is not "a pundit
    and the focus club" (a linear model needs the pair spelled out)."""
    share = next((k for k in feats if k.startswith("t_share=")), None)
    for k in [k for k in feats if k.startswith(_CONJOINED)]:
        feats[f"role={role}&{k}"] = feats[k]
        if share is not None and k.startswith("rule="):  # a rule's worth depends on the team's weight
            feats[f"{share}&{k}"] = feats[k]
    return feats


def _person_features(ctx: _Context, p: str) -> dict[str, float]:
    """What the rules' cues say the person is: each role's weight, and their verdict."""
    f: dict[str, float] = {"bias": 1.0}
    roles = ctx.roles.get(p, Counter())
    for r in ROLES:
        if roles.get(r):
            f["role_" + r] = min(roles[r], 3.0) / 3.0
    f["rolemax=" + ctx.role_major(p)] = 1.0
    return f


def _pair_context(ctx: _Context, p: str, t: str, n_sents: int) -> dict[str, float]:
    f = _person_features(ctx, p)
    f["comention=" + bucket(n_sents, (0, 1, 2, 3, 5))] = 1.0
    if n_sents == 0:
        f["nocomention"] = 1.0
    if t == ctx.focus:
        f["t_focus"] = 1.0
    if t == ctx.main:
        f["t_main"] = 1.0
    f["t_rank=" + bucket(ctx.team_rank.get(t, 9), (0, 1, 2, 3, 5))] = 1.0
    f["t_count=" + bucket(ctx.team_count.get(t, 0), (0, 1, 2, 3, 5, 8))] = 1.0
    total = sum(ctx.team_count.values())
    if total:
        share = ctx.team_count.get(t, 0) / total  # how much of the article is about this team
        f["t_share"] = share
        f["t_share=" + bucket(int(share * 10), (0, 2, 4, 6, 8))] = 1.0
    f["n_teams=" + bucket(len(ctx.teams), (0, 1, 2, 3, 5, 8))] = 1.0
    if t in ctx.title_refs:
        f["t_title"] = 1.0
    if p in ctx.title_refs:
        f["p_title"] = 1.0
    if t.startswith("U:"):
        f["t_unknown"] = 1.0
    spans = ctx.teams.get(t) or []
    if spans and spans[0].kind == "national_team":
        f["t_national"] = 1.0
    if t in ctx.match_teams:
        f["t_side"] = 1.0
    near = ctx.near.get(p, {})
    for name in ("near_share", "near_first", "para_only", "pronoun", "section", "quoted", "topic"):
        v = near.get(f"{name}={t}")
        if v:
            f[name] = v
    side = ctx.sides.get(p)
    if side is not None and t in ctx.main_pair:
        rel = "same" if side.team == t else "other"
        f["side=" + rel] = side.strength
        f[f"side={rel}&hops=" + bucket(side.hops, (0, 1, 2))] = 1.0
    if t in ctx.main_pair:
        f["t_main_side"] = 1.0
    if t in ctx.winners:
        f["t_winner"] = 1.0
    # a player's national team is no rival to his club: the other teams the rules gave him are
    # counted among teams of the candidate's kind
    same_kind = {x for x in ctx.rule_teams.get(p, set()) if ctx.team_kind.get(x) == ctx.team_kind.get(t)}
    if same_kind - {t}:
        f["p_other_rule"] = 1.0
    if same_kind:
        f["p_rule_teams=" + bucket(len(same_kind), (0, 1, 2, 3))] = 1.0
    for pred, conf in ctx.rule_conf.get((p, t), {}).items():
        f["rconf=" + pred] = conf  # the confidence the rule itself gives: one weight for all rules
    f["kind=" + ctx.kind] = 1.0
    f["p_mentions=" + bucket(len(ctx.people.get(p) or []), (0, 1, 2, 3, 5))] = 1.0
    for pf in ctx.person_facts.get(p, ()):
        if not pf.startswith(TEAM_PREDICATES):
            f["p_fact=" + pf.split(":")[0]] = 1.0
    return f


def choice_features(probs: dict[str, float], team: str, role: str, p: float | None = None) -> dict[str, float]:
    """A person's teams compared: most people in an article belong to one team, so a team's
    first-stage probability ``p`` (default ``probs[team]``) is read beside the person's others
    (its share, whether it is the top one, its margin over the next)."""
    p = probs[team] if p is None else p
    others = [v for k, v in probs.items() if k != team]
    total = sum(probs.values()) or 1.0
    top = p >= max(others, default=0.0)
    q = min(max(p, 1e-4), 1 - 1e-4)
    f = {"bias": 1.0, "s1": max(-8.0, min(8.0, math.log(q / (1 - q)))), "share": p / total,
         "margin": p - max(others, default=0.0), "n_teams=" + bucket(len(probs), (1, 2, 3, 5)): 1.0,
         "role=" + role: 1.0}
    if top:
        f["top"] = 1.0
        f[f"role={role}&top"] = 1.0
    f[f"role={role}&s1"] = f["s1"]
    return f


# ------------------------------------------------------------------------------------ type

def _type_candidates(ctx: _Context) -> list[Candidate]:
    view = ctx.view
    out: list[Candidate] = []
    for p in sorted(ctx.people):
        if not p.startswith("P:"):
            continue
        f = _person_features(ctx, p)
        for c in ctx.cue_rules.get(p, ()):
            f["cue=" + c] = 1.0
        for pf in ctx.person_facts.get(p, ()):
            f["fact=" + pf] = 1.0
            f["factp=" + pf.split(":")[0]] = 1.0
        spans = ctx.people.get(p) or []
        named = [s for s in spans if not s.anaphoric]
        f["mentions=" + bucket(len(spans), (0, 1, 2, 3, 5, 8))] = 1.0
        f["words=" + bucket(len(p[2:].split()), (0, 1, 2, 3))] = 1.0
        sents: dict[int, dict[str, float]] = {}
        for s in spans:
            local: dict[str, float] = {}
            dep, head = governor(view, s)
            local[f"gov={dep}:{head}"] = 1.0
            if s.start > 0:
                local["left=" + word(view, s.start - 1)] = 1.0
            if s.end < len(view.tokens):
                local["right=" + word(view, s.end)] = 1.0
            if s.anaphoric:
                local["anaphor"] = 1.0
            sents.setdefault(view.sent_of[s.start], {}).update(local)
        if p in ctx.title_refs:
            f["p_title"] = 1.0
        if not named:
            f["only_anaphor"] = 1.0
        if ctx.rule_teams.get(p):
            f["has_team_rule"] = 1.0
        for link in ctx.linked.get(p, ()):
            f["link=" + link] = 1.0
            f["link=" + link.split(":")[0]] = 1.0
        if p in ctx.sides:
            f["has_side"] = ctx.sides[p].strength
        f["kind=" + ctx.kind] = 1.0
        out.append(Candidate("type", p, "", f, dict(sorted(sents.items())), ctx.role_major(p)))
    return out


# ------------------------------------------------------------------------------------ rule facts

RULE_TASKS = ("scoredIn", "won", "defeated")


def _rule_fact_candidates(ctx: _Context, facts: list[Fact], reports: list[MatchReport],
                          rules: Rules | None) -> list[Candidate]:
    """Scorers, honours and results: every one the rules read, and, beyond the rules, every
    person of a goal sentence of the article's main match and every team or person named beside a
    competition in a sentence about winning. Described by the rules that fired, the sentence and
    the article;
    ``origin`` says which rule facts ("fact:N,M") or report ("report:N", "final:N") a candidate
    stands for ("" for one no rule found)."""
    view = ctx.view
    by_key = {r.key: r for r in reports}
    pairs = Counter(tuple(sorted(r.teams)) for r in reports)
    winners: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for r in reports:
        if r.winner:
            winners[tuple(sorted(r.teams))].add(r.winner)
    base = {"bias": 1.0, "kind=" + ctx.kind: 1.0, "reports=" + bucket(len(pairs), (0, 1, 2, 3, 5)): 1.0}
    found: dict[tuple[str, str, str], Candidate] = {}

    def cand(task: str, subject: str, obj: str) -> Candidate:
        key = (task, subject, obj)
        if key not in found:
            found[key] = Candidate(task, subject, obj, dict(base), {}, ctx.role_major(subject))
        return found[key]

    ruled: dict[str, set[frozenset[str]]] = defaultdict(set)  # the matches the rules say each person scored in
    for f in facts:
        if f.predicate == "scoredIn" and f.object in by_key:
            ruled[f.subject].add(frozenset(by_key[f.object].teams))
    for n, f in enumerate(facts):
        if f.predicate not in ("scoredIn", "won"):
            continue
        c = cand(f.predicate, f.subject, f.object)
        c.origin = f"{c.origin},{n}" if c.origin else f"fact:{n}"
        si = ctx.sentence_of(f.evidence.start)
        c.sentences.setdefault(si, {})["rule=" + f.evidence.rule.split("@")[0]] = 1.0
    goal_words = (rules.goal_verbs | rules.goal_nouns) if rules else frozenset()
    main = next((r for r in reports if set(r.teams) == ctx.main_pair and r.key not in view.earlier_matches),
                next((r for r in reports if set(r.teams) == ctx.main_pair), None))
    told: dict[int, dict[tuple[str, ...], str]] = defaultdict(dict)  # paragraph -> its matches
    said: dict[int, dict[tuple[str, ...], str]] = defaultdict(dict)  # sentence -> its matches
    for r in reports:
        if r.key not in view.earlier_matches and r.evidence:
            si = view.sentence_at(r.evidence[0].start)
            told[view.paragraphs[si]].setdefault(tuple(sorted(r.teams)), r.key)
            said[si].setdefault(tuple(sorted(r.teams)), r.key)
    in_paragraph: set[tuple[str, str]] = set()
    if goal_words:  # anyone named in a goal sentence may have scored in its sentence's or paragraph's
        for si, spans in sorted(ctx.by_sentence.items()):  # match, the main one, or a round-up's last
            a, b = view.sents[si]
            if not any(t.lemma.lower() in goal_words for t in view.tokens[a:b]):
                continue
            own = said[si] if len(said.get(si, ())) == 1 else told.get(view.paragraphs[si], {})
            key = next(iter(own.values())) if len(own) == 1 else main.key if main is not None else None
            recent = _recent_match(view, told, si, main) if len(own) != 1 else None
            for sp in spans:
                if not (sp.kind == "person" and sp.ref.startswith("P:")):
                    continue
                if key is not None:
                    cand("scoredIn", sp.ref, key).sentences.setdefault(si, {})
                    if len(own) == 1 and (main is None or key != main.key and set(next(iter(own))) != ctx.main_pair):
                        in_paragraph.add((sp.ref, key))  # a round-up's other match
                if recent is not None:  # "Barreto was also on target as Al-Nassr beat Al-Qadsiah." then
                    cand("scoredIn", sp.ref, recent).sentences.setdefault(si, {})["sc_recent_match"] = 1.0
    honour_words = (rules.won_verbs | rules.won_nouns | {"champion", "championship", "holder", "winner"}) \
        if rules else frozenset()
    for si, spans in sorted(ctx.by_sentence.items()):  # a team or person beside a competition, in a
        a, b = view.sents[si]                             # sentence about winning: "the 2019 ISL champions"
        if not honour_words or not any(t.lemma.lower() in honour_words for t in view.tokens[a:b]):
            continue
        for t in view.sentence_spans(si, ("trophy",)):
            for sp in spans:
                if t.ref and sp.ref.startswith(("P:", "G:", "U:")):
                    cand("won", sp.ref, t.ref).sentences.setdefault(si, {})
    reported = set(pairs)
    for si in range(len(view.sents)):  # two teams in a sentence about a result, beyond the rules
        teams: dict[str, Span] = {}
        for sp in view.sentence_spans(si, TEAM_KINDS):
            if sp.ref and not sp.anaphoric:
                teams.setdefault(sp.ref, sp)
        if not 2 <= len(teams) <= 4 or not _about_a_result(view, si, rules):
            continue
        for x, y in permutations(teams.values(), 2):
            if tuple(sorted((x.ref, y.ref))) in reported or x.kind != y.kind:
                continue  # the rules read this pairing: its report is the candidate; clubs play clubs
            feats = cand("defeated", x.ref, y.ref).sentences.setdefault(si, {})
            feats.update(path_features(view, x, y, "d_"))
            feats["d_order=" + ("first" if x.start < y.start else "second")] = 1.0
            for role, sp in (("w", x), ("l", y)):
                dep, gov = governor(view, sp)
                feats[f"d_{role}gov={dep}:{gov}"] = 1.0
                feats[f"d_{role}dep={dep}"] = 1.0
            between = view.char_text(view.tokens[min(x.end, y.end) - 1].idx,
                                     view.tokens[max(x.start, y.start)].idx)
            if SCORE.search(between):
                feats["d_score_between"] = 1.0
    for c in found.values():  # an honour's sentence: how the winner and the competition are joined
        if c.task == "won":
            for si in c.sentences:
                a = [x for x in view.sentence_spans(si) if x.ref == c.subject]
                b = [x for x in view.sentence_spans(si) if x.ref == c.object]
                if a and b:
                    c.sentences[si].update(path_features(view, a[0], b[0], "w_"))
    out: list[Candidate] = []
    for (task, subject, obj), c in sorted(found.items()):
        for si in c.sentences:
            c.sentences[si].update(_sentence_words(view, si))
            if task == "scoredIn":
                c.sentences[si].update(_goal_sentence(view, si, subject, goal_words, rules))
        feats = c.context
        if task == "scoredIn":
            r = by_key.get(obj)
            teams = set(r.teams) if r else set()
            pair = tuple(sorted(teams))
            feats["match_main"] = float(set(pair) == ctx.main_pair)
            if ruled.get(subject, set()) - {frozenset(teams)}:
                feats["scored_elsewhere_by_rule"] = 1.0  # a round-up's scorer the rules put in another match
            if (subject, obj) in in_paragraph:
                feats["match_of_paragraph"] = 1.0
            feats["match_reports=" + bucket(pairs.get(pair, 0), (0, 1, 2, 3))] = 1.0
            mine = ctx.member_teams.get(subject, set())
            if mine & teams:
                feats["scorer_team_in_match"] = 1.0
            if mine - teams:
                feats["scorer_team_elsewhere"] = 1.0
            side = ctx.sides.get(subject)
            if side is not None:
                feats["scorer_side_in_match"] = float(side.team in teams)
            feats["rolemax=" + ctx.role_major(subject)] = 1.0
            if r is not None and r.winner:
                feats["match_has_winner"] = 1.0
        elif task == "defeated":
            feats["d_candidate"] = 1.0
        else:
            kind = "person" if subject.startswith("P:") else "team"
            feats["subject=" + kind] = 1.0
            if kind == "person":
                feats["rolemax=" + ctx.role_major(subject)] = 1.0
            if obj in ctx.title_refs:
                feats["trophy_in_title"] = 1.0
        feats["sentences=" + bucket(len(c.sentences), (0, 1, 2, 3, 5))] = 1.0
        feats["by_rule"] = float(bool(c.origin))
        out.append(c)
    for n, r in enumerate(reports):
        if not r.winner or not r.evidence:
            continue
        loser = r.teams[1] if r.teams[0] == r.winner else r.teams[0]
        pair = tuple(sorted(r.teams))
        si = ctx.sentence_of(r.evidence[0].start)
        feats = dict(base)
        feats["rule=" + r.evidence[0].rule.split("@")[0]] = 1.0
        feats.update(_sentence_words(view, si))
        feats["pair_main"] = float(set(pair) == ctx.main_pair)
        feats["pair_reports=" + bucket(pairs[pair], (0, 1, 2, 3, 5))] = 1.0
        if len(winners[pair]) > 1:
            feats["pair_disputed"] = 1.0
        if r.winner_score is not None:
            feats["has_score"] = 1.0
        if r.competition:
            feats["has_competition"] = 1.0
        if r.stage:
            feats["stage=" + r.stage] = 1.0
        if r.year:
            feats["has_year"] = 1.0
        out.append(Candidate("defeated", r.winner, loser, feats, {si: {}}, origin=f"report:{n}"))
        if r.competition and r.stage == "final":
            fin = dict(feats)
            fin["rule=final-winner"] = 1.0
            out.append(Candidate("won", r.winner, r.competition, fin, {si: {}}, origin=f"final:{n}"))
    return out


def _about_a_result(view: ArticleView, si: int, rules: Rules | None) -> bool:
    """A sentence with a score, or a word of winning or losing ("beat", "defeat", "win")."""
    if SCORE.search(view.sentence_text(si)):
        return True
    if rules is None:
        return False
    words = rules.defeat_verbs | rules.loss_verbs | rules.victory_nouns | rules.loss_nouns | {"win"}
    a, b = view.sents[si]
    return any(t.lemma.lower() in words for t in view.tokens[a:b])


_SENTENCE_CUES = ("own", "miss", "saved", "disallowed", "offside", "ruled", "shootout", "shoot-out",
                  "penalties", "last", "season", "previous", "earlier", "ago", "would", "could", "hope",
                  "if", "next", "will", "deny", "denied", "woodwork", "post", "bar", "crossbar",
                  "wide", "save", "stop", "block", "tripped", "foul", "booked", "chance")
_KEEPER_WORDS = {"goalkeeper", "keeper", "goalie", "custodian", "stopper", "gk"}


def _recent_match(view: ArticleView, told: dict[int, dict[tuple[str, ...], str]], si: int,
                  main: MatchReport | None) -> str | None:
    """The match a round-up reported in one of the two paragraphs before this one, when it is
    not the main match and that paragraph told no other ("The Brazilian converted a penalty ..."
    after "Barreto was on target as Al-Nassr beat Al-Qadsiah")."""
    p = view.paragraphs[si]
    for q in (p - 1, p - 2):
        own = told.get(q)
        if own:
            key = next(iter(own.values()))
            return key if len(own) == 1 and (main is None or key != main.key) else None
    return None


def _goal_sentence(view: ArticleView, si: int, person: str, goal_words: frozenset[str],
                   rules: Rules | None = None) -> dict[str, float]:
    """How the person stands to the goal words of a sentence: their subject ("X headed in"),
    their owner ("X's header"), or merely beside them; a goal verb that tells no goal ("turned
    provider", "fired wide") is "goalverb-not"."""
    out: dict[str, float] = {}
    toks = view.tokens
    for sp in view.sentence_spans(si, ("person",)):
        if sp.ref != person:
            continue
        head = toks[sp.head_index]
        gov = toks[head.head] if head.head != head.i else head
        if head.dep in ("nsubj", "nsubjpass", "agent", "pobj", "poss", "compound", "appos"):
            what = "goal" if gov.lemma.lower() in goal_words else word(view, gov.i)
            if what == "goal" and gov.pos == "VERB" and rules is not None and not is_goal(view, rules, gov.i, "goal-verb"):
                what = "goalverb-not"
            out[f"g_{head.dep}:{what}"] = 1.0
        if any(t.lemma.lower() in goal_words for t in toks[view.sents[si][0]:view.sents[si][1]]):
            out["goal_sentence"] = 1.0
        a, b = max(view.sents[si][0], sp.start - 6), min(view.sents[si][1], sp.end + 8)
        if any(toks[k].text.lower() == "own" and k + 1 < len(toks) and toks[k + 1].lemma.lower() in ("goal", "net")
               for k in range(a, b)):
            out["g_own_goal_near"] = 1.0  # "an own goal from X", "X turned the cross into his own net"
    if any(sp.ref == person and sp.start > 0 and toks[sp.start - 1].text.lower() in _KEEPER_WORDS
           for sp in view.spans):
        out["g_keeper"] = 1.0  # "goalkeeper X" anywhere in the article: keepers rarely score
    return out


def _sentence_words(view: ArticleView, si: int) -> dict[str, float]:
    """Cue words of the evidence sentence that make a goal, a result or an honour doubtful or
    past: "own goal", "missed", "last season", "would"; and how many teams it names."""
    a, b = view.sents[si]
    words = {t.lemma.lower() for t in view.tokens[a:b]} | {t.text.lower() for t in view.tokens[a:b]}
    out = {"sw=" + w: 1.0 for w in _SENTENCE_CUES if w in words}
    n = len({s.ref for s in view.sentence_spans(si) if s.kind in TEAM_KINDS})
    out["sent_teams=" + bucket(n, (0, 1, 2, 3, 5))] = 1.0
    if si == 0:
        out["headline"] = 1.0
    return out


# ------------------------------------------------------------------------------------ mentions

_SKIP_NER = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "CLUB", "NATIONAL_TEAM",
             "TROPHY", "STADIUM", "NICKNAME", "LANGUAGE"}
_NAME_PREFIXES = {"FC", "AFC", "SC", "AC", "AS", "CD", "CF", "SK", "FK", "NK", "SV", "US", "UD", "CA", "SE", "KV",
                  "Real", "Sporting", "Dynamo", "Dinamo", "Olympique", "Racing", "Athletic", "Atletico",
                  "Atlético", "Club", "Al", "Al-", "El", "Deportivo", "Universidad", "Union", "Unión", "Inter",
                  "Stade", "Red", "Royal", "Young", "Lion", "Persatuan"}


@dataclass
class MentionCandidate:
    """A name no rule claimed: the model's entity, or a run of capitalised proper nouns."""

    start: int
    end: int
    ner: str
    features: dict[str, float] = field(default_factory=dict)


def _shape(text: str) -> str:
    out = []
    for ch in text:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def mention_candidates(view: ArticleView, spans: list[Span], club_words: frozenset[str],
                       role_of, skip: set[int], reconsider: list[Span] = ()) -> list[MentionCandidate]:
    """Names left over after the gazetteer and the person rules, and the one-word names the
    model called people (``reconsider``: "Chiefs", "Scudetto"), with features of their form
    (shape, length, club-name words such as "United" or "FC") and their context (the words
    around them, what governs them, a role noun before them, "X (Team)")."""
    toks = view.tokens
    again = {(s.start, s.end) for s in reconsider}
    taken = {i for s in spans if (s.start, s.end) not in again for i in range(s.start, s.end)} | skip
    ranges: list[tuple[int, int, str]] = [(s.start, s.end, "PERSON") for s in reconsider]
    for e in view.ents:
        if e.label in _SKIP_NER or any(i in taken or i in again for i in range(e.start, e.end)):
            continue
        end = e.end  # "Kitara" (GPE) + "FC": the club word the model left outside is the name's
        while end < len(toks) and toks[end].text in club_words and end not in taken and end not in view.ent_label \
                and toks[end - 1].ws and view.sent_of[end] == view.sent_of[e.start]:
            end += 1
        ranges.append((e.start, end, e.label))
    covered = {i for a, b, _ in ranges for i in range(a, b)} | taken | set(view.ent_label)
    persons_last = {toks[s.end - 1].text.lower() for s in spans
                    if s.kind == "person" and not s.anaphoric and (s.start, s.end) not in again}
    i = 0
    while i < len(toks):  # capitalised proper nouns the model gave no entity at all
        if i in covered or toks[i].pos != "PROPN" or not toks[i].text[:1].isupper() \
                or i == view.sents[view.sent_of[i]][0] and toks[i].text.lower() in ("the", "a"):
            i += 1
            continue
        j = i
        while j < len(toks) and j not in covered and toks[j].pos == "PROPN" and toks[j].text[:1].isupper() \
                and j - i < 4 and view.sent_of[j] == view.sent_of[i]:
            j += 1
        ranges.append((i, j, "NONE"))
        i = j
    # the words of the teams and people the article names in full: "Chiefs" is part of "Kaizer
    # Chiefs", "Keagan" of "Keagan Daniels"
    team_names = [" " + " ".join(t.text.lower() for t in toks[s.start:s.end]) + " " for s in spans
                  if s.kind in ("club", "national_team") and s.end - s.start >= 2]
    person_words = {toks[i].text.lower() for s in spans if s.kind == "person" and not s.anaphoric
                    and s.end - s.start >= 2 and (s.start, s.end) not in again for i in (s.start, s.end - 1)}
    ent_last: dict[str, set[str]] = defaultdict(set)
    for a, b, label in ranges:
        ent_last[toks[b - 1].text.lower()].add(label)
    out = []
    for a, b, label in sorted(ranges):
        while a < b and toks[a].text.lower() == "the":
            a += 1
        while b > a and (toks[b - 1].text in ("'s", "'", "’s") or not toks[b - 1].text.strip()):
            b -= 1
        if a >= b or not any(c.isalpha() for c in toks[a].text):
            continue
        f: dict[str, float] = {"bias": 1.0, "ner=" + label: 1.0}
        if (a, b) in again:
            f["reconsidered"] = 1.0
        words = toks[a:b]
        f["ntok=" + bucket(len(words), (1, 2, 3, 4))] = 1.0
        f["shape=" + " ".join(_shape(t.text) for t in words)[:24]] = 1.0
        if any(t.text in club_words for t in words):
            f["club_word"] = 1.0
        if words[-1].text in club_words:
            f["club_word_last"] = 1.0
        if words[0].text in _NAME_PREFIXES or words[0].text.rstrip("-") in _NAME_PREFIXES:
            f["club_prefix"] = 1.0
        if a > 0 and toks[a - 1].text.lower() == "the":
            f["after_the"] = 1.0
        if any(not c.isascii() for t in words for c in t.text):
            f["non_ascii"] = 1.0
        if toks[b - 1].text.lower() in persons_last:
            f["last_word_is_a_person's"] = 1.0
        phrase = " " + " ".join(t.text.lower() for t in words) + " "
        if any(phrase in n and n != phrase for n in team_names):
            f["part_of_a_team_name"] = 1.0
        if len(words) == 1 and words[0].text.lower() in person_words:
            f["part_of_a_person_name"] = 1.0
        if any(t.text.islower() for t in words):
            f["lower_word"] = 1.0
        f["last_word_ner=" + "+".join(sorted(ent_last.get(toks[b - 1].text.lower(), {label})))] = 1.0
        if a == view.sents[view.sent_of[a]][0]:
            f["sentence_start"] = 1.0
        for k, name in ((a - 1, "l1"), (a - 2, "l2"), (b, "r1"), (b + 1, "r2")):
            if 0 <= k < len(toks) and view.sent_of[k] == view.sent_of[a]:
                f[f"{name}={word(view, k)}"] = 1.0
        role = role_of(toks[a - 1].text) if a > 0 else None
        if role:
            f["left_role=" + role] = 1.0
        if b < len(toks) and toks[b].text == "(":
            f["then_paren"] = 1.0
            if view.span_of(b + 1) is not None:
                f["then_paren_" + view.span_of(b + 1).kind] = 1.0
        if a > 0 and toks[a - 1].text == "(":
            prev = view.span_of(a - 2) if a >= 2 else None
            f["in_paren_after_" + (prev.kind if prev else "other")] = 1.0
        head = toks[b - 1]
        f[f"gov={head.dep}:{word(view, head.head) if head.head != head.i else 'ROOT'}"] = 1.0
        f["dep=" + head.dep] = 1.0
        if b < len(toks) and toks[b].text in ("'s", "'"):
            owned = toks[b].head
            f["owns=" + word(view, owned)] = 1.0
            r = role_of(toks[owned].text)
            if r:
                f["owns_role=" + r] = 1.0
        for c in view.children[head.i]:
            if toks[c].dep in ("compound", "amod") and not (a <= c < b):
                r = role_of(toks[c].text)
                f["mod=" + (r or word(view, c))] = 1.0
        out.append(MentionCandidate(a, b, label, f))
    return out
