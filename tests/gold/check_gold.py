"""Check a gold annotation file against the articles it covers (standard library only).

    python tests/gold/check_gold.py tests/gold/FILE.json tests/FOLDER

Annotators run it before handing a set in; `tests/test_gold_files.py` runs it on every set.
It checks the format `kg eval` reads, the types each predicate joins, that every alias (and each
entity under some name) occurs in the articles, and that no surface form names two entities.
"""

from __future__ import annotations

import html
import json
import re
import sys
import unicodedata
from pathlib import Path

TYPES = {"Player", "Manager", "Person", "Club", "NationalTeam", "Trophy", "Stadium", "Match"}
TEAM = {"Club", "NationalTeam"}
PEOPLE = {"Player", "Manager", "Person"}
# predicate -> (subject types, object types)
SIGNATURES = {
    "playsFor": ({"Player"}, {"Club"}),
    "captainOf": ({"Player"}, {"Club"}),
    "manages": ({"Manager"}, TEAM),
    "won": (TEAM | PEOPLE, {"Trophy"}),
    "defeated": (TEAM, TEAM),
    "scoredIn": (PEOPLE, {"Match"}),  # a manager may have scored in his playing days
    "formerlyPlayedFor": (PEOPLE, {"Club"}),
    "formerlyManaged": (PEOPLE, TEAM),
    "linkedWith": ({"Player"}, {"Club"}),
}


def fold(text: str) -> str:
    """Case, accents, hyphens and spacing ignored, as `kg eval` compares names."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[\u2018\u2019`´]", "'", text)
    return re.sub(r"[\s\-\u2010-\u2015]+", " ", text).strip()


def check(gold_path: Path, folder: Path) -> list[str]:
    problems: list[str] = []
    try:
        gold = json.loads(gold_path.read_text("utf-8"))
    except (OSError, ValueError) as err:
        return [f"{gold_path}: cannot read as JSON: {err}"]
    for key in ("documents", "entities", "relations"):
        if not isinstance(gold.get(key), list):
            problems.append(f"missing list {key!r}")
    if problems:
        return problems
    texts = []
    for name in gold["documents"]:
        path = folder / name
        if not path.is_file():
            problems.append(f"document {name} is not in {folder}")
            continue
        raw = path.read_text("utf-8")
        texts.append(html.unescape(raw) if path.suffix == ".html" else raw)
    corpus = fold("\n".join(texts))
    extra = sorted(p.name for p in folder.iterdir() if p.is_file() and p.name not in gold["documents"]
                   and p.suffix in (".txt", ".html", ".md", ".jsonl"))
    if extra:
        problems.append(f"articles in {folder} not listed in documents: {', '.join(extra)}")

    types: dict[str, str] = {}
    owner: dict[str, str] = {}
    for e in gold["entities"]:
        label, etype = e.get("label"), e.get("type")
        if not isinstance(label, str) or not label.strip():
            problems.append(f"entity without a label: {e}")
            continue
        if label in types:
            problems.append(f"label {label!r} is used twice")
        if etype not in TYPES:
            problems.append(f"{label!r}: unknown type {etype!r}")
        types[label] = etype
        aliases = e.get("aliases", [])
        if not isinstance(aliases, list):
            problems.append(f"{label!r}: aliases must be a list")
            aliases = []
        if etype == "Match":
            teams = e.get("teams")
            if not (isinstance(teams, list) and len(teams) == 2):
                problems.append(f"match {label!r} needs \"teams\": [home, away]")
            continue
        found = False
        for form in [label, *aliases]:
            key = fold(form)
            if key in owner and owner[key] != label:
                problems.append(f"surface form {form!r} names both {owner[key]!r} and {label!r}")
            owner[key] = label
            occurs = bool(re.search(r"(?<!\w)" + re.escape(key) + r"(?!\w)", corpus))
            found = found or occurs
            if form is not label and not occurs:  # a label may be the canonical name the text never spells out
                problems.append(f"{label!r}: alias {form!r} does not occur in any article")
        if not found:
            problems.append(f"{label!r}: neither the label nor an alias occurs in any article")
    for e in gold["entities"]:
        if e.get("type") == "Match":
            for t in e.get("teams") or []:
                if types.get(t) not in TEAM:
                    problems.append(f"match {e['label']!r}: team {t!r} is not a Club or NationalTeam label")
    seen = set()
    for r in gold["relations"]:
        s, p, o = r.get("subject"), r.get("predicate"), r.get("object")
        if (s, p, o) in seen:
            problems.append(f"relation listed twice: {s} {p} {o}")
        seen.add((s, p, o))
        if p not in SIGNATURES:
            problems.append(f"unknown predicate {p!r} in {r}")
            continue
        if s not in types or o not in types:
            problems.append(f"relation {s} {p} {o}: subject or object is not an entity label")
            continue
        subj, obj = SIGNATURES[p]
        if types[s] not in subj or types[o] not in obj:
            problems.append(f"relation {s} {p} {o}: {p} joins {sorted(subj)} to {sorted(obj)}, "
                            f"not {types[s]} to {types[o]}")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    problems = check(Path(argv[0]), Path(argv[1]))
    for p in problems:
        print(p)
    print(f"{len(problems)} problem(s)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
