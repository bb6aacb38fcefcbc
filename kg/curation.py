"""A reviewer's corrections, kept in a Turtle file and applied on every build.

Extraction makes mistakes, and a fix made by hand to one build's output is lost at the next.
The curation file holds the reviewer's decisions in plain RDF, so any RDF tool can read and write
it, and `kg build --curation FILE` applies them to the resolved graph, after resolution and
before RDF, deterministically:

    <a> owl:sameAs <b> .                 merge b into a (b's names become a's alternative labels)
    <a> owl:differentFrom <b> .          keep them apart: a sameAs of the same two is not applied
    <a> rdf:type fkg:Manager .           the node's class (a person's memberships follow it)
    [] a fkg:Rejection ; rdf:subject <s> ; rdf:predicate fkg:playsFor ; rdf:object <o> .

A decision about a node the build does not have is a warning (W202), never a crash: the articles
that named it may simply not be in this build. `kg curate merge|split|retype|reject` appends
decisions so that nobody has to write Turtle by hand.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path

from rdflib import RDF, Graph, URIRef
from rdflib.namespace import OWL

from kg.errors import DataError, Errors, Warnings
from kg.resolve import Resolved
from kg.serialize import PREFIXES
from kg.vocab import FKG, ID

PEOPLE = ("Player", "Manager", "Person")
# a person's memberships, by class: what "member of a club" is called for each
_MEMBER = {"Player": ("playsFor", "formerlyPlayedFor"), "Manager": ("manages", "formerlyManaged")}
_CLASSES = ("Player", "Manager", "Person", "Club", "NationalTeam", "Trophy", "Stadium")


@dataclass
class Curation:
    """The decisions of one curation file, in file order (applied sorted, so order never matters)."""

    source: str
    sha256: str
    same: list[tuple[str, str]] = field(default_factory=list)  # (kept, merged) entity keys
    apart: list[tuple[str, str]] = field(default_factory=list)
    types: list[tuple[str, str]] = field(default_factory=list)  # (key, class)
    rejected: list[tuple[str, str, str]] = field(default_factory=list)  # (subject key, predicate, object key)


@dataclass
class Applied:
    """What a curation changed in one build (report.json's "curation")."""

    file: str
    sha256: str
    merged: int = 0
    kept_apart: int = 0
    retyped: int = 0
    rejected: int = 0
    warnings: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"file": self.file, "sha256": self.sha256, "merged": self.merged, "kept_apart": self.kept_apart,
                "retyped": self.retyped, "rejected": self.rejected}


def key_of(term: str | URIRef) -> str | None:
    """The entity key of an IRI in the graph's namespace (or a prefixed name such as
    player:tom-hartwell); None for anything else."""
    text = str(term)
    if text.startswith(str(ID)):
        return text[len(str(ID)):]
    prefix, sep, rest = text.partition(":")
    if sep and prefix in PREFIXES and PREFIXES[prefix].startswith(str(ID)) and rest and "/" not in rest:
        return PREFIXES[prefix][len(str(ID)):] + rest
    return None


def load(path: str | Path) -> Curation:
    """Read a curation file; a file that is not Turtle, or a decision of a kind not listed
    above, is a clear error naming the file."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise DataError(Errors.E097.format(path=path, why=e.strerror or e)) from None
    g = Graph()
    try:
        g.parse(data=data.decode("utf-8"), format="turtle")
    except Exception as e:  # rdflib raises several kinds; the first line says where
        raise DataError(Errors.E097.format(path=path, why=str(e).strip().splitlines()[0] if str(e).strip()
                                           else type(e).__name__)) from None
    cur = Curation(path.name, hashlib.sha256(data).hexdigest())

    def key(term, what: str) -> str:
        k = key_of(term)
        if k is None:
            raise DataError(Errors.E098.format(path=path, what=what, term=term))
        return k

    for a, b in sorted(g.subject_objects(OWL.sameAs)):
        cur.same.append((key(a, "owl:sameAs"), key(b, "owl:sameAs")))
    for a, b in sorted(g.subject_objects(OWL.differentFrom)):
        cur.apart.append((key(a, "owl:differentFrom"), key(b, "owl:differentFrom")))
    for r in sorted(g.subjects(RDF.type, FKG.Rejection)):
        s, p, o = g.value(r, RDF.subject), g.value(r, RDF.predicate), g.value(r, RDF.object)
        if s is None or p is None or o is None or not str(p).startswith(str(FKG)):
            raise DataError(Errors.E098.format(path=path, what="fkg:Rejection", term=r))
        cur.rejected.append((key(s, "rdf:subject"), str(p)[len(str(FKG)):], key(o, "rdf:object")))
    for s, cls in sorted(g.subject_objects(RDF.type)):
        if cls == FKG.Rejection:
            continue
        name = str(cls)[len(str(FKG)):] if str(cls).startswith(str(FKG)) else None
        if name not in _CLASSES:
            raise DataError(Errors.E098.format(path=path, what="rdf:type", term=cls))
        cur.types.append((key(s, "rdf:type"), name))
    return cur


def apply(cur: Curation, resolved: Resolved) -> Applied:
    """Apply the decisions to ``resolved`` in place: merges, then types, then rejections."""
    done = Applied(cur.source, cur.sha256)
    known = set(resolved.entities) | set(resolved.matches)

    def unknown(k: str) -> bool:
        if k in known:
            return False
        done.warnings.append(Warnings.W202.format(source=cur.source, node=ID[k]))
        return True

    apart = {frozenset(p) for p in cur.apart}
    for a, b in cur.apart:
        if not unknown(a) and not unknown(b):
            done.kept_apart += 1
    for a, b in cur.same:
        if frozenset((a, b)) in apart:
            done.warnings.append(Warnings.W203.format(source=cur.source, a=ID[a], b=ID[b]))
            continue
        a, b = _alias(resolved, a), _alias(resolved, b)
        if a == b or unknown(a) or unknown(b) or a not in resolved.entities or b not in resolved.entities:
            continue
        _merge(resolved, a, b)
        done.merged += 1
    for k, cls in cur.types:
        k = _alias(resolved, k)
        if unknown(k) or k not in resolved.entities or resolved.entities[k].cls == cls:
            continue
        _retype(resolved, k, cls)
        done.retyped += 1
    for s, p, o in cur.rejected:
        fact = (_alias(resolved, s), p, _alias(resolved, o))
        if fact in resolved.facts:
            del resolved.facts[fact]
            resolved.confidence.pop(fact, None)
            done.rejected += 1
        elif not unknown(fact[0]) and not unknown(fact[2]):
            done.warnings.append(Warnings.W204.format(source=cur.source, s=ID[s], p=p, o=ID[o]))
    return done


def _alias(resolved: Resolved, key: str) -> str:
    """A key merged away earlier in this build stands for the node it was merged into."""
    seen = set()
    while key in resolved.merged and key not in seen:
        seen.add(key)
        key = resolved.merged[key]
    return key


def _merge(resolved: Resolved, a: str, b: str) -> None:
    """b's facts, matches and names become a's; b's label is one of a's alternative labels."""
    ea, eb = resolved.entities[a], resolved.entities.pop(b)
    alts = sorted({*ea.alt_labels, eb.label, *eb.alt_labels} - {ea.label})
    resolved.entities[a] = replace(ea, alt_labels=tuple(alts), wikidata=ea.wikidata or eb.wikidata,
                                   articles=tuple(sorted({*ea.articles, *eb.articles})))
    resolved.merged[b] = a
    swap = (lambda k: a if k == b else k)
    _rekey(resolved, lambda s, p, o: (swap(s), p, swap(o)) if swap(s) != swap(o) else None)
    for m in resolved.matches.values():
        m.teams = tuple(swap(t) for t in m.teams)
        m.winner, m.loser = (swap(m.winner) if m.winner else None), (swap(m.loser) if m.loser else None)
        for attr in ("competition", "venue"):
            if getattr(m, attr):
                setattr(m, attr, swap(getattr(m, attr)))
    resolved.ref_map = {k: swap(v) for k, v in resolved.ref_map.items()}


def _retype(resolved: Resolved, key: str, cls: str) -> None:
    """A person's memberships follow the class ("plays for" a club becomes "manages" it); a
    Person (no player, no manager) keeps no membership."""
    old = resolved.entities[key].cls
    resolved.entities[key] = replace(resolved.entities[key], cls=cls)
    if old not in PEOPLE or cls not in PEOPLE:
        return
    rename = {}
    if old in _MEMBER:
        for was, now in zip(_MEMBER[old], _MEMBER.get(cls, (None, None))):
            rename[was] = now
    if cls != "Player":
        rename["captainOf"] = None
    _rekey(resolved, lambda s, p, o: (s, p, o) if s != key or p not in rename else
           (s, rename[p], o) if rename[p] is not None else None)


def _rekey(resolved: Resolved, new_key) -> None:
    """Rename every fact by ``new_key(s, p, o)`` (None drops it); facts that become one keep all
    their evidence and the higher probability."""
    facts: dict[tuple[str, str, str], list] = {}
    confidence: dict[tuple[str, str, str], float] = {}
    for old, evs in resolved.facts.items():
        k = new_key(*old)
        if k is None:
            continue
        facts.setdefault(k, []).extend(evs)
        if old in resolved.confidence:
            confidence[k] = max(resolved.confidence[old], confidence.get(k, 0.0))
    resolved.facts = dict(sorted(facts.items()))
    resolved.confidence = dict(sorted(confidence.items()))


def _node(term: str) -> str:
    """A node as a full IRI in Turtle, so the curation file reads alone."""
    k = key_of(term)
    if k is None:
        raise DataError(Errors.E099.format(term=term))
    return f"<{ID[k]}>"


def statement(kind: str, *terms: str) -> str:
    """One merge or split decision as Turtle, for `kg curate` to append."""
    a, b = (_node(t) for t in terms)
    if kind == "merge":
        return f"{a} <{OWL.sameAs}> {b} .\n"
    if kind == "split":
        return f"{a} <{OWL.differentFrom}> {b} .\n"
    raise ValueError(kind)


def retype_statement(node: str, cls: str) -> str:
    if cls not in _CLASSES:
        raise DataError(Errors.E099.format(term=cls))
    return f"{_node(node)} <{RDF.type}> <{FKG[cls]}> .\n"


def reject_statement(subject: str, predicate: str, obj: str) -> str:
    p = predicate.split(":", 1)[1] if predicate.startswith("fkg:") else predicate
    if not p.isidentifier():
        raise DataError(Errors.E099.format(term=predicate))
    return (f"[] <{RDF.type}> <{FKG.Rejection}> ; <{RDF.subject}> {_node(subject)} ; "
            f"<{RDF.predicate}> <{FKG[p]}> ; <{RDF.object}> {_node(obj)} .\n")


def append(path: Path, line: str) -> None:
    """Add one decision to the file (created if missing); the whole file must still read as a
    curation, or nothing is written."""
    path = Path(path)
    old = path.read_text("utf-8") if path.exists() else "# football-kg curation: a reviewer's decisions, applied on every build\n"
    text = old + ("" if old.endswith("\n") else "\n") + line
    try:
        Graph().parse(data=text, format="turtle")
    except Exception as e:
        raise DataError(Errors.E097.format(path=path, why=str(e).strip().splitlines()[0])) from None
    from kg.output import write_atomic

    write_atomic(path, text)
