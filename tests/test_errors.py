"""The error catalogue: every error a user can see has its own code, defined in one place."""

import inspect
import re
from pathlib import Path

import kg.errors as errors

KG = Path(errors.__file__).parent


def test_error_codes_are_distinct_and_well_formed():
    classes = [c for _, c in inspect.getmembers(errors, inspect.isclass) if issubclass(c, errors.KGError)]
    codes = [c.code for c in classes if c is not errors.KGError]
    assert len(codes) == len(set(codes)), sorted(codes)
    assert all(re.fullmatch(r"E\d{3}", code) for code in codes)


def test_error_classes_live_in_the_catalogue():
    elsewhere = [f"{path.name}: {m.group(0)}" for path in sorted(KG.glob("*.py")) if path.name != "errors.py"
                 for m in re.finditer(r"class \w+\((?:\w+\.)?\w*Error\)", path.read_text("utf-8"))
                 if "KGError" in m.group(0) or re.search(r"\((InputError|OutputError|StoreError)\)", m.group(0))]
    assert elsewhere == []


def test_error_message_is_one_line_with_its_code():
    err = errors.StoreError("PUT http://127.0.0.1:1/store: connection refused")
    assert str(err) == "[E006] PUT http://127.0.0.1:1/store: connection refused"
