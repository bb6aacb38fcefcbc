"""Shared fixtures: the spaCy pipeline and the seeds build are made once per test session."""

from __future__ import annotations

import shutil
from pathlib import Path

import os

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parents[1]

# In CI the property tests run the same examples every time (a red run must be reproducible, and a
# new counterexample is found by running without CI=true, then pinned with @example).
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI") == "true":
    settings.load_profile("ci")


@pytest.fixture(scope="session", autouse=True)
def private_cache_dir(tmp_path_factory):
    """Builds run by tests (in-process and `kg` subprocesses) cache in a temporary folder, never in
    the user's ~/.cache: a test must not depend on, or leave behind, an earlier run's cache."""
    import os

    before = os.environ.get("KG_CACHE_DIR")
    os.environ["KG_CACHE_DIR"] = str(tmp_path_factory.mktemp("kg-cache"))
    yield
    if before is None:
        os.environ.pop("KG_CACHE_DIR", None)
    else:
        os.environ["KG_CACHE_DIR"] = before


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files from output")


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def gaz():
    from kg.gazetteer import Gazetteer

    return Gazetteer.load()


@pytest.fixture(scope="session")
def rules():
    from kg.lexicon import Rules

    return Rules.load()


@pytest.fixture(scope="session")
def nlp(gaz):
    from kg import nlp as nlp_module

    return nlp_module.load(None, gaz)


@pytest.fixture(scope="session")
def extract_text(nlp, gaz, rules):
    """Run the whole per-article extraction on a string."""
    from kg import nlp as nlp_module
    from kg.extract import extract
    from kg.readers import make_document

    def run(text: str, doc_id: str = "t"):
        doc = make_document(text, f"{doc_id}.txt", doc_id)
        parsed = next(nlp_module.parse(nlp, [doc.text]))
        return extract(doc, parsed, gaz, rules)

    return run


@pytest.fixture(scope="session")
def extract_scored(nlp, gaz, rules):
    """The per-article extraction as a build runs it: with the shipped scorer (its leftover-name
    classifier decides names no rule claimed; its models weigh every candidate)."""
    from kg import nlp as nlp_module
    from kg.extract import extract
    from kg.learn.scorer import Scorer
    from kg.readers import make_document

    scorer = Scorer.load()

    def run(text: str, doc_id: str = "t"):
        doc = make_document(text, f"{doc_id}.txt", doc_id)
        parsed = next(nlp_module.parse(nlp, [doc.text]))
        return extract(doc, parsed, gaz, rules, scorer)

    return run


@pytest.fixture(scope="session")
def build_graph(tmp_path_factory):
    """Build a folder of articles once and hand back the output folder."""
    from kg.pipeline import build

    cache: dict[tuple[str, ...], Path] = {}

    def run(*paths: Path) -> Path:
        key = tuple(str(p) for p in paths)
        if key not in cache:
            out = tmp_path_factory.mktemp("out")
            build([str(p) for p in paths], out)
            cache[key] = out
        return cache[key]

    return run


@pytest.fixture(scope="session")
def seeds_out(build_graph) -> Path:
    return build_graph(ROOT / "seeds")


@pytest.fixture()
def copy_seeds(tmp_path: Path) -> Path:
    dest = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", dest)
    return dest
