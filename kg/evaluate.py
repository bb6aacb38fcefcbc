"""`kg eval`: precision, recall and F1 of a built graph against hand-annotated gold data.

Graph entities are matched to gold entities by any of their names (label or altLabel against
gold label or aliases, compared folded: accents, case, hyphens ignored); matches by their two
teams. Only the gold's articles count: entities must be mentioned in one of them and facts
supported by evidence from one of them (when the graph carries evidence).
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from rdflib import RDF, RDFS, URIRef
from rdflib.namespace import SKOS

from kg.errors import DataError, Errors
from kg.graphio import load_graph
from kg.slugs import name_key
from kg.vocab import FKG, RELATIONS

TYPED = ("Player", "Manager", "Club", "Trophy")
CORE = ("playsFor", "captainOf", "manages", "won", "defeated", "scoredIn")
ALL_TYPES = ("Player", "Manager", "Person", "Club", "NationalTeam", "Trophy", "Stadium")


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "tp": tp, "fp": fp, "fn": fn}


def load_gold(path: Path) -> dict:
    try:
        gold = json.loads(Path(path).read_text("utf-8"))
        labels = {e["label"] for e in gold["entities"]}
        for r in gold["relations"]:
            if r["subject"] not in labels or r["object"] not in labels:
                raise ValueError(f"relation {r} names an entity not in the file")
        return gold
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise DataError(Errors.E062.format(path=path, why=err)) from None


def evaluate(gold_path: Path, graph_path: str) -> dict:
    gold = load_gold(gold_path)
    g = load_graph(graph_path)
    articles, node_class, label, mapped, gold_type = _mapping(gold, g)
    return _scores(gold, g, articles, node_class, label, mapped, gold_type)


def fact_judgements(gold_path: Path, graph_path: str | Path) -> list[tuple[float, int]]:
    """(probability, right) for each fact of the graph that carries a probability (an
    fkg:Assertion) and is supported by the gold's articles: what a reliability table needs."""
    gold = load_gold(gold_path)
    g = load_graph(graph_path)
    articles, node_class, _, mapped, _ = _mapping(gold, g)
    supported = _supported(g, articles)
    truth = {(r["subject"], r["predicate"], r["object"]) for r in gold["relations"]}
    scored = {p for p in RELATIONS if p in CORE or any(r["predicate"] == p for r in gold["relations"])}
    out = []
    for a in g.subjects(RDF.type, FKG.Assertion):
        s, p, o = g.value(a, RDF.subject), g.value(a, RDF.predicate), g.value(a, RDF.object)
        name = str(p)[len(str(FKG._NS)):]
        if name not in scored or (supported is not None and (s, p, o) not in supported):
            continue
        if s not in node_class or o not in node_class:
            continue
        triple = _aligned(mapped.get(s), name, mapped.get(o), truth)
        out.append((float(g.value(a, FKG.probability)), int(triple in truth)))
    return sorted(out)


def _mapping(gold: dict, g) -> tuple:
    """The gold's articles in the graph, and each graph entity's class, label and gold entity."""
    docs = {Path(d).name for d in gold["documents"]}
    articles = {a for a, f in g.subject_objects(FKG.sourceFile) if Path(str(f)).name in docs}

    gold_type = {e["label"]: e["type"] for e in gold["entities"]}
    index: dict[str, set[str]] = defaultdict(set)
    for e in gold["entities"]:
        if e["type"] == "Match":
            continue
        for name in [e["label"], *e.get("aliases", [])]:
            index[name_key(name)].add(e["label"])
    # two matches of the same teams (home and away) share a key: a graph match stands for either
    gold_matches: dict[frozenset, list[str]] = defaultdict(list)
    for e in gold["entities"]:
        if e["type"] == "Match":
            gold_matches[frozenset(e["teams"])].append(e["label"])

    node_class: dict[URIRef, str] = {}
    for cls in ALL_TYPES + ("Match",):
        for s in g.subjects(RDF.type, FKG[cls]):
            if any((s, FKG.mentionedIn, a) in g for a in articles):
                node_class[s] = cls
    label = {s: str(g.value(s, RDFS.label)) for s in node_class}

    def gold_of(node: URIRef) -> str | None:
        if node_class.get(node) == "Match":
            teams = frozenset(filter(None, (gold_of(t) for t in g.objects(node, FKG.team))))
            found = sorted(gold_matches.get(teams, []))
            return "\x1f".join(found) if found else None
        names = [label[node], *(str(a) for a in g.objects(node, SKOS.altLabel))]
        hits: set[str] = set()
        for n in names:
            hits |= index.get(name_key(n), set())
        if not hits:
            return None
        same_label = [h for h in hits if name_key(h) == name_key(label[node])]
        return sorted(same_label or hits)[0]

    mapped = {s: gold_of(s) for s in node_class}
    return articles, node_class, label, mapped, gold_type


def _scores(gold: dict, g, articles: set, node_class: dict, label: dict, mapped: dict, gold_type: dict) -> dict:
    scores: dict = {"typing": {}, "relations": {}}
    tp_all = fp_all = fn_all = 0
    for cls in TYPED:
        predicted = {s for s, c in node_class.items() if c == cls}
        found = {mapped[s] for s in predicted if mapped[s] and gold_type[mapped[s]] == cls}
        fp = sum(1 for s in predicted if not (mapped[s] and gold_type[mapped[s]] == cls))
        expected = {e for e, t in gold_type.items() if t == cls}
        tp, fn = len(found), len(expected - found)
        tp_all, fp_all, fn_all = tp_all + tp, fp_all + fp, fn_all + fn
        scores["typing"][cls] = _prf(tp, fp, fn)
    scores["typing"]["all"] = _prf(tp_all, fp_all, fn_all)

    gold_rel: dict[str, set] = defaultdict(set)
    for r in gold["relations"]:
        gold_rel[r["predicate"]].add((r["subject"], r["predicate"], r["object"]))
    supported = _supported(g, articles)
    predicted_rel: dict[str, set] = defaultdict(set)
    wrong: dict[str, list] = defaultdict(list)
    for p in RELATIONS:
        for s, o in g.subject_objects(FKG[p]):
            if supported is not None and (s, FKG[p], o) not in supported:
                continue
            if s not in node_class or o not in node_class:
                continue
            triple = _aligned(mapped.get(s), p, mapped.get(o), gold_rel[p])
            if None in triple:
                wrong[p].append((label.get(s), label.get(o)))
            else:
                predicted_rel[p].add(triple)
    tp_all = fp_all = fn_all = 0
    misses: dict[str, list] = {}
    # score the core relations, and any other relation the gold file annotates
    scored = [p for p in RELATIONS if p in CORE or gold_rel[p]]
    scores["not_scored"] = [p for p in RELATIONS if p not in scored]
    for p in scored:
        pred, exp = predicted_rel[p], gold_rel[p]
        tp = len(pred & exp)
        fp = len(pred - exp) + len(wrong[p])
        fn = len(exp - pred)
        tp_all, fp_all, fn_all = tp_all + tp, fp_all + fp, fn_all + fn
        if pred or exp or wrong[p]:
            scores["relations"][p] = _prf(tp, fp, fn)
        misses[p] = {"missed": sorted(f"{s} -> {o}" for s, _, o in exp - pred),
                     "spurious": sorted([f"{s} -> {o}" for s, _, o in pred - exp] +
                                        [f"{s} -> {o} (unmatched)" for s, o in wrong[p]])}
    scores["relations"]["all"] = _prf(tp_all, fp_all, fn_all)
    by_gold: dict[str, list[str]] = defaultdict(list)
    for s, gl in mapped.items():
        if gl and node_class[s] != "Match":
            by_gold[gl].append(str(s))
    scores["split_entities"] = {k: sorted(v) for k, v in sorted(by_gold.items()) if len(v) > 1}
    scores["errors"] = {p: m for p, m in misses.items() if m["missed"] or m["spurious"]}
    return scores


def _aligned(s: str | None, p: str, o: str | None, truth: set) -> tuple:
    """The gold triple a predicted one stands for; a match that may be either of two gold
    matches of the same teams is the one that makes it right, if one does."""
    if o is not None and "\x1f" in o:
        options = o.split("\x1f")
        o = next((x for x in options if (s, p, x) in truth), options[0])
    return (s, p, o)


def _supported(g, articles: set) -> set | None:
    """Facts with evidence from the gold's articles; None when the graph has no evidence."""
    if not any(True for _ in g.subjects(RDF.type, FKG.Evidence)):
        return None
    out = set()
    for ev in g.subjects(RDF.type, FKG.Evidence):
        if g.value(ev, FKG.article) in articles:
            out.add((g.value(ev, RDF.subject), g.value(ev, RDF.predicate), g.value(ev, RDF.object)))
    return out


def format_scores(scores: dict) -> str:
    lines = [f"{'':<22}{'P':>7}{'R':>7}{'F1':>7}{'TP':>5}{'FP':>5}{'FN':>5}"]
    for section in ("typing", "relations"):
        lines.append(section)
        for name, s in scores[section].items():
            lines.append(f"  {name:<20}{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}"
                         f"{s['tp']:>5}{s['fp']:>5}{s['fn']:>5}")
    if scores.get("not_scored"):
        lines.append("not annotated in this gold file, not scored: " + ", ".join(scores["not_scored"]))
    split = scores["split_entities"]
    lines.append(f"split entities: {len(split)}" + "".join(f"\n  {k}: {', '.join(v)}" for k, v in split.items()))
    for p, m in scores["errors"].items():
        for miss in m["missed"]:
            lines.append(f"  missed   {p}: {miss}")
        for spur in m["spurious"]:
            lines.append(f"  spurious {p}: {spur}")
    return "\n".join(lines)
