"""`kg train`: fit the scorer on annotated articles (the gold format `kg eval` reads).

Each gold file lists its articles (`documents`) and, optionally, where they are (`folder`,
relative to the gold file; else the gold file's folder and its parent are searched) and which
split it belongs to (`split`: train, dev or blind; a file without one is training data).

Candidates come from the same code a build runs (`kg.extract.apply_rules`, then
`kg.learn.candidates`); each is labelled by mapping its person and team to gold entities by
name, as `kg eval` does. The person-team tasks are logistic regressions whose raw scores are
calibrated by isotonic regression on out-of-fold scores (folds by article, so an article never
calibrates itself); the person type is a multinomial logistic regression. scikit-learn is
imported here only; the result is a plain JSON file, written with sorted keys and rounded
weights, so the same data gives the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import DataError, Errors, TrainError
from kg.gazetteer import Gazetteer
from kg.learn.candidates import Candidate, candidates, choice_features
from kg.learn.scorer import FACT_TASKS, FORMAT, TEAM_TASKS, TYPE_CLASSES
from kg.lexicon import Rules
from kg.records import Document
from kg.slugs import name_key

log = logging.getLogger("kg")

TEAM_LABELS = {  # gold predicate -> team task
    "playsFor": "member", "manages": "member", "captainOf": "member",
    "formerlyPlayedFor": "former", "formerlyManaged": "former", "linkedWith": "linked",
}
# reserve: a set written for the next blind measurement, never trained on or scored before it
SPLITS = ("train", "dev", "blind", "reserve")
FOLDS = 5
MIN_DOCS = 2  # a feature seen in fewer training articles is dropped
ROUND = 6


@dataclass
class GoldSet:
    path: Path
    gold: dict
    folder: Path
    split: str


@dataclass
class Example:
    doc: str  # the article's file name (folds group by it)
    cand: Candidate
    labels: dict[str, int] = field(default_factory=dict)  # team task -> 0/1
    type_label: str = "none"


@dataclass
class MentionExample:
    doc: str
    features: dict[str, float]
    label: str  # person / team / none


@dataclass
class Article:
    """A gold article, parsed once, with the gold it is labelled against."""

    doc: Document
    parsed: Any
    name: str
    index: dict[str, set[str]]
    types: dict[str, str]
    relations: dict[tuple[str, str], set[str]]
    matches: dict[frozenset[str], list[str]]  # the gold matches by their two teams (home and away: two)


# ------------------------------------------------------------------------------ gold sets

def find_gold(paths: list[str | Path]) -> list[GoldSet]:
    """Gold files named directly or found (``*.json``) in the folders given."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files += sorted(p.glob("*.json"))
        elif p.is_file():
            files.append(p)
        else:
            raise DataError(Errors.E063.format(path=p))
    out = []
    for f in files:
        try:
            gold = json.loads(f.read_text("utf-8"))
        except (OSError, ValueError) as err:
            raise DataError(Errors.E062.format(path=f, why=err)) from None
        if not isinstance(gold, dict) or not isinstance(gold.get("documents"), list):
            continue  # another JSON file in the folder
        split = gold.get("split", "train")
        if split not in SPLITS:
            raise DataError(Errors.E064.format(path=f, split=split, known=", ".join(SPLITS)))
        folder = (f.parent / gold["folder"]) if gold.get("folder") else _search(f, gold["documents"])
        out.append(GoldSet(f, gold, folder.resolve(), split))
    return out


def _search(gold_file: Path, documents: list[str]) -> Path:
    first = documents[0] if documents else ""
    for root in (gold_file.parent, gold_file.parent.parent):
        hits = sorted(root.rglob(first)) if first else []
        if hits:
            return hits[0].parent
    raise DataError(Errors.E065.format(path=gold_file, name=first))


# ------------------------------------------------------------------------------ examples

def articles(sets: list[GoldSet], model: str | None, gaz: Gazetteer, rules: Rules,
             cache_dir: str | Path | None, workers: int = 1) -> list[Article]:
    """The sets' articles, parsed (from the cache where it can, else all at once in `workers`
    processes), with their gold."""
    from kg.readers import read_all

    read: list[tuple[GoldSet, list[Document]]] = []
    for gs in sets:
        paths = [str(gs.folder / d) for d in gs.gold["documents"]]
        docs, errors = read_all(paths)
        if errors:
            raise DataError(Errors.E062.format(path=gs.path, why=errors[0]))
        read.append((gs, docs))
    parses = iter(parse_all([d for _, docs in read for d in docs], model, gaz, rules, cache_dir, workers))
    out: list[Article] = []
    for gs, docs in read:
        index, types, relations = _gold_index(gs.gold)
        matches: dict[frozenset[str], list[str]] = defaultdict(list)
        for e in gs.gold["entities"]:
            if e["type"] == "Match":
                matches[frozenset(e["teams"])].append(e["label"])
        for doc, parsed in zip(docs, parses):
            out.append(Article(doc, parsed, doc.source.replace("\\", "/").rsplit("/", 1)[-1],
                               index, types, relations, matches))
    return out


def mention_examples(arts: list[Article], gaz: Gazetteer, rules: Rules) -> list[MentionExample]:
    """Stage one: the names no rule claimed, labelled person / team / none from the gold."""
    from kg.extract import apply_rules

    out: list[MentionExample] = []
    for a in arts:
        seen: list[Any] = []

        def record(cands: list[Any]) -> list[str]:
            seen.extend(cands)
            return ["none"] * len(cands)

        out_rules = apply_rules(a.doc, a.parsed, gaz, rules, record)
        toks = out_rules.view.tokens
        for c in seen:
            text = "".join(t.text + t.ws for t in toks[c.start:c.end]).strip()
            kinds = {a.types.get(lab) for lab in a.index.get(name_key(text), ())}
            label = "person" if kinds & {"Player", "Manager", "Person"} else \
                "team" if kinds & {"Club", "NationalTeam"} else "none"
            out.append(MentionExample(a.name, c.features, label))
    return out


def examples(arts: list[Article], gaz: Gazetteer, rules: Rules, classify: Any = None) -> list[Example]:
    """Stage two: every candidate fact and person of every article, labelled from the gold
    (with the names the stage-one model claims already among the mentions)."""
    from kg.extract import apply_rules

    out: list[Example] = []
    for art in arts:
        doc, index, types, relations = art.doc, art.index, art.types, art.relations
        out_rules = apply_rules(doc, art.parsed, gaz, rules, classify)
        surfaces: dict[str, list[str]] = defaultdict(list)
        for s in out_rules.view.spans:
            if s.ref and not s.anaphoric:
                surfaces[s.ref].append(s.text)
        labels: dict[str, str | None] = {}
        reports = {r.key: r for r in out_rules.reports}

        def label(ref: str) -> str | None:
            if ref not in labels:
                labels[ref] = _gold_label(ref, surfaces.get(ref, []), index, gaz)
            return labels[ref]

        def matches_of(key: str) -> list[str]:
            r = reports.get(key)
            teams = frozenset(filter(None, (label(t) for t in r.teams))) if r else frozenset()
            return art.matches.get(teams, [])

        for c in candidates(out_rules.view, out_rules.facts, out_rules.cues, out_rules.reports, rules):
            ex = Example(art.name, c)
            s = label(c.subject)
            if c.task == "type":
                ex.type_label = types.get(s, "none") if s else "none"
                if ex.type_label not in TYPE_CLASSES:
                    ex.type_label = "none"
            elif c.task in FACT_TASKS:
                objects = matches_of(c.object) if c.object.startswith("M:") else [label(c.object)]
                ex.labels = {c.task: int(any(s and o and c.task in relations.get((s, o), set()) for o in objects))}
            else:
                o = label(c.object)
                preds = relations.get((s, o), set()) if s and o else set()
                ex.labels = {t: int(any(TEAM_LABELS.get(p) == t for p in preds)) for t in TEAM_TASKS}
            out.append(ex)
    return out


def parse_all(docs: list[Document], model: str | None, gaz: Gazetteer, rules: Rules,
              cache_dir: str | Path | None, workers: int = 1) -> list[Any]:
    """Each article's parse, from the build cache when it has one (training re-parses nothing)."""
    from kg import cache as kcache
    from kg.cache import Cache
    from kg.parallel import parse_only
    from kg.parallel import plan

    keys = plan(docs, model, gaz, rules)
    store = Cache(cache_dir) if cache_dir is not None else None
    parsed: list[Any] = [None] * len(docs)
    if store is not None:
        for i, k in enumerate(keys.parse_keys):
            payload = store.get("parse", k)
            if payload is not None:
                try:
                    parsed[i] = kcache.decode_parsed(payload)
                except Exception:
                    store.discard("parse", k)
    todo = [i for i, p in enumerate(parsed) if p is None]
    if todo:
        for i, p in zip(todo, parse_only([docs[i].text for i in todo], keys.settings, workers)):
            parsed[i] = p
            if store is not None:
                store.put("parse", keys.parse_keys[i], kcache.encode_parsed(p))
    return parsed


def _gold_index(gold: dict) -> tuple[dict[str, set[str]], dict[str, str], dict[tuple[str, str], set[str]]]:
    index: dict[str, set[str]] = defaultdict(set)
    types: dict[str, str] = {}
    for e in gold["entities"]:
        types[e["label"]] = e["type"]
        if e["type"] == "Match":
            continue
        for n in [e["label"], *e.get("aliases", [])]:
            index[name_key(n)].add(e["label"])
    relations: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in gold["relations"]:
        relations[(r["subject"], r["object"])].add(r["predicate"])
    return index, types, relations


def _gold_label(ref: str, surfaces: list[str], index: dict[str, set[str]], gaz: Gazetteer) -> str | None:
    """The gold entity a reference stands for: by its own name, then the forms the article used,
    then (for a gazetteer entry) the entry's other names."""
    tiers: list[list[str]] = []
    if ref[:2] in ("P:", "U:"):
        tiers.append([ref[2:]])
    tiers.append(surfaces)
    if ref.startswith("G:") and ref[2:] in gaz.entries:
        entry = gaz.entries[ref[2:]]
        tiers.append([entry.label, *gaz.names(entry)])
    for names in tiers:
        hits: Counter[str] = Counter()
        for n in names:
            for lab in index.get(name_key(n), ()):
                hits[lab] += 1
        if hits:
            return sorted(hits.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    return None


# ------------------------------------------------------------------------------ fitting

def subsample(sets: list[GoldSet], fraction: float) -> set[str]:
    """A deterministic share of the training articles (by a hash of the file name), for
    learning curves; nested: the 25% sample is inside the 50% one."""
    names = sorted({d for gs in sets for d in gs.gold["documents"]},
                   key=lambda d: hashlib.sha256(d.encode()).hexdigest())
    return set(names[:max(1, round(len(names) * fraction))])


DEFAULT_THRESHOLD = 0.45  # the lowest --min-confidence whose held-out precision was >= 0.85 (README)


def fit(data: list[Example], c_binary: float = 0.5, c_type: float = 0.5,
        threshold: float = DEFAULT_THRESHOLD) -> dict:
    """The person-team, rule-fact and type models as a JSON-able dict."""
    team = [e for e in data if e.cand.task == "team"]
    typed = [e for e in data if e.cand.task == "type"]
    if not team or not typed:
        raise TrainError(Errors.E012)
    model: dict[str, Any] = {"format": FORMAT, "threshold": threshold, "team": {}, "facts": {}}
    oof: dict[str, Any] = {}
    for task, fitted in fit_binaries(team, TEAM_TASKS, c_binary, oof).items():
        model["team"][task] = fitted
    model["choice"] = fit_choice(team, oof["member"], c_binary)
    for task in FACT_TASKS:
        exs = [e for e in data if e.cand.task == task]
        model["facts"][task] = fit_binaries(exs, (task,), c_binary)[task]
    model["type"] = fit_softmax([e.doc for e in typed], [e.cand.features for e in typed],
                                [e.type_label for e in typed], TYPE_CLASSES, c_type)
    return model


def article_folds(groups: Any, n_folds: int) -> list[tuple[Any, Any]]:
    """Train/test index arrays, each article in the fold its name's hash picks. Unlike balanced
    group folds, an article's fold does not move when other articles gain or lose candidates, so
    a small change to the rules moves the calibration only where it changes the features."""
    import numpy as np

    names = sorted(set(groups))
    fold_of = {g: int(hashlib.sha256(g.encode("utf-8")).hexdigest(), 16) % n_folds for g in names}
    if len(set(fold_of.values())) < 2:  # a tiny set whose names all hash alike: one article a fold
        fold_of = {g: i % n_folds for i, g in enumerate(names)}
    folds = np.array([fold_of[g] for g in groups])
    return [(np.flatnonzero(folds != k), np.flatnonzero(folds == k)) for k in range(n_folds) if (folds == k).any()]


def fit_choice(team: list[Example], first: Any, c: float) -> dict:
    """Stage two of "member": each person's teams weighed against each other, from the first
    stage's out-of-fold probabilities (so it learns how the first stage errs on unseen text)."""
    probs: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
    for e, p in zip(team, first):
        probs[(e.doc, e.cand.subject)][e.cand.object] = float(p)
    exs = [Example(e.doc, Candidate("choice", e.cand.subject, e.cand.object,
                                    choice_features(probs[(e.doc, e.cand.subject)], e.cand.object, e.cand.role)),
                   {"member": e.labels["member"]}) for e in team]
    return fit_binaries(exs, ("member",), c)["member"]


def fit_binaries(exs: list[Example], tasks: tuple[str, ...], c: float,
                 oof_out: dict[str, Any] | None = None) -> dict[str, dict]:
    """One logistic regression per task over the same candidates, each calibrated by isotonic
    regression on out-of-fold scores (folds by article). ``oof_out`` receives each task's
    calibrated out-of-fold probabilities (for a second stage)."""
    import numpy as np
    from sklearn.isotonic import IsotonicRegression
    from sklearn.linear_model import LogisticRegression

    if not exs:
        raise TrainError(Errors.E013.format(tasks=", ".join(tasks)))
    groups = np.array([e.doc for e in exs])
    names, x = _vectorize([e.doc for e in exs], [e.cand.features for e in exs])
    n_folds = min(FOLDS, len(set(groups)))
    out: dict[str, dict] = {}
    for task in tasks:
        y = np.array([e.labels[task] for e in exs])
        if y.sum() == 0 or y.sum() == len(y):
            raise TrainError(Errors.E014.format(polarity="positive" if y.sum() == 0 else "negative",
                                                task=task))
        oof = np.zeros(len(y))
        if n_folds >= 2:
            for tr, te in article_folds(groups, n_folds):
                if 0 < y[tr].sum() < len(tr):
                    oof[te] = LogisticRegression(C=c, max_iter=5000).fit(x[tr], y[tr]).decision_function(x[te])
        clf = LogisticRegression(C=c, max_iter=5000).fit(x, y)
        iso = IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0, increasing=True).fit(oof, y)
        if oof_out is not None:
            oof_out[task] = iso.predict(oof)
        cx, cy = _table(iso, oof)
        out[task] = {"bias": round(float(clf.intercept_[0]), ROUND), "weights": _weights(names, clf.coef_[0]),
                     "calibration": {"x": cx, "y": cy}, "positives": int(y.sum()), "examples": int(len(y))}
    return out


def _vectorize(docs: list[str], feats: list[dict[str, float]]) -> tuple[Any, Any]:
    """Feature names and a sparse matrix, keeping features seen in at least MIN_DOCS articles."""
    from sklearn.feature_extraction import DictVectorizer

    docs_of: dict[str, set[str]] = defaultdict(set)
    for d, f in zip(docs, feats):
        for k in f:
            docs_of[k].add(d)
    keep = {k for k, ds in docs_of.items() if len(ds) >= MIN_DOCS}
    vec = DictVectorizer(sort=True)
    x = vec.fit_transform([{k: v for k, v in f.items() if k in keep} for f in feats])
    return vec.get_feature_names_out(), x


def fit_softmax(docs: list[str], feats: list[dict[str, float]], labels: list[str],
                classes: tuple[str, ...], c: float = 0.5) -> dict:
    """A multinomial logistic regression as JSON: one weight per class for each feature."""
    from sklearn.linear_model import LogisticRegression

    names, x = _vectorize(docs, feats)
    present = sorted(set(labels))
    if len(present) < 2:
        raise TrainError(Errors.E015.format(present=present, classes="/".join(classes)))
    clf = LogisticRegression(C=c, max_iter=5000).fit(x, labels)
    known = list(clf.classes_)
    if len(known) == 2:  # scikit-learn keeps one weight vector for two classes
        coef, intercept = [-clf.coef_[0] / 2, clf.coef_[0] / 2], [-clf.intercept_[0] / 2, clf.intercept_[0] / 2]
    else:
        coef, intercept = list(clf.coef_), list(clf.intercept_)
    order = [known.index(k) if k in known else None for k in classes]
    bias = [round(float(intercept[k]), ROUND) if k is not None else -50.0 for k in order]
    weights: dict[str, list[float]] = {}
    for j, name in enumerate(names):
        w = [round(float(coef[k][j]), ROUND) if k is not None else 0.0 for k in order]
        if any(abs(v) >= 10 ** -ROUND for v in w):
            weights[str(name)] = w
    return {"classes": list(classes), "bias": bias, "weights": weights,
            "examples": dict(sorted(Counter(labels).items()))}


def fit_all(arts: list[Article], gaz: Gazetteer, rules: Rules, threshold: float = DEFAULT_THRESHOLD) -> dict:
    """Both stages: the mention model first, then the fact and type models on the mentions it
    gives (as a build will see them)."""
    from kg.learn.scorer import MENTION_CLASSES, _softmax, most_probable

    m = mention_examples(arts, gaz, rules)
    if not m:
        raise TrainError(Errors.E016)
    mention = fit_softmax([e.doc for e in m], [e.features for e in m], [e.label for e in m], MENTION_CLASSES)
    judge = _softmax(mention, MENTION_CLASSES)
    model = fit(examples(arts, gaz, rules, lambda cands: most_probable(judge, cands)), threshold=threshold)
    model["mention"] = mention
    return model


def _weights(names: Any, coef: Any) -> dict[str, float]:
    return {str(n): round(float(w), ROUND) for n, w in zip(names, coef) if abs(w) >= 10 ** -ROUND}


def _table(iso: Any, scores: Any) -> tuple[list[float], list[float]]:
    """The isotonic fit as a piecewise-linear table through the centre of each of its steps:
    still monotone, but two scores on one step keep their order (a step function would give a
    whole range of candidates one probability)."""
    fitted = iso.predict(scores)
    blocks: dict[float, list[float]] = defaultdict(list)
    for x, y in zip(scores, fitted):
        blocks[round(float(y), ROUND)].append(float(x))
    points = sorted((sum(xs) / len(xs), y) for y, xs in blocks.items())
    return [round(x, ROUND) for x, _ in points], [y for _, y in points]


def dumps(model: dict) -> str:
    return json.dumps(model, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def train(gold: list[str | Path], out: Path, model: str | None = None, splits: tuple[str, ...] = ("train",),
          fraction: float = 1.0, cache_dir: str | Path | None = None,
          gazetteer: str | Path | None = None, rules: str | Path | None = None,
          threshold: float = DEFAULT_THRESHOLD, workers: int = 1) -> dict:
    """Train on the gold files' articles of the given splits and write the model to ``out``.

    ``workers``: processes that parse the articles the cache lacks (0: one per CPU)."""
    try:
        import sklearn  # noqa: F401
    except ImportError:
        raise TrainError(Errors.E011) from None
    sets = [s for s in find_gold(gold) if s.split in splits]
    if not sets:
        raise TrainError(Errors.E010.format(splits="/".join(splits), paths=", ".join(map(str, gold))))
    gaz, rule_data = Gazetteer.load(gazetteer), Rules.load(rules)
    arts = articles(sets, model, gaz, rule_data, cache_dir, workers)
    if fraction < 1.0:
        keep = subsample(sets, fraction)
        arts = [a for a in arts if a.name in keep]
    fitted = fit_all(arts, gaz, rule_data, threshold)
    fitted["trained_on"] = sorted(a.name for a in arts)
    from kg.output import write_atomic

    write_atomic(out, dumps(fitted))
    return fitted
