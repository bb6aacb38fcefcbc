"""Errors a user can fix, each with a code to grep for, what happened and the usual fix.

The CLI turns any `KGError` into one line on stderr and exit status 1; nothing else in the
package prints.
"""

from __future__ import annotations


class KGError(Exception):
    """Base class: `str(err)` is the one-line message shown to the user."""

    code = "E000"
    details: tuple[str, ...] = ()  # one-line messages shown before this one (what led to it)

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")


class InputError(KGError):
    """An input file cannot be read as an article (missing, empty, binary, bad encoding, too big)."""

    code = "E001"

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class OutputError(KGError):
    """The output directory cannot be written, or another build holds it."""

    code = "E002"


class ModelError(KGError):
    """No spaCy English pipeline is installed under the requested name."""

    code = "E003"


class DataError(KGError):
    """A data file (gazetteer, rules, gold annotations) is malformed."""

    code = "E004"


class GraphError(KGError):
    """A graph file cannot be read."""

    code = "E005"


class NoArticlesError(KGError):
    """No input could be read as an article: nothing is built, the output folder is left as it was."""

    code = "E009"

    def __init__(self, message: str, failures: list[str]) -> None:
        self.details = tuple(failures)
        super().__init__(message)


class StoreError(KGError):
    """An RDF store or SPARQL endpoint cannot be reached, refuses a request, or cannot start."""

    code = "E006"


class WorkerError(KGError):
    """A parsing worker process died: the build stops before writing anything."""

    code = "E007"


class ClusterError(KGError):
    """The Dask scheduler cannot be reached, or Dask is not installed."""

    code = "E008"


class TrainError(KGError):
    """The scorer cannot be trained: no usable gold articles, or scikit-learn is not installed."""

    code = "E010"


class ExportError(KGError):
    """The graph cannot be written as Neo4j import files."""

    code = "E020"


class Neo4jLoadError(KGError):
    """Neo4j cannot be reached, refuses the login, or rejects a statement."""

    code = "E021"
