"""Dependency patterns from the data files, matched over parsed tokens.

The patterns are written in spaCy's `DependencyMatcher` format (`kg/data/patterns.json`), and
the tests run them through spaCy's own matcher on hand-built parses (`kg.nlp.DependencyPatterns`)
to check this matcher finds the same. Builds use this one because, measured on the 135 training
and dev articles, spaCy's matcher took 53 ms an article (it builds a `Doc` and tries every node
pattern at every token), more than half the parse itself; this one starts only at tokens that
fit a pattern's first node and takes well under a millisecond. It knows the part of the format
the data uses: attributes POS, TAG, DEP, LEMMA, LOWER and ORTH (a value, or {"IN": [...]}) and
the operators ">" (child) and ">>" (descendant). Unlike spaCy's, it never lets one token fill
two nodes of a pattern.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from kg.datafiles import read_json
from kg.nlp import Token

_ATTRS = {
    "POS": lambda t: t.pos, "TAG": lambda t: t.tag, "DEP": lambda t: t.dep, "LEMMA": lambda t: t.lemma,
    "LOWER": lambda t: t.text.lower(), "ORTH": lambda t: t.text,
}
_OPS = (">", ">>")
_PRIORITY = ("LEMMA", "LOWER", "ORTH", "DEP", "TAG", "POS")


@dataclass(frozen=True)
class _Node:
    name: str
    parent: int  # index of the node it hangs on (-1 for the anchor)
    op: str
    tests: tuple[tuple[Any, frozenset[str]], ...]  # (attribute getter, allowed values)

    def fits(self, t: Token) -> bool:
        for get, allowed in self.tests:
            if get(t) not in allowed:
                return False
        return True


@dataclass(frozen=True)
class Pattern:
    id: str
    relation: str
    nodes: tuple[_Node, ...]


@lru_cache(maxsize=None)
def section(name: str) -> tuple[Pattern, ...]:
    """One section of `kg/data/patterns.json` ("moves", "members"), compiled once per process."""
    data = read_json("patterns.json")
    return tuple(compile_patterns(data[name], data["lists"]))


def compile_patterns(patterns: list[dict[str, Any]], lists: dict[str, list[str]]) -> list[Pattern]:
    """The data file's patterns, with "@name" word lists expanded; a pattern using anything this
    matcher does not know is an error, not a silent miss."""
    out = []
    for p in patterns:
        names: dict[str, int] = {}
        nodes = []
        for k, node in enumerate(p["pattern"]):
            tests = []
            for attr, value in node.get("RIGHT_ATTRS", {}).items():
                if attr not in _ATTRS:
                    raise ValueError(f"pattern {p['id']}: attribute {attr} is not supported")
                if isinstance(value, dict):
                    if set(value) != {"IN"}:
                        raise ValueError(f"pattern {p['id']}: only {{\"IN\": [...]}} is supported")
                    value = value["IN"]
                    if isinstance(value, str) and value.startswith("@"):
                        value = lists[value[1:]]
                    allowed = frozenset(value)
                else:
                    allowed = frozenset([value])
                tests.append((_PRIORITY.index(attr), _ATTRS[attr], allowed))
            if k == 0:
                parent, op = -1, ""
            else:
                op = node["REL_OP"]
                if op not in _OPS:
                    raise ValueError(f"pattern {p['id']}: operator {op} is not supported")
                parent = names[node["LEFT_ID"]]
            names[node["RIGHT_ID"]] = k
            # the most selective test first: most tokens fail on their word, few on their POS
            nodes.append(_Node(node["RIGHT_ID"], parent, op, tuple((get, ok) for _, get, ok in sorted(
                tests, key=lambda x: x[0]))))
        out.append(Pattern(p["id"], p.get("relation", ""), tuple(nodes)))
    return out


def match(patterns: Sequence[Pattern], tokens: Sequence[Token], children: Sequence[Sequence[int]],
          anchors: Sequence[int] | None = None) -> list[tuple[str, str, dict[str, int]]]:
    """(pattern id, relation, node name -> token index) for every match, in document order;
    ``anchors``: the only tokens a match may start from (default: all)."""
    out = []
    starts = [tokens[i] for i in anchors] if anchors is not None else tokens
    # the start tokens by the value of each attribute an anchor tests first, read once for all
    # patterns (a pattern then tries only the tokens its first test allows, in document order)
    by_value: dict[Any, dict[Any, list[tuple[int, Token]]]] = {}
    for p in patterns:
        anchor = p.nodes[0]
        if anchor.tests:
            get, allowed = anchor.tests[0]
            index = by_value.get(get)
            if index is None:
                index = by_value[get] = {}
                for k, t in enumerate(starts):
                    index.setdefault(get(t), []).append((k, t))
            found_at = [t for _, t in sorted(kt for value in allowed for kt in index.get(value, ()))] \
                if len(allowed) > 1 else [t for _, t in index.get(next(iter(allowed)), ())]
        else:
            found_at = list(starts)
        for t in found_at:
            if anchor.fits(t):
                for found in _extend(p.nodes, 1, [t.i], tokens, children):
                    out.append((p.id, p.relation, {n.name: i for n, i in zip(p.nodes, found)}))
    return sorted(out, key=lambda m: (sorted(m[2].values()), m[0]))


def _extend(nodes: Sequence[_Node], k: int, chosen: list[int], tokens: Sequence[Token],
            children: Sequence[Sequence[int]]):
    if k == len(nodes):
        yield list(chosen)
        return
    node = nodes[k]
    base = chosen[node.parent]
    pool = children[base] if node.op == ">" else _descendants(base, children)
    for i in pool:
        if i not in chosen and node.fits(tokens[i]):
            chosen.append(i)
            yield from _extend(nodes, k + 1, chosen, tokens, children)
            chosen.pop()


def _descendants(i: int, children: Sequence[Sequence[int]]) -> list[int]:
    out, stack = [], list(children[i])
    while stack:
        j = stack.pop()
        out.append(j)
        stack.extend(children[j])
    return sorted(out)
