"""Zero findings on real code that holds no secrets: Django, requests, botocore, the stdlib.

bandit and ruff raise well over a hundred false alarms on the same files (see
benchmarks/compare.py). The engine is the one flake8 runs; `check` runs it on every core.
"""
from __future__ import annotations

import importlib.util
import os
import sysconfig

import pytest

from .surfaces import PY, run


def _package_dir(name: str) -> str:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.origin:
        pytest.fail(f"{name} is not installed: pip install -e '.[test]'")
    return os.path.dirname(spec.origin)


@pytest.mark.parametrize("package", ["django", "requests", "botocore"])
def test_no_findings_on_installed_packages(package):
    proc = run([PY, "-m", "flake8_freshchat", "check", _package_dir(package)])
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")


def test_no_findings_on_the_standard_library():
    stdlib = sysconfig.get_paths()["stdlib"]
    proc = run([PY, "-m", "flake8_freshchat", "check", "--exclude", "test,tests,idle_test", stdlib])
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")


def test_pylint_finds_nothing_on_requests_and_botocore():
    from flake8_freshchat.engine import RULES

    symbols = ",".join(rule.symbol for rule in RULES)
    proc = run([PY, "-m", "pylint", "--load-plugins=pylint_freshchat", "--disable=all", f"--enable={symbols}",
                "--score=n", "--persistent=n", "-j", "2", _package_dir("requests"), _package_dir("botocore")])
    assert (proc.returncode, proc.stdout.strip()) == (0, "")
