"""Run the engine over the library code of popular packages it was never tuned on, and print
every finding there (each to be judged by a person) and the count in their test folders.

    python benchmarks/real_code.py [--target DIR] [--no-install]

Installs PACKAGES (with their dependencies) with pip into DIR (default:
.bench-cache/real-code, git-ignored), then checks every top-level package found there with
`freshchat-secrets check` semantics. Library code is everything outside test folders
(`test`, `tests`, `testing`, `*_test(s)`, `test_*.py`, `conftest.py`, `fixtures`).
"""
from __future__ import annotations

import argparse
import collections
import os
import pathlib
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flake8_freshchat.cli.files import check_file, discover  # noqa: E402
from flake8_freshchat.cli.runner import check_files  # noqa: E402
from flake8_freshchat.engine import Options  # noqa: E402

#: Popular packages of every kind: auth, cloud SDKs, database drivers, queues, web
#: frameworks, ML tools, infrastructure. Their dependencies come along and are checked too.
PACKAGES = [
    # auth and crypto
    "authlib", "pyjwt", "python-jose", "oauthlib", "requests-oauthlib", "passlib", "itsdangerous",
    "paramiko", "ldap3", "keyring", "pyotp", "msal", "google-auth", "hvac",
    # cloud SDKs and vendor clients
    "boto3", "google-cloud-storage", "azure-storage-blob", "azure-identity", "openai", "anthropic",
    "stripe", "twilio", "slack-sdk", "sendgrid", "PyGithub", "python-gitlab", "kubernetes", "docker",
    "huggingface-hub",
    # database drivers and ORMs
    "psycopg2-binary", "pymysql", "redis", "pymongo", "sqlalchemy", "elasticsearch", "asyncpg",
    "peewee",
    # queues
    "celery", "kombu", "pika", "kafka-python",
    # web frameworks and HTTP
    "flask", "fastapi", "starlette", "tornado", "aiohttp", "httpx", "falcon", "pyramid", "sanic",
    "djangorestframework", "requests",
    # ML and data tools
    "scikit-learn", "transformers", "datasets", "mlflow-skinny", "wandb", "langchain-core", "pandas",
    # infrastructure and tooling
    "ansible-core", "fabric", "sentry-sdk", "pydantic-settings", "dynaconf",
]

TEST_PARTS = {"test", "tests", "testing", "fixtures", "test_data", "testdata", "conftest.py"}


def is_test_path(path: pathlib.Path, root: pathlib.Path) -> bool:
    for part in path.relative_to(root).parts:
        lowered = part.lower()
        if lowered in TEST_PARTS or lowered.endswith(("_test", "_tests", "_test.py", "_tests.py")) or (
                lowered.startswith("test_") and lowered.endswith(".py")) or lowered.startswith("tests_"):
            return True
    return False


def install(target: pathlib.Path) -> list[str]:
    """Install every package (one pip run; on failure, one at a time); the ones that failed."""
    target.mkdir(parents=True, exist_ok=True)
    print(f"installing {len(PACKAGES)} packages into {target} …", file=sys.stderr)
    pip = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--prefer-binary",
           "--no-warn-conflicts", "--upgrade", "--target", str(target)]
    if subprocess.run([*pip, *PACKAGES]).returncode == 0:
        return []
    return [name for name in PACKAGES if subprocess.run([*pip, name]).returncode != 0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", default=str(ROOT / ".bench-cache" / "real-code"))
    parser.add_argument("--no-install", action="store_true")
    args = parser.parse_args()
    target = pathlib.Path(args.target)
    failed = [] if args.no_install else install(target)
    if failed:
        print(f"could not install: {', '.join(failed)}")
    packages = sorted(p for p in target.iterdir() if p.is_dir() and not p.name.endswith((".dist-info", ".data"))
                      and p.name not in ("bin", "__pycache__"))
    files = list(discover([str(p) for p in packages]))
    lines = sum(1 for f in files for _ in open(f, "rb"))
    started = time.perf_counter()
    results = check_files(files, Options())
    elapsed = time.perf_counter() - started
    library, tests = [], collections.Counter()
    errors = 0
    for result in results:
        path = pathlib.Path(result.path)
        errors += bool(result.error)
        top = path.relative_to(target).parts[0]
        for finding in result.findings:
            if is_test_path(path, target):
                tests[top] += 1
            else:
                library.append((path.relative_to(target), finding))
    print(f"{len(packages)} top-level packages, {len(files)} files, {lines:,} lines, {elapsed:.1f} s; "
          f"{errors} files could not be parsed")
    print(f"\nfindings in library code: {len(library)}")
    for path, finding in library:
        print(f"  {path}:{finding.line}:{finding.col + 1}: {finding.code} {finding.message}")
    print(f"\nfindings in test folders: {sum(tests.values())}")
    for top, count in tests.most_common():
        print(f"  {top}: {count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
