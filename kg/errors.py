"""Errors a user can fix, each with a code to grep for, what happened and the usual fix.

The CLI turns any `KGError` into one line on stderr and exit status 1; nothing else in the
package prints.
"""

from __future__ import annotations


class KGError(Exception):
    """Base class: `str(err)` is the one-line message shown to the user."""

    code = "E000"

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
