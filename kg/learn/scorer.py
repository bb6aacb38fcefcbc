"""Apply a trained scorer: linear weights over named features, then a calibration table.

The model is a small JSON file (`kg/data/scorer.json`, or a user's from `kg train`): per binary
task a bias, weights and a monotone calibration table; for the person-type task one weight vector
per class (softmax). Scoring is dictionary look-ups, no scikit-learn and no pickle at build time,
and the same file gives the same probabilities on every machine.
"""

from __future__ import annotations

import hashlib
import json
import math
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from kg.errors import DataError, Errors
from kg.resources import DATA_DIR

DEFAULT_MODEL = DATA_DIR / "scorer.json"
FORMAT = "football-kg-scorer/1"
TEAM_TASKS = ("member", "former", "linked")  # a person-team pair: playing for / managing, past, rumoured
TYPE_CLASSES = ("Player", "Manager", "Person", "none")
MENTION_CLASSES = ("person", "team", "none")  # a name no rule claimed
FACT_TASKS = ("scoredIn", "won", "defeated")  # facts only rules find: scorers, honours, results


@dataclass(frozen=True)
class Binary:
    bias: float
    weights: dict[str, float]
    cal_x: tuple[float, ...]  # calibration: raw score -> probability, piecewise linear
    cal_y: tuple[float, ...]

    def raw(self, features: dict[str, float]) -> float:
        w = self.weights
        return self.bias + sum(v * w[k] for k, v in features.items() if k in w)

    def probability(self, features: dict[str, float]) -> float:
        return calibrate(self.raw(features), self.cal_x, self.cal_y)


@dataclass(frozen=True)
class Softmax:
    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]  # feature -> one weight per class

    def probabilities(self, features: dict[str, float]) -> dict[str, float]:
        z = list(self.bias)
        for k, v in features.items():
            w = self.weights.get(k)
            if w is not None:
                for c in range(len(z)):
                    z[c] += v * w[c]
        top = max(z)
        e = [math.exp(x - top) for x in z]
        total = sum(e)
        return {c: x / total for c, x in zip(self.classes, e)}


def most_probable(model: Softmax, cands: list) -> list[str]:
    """Each candidate's most probable class (ties go to the last class, "none")."""
    out = []
    for c in cands:
        p = model.probabilities(c.features)
        out.append(max(model.classes, key=lambda k: (p[k], k == model.classes[-1])))
    return out


def calibrate(score: float, xs: tuple[float, ...], ys: tuple[float, ...]) -> float:
    """Linear interpolation in the table (flat beyond its ends), like numpy.interp."""
    if not xs:
        return 1.0 / (1.0 + math.exp(-score))
    if score <= xs[0]:
        return ys[0]
    if score >= xs[-1]:
        return ys[-1]
    k = bisect_right(xs, score)
    x0, x1, y0, y1 = xs[k - 1], xs[k], ys[k - 1], ys[k]
    return y0 if x1 == x0 else y0 + (y1 - y0) * (score - x0) / (x1 - x0)


@dataclass(frozen=True)
class Scorer:
    """A trained model: binary person-team tasks and the person-type softmax."""

    team: dict[str, Binary]
    choice: Binary  # second stage of "member": the person's teams weighed against each other
    types: Softmax
    mentions: Softmax
    facts: dict[str, Binary]  # results, scorers and honours the rules read: how likely each is right
    threshold: float  # the default --min-confidence the model was tuned for
    digest: str  # sha256 of the model file: part of the extraction cache key

    @cached_property
    def _team_table(self) -> dict[str, tuple[float, ...]]:
        """feature -> its weight in each person-team model (TEAM_TASKS order): one pass over a
        candidate's features scores all three."""
        return {k: tuple(self.team[t].weights.get(k, 0.0) for t in TEAM_TASKS)
                for k in sorted(set().union(*(m.weights for m in self.team.values())))}

    def team_probabilities(self, features: dict[str, float]) -> dict[str, float]:
        """The calibrated probability of each person-team task."""
        table = self._team_table
        a = b = c = 0  # summed as Binary.raw sums (a weight of 0.0 adds nothing), the bias last
        for k, v in features.items():
            w = table.get(k)
            if w is not None:
                a += v * w[0]
                b += v * w[1]
                c += v * w[2]
        models = [self.team[t] for t in TEAM_TASKS]
        return {t: calibrate(m.bias + s, m.cal_x, m.cal_y) for t, m, s in zip(TEAM_TASKS, models, (a, b, c))}

    def classify_mentions(self, cands: list) -> list[str]:
        """"person", "team" or "none" for each leftover name (the most probable)."""
        return most_probable(self.mentions, cands)

    @classmethod
    def load(cls, path: str | Path | None = None) -> Scorer:
        where = Path(path) if path is not None else DEFAULT_MODEL
        try:
            data = where.read_bytes()
            model = json.loads(data)
            if model.get("format") != FORMAT:
                raise ValueError(f"not a {FORMAT} model (format {model.get('format')!r})")
            team = {name: _binary(model["team"][name]) for name in TEAM_TASKS}
            choice = _binary(model["choice"])
            types = _softmax(model["type"], TYPE_CLASSES)
            mentions = _softmax(model["mention"], MENTION_CLASSES)
            facts = {name: _binary(model["facts"][name]) for name in FACT_TASKS}
            return cls(team, choice, types, mentions, facts, float(model.get("threshold", 0.5)),
                       hashlib.sha256(data).hexdigest())
        except (OSError, ValueError, KeyError, TypeError) as err:
            raise DataError(Errors.E061.format(path=where, why=err)) from None


def _softmax(d: dict, expected: tuple[str, ...]) -> Softmax:
    classes = tuple(d["classes"])
    if classes != expected:
        raise ValueError(f"classes {classes} are not {expected}")
    return Softmax(classes, tuple(float(b) for b in d["bias"]),
                   {k: tuple(float(x) for x in w) for k, w in d["weights"].items()})


def _binary(d: dict) -> Binary:
    cal = d.get("calibration", {})
    return Binary(float(d["bias"]), {k: float(v) for k, v in d["weights"].items()},
                  tuple(float(x) for x in cal.get("x", ())), tuple(float(y) for y in cal.get("y", ())))
