from __future__ import annotations

import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
SHARED_CORPUS_V2 = ROOT.parent / "shared" / "corpus_v2"


def case_files() -> list[pathlib.Path]:
    """Every marker-annotated case: our own cases, plus the public corpora when present.
    `*.fixed.py` (the fixer's expected output) and `*.good.py` are not marker files."""
    files = sorted(p for p in CASES.rglob("*.py") if not p.name.endswith((".fixed.py", ".good.py")))
    for corpus in (SHARED_CORPUS, SHARED_CORPUS_V2):
        if corpus.is_dir():
            files += sorted(corpus.glob("*.py"))
    return files


@pytest.fixture(scope="session", params=[SHARED_CORPUS, SHARED_CORPUS_V2], ids=["corpus", "corpus_v2"])
def corpus(request: pytest.FixtureRequest) -> pathlib.Path:
    if not request.param.is_dir():
        pytest.skip(f"../shared/{request.param.name} is not beside this checkout")
    return request.param


@pytest.fixture(scope="session", autouse=True)
def _checkout_keeps_no_env_file():
    """`fix` stores values in the project's .env by default: no test may run it on the checkout."""
    before = (ROOT / ".env").exists()
    yield
    assert before or not (ROOT / ".env").exists(), "a test wrote the checkout's .env"
