"""Leave-one-set-out cross-validation on the training split: for each training gold file, train
the scorer on all the others and measure it on that one, then add the counts up.

    python -m bench.crossval [--sets train_d,train_e,...] [--json FILE]

Every training article is scored by a model that never saw it, so the figures estimate the
scorer on new styles (each gold file is a batch written by one annotator) without touching the
dev or blind sets.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from bench.quality import GOLD, gold_sets, kg, prf


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    ap.add_argument("--sets", default=None, help="comma-separated gold file stems to hold out in turn")
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--min-confidence", default=None)
    args = ap.parse_args(argv)
    train = gold_sets(("train",))
    names = args.sets.split(",") if args.sets else [g.stem for g, _, _ in train]
    totals: dict = defaultdict(lambda: defaultdict(lambda: [0, 0, 0]))
    per_set: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name in names:
            rest = [str(g) for g, _, _ in train if g.stem != name]
            model = work / f"{name}.scorer.json"
            kg("train", "--gold", *rest, "--out", str(model))
            gold = GOLD / f"{name}.json"
            folder = (gold.parent / json.loads(gold.read_text("utf-8"))["folder"]).resolve()
            out = work / name
            extra = ["--min-confidence", args.min_confidence] if args.min_confidence else []
            kg("build", str(folder), "--out", str(out), "--no-validate", "--scorer", str(model), *extra)
            scores = json.loads(kg("eval", "--gold", str(gold), str(out), "--json"))
            per_set[name] = {"typing": scores["typing"]["all"], "relations": scores["relations"]["all"],
                             "split_entities": len(scores["split_entities"])}
            for section in ("typing", "relations"):
                for k, s in scores[section].items():
                    t = totals[section][k]
                    t[0], t[1], t[2] = t[0] + s["tp"], t[1] + s["fp"], t[2] + s["fn"]
            r = scores["relations"]["all"]
            print(f"{name:<10} typing F1 {scores['typing']['all']['f1']:.3f}  relations "
                  f"{r['precision']:.3f} / {r['recall']:.3f} / {r['f1']:.3f}  split {len(scores['split_entities'])}",
                  flush=True)
    summary = {section: {k: prf(*c) for k, c in sorted(v.items())} for section, v in totals.items()}
    for section in ("typing", "relations"):
        print(section)
        for k, v in summary[section].items():
            print(f"  {k:<20}{v['precision']:>7.3f}{v['recall']:>7.3f}{v['f1']:>7.3f}{v['tp']:>5}{v['fp']:>5}{v['fn']:>5}")
    if args.json:
        args.json.write_text(json.dumps({"sets": per_set, "all": summary}, indent=2, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
