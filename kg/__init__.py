"""football-kg: an evidenced RDF knowledge graph from English football news.

`kg.build(paths)` and `kg.load(folder)` give a `KnowledgeGraph` to query and draw in Python
(`kg.api`); the `kg` command does the same from a shell.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["build", "load"]


def build(*args: Any, **kwargs: Any) -> Any:
    """See `kg.api.build` (imported on first use: `import kg` stays light)."""
    from kg.api import build as run

    return run(*args, **kwargs)


def load(*args: Any, **kwargs: Any) -> Any:
    """See `kg.api.load`."""
    from kg.api import load as run

    return run(*args, **kwargs)
