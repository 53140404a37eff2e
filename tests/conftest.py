from __future__ import annotations

import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"


def case_files() -> list[pathlib.Path]:
    """Every marker-annotated case: our own cases, plus the public corpus when present.
    `*.fixed.py` (the fixer's expected output) and `*.good.py` are not marker files."""
    files = sorted(p for p in CASES.rglob("*.py") if not p.name.endswith((".fixed.py", ".good.py")))
    if SHARED_CORPUS.is_dir():
        files += sorted(SHARED_CORPUS.glob("*.py"))
    return files


@pytest.fixture(scope="session")
def corpus() -> pathlib.Path:
    if not SHARED_CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside this checkout")
    return SHARED_CORPUS
