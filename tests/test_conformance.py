"""Every case file through every front end: exactly the marked findings, nothing else."""
from __future__ import annotations

from .conftest import case_files
from .markers import expected
from .surfaces import check, flake8


def _expected_all(files):
    want = set()
    for path in files:
        want |= expected(path)
    return want


def test_cases_are_present():
    names = {p.name for p in case_files()}
    assert {"positions.py", "negatives.py", "freshchat_context.py", "non_ascii.py"} <= names


def test_flake8_reports_exactly_the_markers():
    files = case_files()
    found, _ = flake8([str(p) for p in files])
    assert found == _expected_all(files)


def test_check_reports_exactly_the_markers():
    files = case_files()
    found, proc = check([str(p) for p in files])
    assert found == _expected_all(files)
    assert proc.returncode == 1


def test_public_corpus_scores_perfectly_through_flake8(corpus, tmp_path):
    import subprocess
    import sys

    _, proc = flake8(["."], "--format", "%(path)s:%(row)d:%(col)d: %(code)s", cwd=str(corpus))
    report = tmp_path / "report.txt"
    report.write_text(proc.stdout)
    score = subprocess.run([sys.executable, str(corpus.parent / "tools" / "score.py"), ".", str(report)],
                           cwd=corpus, capture_output=True, text=True)
    assert score.returncode == 0, score.stdout
    assert "recall=1.000 precision=1.000" in score.stdout


def test_fixer_handles_exactly_the_markers():
    """The fixer's view of each case: what it moved, refused or left as unfixable."""
    from flake8_freshchat.codemod import fix_source

    for path in case_files():
        report = fix_source(path.read_bytes()).report
        handled = [f for f in report.unfixable] + [f for f, _ in report.refused] + [m.finding for m in report.moved]
        assert {(str(path), f.line, f.code) for f in handled} == expected(path), path.name
        assert not report.refused, (path.name, report.refused)
