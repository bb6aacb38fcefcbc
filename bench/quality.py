"""Quality on every annotated set: build each gold file's articles, score them like `kg eval`,
and add the counts up by split (train / dev / blind).

    python -m bench.quality [--split dev] [--scorer MODEL | --rules-only] [--min-confidence P]
                            [--json FILE] [--calibration]

Each gold file is built on its own (as `kg build FOLDER && kg eval --gold FILE`), with the
`kg` command of this environment, so the figures are those a user reproduces by hand.
`--calibration` also prints the reliability table and Brier score of the scored facts.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"


def gold_sets(splits: tuple[str, ...]) -> list[tuple[Path, Path, str]]:
    out = []
    for f in sorted(GOLD.glob("*.json")):
        g = json.loads(f.read_text("utf-8"))
        if g.get("split") in splits:  # a file without a split (one being written) is left out
            out.append((f, (f.parent / g["folder"]).resolve(), g.get("split", "train")))
    return out


def kg(*args: str, env: dict[str, str] | None = None) -> str:
    # run outside the checkout: `python -m` puts the working directory first on sys.path
    r = subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, env=env,
                       cwd=tempfile.gettempdir())
    if r.returncode not in (0, 1):
        raise SystemExit(f"kg {' '.join(args)} failed:\n{r.stderr}")
    return r.stdout


def measure(splits: tuple[str, ...], build_args: list[str], work: Path, env: dict[str, str] | None = None,
            calibration: bool = False) -> dict:
    results: dict = {"sets": {}, "splits": {}}
    totals: dict = defaultdict(lambda: defaultdict(lambda: [0, 0, 0]))
    splits_seen: dict = defaultdict(lambda: {"articles": 0, "split_entities": 0})
    pairs: list[tuple[float, int]] = []
    for gold, folder, split in gold_sets(splits):
        out = work / gold.stem
        kg("build", str(folder), "--out", str(out), "--no-validate", *build_args, env=env)
        scores = json.loads(kg("eval", "--gold", str(gold), str(out), "--json"))  # this checkout's eval
        results["sets"][gold.stem] = {"split": split, "typing": scores["typing"]["all"],
                                      "relations": scores["relations"]["all"],
                                      "by_relation": {k: v for k, v in scores["relations"].items() if k != "all"},
                                      "split_entities": len(scores["split_entities"])}
        n_docs = len(json.loads(gold.read_text("utf-8"))["documents"])
        splits_seen[split]["articles"] += n_docs
        splits_seen[split]["split_entities"] += len(scores["split_entities"])
        for section in ("typing", "relations"):
            for name, s in scores[section].items():
                t = totals[(split, section)][name]
                t[0] += s["tp"]
                t[1] += s["fp"]
                t[2] += s["fn"]
        if calibration:
            pairs += fact_outcomes(gold, out)
    for (split, section), by_name in totals.items():
        results["splits"].setdefault(split, dict(splits_seen[split]))[section] = {
            name: prf(*c) for name, c in sorted(by_name.items())}
    if calibration:
        results["calibration"] = reliability(pairs)
    return results


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "tp": tp, "fp": fp, "fn": fn}


def fact_outcomes(gold: Path, out: Path) -> list[tuple[float, int]]:
    """(confidence, correct) for every scored fact of the build, judged against the gold."""
    from kg.evaluate import fact_judgements

    return fact_judgements(gold, out)


def reliability(pairs: list[tuple[float, int]], bins: int = 10) -> dict:
    rows = []
    for k in range(bins):
        lo, hi = k / bins, (k + 1) / bins
        inside = [(p, y) for p, y in pairs if lo <= p < hi or (k == bins - 1 and p == 1.0)]
        if inside:
            rows.append({"bin": f"{lo:.1f}-{hi:.1f}", "facts": len(inside),
                         "mean_confidence": round(sum(p for p, _ in inside) / len(inside), 3),
                         "precision": round(sum(y for _, y in inside) / len(inside), 3)})
    brier = sum((p - y) ** 2 for p, y in pairs) / len(pairs) if pairs else 0.0
    return {"facts": len(pairs), "brier": round(brier, 4), "bins": rows}


def table(results: dict) -> str:
    lines = ["| set | split | articles | typing P / R / F1 | relations P / R / F1 | split entities |",
             "|---|---|---:|---|---|---:|"]
    for name, s in results["sets"].items():
        t, r = s["typing"], s["relations"]
        lines.append(f"| {name} | {s['split']} | | {t['precision']:.3f} / {t['recall']:.3f} / {t['f1']:.3f} "
                     f"| {r['precision']:.3f} / {r['recall']:.3f} / {r['f1']:.3f} | {s['split_entities']} |")
    for split, s in results["splits"].items():
        t, r = s["typing"]["all"], s["relations"]["all"]
        lines.append(f"| **{split} (all)** | {split} | {s['articles']} | {t['precision']:.3f} / {t['recall']:.3f} / "
                     f"**{t['f1']:.3f}** | {r['precision']:.3f} / {r['recall']:.3f} / **{r['f1']:.3f}** "
                     f"| {s['split_entities']} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    ap.add_argument("--split", action="append", choices=("train", "dev", "blind"))
    ap.add_argument("--scorer", default=None)
    ap.add_argument("--rules-only", action="store_true")
    ap.add_argument("--min-confidence", default=None)
    ap.add_argument("--json", type=Path, default=None, help="write the results here too")
    ap.add_argument("--calibration", action="store_true")
    ap.add_argument("--pythonpath", default=None,
                    help="build with another checkout's kg (e.g. a worktree of an earlier commit); "
                         "the scoring is always this checkout's kg eval")
    args = ap.parse_args(argv)
    build_args = []
    if args.scorer:
        build_args += ["--scorer", args.scorer]
    if args.rules_only:
        build_args.append("--rules-only")
    if args.min_confidence is not None:
        build_args += ["--min-confidence", args.min_confidence]
    env = None
    if args.pythonpath:
        env = dict(os.environ, PYTHONPATH=args.pythonpath)
    with tempfile.TemporaryDirectory() as tmp:
        results = measure(tuple(args.split or ("train", "dev", "blind")), build_args, Path(tmp), env,
                          args.calibration)
    print(table(results))
    splits = results["splits"]
    for split, s in splits.items():
        print(f"\n{split}: relations by predicate")
        for name, v in s["relations"].items():
            print(f"  {name:<20}{v['precision']:>7.3f}{v['recall']:>7.3f}{v['f1']:>7.3f}{v['tp']:>5}{v['fp']:>5}{v['fn']:>5}")
        print(f"{split}: typing by class")
        for name, v in s["typing"].items():
            print(f"  {name:<20}{v['precision']:>7.3f}{v['recall']:>7.3f}{v['f1']:>7.3f}{v['tp']:>5}{v['fp']:>5}{v['fn']:>5}")
    if "calibration" in results:
        c = results["calibration"]
        print(f"\ncalibration: {c['facts']} scored facts, Brier {c['brier']}")
        for row in c["bins"]:
            print(f"  {row['bin']}  facts {row['facts']:>5}  mean confidence {row['mean_confidence']:.3f}  "
                  f"precision {row['precision']:.3f}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
