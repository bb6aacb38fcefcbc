"""News over time: which membership is current, dated spells, and transfers as events.

Runs after resolution and a reviewer's curation, on the facts of all articles together, and
orders evidence by the article's date (then its id, for undated articles and ties), so the same
articles give the same graph whatever order they were added in.

- **Current or past.** A completed move in a later article beats a stale membership
  (`playsFor` X then "left X" makes `formerlyPlayedFor` X), and a later completed permanent move
  ends a player's earlier club spells that no later article supports. Read from the same newest
  article, the more probable of `playsFor` and `formerlyPlayedFor` stands; a rumour about one's
  own club is no rumour.
- **Spells** (`fkg:Spell`): one per person and team, with its status and the dates of the
  articles that report the move in and out, and first and last seen. An n-ary node, like
  `fkg:Match`, so it works in every store and in Neo4j (RDF-star does not yet).
- **Transfers** (`fkg:Transfer`): one per player, destination and kind (a loan and a later
  permanent move to the same club are two), at the furthest status any article reports, with
  the fee read from the move's sentence (or the next sentences that speak of a fee).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal

from kg.graph import valid_date
from kg.records import LOANED_FROM, Document, Evidence, Spell, Transfer
from kg.resolve import Resolved

MEMBER = {"Player": ("playsFor", "formerlyPlayedFor"), "Manager": ("manages", "formerlyManaged")}
MOVE_IN = {"transfer", "deals-list", "appointment", "appointed", "take-charge"}
MOVE_OUT = {"transfer", "deals-list", "departure", "departure-of", "sacked"}
FROM_RULES = {"rumour-seller"}  # a membership said in the move's own sentence
STATUSES = ("rumour", "bid", "agreed", "completed")

_CURRENCY = {"£": "GBP", "€": "EUR", "$": "USD", "us$": "USD", "a$": "AUD", "r": "ZAR"}
_WORD_CURRENCY = {"pound": "GBP", "pounds": "GBP", "euro": "EUR", "euros": "EUR", "dollar": "USD",
                  "dollars": "USD", "rand": "ZAR", "naira": "NGN", "riyals": "SAR", "rupees": "INR"}
_MULT = {"m": 10**6, "mn": 10**6, "million": 10**6, "bn": 10**9, "billion": 10**9, "k": 10**3,
         "thousand": 10**3}
_NUM = r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
_FEE_SYMBOL = re.compile(r"(?<![\w$])(US\$|A\$|£|€|\$)\s?" + _NUM + r"(?:\s?(million|billion|thousand|mn|bn|m|k)\b)?",
                         re.I)
_FEE_WORD = re.compile(_NUM + r"\s?(million|billion|thousand|mn|bn|m)?\s+(pounds?|euros?|dollars?|rand|naira|riyals|rupees)\b",
                       re.I)
_WAGE = re.compile(r"^\s*(?:-|\s)?(?:a|per)[- ](?:week|year|month|season)\b", re.I)
_UNDISCLOSED = re.compile(r"\bundisclosed\b", re.I)
_FEE_TALK = re.compile(r"\b(fee|deal|worth|cost|move|transfer|bid|offer|price|valued)\b", re.I)
_LOAN_RETURN = re.compile(r"\b(?:return\w*|back|recalled)\b[^.]{0,30}\bfrom (?:a |his |her |their |the )?(?:\w+[- ])?loan\b"
                          r"|\bloan (?:spell )?(?:is )?(?:cut short|terminated|ended)\b", re.I)
_LOAN = re.compile(r"\bloan", re.I)
_FREE = re.compile(r"\bfree transfer\b|\bon a free\b|\bfree agent\b|\bout of contract\b", re.I)
_AGREED = re.compile(r"\bagreed\b|\bagreement\b|\bpersonal terms\b|\bmedical\b", re.I)
_BID = re.compile(r"\b(bid|offer|approach|enquiry|inquiry|proposal)s?\b", re.I)
_NEG = re.compile(r"\b(not|no|yet to|rejected|turned down|refused)\b", re.I)


@dataclass(frozen=True)
class Fee:
    amount: int | None
    currency: str | None
    text: str


def apply(resolved: Resolved, docs: list[Document]) -> None:
    """Settle current against past memberships, and add the spells and transfers, in place."""
    dates = {d.id: d.date for d in docs if d.date and valid_date(d.date)}
    texts = {d.id: d.original for d in docs}

    def when(ev: Evidence) -> tuple[str, str]:
        return dates.get(ev.doc_id, ""), ev.doc_id

    loans = {k: resolved.facts.pop(k) for k in [k for k in resolved.facts if k[1] == LOANED_FROM]}
    for k in loans:
        resolved.confidence.pop(k, None)
    snapshot = {k: list(v) for k, v in resolved.facts.items()}
    transfers = _transfers(resolved, {**snapshot, **loans}, dates, texts)
    _settle(resolved, when, transfers)
    resolved.transfers = {t.key: t for t in sorted(transfers, key=lambda t: t.key)}
    resolved.spells = _spells(resolved, snapshot, dates, transfers)


def rule_of(ev: Evidence) -> str:
    """The rule behind a piece of evidence: the scorer's evidence names it after a slash."""
    return ev.rule.split("/")[-1].split("@")[0]


def parse_fee(text: str) -> Fee | None:
    """The first fee in a sentence: "£20m" -> 20000000 GBP, "€7.5 million", "£750,000",
    "20 million euros"; "undisclosed" is kept as such; a wage ("£80,000-a-week") is no fee."""
    found = []
    for m in _FEE_SYMBOL.finditer(text):
        if not _WAGE.match(text[m.end():]):
            found.append((m.start(), m.group(0).strip(), _CURRENCY[m.group(1).lower()], m.group(2), m.group(3)))
    for m in _FEE_WORD.finditer(text):
        if not _WAGE.match(text[m.end():]):
            found.append((m.start(), m.group(0).strip(), _WORD_CURRENCY[m.group(3).lower()], m.group(1), m.group(2)))
    if found:
        _, written, currency, number, mult = min(found)
        amount = Decimal(number.replace(",", "")) * _MULT.get((mult or "").lower(), 1)
        return Fee(int(amount), currency, written)
    if _UNDISCLOSED.search(text):
        return Fee(None, None, "undisclosed")
    return None


def _kind(sentence: str) -> str:
    if _LOAN_RETURN.search(sentence):
        return "loan-return"
    if _LOAN.search(sentence):
        return "loan"
    if _FREE.search(sentence):
        return "free"
    return "permanent"


def _rumour_status(sentence: str) -> str:
    if _AGREED.search(sentence) and not _NEG.search(sentence):
        return "agreed"
    if _BID.search(sentence):
        return "bid"
    return "rumour"


def _fee_near(ev: Evidence, texts: dict[str, str]) -> Fee | None:
    """The fee in the move's sentence, else in the next two sentences if they speak of one."""
    fee = parse_fee(ev.sentence)
    if fee is not None:
        return fee
    after = texts.get(ev.doc_id, "")[ev.end:ev.end + 400].split("\n\n")[0]
    for sentence in re.split(r"(?<=[.!?])\s+", after)[:2]:
        if _FEE_TALK.search(sentence):
            fee = parse_fee(sentence)
            if fee is not None:
                return fee
    return None


def _transfers(resolved: Resolved, facts: dict[tuple[str, str, str], list[Evidence]],
               dates: dict[str, str], texts: dict[str, str]) -> list[Transfer]:
    """Every completed move and rumour of a player, one event per player, destination and kind."""
    said: dict[tuple[str, str, int], list[tuple[str, str, str]]] = defaultdict(list)
    in_article: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for (s, p, o), evs in facts.items():
        for ev in evs:
            said[(s, ev.doc_id, ev.start)].append((p, o, rule_of(ev)))
            if p == "playsFor":
                in_article[(s, ev.doc_id)].append((o, rule_of(ev)))
    reports: dict[str, list[tuple[str, Evidence, str | None]]] = defaultdict(list)
    heads: dict[str, tuple[str, str, str]] = {}
    for (s, p, o), evs in sorted(facts.items()):
        if resolved.entities.get(s) is None or resolved.entities[s].cls != "Player":
            continue
        for ev in evs:
            if p == "playsFor" and rule_of(ev) in ("transfer", "deals-list"):
                status = "completed"
            elif p == "linkedWith":
                status = _rumour_status(ev.sentence)
            else:
                continue
            kind = _kind(ev.sentence)
            same = said[(s, ev.doc_id, ev.start)]
            source = next((o2 for p2, o2, r in sorted(same) if o2 != o and (
                p2 == "formerlyPlayedFor" and r in MOVE_OUT or p2 == "playsFor" and r in FROM_RULES
                or p2 == LOANED_FROM)), None)
            if source is None:  # "Fulham midfielder X joins Ipswich": his club, said in the sentence or article
                source = next((o2 for p2, o2, r in sorted(same) if o2 != o and p2 == "playsFor"
                               and r not in ("transfer", "deals-list")), None) or next(
                    (o2 for o2, r in sorted(in_article[(s, ev.doc_id)]) if o2 != o and r not in ("transfer", "deals-list")),
                    None)
            key = f"transfer/{s}/{o}" + ("/loan" if kind == "loan" else "")
            heads[key] = (s, o, kind)
            reports[key].append((status, ev, source))
    out = []
    for key, got in sorted(reports.items()):
        s, o, kind = heads[key]
        status = max((r[0] for r in got), key=STATUSES.index)
        top = sorted((ev for st, ev, _ in got if st == status), key=lambda ev: (dates.get(ev.doc_id, "~"), ev.doc_id))
        fees = [f for f in (_fee_near(ev, texts) for ev in top + [ev for _, ev, _ in got]) if f is not None]
        fee = next((f for f in fees if f.amount is not None), fees[0] if fees else None)
        kinds = Counter(_kind(ev.sentence) for ev in top)
        if kind != "loan":
            kind = max(sorted(kinds), key=lambda k: (kinds[k], k != "permanent"))
            kind = "permanent" if kind == "loan" else kind
        sources = Counter(src for _, _, src in got if src is not None)
        source = max(sorted(sources), key=lambda k: sources[k]) if sources else None
        out.append(Transfer(key, s, o, source, kind, status, dates.get(top[0].doc_id), fee.amount if fee else None,
                            fee.currency if fee else None, fee.text if fee else None,
                            tuple(ev for _, ev, _ in got)))
    return out


def _settle(resolved: Resolved, when, transfers: list[Transfer]) -> None:
    facts, confidence = resolved.facts, resolved.confidence
    for current, past in (("playsFor", "formerlyPlayedFor"), ("manages", "formerlyManaged")):
        for (s, p, o) in [k for k in facts if k[1] == current]:
            other = (s, past, o)
            if other not in facts:
                continue
            now, then = max(map(when, facts[(s, p, o)])), max(map(when, facts[other]))
            if then > now:
                del facts[(s, p, o)]
            elif then == now:
                scored = other in confidence and (s, p, o) in confidence
                loser = other if scored and confidence[other] < confidence[(s, p, o)] else (s, p, o)
                del facts[loser]
                confidence.pop(loser, None)
    for t in transfers:  # a later completed permanent move ends the spells no later article supports
        if t.status != "completed" or t.kind == "loan" or not t.date:
            continue
        for (s, p, o) in [k for k in facts if k[0] == t.player and k[1] == "playsFor" and k[2] != t.to_team]:
            evs = facts[(s, p, o)]
            if all(when(ev)[0] and when(ev)[0] < t.date for ev in evs):
                past = (s, "formerlyPlayedFor", o)
                facts[past] = facts.get(past, []) + [ev for ev in evs if ev not in facts.get(past, [])]
                if (s, p, o) in confidence:
                    confidence[past] = max(confidence.pop((s, p, o)), confidence.get(past, 0.0))
                del facts[(s, p, o)]
    for (s, p, o) in list(facts):
        if p == "linkedWith" and (s, "playsFor", o) in facts:
            del facts[(s, p, o)]
            confidence.pop((s, p, o), None)
    resolved.facts = dict(sorted(facts.items()))
    resolved.confidence = {k: v for k, v in sorted(confidence.items()) if k in resolved.facts}


def _spells(resolved: Resolved, snapshot: dict[tuple[str, str, str], list[Evidence]],
            dates: dict[str, str], transfers: list[Transfer]) -> dict[str, Spell]:
    moves: dict[tuple[str, str], list[Transfer]] = defaultdict(list)
    for t in transfers:
        moves[(t.player, t.to_team)].append(t)
    ends: dict[str, list[str]] = defaultdict(list)  # a player's completed permanent moves, by date
    for t in transfers:
        if t.status == "completed" and t.kind != "loan" and t.date:
            ends[t.player].append(t.date)
    pairs: dict[tuple[str, str], dict[str, list[Evidence]]] = defaultdict(lambda: defaultdict(list))
    for (s, p, o), evs in snapshot.items():
        e = resolved.entities.get(s)
        if e is None or o not in resolved.entities:
            continue
        if p in MEMBER.get(e.cls, ()) or (p == "linkedWith" and e.cls == "Player"):
            pairs[(s, o)][p].extend(evs)
    out: dict[str, Spell] = {}
    for (s, o), by_pred in sorted(pairs.items()):
        cls = resolved.entities[s].cls
        current, past = MEMBER[cls]
        key = f"spell/{s}/{o}"
        if (s, current, o) in resolved.facts:
            status = "completed"
        elif (s, past, o) in resolved.facts:
            status = "ended"
        elif (s, "linkedWith", o) in resolved.facts:
            agreed = any(t.status == "agreed" for t in moves[(s, o)])
            status = "agreed" if agreed else "rumour"
        else:
            continue
        member = by_pred.get(current, [])
        seen = sorted(dates[ev.doc_id] for ev in (member or by_pred.get("linkedWith", [])) if ev.doc_id in dates)
        start = min((dates[ev.doc_id] for ev in member if ev.doc_id in dates and rule_of(ev) in MOVE_IN),
                    default=None)
        end = None
        if status == "ended":  # the first departure on or after the spell began (a return is one spell)
            since = start or (seen[0] if seen else None)
            left = [dates[ev.doc_id] for ev in by_pred.get(past, []) if ev.doc_id in dates and rule_of(ev) in MOVE_OUT
                    and (since is None or dates[ev.doc_id] >= since)]
            later = [d for d in ends.get(s, []) if seen and d > seen[-1]]
            end = min(left + later, default=None)
        out[key] = Spell(key, s, o, "player" if cls == "Player" else "manager", status, start, end,
                         seen[0] if seen else None, seen[-1] if seen else None)
    return out
