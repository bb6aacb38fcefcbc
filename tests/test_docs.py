"""The README documents every command and option of `kg` (in the style of sqlite-utils'
tests/test_docs.py): a new option without a line in the README fails here."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from kg.cli import _parser

README = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")


def _commands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    out = [(prefix, parser)]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                out += _commands(sub, prefix + (name,))
    return out


COMMANDS = [(path, p) for path, p in _commands(_parser()) if path]


@pytest.mark.parametrize("path,parser", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_docs_readme_names_every_command(path, parser):
    assert "kg " + " ".join(path) in README, f"`kg {' '.join(path)}` is not in the README"


@pytest.mark.parametrize("path,parser", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_docs_readme_names_every_option(path, parser):
    for action in parser._actions:
        for option in action.option_strings:
            if option in ("-h", "--help") or not option.startswith("--"):
                continue
            assert option in README, f"`kg {' '.join(path)} {option}` is not in the README"


@pytest.mark.model
def test_docs_python_example_runs(monkeypatch, tmp_path):
    """The README's notebook example, run as written from the repository's root."""
    import re

    block = re.search(r"## Python\n.*?```python\n(.*?)```", README, re.S)
    assert block, "no Python example in the README"
    monkeypatch.chdir(Path(__file__).resolve().parents[1])
    exec(compile(block.group(1), "README.md", "exec"), {})
