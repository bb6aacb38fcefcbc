"""The message catalogue: every error and warning a user can see has its own code, defined in one
place, and every message is raised from it."""

import ast
import inspect
import re
from pathlib import Path

import pytest

from kg import errors
from kg.errors import Errors, KGError, StoreError, Warnings

KG = Path(errors.__file__).parent
SOURCES = {path: path.read_text("utf-8") for path in sorted(KG.rglob("*.py")) if path.name != "errors.py"}
CATALOGUES = {"Errors": Errors, "Warnings": Warnings}
ERROR_CLASSES = {name for name, c in inspect.getmembers(errors, inspect.isclass) if issubclass(c, KGError)}


def _codes(catalogue: type) -> list[str]:
    return [name for name in vars(catalogue) if not name.startswith("_")]


def test_codes_are_unique_and_well_formed():
    codes = _codes(Errors) + _codes(Warnings)
    assert len(codes) == len(set(codes)), sorted(codes)
    assert all(re.fullmatch(r"E\d{3}", code) for code in _codes(Errors)), _codes(Errors)
    assert all(re.fullmatch(r"W\d{3}", code) for code in _codes(Warnings)), _codes(Warnings)


def test_every_code_is_used():
    used = {m.group(1) + "." + m.group(2) for text in SOURCES.values()
            for m in re.finditer(r"\b(Errors|Warnings)\.([EW]\d{3})\b", text)}
    unused = [f"{name}.{code}" for name, catalogue in CATALOGUES.items() for code in _codes(catalogue)
              if f"{name}.{code}" not in used]
    assert unused == []


def test_reading_a_code_gives_the_template_behind_it():
    assert Errors.E004.format(why="x") == "[E004] bad SPARQL: x"
    assert Warnings.W101.startswith("[W101] {source}: ")
    assert Errors.__name__ == "Errors"  # other attributes are left alone


def _message_args(call: ast.Call) -> list[ast.expr]:
    """The arguments that carry the message: InputError(path, message), the others (message, ...)."""
    name = call.func.id if isinstance(call.func, ast.Name) else call.func.attr
    if name == "InputError":
        return call.args[1:2]
    return call.args[:1]


def _from_catalogue(node: ast.expr, assigned: dict[str, list[ast.expr]]) -> bool:
    """`Errors.E004`, `Errors.E004.format(...)`, `a if c else b` of those, or a name only ever
    assigned those (or None: the variable a reader fills before raising)."""
    if isinstance(node, ast.IfExp):
        return _from_catalogue(node.body, assigned) and _from_catalogue(node.orelse, assigned)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        node = node.func.value
    if isinstance(node, ast.Name) and node.id not in CATALOGUES:
        values = [v for v in assigned.get(node.id, []) if not (isinstance(v, ast.Constant) and v.value is None)]
        return bool(values) and all(_from_catalogue(v, {}) for v in values)
    return (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
            and node.value.id in CATALOGUES and re.fullmatch(r"[EW]\d{3}", node.attr) is not None)


def test_every_error_is_raised_with_a_catalogue_message():
    loose = []
    for path, text in SOURCES.items():
        tree = ast.parse(text)
        assigned: dict[str, list[ast.expr]] = {}  # per file: stricter than per function
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        assigned.setdefault(target.id, []).append(node.value)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) \
                    in ERROR_CLASSES and not all(_from_catalogue(a, assigned) for a in _message_args(node)):
                loose.append(f"{path.relative_to(KG.parent)}:{node.lineno}: {ast.unparse(node)[:80]}")
    assert loose == []


def test_no_message_text_beside_the_catalogue():
    """No f-string or concatenation where a KGError is made, and no code written out anywhere
    else (the build diagnostics W101, W201 and E301 were)."""
    names = "|".join(sorted(ERROR_CLASSES))
    pattern = re.compile(rf"\b(?:{names})\((?:\w+, )?(?:f[\"']|[\"'][^\"']*[\"']\s*\+)"
                         r"|[\"']\[?[EW]\d{3}\b")
    found = [f"{path.name}: {m.group(0)}" for path, text in SOURCES.items() for m in pattern.finditer(text)]
    assert found == []


def test_error_classes_live_in_the_catalogue():
    elsewhere = [f"{path.name}: {m.group(0)}" for path, text in SOURCES.items()
                 for m in re.finditer(r"class \w+\((?:\w+\.)?\w*Error\)", text)
                 if "KGError" in m.group(0) or re.search(r"\((InputError|OutputError|StoreError)\)", m.group(0))]
    assert elsewhere == []


def test_error_message_is_one_line_with_its_code():
    err = StoreError(Errors.E068.format(method="PUT", url="http://127.0.0.1:1/store"))
    assert str(err) == "[E068] PUT http://127.0.0.1:1/store: connection refused (is the store running?)"
    assert err.code == "E068"


def test_input_error_keeps_its_path_and_problem():
    err = errors.InputError("a.txt", Errors.E032.format(path="a.txt"))
    assert (err.path, err.problem, err.code) == ("a.txt", "empty file: no article text", "E032")
    assert str(err) == "[E032] a.txt: empty file: no article text"


@pytest.mark.parametrize("code, kwargs", [
    ("E025", {"path": "big.txt", "size": 12_345_678, "limit": 10_000_000}),
    ("E028", {"path": "a.txt", "byte": 0xE9, "offset": 3}),
    ("E069", {"method": "POST", "url": "http://x/store", "timeout": 1.0}),
])
def test_templates_keep_their_number_formats(code, kwargs):
    text = getattr(Errors, code).format(**kwargs)
    assert {"E025": "12,345,678 bytes, over the 10,000,000-byte", "E028": "invalid byte 0xe9 at offset 3",
            "E069": "no answer within 1 s"}[code] in text
