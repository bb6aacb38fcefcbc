"""Resolve the references of all articles to entities: one real-world thing, one node.

People are merged across articles by folded full name (accents, hyphens and spacing ignored), a
lone surname (or an initial and surname) joins the one full name it ends; their type comes from the role cues of every
article. Matches reported by several sentences or articles become one Match. Memberships become
`playsFor` or `manages` once the person's type is known; which of them is current, and when,
is `kg.history`'s job (after a reviewer's curation).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from kg.errors import Warnings
from kg.gazetteer import Entry, Gazetteer
from kg.records import LOANED_FROM, Entity, Evidence, Extraction, MatchReport, Spell, Transfer
from kg.slugs import name_key, slugify

CLASS_PATH = {"Player": "player", "Manager": "manager", "Person": "person", "Club": "club",
              "NationalTeam": "national-team", "Trophy": "trophy", "Stadium": "stadium",
              "Match": "match"}
GAZ_CLASS = {"Club": "Club", "NationalTeam": "NationalTeam", "Trophy": "Trophy", "Stadium": "Stadium"}
ROLE_THRESHOLD = 0.3
SCORED_TYPE = 0.6  # the share of the scorer's probability a cue-less person needs to be typed
OVERRULE = 0.8  # the share the scorer needs to overrule the cues' choice between player and manager


@dataclass
class MatchEntity:
    key: str
    teams: tuple[str, str]
    winner: str | None
    loser: str | None
    winner_score: int | None
    loser_score: int | None
    competition: str | None
    stage: str | None
    venue: str | None
    year: str | None
    extra_time: bool
    evidence: list[Evidence] = field(default_factory=list)
    home_away: bool = False
    scored: bool = False  # its reports carry calibrated probabilities (the evidence's confidences)
    final_probability: float | None = None  # that the winner of this final won its competition


@dataclass
class Resolved:
    entities: dict[str, Entity]
    facts: dict[tuple[str, str, str], list[Evidence]]
    matches: dict[str, MatchEntity]
    diagnostics: list[str]
    ref_map: dict[tuple[str, str], str] = field(default_factory=dict)  # (article, ref) -> entity
    confidence: dict[tuple[str, str, str], float] = field(default_factory=dict)  # scored facts only
    merged: dict[str, str] = field(default_factory=dict)  # key merged away by a curation -> the node it joined
    spells: dict[str, Spell] = field(default_factory=dict)  # added by `kg.history`
    transfers: dict[str, Transfer] = field(default_factory=dict)


def resolve(extractions: list[Extraction], gaz: Gazetteer, min_confidence: float = 0.0) -> Resolved:
    """Entities, facts and matches of all articles. A scored fact's probability is the highest
    any of its articles gives it (articles on one story repeat one another's errors, so their
    probabilities are not combined as if independent); facts below ``min_confidence`` are left out."""
    diagnostics: list[str] = []
    ref_map, entities = _resolve_entities(extractions, gaz)
    matches, match_map = _resolve_matches(extractions, ref_map, entities)
    facts: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
    by_article: dict[tuple[str, str, str], dict[str, float]] = defaultdict(dict)

    def add(s: str, p: str, o: str, ev: Evidence) -> None:
        if ev not in facts[(s, p, o)]:
            facts[(s, p, o)].append(ev)

    captains: dict[tuple[str, str], list[Evidence]] = defaultdict(list)
    for x in extractions:
        for c in x.roles:
            if c.role == "captain":
                captains[(x.doc.id, ref_map[(x.doc.id, c.ref)])].append(c.evidence)
    memberships: dict[tuple[str, str], set[str]] = defaultdict(set)
    for x in extractions:
        for f in x.facts:
            s = ref_map.get((x.doc.id, f.subject))
            o = match_map.get(f.object) if f.object.startswith("M:") else ref_map.get((x.doc.id, f.object))
            if s is None or o is None:
                continue
            cls = entities[s].cls
            pred = _predicate(f.predicate, cls, entities[o].cls if o in entities else "Match")
            if pred is None:
                diagnostics.append(Warnings.W201.format(source=x.doc.source, predicate=f.predicate,
                                                        subject=entities[s].label, type=cls,
                                                        sentence=f.evidence.sentence[:80]))
                continue
            add(s, pred, o, f.evidence)
            if f.probability is not None:
                seen = by_article[(s, pred, o)]
                seen[x.doc.id] = max(seen.get(x.doc.id, 0.0), f.probability)
            if pred == "playsFor" and (f.probability is None or f.probability >= min_confidence):
                memberships[(x.doc.id, s)].add(o)
    for m in matches.values():
        for ev in m.evidence:
            if m.winner and m.loser:
                add(m.winner, "defeated", m.loser, ev)
                if m.scored:
                    seen = by_article[(m.winner, "defeated", m.loser)]
                    seen[ev.doc_id] = max(seen.get(ev.doc_id, 0.0), ev.confidence)
            if m.winner and m.competition and m.stage == "final":
                final = m.final_probability
                add(m.winner, "won", m.competition, Evidence(ev.doc_id, ev.sentence, ev.start, ev.end,
                                                               "final-winner", final or min(ev.confidence, 0.8)))
                if final is not None:
                    seen = by_article[(m.winner, "won", m.competition)]
                    seen[ev.doc_id] = max(seen.get(ev.doc_id, 0.0), final)
    for (doc_id, person), evs in sorted(captains.items()):
        teams = memberships.get((doc_id, person), set())
        if entities[person].cls == "Player" and len(teams) == 1:
            team = next(iter(teams))
            for ev in evs:
                add(person, "captainOf", team, ev)
            member = by_article.get((person, "playsFor", team), {})
            if doc_id in member:  # as sure as the membership it rests on
                by_article[(person, "captainOf", team)][doc_id] = member[doc_id]
    confidence: dict[tuple[str, str, str], float] = {}
    for key, per_article in sorted(by_article.items()):
        confidence[key] = round(max(per_article.values()), 4)
        if confidence[key] < min_confidence:
            del facts[key]
    return Resolved(entities, dict(facts), matches, diagnostics, ref_map,
                    {k: v for k, v in sorted(confidence.items()) if k in facts})


def _predicate(pred: str, cls: str, obj_cls: str) -> str | None:
    team = obj_cls in ("Club", "NationalTeam")
    if pred == "memberOf" and obj_cls == "NationalTeam" and cls == "Player":
        return "internationalFor"
    if pred == "memberOf" and team:
        return {"Player": "playsFor", "Manager": "manages"}.get(cls)
    if pred == "formerMemberOf" and obj_cls == "Club":
        return {"Player": "formerlyPlayedFor", "Manager": "formerlyManaged"}.get(cls)
    if pred == "formerPlayerOf" and obj_cls == "Club":  # "a former Glenavon midfielder", now a manager
        return "formerlyPlayedFor" if cls in ("Player", "Manager", "Person") else None
    if pred in ("formerMemberOf", "formerPlayerOf") and obj_cls == "NationalTeam":
        return None  # a former international is still capped
    if pred in ("linkedWith", "captainOf") and obj_cls == "Club":
        return pred if cls == "Player" else None
    if pred == LOANED_FROM and obj_cls == "Club":  # for `kg.history`, which takes it out
        return pred if cls == "Player" else None
    if pred == "scoredIn":
        return pred if cls == "Player" and obj_cls == "Match" else None
    if pred == "won":
        return pred if obj_cls == "Trophy" and cls != "Stadium" and cls != "Trophy" else None
    return None


# ---------------------------------------------------------------- entities
def _resolve_entities(extractions: list[Extraction], gaz: Gazetteer
                      ) -> tuple[dict[tuple[str, str], str], dict[str, Entity]]:
    person_refs: dict[str, Counter[str]] = defaultdict(Counter)  # name_key -> display forms
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    articles: dict[str, set[str]] = defaultdict(set)
    for x in extractions:
        for m in x.mentions:
            if m.ref.startswith("P:"):
                person_refs[name_key(m.ref[2:])][m.ref[2:]] += 1
    full_keys = sorted(k for k in person_refs if len(k.split()) >= 2)
    # the clubs named in the articles each name appears in: a lone surname joins a full name from
    # another article only when the two articles share a club ("Pemberton" on a Villa team sheet
    # is not "Marcus Ojo-Pemberton" of a Manchester United report)
    clubs_of: dict[str, set[str]] = defaultdict(set)
    for x in extractions:
        clubs = {m.ref for m in x.mentions if m.kind == "club"}
        for m in x.mentions:
            if m.ref.startswith("P:"):
                clubs_of[name_key(m.ref[2:])] |= clubs
    # the full names each name is a proper word-suffix of, in full_keys order ("van dijk" ->
    # "virgil van dijk"): an index, so resolution stays linear in the number of people
    by_suffix: dict[str, list[str]] = defaultdict(list)
    for f in full_keys:
        words = f.split()
        for i in range(1, len(words)):
            by_suffix[" ".join(words[i:])].append(f)
    canon: dict[str, str] = {}
    for key in sorted(person_refs):
        owners = [f for f in by_suffix.get(key, ()) if clubs_of[f] & clubs_of[key]]
        words = key.split()
        if not owners and len(words) == 2 and len(words[0]) == 1:
            # "T Walsh" on one team sheet, "Theo Walsh" in another article about the same club
            owners = [f for f in by_suffix.get(words[1], ()) if len(f.split()) == 2 and f[0] == words[0]
                      and len(f.split()[0]) > 1 and clubs_of[f] & clubs_of[key]]
        canon[key] = owners[0] if len(owners) == 1 else key
    for key in sorted(canon):  # chains: "dijk" -> "van dijk" -> "virgil van dijk"
        while canon[canon[key]] != canon[key]:
            canon[key] = canon[canon[key]]

    votes: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for x in extractions:
        for c in x.roles:
            if c.ref.startswith("P:"):
                votes[canon[name_key(c.ref[2:])]][c.role] += c.weight

    scored: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    for x in extractions:
        for t in x.types:
            if t.ref.startswith("P:"):
                acc = scored[canon[name_key(t.ref[2:])]]
                for k, v in enumerate((t.player, t.manager, t.person, t.none)):
                    acc[k] += v

    person_class: dict[str, str] = {}
    for key in sorted(set(canon.values())):
        v = votes.get(key, {})
        player, manager, other = v.get("player", 0.0), v.get("manager", 0.0), v.get("other", 0.0)
        best = max(player, manager)
        if key in scored and not (best >= ROLE_THRESHOLD or other > 0):
            # no rule cue: the scorer's judgement, summed over the articles naming the person;
            # a player or manager only when it is fairly sure (a named person is the safe default)
            acc = scored[key]
            top = acc.index(max(acc))
            sure = acc[top] >= SCORED_TYPE * sum(acc)
            person_class[key] = ("Player", "Manager", "Person", "Person")[top] if sure else "Person"
            continue
        if best >= ROLE_THRESHOLD and best >= other:
            person_class[key] = "Manager" if manager > player else "Player"
            acc = scored.get(key)
            if acc is not None and acc[0] + acc[1] >= OVERRULE * sum(acc) and \
                    max(acc[0], acc[1]) >= OVERRULE * (acc[0] + acc[1]):
                # the scorer weighs the cues with everything else: when it is sure the person is the
                # other of player and manager ("X replaces Y" read as a substitution, of a coach), it decides
                person_class[key] = "Player" if acc[0] > acc[1] else "Manager"
        else:
            person_class[key] = "Person"

    ref_map: dict[tuple[str, str], str] = {}
    displays: dict[str, Counter[str]] = defaultdict(Counter)
    for x in extractions:
        for m in x.mentions:
            if m.ref.startswith("P:"):
                key = canon[name_key(m.ref[2:])]
                ekey = f"{CLASS_PATH[person_class[key]]}/{slugify(key) or 'unnamed'}"
                displays[ekey][m.ref[2:]] += 1
            elif m.ref.startswith("G:"):
                entry = gaz.entries[m.ref[2:]]
                ekey = _gazetteer_key(entry)
            else:  # U: a club (or a competition) the gazetteer does not know
                slug = slugify(m.ref[2:])
                ekey = f"{'trophy' if m.kind == 'trophy' else 'club'}/{slug}"
                displays[ekey][m.ref[2:]] += 1
            ref_map[(x.doc.id, m.ref)] = ekey
            surfaces[ekey][_surface(m.text)] += 1
            articles[ekey].add(x.doc.id)
        # a gazetteer entry a fact or match names without a mention of its own (a club read from
        # its ground: "a win at Old Trafford") is still that entry
        named = [r for m in x.matches for r in (*m.teams, m.winner, m.competition, m.venue)] + \
            [r for f in x.facts for r in (f.subject, f.object)]
        for ref in named:
            if ref and ref.startswith("G:") and (x.doc.id, ref) not in ref_map and ref[2:] in gaz.entries:
                entry = gaz.entries[ref[2:]]
                ekey = _gazetteer_key(entry)
                ref_map[(x.doc.id, ref)] = ekey
                surfaces[ekey][entry.label] += 1
                articles[ekey].add(x.doc.id)
        for c in x.roles:  # cues may name a person the mentions list under the same ref
            if c.ref.startswith("P:") and (x.doc.id, c.ref) not in ref_map:
                key = canon[name_key(c.ref[2:])]
                ref_map[(x.doc.id, c.ref)] = f"{CLASS_PATH[person_class[key]]}/{slugify(key)}"
    entities: dict[str, Entity] = {}
    for ekey in sorted(surfaces):
        path, ident = ekey.split("/", 1)
        if path in ("club", "national-team", "trophy", "stadium") and ident in gaz.entries:
            entry = gaz.entries[ident]
            label, cls, wikidata = entry.label, GAZ_CLASS[entry.type], entry.wikidata
        else:
            forms = displays[ekey]
            label = sorted(forms, key=lambda f: (-len(f.split()), -forms[f], -_non_ascii(f), f))[0]
            cls = {v: k for k, v in CLASS_PATH.items()}[path]
            wikidata = None
        alts = sorted({s for s in surfaces[ekey] if s.casefold() != label.casefold()},
                      key=lambda s: (s.casefold(), s))
        alts = _dedupe_case(alts)
        entities[ekey] = Entity(ekey, cls, label, tuple(alts), wikidata, tuple(sorted(articles[ekey])))
    return ref_map, entities


def _surface(text: str) -> str:
    text = " ".join(text.split())
    for suffix in ("'s", "'"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text


def _dedupe_case(forms: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for f in forms:
        if f.casefold() not in seen:
            seen.add(f.casefold())
            out.append(f)
    return out


def _non_ascii(text: str) -> int:
    return sum(1 for ch in text if ord(ch) > 127)


# ---------------------------------------------------------------- matches
def _resolve_matches(extractions: list[Extraction], ref_map: dict[tuple[str, str], str],
                     entities: dict[str, Entity]) -> tuple[dict[str, MatchEntity], dict[str, str]]:
    """Merge match reports: first within an article by pairing, then across articles."""
    doc_matches: list[tuple[list[str], MatchEntity]] = []
    for x in extractions:
        groups: dict[tuple[str, ...], list[MatchReport]] = defaultdict(list)
        for r in x.matches:
            teams = tuple(ref_map.get((x.doc.id, t)) for t in r.teams)
            if None in teams or teams[0] == teams[1]:  # a team nothing resolves is not reported
                continue
            groups[(tuple(sorted(teams)), r.year)].append(r)  # type: ignore[index]
        # reports with no year join the one dated group of the same pairing
        for (pair, year), reports in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
            if year is None:
                dated = [k for k in groups if k[0] == pair and k[1] is not None]
                if len(dated) == 1:
                    groups[dated[0]].extend(reports)
                    groups[(pair, year)] = []
        for (pair, year), reports in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
            for part in _split_by_result(x, reports, ref_map):
                doc_matches.append(([r.key for r in part], _merge_reports(x, part, ref_map)))
    merged: list[tuple[list[str], MatchEntity]] = []
    for keys, m in doc_matches:
        for mkeys, target in merged:
            if _compatible(target, m):
                _absorb(target, m)
                mkeys.extend(keys)
                break
        else:
            merged.append((list(keys), m))
    matches: dict[str, MatchEntity] = {}
    match_map: dict[str, str] = {}
    for keys, m in merged:
        ordered = sorted(m.teams, key=lambda t: entities[t].label)
        parts = [m.year or "", entities[m.competition].label if m.competition else "", m.stage or "",
                 entities[ordered[0]].label, entities[ordered[1]].label]
        base = "match/" + slugify(" ".join(p for p in parts if p))
        key, n = base, 2
        while key in matches:
            key, n = f"{base}-{n}", n + 1
        m.key = key
        matches[key] = m
        for k in keys:
            match_map[k] = key
    return matches, match_map


def _split_by_result(x: Extraction, reports: list[MatchReport], ref_map) -> list[list[MatchReport]]:
    """Two results between the same teams in one article are two matches when the minority
    result has its own score ("Dortmund, who beat Newcastle 1-0 in October"); a minority report
    with no score is outvoted instead (a garbled caption)."""
    if not reports:
        return []
    votes = Counter(r.winner for r in reports if r.winner)
    if len(votes) < 2:
        return [reports]
    major = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    major_scores = {(r.winner_score, r.loser_score) for r in reports if r.winner == major}
    apart = [r for r in reports if r.winner and r.winner != major and r.winner_score is not None
             and (r.winner_score, r.loser_score) not in major_scores]
    rest = [r for r in reports if r not in apart]
    return [rest, apart] if apart else [reports]


def _merge_reports(x: Extraction, reports: list[MatchReport], ref_map) -> MatchEntity:
    def ref(r: str | None) -> str | None:
        return ref_map.get((x.doc.id, r)) if r else None

    votes = Counter(ref(r.winner) for r in reports if r.winner)
    winner = None
    if votes:
        ranked = votes.most_common()
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            winner = ranked[0][0]
    first = reports[0]
    teams = tuple(ref(t) for t in first.teams)
    scored = [r for r in reports if r.winner_score is not None and ref(r.winner) == winner]
    home_away = any(r.evidence and r.evidence[0].rule == "scoreline" for r in reports)
    loser = None
    if winner:
        loser = teams[1] if teams[0] == winner else teams[0]
    return MatchEntity(
        key="", teams=teams, winner=winner, loser=loser,  # type: ignore[arg-type]
        winner_score=scored[0].winner_score if scored else None,
        loser_score=scored[0].loser_score if scored else None,
        competition=_most(ref(r.competition) for r in reports),
        stage=_most(r.stage for r in reports), venue=_most(ref(r.venue) for r in reports),
        year=_most(r.year for r in reports), extra_time=any(r.extra_time for r in reports),
        evidence=[ev for r in reports for ev in r.evidence], home_away=home_away,
        scored=any(r.probability is not None for r in reports),
        final_probability=max((r.final_probability for r in reports if r.final_probability is not None), default=None))


def _most(values) -> str | None:
    c = Counter(v for v in values if v)
    if not c:
        return None
    return sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def _compatible(a: MatchEntity, b: MatchEntity) -> bool:
    if sorted(a.teams) != sorted(b.teams):
        return False
    for x, y in ((a.competition, b.competition), (a.year, b.year), (a.stage, b.stage)):
        if x and y and x != y:
            return False
    if a.winner and b.winner and a.winner != b.winner:
        return bool(a.competition and a.competition == b.competition)
    return bool(a.competition or b.competition or a.year or b.year) or a.winner == b.winner


def _absorb(target: MatchEntity, m: MatchEntity) -> None:
    target.evidence.extend(m.evidence)
    for attr in ("competition", "stage", "venue", "year", "winner_score", "loser_score"):
        if getattr(target, attr) is None:
            setattr(target, attr, getattr(m, attr))
    target.extra_time = target.extra_time or m.extra_time
    target.scored = target.scored or m.scored
    if m.final_probability is not None:
        target.final_probability = max(target.final_probability or 0.0, m.final_probability)
    if target.winner is None and m.winner:
        target.winner, target.loser = m.winner, m.loser


def _gazetteer_key(entry: Entry) -> str:
    """The entity key of a gazetteer entry: its class path and id (`club/liverpool`)."""
    return f"{CLASS_PATH[GAZ_CLASS[entry.type]]}/{entry.id}"
