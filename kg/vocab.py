"""The ontology's terms as Python names, so a typo in a term fails at import, not in the output.

`tests/test_vocab.py` keeps this list and `ontology/football.ttl` in sync.
"""

from collections.abc import Iterable, Mapping
from typing import TypeVar

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

BASE = "https://w3id.org/football-kg/"
ID = Namespace(BASE + "id/")
WIKIDATA = Namespace("http://www.wikidata.org/entity/")


class FKG(DefinedNamespace):
    """Classes and properties of https://w3id.org/football-kg/ontology#."""

    _fail = True
    _NS = Namespace(BASE + "ontology#")

    Person: URIRef
    Player: URIRef
    Manager: URIRef
    Team: URIRef
    Club: URIRef
    NationalTeam: URIRef
    Trophy: URIRef
    Match: URIRef
    Stadium: URIRef
    Article: URIRef
    Evidence: URIRef
    Assertion: URIRef
    Rejection: URIRef  # in a curation file only
    Spell: URIRef
    Transfer: URIRef

    playsFor: URIRef
    internationalFor: URIRef
    formerlyPlayedFor: URIRef
    linkedWith: URIRef
    captainOf: URIRef
    manages: URIRef
    formerlyManaged: URIRef
    won: URIRef
    defeated: URIRef
    scoredIn: URIRef
    homeGround: URIRef

    team: URIRef
    homeTeam: URIRef
    awayTeam: URIRef
    winner: URIRef
    loser: URIRef
    competition: URIRef
    venue: URIRef
    winnerScore: URIRef
    loserScore: URIRef
    score: URIRef
    afterExtraTime: URIRef
    stage: URIRef
    season: URIRef

    mentionedIn: URIRef
    sourceFile: URIRef
    article: URIRef
    sentence: URIRef
    startChar: URIRef
    endChar: URIRef
    rule: URIRef
    confidence: URIRef
    probability: URIRef
    articleCount: URIRef

    member: URIRef
    inTeam: URIRef
    role: URIRef
    status: URIRef
    startDate: URIRef
    endDate: URIRef
    firstSeen: URIRef
    lastSeen: URIRef
    player: URIRef
    fromTeam: URIRef
    toTeam: URIRef
    fee: URIRef
    currency: URIRef
    feeText: URIRef
    transferKind: URIRef


# the entity-to-entity facts a build asserts (what `kg eval` scores and the report counts)
RELATIONS = ("playsFor", "internationalFor", "formerlyPlayedFor", "linkedWith", "captainOf", "manages",
             "formerlyManaged", "won", "defeated", "scoredIn")

ONTOLOGY_IRI = URIRef(BASE + "ontology")
CONFIDENCE_GRAPH = URIRef(BASE + "id/graph/confidence")  # the fkg:Assertion nodes of a build


T = TypeVar("T")


def transitive_closure(pairs: Mapping[T, Iterable[T]]) -> dict[T, frozenset[T]]:
    """Everything reachable from each key (its super-classes, from direct subClassOf pairs):
    one walk for the fast validator and the Neo4j export's labels alike."""
    out: dict[T, frozenset[T]] = {}
    for start in pairs:
        seen: set[T] = set()
        stack = list(pairs[start])
        while stack:
            x = stack.pop()
            if x not in seen:
                seen.add(x)
                stack.extend(pairs.get(x, ()))
        out[start] = frozenset(seen)
    return out
