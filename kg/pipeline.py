"""`build`: the one place that fixes the order of the stages.

read -> clean (in read) -> parse (spaCy) -> extract (per article, pure) -> resolve (corpus)
-> RDF -> validate -> write.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from kg import nlp, serialize
from kg.errors import InputError
from kg.extract import extract
from kg.gazetteer import Gazetteer
from kg.graph import build_triples, type_evidence
from kg.lexicon import Rules
from kg.output import locked, write_atomic
from kg.readers import DEFAULT_MAX_BYTES, find_sources, read_source
from kg.records import Document, Extraction
from kg.resolve import resolve

log = logging.getLogger("kg")


@dataclass
class BuildResult:
    documents: int = 0
    failures: list[str] = field(default_factory=list)
    diagnostics: list[str] = field(default_factory=list)
    conforms: bool = True
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    out: Path | None = None


def read_all(paths: list[str], max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[list[Document], list[InputError]]:
    sources, errors = find_sources(paths)
    docs: list[Document] = []
    seen: dict[str, int] = {}
    for source in sources:
        for item in read_source(source, max_bytes):
            if isinstance(item, InputError):
                errors.append(item)
                continue
            n = seen.get(item.id, 0)
            seen[item.id] = n + 1
            if n:  # two files with one name in different folders
                item = Document(f"{item.id}-{n + 1}", item.source, item.original, item.text,
                                item.offsets, item.title, item.date, item.url)
            docs.append(item)
    return docs, errors


def extract_all(docs: list[Document], model: str | None, gaz: Gazetteer, rules: Rules) -> list[Extraction]:
    pipeline = nlp.load(model, gaz)
    return [extract(doc, parsed, gaz, rules)
            for doc, parsed in zip(docs, nlp.parse(pipeline, (d.text for d in docs)))]


def build(paths: list[str], out: Path, model: str | None = None,
          max_bytes: int = DEFAULT_MAX_BYTES, validate_output: bool = True) -> BuildResult:
    result = BuildResult(out=out)
    with locked(out):
        docs, errors = read_all(paths, max_bytes)
        result.failures = [str(e) for e in errors]
        result.documents = len(docs)
        gaz, rules = Gazetteer.load(), Rules.load()
        log.info("parsing %d articles", len(docs))
        extractions = extract_all(docs, model, gaz, rules) if docs else []
        resolved = resolve(extractions, gaz)
        facts, evidence = build_triples(resolved, docs)
        cues = [(resolved.ref_map[(x.doc.id, c.ref)], c.role, c.evidence)
                for x in extractions for c in x.roles if (x.doc.id, c.ref) in resolved.ref_map]
        type_evidence(resolved, cues, evidence)
        result.diagnostics = sorted({d for x in extractions for d in x.diagnostics} | set(resolved.diagnostics))
        result.counts = _counts(facts)
        if validate_output:
            from kg.validate import validate

            data = Graph()
            for t in facts:
                data.add(t)
            for triples in evidence.values():
                for t in triples:
                    data.add(t)
            report = validate(data)
            result.conforms = report.conforms
            if not report.conforms:
                result.diagnostics.append("E301 SHACL: the graph does not conform:\n" + report.text)
        write_atomic(out / "graph.ttl", serialize.turtle(facts))
        write_atomic(out / "graph.trig", serialize.trig(facts, evidence))
        write_atomic(out / "report.json", json.dumps(_report(result), indent=2, sort_keys=True,
                                                     ensure_ascii=False) + "\n")
    return result


def _counts(facts) -> dict[str, dict[str, int]]:
    from rdflib import RDF

    from kg.vocab import FKG

    classes: Counter[str] = Counter()
    relations: Counter[str] = Counter()
    ns = str(FKG._NS)
    for s, p, o in facts:
        if p == RDF.type and str(o).startswith(ns):
            classes[str(o)[len(ns):]] += 1
        elif str(p).startswith(ns) and isinstance(o, URIRef) and str(p)[len(ns):] in RELATIONS:
            relations[str(p)[len(ns):]] += 1
    return {"classes": dict(sorted(classes.items())), "relations": dict(sorted(relations.items()))}


RELATIONS = ("playsFor", "internationalFor", "formerlyPlayedFor", "linkedWith", "captainOf", "manages",
             "formerlyManaged", "won", "defeated", "scoredIn")


def _report(result: BuildResult) -> dict:
    return {
        "articles": result.documents,
        "failed_inputs": result.failures,
        "shacl_conforms": result.conforms,
        "counts": result.counts,
        "diagnostics": result.diagnostics,
    }


def load_graph(path: str | Path) -> Dataset:
    """Read a graph the builder wrote: an output folder, or a .ttl/.trig/.nt/.jsonld file."""
    from kg.errors import GraphError

    p = Path(path)
    if p.is_dir():
        p = p / "graph.trig" if (p / "graph.trig").exists() else p / "graph.ttl"
    if not p.exists():
        raise GraphError(f"{path}: no such graph file or output folder")
    fmt = {".ttl": "turtle", ".trig": "trig", ".nt": "nt", ".nq": "nquads",
           ".jsonld": "json-ld"}.get(p.suffix.lower(), "turtle")
    ds = Dataset(default_union=True)
    try:
        ds.parse(p, format=fmt)
    except Exception as err:  # rdflib raises many parser-specific types
        raise GraphError(f"{p}: cannot parse as {fmt}: {str(err).splitlines()[0][:200]}") from None
    return ds
