"""Turn resolved records into RDF: the facts, and per-article named graphs of evidence.

Provenance model: every fact (s, p, o) is asserted once in the default graph. Each sentence that
supports it is an `fkg:Evidence` node (a reified `rdf:Statement`: rdf:subject/predicate/object)
with the article, sentence text, character offsets into the original file, rule and confidence,
stored in the named graph of its article, so one article's evidence can be dropped or replaced
on its own.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from collections import defaultdict
from collections.abc import Iterator, Mapping

from rdflib import RDF, RDFS, XSD, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, SKOS

from kg.records import Document, Evidence
from kg.resolve import Resolved
from kg.vocab import CONFIDENCE_GRAPH, FKG, ID, WIKIDATA

SCHEMA = Namespace("https://schema.org/")
_DATE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")

Triple = tuple[URIRef, URIRef, object]


def valid_date(text: str) -> bool:
    """A real calendar date: GraphDB's parser rejects a whole file over "2024-02-30"^^xsd:date."""
    if not _DATE.match(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def iri(key: str) -> URIRef:
    return ID[key]


def article_iri(doc_id: str) -> URIRef:
    return ID["article/" + doc_id]


def build_triples(resolved: Resolved, docs: list[Document]) -> tuple[list[Triple], EvidenceGraphs]:
    """(facts, evidence per article graph)."""
    facts: list[Triple] = []
    evidence = EvidenceGraphs()
    for doc in docs:
        a = article_iri(doc.id)
        facts.append((a, RDF.type, FKG.Article))
        facts.append((a, FKG.sourceFile, Literal(doc.source)))
        facts.append((a, RDFS.label, Literal(doc.title or doc.source)))
        if doc.title:
            facts.append((a, DCTERMS.title, Literal(doc.title)))
        if doc.date and valid_date(doc.date):
            facts.append((a, DCTERMS.date, Literal(doc.date, datatype=XSD.date)))
        if doc.url:
            facts.append((a, SCHEMA.url, Literal(doc.url)))
    for e in resolved.entities.values():
        s = iri(e.key)
        facts.append((s, RDF.type, FKG[e.cls]))
        facts.append((s, RDFS.label, Literal(e.label)))
        for alt in e.alt_labels:
            facts.append((s, SKOS.altLabel, Literal(alt)))
        if e.wikidata:
            facts.append((s, OWL.sameAs, WIKIDATA[e.wikidata]))
        for doc_id in e.articles:
            facts.append((s, FKG.mentionedIn, article_iri(doc_id)))
    for m in resolved.matches.values():
        s = iri(m.key)
        first, second = m.teams
        if not m.home_away and m.winner:
            first, second = m.winner, m.loser
        names = [resolved.entities[t].label for t in (first, second)]
        label = f"{names[0]} v {names[1]}"
        extra = ", ".join(x for x in (
            f"{resolved.entities[m.competition].label}{' ' + m.stage if m.stage else ''}" if m.competition else m.stage,
            m.year) if x)
        facts.append((s, RDF.type, FKG.Match))
        facts.append((s, RDFS.label, Literal(f"{label} ({extra})" if extra else label)))
        for t in sorted(m.teams):
            facts.append((s, FKG.team, iri(t)))
        if m.home_away:
            facts.append((s, FKG.homeTeam, iri(m.teams[0])))
            facts.append((s, FKG.awayTeam, iri(m.teams[1])))
        if m.winner and m.loser:
            facts.append((s, FKG.winner, iri(m.winner)))
            facts.append((s, FKG.loser, iri(m.loser)))
        if m.winner_score is not None and m.loser_score is not None:
            facts.append((s, FKG.winnerScore, Literal(m.winner_score, datatype=XSD.nonNegativeInteger)))
            facts.append((s, FKG.loserScore, Literal(m.loser_score, datatype=XSD.nonNegativeInteger)))
            facts.append((s, FKG.score, Literal(f"{m.winner_score}-{m.loser_score}")))
        if m.competition:
            facts.append((s, FKG.competition, iri(m.competition)))
        if m.stage:
            facts.append((s, FKG.stage, Literal(m.stage)))
        if m.venue:
            facts.append((s, FKG.venue, iri(m.venue)))
        if m.year:
            facts.append((s, FKG.season, Literal(m.year, datatype=XSD.gYear)))
        if m.extra_time:
            facts.append((s, FKG.afterExtraTime, Literal(True)))
        for doc_id in sorted({ev.doc_id for ev in m.evidence}):
            facts.append((s, FKG.mentionedIn, article_iri(doc_id)))
        for ev in m.evidence:
            for t in sorted(m.teams):
                evidence.add(s, FKG.team, iri(t), ev)
    for (s_key, p, o_key), evs in sorted(resolved.facts.items()):
        s, o = iri(s_key), iri(o_key)
        facts.append((s, FKG[p], o))
        for ev in evs:
            evidence.add(s, FKG[p], o, ev)
    facts += spell_triples(resolved)
    facts += transfer_triples(resolved, evidence)
    if resolved.confidence:
        evidence.add_graph(CONFIDENCE_GRAPH, assertions(resolved))
    return facts, evidence


def _date(text: str) -> Literal:
    return Literal(text, datatype=XSD.date)


def spell_triples(resolved: Resolved) -> list[Triple]:
    """One fkg:Spell per person and team (`kg.history`): status and dates as properties."""
    out: list[Triple] = []
    for sp in resolved.spells.values():
        node, person, team = iri(sp.key), resolved.entities[sp.person], resolved.entities[sp.team]
        out += [(node, RDF.type, FKG.Spell), (node, RDFS.label, Literal(f"{person.label} at {team.label}")),
                (node, FKG.member, iri(sp.person)), (node, FKG.inTeam, iri(sp.team)),
                (node, FKG.role, Literal(sp.role)), (node, FKG.status, Literal(sp.status))]
        for prop, value in ((FKG.startDate, sp.start), (FKG.endDate, sp.end), (FKG.firstSeen, sp.first_seen),
                            (FKG.lastSeen, sp.last_seen)):
            if value:
                out.append((node, prop, _date(value)))
    return out


def transfer_triples(resolved: Resolved, evidence: EvidenceGraphs) -> list[Triple]:
    """One fkg:Transfer per move (`kg.history`), its evidence the sentences that report it."""
    out: list[Triple] = []
    for t in resolved.transfers.values():
        node, to = iri(t.key), iri(t.to_team)
        names = [resolved.entities[k].label for k in (t.player, t.from_team, t.to_team) if k]
        label = f"{names[0]}: {names[1]} to {names[2]}" if t.from_team else f"{names[0]} to {names[1]}"
        out += [(node, RDF.type, FKG.Transfer), (node, RDFS.label, Literal(label)),
                (node, FKG.player, iri(t.player)), (node, FKG.toTeam, to),
                (node, FKG.transferKind, Literal(t.kind)), (node, FKG.status, Literal(t.status))]
        if t.from_team:
            out.append((node, FKG.fromTeam, iri(t.from_team)))
        if t.date:
            out.append((node, DCTERMS.date, _date(t.date)))
        if t.fee is not None and t.currency:
            out += [(node, FKG.fee, Literal(t.fee, datatype=XSD.nonNegativeInteger)), (node, FKG.currency, Literal(t.currency))]
        if t.fee_text:
            out.append((node, FKG.feeText, Literal(t.fee_text)))
        for doc_id in sorted({ev.doc_id for ev in t.evidence}):
            out.append((node, FKG.mentionedIn, article_iri(doc_id)))
        for ev in t.evidence:
            evidence.add(node, FKG.toTeam, to, ev)
    return out


def assertions(resolved: Resolved) -> list[Triple]:
    """One fkg:Assertion per scored fact: the probability that it holds, over all its articles."""
    out: list[Triple] = []
    for (s_key, p, o_key), prob in sorted(resolved.confidence.items()):
        s, o = iri(s_key), iri(o_key)
        node = ID["assertion/" + hashlib.sha1(f"{s}\x1f{p}\x1f{o}".encode()).hexdigest()[:16]]
        n = len({ev.doc_id for ev in resolved.facts[(s_key, p, o_key)]})
        out += [(node, RDF.type, FKG.Assertion), (node, RDF.subject, s), (node, RDF.predicate, FKG[p]),
                (node, RDF.object, o), (node, FKG.probability, Literal(f"{prob:.4f}", datatype=XSD.decimal)),
                (node, FKG.articleCount, Literal(n, datatype=XSD.nonNegativeInteger))]
    return out


def type_evidence(resolved: Resolved, cues: list[tuple[str, str, Evidence]],
                  evidence: EvidenceGraphs) -> None:
    """Evidence for a person's type: the cues that voted for it."""
    role_class = {"player": "Player", "captain": "Player", "manager": "Manager", "other": "Person"}
    for key, role, ev in cues:
        e = resolved.entities.get(key)
        if e is not None and role_class.get(role) == e.cls:
            evidence.add(iri(key), RDF.type, FKG[e.cls], ev)


# Looked up once: rdflib's namespace attribute access is slow, and every evidence node uses these.
_EV = (RDF.type, FKG.Evidence, RDF.subject, RDF.predicate, RDF.object, FKG.article, FKG.sentence,
       FKG.startChar, FKG.endChar, FKG.rule, FKG.confidence, XSD.nonNegativeInteger, XSD.decimal)


class EvidenceGraphs(Mapping[URIRef, list[Triple]]):
    """The evidence, one named graph per article, made into triples only when a graph is read.

    What is stored is one (subject, predicate, object, Evidence) record per supporting sentence,
    sharing the build's terms and Evidence objects; the ten triples of each evidence node are
    made when its article's graph is asked for, and dropped when the caller is done with them.
    Held as triples, the evidence of 20,000 articles took gigabytes; validation and writing read
    it one article (or one part) at a time.
    """

    def __init__(self) -> None:
        self._items: dict[URIRef, list[tuple[URIRef, URIRef, URIRef, Evidence]]] = defaultdict(list)
        self._fixed: dict[URIRef, list[Triple]] = {}  # graphs made whole (the facts' probabilities)

    def add(self, s: URIRef, p: URIRef, o: URIRef, ev: Evidence) -> None:
        self._items[article_iri(ev.doc_id)].append((s, p, o, ev))

    def add_graph(self, g: URIRef, triples: list[Triple]) -> None:
        self._fixed[g] = triples

    def __getitem__(self, g: URIRef) -> list[Triple]:
        if g in self._fixed:
            return self._fixed[g]
        items = self._items.get(g)
        if items is None:
            raise KeyError(g)
        return _evidence_triples(g, items)

    def __iter__(self) -> Iterator[URIRef]:
        return iter([*self._items, *self._fixed])

    def __len__(self) -> int:
        return len(self._items) + len(self._fixed)


def _evidence_triples(g: URIRef, items: list[tuple[URIRef, URIRef, URIRef, Evidence]]) -> list[Triple]:
    a, evidence, subj, pred, obj, article, sentence, start, end, rule, confidence, nonneg, decimal = _EV
    out: list[Triple] = []
    seen: set[str] = set()
    for s, p, o, ev in items:
        conf = f"{ev.confidence:.2f}"
        digest = hashlib.sha1("\x1f".join((str(s), str(p), str(o), ev.doc_id, str(ev.start), str(ev.end),
                                           ev.rule, conf)).encode()).hexdigest()[:16]
        if digest in seen:
            continue
        seen.add(digest)
        node = ID["evidence/" + digest]
        out += [
            (node, a, evidence),
            (node, subj, s),
            (node, pred, p),
            (node, obj, o),
            (node, article, g),
            (node, sentence, Literal(ev.sentence)),
            (node, start, Literal(ev.start, datatype=nonneg)),
            (node, end, Literal(ev.end, datatype=nonneg)),
            (node, rule, Literal(ev.rule)),
            (node, confidence, Literal(conf, datatype=decimal)),
        ]
    return out

