"""The package's shape: no import circles, and only the CLI drives the build orchestrator."""

from __future__ import annotations

import ast
from pathlib import Path

KG = Path(__file__).resolve().parents[1] / "kg"


def _imports() -> dict[str, set[str]]:
    """module -> the kg modules it imports (at the top or inside functions)."""
    graph: dict[str, set[str]] = {}
    for path in sorted(KG.rglob("*.py")):
        parts = path.relative_to(KG.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("kg"):
                found.add(node.module)
                for alias in node.names:  # "from kg import cache"
                    if (KG / node.module.removeprefix("kg").lstrip(".").replace(".", "/") / f"{alias.name}.py").exists():
                        found.add(f"{node.module}.{alias.name}")
            elif isinstance(node, ast.Import):
                found |= {a.name for a in node.names if a.name.startswith("kg")}
        graph[name] = {m for m in found if m != name and m != "kg"}
    return graph


def test_layout_no_import_circles():
    graph = _imports()
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(m: str) -> None:
        state[m] = 1
        path.append(m)
        for n in sorted(graph.get(m, ())):
            if state.get(n) == 1:
                raise AssertionError("import circle: " + " -> ".join(path[path.index(n):] + [n]))
            if n not in state:
                visit(n)
        path.pop()
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m)


def test_layout_only_the_fronts_import_the_orchestrator():
    """The CLI and the Python API (`kg.api`) are the two fronts; the library never reaches back."""
    users = sorted(m for m, deps in _imports().items() if "kg.pipeline" in deps)
    assert users == ["kg.api", "kg.cli"], users
