"""General features of two mentions in one sentence: the dependency path between them, what
governs each, the words between and around them.

Names never become features: a token inside any mention is replaced by the mention's kind
(PERSON, CLUB, TROPHY...), any other proper noun by PROPN and numbers by NUM, so the model learns
"X's cross", "joined T from", "(T)", not who or which club.
"""

from __future__ import annotations

from kg.article import ArticleView, Span

MAX_PATH = 5  # longer dependency paths are described by their length and shape only
MAX_BETWEEN = 5  # words between the two mentions kept as a phrase


def bucket(n: float, edges: tuple[int, ...] = (0, 1, 2, 3, 5, 8, 13)) -> str:
    """A count as a small ordinal label ("0", "1", "2", "3-4", ...), so a linear model can weigh it."""
    for lo, hi in zip(edges, edges[1:]):
        if n < hi:
            return str(lo) if hi - lo == 1 else f"{lo}-{hi - 1}"
    return f"{edges[-1]}+"


def word(view: ArticleView, i: int) -> str:
    """Token i as a feature word: mentions by kind, other names and numbers by class. A
    capitalised word counts as a name whatever the tagger says ("Strand" in a line-up, tagged a
    noun), unless it opens a sentence and the article also writes it in lower case ("After"), so
    no name becomes a feature."""
    span = view.span_of(i)
    if span is not None:
        return span.kind.upper()
    t = view.tokens[i]
    if t.text[:1].isupper() and (t.pos == "PROPN" or i != view.sents[view.sent_of[i]][0]
                                 or t.text.lower() not in view.lower_words):
        return "PROPN"
    if t.pos == "NUM" or t.text.isdigit():
        return "NUM"
    return t.lemma.lower() or t.text.lower()


def _chain(view: ArticleView, i: int) -> list[int]:
    return [i] + view.ancestors(i)


def path_features(view: ArticleView, a: Span, b: Span, prefix: str = "") -> dict[str, float]:
    """The dependency path from mention a's head to mention b's head (same sentence)."""
    out: dict[str, float] = {}
    up, down = _chain(view, a.head_index), _chain(view, b.head_index)
    where = {x: k for k, x in enumerate(down)}
    lca_k = next((k for k, x in enumerate(up) if x in where), None)
    if lca_k is None:
        out[prefix + "path=none"] = 1.0
        return out
    lca = up[lca_k]
    toks = view.tokens
    steps: list[str] = []
    plain: list[str] = []
    lemmas: list[str] = []
    for x in up[:lca_k]:  # climbing from a
        if x != a.head_index and not (a.start <= x < a.end):
            lemmas.append(word(view, x))
            steps.append(word(view, x))
        steps.append("^" + toks[x].dep)
        plain.append("^" + toks[x].dep)
    if lca not in (a.head_index, b.head_index):
        lemmas.append(word(view, lca))
        steps.append(word(view, lca))
        plain.append("*")
    for x in reversed(down[:where[lca]]):  # descending to b
        steps.append("v" + toks[x].dep)
        plain.append("v" + toks[x].dep)
        if x != b.head_index and not (b.start <= x < b.end):
            lemmas.append(word(view, x))
            steps.append(word(view, x))
    n = len(plain)
    out[prefix + "plen=" + bucket(n)] = 1.0
    if n <= MAX_PATH:
        out[prefix + "path=" + " ".join(steps)] = 1.0
        out[prefix + "pathd=" + " ".join(plain)] = 1.0
        for lem in lemmas:
            out[prefix + "plem=" + lem] = 1.0
    lca_word = word(view, lca) if lca not in (a.head_index, b.head_index) else \
        ("A" if lca == a.head_index else "B")
    out[prefix + "lca=" + lca_word] = 1.0
    return out


def governor(view: ArticleView, span: Span) -> tuple[str, str]:
    """(dependency label, governing word) of a mention's head, looking past the mention itself."""
    t = view.tokens[span.head_index]
    if t.head == t.i:
        return t.dep or "ROOT", "ROOT"
    return t.dep, word(view, t.head)


def surface_features(view: ArticleView, a: Span, b: Span, prefix: str = "") -> dict[str, float]:
    """Word order, distance and the words between and around two mentions."""
    out: dict[str, float] = {}
    first, second = (a, b) if a.start <= b.start else (b, a)
    out[prefix + "order=" + ("AB" if first is a else "BA")] = 1.0
    gap = max(0, second.start - first.end)
    out[prefix + "dist=" + bucket(gap, (0, 1, 2, 3, 4, 6, 10, 16))] = 1.0
    if gap <= MAX_BETWEEN:
        between = " ".join(word(view, i) for i in range(first.end, second.start))
        out[prefix + "btw=" + ("AB:" if first is a else "BA:") + between] = 1.0
    toks = view.tokens
    for name, span in (("a", a), ("b", b)):
        if span.start > 0:
            out[f"{prefix}{name}left=" + word(view, span.start - 1)] = 1.0
        if span.end < len(toks):
            out[f"{prefix}{name}right=" + word(view, span.end)] = 1.0
        dep, head = governor(view, span)
        out[f"{prefix}{name}gov={dep}:{head}"] = 1.0
        out[f"{prefix}{name}dep={dep}"] = 1.0
    return out
