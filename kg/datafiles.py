"""Read the package's JSON data files (or a user's replacement) with one clear error."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from kg.errors import DataError, Errors


def read_json(name: str, path: str | Path | None = None) -> Any:
    """`kg/data/<name>`, or ``path`` when given; a DataError names the file and the problem."""
    where = str(path) if path is not None else f"kg/data/{name}"
    try:
        if path is None:
            text = resources.files("kg").joinpath("data", name).read_text("utf-8")
        else:
            text = Path(path).read_text("utf-8")
        return json.loads(text)
    except (OSError, ValueError) as err:
        raise DataError(Errors.E058.format(path=where, why=err)) from None
