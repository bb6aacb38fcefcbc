"""CPU time of the per-article extraction against the parse, on the same articles in one run.

    python -m bench.make_corpus 120 --seed 7 --out /tmp/corpus
    python -m bench.extraction /tmp/corpus [--repeat 3]

Issue 8 budgets extraction (mentions, rules, candidates, the scorer: everything `kg.extract`
does with a parsed article) at a share of the parse. Both are timed in CPU seconds, best of
``--repeat`` runs, so the machine's other load matters less; run it with another checkout's
code first on ``PYTHONPATH`` to compare two releases.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from pathlib import Path

from kg import nlp as nlp_module
from kg.extract import extract
from kg.gazetteer import Gazetteer
from kg.learn.scorer import Scorer
from kg.lexicon import Rules
from kg.readers import make_document


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.extraction", description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a folder of .txt articles")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best is reported (default 3)")
    args = parser.parse_args(argv)
    gaz, rules, scorer = Gazetteer.load(), Rules.load(), Scorer.load()
    nlp = nlp_module.load(None, gaz)
    docs = [make_document(f.read_text(encoding="utf-8"), f.name, f.stem) for f in sorted(args.corpus.glob("*.txt"))]
    if not docs:
        parser.error(f"{args.corpus}: no .txt articles")
    parse = work = float("inf")
    for _ in range(max(1, args.repeat)):
        start = time.process_time()
        parsed = list(nlp_module.parse(nlp, [d.text for d in docs]))
        parse = min(parse, time.process_time() - start)
        start = time.process_time()
        for doc, p in zip(docs, parsed):
            extract(doc, p, gaz, rules, scorer)
        work = min(work, time.process_time() - start)
    n = len(docs)
    print(f"{n} articles: parse {1000 * parse / n:.1f} ms, extraction {1000 * work / n:.1f} ms an article "
          f"(CPU, best of {args.repeat}); extraction / parse {work / parse:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
