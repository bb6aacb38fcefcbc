"""The build cache: never parse the same article twice, never re-extract it without a reason.

Three kinds of entry, each keyed by a sha256 of everything its content depends on:

``parse``    a `kg.nlp.Parsed` record. Key: the cleaned text, the spaCy pipeline (`name==version`),
             spaCy's and thinc's versions, the source of `kg/nlp.py` (chunking, sentence breaks,
             ruler patterns) and the gazetteer content (the entity ruler is built from it). The
             relation rules are NOT in it: a rules change re-runs extraction, never the parser.
``extract``  a `kg.records.Extraction` without its Document. Key: the parse key, the whole
             Document (id, source, original text, cleaned text, offsets, metadata), the rules, the
             gazetteer and the source of every `kg/*.py` module.
``build``    the three output files of a whole build. Key: the extract keys in input order, the
             read failures, the validation switch, the `kg/*.py` sources, the ontology and shapes,
             and the rdflib and pyshacl versions. A re-run with nothing changed only reads, cleans
             and hashes its inputs. Only the latest few builds are kept (`BUILDS_KEPT`).

Location: ``--cache-dir DIR``, else ``$KG_CACHE_DIR``, else ``$XDG_CACHE_HOME/football-kg/cache``
(``~/.cache/football-kg/cache``). It is safe to delete at any time; ``--no-cache`` bypasses it.

Each entry is a file ``<root>/v<FORMAT>/<kind>/<key[:2]>/<key>``: a magic number, a blake2b
digest of the payload, and the payload (zlib-compressed compact JSON, never pickle). A file that
is truncated, corrupt or from another format is detected by the digest, deleted and rebuilt; it
is never trusted. Writes go to a temporary file in the same folder and are renamed into place,
so a crash or a concurrent build never leaves a half-written entry under a real key. A cache
that cannot be written (read-only, disk full) is reported once and the build goes on without it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import types
import typing
import zlib
from array import array
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.output import replace_bytes
from kg.records import Document, Extraction
from kg.resources import ONTOLOGY_DIR, ONTOLOGY_FILE, SHAPES_FILE

log = logging.getLogger("kg")

FORMAT = 1
MAGIC = b"KGC" + bytes([FORMAT])
_DIGEST = 16
KINDS = ("parse", "extract", "valid", "build")
BUILDS_KEPT = 4


# --------------------------------------------------------------------------- location


def default_dir() -> Path:
    """`$KG_CACHE_DIR`, else `$XDG_CACHE_HOME/football-kg/cache`, else `~/.cache/football-kg/cache`."""
    env = os.environ.get("KG_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base).expanduser() / "football-kg" / "cache"


# --------------------------------------------------------------------------- the store


@dataclass
class CacheStats:
    hits: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    misses: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    writes: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    corrupt: int = 0


class Cache:
    """A content-addressed folder of checksummed, compressed entries."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self.base = self.root / f"v{FORMAT}"
        self.stats = CacheStats()
        self._writable = True

    def path(self, kind: str, key: str) -> Path:
        return self.base / kind / key[:2] / key

    def get(self, kind: str, key: str) -> bytes | None:
        """The payload stored under ``key``, or None (missing, or corrupt and now deleted)."""
        path = self.path(kind, key)
        try:
            data = path.read_bytes()
        except OSError:
            self.stats.misses[kind] += 1
            return None
        payload = _unwrap(data)
        if payload is None:
            self.stats.corrupt += 1
            self.stats.misses[kind] += 1
            log.warning("cache entry %s is corrupt; rebuilding it", path)
            self.discard(kind, key)
            return None
        self.stats.hits[kind] += 1
        return payload

    def put(self, kind: str, key: str, payload: bytes) -> None:
        """Store ``payload`` atomically (temporary file + rename); failures only disable the cache."""
        if not self._writable:
            return
        path = self.path(kind, key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            replace_bytes(path, _wrap(payload), durable=False)
            self.stats.writes[kind] += 1
        except OSError as err:
            self._writable = False
            log.warning("cannot write the cache in %s (%s); going on without it",
                        self.root, err.strerror or err)

    def touch(self, kind: str, key: str) -> None:
        """Mark an entry as just used (for `prune`)."""
        try:
            os.utime(self.path(kind, key))
        except OSError:
            pass

    def prune(self, kind: str, keep: int) -> None:
        """Delete all but the `keep` most recently used entries of a kind (whole-build outputs
        are big and only the latest few are ever wanted)."""
        entries = []
        for path in (self.base / kind).glob("*/*"):
            try:
                entries.append((path.stat().st_mtime, path))
            except OSError:
                pass
        for _, path in sorted(entries, reverse=True)[keep:]:
            try:
                path.unlink()
            except OSError:
                pass

    def discard(self, kind: str, key: str) -> None:
        try:
            self.path(kind, key).unlink()
        except OSError:
            pass


def _wrap(payload: bytes) -> bytes:
    return MAGIC + hashlib.blake2b(payload, digest_size=_DIGEST).digest() + payload


def _unwrap(data: bytes) -> bytes | None:
    head = len(MAGIC) + _DIGEST
    if len(data) < head or not data.startswith(MAGIC):
        return None
    payload = data[head:]
    if hashlib.blake2b(payload, digest_size=_DIGEST).digest() != data[len(MAGIC):head]:
        return None
    return payload


# --------------------------------------------------------------------------- keys


def digest(*parts: str | bytes) -> str:
    """sha256 of the parts, each length-prefixed so that no two part lists collide."""
    h = hashlib.sha256()
    for part in parts:
        b = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(b).to_bytes(8, "little"))
        h.update(b)
    return h.hexdigest()


def canonical(obj: Any) -> Any:
    """A JSON-able form of data objects with a stable order (sets sorted, dataclasses by field)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return [type(obj).__name__] + [canonical(getattr(obj, f.name)) for f in dataclasses.fields(obj)]
    if isinstance(obj, dict):
        return sorted([canonical(k), canonical(v)] for k, v in obj.items())
    if isinstance(obj, (set, frozenset)):
        return sorted((canonical(x) for x in obj), key=lambda x: json.dumps(x, sort_keys=True))
    if isinstance(obj, (list, tuple)):
        return [canonical(x) for x in obj]
    return obj


def data_hash(obj: Any) -> str:
    """sha256 of a data object's canonical JSON (the gazetteer's entries, the rules)."""
    return digest(json.dumps(canonical(obj), ensure_ascii=False, separators=(",", ":")))


def gazetteer_hash(gaz: Any) -> str:
    return data_hash(list(gaz.entries.values()))


@lru_cache(maxsize=None)
def _source(name: str) -> bytes:
    return (Path(__file__).resolve().parent / name).read_bytes()


@lru_cache(maxsize=1)
def code_hash() -> str:
    """sha256 of every module of the package (sub-packages too): any code change re-runs
    extraction (never the parser)."""
    root = Path(__file__).resolve().parent
    parts: list[str | bytes] = []
    for path in sorted(root.rglob("*.py")):
        parts += [path.relative_to(root).as_posix(), path.read_bytes()]
    return digest(*parts)


@lru_cache(maxsize=1)
def _versions(*names: str) -> str:
    from importlib import metadata

    out = []
    for name in names:
        try:
            out.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            out.append(f"{name}==none")
    return ",".join(out)


class ValidatedEvidence:
    """The articles whose evidence graph passed SHACL, by the graph's content: a build validates
    only the articles whose evidence is new (an added article, a changed one) plus the facts.
    Keyed by the shapes, the ontology, the engines and the code, so a change to any of them
    validates everything again; only a passing verdict is ever stored."""

    KIND = "valid"

    def __init__(self, cache: Cache) -> None:
        self.cache = cache
        self.salt = digest(SHAPES_FILE.read_bytes(), ONTOLOGY_FILE.read_bytes(), code_hash(),
                           _versions("pyshacl", "pyshacl-turbo", "rdflib"))

    def key(self, triples: Iterable[tuple[Any, Any, Any]]) -> str:
        return digest(self.salt, "\n".join(sorted(f"{s.n3()} {p.n3()} {o.n3()}" for s, p, o in triples)))

    def __contains__(self, key: str) -> bool:
        return self.cache.get(self.KIND, key) is not None

    def add(self, key: str) -> None:
        self.cache.put(self.KIND, key, b"conforms")


def parse_salt(model_version: str, gaz_hash: str) -> str:
    """What every parse key of a run shares: model, libraries, parser code, gazetteer."""
    return digest("parse", str(FORMAT), model_version, _versions("spacy", "thinc"),
                  _source("nlp.py"), gaz_hash)


def parse_key(salt: str, text: str) -> str:
    return digest(salt, text)


def extract_salt(gaz_hash: str, rules_hash: str, scorer_hash: str = "rules-only") -> str:
    return digest("extract", str(FORMAT), code_hash(), gaz_hash, rules_hash, scorer_hash)


def doc_hash(doc: Document) -> str:
    """sha256 of everything in a Document (offsets included: evidence points through them)."""
    meta = json.dumps([doc.id, doc.source, doc.title, doc.date, doc.url], ensure_ascii=False)
    o = doc.offsets
    return digest(meta, doc.original, doc.text, _ints(o.at), _ints(o.first_start), _ints(o.first_end),
                  _ints(o.steps), str(o.length))


def _ints(values: tuple[int, ...]) -> bytes:
    try:
        return array("q", values).tobytes()
    except OverflowError:  # not expected: offsets are string positions
        return json.dumps(list(values)).encode()


def extract_key(salt: str, parse: str, doc: Document) -> str:
    return digest(salt, parse, doc_hash(doc))


def build_key(extract_keys: Iterable[str], failures: list[str], validate: bool, min_confidence: float = 0.0,
              curation: str = "") -> str:
    """``curation``: the curation file's hash ("" without one): a changed decision is a new build."""
    onto = [p.read_bytes() for p in sorted(ONTOLOGY_DIR.glob("*.ttl"))]
    return digest("build", str(FORMAT), code_hash(), _versions("rdflib", "pyshacl", "pyshacl-turbo"), *onto,
                  json.dumps(failures, ensure_ascii=False), "validate" if validate else "no-validate",
                  repr(float(min_confidence)), *((curation,) if curation else ()),
                  "\n".join(extract_keys))


# --------------------------------------------------------------------------- the model, without spaCy


def model_identity(requested: str | None) -> tuple[str, str]:
    """(pipeline name, `name==version`), as `kg.nlp.available_model`/`model_version` would say,
    read from package metadata so a fully cached build never imports spaCy."""
    from importlib import metadata

    from kg import nlp

    for name in ((requested,) if requested else nlp.DEFAULT_MODELS):
        if not name:
            continue
        try:
            return name, f"{name}=={metadata.version(name)}"
        except metadata.PackageNotFoundError:
            continue
    name = nlp.available_model(requested)  # raises the usual ModelError
    return name, nlp.model_version(name)


# --------------------------------------------------------------------------- payloads


def _pack(obj: Any) -> bytes:
    return zlib.compress(json.dumps(obj, separators=(",", ":")).encode("ascii"), 6)


def _unpack(payload: bytes) -> Any:
    return json.loads(zlib.decompress(payload).decode("ascii"))


def encode_parsed(parsed: Any) -> bytes:
    """A Parsed record as column arrays (text, offset, lemma, POS, tag, dep, head, whitespace)."""
    toks = parsed.tokens
    return _pack({
        "i": [t.i for t in toks], "t": [t.text for t in toks], "x": [t.idx for t in toks],
        "l": [t.lemma for t in toks], "p": [t.pos for t in toks], "g": [t.tag for t in toks],
        "d": [t.dep for t in toks], "h": [t.head for t in toks], "w": [t.ws for t in toks],
        "s": [list(s) for s in parsed.sents],
        "e": [[e.start, e.end, e.label, e.ent_id] for e in parsed.ents],
    })


def decode_parsed(payload: bytes) -> Any:
    from kg.nlp import Ent, Parsed, Token

    c = _unpack(payload)
    tokens = tuple(map(Token, c["i"], c["t"], c["x"], c["l"], c["p"], c["g"], c["d"], c["h"], c["w"]))
    return Parsed(tokens, tuple((s, e) for s, e in c["s"]), tuple(Ent(*e) for e in c["e"]))


def encode_extraction(x: Extraction) -> bytes:
    """Everything but the Document (the caller has it): positional JSON arrays."""
    return _pack([_ENCODERS[f.name](getattr(x, f.name)) for f in _EXTRACTION_FIELDS])


def decode_extraction(payload: bytes, doc: Document) -> Extraction:
    values = _unpack(payload)
    if not isinstance(values, list) or len(values) != len(_EXTRACTION_FIELDS):
        raise ValueError("extraction entry has the wrong shape")
    return Extraction(doc, *(_DECODERS[f.name](v) for f, v in zip(_EXTRACTION_FIELDS, values)))


# Codecs compiled once from the record classes' type hints, so a field added to a record is
# carried without touching this module (and the code hash re-keys the old entries anyway).

def _codec(tp: Any) -> tuple[Callable[[Any], Any], Callable[[Any], Any]]:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        fs = dataclasses.fields(tp)
        codecs = [_codec(hints[f.name]) for f in fs]
        names = [f.name for f in fs]

        def enc(obj: Any) -> Any:
            return [c[0](getattr(obj, n)) for c, n in zip(codecs, names)]

        decoders = [c[1] for c in codecs]
        if all(d is _identity for d in decoders):  # plain fields only (Evidence, Mention)
            return enc, (lambda v, cls=tp: cls(*v))

        def dec(v: Any, cls: Any = tp) -> Any:
            return cls(*[x if d is _identity else d(x) for d, x in zip(decoders, v)])

        return enc, dec
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            e1, d1 = _codec(args[0])
            return (lambda obj: [e1(x) for x in obj]), (lambda v: tuple(d1(x) for x in v))
        cs = [_codec(a) for a in args]
        return ((lambda obj: [c[0](x) for c, x in zip(cs, obj)]),
                (lambda v: tuple(c[1](x) for c, x in zip(cs, v))))
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        if len(inner) == 1:
            e1, d1 = _codec(inner[0])
            return (lambda obj: None if obj is None else e1(obj)), (lambda v: None if v is None else d1(v))
        if all(a in (str, int, float, bool) for a in inner):
            return _identity, _identity
        raise TypeError(f"cache codec: unsupported union {tp!r}")
    if tp in (str, int, float, bool):
        return _identity, _identity
    raise TypeError(f"cache codec: unsupported field type {tp!r}")


def _identity(v: Any) -> Any:
    return v


_EXTRACTION_FIELDS = [f for f in dataclasses.fields(Extraction) if f.name != "doc"]
_HINTS = typing.get_type_hints(Extraction)
_CODECS = {f.name: _codec(_HINTS[f.name]) for f in _EXTRACTION_FIELDS}
_ENCODERS = {k: v[0] for k, v in _CODECS.items()}
_DECODERS = {k: v[1] for k, v in _CODECS.items()}


def encode_outputs(paths: Mapping[str, Path], meta: dict[str, Any]) -> bytes:
    """A build's output files, read and compressed a megabyte at a time (a big graph is never
    held whole), and its meta."""
    head = json.dumps({"meta": meta, "files": [[n, p.stat().st_size] for n, p in paths.items()]},
                      separators=(",", ":"))
    z = zlib.compressobj(6)
    parts = [z.compress(head.encode("ascii") + b"\n")]
    for path in paths.values():
        with path.open("rb") as fh:
            while chunk := fh.read(1 << 20):
                parts.append(z.compress(chunk))
    parts.append(z.flush())
    return b"".join(parts)


def decode_outputs(payload: bytes) -> tuple[dict[str, memoryview], dict[str, Any]]:
    """The files of `encode_outputs` (views into one decompressed buffer) and the meta."""
    data = zlib.decompress(payload)
    cut = data.index(b"\n")
    head = json.loads(data[:cut].decode("ascii"))
    body = memoryview(data)[cut + 1:]
    files, pos = {}, 0
    for name, length in head["files"]:
        files[name] = body[pos:pos + length]
        pos += length
    if pos != len(body):
        raise ValueError("build entry has the wrong length")
    return files, dict(head["meta"])
