"""Find the mentions of an article: gazetteer names, nicknames resolved in context, and people.

People are found by the model's PERSON entities, names after a role noun ("defender Joe Gomez")
and team-sheet names; then the mentions of one person in the article are grouped ("Van Dijk" is
"Virgil van Dijk" when the article names him in full).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kg.article import SPEECH_VERBS, TEAM_KINDS, ArticleView, Span
from kg.learn.candidates import MentionCandidate, mention_candidates
from kg.gazetteer import Gazetteer
from kg.lexicon import SCORE, Rules
from kg.slugs import name_key
from kg.teamsheet import TeamSheets

GAZ_KINDS = {"CLUB": "club", "NATIONAL_TEAM": "national_team", "TROPHY": "trophy",
             "STADIUM": "stadium"}
NATIONAL_CUES = {"international", "boss", "manager", "coach", "squad", "team", "side", "captain",
                 "skipper", "player", "striker", "defender", "keeper", "goalkeeper", "midfielder",
                 "forward", "winger", "cap", "caps", "debut", "star", "u21", "u21s", "under-21",
                 "under-21s", "head", "camp", "call-up", "duty", "teammate", "squad"}
NATIONAL_BEFORE = {"for", "against", "beat", "beating", "face", "facing", "represent", "representing",
                   "played", "play", "defeated", "vs", "v"}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_POSSESSIVE = {"'s", "'", "’s", "’"}
_CLUB_PREFIXES = {"FC", "AFC", "SC", "AC", "AS", "RC", "CD", "CF", "SK", "BK", "IF", "FK", "NK", "KV", "SV",
                  "VfB", "VfL", "TSG", "RB", "SL", "SS", "US", "UD", "RCD", "CA", "SE", "KRC", "Real", "Sporting",
                  "Dynamo", "Dinamo", "Olympique", "Racing", "Athletic", "Atletico", "Atlético"}
_TEAM_SUFFIXES = {"Women", "Ladies", "U21s", "U23s", "U18s", "Under-21s", "Under-23s", "Reserves"}
# a listed club's women's side, named in its own language: the women's-team rules map it
_WOMENS_WORDS = {"Women", "Ladies", "Femeni", "Femení", "Femenino", "Feminino", "Femenil", "Féminines", "Frauen"}
_PARTICLES = {"van", "de", "da", "di", "le", "la", "der", "den", "dos", "del", "von", "mac", "ten", "ter",
              "el", "al", "bin", "ben", "ó", "ní", "nic", "uí", "mhic"}


def _is_name_token(text: str) -> bool:
    return (text[:1].isupper() and any(c.isalpha() for c in text)) or text.lower() in _PARTICLES


Classify = Callable[[list[MentionCandidate]], list[str]]


def find_mentions(view: ArticleView, gaz: Gazetteer, rules: Rules, sheets: TeamSheets,
                  classify: Classify | None = None) -> None:
    """Fill ``view``'s mention index. ``classify`` (the scorer's mention task) judges the names
    no rule claimed: "person", "team" or "none"."""
    toks = view.tokens
    spans: list[Span] = []
    sheet_tokens: set[int] = set()
    for s, e in sheets.spans:
        a, b = view.token_at_char(s), view.token_at_char(max(s, e - 1))
        sheet_tokens.update(range(a, b + 1))

    role_words = frozenset().union(*rules.roles.values())
    ambiguous: list[tuple[int, int, tuple[str, ...], str | None]] = []
    explicit: Counter[str] = Counter()
    lead: set[str] = set()  # the entries the headline or first sentence names outright
    person_starts = {e.start: e.end for e in view.ents if e.label == "PERSON"}
    person_joined: set[int] = set()
    # "Rafael Guimaraes": a lone first name the tagger calls a person, then a one-word club name
    # (a town's) or nickname: the club's word is his surname
    club_at = {e.start: e for e in view.ents if e.label in ("CLUB", "NICKNAME") and e.end - e.start == 1}
    surnames = {e.end for e in view.ents if e.label == "PERSON" and e.end in club_at and toks[e.end - 1].ws
                and toks[e.end].text.title() not in rules.club_suffixes  # "Guelph" (a person?) + "United": a club
                and len([t for t in toks[e.start:e.end] if t.text.lower() not in role_words]) == 1
                and not (e.end + 1 < len(toks) and toks[e.end].ws and toks[e.end + 1].text[:1].isupper()
                         and toks[e.end + 1].pos == "PROPN")}
    # words the article gives a person alone ("Kratochvil, a £5m summer signing", a team sheet's
    # "Kratochvil (Ashdown 84)"): after a nickname that is also a first name, a surname
    alone = {toks[e.start].text for e in view.ents if e.label == "PERSON" and e.end - e.start == 1} | \
        {w for sheet in sheets.sheets for n in sheet.players for w in n.name.split()}
    nicknamed: dict[str, str] = {}  # a nickname that ends an unlisted club's name here -> that club
    named_here = {gaz.by_name[k] for e in view.ents if e.label in GAZ_KINDS
                  and (k := name_key(" ".join(t.text for t in toks[e.start:e.end]))) in gaz.by_name}
    # a team sheet's slots hold people: "Wexford" in Everton's line-up is no club of that town
    slots = {(view.token_at_char(n.start), view.token_at_char(n.end - 1) + 1)
             for sheet in sheets.sheets for n in sheet.players}
    for ent in view.ents:
        text = " ".join(t.text for t in toks[ent.start:ent.end])
        if ent.start in surnames or any(a <= ent.start and ent.end <= b for a, b in slots):
            continue  # (a team sheet's "Tatum Vale": no "Vale" of Port Vale's)
        if ent.label in GAZ_KINDS or ent.label == "NICKNAME":
            if ent.end - ent.start == 1 and toks[ent.start].text.lower() == "derby" and ent.start > 0 and \
                    toks[ent.start - 1].text[:1].isupper() and toks[ent.start - 1].pos == "PROPN":
                continue  # "the Kolkata Derby", "a Merseyside Derby": a fixture, not Derby County
            if ent.end < len(toks) and toks[ent.end].text in rules.blocking_suffixes \
                    and not toks[ent.end - 1].ws == "" and ent.label != "TROPHY":
                if ent.label in ("CLUB", "NICKNAME") and toks[ent.end].text in _TEAM_SUFFIXES:
                    begin = _name_begin(view, ent.start) if ent.end - ent.start == 1 and \
                        toks[ent.start].text.title() in rules.club_suffixes else ent.start
                    name = " ".join(t.text for t in toks[begin:ent.end + 1])  # "Liverpool Women", "Hashtag United Women"
                    spans.append(Span(begin, ent.end + 1, "club", "U:" + name, name))
                continue  # "Wembley Park", "Liverpool Street": another thing
            end = _club_named_person(view, gaz, rules, role_words, ent.start, ent.end)
            if end is not None:  # "Everton Soares", "Sion Evans-Lloyd": a person a club's name starts
                person = _person_span(view, ent.start, end, role_words)
                if person is not None:
                    spans.append(person)
                continue
            if ent.label in ("NICKNAME", "CLUB") and ent.end - ent.start == 1 and \
                    toks[ent.start].text.title() in rules.club_suffixes:
                club = _place_and_suffix(view, gaz, ent.start, role_words)
                if club is not None:  # "Mbarara City", "Farsley Celtic": a club we do not know
                    spans.append(club)
                    continue
            club = _place_and_nickname(view, gaz, role_words, ent.start, ent.end, named_here) \
                if ent.label == "NICKNAME" else None
            if club is not None:  # "Vaughan Azzurri", a club we do not know, not Italy
                spans.append(club)
                nicknamed[name_key(toks[ent.start].text)] = club.ref
                continue
            if ent.label == "NICKNAME" and not _nickname_ok(view, ent.start, ent.end, role_words, rules.demonym_nouns):
                continue
            if ent.label == "NICKNAME" and ent.end < len(toks) and toks[ent.end - 1].ws and \
                    toks[ent.end].pos == "PROPN" and toks[ent.end].text[:1].isupper() and \
                    view.ent_label.get(ent.end) not in GAZ_KINDS and \
                    not (ent.end + 1 < len(toks) and toks[ent.end + 1].text.lower() == "derby"):
                # (not "K'Ogalo Mashemeji derby": the nickname, then the derby's name)
                end = ent.end  # "Real Oviedo", "Sporting Gijon": a longer name we do not know
                while end < len(toks) and toks[end].pos == "PROPN" and toks[end].text[:1].isupper() \
                        and end - ent.start < 4 and (end == ent.end or toks[end - 1].ws) \
                        and not _headline_verb(toks[end].text, rules):
                    end += 1
                begin = _name_begin(view, ent.start) if toks[end - 1].text in rules.club_suffixes else ent.start
                if begin < ent.start:  # "Simcoe County Rovers": the place before both club words
                    name = " ".join(t.text for t in toks[begin:end])
                    if name_key(name) not in gaz.by_name:
                        spans.append(Span(begin, end, "club", "U:" + name, name))
                    continue
                name = " ".join(t.text for t in toks[ent.start:end])
                before = toks[ent.start - 1].text.lower() if ent.start else ""
                if before in ("'s", "\u2019s") or before in role_words or (
                        before != "the" and _the_nickname(gaz, text)) or \
                        all(t.text in alone for t in toks[ent.end:end]):
                    # "Borussia Dortmund's Milan Dijkstra", "striker Milan Dijkstra", "Alex Byaruhanga"
                    # (Crewe are "the Alex"): a first name
                    person = _person_span(view, ent.start, end, role_words)
                    if person is not None:
                        spans.append(person)
                elif name_key(name) not in gaz.by_name:
                    spans.append(Span(ent.start, end, "club", "U:" + name, name))
                continue
            key = name_key(text)
            candidates: list[str] = []
            named = gaz.by_name.get(key)  # "Rangers" is Rangers' name and QPR's nickname
            if named is None and ent.label == "NICKNAME" and not text.lower().startswith("the ") and \
                    not (ent.start and toks[ent.start - 1].text.lower() == "the") and \
                    len(coded := gaz.by_town(_CODE_KEYS).get(key, ())) == 1:
                named = coded[0]  # "Highlanders" is Highlanders FC's name; "the Highlanders" NorthEast United
            if named:
                candidates.append(named)
            for cid in gaz.by_nickname.get(name_key(text[4:] if text.lower().startswith("the ") else text), ()):
                if cid not in candidates:
                    candidates.append(cid)
            if ent.label != "NICKNAME" and ent.ent_id and ent.ent_id not in candidates:
                candidates.insert(0, ent.ent_id)
            if len(candidates) == 1 and ent.label != "NICKNAME" or (named and len(candidates) == 1):
                explicit[candidates[0]] += 1
                if view.sent_of[ent.start] < 2:
                    lead.add(candidates[0])
                ambiguous.append((ent.start, ent.end, (candidates[0],), None))
            elif candidates:
                ambiguous.append((ent.start, ent.end, tuple(candidates), named))
        elif ent.label == "PERSON":
            if any(i in sheet_tokens for i in range(ent.start, ent.end)):
                continue
            if _demonym_description(view, rules, ent.start, ent.end):
                continue  # "the Norwegian said": a description of someone named before
            end = ent.end + (ent.end in surnames)
            while end in person_starts and toks[end - 1].ws == " " and toks[end].text[:1].isupper():
                end = person_starts[end]  # "Seánie Mac" + "Giolla Phádraig": one name cut in two
            if ent.start in person_joined:
                continue
            person_joined.update(k for k in person_starts if ent.start < k < end)
            if toks[end - 1].text in _CLUB_CODES and end - ent.start >= 2:
                # "Kaw Valley FC" tagged a person: no person's name ends in a club's letters
                name = " ".join(t.text for t in toks[ent.start:end])
                listed = gaz.by_name.get(name_key(name))
                if listed is None or gaz.entries[listed].type == "Club":
                    spans.append(Span(ent.start, end, "club", f"G:{listed}" if listed else "U:" + name, name))
                continue
            span = _person_span(view, ent.start, end, role_words)
            if span:
                spans.append(span)
        elif ent.label in ("ORG", "GPE", "NORP", "FAC") and (toks[ent.end - 1].text in rules.club_suffixes
                                                              or toks[ent.start].text in _CLUB_PREFIXES
                                                              or _coded_after(toks, ent.end)) \
                and not any(i in sheet_tokens for i in range(ent.start, ent.end)):
            # ("Sigma" tagged a group before an untagged "FC": the club's whole name)
            end = ent.end + _coded_after(toks, ent.end)
            words = [t.text for t in toks[ent.start:end]]
            if words[0].lower() == "the":
                words = words[1:]
            name = " ".join(words)
            if len(words) >= 2 and name_key(name) not in gaz.by_name:
                spans.append(Span(end - len(words), end, "club", "U:" + name, name))

    # the clubs each sentence names outright, with the words of each naming
    named_in: dict[int, dict[str, set[str]]] = {}
    for start, end, candidates, named in ambiguous:
        if len(candidates) == 1:
            named_in.setdefault(view.sent_of[start], {}).setdefault(candidates[0], set()).update(
                name_key(t.text) for t in toks[start:end])
    # a nickname of a club the article does not name must at least be from a country it names
    # clubs of: "Dragão" in a Porto report is not Atletico Goianiense
    countries = {gaz.entries[c].country for c in explicit if explicit[c] and c in gaz.entries}
    grounds = frozenset(club for c in explicit if explicit[c] for club in gaz.home_of.get(c, ()))
    pending: list[Span] = []
    first_names = {toks[x.start].text.lower() for x in spans if x.kind == "person" and x.end - x.start >= 2}
    # a club named only by a word that is a person's surname here is that person ("Guimaraes"
    # after "Rafael Guimaraes"), not the club of the town
    surname_of = {toks[x.end - 1].text for x in spans if x.kind == "person" and x.end - x.start >= 2}
    by_name_here = {named for _, _, _, named in ambiguous if named}  # "Bradford", however ambiguous
    forms: dict[str, set[str]] = {}
    for start, end, candidates, _ in ambiguous:
        for c in candidates:
            forms.setdefault(c, set()).add(" ".join(t.text for t in toks[start:end]))
    # a nickname or club word ending the name of one club found above that we do not list is that
    # club where the article names none of the word's listed clubs: "Azzurri goalkeeper Daniel
    # Pestrin" after "Vaughan Azzurri", "gave United the lead" in a Guelph United report
    # (named at least twice as often as another such club: "United" beside Guelph United five times
    # and Alliance United once)
    ending: dict[str, Counter[str]] = {}
    for x in spans:
        if x.kind == "club" and x.ref.startswith("U:") and x.end - x.start >= 2:
            ending.setdefault(name_key(toks[x.end - 1].text), Counter())[x.ref] += 1
    for key, ref in nicknamed.items():
        ending[key] = Counter({ref: 1})
    for start, end, candidates, named in ambiguous:
        text = " ".join(t.text for t in toks[start:end])
        owners = ending.get(name_key(text[4:] if text.lower().startswith("the ") else text), Counter()).most_common(2)
        if owners and (len(owners) == 1 or owners[0][1] >= 2 * owners[1][1]) and not named \
                and not any(explicit[c] for c in candidates):
            spans.append(Span(start, end, "club", owners[0][0], text))
            continue
        if end - start == 1 and toks[start].text in surname_of and \
                all(forms.get(c) == {toks[start].text} for c in candidates):
            continue
        if end - start == 1 and not named and toks[start].text.lower() in first_names and \
                (start == 0 or toks[start - 1].text.lower() != "the") and \
                (_the_nickname(gaz, toks[start].text) or not any(explicit[c] for c in candidates)):
            # "a criticism of Alex" after "Alex Dunnachie": the man, not Crewe ("the Alex"); "Milan has
            # worked so hard" after "Milan Kratochvil", in an article naming no Milan club
            continue
        if len(candidates) == 1 and not explicit[candidates[0]] and not named and \
                candidates[0] not in by_name_here and gaz.entries[candidates[0]].type == "Club" and \
                _the_nickname(gaz, toks[end - 1].text) and \
                any(explicit[c] and gaz.entries[c].type == "Club" for c in explicit if c in gaz.entries):
            continue  # "the Bees" in a Barnet report that never names Brentford: another club's nickname
        if len(candidates) == 1 and not explicit[candidates[0]] and not named and countries and \
                gaz.entries[candidates[0]].country not in countries and \
                not _short_name(" ".join(t.text for t in toks[start:end]), gaz.entries[candidates[0]].label):
            continue  # ... unless it is the club's name cut short: "Monterrey" (CF Monterrey) v Cincinnati
        if len(candidates) > 1:  # "Newcastle ... had beaten United": the other United
            # ... but "Bristol Rovers 1 Cheltenham Town 1 (Rovers win 4-2 on penalties)" names
            # Bristol Rovers again: the word is one of that naming's own
            here = named_in.get(view.sent_of[start], {})
            others = [c for c in candidates if c not in here or name_key(toks[end - 1].text) in here[c]]
            if others and len(others) < len(candidates) and any(explicit[c] for c in others):
                candidates = tuple(others)
        choice = _choose(candidates, explicit, named, grounds, frozenset(lead))
        if choice is None:
            continue
        entry = gaz.entries.get(choice)
        if entry is None:
            continue
        kind = {"Club": "club", "NationalTeam": "national_team", "Trophy": "trophy",
                "Stadium": "stadium"}[entry.type]
        text = " ".join(t.text for t in toks[start:end])
        nickname = name_key(text[4:] if text.lower().startswith("the ") else text)
        if kind == "national_team" and choice in gaz.by_nickname.get(nickname, ()) and \
                gaz.by_name.get(nickname) != choice:
            pass  # "the Lions of Teranga", "the Super Eagles": a team's nickname is never a place
        elif kind == "national_team" and not _national_team_context(view, start, end):
            pending.append(Span(start, end, kind, "G:" + choice, text))
            continue
        spans.append(Span(start, end, kind, "G:" + choice, text))
    # one sense per article: once the text treats a country as a team, the country named as a
    # sentence's actor elsewhere is that team too ("Colombia brush aside Paraguay")
    teams_here = {x.ref for x in spans if x.kind == "national_team"}
    spans.extend(x for x in pending if x.ref in teams_here and _actor(view, x))

    spans.extend(_elided_trophies(view, gaz, spans))
    spans = _foreign_leagues(view, gaz, spans)
    spans.extend(_unlisted_competitions(view, gaz, spans))
    spans = _womens_teams(view, _one_suffixed_team(spans, gaz), gaz)
    spans = _layout_teams(view, gaz, rules, spans, sheets)
    spans.extend(_clubs_by_context(view, gaz, rules, spans, sheet_tokens))
    spans.extend(_result_sides(view, gaz, rules, spans, sheet_tokens))
    spans.extend(_short_forms(view, spans, sheet_tokens))
    spans = _drop_overlaps(spans)
    spans.extend(_subject_names(view, spans, sheet_tokens, role_words))
    spans.extend(_people_tagged_as_orgs(view, rules, spans, sheet_tokens, role_words))
    spans.extend(_role_named_people(view, rules, spans, sheet_tokens))
    rated = _rating_names(view, spans, sheet_tokens)
    spans = [s for s in spans if not any(r.start <= s.start and s.end <= r.end for r in rated)] + rated
    spans.extend(_deal_names(view, spans, sheet_tokens))
    spans.extend(_shouted_names(view, spans, sheet_tokens))
    spans.extend(_coordinated_names(view, spans, sheet_tokens))
    # surnames of the people just found by their role noun or rating line: "midfielder Theo
    # Marchand ... saves to keep out Marchand"
    spans.extend(_people_tagged_as_orgs(view, rules, spans, sheet_tokens, role_words))
    if classify is not None:
        sheet_names = {w.lower() for sheet in sheets.sheets for name in sheet.players for w in name.name.split()}
        spans = _classified(view, gaz, rules, spans, sheet_tokens, role_words, classify, sheet_names)
    spans = _split_joined(view, spans, role_words)
    spans.extend(_sheet_people(view, sheets))
    spans.extend(_sheet_clubs(view, gaz, sheets, spans))
    # "Rebels hit three" in a standfirst, "the Rebels" below: a nickname without its article
    nicknames = {s.text for s in spans if s.kind == "person" and _team_nickname_shape(view, s)}
    spans = [_without_demonym(view, rules, s) for s in spans
             if not (s.kind == "person" and (_demonym_description(view, rules, s.start, s.end)
                                              or _team_nickname_shape(view, s) or s.text in nicknames
                                              or view.tokens[s.end - 1].text.lower() in _NOT_SURNAMES
                                              or _in_dateline(view.tokens, s.start, s.end)))]
    # "the County Ground faithful": a ground the gazetteer does not list is no club either
    spans = [s for s in spans if not (s.kind == "club" and s.ref.startswith("U:")
                                      and name_key(s.text).rsplit(" ", 1)[-1] in _VENUE_WORDS)]
    spans = _drop_overlaps(spans)
    spans = _join_particles(view, spans)
    spans = _people_named_as_teams(_staffed_clubs(view, rules, spans), gaz)
    spans = _grounds_named_short(spans)
    spans = _listed_by_town(spans, gaz, rules)
    spans = _clipped_teams(_nickname_owners(_womens_teams(view, _unshouted(spans), gaz), gaz))  # again: the clubs found since
    spans = _acronym_owners(spans)
    spans = _nicknamed_sides(view, _unify_teams(spans))
    spans = _trophies_of_the_country(view, _unify_trophies(spans), gaz)
    spans = _cluster_people(_headline_adjectives(view, spans), _called_names(view, spans), rules.pet_forms)
    spans += _hosts_and_visitors(view, spans, sheets, frozenset().union(*rules.roles.values()))
    spans += _club_voice(view, rules, spans)
    view.set_spans(spans)
    view.set_spans(spans + _anaphoric_people(view, rules, role_words))


def _classified(view: ArticleView, gaz: Gazetteer, rules: Rules, spans: list[Span], sheet_tokens: set[int],
                role_words: frozenset[str], classify: Classify, sheet_names: frozenset[str] | set[str] = frozenset()) -> list[Span]:
    """People and clubs among the names no rule claimed, and one-word "people" the model may have
    mistaken ("Chiefs" for Kaizer Chiefs, "Scudetto"), as the scorer judges them: the spans again."""
    toks = view.tokens
    # one-word "people", and "people" named like part of a team of the article ("North Carolina"
    # in a North Carolina Courage report) are judged again
    team_names = [f" {name_key(s.text)} " for s in spans if s.kind in ("club", "national_team")]
    staff_named = {name_key(s.text) for s in spans if s.kind == "person" and not s.anaphoric and s.end - s.start >= 2
                   and _before_staff(view, rules, s)}
    club_at = {i for s in spans if s.kind == "club" for i in range(s.start, s.end)}
    lone = [s for s in spans if s.kind == "person" and not s.anaphoric and (
        s.end - s.start == 1 or any(f" {name_key(s.text)} " in n for n in team_names) or name_key(s.text) in staff_named
        or _joined_to(toks, s.start, s.end, club_at) and not (s.start and toks[s.start - 1].text.lower() in role_words))]
    cands = mention_candidates(view, spans, rules.club_suffixes, rules.role_of, sheet_tokens, lone)
    lone_at = {(s.start, s.end) for s in lone}
    out: list[Span] = [s for s in spans if (s.start, s.end) not in lone_at or s.kind != "person"]
    verdicts = classify(cands)
    # one sense per article: a name judged a team more often than a person is a team wherever it
    # stands alone ("Chasetown were level", "Chasetown responded" beside "turned out for Tamworth,
    # Rushall Olympic and Chasetown"), unless a person's full name holds it
    full_words = {toks[i].text.lower() for s in spans if s.kind == "person" and s.end - s.start >= 2
                  for i in range(s.start, s.end)}
    senses: dict[str, Counter[str]] = {}
    for c, v in zip(cands, verdicts):
        senses.setdefault(name_key(" ".join(t.text for t in toks[c.start:c.end])), Counter())[v] += 1
    teams_mostly = {k for k, n in senses.items() if n["team"] > n["person"] > 0 and k not in full_words}
    verdicts = ["team" if v == "person" and name_key(" ".join(t.text for t in toks[c.start:c.end])) in teams_mostly
                else v for c, v in zip(cands, verdicts)]
    # "has turned out for Tamworth, Rushall Olympic and Chasetown": a name joined to clubs is a club
    verdicts = ["team" if v in ("person", "none") and _joined_to(toks, c.start, c.end, club_at)
                and not (c.start and toks[c.start - 1].text.lower() in role_words) else v  # not "and midfielder X"
                for c, v in zip(cands, verdicts)]
    # a lone word that ends a person's name is that person, whatever its context suggests
    surnames = {toks[i].text.lower() for s in spans if s.kind == "person" and (s.start, s.end) not in lone_at
                for i in (s.start, s.end - 1)} | \
        {toks[i].text.lower() for c, v in zip(cands, verdicts) if v == "person" for i in (c.start, c.end - 1)} | \
        set(sheet_names)
    full_names = {toks[i].text.lower() for s in spans if s.kind == "person" and s.end - s.start >= 2
                  for i in range(s.start, s.end)}
    not_teams = full_names | set(sheet_names)
    full_display = {name_key(s.text): s.text for s in spans if s.kind == "person" and s.end - s.start >= 2 and not s.anaphoric}
    # a club a rule found, written alone where the model took it for a person: one sense per article
    teams_named = {name_key(s.text): s for s in spans if s.kind in ("club", "national_team") and s.ref and not s.anaphoric}
    # "former Padiham striker Craig Horrocks": a lone word before a role noun and a name is a team, there
    # and wherever else the article writes it alone ("Padiham have turned to ...")
    # (and a place's name so written: "Marlow boss Mark Bagshaw", "Burnham manager Gary Pomfret")
    staff_teams = {toks[c.start].text for c in cands if c.end - c.start == 1 and
                   ((c.start, c.end) in lone_at or c.ner == "NONE" and toks[c.start].pos == "PROPN"
                    and toks[c.start].text.isalpha() and toks[c.start].text.lower() not in _SQUAD_WORDS)
                   and toks[c.start].text.lower() not in not_teams
                   and _before_staff(view, rules, c, ("manager", "player", "captain"))}
    for c, verdict in zip(cands, verdicts):
        named_team = teams_named.get(name_key(toks[c.start].text)) if c.end - c.start == 1 else None
        if named_team is not None and (c.start, c.end) in lone_at and toks[c.start].text.lower() not in not_teams:
            out.append(Span(c.start, c.end, named_team.kind, named_team.ref, toks[c.start].text))
            continue
        if c.end - c.start == 1 and toks[c.start].text in staff_teams:
            verdict = "team"  # "Maitland goalkeeper Tyson Rawlings": one word before a role and a name
        elif verdict == "team" and c.start >= 1 and toks[c.start - 1].text == "in" and \
                not (c.end < len(toks) and toks[c.end].text in ("'s", "'")):
            verdict = "none"  # "a fixture in Melbourne this season": where, not who
        elif c.end - c.start == 1 and toks[c.start].text.lower() in surnames:
            verdict = "person"  # a name the article gives a person elsewhere (in full, or alone)
        elif c.end - c.start == 1 and verdict == "none" and toks[c.start].text.istitle() and \
                name_key(toks[c.start].text) in _pet_names({**full_display, name_key(toks[c.start].text): toks[c.start].text},
                                                           rules.pet_forms):
            verdict = "person"  # "Raff was brilliant": the clipped or pet name of one person named in full
        if verdict == "person" and toks[c.end - 1].text in _CLUB_CODES:
            verdict = "team"  # "NEC FC": no person's name ends in a club's letters
        if c.start >= 1 and c.start - 1 == view.sents[view.sent_of[c.start]][0] and c.end < len(toks) and \
                toks[c.start - 1].text in ("In", "At") and toks[c.end].text == ",":
            verdict = "none"  # "In Masindi, Kitara FC beat ...": where, not who
        if (c.start, c.end) in lone_at and name_key(" ".join(t.text for t in toks[c.start:c.end])) in staff_named:
            verdict = "team"  # "Kampala Queens coach Agnes Nankya": a coach's name follows; here and elsewhere
        if (c.start, c.end) in lone_at and verdict == "person":
            out.append(next(s for s in lone if (s.start, s.end) == (c.start, c.end)))
            continue
        short = _short_form(view, spans, c.start, c.end) if verdict in ("person", "team") else None
        if short is not None and toks[c.start].text.lower() not in full_names:
            out.append(short)  # "Ewood" for Ewood Park, "Brugge" for Club Brugge: a named thing, shortened
        elif verdict == "person":
            span = _person_span(view, c.start, c.end, role_words)
            if span is not None:
                out.append(span)
        elif verdict == "team" and toks[c.end - 1].text.lower() not in _VENUE_WORDS:  # "the Walkers Stadium"
            name = " ".join(t.text for t in toks[c.start:c.end])
            ref = gaz.by_name.get(name_key(name))
            entry = gaz.entries[ref] if ref is not None else None
            if entry is not None and entry.type in ("Club", "NationalTeam"):
                out.append(Span(c.start, c.end, "club" if entry.type == "Club" else "national_team",
                                "G:" + ref, name))
            elif entry is None:
                out.append(Span(c.start, c.end, "club", "U:" + name, name))
    # one sense per article: a name judged a club is no person where the tagger wrote it again
    clubs = {name_key(s.text): s.ref for s in out if s.kind == "club" and s.ref.startswith("U:") and s.end - s.start >= 2}
    return [Span(s.start, s.end, "club", clubs[name_key(s.text)], s.text)
            if s.kind == "person" and not s.anaphoric and name_key(s.text) in clubs else s for s in out]


def _joined_to(toks, start: int, end: int, at: set[int]) -> bool:
    """Whether the name start:end is coordinated with a name covering the tokens ``at``: the
    conjuncts of one list, however far along it ("Tamworth, Rushall Olympic and Chasetown")."""
    head = next((k for k in range(start, end) if not start <= toks[k].head < end), end - 1)
    first = head
    while toks[first].dep == "conj" and toks[first].head != first:
        first = toks[first].head
    members, stack = set(), [first]
    while stack:
        k = stack.pop()
        members.add(k)
        stack.extend(j for j in range(max(0, k - 40), min(len(toks), k + 40))
                     if toks[j].dep == "conj" and toks[j].head == k and j not in members)
    # (a career's list, under a preposition: not "Goalies - Columbus, Evan Kowalczyk, Nico Hanrahan")
    listed = toks[first].dep == "pobj" and toks[toks[first].head].text.lower() in ("for", "at", "with", "from", "to")
    return listed and head in members and first != head and any(k in at for k in members)


# words that stand before a role noun without naming a team: "Club captain X", "Academy coach Y"
_SQUAD_WORDS = {"club", "team", "squad", "side", "academy", "reserve", "reserves", "youth", "women", "ladies",
                "development", "first-team", "assistant", "interim", "caretaker", "former", "new", "head"}


_SHORTENED = ("club", "stadium")
_CLUB_CODES = {"FC", "AFC", "F.C.", "SC", "CF"}
_CODE_KEYS = frozenset(name_key(c) for c in _CLUB_CODES)


def _coded_after(toks, end: int) -> int:
    """1 when a club's letters follow the name untagged ("Sigma" + "FC"), else 0."""
    return int(end < len(toks) and toks[end].text in _CLUB_CODES and toks[end - 1].ws == " "
               and toks[end - 1].text.lower() not in _ORG_WORDS)  # not "ESPN FC"


def _before_staff(view: ArticleView, rules: Rules, s: Span, roles: tuple[str, ...] = ("manager",)) -> bool:
    """"Kampala Queens coach Agnes Nankya": a "person" that a staff role noun and a name follow is
    more likely the team they work for, so the scorer judges it again."""
    return _role_and_name_follow(view, rules, s.end, roles)


def _role_and_name_follow(view: ArticleView, rules: Rules, end: int, roles: tuple[str, ...]) -> bool:
    """Whether the words from `end` are a role noun of `roles` ("head coach" too) and a capitalised
    proper noun, written after a word that ends with a space: "Litex keeper Plamen Dimitrov"."""
    toks = view.tokens
    k = end + (end < len(toks) and toks[end].text.lower() == "head")  # "head coach"
    if k + 1 >= len(toks) or rules.role_of(toks[k].text) not in roles or not toks[end - 1].ws:
        return False
    return toks[k + 1].pos == "PROPN" and toks[k + 1].text[:1].isupper()


def _short_form(view: ArticleView, spans: list[Span], start: int, end: int) -> Span | None:
    """A one-word name that is a word of exactly one club or ground the article names in full (or
    starts exactly one): "Brugge" for Club Brugge, "Ewood" for Ewood Park, "Sydney" beside Sydney
    FC and Western Sydney Wanderers; not a generic word of club names ("United", "City"), nor a
    word of a person's full name."""
    if end - start != 1:
        return None
    word = name_key(view.tokens[start].text)
    if not word or word in _GENERIC_NAME_WORDS or len(word) < 4:
        return None
    owners = {s.ref: s for s in spans if s.kind in _SHORTENED and s.ref and s.ref.startswith("G:")
              and s.end - s.start >= 2 and word in name_key(s.text).split()}
    if len(owners) > 1:  # "Sydney" is Sydney FC, not Western Sydney Wanderers: the name it starts
        owners = {r: s for r, s in owners.items() if name_key(s.text).split()[0] == word}
    if len(owners) != 1:
        return None
    owner = next(iter(owners.values()))
    return Span(start, end, owner.kind, owner.ref, view.tokens[start].text)


_VENUE_WORDS = {"stadium", "arena", "stadion", "estadio", "stade", "ground"}
# a name that ends so is a place, a competition or a fixture, never a person: "Kiwitea Street",
# "Madills Farm", "Knights Stadium", "the Premier Division", "the Clasico"
_NOT_SURNAMES = _VENUE_WORDS | {"grounds", "oval", "reserve", "street", "st", "road", "farm", "showground",
                                "showgrounds", "division", "league", "cup", "trophy", "shield", "championship",
                                "premiership", "clasico", "clásico", "superclasico", "superclásico", "classico",
                                "derbi"}
_GENERIC_NAME_WORDS = {"fc", "afc", "sc", "cf", "cd", "ac", "as", "fk", "sk", "sv", "united", "city", "town", "county",
                       "club", "football", "soccer", "real", "sporting", "athletic", "olympique", "women", "ladies",
                       "de", "del", "la", "le", "the", "and", "of", "al", "el", "national", "team", "sports"}


def _team_words(spans: list[Span], gaz: Gazetteer | None = None) -> dict[str, set[str]]:
    """Each distinctive word of the teams the article names in full (or, with the gazetteer, of
    the listed names of the teams it names) -> the teams that have it."""
    owners: dict[str, set[str]] = {}
    named = [(x.ref, x.text) for x in spans if x.kind in ("club", "national_team") and x.ref and not x.anaphoric]
    if gaz is not None:
        named += [(ref, name) for ref in sorted({r for r, _ in named if r.startswith("G:") and r[2:] in gaz.entries})
                  for name in (gaz.entries[ref[2:]].label, *gaz.entries[ref[2:]].aliases)]
    for ref, text in named:
        words = text.split()
        for w in words if len(words) >= 2 else ():
            if len(w) >= 3 and w.lower() not in _GENERIC_NAME_WORDS and w[:1].isupper():
                owners.setdefault(w, set()).add(ref)
                if w.isupper() and len(w) >= 4:  # "POWER Dynamos" (a first word in capitals), then "Power coach X"
                    owners.setdefault(w.title(), set()).add(ref)
    return owners


def _staffed_clubs(view: ArticleView, rules: Rules, spans: list[Span]) -> list[Span]:
    """A name of two or more words (a "person", or a name nothing claimed) whose first word the
    article also writes alone before a role noun and a name ("Cashmere Technical" and "Cashmere
    coach Andy Lysaght"), and whose last word it never writes without the first, is a club we do
    not list: people go by their surnames, clubs by their places. Its first word alone is the club
    too."""
    toks = view.tokens
    staffed = {toks[i].text for i in range(len(toks) - 1) if toks[i].pos in ("PROPN", "NOUN", "ADJ")
               and toks[i].text[:1].isupper() and toks[i].text.lower() not in view.lower_words
               and _role_and_name_follow(view, rules, i + 1, ("manager", "player", "captain"))}
    if not staffed:
        return spans
    owner = {i: x for x in spans for i in range(x.start, x.end)}
    names = [(x.start, x.end) for x in spans if x.kind == "person" and not x.anaphoric]
    names += [(e.start, e.end) for e in view.ents if e.label in ("ORG", "PERSON", "GPE", "NORP", "FAC")
              and not any(i in owner for i in range(e.start, e.end))]
    clubs: set[str] = set()
    for a, b in names:
        words = [t.text for t in toks[a:b]]
        if len(words) < 2 or words[0] not in staffed or not all(w[:1].isupper() for w in words):
            continue
        if all(t.i > 0 and toks[t.i - 1].text == words[-2] for t in toks if t.text == words[-1]):
            clubs.add(" ".join(words))
    if not clubs:
        return spans
    first = {c.split()[0]: c for c in clubs}
    out = [Span(x.start, x.end, "club", "U:" + x.text, x.text) if x.kind == "person" and x.text in clubs else x
           for x in spans]
    for e in view.ents:
        name = " ".join(t.text for t in toks[e.start:e.end])
        if name in clubs and not any(i in owner for i in range(e.start, e.end)):
            out.append(Span(e.start, e.end, "club", "U:" + name, name))
            owner.update((i, out[-1]) for i in range(e.start, e.end))
    for t in toks:  # "The result lifts Cashmere to third", "Cashmere coach Andy Lysaght"
        if t.text in first and t.i not in owner and t.pos in ("PROPN", "NOUN", "ADJ") and not (
                t.i + 1 < len(toks) and toks[t.i + 1].text[:1].isupper() and toks[t.i + 1].pos == "PROPN" and t.ws):
            out.append(Span(t.i, t.i + 1, "club", "U:" + first[t.text], t.text))
    return out


def _people_named_as_teams(spans: list[Span], gaz: Gazetteer) -> list[Span]:
    """A one-word "person" that is one word of a team the article names in full is that team:
    "Columbus" in an AP box score ("4, Columbus, Ramírez, 5, 67th") of a Columbus Crew report,
    "Gor" of Gor Mahia, "the Current" of Kansas City Current, "Tech" of Cashmere Technical."""
    owners = _team_words(spans, gaz)
    kinds = {x.ref: x.kind for x in spans if x.kind in ("club", "national_team")}
    out = []
    for x in spans:
        word = x.text[4:] if x.text.lower().startswith("the ") else x.text  # "the Current" of Kansas City Current
        refs = owners.get(word) if x.kind == "person" and not x.anaphoric and " " not in word else None
        if refs is None and x.kind == "person" and not x.anaphoric and " " not in word and len(word) >= 4:
            # "as Tech climb to third": a word of the name clipped (Cashmere Technical)
            refs = {r for w, rs in owners.items() if w.startswith(word) and len(w) > len(word) for r in rs} or None
        if refs is not None and len(refs) == 1:
            ref = next(iter(refs))
            x = Span(x.start, x.end, kinds[ref], ref, x.text)
        out.append(x)
    return out


def _grounds_named_short(spans: list[Span]) -> list[Span]:
    """A "person" whose name is a run of words of a ground the article names in full is that
    ground: "Jalan Besar" (Jalan Besar Stadium), "St James'" (St James' Park), "Alvalade"."""
    grounds = {s.ref: name_key(s.text).split() for s in spans if s.kind == "stadium" and s.ref.startswith("G:")}
    people = {name_key(s.text) for s in spans if s.kind == "person" and not s.anaphoric}
    out = []
    for x in spans:
        words = name_key(x.text).split()
        if x.kind == "person" and not x.anaphoric and words and len(x.text) >= 4:
            owners = [ref for ref, g in grounds.items() if len(g) > len(words) and any(
                g[i:i + len(words)] == words for i in range(len(g) - len(words) + 1))]
            key = " ".join(words)
            if len(owners) == 1 and not any(n != key and f" {key} " in f" {n} " for n in people):
                x = Span(x.start, x.end, "stadium", owners[0], x.text)
        out.append(x)
    return out


def _short_forms(view: ArticleView, spans: list[Span], sheet_tokens: set[int]) -> list[Span]:
    """A club the article names in full, named again by one word of its name: "Victory beat
    Sydney FC", "hold off the Current", "Current head coach ..." (Melbourne Victory, Kansas City
    Current). Only a word no other team of the article has; at a sentence's start, only a word
    the article never writes in lower case ("Victory was sweet" is not the club)."""
    owners = _team_words(spans)
    if not owners:
        return []
    taken = {i for x in spans if x.kind != "person" for i in range(x.start, x.end)} | sheet_tokens
    lower = view.lower_words
    out = []
    for t in view.tokens:
        refs = owners.get(t.text)
        if refs is None or len(refs) != 1 or t.i in taken or t.pos not in ("PROPN", "NOUN", "ADJ"):
            continue
        initial = view.sents[view.sent_of[t.i]][0] == t.i
        if initial and t.text.lower() in lower:
            continue
        ref = next(iter(refs))
        after = view.tokens[t.i + 1] if t.i + 1 < len(view.tokens) and t.ws == " " else None
        if after is not None and after.pos == "PROPN" and after.text.istitle() and \
                view.ent_label.get(t.i) == view.ent_label.get(after.i) and view.ent_label.get(t.i) in ("ORG", "GPE") and \
                not any(x.ref == ref and after.text in x.text.split() for x in spans):
            continue  # "Warrington Rylands" beside Warrington Town: another club's whole name
        out.append(Span(t.i, t.i + 1, "national_team" if any(
            x.ref == ref and x.kind == "national_team" for x in spans) else "club", ref, t.text))
    return out


def _nickname_owners(spans: list[Span], gaz: Gazetteer) -> list[Span]:
    """"the Lionesses" in a London City Lionesses story is that club, not England: a nickname
    that ends the name of exactly one other team the article names is that team, unless the
    article names the nickname's own team otherwise ("United" beside Manchester United and
    Newcastle United is Manchester United's)."""
    def bare(s: Span) -> str:
        return name_key(s.text[4:] if s.text.lower().startswith("the ") else s.text)

    names = {(s.ref, name_key(s.text)) for s in spans if s.kind in ("club", "national_team") and s.ref
             and not s.anaphoric}
    by_name = {s.ref for s in spans if s.ref.startswith("G:") and s.kind in ("club", "national_team")
               and s.ref[2:] not in gaz.by_nickname.get(bare(s), ())}
    out = []
    for s in spans:
        if s.kind in ("club", "national_team") and s.ref.startswith("G:") and s.ref not in by_name:
            key = bare(s)
            if s.ref[2:] in gaz.by_nickname.get(key, ()):
                owners = {ref for ref, name in names if ref != s.ref and name.endswith(" " + key)}
                if len(owners) == 1:
                    s = Span(s.start, s.end, s.kind, owners.pop(), s.text, s.anaphoric)
        out.append(s)
    return out


def _unshouted(spans: list[Span]) -> list[Span]:
    """"MALAHIDE United" (a story's first word in capitals) is the club "Malahide United": an
    unlisted club's name keeps its usual case."""
    out = []
    for s in spans:
        words = s.ref[2:].split(" ", 1) if s.kind == "club" and s.ref.startswith("U:") else []
        if len(words) == 2 and len(words[0]) >= 4 and words[0].isupper() and not words[1].isupper():
            s = Span(s.start, s.end, s.kind, f"U:{words[0].title()} {words[1]}", s.text, s.anaphoric)
        out.append(s)
    return out


def _clipped_teams(spans: list[Span]) -> list[Span]:
    """"Brock" for Brockenhurst, "Lok Plovdiv" for Lokomotiv Plovdiv: a team the gazetteer does
    not list, whose every word is the same word of one other team the article names, or that
    word's first three letters or more, or whose capitals are the other's initials ("BFC"), is
    that team."""
    names = {(s.ref, tuple(name_key(s.text).split())) for s in spans
             if s.kind in ("club", "national_team") and s.ref and not s.anaphoric}

    initials = {(s.ref, _initials(s.text)) for s in spans
                if s.kind in ("club", "national_team") and s.ref and not s.anaphoric and len(s.text.split()) >= 2}

    def clips(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
        return len(short) == len(full) and short != full and all(
            a == b or len(a) >= 3 and b.startswith(a) for a, b in zip(short, full))

    out = []
    for s in spans:
        if s.kind == "club" and s.ref.startswith("U:"):
            words = tuple(name_key(s.text).split())
            owners = {ref for ref, full in names if ref != s.ref and clips(words, full)}
            if not owners and 2 <= len(s.text) <= 6 and s.text.isalpha() and s.text.isupper():
                # "BFC" for Bengaluru FC, "NYCFC" for New York City FC: its initials
                owners = {ref for ref, letters in initials if ref != s.ref and letters == s.text}
            if len(owners) == 1:
                s = Span(s.start, s.end, s.kind, owners.pop(), s.text, s.anaphoric)
        out.append(s)
    return out


def _acronym_owners(spans: list[Span]) -> list[Span]:
    """"CPL" in an article that names the Cambodian Premier League is that league, though the
    gazetteer lists "CPL" for Canada's: a competition in capitals whose letters are the initials of
    one other competition the article writes in full is that one."""
    initials = {(s.ref, _initials(s.text)) for s in spans
                if s.kind == "trophy" and s.ref and not s.anaphoric and len(s.text.split()) >= 2}
    out = []
    for s in spans:
        if s.kind == "trophy" and 2 <= len(s.text) <= 6 and s.text.isalpha() and s.text.isupper():
            owners = {ref for ref, letters in initials if letters == s.text}
            if len(owners) == 1 and s.ref not in owners:
                s = Span(s.start, s.end, s.kind, owners.pop(), s.text, s.anaphoric)
        out.append(s)
    return out


def _initials(name: str) -> str:
    """"Bengaluru FC" -> "BFC", "New York City FC" -> "NYCFC": each word's capital, a word in
    capitals whole."""
    return "".join(w if w.isupper() else w[:1] for w in name.split() if w[:1].isupper())


def _listed_by_town(spans: list[Span], gaz: Gazetteer, rules: Rules) -> list[Span]:
    """A club the gazetteer does not list by the name written, named by the words of one listed
    club's name before its club word, is that club: "Hamilton" is Hamilton Academical, "Selangor"
    Selangor FC. With several such clubs, the one from a country the article names clubs of;
    else none."""
    towns = gaz.by_town(frozenset(name_key(w) for w in rules.club_suffixes))
    countries = {gaz.entries[s.ref[2:]].country for s in spans if s.kind == "club" and s.ref.startswith("G:")
                 and s.ref[2:] in gaz.entries}
    out = []
    for s in spans:
        if s.kind == "club" and s.ref.startswith("U:"):
            owners = towns.get(name_key(s.ref[2:]), ())
            if len(owners) > 1:
                owners = tuple(c for c in owners if gaz.entries[c].country in countries)
            if len(owners) == 1:
                s = Span(s.start, s.end, s.kind, "G:" + owners[0], s.text, s.anaphoric)
        out.append(s)
    return out


def _unify_teams(spans: list[Span]) -> list[Span]:
    """A club the gazetteer does not know, named by some words of a team the article names in
    full, is that team: "Cavalry" is "Cavalry FC", "Chiefs" is "Kaizer Chiefs", "Atlanta" is
    "Atlanta United", when no other team of the article has those words. Twice: "Madison" has one
    owner once "Forward Madison" is Forward Madison FC. A name written in capitals too ("CWMBRAN
    CELTIC" in a headline) is one club: the spelling written first that is not all capitals."""
    spelling: dict[str, str] = {}
    for s in sorted(spans, key=lambda x: (x.ref.isupper(), x.start)):
        if s.kind == "club" and s.ref.startswith("U:"):
            spelling.setdefault(name_key(s.ref[2:]), s.ref)
    spans = [Span(s.start, s.end, s.kind, spelling[name_key(s.ref[2:])], s.text, s.anaphoric)
             if s.kind == "club" and s.ref.startswith("U:") else s for s in spans]
    return _unify_once(_unify_once(spans))


def _nicknamed_sides(view: ArticleView, spans: list[Span]) -> list[Span]:
    """A name we do not list, always written with "the", in a match report of two teams: "gave
    the Military Club a 2-0 win over Mamelodi Sundowns", "the Bulldogs" beside only the other side
    each time, is a nickname of one side. It is the side it is never written beside, when each
    side is named at least twice and no third team as often."""
    toks = view.tokens
    if not any(SCORE.search(view.sentence_text(k)) for k in range(len(view.sents))):
        return spans
    teams = [s for s in spans if s.kind in ("club", "national_team") and s.ref and not s.anaphoric]
    definite = {s.ref for s in teams if s.ref.startswith("U:")} - {
        s.ref for s in teams if s.ref.startswith("U:") and not (s.start > 0 and toks[s.start - 1].text.lower() == "the")}
    counts = Counter(s.ref for s in teams if s.ref not in definite)
    ranked = counts.most_common(3)
    if len(ranked) < 2 or ranked[1][1] < 2 or len(ranked) == 3 and ranked[2][1] >= ranked[1][1]:
        return spans
    sides = {ranked[0][0], ranked[1][0]}
    renamed: dict[str, str] = {}
    for ref in sorted(definite):
        sents = {view.sent_of[s.start] for s in teams if s.ref == ref}
        beside = {s.ref for s in teams if s.ref in sides and view.sent_of[s.start] in sents}
        if len(beside) == 1:
            renamed[ref] = (sides - beside).pop()
    return [Span(s.start, s.end, s.kind, renamed[s.ref], s.text, s.anaphoric) if s.ref in renamed else s
            for s in spans]


def _unify_once(spans: list[Span]) -> list[Span]:
    full: dict[str, set[str]] = {}
    for s in spans:
        if s.kind in ("club", "national_team") and s.ref:
            full.setdefault(s.ref, set()).add(name_key(s.text))
            if s.ref.startswith("U:"):
                full[s.ref].add(name_key(s.ref[2:]))
    out = []
    for s in spans:
        if s.kind == "club" and s.ref:
            # a gazetteer short form too: "Newcastle" in a Newcastle Jets report is the Jets
            key = name_key(s.ref[2:]) if s.ref.startswith("U:") else name_key(s.text)
            owners = {ref for ref, names in full.items() if ref != s.ref and
                      any(f" {key} " in f" {n} " and n != key for n in names) and not (
                          s.ref.startswith("G:") and ref.rsplit(" ", 1)[-1] in _TEAM_SUFFIXES)}
            # (a listed club is its "Women" or "U23s" team only by `_womens_teams`' judgement)
            named_in_full = any(n != key and f" {key} " in f" {n} " for n in full.get(s.ref, ()))
            if len(owners) == 1 and not named_in_full:
                s = Span(s.start, s.end, s.kind, owners.pop(), s.text, s.anaphoric)
        out.append(s)
    return out


_TIER = re.compile(r"^(?:\d+|first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)$")


def _unify_trophies(spans: list[Span]) -> list[Span]:
    """A competition named by the end of a longer competition's name the article also writes is
    that one: "the Champions League" in a report of "the CAF Champions League", "the World Cup"
    beside "the Women's World Cup"; not when two longer names end so."""
    out = []
    fullest: dict[str, str] = {}  # ref -> its longest name in the article
    for s in spans:
        if s.kind == "trophy" and s.ref and len(s.text) > len(fullest.get(s.ref, "")):
            fullest[s.ref] = s.text
    for s in spans:
        if s.kind == "trophy" and s.ref:
            key = name_key(s.text)
            # not a lower division: "2. Bundesliga", "Second Division" do not name the Bundesliga
            longer = {ref for ref, text in fullest.items() if ref != s.ref and name_key(text).endswith(" " + key)
                      and not _TIER.match(name_key(text)[:-len(key)].strip())}
            if len(longer) == 1:
                s = Span(s.start, s.end, s.kind, longer.pop(), s.text, s.anaphoric)
        out.append(s)
    return out


def _trophies_of_the_country(view: ArticleView, spans: list[Span], gaz: Gazetteer) -> list[Span]:
    """"the Premier League" in a Kenyan report that names no English club is the Kenyan Premier
    League; "the Championship" among Scottish clubs the Scottish one; "Série A" among Brazilian
    clubs the Brasileirão: a listed competition of another country than every club the article
    names is the one competition of the clubs' country whose name ends the same way, when a
    sentence names it beside one of those clubs (not a page's navigation links alone)."""
    countries = Counter(gaz.entries[s.ref[2:]].country for s in {x.ref: x for x in spans if x.kind == "club"
                                                                and x.ref.startswith("G:") and not x.anaphoric}.values()
                        if s.ref[2:] in gaz.entries)
    ranked = countries.most_common(2)
    if not ranked or ranked[0][0] is None or ranked[0][1] < 2 or (len(ranked) == 2 and 2 * ranked[1][1] > ranked[0][1]):
        return spans
    home = ranked[0][0]
    club_sents = {view.sent_of[x.start] for x in spans if x.kind == "club" and x.ref.startswith("G:")
                  and x.ref[2:] in gaz.entries and gaz.entries[x.ref[2:]].country == home}
    home_names: dict[str, str | None] = {}  # a competition's words here -> the home competition they name
    beside_clubs: set[str] = set()  # ... those a sentence writes beside a home club
    for s in spans:
        entry = gaz.entries.get(s.ref[2:]) if s.kind == "trophy" and s.ref.startswith("G:") else None
        if entry is None or not entry.country or entry.country == home or countries.get(entry.country):
            continue
        key = name_key(s.text[4:] if s.text.lower().startswith("the ") else s.text)
        if key not in home_names:
            found = {cid for cid, keys in gaz.trophies_by_country.get(home, ()) for k in keys
                     if k == key or k.endswith(" " + key)}
            home_names[key] = found.pop() if len(found) == 1 else None
        if home_names[key] and view.sent_of[s.start] in club_sents:
            beside_clubs.add(key)
    out = []
    for s in spans:
        key = name_key(s.text[4:] if s.text.lower().startswith("the ") else s.text) if s.kind == "trophy" else ""
        if key in beside_clubs and s.ref.startswith("G:"):
            s = Span(s.start, s.end, s.kind, f"G:{home_names[key]}", s.text, s.anaphoric)
        out.append(s)
    return out


def _elided_trophies(view: ArticleView, gaz: Gazetteer, spans: list[Span]) -> list[Span]:
    """"the FA and Carabao Cup double": the first cup's name is elided, "FA" stands for "FA Cup"."""
    toks = view.tokens
    taken = {i for s in spans for i in range(s.start, s.end)}
    out = []
    for s in spans:
        if s.kind != "trophy" or s.start < 2 or toks[s.start - 1].text.lower() not in ("and", "&", "/"):
            continue
        last = toks[s.end - 1].text  # "Cup", "League", "Trophy"
        j = s.start - 2
        if j in taken or not toks[j].text[:1].isupper():
            continue
        candidate = f"{toks[j].text} {last}"
        ref = gaz.by_name.get(name_key(candidate))
        if ref and gaz.entries[ref].type == "Trophy":
            out.append(Span(j, j + 1, "trophy", "G:" + ref, toks[j].text))
    return out


def _foreign_leagues(view: ArticleView, gaz: Gazetteer, spans: list[Span]) -> list[Span]:
    """"the Jamaica Premier League": a country's name, then another country's listed league's
    name, is a league the gazetteer does not list, not England's Premier League and Jamaica."""
    toks = view.tokens
    country_at = {e.end: e for e in view.ents if e.label == "NATIONAL_TEAM" and e.ent_id}
    gone: set[int] = set()
    out = []
    for s in spans:
        country = country_at.get(s.start)
        if s.kind != "trophy" or not s.ref.startswith("G:") or country is None or not toks[s.start - 1].ws:
            continue
        team, league = gaz.entries.get(country.ent_id), gaz.entries.get(s.ref[2:])
        if team is None or league is None or league.country in (None, team.country) or \
                toks[s.end - 1].text not in _LEAGUE_WORDS:
            continue
        name = view.char_text(toks[country.start].idx, toks[s.end - 1].idx + len(toks[s.end - 1].text))
        gone.update(range(country.start, s.end))
        out.append(Span(country.start, s.end, "trophy", "U:" + name, name))
    return [s for s in spans if s.start not in gone] + out


_CUP_WORDS = {"Cup", "Shield", "Trophy", "Plate", "Vase", "League"}
_NOT_CUP_NAMES = {"the", "a", "an", "his", "her", "their", "its", "our", "this", "that", "last", "next", "and",
                  "of", "for", "in", "at", "to", "with", "world"}


def _unlisted_competitions(view: ArticleView, gaz: Gazetteer, spans: list[Span]) -> list[Span]:
    """Competitions the gazetteer does not list, named by capitalised words before "Cup",
    "Shield", "Trophy", "Plate", "Vase" or "League": "the Sussex Senior Cup", "the 2023 Dockerty
    Cup winners", "the Seamus Gallen Memorial Cup" (a person's name inside is the cup's), "the
    Wessex League" (not "the Super League": only the words of a level)."""
    toks = view.tokens
    taken = {i: s for s in spans for i in range(s.start, s.end)}
    out = []
    for t in toks:
        if t.text not in _CUP_WORDS or t.i in taken:
            continue
        start = t.i
        while start > 0 and toks[start - 1].ws and view.sent_of[start - 1] == view.sent_of[t.i]:
            if toks[start - 1].text in ("'s", "\u2019s") and start > 1 and toks[start - 2].text in _GENDER_WORDS \
                    and start - 2 not in taken:
                start -= 2  # "the Essex Women's Senior Cup"
            elif _cup_name_word(toks[start - 1].text) and (start - 1 not in taken or taken[start - 1].kind == "person"):
                start -= 1
            else:
                break
        if start < t.i and (t.text != "League" or {x.text for x in toks[start:t.i]} - _LEVEL_WORDS):
            text = view.char_text(toks[start].idx, t.idx + len(t.text))
            listed = _listed_league(gaz, [x.text for x in toks[start:t.i + 1]]) if t.text == "League" else None
            out.append(Span(start, t.i + 1, "trophy", f"G:{listed}" if listed else "U:" + text, text))
    return out


def _listed_league(gaz: Gazetteer, words: list[str]) -> str | None:
    """"QNB Stars League": a sponsor's name before the end of the one listed league's name
    ("Qatar Stars League") that ends in the same words (not only in a level's: "Premier League")."""
    for k in range(1, len(words) - 1):
        if not set(words[k:-1]) - _LEVEL_WORDS:
            break
        key = " " + name_key(" ".join(words[k:]))
        owners = {i for n, i in gaz.by_name.items() if (" " + n).endswith(key) and gaz.entries[i].type == "Trophy"}
        if len(owners) == 1:
            return next(iter(owners))
    return None


# the words of a league's level, not its name: "the Super League", "Sunday League football"
_LEVEL_WORDS = {"Premier", "Super", "National", "Football", "Champions", "First", "Second", "Third", "Major",
                "Sunday", "Saturday", "Youth", "Junior", "Senior", "Little", "Ivy", "Nations", "Conference"}

_GENDER_WORDS = {"Women", "Men", "Ladies", "Girls", "Boys"}


def _cup_name_word(word: str) -> bool:
    return word[:1].isupper() and word.replace("-", "").replace("'", "").isalpha() and \
        word.lower() not in _NOT_CUP_NAMES


def _one_suffixed_team(spans: list[Span], gaz: Gazetteer) -> list[Span]:
    """"Leeds United Ladies" and "Leeds Ladies" in one article are one team: two names of one
    listed club with the same suffix. The club's full name is kept, else the first written."""
    def key(s: Span) -> tuple[str, str] | None:
        if s.kind != "club" or not s.ref.startswith("U:"):
            return None
        base, _, suffix = s.ref[2:].rpartition(" ")
        entry = gaz.by_name.get(name_key(base)) if suffix in _TEAM_SUFFIXES else None
        return (entry, "Women" if suffix in _WOMENS_WORDS else suffix) if entry else None

    canonical: dict[tuple[str, str], str] = {}
    for s in spans:
        k = key(s)
        if k and (k not in canonical or s.ref[2:].rpartition(" ")[0] == gaz.entries[k[0]].label):
            canonical[k] = s.ref
    return [Span(s.start, s.end, s.kind, canonical[k], s.text, s.anaphoric) if (k := key(s)) else s
            for s in spans]


def _womens_teams(view: ArticleView, spans: list[Span], gaz: Gazetteer) -> list[Span]:
    """In an article about "Liverpool Women", a bare "Liverpool" is that team too. In an article
    about women's football (a women's team or competition named, and "she" at least as often as
    "he"; or "she" alone, and twice as often), every club is its women's team ("Chelsea" is
    Chelsea Women, one name across articles whatever suffix each uses) unless it is a women's
    club already, and a competition is its women's counterpart ("the Champions League")."""
    womens = _about_womens_football(view, spans, gaz)
    # the suffixed team is what the article is about when it is named in the first third of it or
    # as a sentence's subject, not only in a page's debris ("Buy tickets for Wolves Women v ...")
    early = max(3, len(view.sents) // 3)
    teams = {s.ref[2:].rsplit(" ", 1)[0]: s.ref for s in spans if s.ref.startswith("U:")
             and s.ref.rsplit(" ", 1)[-1] in _TEAM_SUFFIXES and (
                 womens or view.sent_of[s.start] < early or view.tokens[s.end - 1].dep in ("nsubj", "nsubjpass"))}
    # (the name's last word is its head: "Tranmere Rovers Women's Player of the Season was ..." has a
    # subject the name only qualifies)
    by_label = {name_key(n): ref for n, ref in teams.items()}
    out = []
    for s in spans:
        entry = gaz.entries.get(s.ref[2:]) if s.ref.startswith("G:") else None
        ref = None
        if entry and s.kind == "club":
            ref = by_label.get(name_key(entry.label)) or next(
                (by_label[name_key(a)] for a in entry.aliases if name_key(a) in by_label), None)
            if ref is None and womens and not entry.women:
                ref = f"U:{entry.label} Women"
        elif entry and s.kind == "trophy" and womens and entry.women_counterpart in gaz.entries:
            ref = "G:" + entry.women_counterpart
        out.append(Span(s.start, s.end, s.kind, ref, s.text, s.anaphoric) if ref else s)
    return out


_SHE = frozenset({"she", "her", "hers", "herself"})
_HE = frozenset({"he", "him", "his", "himself"})


def _about_womens_football(view: ArticleView, spans: list[Span], gaz: Gazetteer) -> bool:
    she = sum(1 for t in view.tokens if t.text.lower() in _SHE)
    he = sum(1 for t in view.tokens if t.text.lower() in _HE)
    named = any(s.ref.startswith("U:") and s.ref.rsplit(" ", 1)[-1] in ("Women", "Ladies", "Femenil")
                or s.ref.startswith("G:") and s.ref[2:] in gaz.entries and gaz.entries[s.ref[2:]].women
                for s in spans)
    return (named and she >= he) or (she >= 3 and she >= 2 * he)


_HOME_WORDS = {("hosts",): 0, ("home", "side"): 0, ("home", "team"): 0, ("visitors",): 1,
               ("away", "side"): 1, ("away", "team"): 1, ("visiting", "side"): 1, ("visiting", "team"): 1}


def _hosts_and_visitors(view: ArticleView, spans: list[Span], sheets: TeamSheets,
                        role_words: frozenset[str] = frozenset()) -> list[Span]:
    """"the hosts", "the visitors", "the home side": the teams of the article's one match, home
    first, as a result line ("Woking 1 Boreham Wood 1") or the headline's score ("Liverpool 1-0
    Chelsea") orders them. Anaphoric team mentions, so that "the visitors' keeper X" and
    "equalised for the hosts" tie people to a side. Nothing when the article reports several
    pairings that way (a round-up)."""
    toks = view.tokens
    teams = [s for s in spans if s.kind in ("club", "national_team") and s.ref and not s.anaphoric]
    at = {s.start: s for s in teams}
    pairs: list[tuple[str, str]] = []
    for line in sheets.results:
        a, b = (at.get(view.token_at_char(x.start)) for x in (line.home, line.away))
        if a is not None and b is not None and a.ref != b.ref:
            pairs.append((a.ref, b.ref))
    for x, y in zip(teams, teams[1:]):  # "Liverpool 1-0 Chelsea" in the first lines
        if view.sent_of[x.start] <= 2 and view.sent_of[x.start] == view.sent_of[y.start] and x.ref != y.ref \
                and SCORE.fullmatch(view.char_text(toks[x.end - 1].idx + len(toks[x.end - 1].text),
                                                   toks[y.start].idx).strip()):
            pairs.append((x.ref, y.ref))
    if len(set(pairs)) != 1:
        return []
    home_away = pairs[0]
    taken = {i for s in spans for i in range(s.start, s.end)}
    out = []
    for i in range(1, len(toks)):
        if toks[i - 1].text.lower() != "the" or i in taken:
            continue
        for words, side in _HOME_WORDS.items():
            end = i + len(words)
            if tuple(t.text.lower() for t in toks[i:end]) == words:
                text = " ".join(t.text for t in toks[i:end])
                out.append(Span(i, end, "club", home_away[side], text, anaphoric=True))
        side = _SIDE_WORDS.get(toks[i].text.lower())
        if side is not None and i + 1 < len(toks) and toks[i + 1].text.lower() in role_words:
            out.append(Span(i, i + 1, "club", home_away[side], toks[i].text, anaphoric=True))  # "the home captain"
    return out


_SIDE_WORDS = {"home": 0, "away": 1, "visiting": 1}


_WE = {"we", "us", "our", "ours"}
_LIVE_LINE = re.compile(r"^[ \t]*\d{1,3}(?:\+\d{1,2})?[ \t]*(?:mins?\b|')", re.M)


def _club_voice(view: ArticleView, rules: Rules, spans: list[Span]) -> list[Span]:
    """A club's own voice (a club website's report, programme notes, a season review, a fans'
    blog): "we went down 2-1 at Culter", "our skipper Craig Duthie". Outside quotes, "we", "us"
    and "our" are the club the article names most, when the narrative speaks so at least three
    times, once as a side ("our keeper", "we beat"); not on a live page (its "we" is the
    publisher's) nor in a sentence that names nobody (a cookie banner's "we")."""
    toks = view.tokens
    if len(_LIVE_LINE.findall(view.doc.text)) >= 3:
        return []
    taken = {i for s in spans for i in range(s.start, s.end)}
    named = {view.sent_of[s.start] for s in spans if not s.anaphoric}
    text = view.doc.text

    def quoted(i: int) -> bool:  # inside quotation marks, or on a line a quote opens ("'We went 1-1 ...")
        line = text[text.rfind("\n", 0, toks[i].idx) + 1:toks[i].idx].lstrip()
        return view.in_quote(i) or line[:1] in ("'", "\u2018", '"', "\u201c")

    ours = [i for i, t in enumerate(toks) if t.text.lower() in _WE and i not in taken and
            view.sent_of[i] in named and not quoted(i)]
    as_side = [i for i in ours if toks[i].text.lower() == "our" and toks[toks[i].head].lemma.lower() in rules.club_voice_nouns
               or toks[i].text.lower() in ("we", "us") and toks[toks[i].head].lemma.lower() in rules.club_voice_verbs]
    if len(ours) < 3 or not as_side:
        return []
    # the club speaking is not one it plays ("we beat Sunnybank"), and is named clearly most
    played = {k for i in as_side if toks[i].text.lower() in ("we", "us") for k in view.subtree(toks[i].head)}
    opponents = {s.ref for s in spans if s.kind == "club" and s.head_index in played}
    clubs = Counter(s.ref for s in spans if s.kind == "club" and s.ref and not s.anaphoric and s.ref not in opponents)
    ranked = clubs.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) == 2 and 2 * ranked[0][1] <= 3 * ranked[1][1]):
        return []
    return [Span(i, i + 1, "club", ranked[0][0], toks[i].text, anaphoric=True) for i in ours]


def _place_and_suffix(view: ArticleView, gaz: Gazetteer, i: int, roles: frozenset[str] = frozenset()) -> Span | None:
    """A club-name word the gazetteer knows as a nickname or a club's name ("City", "United",
    "Celtic") after proper nouns no entity claimed: "Mbarara City", "Busoga United", "Farsley
    Celtic" are whole names of clubs it does not list ("Glasgow Celtic" is Celtic's)."""
    toks = view.tokens
    begin = _name_begin(view, i)
    if begin == i or i + 1 < len(toks) and toks[i].ws and toks[i + 1].pos == "PROPN" and toks[i + 1].text[:1].isupper():
        return None  # "Kansas City Current": a longer name, not this one
    if begin > 0 and toks[begin - 1].text.lower() in roles:
        return None  # "captain Tatum Vale": a person
    if i + 1 < len(toks) and toks[i + 1].lemma.lower() == "derby":
        return None  # "the first Steel City derby": a fixture's name
    name = " ".join(t.text for t in toks[begin:i + 1])
    stem = toks[begin].text.lower()[:3]
    # a listed nickname's clubs: with every club ending in "City" ("short_forms"), "Kansas City"
    # would be Sporting Kansas City cut short in a report on the Kansas City Current
    owners = {c for c in gaz.by_nickname.get(name_key(toks[i].text), ()) if gaz.entries[c].short_form is None}
    if name_key(toks[i].text) in gaz.by_name:
        owners.add(gaz.by_name[name_key(toks[i].text)])
    known = {w.lower() for cid in owners for n in (gaz.entries[cid].label, *gaz.entries[cid].aliases)
             for w in n.split()} - {toks[i].text.lower()}  # ("Tow Law Town" is not cut short by its "Town")
    if name_key(name) in gaz.by_name or any(w.startswith(stem) for w in known):
        return None  # "Nottm Forest": a club the nickname names, its place cut short
    return Span(begin, i + 1, "club", "U:" + name, name)


def _name_begin(view: ArticleView, i: int) -> int:
    """Where a club's name that ends in club words at ``i`` begins: up to three proper nouns before
    it that no entity claimed, in its sentence, after any league's name ("Mbarara City", "Simcoe
    County Rovers", "Ryman League Hitchin Town")."""
    toks = view.tokens
    begin = i
    while begin > 0 and i - begin < 3 and toks[begin - 1].pos == "PROPN" and toks[begin - 1].text[:1].isupper() \
            and toks[begin - 1].ws and view.ent_label.get(begin - 1) not in (*GAZ_KINDS, "NICKNAME") \
            and view.sent_of[begin - 1] == view.sent_of[i] and toks[begin - 1].text not in _LEAGUE_WORDS:
        begin -= 1  # (not "Ryman League Hitchin Town": the club after its league's name)
    return begin


def _place_and_nickname(view: ArticleView, gaz: Gazetteer, roles: frozenset[str], start: int, end: int,
                        named: set[str]) -> Span | None:
    """A one-word nickname after one proper noun no entity claimed is an unlisted club's whole
    name: "Vaughan Azzurri" is not Italy, "Simcoe Rovers" not a Rovers we list; not after a role
    noun ("captain Tatum Vale")."""
    toks = view.tokens
    k = start - 1
    if end - start != 1 or k < 0 or toks[k].ws != " " or toks[k].pos != "PROPN" or not toks[k].text.istitle() \
            or view.ent_label.get(k) in (*GAZ_KINDS, "NICKNAME") or toks[k].text.lower() in roles | _ORG_WORDS \
            or view.sent_of[k] != view.sent_of[start] or k > 0 and toks[k - 1].text.lower() in roles | {"the"} \
            or k > 0 and toks[k - 1].pos == "PROPN" and toks[k - 1].text[:1].isupper() and toks[k - 1].ws == " " \
            or end < len(toks) and toks[start].ws == " " and toks[end].pos == "PROPN" and toks[end].text[:1].isupper() \
            or end < len(toks) and toks[end].lemma.lower() == "derby":  # "the first Steel City derby": a fixture
        return None
    name = f"{toks[k].text} {toks[start].text}"
    if name_key(name) in gaz.by_name or name_key(name) in gaz.by_nickname or toks[k].text.lower() in _ARTICLES \
            or _the_nickname(gaz, toks[start].text) or named & set(gaz.by_nickname.get(name_key(toks[start].text), ())):
        # "La Celeste", "the Red Rebels": the nickname written whole; "Graphic Sports" ("the Sports");
        # "Jubilant Reds belt out ..." in an article naming Liverpool: the nickname's own club
        return None
    return Span(k, end, "club", "U:" + name, name)


# articles of the languages whose nicknames the gazetteer lists ("La Academia", "El Rojo")
_ARTICLES = {"la", "el", "los", "las", "le", "les", "il", "lo", "gli", "o", "os", "as", "die", "der", "das",
             "de", "het", "den", "al"}


def _the_nickname(gaz: Gazetteer, text: str) -> bool:
    """Every club that goes by this nickname is called by it with "the" ("the Alex" is Crewe)."""
    spellings = [n for cid in gaz.by_nickname.get(name_key(text), ()) for n in gaz.entries[cid].nicknames
                 if name_key(n[4:] if n.lower().startswith("the ") else n) == name_key(text)]
    return bool(spellings) and all(n.lower().startswith("the ") for n in spellings)


def _short_name(text: str, label: str) -> bool:
    """"Monterrey" for CF Monterrey: the words of a club's label, not a nickname of its own."""
    words = name_key(text).split()
    return bool(words) and f" {' '.join(words)} " in f" {name_key(label)} "


def _choose(candidates: tuple[str, ...], explicit: Counter[str], named: str | None,
            grounds: frozenset[str] = frozenset(), lead: frozenset[str] = frozenset()) -> str | None:
    """The entry a name or nickname stands for. A nickname alone names a club only if the article
    also names that club, or its ground (`grounds`: "Saints ... St Mary's" is Southampton, not St
    Mirren): with thousands of clubs, "the Dragons" or "the Red Giants" are many. Of two clubs
    named about as often, the one the headline or first sentence (`lead`) names alone is the
    article's own ("Rovers" in a Shamrock Rovers report that mentions Sligo Rovers twice)."""
    if len(candidates) == 1:
        return candidates[0]
    seen = sorted((c for c in candidates if explicit[c]), key=lambda c: (-explicit[c], candidates.index(c)))
    if len(seen) == 1 or (len(seen) > 1 and explicit[seen[0]] >= 2 * explicit[seen[1]]):
        return seen[0]
    leading = [c for c in seen if c in lead]
    if len(leading) == 1 and explicit[leading[0]] >= explicit[seen[0]]:
        return leading[0]
    if seen:
        return None  # "United" in a Manchester United v Newcastle United story: cannot tell
    at_home = [c for c in candidates if c in grounds]
    if named is None and len(at_home) == 1:
        return at_home[0]
    return named


def _nickname_ok(view: ArticleView, start: int, end: int, role_words: frozenset[str] = frozenset(),
                 demonyms: frozenset[str] = frozenset()) -> bool:
    """A nickname is a team only as a proper noun: not "the Dutch defender", not "Wednesday",
    not the city in "the final in Seville"; a word the tagger read as an adjective is the team
    when a role noun follows it and it is no nationality ("Athletic coach X", "La Real coach Y")."""
    toks = view.tokens
    # the last word, not a clitic the tokenizer split off ("the U's": "U" + "'s")
    tok = next((t for t in reversed(toks[start:end]) if t.text[:1].isalnum()), toks[end - 1])
    if tok.text.lower() in WEEKDAYS:
        return False
    if tok.pos == "ADJ" or tok.tag == "JJ":
        after = toks[end].text.lower() if end < len(toks) else ""
        if after not in role_words or tok.text.lower() in demonyms:
            return False
    if start > 0 and toks[start - 1].text.lower() == "in" and toks[start].text.lower() != "the" and \
            not (end < len(toks) and toks[end].text in _POSSESSIVE):
        return False
    if not tok.text[:1].isupper():
        return False
    return True


_FOOTBALL_SENTENCE = re.compile(
    r"\b(beat|beats|beaten|beating|defeat\w*|win|won|wins|draw|drew|drawn|lost|lose|loss|scored?|goals?|"
    r"qualif\w*|qualifier|World Cup|Euros?|Nations League|friendly|fixture|cap|caps|squad|match|game|"
    r"kick-off|penalt\w*|coach|manager|captain|international)\b", re.I)


def _national_team_context(view: ArticleView, start: int, end: int) -> bool:
    """A country name is a team only where the text treats it as one: "Ireland international",
    "for England", or a sentence about a match ("the Netherlands came from behind to beat ...")."""
    toks = view.tokens
    s, e = view.sents[view.sent_of[start]]
    if _FOOTBALL_SENTENCE.search(view.char_text(toks[s].idx, toks[e - 1].idx + len(toks[e - 1].text))) and \
            toks[end - 1].dep in ("nsubj", "nsubjpass", "dobj", "pobj", "compound", "poss", "conj", "ROOT", "appos",
                                  "attr", "npadvmod"):  # "are Senegal, who beat ... champions Egypt 2-0"
        return True
    nxt = toks[end].text.lower() if end < len(toks) else ""
    if nxt in NATIONAL_CUES or toks[end - 1].text.lower() in NATIONAL_CUES:
        return True
    if nxt in _POSSESSIVE and end + 1 < len(toks) and toks[end + 1].pos == "PROPN":
        return True
    prev = toks[start - 1].text.lower() if start > 0 else ""
    return prev in NATIONAL_BEFORE


def _actor(view: ArticleView, span: Span) -> bool:
    """A name that acts or is acted on in its sentence, not a place: "Colombia brush aside
    Paraguay", "Paraguay's right-back"; not "in Colombia"."""
    tok = view.tokens[span.end - 1]
    if tok.dep == "pobj":
        return view.tokens[tok.head].text.lower() in ("against", "over", "by", "with", "for")
    return tok.dep in ("nsubj", "nsubjpass", "dobj", "poss", "conj", "appos", "compound", "ROOT")


_POSITIONS = {"GK", "DF", "MF", "FW", "CB", "LB", "RB", "CM", "DM", "AM", "ST", "LW", "RW", "WB", "LWB",
              "RWB", "CDM", "CAM", "SUB"}


def _demonym_description(view: ArticleView, rules: Rules, start: int, end: int) -> bool:
    """A nationality noun the model took for a name: "the Norwegian", "The Scot"."""
    toks = view.tokens
    words = [t for t in toks[start:end] if t.text.lower() != "the"]
    if len(words) != 1 or words[0].text.lower() not in rules.demonym_nouns:
        return False
    first = words[0].i
    return first > 0 and toks[first - 1].text.lower() == "the"


_TITLES = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "prof"}
_NOT_FIRST_NAMES = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "captain", "boss", "coach", "manager",
                    "assistant", "interim", "caretaker", "substitute", "teenager", "youngster", "veteran",
                    "striker", "defender", "keeper", "goalkeeper", "midfielder", "winger", "forward", "skipper"}


# a title-case headline's word before a surname: "Late Sacarello strike keeps Red Imps on top"
_HEADLINE_WORDS = {"late", "early", "dramatic", "stunning", "superb", "brilliant", "magnificent", "sublime"}
_NAME_JOINERS = {"and", "with", "&", "or", "to", "from", "for"}  # never inside one person's name
# a title-case headline's verb glued to the name before it: "Darren Kinnaird Joins Hibs"
_HEADLINE_VERBS = {"joins", "rejoins", "signs", "seals", "completes", "leaves", "extends", "pens", "commits",
                   "returns", "retires", "agrees", "departs", "scores", "nets", "wins", "quits", "exits"}


def _club_named_person(view: ArticleView, gaz: Gazetteer, rules: Rules, roles: frozenset[str],
                       start: int, end: int) -> int | None:
    """The end of a two-word person's name whose first word is a one-word club's ("Everton Soares",
    "Sion Evans-Lloyd"): a capitalised proper noun no list claims follows, and no third name word;
    not in a title-case line, where every word is capitalised."""
    toks = view.tokens
    if end - start != 1 or view.ent_label.get(start) != "CLUB" or end >= len(toks) or toks[start].ws != " ":
        return None
    y = toks[end]
    if y.pos != "PROPN" or not y.text[:1].isupper() or y.text.isupper() or not y.text.isalpha() \
            or y.text in rules.club_suffixes or y.text in rules.blocking_suffixes or y.text in _TEAM_SUFFIXES | _WOMENS_WORDS \
            or y.text.lower() in roles or y.text.lower() in _NOT_FIRST_NAMES or view.ent_label.get(end) is not None \
            or _headline_verb(y.text, rules) or view.sent_of[end] != view.sent_of[start]:
        return None
    stop = end + 1
    if stop + 1 < len(toks) and toks[stop].text == "-" and y.ws == "" and toks[stop].ws == "" and toks[stop + 1].text.istitle():
        stop += 2  # "Evans-Lloyd"
    if stop < len(toks) and toks[stop - 1].ws and toks[stop].text[:1].isupper() and toks[stop].pos == "PROPN":
        return None  # a longer name: "Everton Stadium Trust"
    if start > 0 and (toks[start - 1].text.lower() == "the" or toks[start - 1].pos == "PROPN"
                      and toks[start - 1].text[:1].isupper() and toks[start - 1].ws):
        return None
    s, e = view.sents[view.sent_of[start]]
    words = [t.text for t in toks[s:e] if t.text.isalpha()]
    if len(words) >= 3 and sum(w[:1].isupper() for w in words) * 5 >= len(words) * 3:
        return None  # a title-case headline: "Everton Sign Striker"
    if name_key(" ".join(t.text for t in toks[start:stop])) in gaz.by_name:
        return None
    return stop


def _headline_verb(word: str, rules: Rules) -> bool:
    """A title-case headline's verb, which no name goes on through: "Wake Forest Edges Clemson",
    "Darren Kinnaird Joins Hibs"."""
    w = word.lower()
    return word.istitle() and (w in _HEADLINE_VERBS or w.endswith("s") and (
        w[:-1] in rules.defeat_verbs or w.endswith("es") and w[:-2] in rules.defeat_verbs))


_CLAUSE_WORDS = {"whatever", "whoever", "however", "whenever", "wherever", "whichever", "although", "though",
                 "while", "whilst", "when", "if", "after", "before", "despite", "unlike", "once", "until", "since",
                 "because", "but", "then", "yet", "still", "even", "only", "perhaps", "meanwhile", "indeed",
                 "instead", "also", "now", "so", "both", "neither", "either", "every", "each"}


def _split_joined(view: ArticleView, spans: list[Span], roles: frozenset[str]) -> list[Span]:
    """"Rowe and Bangura", "replacing Verhaar with Harkin": two people a rule took for one name."""
    out = []
    for s in spans:
        cuts = [k for k in range(s.start + 1, s.end - 1) if view.tokens[k].text.lower() in _NAME_JOINERS] \
            if s.kind == "person" else []
        if not cuts:
            out.append(s)
            continue
        for a, b in zip([s.start] + [k + 1 for k in cuts], cuts + [s.end]):
            part = _person_span(view, a, b, roles)
            if part is not None:
                out.append(part)
    return out


_LINE_POSITIONS = {"G", "D", "M", "F"}  # a ratings line's one-letter position: "D Caleb Jurado, 4 -- ..."


def _line_start(toks, i: int) -> bool:
    return i == 0 or "\n" in toks[i - 1].text + toks[i - 1].ws


def _line_position(toks, i: int) -> bool:
    return toks[i].text in _LINE_POSITIONS and _line_start(toks, i)


def _in_dateline(toks, start: int, end: int) -> bool:
    """A wire story's dateline after the city in capitals: "CARSON, Calif. (AP) --"."""
    if start < 2 or toks[start - 1].text != "," or end >= len(toks) or \
            toks[end].text not in ("(", "-", "--", "\u2014", "\u2013"):
        return False
    k = start - 2
    while k > 0 and toks[k].text.isupper() and not _line_start(toks, k) and start - k < 5:
        k -= 1
    return toks[k].text.isupper() and _line_start(toks, k)


def _gerund_on(toks, start: int, end: int) -> bool:
    """"Keeping Rhys Dunleavy was the priority": a verb's -ing form the tagger took into the name
    of the person it acts on (the rest of the name hangs on it)."""
    return end - start >= 2 and toks[start].tag == "VBG" and toks[start].pos == "VERB" \
        and (any(toks[k].head == start and toks[k].dep == "dobj" for k in range(start + 1, end))
             or start == 0 or toks[start - 1].text in ('"', "\u201c", ".", "!", "?"))


def _person_span(view: ArticleView, start: int, end: int, roles: frozenset[str] = frozenset(),
                 capitals: bool = False) -> Span | None:
    toks = view.tokens
    while start < end and (toks[start].text.lower() in roles or
                           (toks[start].text in _POSITIONS and end - start >= 2) or
                           (toks[start].text.lower() in _NOT_FIRST_NAMES and end - start >= 3) or
                           (toks[start].text.lower() in _HEADLINE_WORDS and end - start >= 2) or
                           (_line_position(toks, start) and end - start >= 3) or
                           (toks[start].text.lower().rstrip(".") in _TITLES and end - start >= 2) or
                           _gerund_on(toks, start, end)):
        start += 1  # "Striker Ola Brekke" at the start of a sentence; "MF Leo Chasse" in ratings; "Mr Orhan";
        # "Assistant Tony Aldous"; "Losing Jamie is disappointing"
        if start < end and toks[start].text == ".":
            start += 1
    inner = [k for k in range(start, end - 1) if toks[k].text.islower() and toks[k].text in roles]
    if inner:  # "over Ks keeper Darren Mabey": the name after the role noun
        start = inner[-1] + 1
    # a first name the model tagged as a place or group: "Marta" (GPE) + "Quenneville" (PERSON)
    while start > 0 and end - start < 4 and toks[start - 1].ws == " " and \
            view.ent_label.get(start - 1) in ("GPE", "NORP", "ORG", "LOC") and toks[start - 1].text.lower() not in roles and \
            toks[start - 1].pos == "PROPN" and toks[start - 1].text.istitle() and \
            (start - 2 < 0 or view.ent_label.get(start - 2) != view.ent_label.get(start - 1)) and \
            not _line_position(toks, start - 1):
        start -= 1
    # two name words tagged as a group before a surname tagged as a person: "Seánie Mac" (ORG) +
    # "Giolla Phádraig" (PERSON)
    k = start - 1
    if k >= 1 and view.ent_label.get(k) == "ORG" == view.ent_label.get(k - 1) and toks[k].ws == " " \
            and toks[k - 1].ws == " " and view.ent_label.get(start) == "PERSON" \
            and (k - 2 < 0 or view.ent_label.get(k - 2) != "ORG") \
            and all(toks[i].pos == "PROPN" and toks[i].text.istitle() and toks[i].text.lower() not in _ORG_WORDS
                    and toks[i].text.lower() not in roles for i in (k - 1, k)) \
            and _word_count(toks, start, end) <= 2:
        start = k - 1
    while start > 0 and _word_count(toks, start, end) < 3 and toks[start - 1].pos == "PROPN" \
            and toks[start - 1].dep == "compound" \
            and start <= toks[start - 1].head < end and start - 1 not in view.ent_label and toks[start - 1].ws \
            and toks[start - 1].text.istitle() and toks[start - 1].text.lower() not in roles \
            and toks[start - 1].text.lower() not in _NOT_FIRST_NAMES and toks[start - 1].text.lower().rstrip(".") not in _TITLES \
            and not _line_position(toks, start - 1):
        start -= 1  # a first name the model left out of the entity: "Rhodri" + "Bellfield" (not "Mr.", not "D" of a ratings line)
    dash = next((k for k in range(start + 1, end) if toks[k].text in ("-", "\u2013", "\u2014", "|", "\u00b7")
                 and toks[k - 1].ws), None)
    if dash is not None:
        end = dash  # "Rab Rennie - less than 24 hours after", a page title's "Fortuin | Kickoff": a spaced dash ends a name
    while end > start and (toks[end - 1].text in _POSSESSIVE or not any(c.isalnum() for c in toks[end - 1].text)
                           or end - start >= 2 and toks[end - 1].text.islower() and toks[end - 2].ws):
        end -= 1  # "Lewis Tunstall -" in "Lewis Tunstall - Manchester City to Crystal Palace, £9m"; "Kouadio as"
    if end - start >= 3 and toks[end - 1].text.istitle() and toks[end - 1].text.lower() in _HEADLINE_VERBS:
        end -= 1  # the tagger's "Darren Kinnaird Joins" in a title-case headline
    # a surname the model left out of the entity: "Fabrizio" + "Dell'Orto", the first name a
    # compound on it
    while end < len(toks) and end > start and _word_count(toks, start, end) < 3 and toks[end].pos == "PROPN" \
            and toks[end - 1].dep == "compound" and toks[end - 1].head == end and toks[end - 1].ws == " " \
            and end not in view.ent_label and toks[end].text[:1].isupper() and not toks[end].text.isupper() \
            and toks[end].text.lower() not in roles and toks[end].text not in _POSITIONS \
            and toks[end].text.lower() not in _HEADLINE_VERBS:
        end += 1
    while start < end and (not _is_name_token(toks[start].text) or
                           (toks[start].text.lower() in _CLAUSE_WORDS and end - start >= 2)):
        start += 1  # "Whatever Harkin said at half-time": a sentence's first word, capitalised
    # a tabloid's shouted first word: "GARY Holroyd has always been the first man in"
    shouted = start > 0 and end - start == 1 and _shouted_first_name(toks, start - 1)
    start -= shouted
    # hyphen-joined name parts the model cut off: "Trent-Alexander Arnold" (not a wire's slug: "Soccer-Mosquera double")
    while start >= 2 and toks[start - 1].text == "-" and toks[start - 1].ws == "" \
            and toks[start - 2].ws == "" and _is_name_token(toks[start - 2].text) \
            and toks[start - 2].text.lower() not in ("soccer", "football"):
        start -= 2
    while end + 1 < len(toks) and toks[end].text == "-" and toks[end - 1].ws == "" \
            and toks[end].ws == "" and _is_name_token(toks[end + 1].text):
        end += 2
    if start >= end or end - start > 6:
        return None
    words = toks[start:end]
    if any(any(c.isdigit() for c in t.text) for t in words):
        return None
    if not any(t.text[:1].isupper() for t in words) or \
            not capitals and all(t.text.isupper() and len(t.text) > 1 for t in words):
        return None  # a name in capitals only where a layout says a name stands ("AIDAN RENNIE - BERWICK RANGERS")
    if roles and words[-1].text.lower() in roles and all(t.text.lower() in roles or t.text.lower() in _JOB_WORDS
                                                         for t in words):
        return None  # a byline's "Chief Sports Writer", "Senior Football Reporter": a job, not a name
    if end + 2 < len(toks) and toks[end].text == "[" and toks[end + 2].text == "]" and _is_name_token(toks[end + 1].text) \
            and toks[end + 1].text[:1].isupper():
        end += 3  # a quote's "Harriet [Lomas]": the surname the writer added is the name's
        words = toks[start:end]
    text = " ".join("".join(t.text + t.ws for t in words).replace("[", " ").replace("]", " ").split())
    text = _QUOTED_NICKNAME.sub(" ", text)  # 'Jesús "Chuy" Arreola' is Jesús Arreola
    if shouted:
        text = text[:len(words[0].text)].title() + text[len(words[0].text):]
    elif capitals and text.isupper():
        text = text.title()  # "AIDAN RENNIE" is Aidan Rennie
    return Span(start, end, "person", "", text)


# what stands before a job in a byline's title: "Chief Sports Writer", "Deputy Football Editor"
_JOB_WORDS = frozenset({"chief", "senior", "deputy", "assistant", "associate", "sports", "sport", "football", "soccer",
                        "northern", "scottish", "welsh", "midlands", "north", "south", "east", "west", "group", "digital"})
_QUOTED_NICKNAME = re.compile(r" [\"\u201c\u2018'][^\"\u201c\u201d\u2018\u2019 ]+(?: [^\"\u201c\u201d\u2018\u2019 ]+)?[\"\u201d\u2019'] (?=\S)")


def _shouted_first_name(toks, i: int) -> bool:
    """An all-capitals word that opens a paragraph before a surname (a tabloid's first word)."""
    t = toks[i]
    return len(t.text) >= 3 and t.text.isalpha() and t.text.isupper() and t.pos == "PROPN" and t.ws == " " \
        and (i == 0 or "\n" in toks[i - 1].text + toks[i - 1].ws) and toks[i + 1].text[:1].isupper() \
        and not toks[i + 1].text.isupper()


def _role_named_people(view: ArticleView, rules: Rules, spans: list[Span],
                       sheet_tokens: set[int]) -> list[Span]:
    """Names the model missed right after a role noun: "striker Jon Bell said"."""
    taken = {i for s in spans for i in range(s.start, s.end)} | sheet_tokens
    out = []
    toks = view.tokens
    for t in toks:
        if t.pos != "NOUN" or not rules.role_of(t.text) or t.i + 1 >= len(toks):
            continue
        first = t.i + 1
        if toks[first].text == "," and t.i > 0 and first + 1 < len(toks) and (
                toks[t.i - 1].text in _POSSESSIVE or toks[t.i - 1].text.lower() in ("the", "their", "his", "her", "its")):
            first += 1  # "Arsenal's goalkeeper, Jan Novak", "the club captain, Ola Brekke"
        j = first
        while j < len(toks) and toks[j].pos == "PROPN" and _is_name_token(toks[j].text) \
                and j not in taken and view.sent_of[j] == view.sent_of[t.i]:
            j += 1
        if first > t.i + 1 and j < len(toks) and toks[j].text not in (",", ".", ";", ")", "-", "--", "\u2013"):
            continue  # the apposition must end where the name does
        if j > first and j - first <= 4 and not any(e.start <= first < e.end and e.label in GAZ_KINDS
                                                     for e in view.ents):
            span = _person_span(view, first, j)
            if span:
                out.append(span)
                taken.update(range(span.start, span.end))
    return out


_MOVE_WORDS = {"move", "transfer", "switch", "loan", "arrival", "join", "sign", "arrive", "deal",
               "signing", "joined", "signed", "recruit", "buy", "purchase"}
_ORG_WORDS = {"news", "sport", "sports", "press", "media", "group", "bank", "university", "council",
              "agency", "times", "post", "mail", "telegraph", "guardian", "bbc", "sky", "espn",
              "association", "federation", "league", "committee", "ltd", "inc", "plc", "tv", "radio"}


def _layout_teams(view: ArticleView, gaz: Gazetteer, rules: Rules, spans: list[Span],
                  sheets: TeamSheets) -> list[Span]:
    """Teams the gazetteer does not know, named where the layout says a team stands: a team
    sheet's label ("GORLESTON: Rix, Beales, ...") or a side of a line that is only a result
    ("GORLESTON 2 TIPTREE UNITED 1"). The name is that club wherever the article writes it (in
    any case), even where the model took it for a person ("Tiptree United" typed PERSON)."""
    # (a club found by its name's form, "Tiptree United", is still searched for in capitals)
    known = {name_key(s.text) for s in spans if s.kind in ("club", "national_team") and not s.ref.startswith("U:")}
    names: dict[str, str] = {}
    for n in sheets.team_names:
        label = team_label(n.name)
        key = name_key(label)
        if not key or key in gaz.by_name or key in gaz.by_nickname or key in known or \
                (key.startswith("the ") and key[4:] in gaz.by_nickname) or coded_teams(n.name, spans):
            continue
        names.setdefault(key, _display_name(label, rules))
    if not names:
        return spans
    toks = view.tokens
    keys = [name_key(t.text) for t in toks]
    found: list[Span] = []
    for key, name in sorted(names.items()):
        words = key.split()
        for i in range(len(toks)):
            end = _name_end(keys, i, words) if keys[i] == words[0] else None
            if end is not None:
                text = view.char_text(toks[i].idx, toks[end - 1].idx + len(toks[end - 1].text))
                found.append(Span(i, end, "club", "U:" + name, text))
    if not found:
        return spans
    # a longer name wins over a listed team inside it: "Newcastle Olympic 4 (...) d Cooks Hill
    # United 1" is not Newcastle United
    def inside(o: Span, f: Span) -> bool:
        return o.kind in ("club", "national_team") and f.start <= o.start and o.end <= f.end and \
            o.end - o.start < f.end - f.start
    others = [s for s in spans if s.kind != "person"]
    kept_found = [f for f in found if all(inside(o, f) for o in others if o.start < f.end and f.start < o.end)]
    covered = {i for f in kept_found for i in range(f.start, f.end)}
    return [s for s in spans if not ((s.kind == "person" or s.kind in ("club", "national_team") and any(
        inside(s, f) for f in kept_found)) and all(i in covered for i in range(s.start, s.end)))] + kept_found


_LABEL_WORDS = {"predicted", "probable", "possible", "expected", "likely", "confirmed", "starting"}


def team_label(label: str) -> str:
    """A sheet's label without the words around the team's name: "Liverpool predicted" -> "Liverpool"."""
    return " ".join(w for w in label.split() if w.lower() not in _LABEL_WORDS)


def coded_teams(label: str, spans: list[Span]) -> set[str]:
    """The teams a box score's code may stand for: "COL:" Colorado Rapids, "LAFC:" Los Angeles FC,
    "NC:" North Carolina Courage (by its initials)."""
    if not re.fullmatch(r"[A-Z]{2,6}", label.strip()):
        return set()
    code = label.strip().lower()
    return {s.ref for s in spans if s.kind in ("club", "national_team") and s.ref and not s.anaphoric
            and (name_key(s.text).replace(" ", "").startswith(code)
                 or "".join(w[0] for w in name_key(s.text).split()).startswith(code))}


def _name_end(keys: list[str], start: int, words: list[str]) -> int | None:
    """The token after a name written from ``start`` whose words (tokens that fold to nothing,
    such as "&", aside) are ``words``; ``keys`` are the tokens' name keys."""
    i, n = start, 0
    while i < len(keys) and n < len(words):
        key = keys[i]
        if key:
            if key != words[n]:
                return None
            n += 1
        elif i == start:
            return None
        i += 1
    return i if n == len(words) else None


def _display_name(label: str, rules: Rules) -> str:
    """A label as a name: "TIPTREE UNITED" -> "Tiptree United", "HAMPTON & RICHMOND BOROUGH" ->
    "Hampton & Richmond Borough"; a label in mixed case is kept as written."""
    if not label.isupper():
        return label
    kept = {w.upper(): w for w in set(rules.club_suffixes) | _CLUB_PREFIXES}
    return " ".join(kept.get(w, "-".join(p.capitalize() for p in w.split("-"))) for w in label.split())


def _clubs_by_context(view: ArticleView, gaz: Gazetteer, rules: Rules, spans: list[Span],
                      sheet_tokens: set[int]) -> list[Span]:
    """Clubs the gazetteer does not know, named where only a club fits: "his move from Dinamo
    Zagreb", "joined from Union Saint-Gilloise", "after a season at Chester" (a one-word
    "person" there too, unless a person's full name has the word)."""
    toks = view.tokens
    personal = {toks[i].text for s in spans if s.kind == "person" and s.end - s.start >= 2
                for i in range(s.start, s.end)}
    taken = {i for s in spans for i in range(s.start, s.end)
             if not (s.kind == "person" and s.end - s.start == 1 and toks[s.start].text not in personal)}
    taken |= sheet_tokens
    named = {i for s in spans if s.kind != "person" for i in range(s.start, s.end)} | sheet_tokens
    out = []
    for e in view.ents:
        if e.label in ("ORG", "GPE", "FAC", "PERSON") and e.start > 0 and \
                toks[e.start - 1].text.lower() in ("former", "ex", "ex-") and not any(i in named for i in range(e.start, e.end)) and \
                e.end < len(toks) and rules.role_of(toks[e.end].text) in ("player", "manager", "captain") and \
                all(toks[k].text[:1].isupper() for k in range(e.start, e.end)):
            # "Craig Haldane, the former Hawick Royal Albert midfielder": only a club is one's former
            # (the tagger's "person" too)
            name = " ".join(t.text for t in toks[e.start:e.end])
            if name_key(name) not in gaz.by_name:
                out.append(Span(e.start, e.end, "club", "U:" + name, name))
            continue
        if e.label not in ("ORG", "GPE", "NORP", "FAC", "PERSON", "NICKNAME") or any(i in taken for i in range(e.start, e.end)):
            continue
        head = toks[view.first_conjunct(e.end - 1)]  # "spells with Nantes and Al-Ettifaq"
        if head.dep != "pobj":
            continue
        prep = toks[head.head].text.lower()
        governor = toks[toks[head.head].head]
        word = governor.lemma.lower()
        if not ((prep == "from" and (word in _MOVE_WORDS or governor.text.lower() in _MOVE_WORDS))
                or (prep in ("with", "at") and word in ("spell", "stint", "career", "loan"))
                or (prep == "at" and word in ("season", "year", "campaign"))
                or (prep == "to" and word in ("sell", "move", "transfer", "loan") and e.label != "GPE")):
            continue  # "moving to Lancashire": a place
        if e.label == "NICKNAME":  # "joined from Fortaleza": the one club whose name it cuts short
            text = " ".join(t.text for t in toks[e.start:e.end])
            owners = [c for c in gaz.by_nickname.get(name_key(text), ())
                      if gaz.entries[c].type == "Club" and _short_name(text, gaz.entries[c].label)]
            if len(owners) == 1:
                out.append(Span(e.start, e.end, "club", "G:" + owners[0], text))
            continue
        first = e.start + 1 if toks[e.start].text.lower() == "the" else e.start
        # "a summer signing from Ryman League Hitchin Town": the club after its league's name
        cut = [k for k in range(first, e.end - 1) if toks[k].text in _LEAGUE_WORDS]
        first = cut[-1] + 1 if cut else first
        name = view.char_text(toks[first].idx, toks[e.end - 1].idx + len(toks[e.end - 1].text))
        words = name.split()
        if not words or any(w.lower() in _ORG_WORDS for w in words) or not words[0][:1].isupper() \
                or words[-1] in rules.blocking_suffixes or words[-1].lower() in _VENUE_WORDS:
            continue  # "long spells at the Deeside Stadium": a ground
        if name_key(name) in gaz.by_name:
            continue
        if prep == "to" and len(words) == 1 and words[0] not in rules.club_suffixes and \
                not _MONEY.search(view.sentence_text(view.sent_of[e.start])):
            continue  # "before moving to Lancashire": a one-word place, unless a fee says transfer
        out.append(Span(first, e.end, "club", "U:" + name, name))
    return out


_LEAGUE_WORDS = {"League", "Division", "Conference", "Premiership"}
_MONEY = re.compile(r"[£€$]\s?\d|\bfee\b|\bundisclosed\b|\bloan\b|\bdeal\b", re.I)


def _scored_against_a_team(view: ArticleView, owner: dict[int, Span], v: int, word: str = "by") -> bool:
    """A result verb with a score right after it and a known team as its "by" agent (or "with"
    phrase): "were beaten 3-0 by Dinamo Tbilisi", "drew 0-0 with Cork City"."""
    toks = view.tokens
    if v + 1 >= len(toks) or not SCORE.match(view.char_text(toks[v + 1].idx, toks[v + 1].idx + 7)):
        return False
    # the phrase just after the score, wherever the parser hung it
    return any(toks[g].dep == "pobj" and g in owner and owner[g].kind in TEAM_KINDS
               for c in range(v + 2, min(v + 6, len(toks))) if toks[c].text.lower() == word
               for g in view.children[c])


def _result_sides(view: ArticleView, gaz: Gazetteer, rules: Rules, spans: list[Span],
                  sheet_tokens: set[int]) -> list[Span]:
    """Clubs the gazetteer does not know, named as a side of a result with its score: "KL City
    thrashed Kelantan Darul Naim 4-0", "Fraserburgh booked their place after edging out Cove
    Rangers 5-4 on penalties", "a 3-1 win over Remo Stars", "a 2-0 defeat to Nkana". The name is
    the proper noun and its capitalised compounds (the tagger's entity often takes a word too many
    or too few); one the tagger calls a person needs a club word ("Inverurie Loco Works" does not
    pass, "Formartine United" does)."""
    owner = {i: s for s in spans for i in range(s.start, s.end)}
    person_tokens = {i for e in view.ents if e.label == "PERSON" for i in range(e.start, e.end)}
    toks = view.tokens
    personal = {toks[i].text for e in view.ents if e.label == "PERSON" and e.end - e.start >= 2
                for i in range(e.start, e.end)}  # "Pennock" of "Craig Pennock" elsewhere
    # "Litex keeper Plamen Dimitrov": a word written before a role noun and a name is a team's
    before_roles = {t.text for t in toks if t.pos == "PROPN"
                    and _role_and_name_follow(view, rules, t.i + 1, ("manager", "player", "captain"))}
    staffed = before_roles.__contains__
    heads: set[int] = set()
    beaten: set[int] = set()  # "a 2-0 win over Lisburn Distillery": no person is won over by a score
    # "Cashmere Technical edge Wellington Olympic": a headline's result against a team named in
    # full needs no score
    against_team: set[int] = set()
    for t in toks:
        particle = rules.defeat_particles.get(t.lemma.lower())
        if t.pos == "VERB" and t.lemma.lower() in rules.defeat_verbs and (
                particle is None or any(toks[c].text.lower() == particle for c in view.children[t.i])):
            args = [c for c in view.children[t.i] if toks[c].dep in ("dobj", "nsubj")]
            heads.update(args)
            # "after hammering Wick Academy 4-0": no person is beaten by a score
            beaten.update(c for c in args if toks[c].dep == "dobj" and c + 1 < len(toks) and
                          SCORE.match(view.char_text(toks[c + 1].idx, toks[c + 1].idx + 7)))
            if len(args) == 2:
                known = [c for c in args if c in owner and owner[c].kind in TEAM_KINDS and owner[c].end - owner[c].start >= 2]
                against_team.update(c for c in args if known and c not in known)
            if _scored_against_a_team(view, owner, t.i):
                # "Fola Esch were beaten 3-0 by Dinamo Tbilisi": no person is beaten by a team by a score
                sides = [c for c in view.children[t.i] if toks[c].dep == "nsubjpass"]
                heads.update(sides)
                beaten.update(sides)
            if not any(toks[c].dep in ("nsubj", "nsubjpass") for c in view.children[t.i]):
                # "Fraserburgh booked their place after edging out ...": a subject shared with
                # another verb, never a name the tagger calls a person ("Pennock ... led the
                # Mariners to the quarter-finals, knocking out Southampton 2-1")
                heads.update(k for k in view.clause_subject(t.i)[:1] if k not in person_tokens)
        elif t.pos == "VERB" and t.lemma.lower() == "draw" and _scored_against_a_team(view, owner, t.i, "with"):
            # "Progrès Niederkorn drew 0-0 with Cork City"
            sides = [c for c in view.children[t.i] if toks[c].dep == "nsubj"]
            heads.update(sides)
            beaten.update(sides)
        elif t.dep == "pobj" and t.head != t.i and toks[t.head].head != t.head:
            noun, prep = toks[toks[t.head].head].lemma.lower(), toks[t.head].text.lower()
            if (prep in ("over", "against") and noun in rules.victory_nouns) or \
                    (prep in ("to", "against") and noun in rules.loss_nouns) or \
                    (prep == "to" and toks[t.head - 1].text.lower() == "home" and (
                        noun in rules.victory_nouns or noun == "home")):  # "a 2-1 win at home to Cherry Orchard"
                heads.add(t.i)
                beaten.add(t.i)
            elif prep == "at" and noun == "win" and toks[toks[t.head].head].pos == "VERB" and \
                    SCORE.match(view.char_text(toks[toks[t.head].head + 1].idx, toks[toks[t.head].head + 1].idx + 7)):
                heads.add(t.i)  # "Denbigh Town won 2-0 at Llandudno": the hosts
    for h in sorted(heads):  # "a 2-1 win over reigning champions St Georges": the name beside the noun
        named = [c for c in view.children[h] if toks[c].dep == "appos" and toks[c].pos == "PROPN"] \
            if toks[h].pos == "NOUN" else []
        heads.update(named[:1])
        beaten.update(named[:1] if h in beaten else [])
    out = []
    for h in sorted(heads):
        t = toks[h]
        sure = h in beaten  # a side beaten by a score needs no club word nor staff to vouch for it
        if t.pos != "PROPN" or h in sheet_tokens or h in owner and not (
                owner[h].kind == "person" and (staffed(toks[owner[h].start].text) or sure)):
            continue
        start = h
        while start > 0 and toks[start - 1].dep == "compound" and start <= toks[start - 1].head <= h and \
                toks[start - 1].text[:1].isupper():
            start -= 1
        inside = {owner[k] for k in range(start, h) if k in owner}  # "Kelantan" of Kelantan Darul Naim
        if any(x.start < start or x.kind == "person" and not (staffed(toks[x.start].text) or sure)
               for x in inside) or (inside and t.text in _WOMENS_WORDS) or \
                any(k in sheet_tokens for k in range(start, h)) or \
                not (SCORE.search(view.sentence_text(view.sent_of[h])) or h in against_team):
            continue
        name = view.char_text(toks[start].idx, t.idx + len(t.text))
        words = name.split()
        if any(w.lower() in _ORG_WORDS for w in words) or words[-1] in rules.blocking_suffixes or \
                name_key(name) in gaz.by_name or not all(w[:1].isupper() for w in words) or \
                (h in person_tokens and words[-1] not in rules.club_suffixes and not (staffed(words[0]) or sure)) or \
                (len(words) == 1 and words[0] in personal):
            continue
        out.append(Span(start, h + 1, "club", "U:" + name, name))
    # one sense per article: the same name elsewhere is the same club ("Fraserburgh skipper X")
    found = {tuple(toks[k].text for k in range(x.start, x.end)): x for x in out}
    taken = set(owner) | set(sheet_tokens) | {k for x in out for k in range(x.start, x.end)}
    for words, x in sorted(found.items(), key=lambda kv: kv[1].start):
        n = len(words)
        for i in range(len(toks) - n + 1):
            if tuple(toks[k].text for k in range(i, i + n)) == words and not any(k in taken for k in range(i, i + n)) \
                    and not (i > 0 and toks[i - 1].text[:1].isupper() and toks[i - 1].pos == "PROPN") and \
                    not (i + n < len(toks) and toks[i + n].pos == "PROPN" and toks[i + n].text[:1].isupper()):
                out.append(Span(i, i + n, "club", x.ref, x.text))
                taken.update(range(i, i + n))
    return out


def _people_tagged_as_orgs(view: ArticleView, rules: Rules, spans: list[Span], sheet_tokens: set[int],
                           role_words: frozenset[str]) -> list[Span]:
    """Names the model typed ORG or GPE that are people: the same name as a person the article
    already names ("El-Amrani"), or right after a role noun ("by striker Aarón Villaverde")."""
    taken = {i for s in spans for i in range(s.start, s.end)} | sheet_tokens
    known = {name_key(s.text) for s in spans if s.kind == "person"}
    known_parts = {k for name in known for k in (name, name.split()[-1])}
    toks = view.tokens
    out = []
    acting = rules.player_verbs | rules.goal_verbs
    saving = rules.save_verbs | {"replace", "foul", "substitute", "tackle"}
    goal_things = rules.goal_nouns | {"cross", "pass", "corner", "shot", "save"}
    team_at_end = {s.end: s for s in reversed(spans) if s.kind in ("club", "national_team")}
    for e in view.ents:
        if e.label not in ("ORG", "GPE", "NORP", "PRODUCT", "WORK_OF_ART") or \
                any(i in taken for i in range(e.start, e.end)):
            continue
        end = e.end
        while end > e.start + 1 and toks[end - 1].text in _POSSESSIVE:
            end -= 1  # "Nikola Jovanovic's" tagged with its possessive
        words = toks[e.start:end]
        if len(words) > 4 or any(w.text.lower() in _ORG_WORDS for w in words):
            continue
        key = name_key(" ".join(w.text for w in words))
        after_role = e.start > 0 and toks[e.start - 1].text.lower() in role_words
        club_before = team_at_end.get(e.start - 1)
        after_role = after_role or (  # "Manchester United's Callum Deane"
            club_before is not None and toks[e.start - 1].text in _POSSESSIVE and len(words) >= 2
            and all(w.text.istitle() or "-" in w.text for w in words) and e.label in ("ORG", "GPE", "NORP"))
        head = toks[end - 1]
        governor = toks[head.head]
        acts = (head.dep in ("nsubj", "nsubjpass") and governor.lemma.lower() in acting) \
            or (head.dep == "nsubj" and any(toks[c].dep == "dobj" and toks[c].lemma.lower() in
                                            rules.goal_phrases.get(governor.lemma.lower(), ())
                                            for c in view.children[governor.i])) \
            or (head.dep == "pobj" and governor.dep == "agent" and toks[governor.head].lemma.lower() in rules.goal_verbs) \
            or (head.dep == "pobj" and governor.text.lower() == "through" and any(  # "took the lead through X"
                toks[c].lemma.lower() in ("lead", "goal", "one", "advantage", "equaliser", "equalizer", "winner", "opener")
                for c in view.children[governor.head])) \
            or (head.dep == "dobj" and governor.lemma.lower() in saving) \
            or (head.dep in ("compound", "poss") and governor.lemma.lower() in goal_things) \
            or any(toks[c].dep == "appos" and toks[c].text.lower() in role_words for c in view.children[head.i]) \
            or (head.dep == "nsubj" and governor.lemma.lower() in SPEECH_VERBS) \
            or (head.dep == "dobj" and governor.lemma.lower() in ("appoint", "hire", "name", "sack", "dismiss", "sign")) \
            or (head.dep == "pobj" and governor.text.lower() == "of" and toks[governor.head].lemma.lower() in
                ("appointment", "signing", "departure", "arrival", "sacking", "sale", "purchase", "capture"))
        appositive = any(toks[c].dep == "appos" and toks[c].text.lower() in role_words for c in view.children[head.i]) \
            or (head.dep == "nsubj" and governor.lemma.lower() in SPEECH_VERBS) \
            or (end + 1 < len(toks) and toks[end].text in _POSSESSIVE  # "can Devereux's side end that run?"
                and toks[end + 1].lemma.lower() in rules.manager_possessions and toks[end + 1].pos == "NOUN")
        acts = acts or appositive
        if key in known_parts or any(k.endswith(" " + key) for k in known) or after_role or \
                (e.label == "ORG" and _personal_shape(toks, e.start, end) and head.dep in (
                    "nsubj", "nsubjpass", "dobj", "pobj", "poss", "conj", "appos")) or \
                (len(words) >= 2 and name_key(words[-1].text) in known) or \
                (acts and all(w.text.istitle() or "-" in w.text for w in words) and (len(words) >= 2 or appositive)):
            span = _person_span(view, e.start, end, role_words)
            if span:
                out.append(span)
                taken.update(range(span.start, span.end))
    surnames = {name_key(s.text.split()[-1]) for s in spans if s.kind == "person" and len(s.text.split()) >= 2}
    particled = {" ".join(name.split()[-2:]) for name in known
                 if len(name.split()) >= 3 and name.split()[-2] in _PARTICLES}
    for t in toks[:-1]:  # "De Kruijff, the Inter Milan forward, ..."
        pair = name_key(t.text + " " + toks[t.i + 1].text)
        if pair in particled and t.i not in taken and t.i + 1 not in taken and t.ws:
            out.append(Span(t.i, t.i + 2, "person", "", t.text + " " + toks[t.i + 1].text))
            taken.update((t.i, t.i + 1))
    for t in toks:  # a surname the model left untagged: "Salcedo, the Spanish striker, ..."
        if t.i in taken or not t.text.istitle() or _hyphen_joined_before(toks, t.i) or not (
                t.pos == "PROPN" or t.pos == "NOUN" and t.dep in ("nsubj", "nsubjpass")):  # "Tremlow died"
            continue
        end = _hyphen_chunk_end(toks, t.i)  # "Ferreira-Nunes": one surname in three tokens
        if any(i in taken for i in range(t.i, end)):
            continue
        text = "".join(x.text + x.ws for x in toks[t.i:end]).strip()
        if name_key(text) in surnames and \
                all(view.ent_label.get(i) in (None, "PERSON", "ORG") if end > t.i + 1 else
                    view.ent_label.get(i) in (None, "PERSON") for i in range(t.i, end)) and \
                not (end < len(toks) and toks[end].pos == "PROPN" and toks[end - 1].ws):
            out.append(Span(t.i, end, "person", "", text))
            taken.update(range(t.i, end))
    return out


def _without_demonym(view: ArticleView, rules: Rules, span: Span) -> Span:
    """"Colombian Mosquera": the nationality is a description, not part of the name. Only the
    adjectives ("Colombian", "Dutch", "Saudi", "Senegalese"): "Finn", "Dane" and "Scot" are first
    names too ("Finn Oakes")."""
    toks = view.tokens
    word = toks[span.start].text.lower()
    if span.kind != "person" or span.end - span.start < 2 or word not in rules.demonym_nouns \
            or not word.endswith(("an", "ch", "i", "ese")):
        return span
    start = span.start + 1
    text = "".join(t.text + t.ws for t in toks[start:span.end]).strip()
    return Span(start, span.end, span.kind, span.ref, text, span.anaphoric)


def _team_nickname_shape(view: ArticleView, span: Span) -> bool:
    """"the Bishops", "the Mackerel Men", "the Torch Bearers": a plural name after "the" is a
    team's nickname, never a person's."""
    toks = view.tokens
    last = toks[span.end - 1].text
    return span.start > 0 and toks[span.start - 1].text.lower() == "the" and \
        (last in ("Men", "Boys", "Girls", "Lads") or (last.endswith("s") and not last.endswith(("ss", "us", "is"))
                                                      and last[:1].isupper()))


def _personal_shape(toks, start: int, end: int) -> bool:
    """An entity tagged as an organisation that is shaped like a person's name: two or three
    capitalised words, a plain first name, and a double-barrelled, particled or apostrophe
    surname ("Ebony Sinclair-Hayes", "Aoife Ní Bhriain", "Lorenzo Dell'Acqua")."""
    words: list[str] = []
    i = start
    while i < end:
        j = _hyphen_chunk_end(toks, i)
        words.append("".join(t.text for t in toks[i:j]))
        i = j
    if not 2 <= len(words) <= 3 or not words[0].isalpha() or not words[0].istitle():
        return False
    if any(w.lower() in _ORG_WORDS for w in words):
        return False
    last = words[-1]
    parts = last.replace("\u2019", "'").replace("'", "-").split("-")
    double = len(parts) == 2 and all(p[:1].isupper() and p.isalpha() for p in parts)
    particled = len(words) == 3 and words[1].lower() in _PARTICLES and last.istitle()
    return double or particled


def _hyphen_joined_before(toks, i: int) -> bool:
    """Token i is the second part of a hyphenated word: "Bah" in "Kouyaté-Bah"."""
    return i >= 2 and toks[i - 1].text in ("-", "\u2010", "\u2011") and toks[i - 1].ws == "" and toks[i - 2].ws == ""


def _hyphen_chunk_end(toks, i: int) -> int:
    """The end of the hyphen-joined word that starts at token i ("Okwuosa - Bah" -> after "Bah")."""
    end = i + 1
    while end + 1 < len(toks) and toks[end].text in ("-", "\u2010", "\u2011") and toks[end - 1].ws == "" \
            and toks[end].ws == "" and _is_name_token(toks[end + 1].text):
        end += 2
    return end


def _word_count(toks, start: int, end: int) -> int:
    """Words of a name, a hyphenated surname counting as one: "Alassane Kouyaté-Bah" is two."""
    return sum(1 for i in range(start, end) if toks[i].text not in ("-", "\u2010", "\u2011")
               and not _hyphen_joined_before(toks, i))


_PERSONAL = {"he": "m", "she": "f", "him": "m", "her": "f"}


def _anaphoric_people(view: ArticleView, rules: Rules, role_words: frozenset[str]) -> list[Span]:
    """Descriptions and pronouns that stand for a person named just before: "the Spaniard",
    "the Dutch defender", "the 32-year-old", and "he"/"she" as a subject. They carry the
    person's reference, so every rule reads "The Spaniard left Union Saint-Gilloise" as it reads
    the name; they are not recorded as names of the person."""
    toks = view.tokens
    people: dict[int, list[Span]] = {}
    for s in view.spans:
        if s.kind == "person" and len(s.ref.split()) >= 2:
            people.setdefault(view.sent_of[s.start], []).append(s)
    out: list[Span] = []
    for t in toks:
        if view.span_of(t.i):
            continue
        start = end = role_start = None
        if t.text.lower() == "the":
            k = t.i + 1
            # "the Linfield striker", "the Blues striker": a team's word before the role noun stays
            # the team's; the description is the role noun
            team = view.span_of(k) if k < len(toks) else None
            if team is not None and team.kind in TEAM_KINDS and team.start == k and team.end < len(toks) and \
                    toks[team.end].text.lower() in role_words:
                k = team.end
            elif team is None and k + 1 < len(toks) and toks[k].pos == "PROPN" and toks[k].text[:1].isupper() and \
                    toks[k].dep == "compound" and toks[k + 1].text.lower() in role_words:
                k += 1
            role_start = k if k > t.i + 1 else None
            limit = min(len(toks), t.i + 7)  # "the 24-year-old winger"
            while k < limit and not view.span_of(k) and toks[k].text.lower() not in role_words and (
                    toks[k].pos in ("ADJ", "NUM") or toks[k].text in ("-", "year", "old")
                    or view.ent_label.get(k) == "NORP" and toks[k].pos == "ADJ"
                    or view.ent_label.get(k) == "NORP" and view.ent_label.get(k + 1) == "NORP"):  # "the South African"
                k += 1
            if k - 3 > t.i and toks[k - 1].text.lower() == "old" and toks[k - 2].text == "-" and \
                    toks[k - 3].text.lower() == "year" and (k >= len(toks) or toks[k].pos not in ("NOUN", "PROPN")):
                k -= 1  # "The 24-year-old, who joined ...": the age is the description
                aged = True
            else:
                aged = False
            appositive = toks[k].dep == "appos" if k < limit else False  # "Salcedo, the Spanish striker"
            if k < limit and not appositive and not view.span_of(k) and (toks[k].text.lower() in role_words
                                                      or aged or toks[k].text.lower() in rules.demonym_nouns
                                                      or view.ent_label.get(k) == "NORP" and toks[k].pos in ("PROPN", "NOUN")
                                                      or toks[k].text.lower() in ("year-old", "youngster", "veteran")):
                nxt = toks[k + 1] if k + 1 < len(toks) else None
                named_next = nxt is not None and nxt.text == "," and k + 2 < len(toks) and \
                    view.span_of(k + 2) is not None and view.span_of(k + 2).kind == "person"
                # "the signing of Facundo Larrañaga": the person is named after it, not before
                named_next = named_next or nxt is not None and nxt.text.lower() == "of" and any(
                    x.kind == "person" for x in view.sentence_spans(view.sent_of[k], ("person",)) if k < x.start <= k + 6)
                if (nxt is None or (nxt.pos != "PROPN" and not view.span_of(nxt.i))) and not named_next:
                    start, end = role_start or t.i, k + 1
        elif t.text.lower() in ("he", "she") and t.dep in ("nsubj", "nsubjpass"):
            start, end = t.i, t.i + 1
        if start is None:
            continue
        antecedent = _antecedent(view, people, start)
        head = toks[end - 1]
        if antecedent is not None and head.dep == "dobj":
            # "The Dutchman managed the Dane", "Coach Thomas Kjaergaard described the Nigerian as
            # ...": a verb's object is not its subject
            subjects = {o.ref for o in out if o.end - 1 in view.children[head.head] and toks[o.end - 1].dep == "nsubj"}
            subjects |= {sp.ref for sp in (view.span_of(c) for c in view.children[head.head] if toks[c].dep == "nsubj")
                         if sp is not None and sp.kind == "person"}
            if antecedent.ref in subjects:
                antecedent = _antecedent(view, people, start, exclude=antecedent.ref)
        if antecedent is not None and role_start is not None:
            antecedent = titled_antecedent(view, rules, people.get(view.sent_of[start], ()), antecedent, end - 1)
        if antecedent is None or role_start is not None and subordinate_subject(view, end - 1) and \
                view.sent_of[antecedent.start] == view.sent_of[start]:
            continue  # (a team's player, subject of a clause under the one naming a man, is another man)
        text = " ".join(x.text for x in toks[start:end])
        out.append(Span(start, end, "person", antecedent.ref, text, anaphoric=True))
        if end - start == 1:  # "He ... He ...": a pronoun subject carries the chain on
            si = view.sent_of[start]
            people.setdefault(si, [])
            if not any(p.start == start for p in people[si]):
                people[si].append(out[-1])
                people[si].sort(key=lambda p: p.start)
    return out


def subordinate_subject(view: ArticleView, i: int) -> bool:
    """The word is the subject of a subordinate clause: "X struck it so sweetly that the Stoke
    goalkeeper admitted ..." (not "... and the former Bohemians striker made ...")."""
    toks = view.tokens
    return toks[i].dep in ("nsubj", "nsubjpass") and toks[toks[i].head].dep in ("ccomp", "advcl", "relcl", "acl")


def taken_off(view: ArticleView, p: Span) -> bool:
    """The player a substitute came on for: "sent on X for Y", "brought on X for Y"."""
    toks = view.tokens
    head = toks[p.head_index]
    if head.dep != "pobj" or toks[head.head].text.lower() != "for":
        return False
    verb = toks[toks[head.head].head]
    return verb.pos == "VERB" and any(toks[c].dep in ("prt", "prep") and toks[c].text.lower() == "on" for c in view.children[verb.i])


def titled_antecedent(view: ArticleView, rules: Rules, people: Iterable[Span], antecedent: Span, k: int) -> Span:
    """The person a role description at token ``k`` ("the Mariners boss") stands for, when another
    person named before it in the same sentence has that role noun as a title and the antecedent
    found has not ("Manager Stuart Brocklesby and assistant Dave Scrimshaw have ..., and the
    Mariners boss has decided": Brocklesby, not the last man named)."""
    toks = view.tokens
    role = rules.role_of(toks[k].text)
    if role not in ("manager", "player") or \
            antecedent.start and rules.role_of(toks[antecedent.start - 1].text) == role:
        return antecedent
    titled = [p for p in people if p.start < k and p.start and view.sent_of[p.start] == view.sent_of[k]
              and not p.anaphoric and rules.role_of(toks[p.start - 1].text) == role]
    return titled[-1] if titled else antecedent


def _antecedent(view: ArticleView, people: dict[int, list[Span]], start: int, exclude: str = "") -> Span | None:
    """Who "the 24-year-old" or "he" at token ``start`` stands for: the last person named before it
    in its sentence; else, from the previous sentences (three at most, nearest first), the subject
    of the sentence's main verb, or the last person named there."""
    toks = view.tokens
    si = view.sent_of[start]
    here = [p for p in people.get(si, ()) if p.start < start and p.ref != exclude]
    if len(here) >= 2 and taken_off(view, here[-1]):
        here = here[:-1]  # "sent on Kiernan for Gilsenan ... and the former Bohemians striker scored": Kiernan
    if here:
        return here[-1]
    for back in range(si - 1, max(-1, si - 4), -1):
        named = [p for p in people.get(back, ()) if p.ref != exclude]
        if not named:
            continue
        main = [p for p in named if toks[p.head_index].dep == "nsubj" and toks[toks[p.head_index].head].dep == "ROOT"]
        return main[0] if main else named[-1]
    return None


_RATING = re.compile(
    r"(?m)^[ \t]*(?:(?:GK|DF|MF|FW|CB|LB|RB|CM|DM|AM|ST|LW|RW|WB|LWB|RWB|SUB|D|M|F)\s+)?"
    r"([A-ZÀ-ÖØ-Þ][^\W\d_]*(?:[ '\u2019.-]+[^\W\d_]+){0,4})"  # the name: words, no digits
    r"(?:[ \t]*\((?:\d{1,3}(?:\+\d{1,2})?['\u2019]|on[ \t]+\d{1,3}|\d{1,3}[ \t]*mins?"  # a substitute's "(64')",
    r"|(?:on[ \t]+)?for[ \t]+[^\W\d_][^()\n\d]{0,30}?,?[ \t]*\d{1,3}['\u2019]?)\))?"  # "(for Devlin, 78)"
    r"(?:,[ \t]*\d{1,2}(?:\.\d)?(?=[ \t]*[-\u2013\u2014]{1,2}[ \t]|[ \t]*$)"  # ", 7 -- ...": not an age (", 24, has")
    r"|\s*(?::|[-\u2013\u2014]|\()\s*\d{1,2}(?:\.\d)?\s*(?:/\s*10\b|out of 10\b)?\)?"  # ": 6/10", "- 7", "(7)"
    r"(?=[ \t]*[.:]?[ \t]*$|[ \t]*[-\u2013\u2014:|.,]*[ \t]+\S)"  # the line ends ("- 6.", "(6/10):") or words follow, not "1-0"
    r"|[ \t]+\d{1,2}(?:\.\d)?(?:/10)?[ \t]*$)")  # "Mattia Brunelli 7" alone on its line


_DEAL_LINE = re.compile(r"(?mi)^[ \t]*(in|ins|arrivals|incoming|signed|out|outs|departures|outgoing|sold)"
                        r"[ \t]*:[ \t]*(\S.*)$")
_DEAL_ITEM = re.compile(r"([^;,()]+?)\s*\(([^()]+)\)")
_INCOMING = {"in", "ins", "arrivals", "incoming", "signed"}


@dataclass(frozen=True)
class Deal:
    """One entry of a window's list of deals: "In: Caio Rezende (Fluminense, £28m)"."""

    line_start: int
    line_end: int
    name_start: int
    name_end: int
    other_start: int  # the bracketed club the player came from or went to
    incoming: bool
    loan: bool


@dataclass(frozen=True)
class MoveLine:
    """A list's line giving one move: "Lewis Tunstall - Manchester City to Crystal Palace, £9m"."""

    start: int
    end: int
    name_start: int
    name_end: int
    from_start: int
    to_start: int
    loan: bool


_MOVE_LINE = re.compile(r"(?m)^[ \t]*(?:[-*\u2022][ \t]+)?(?P<name>[A-Z\u00c0-\u024f][^\n:;,()\d]{2,40}?)(?:[ \t]+[-\u2013\u2014]|[ \t]*:)[ \t]+"
                        r"(?P<from>[A-Z\u00c0-\u024f][^\n:;,()\d]{1,40}?)[ \t]+to[ \t]+(?P<to>[A-Z\u00c0-\u024f][^\n:;,()]{1,40}?)"
                        r"[ \t]*(?P<tail>[,(][^\n]*)?[ \t.]*$")


_NAME_CLUB_LINE = re.compile(r"(?m)^[ \t]*(?P<name>[A-Z\u00c0-\u024f][^\n:;,()\d\-\u2013\u2014]{2,40}?)[ \t]+[-\u2013\u2014][ \t]+"
                             r"(?P<club>[A-Z\u00c0-\u024f][^\n:;,()\d]{1,40}?)[ \t]*(?:\([^\n()]{1,30}\))?[ \t]*$")
# ... or the club in brackets, with its league: "HARRY DALBY (Scarborough Athletic, National League North)"
_NAME_CLUB_BRACKETS = re.compile(r"(?m)^[ \t]*(?P<name>[A-Z\u00c0-\u024f][\w'\u2019\-]+(?: [A-Z\u00c0-\u024f][\w'\u2019\-]+){1,2})"
                                 r"[ \t]+\((?P<club>[A-Z\u00c0-\u024f][^\n:;,()\d]{1,40}?)(?:,[^\n()]{1,60})?\)[ \t]*$")


@dataclass(frozen=True)
class NameClubLine:
    """A list's line that is a player and his club and nothing else: "Theo Bramall - Doncaster
    Rovers" (a loan round-up's subheading)."""

    start: int
    end: int
    name_start: int
    name_end: int
    club_start: int


def name_club_lines(text: str) -> list[NameClubLine]:
    """The player-and-club lines of a text (not a "done deals" line's "X - A to B")."""
    found = [m for m in _NAME_CLUB_LINE.finditer(text) if " to " not in m.group("club")]
    found += list(_NAME_CLUB_BRACKETS.finditer(text))
    return [NameClubLine(m.start(), m.end(), m.start("name"), m.end("name"), m.start("club"))
            for m in sorted(found, key=lambda m: m.start())]


# a club's retained and released list: a heading line, then one player a line ("Jordan Carmody
# (GK) - The supporters' Player of the Season has signed ...")
_CONTRACT_HEADING = re.compile(r"(?m)^[ \t]*([A-Za-z][A-Za-z /&,'\-]{2,50}?)[ \t]*:?[ \t]*$")
_STAYS = re.compile(r"\b(?:retained|under contract|contracted|new (?:deals?|contracts?|terms)|offered|staying|"
                    r"extensions?|extended)\b", re.I)
_LEAVES = re.compile(r"\b(?:released|leaving|departures?|departing|out of contract|not retained|free agents?|"
                     r"exits?|moving on)\b", re.I)
_LIST_ENTRY = re.compile(r"[ \t]*(?:[-*\u2022][ \t]+)?(?P<name>[A-Z\u00c0-\u024f][\w'\u2019\-]+"
                         r"(?: [A-Z\u00c0-\u024f][\w'\u2019\-]+){1,3})[ \t]*(?:\([A-Za-z/]{1,12}\))?"
                         r"[ \t]*(?:[-\u2013\u2014:][ \t]+\S[^\n]*)?[ \t.]*")


@dataclass(frozen=True)
class ContractLine:
    """An entry of a club's retained and released list: the player and whether he stays."""

    start: int
    end: int
    name_start: int
    name_end: int
    stays: bool


def contract_lines(text: str) -> list[ContractLine]:
    """The entries under a retained list's headings ("RETAINED / UNDER CONTRACT", "RELEASED"): a
    heading that says both or neither ends the list."""
    out: list[ContractLine] = []
    stays: bool | None = None
    for line in re.finditer(r"[^\n]*", text):
        body = line.group()
        if not body.strip(" \t."):
            continue
        heading = _CONTRACT_HEADING.fullmatch(body)
        if heading and len(heading.group(1).split()) <= 6 and (heading.group(1).isupper() or body.rstrip().endswith(":")):
            keep, leave = bool(_STAYS.search(body)), bool(_LEAVES.search(body))
            stays = keep if keep != leave else None
            continue
        entry = _LIST_ENTRY.fullmatch(body) if stays is not None else None
        if entry is not None:
            out.append(ContractLine(line.start(), line.end(), line.start() + entry.start("name"),
                                    line.start() + entry.end("name"), stays))
    return out


def move_lines(text: str) -> list[MoveLine]:
    """Lines of a "done deals" list, one move each: the player, the club left, the club joined."""
    return [MoveLine(m.start(), m.end(), m.start("name"), m.end("name"), m.start("from"), m.start("to"),
                     "loan" in (m.group("tail") or "").lower())
            for m in _MOVE_LINE.finditer(text)]


def deal_items(text: str) -> list[Deal]:
    """Every entry of every "In:" / "Out:" line (the club heading above is the reader's job)."""
    out = []
    for m in _DEAL_LINE.finditer(text):
        for item in _DEAL_ITEM.finditer(m.group(2)):
            name = item.group(1)
            start = m.start(2) + item.start(1) + len(name) - len(name.lstrip())
            out.append(Deal(m.start(1), m.end(2), start, m.start(2) + item.end(1), m.start(2) + item.start(2),
                            m.group(1).lower() in _INCOMING, "loan" in item.group(2).lower()))
    return out


def _deal_names(view: ArticleView, spans: list[Span], sheet_tokens: set[int]) -> list[Span]:
    """The players of a list of deals ("Out: Tobi Adelakun (Monaco, £25m)", "Lewis Tunstall - Manchester
    City to Crystal Palace, £9m")."""
    taken = {i for s in spans for i in range(s.start, s.end)} | sheet_tokens
    out = []
    listed = [(d.name_start, d.name_end, False) for d in deal_items(view.doc.text)]
    listed += [(m.name_start, m.name_end, False) for m in move_lines(view.doc.text)]
    listed += [(line.name_start, line.name_end, True) for line in name_club_lines(view.doc.text)]
    listed += [(line.name_start, line.name_end, False) for line in contract_lines(view.doc.text)]
    for name_start, name_end, capitals in listed:
        a = view.token_at_char(name_start)
        b = view.token_at_char(name_end - 1) + 1
        if not any(i in taken for i in range(a, b)):
            span = _person_span(view, a, b, capitals=capitals)
            if span:
                out.append(span)
    return out


def rating_lines(text: str) -> list[re.Match[str]]:
    """Player-ratings lines ("DF Marcus Ojo-Pemberton: 6/10 -- ...", "Tomas Hruby - 7"): a
    name and a mark out of ten at the start of a line, when an article has at least three."""
    found = list(_RATING.finditer(text))
    return found if len(found) >= 3 else []


_PERSONAL_HEADS = {"men", "side", "players", "team", "charges", "substitutions", "header", "goal", "strike",
                   "penalty", "cross", "pass", "corner", "shot", "volley", "free-kick", "save", "saves",
                   "contract", "agent", "future", "departure", "arrival", "signing", "career", "wife", "father"}


def _personal_slot(view: ArticleView, t) -> bool:
    """Syntactic slots that a person, not a place or a company, fills: "X's men", "X's header",
    "denied X", "by X" after a goal verb, "X, the striker"."""
    toks = view.tokens
    head = toks[t.head]
    if t.dep == "poss":
        return head.lemma.lower() in _PERSONAL_HEADS or head.text.lower() in _PERSONAL_HEADS
    if t.dep == "dobj":
        return head.lemma.lower() in ("deny", "replace", "foul", "substitute", "sign", "tackle", "beat", "thwart",
                                      "appoint", "hire", "name", "sack", "dismiss", "praise", "thank")
    if t.dep == "pobj":
        return head.text.lower() in ("by", "from", "for") and toks[head.head].pos == "VERB" and \
            toks[head.head].lemma.lower() in ("save", "deny", "replace", "foul", "head", "score", "convert",
                                              "tackle", "concede", "beat", "pass", "cross", "assist")
    return False


def _rating_names(view: ArticleView, spans: list[Span], sheet_tokens: set[int]) -> list[Span]:
    """Player-ratings lines: "DF Marcus Ojo-Pemberton: 6/10 -- ...". The line's whole name is
    the person even where the tagger saw only part of it ("Nicolás [Ferrante] – 7"): the spans
    inside it are replaced by the caller."""
    out = []
    for m in rating_lines(view.doc.text):
        a = view.token_at_char(m.start(1))
        b = view.token_at_char(m.end(1) - 1) + 1
        inside = [s for s in spans if s.start < b and s.end > a]
        if any(i in sheet_tokens for i in range(a, b)) or any(
                s.kind != "person" or s.start < a or s.end > b or (s.start, s.end) == (a, b) for s in inside):
            continue
        span = _person_span(view, a, b)
        if span:
            out.append(span)
    return out


_GOAL_LINE = re.compile(r"\bGOAL\b|\bGoal!")


def _shouted_names(view: ArticleView, spans: list[Span], sheet_tokens: set[int]) -> list[Span]:
    """Live text: after a line "84 mins: GOAL! Villa 1-2 Spurs", a name alone, "Bramwell-Ortiz!"."""
    taken = {i for s in spans for i in range(s.start, s.end)} | sheet_tokens
    toks = view.tokens
    out = []
    for si in range(1, len(view.sents)):
        s, e = view.sents[si]
        while e > s and not toks[e - 1].text.strip():
            e -= 1
        if e - s < 2 or e - s > 8 or toks[e - 1].text != "!" or any(i in taken for i in range(s, e - 1)):
            continue
        words = [t for t in toks[s:e - 1] if t.text not in ("-", "\u2010", "\u2011")]
        if not all(t.pos == "PROPN" and t.text[:1].isupper() and not t.text.isupper() for t in words) \
                or _word_count(toks, s, e - 1) > 3:
            continue
        if not any(_GOAL_LINE.search(view.sentence_text(b)) for b in (si - 1, si - 2) if b >= 0):
            continue
        span = _person_span(view, s, e - 1)
        if span:
            out.append(span)
    return out


def _coordinated_names(view: ArticleView, spans: list[Span], sheet_tokens: set[int]) -> list[Span]:
    """Two capitalised words the model left untagged, joined by "and" to a person's name: "Richie
    Wardle and Frazer Nuttall scored" (the parser hung the first name on the second)."""
    taken = {i for s in spans for i in range(s.start, s.end)} | sheet_tokens | set(view.ent_label)
    toks = view.tokens
    out = []
    for p in spans:
        if p.kind != "person" or p.anaphoric:
            continue
        for a in ((p.start - 3) if p.start >= 3 and toks[p.start - 1].text == "and" else None,
                  (p.end + 1) if p.end + 2 < len(toks) and toks[p.end].text == "and" else None):
            if a is None or a < 0 or any(i in taken for i in (a, a + 1)) or toks[a].ws != " " or \
                    not all(toks[i].pos == "PROPN" and toks[i].text.istitle() and toks[i].text.isalpha() for i in (a, a + 1)) or \
                    view.sent_of[a] != view.sent_of[p.start]:
                continue
            if a > p.start and a + 2 < len(toks) and toks[a + 2].pos == "PROPN" and toks[a + 2].text[:1].isupper():
                continue  # a longer name: not ours to cut
            span = _person_span(view, a, a + 2)
            if span is not None:
                out.append(span)
                taken.update((a, a + 1))
    return out


def _subject_names(view: ArticleView, spans: list[Span], sheet_tokens: set[int],
                   roles: frozenset[str] = frozenset()) -> list[Span]:
    """Two or three capitalised words the model left untagged, as the subject of a verb in a
    sentence that is not in title case ("Mikel Arteta refuses to rotate"), or owning a club
    ("Salvatore Liguori's Napoli")."""
    # a name the model tagged as a product or a work ("Aled Prosser scored twice") is as untagged
    taken = {i for s in spans for i in range(s.start, s.end)} | sheet_tokens | \
        {i for i, label in view.ent_label.items() if label not in _ODD_LABELS}
    clubs = {i for s in spans if s.kind == "club" for i in range(s.start, s.end)}
    toks = view.tokens
    out = []
    for t in toks:
        if t.dep not in ("nsubj", "nsubjpass", "poss", "dobj", "appos", "pobj") or t.pos != "PROPN" \
                or t.i in taken:
            continue
        if t.dep in ("poss", "dobj", "pobj", "appos") and not _personal_slot(view, t) and \
                not (t.dep == "poss" and t.head in clubs):  # "Salvatore Liguori's Napoli": a manager's side
            continue
        start = t.i
        while start > 0 and toks[start - 1].pos == "PROPN" and toks[start - 1].dep == "compound" \
                and start - 1 not in taken and t.i - start < 2:
            start -= 1
        if start > 0 and toks[start - 1].text.lower() == "the":
            continue  # "says the Evening Standard": a title, not a person
        words = toks[start:t.i + 1]
        speaker = t.dep == "nsubj" and toks[t.head].lemma.lower() in SPEECH_VERBS
        if (len(words) < 2 and not speaker) or not all(
                w.text[:1].isupper() and _namelike(w.text) and not w.text.isupper() for w in words):
            continue
        s, e = view.sents[view.sent_of[t.i]]
        alpha = [x for x in toks[s:e] if x.text.isalpha()]
        if sum(1 for x in alpha if x.text[:1].isupper()) > 0.6 * len(alpha):
            continue  # a headline in title case: capitals say nothing
        span = _person_span(view, start, t.i + 1, roles)
        if span:
            out.append(span)
    return out


_ODD_LABELS = {"PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}


def _namelike(text: str) -> bool:
    """Letters, with hyphens or apostrophes inside: "Dell'Acqua", "Ait-Larbi"."""
    return text.isalpha() or ("-" in text or "'" in text or "\u2019" in text) and \
        text.replace("-", "").replace("'", "").replace("\u2019", "").isalpha()


def _sheet_people(view: ArticleView, sheets: TeamSheets) -> list[Span]:
    out = []
    names = [n for sheet in sheets.sheets for n in sheet.players + sheet.managers]
    names += [g.scorer for g in sheets.goals]
    names += [g.scorer for line in sheets.scorer_lines for g in line.home + line.away]
    names += [g.scorer for line in sheets.team_goals for g in line.goals]
    names += [x.goal.scorer for x in sheets.flashes]
    if sheets.referee:
        names.append(sheets.referee)
    for n in names:
        a = view.token_at_char(n.start)
        b = view.token_at_char(n.end - 1) + 1
        out.append(Span(a, b, "person", "", n.name))
    return out


# a line-up's player and his club in brackets, after it perhaps his captaincy: "Ruben Kahuure
# (Chippa United, captain)"; not a substitution's "(Rutter 75)" nor a position's "(GK)"
_SHEET_CLUB = re.compile(r"[ \t]*\((?P<club>[A-Z\u00c0-\u024f][^()\d,;:\n]{2,40}?)[ \t]*(?:,[^()\d\n]{1,30})?\)")
_NOT_CLUBS = {"gk", "capt", "captain", "c", "vc", "loan", "on loan", "sub", "subs", "trialist", "debut", "og", "pen"}


def _sheet_clubs(view: ArticleView, gaz: Gazetteer, sheets: TeamSheets, spans: list[Span]) -> list[Span]:
    """The clubs in brackets after a line-up's names (a national team's: "Edward Tjivikua (African
    Stars)"), listed or not: the brackets leave no doubt that the words name a club."""
    text = view.doc.text
    taken = {i for x in spans if x.kind != "person" for i in range(x.start, x.end)}
    out = []
    for sheet in sheets.sheets:
        for n in sheet.players:
            m = _SHEET_CLUB.match(text, n.end)
            if m is None:
                continue
            name = " ".join(m.group("club").split())
            words = name.split()
            if name.lower() in _NOT_CLUBS or len(words) > 5 or not all(w[:1].isupper() or w.lower() in _PARTICLES | {"of", "and"}
                                                                        for w in words):
                continue
            a, b = view.token_at_char(m.start("club")), view.token_at_char(m.start("club") + len(m.group("club").rstrip()) - 1) + 1
            if any(i in taken for i in range(a, b)):
                continue
            listed = gaz.by_name.get(name_key(name))
            if listed is not None and gaz.entries[listed].type != "Club":
                continue
            out.append(Span(a, b, "club", f"G:{listed}" if listed else "U:" + name, name))
    return out


_PARTICLES = {"de", "van", "der", "den", "da", "di", "do", "dos", "das", "del", "della", "le", "la", "von", "ten", "ter"}


def _join_particles(view: ArticleView, spans: list[Span]) -> list[Span]:
    """"Sem" + "de" + "Kruijff": a name the tagger cut at its lower-case particle is one person."""
    toks = view.tokens
    people = {s.start: s for s in spans if s.kind == "person" and not s.anaphoric}
    out: list[Span] = []
    skip: set[int] = set()
    for s in spans:
        if s.start in skip:
            continue
        if s.kind == "person" and not s.anaphoric:
            k = s.end
            while k < len(toks) and toks[k].text in _PARTICLES and toks[k - 1].ws and k - s.end < 2:
                k += 1
            nxt = people.get(k) if k > s.end else None
            if nxt is not None and view.sent_of[nxt.start] == view.sent_of[s.start]:
                text = view.char_text(toks[s.start].idx, toks[nxt.end - 1].idx + len(toks[nxt.end - 1].text))
                out.append(Span(s.start, nxt.end, "person", s.ref, text))
                skip.add(nxt.start)
                continue
        out.append(s)
    return out


def _drop_overlaps(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    taken: set[int] = set()
    for s in sorted(spans, key=lambda s: (s.kind == "person", s.start, -(s.end - s.start))):
        if any(i in taken for i in range(s.start, s.end)):
            continue
        out.append(s)
        taken.update(range(s.start, s.end))
    return out


_QUOTES = {'"', "\u201c", "\u201d", "'", "\u2018", "\u2019"}
_CALLED = {"know", "nickname", "dub", "call", "christen"}


def _called_names(view: ArticleView, spans: list[Span]) -> dict[str, str]:
    """A quoted one-word name that a sentence gives someone ('known to team-mates simply as
    "Kobby"', 'nicknamed "Nacho"'): the nickname's key and the key of the name (full or a surname)
    named last before it, in that sentence or the one before."""
    toks = view.tokens
    people = sorted((s for s in spans if s.kind == "person"), key=lambda s: s.start)
    out: dict[str, str] = {}
    for n, s in enumerate(people):
        if " " in s.text or s.start == 0 or s.end >= len(toks) or toks[s.start - 1].text not in _QUOTES \
                or toks[s.end].text not in _QUOTES and toks[s.end].text not in (",", ".") and \
                toks[min(s.end + 1, len(toks) - 1)].text not in _QUOTES:
            continue
        si = view.sent_of[s.start]
        if not any(toks[i].lemma.lower() in _CALLED for i in range(max(view.sents[si][0], s.start - 8), s.start)):
            continue
        owners = [p for p in people[:n] if name_key(p.text) != name_key(s.text) and view.sent_of[p.start] in (si, si - 1)]
        if owners:
            out[name_key(s.text)] = name_key(owners[-1].text)
    return out


def _headline_adjectives(view: ArticleView, spans: list[Span]) -> list[Span]:
    """"Late Kerridge strike sends Marske through": a title-case headline's word before a surname,
    a headline adjective ("Late", "Stunning") or one the article writes in lower case elsewhere
    ("Kerridge's late intervention"), and never again before that surname, is no first name."""
    toks = view.tokens
    people = [s for s in spans if s.kind == "person" and not s.anaphoric]
    out = []
    for s in spans:
        word = toks[s.start].text
        if s in people and s.end - s.start >= 2 and view.sent_of[s.start] == 0 and word.istitle() \
                and (word.lower() in _HEADLINE_WORDS or any(t.text == word.lower() and t.pos in ("ADJ", "ADV") for t in toks)) \
                and not any(
                    x.start != s.start and x.end - x.start == s.end - s.start and toks[x.start].text == word
                    for x in people):
            text = view.char_text(toks[s.start + 1].idx, toks[s.end - 1].idx + len(toks[s.end - 1].text))
            s = Span(s.start + 1, s.end, "person", "P:" + text, text)
        out.append(s)
    return out


def _cluster_people(spans: list[Span], called: dict[str, str] | None = None,
                    pets: dict[str, frozenset[str]] | None = None) -> list[Span]:
    """Give every person mention the reference of the fullest name it abbreviates:
    "Van Dijk" and "Virgil van Dijk", "Kelleher" and "Caoimhin Kelleher", "A Marsh" and
    "Andrew Marsh"; a lone first name joins the one full name it starts (or, failing that, the
    one whose middle name it is: "Haziq", Muhammad Haziq Rosli); a nickname the article
    gives someone (`_called_names`) is that person."""
    people = [s for s in spans if s.kind == "person"]
    display: dict[str, str] = {}
    for s in people:
        key = name_key(s.text)
        if key not in display or len(s.text) > len(display[key]):
            display[key] = s.text
    alias = _pet_names(display, pets or {})
    alias.update({k: v for k, v in (called or {}).items() if k in display and v in display})
    keys = sorted(display, key=lambda k: (-len(k.split()), k))
    out = [s for s in spans if s.kind != "person"]
    for s in people:
        key = name_key(s.text)
        owner = _owner(alias.get(key, key), keys, people, s)
        out.append(Span(s.start, s.end, "person", "P:" + display[alias.get(owner, owner)], s.text))
    return out


def _pet_names(display: dict[str, str], pets: dict[str, frozenset[str]]) -> dict[str, str]:
    """"Dessie Kavanagh" is "Desmond Kavanagh": the same surname, and a first name that is a pet
    form of the other (its first three letters, ending in -ie/-y, the start of the other: "Alex"
    and "Alexander", or one of its listed pet forms: "Bertie" and "Robert"). Only when the
    surname has exactly one fuller first name."""
    by_tail: dict[str, list[str]] = {}
    for k in display:
        words = k.split()
        if len(words) >= 2 and len(words[0]) >= 3:
            by_tail.setdefault(" ".join(words[1:]), []).append(k)
            if len(words) > 2:  # "Douglas James Farquhar" (an obituary's full name) and "Dougie Farquhar"
                by_tail.setdefault(words[-1], []).append(k)
    alias: dict[str, str] = {}
    for tail, ks in by_tail.items():
        if len(ks) < 2:
            continue
        for k in ks:
            first = k.split()[0]
            n = min(4, len(first) - 1) if first.endswith(("i", "o")) else 3  # "Tino" Tinashe, not "Mario" Marcus
            # ("Hugh" is no shortening of "Hughie": a listed pet form is the other way round)
            fuller = [o for o in ks if o != k and (o.split()[0] in pets.get(first, ()) or o.split()[0][:n] == first[:n] and (
                first.endswith(_PET_ENDINGS) and not o.split()[0].endswith(_PET_ENDINGS)
                or len(o.split()[0]) > len(first) and o.split()[0].startswith(first)
                and not (o.split()[0].endswith(_PET_ENDINGS) and first in pets.get(o.split()[0], ()))))]
            if len(fuller) == 1:
                alias[k] = fuller[0]
    # a nickname alone: "Lachie" for Lachlan Pettigrew, "Tobi" for Tobenna Okafor: a short word
    # ending like a pet name whose first letters start the first name or surname of exactly one
    # person named in full
    full = [k for k in display if len(k.split()) >= 2]
    for k in display:
        if " " in k or not 4 <= len(k) <= 7 or not k.endswith(_PET_ENDINGS):
            continue
        n = min(4, len(k) - 1)  # "Lachie": "Lach"lan; "Tobi": "Tob"enna; "Mario" is not "Marcus"
        owners = [o for o in full if any(w[:n] == k[:n] and len(w) > len(k) - 1 and w != k
                                         for w in (o.split()[0], o.split()[-1]))]
        if len(owners) == 1:
            alias[k] = owners[0]
    # a clipped name ("Gav" for Gavin Roche, "Raff" for Dean Rafferty) or a surname with a pet
    # ending ("Mossy" for Carl Moss, "Mearnsy"): of exactly one person named in full, and not
    # itself the first name of someone named in full
    firsts = {k.split()[0] for k in full}
    for k in display:
        if " " in k or k in alias or k in firsts:
            continue
        if k in pets:  # "Gaz", "Tom"
            owners = [o for o in full if o.split()[0] in pets[k]]
        elif 3 <= len(k) <= 4:
            owners = [o for o in full if any(len(w) >= len(k) + 2 and w.startswith(k)
                                             for w in (o.split()[0], o.split()[-1]))]
        elif k.endswith(_PET_ENDINGS):
            owners = [o for o in full if any(k in (w + "y", w + "ie", w + "sy", w + "o")
                                             for w in (o.split()[0], o.split()[-1]))]
        else:
            continue
        if len(owners) == 1:
            alias[k] = owners[0]
    return alias


_PET_ENDINGS = ("ie", "y", "i", "o")


def _owner(key: str, keys: list[str], people: list[Span], s: Span) -> str:
    words = key.split()
    longer = [k for k in keys if len(k.split()) > len(words) or
              (len(words) >= 2 and len(words[0]) == 1 and len(k.split()) == len(words) and k != key)]
    matches = [k for k in longer if k.endswith(" " + key) or _first_and_last(k, words)]
    if not matches and (len(words) == 1 or " " not in s.text):  # "Jean-Kevin": a first name
        matches = [k for k in longer if k.startswith(key + " ")]
    if not matches and len(words) == 1:  # "Haziq" for Muhammad Haziq Rosli: the name he goes by
        matches = [k for k in longer if key in k.split()[1:-1]]
    if len(matches) == 1:
        return _owner(matches[0], keys, people, s)
    if len(matches) > 1:
        nearest = None
        for p in people:
            if p.start < s.start and name_key(p.text) in matches:
                nearest = name_key(p.text)
        if nearest:  # "Barry" after "E Barry": and "E Barry" is "Eoghan Barry"
            return _owner(nearest, keys, people, s) if nearest != key else nearest
    return key


def _first_and_last(full: str, words: list[str]) -> bool:
    """"S Bennett" abbreviates "Steve Bennett", "M O'Driscoll" "Mark O'Driscoll"."""
    parts = full.split()
    return len(words) >= 2 and len(words[0]) == 1 and len(parts) >= len(words) and parts[0].startswith(words[0]) \
        and parts[1 - len(words):] == words[1:]
