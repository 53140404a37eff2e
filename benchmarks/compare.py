"""flake8-freshchat against bandit (B105-B107), ruff (S105-S107) and detect-secrets.

usage: python benchmarks/compare.py [--skip-peers]

Prints, for the same corpora in one run:
- recall and precision on the planted credentials (../shared/corpus and tests/cases),
  findings on real code that holds no secrets (Django, requests, botocore, the standard
  library without its tests), and wall time on that real code, for every tool;
- the flake8 plugin's own time / ast.parse on the same Django files (file by file);
- `check` / bandit on Django; `check -j1` / default (every core); `fix --diff` / `check`;
- `check` against ruff (S105-S107), wall time: cold (no cache) on Django and on a tree of
  15,000+ files of popular packages (.bench-cache/real-code, made by real_code.py), and a
  second run (each tool's cache) on Django; peak memory of `check` on the large tree;
- pylint with the plugin's messages only / pylint with a near-free message;
- `history` over a generated repository of 2,000 commits / `check` over every distinct
  file version it holds, laid side by side;
- engine time and peak memory against file size (1k, 10k, 100k generated lines).

Needs the peers installed: pip install -e '.[bench]'. No output here holds a secret:
peers' messages (bandit quotes the value) are counted, never printed.
"""
from __future__ import annotations

import argparse
import ast
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
PY = sys.executable
STDLIB_TEST_DIRS = ("test", "tests", "idle_test")


def _package(name: str) -> str:
    import importlib.util

    return os.path.dirname(importlib.util.find_spec(name).origin)


def real_code() -> dict[str, str]:
    return {"django": _package("django"), "requests": _package("requests"),
            "botocore": _package("botocore"), "stdlib": sysconfig.get_paths()["stdlib"]}


def planted_corpus(into: pathlib.Path) -> pathlib.Path:
    """The marked files in one flat folder (score.py matches by file name)."""
    sources = sorted((ROOT / "tests" / "cases").rglob("*.py"))
    if (SHARED / "corpus").is_dir():
        sources += sorted((SHARED / "corpus").glob("*.py"))
    return _flat_copy(sources, into)


def corpus_v2(into: pathlib.Path) -> pathlib.Path | None:
    """../shared/corpus_v2: the public examples of version 2 of the contract, alone."""
    if not (SHARED / "corpus_v2").is_dir():
        return None
    return _flat_copy(sorted((SHARED / "corpus_v2").glob("*.py")), into)


def _flat_copy(sources: list[pathlib.Path], into: pathlib.Path) -> pathlib.Path:
    into.mkdir()
    for path in sources:
        if not path.name.endswith((".fixed.py", ".good.py")):
            shutil.copy(path, into / (("doc_" if path.parent.name == "docs" else "") + path.name))
    return into


# -- each tool: a command per path set, and a parser of its output to `path:line:col: CODE` --
def _excludes_for(path: str) -> list[str]:
    return list(STDLIB_TEST_DIRS) + ["site-packages"] if path == real_code()["stdlib"] else []


def run_ours_flake8(paths: list[str]) -> list[str]:
    lines = []
    for path in paths:
        exclude = _excludes_for(path)
        cmd = [PY, "-m", "flake8", "--isolated", "--select", "FCH", "-j", "2",
               "--format", "%(path)s:%(row)d:%(col)d: %(code)s"]
        if exclude:
            cmd += ["--exclude", ",".join(exclude)]
        lines += subprocess.run(cmd + [path], capture_output=True, text=True).stdout.splitlines()
    return lines


def run_ours_check(paths: list[str]) -> list[str]:
    lines = []
    for path in paths:
        exclude = _excludes_for(path)
        cmd = [PY, "-m", "flake8_freshchat", "check", "--no-cache", "--format", "json"]
        if exclude:
            cmd += ["--exclude", ",".join(exclude)]
        out = subprocess.run(cmd + [path], capture_output=True, text=True).stdout
        lines += [f"{f['path']}:{f['line']}:{f['column']}: {f['code']}" for f in json.loads(out)["findings"]]
    return lines


def run_bandit(paths: list[str]) -> list[str]:
    lines = []
    for path in paths:
        cmd = ["bandit", "-q", "-f", "custom", "--msg-template", "{abspath}:{line}:{col}: {test_id}",
               "-t", "B105,B106,B107", "-r"]
        exclude = _excludes_for(path)
        if exclude:
            cmd = cmd[:-1] + ["-x", ",".join(f"*/{d}/*" for d in exclude), "-r"]
        out = subprocess.run(cmd + [path], capture_output=True, text=True).stdout
        lines += [l for l in out.splitlines() if re.match(r".+:\d+:\d+: B10[567]$", l)]
    return lines


def run_ruff(paths: list[str]) -> list[str]:
    lines = []
    for path in paths:
        cmd = ["ruff", "check", "--isolated", "--no-cache", "--select", "S105,S106,S107",
               "--output-format", "concise", "--exit-zero"]
        for d in _excludes_for(path):
            cmd += ["--extend-exclude", d]
        out = subprocess.run(cmd + [path], capture_output=True, text=True).stdout
        lines += [m.group(1) for m in re.finditer(r"^(.+?:\d+:\d+: S10[567])", out, re.M)]
    return lines


def _py_files(path: str) -> list[str]:
    skip = set(_excludes_for(path)) | {"__pycache__"}
    files = []
    for root, dirs, names in os.walk(path):
        dirs[:] = [d for d in dirs if d not in skip]
        files += [os.path.join(root, n) for n in names if n.endswith(".py")]
    return sorted(files)


def run_detect_secrets(paths: list[str]) -> list[str]:
    # Given the .py files by name: `--all-files` on a folder also reads every binary in it.
    lines = []
    for path in paths:
        base = path if os.path.isdir(path) else os.path.dirname(path)
        # detect-secrets drops files outside its working folder: run it there, on relative names.
        files = [os.path.relpath(f, base) for f in (_py_files(path) if os.path.isdir(path) else [path])]
        for start in range(0, len(files), 500):
            out = subprocess.run(["detect-secrets", "scan", *files[start:start + 500]],
                                 capture_output=True, text=True, cwd=base).stdout
            for filename, results in json.loads(out)["results"].items():
                lines += [f"{os.path.join(base, filename)}:{r['line_number']}:1: DS" for r in results]
    return lines


TOOLS = {
    "flake8-freshchat (flake8)": (run_ours_flake8, False),
    "freshchat-secrets check": (run_ours_check, False),
    "bandit B105-B107": (run_bandit, True),
    "ruff S105-S107": (run_ruff, True),
    "detect-secrets": (run_detect_secrets, True),
}


def score(corpus: pathlib.Path, lines: list[str], any_code: bool) -> tuple[float, float]:
    report = corpus.parent / "report.txt"
    report.write_text("\n".join(lines) + "\n")
    scorer = SHARED / "tools" / "score.py"
    cmd = [PY, str(scorer), str(corpus), str(report)] + (["--any"] if any_code else [])
    last = subprocess.run(cmd, capture_output=True, text=True).stdout.strip().splitlines()[-1]
    recall = float(re.search(r"recall=([\d.]+)", last).group(1))
    precision = float(re.search(r"precision=([\d.]+)", last).group(1))
    return recall, precision


def plugin_over_parse(django: str, rounds: int = 3) -> tuple[float, float, int]:
    """The flake8 plugin's own time / ast.parse time, file by file, best of `rounds`."""
    from flake8_freshchat.flake8_plugin import FreshchatChecker

    sources = []
    for path in sorted(pathlib.Path(django).rglob("*.py")):
        try:
            sources.append(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, OSError):
            continue
    best_parse = best_plugin = float("inf")
    for _ in range(rounds):
        parse = plugin = 0.0
        for text in sources:
            lines = text.splitlines(True)
            t0 = time.perf_counter()
            tree = ast.parse(text)
            t1 = time.perf_counter()
            list(FreshchatChecker(tree, lines, None).run())
            t2 = time.perf_counter()
            parse += t1 - t0
            plugin += t2 - t1
        best_parse, best_plugin = min(best_parse, parse), min(best_plugin, plugin)
    return best_plugin, best_parse, len(sources)


def cpu_seconds(cmd: list[str]) -> float:
    """User + system CPU time of one child process: steadier than wall time on a shared machine."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    return usage.ru_utime + usage.ru_stime


def _pylint_with_plugin(package_dir: str) -> list[str]:
    """pylint's arguments for a run with only the plugin's messages."""
    from flake8_freshchat.engine import RULES

    symbols = ",".join(rule.symbol for rule in RULES)
    return ["--load-plugins=pylint_freshchat", "--disable=all", f"--enable={symbols}", "--score=n",
            "--persistent=n", package_dir]


def pylint_overhead(package_dir: str, rounds: int = 25) -> tuple[float, float]:
    """Best-of-rounds CPU time of pylint with only our messages, against a near-free message
    (W0107: astroid's parse and little else), run alternately so both see the same load."""
    ours = [PY, "-m", "pylint", *_pylint_with_plugin(package_dir)]
    base = [PY, "-m", "pylint", "--disable=all", "--enable=W0107", "--score=n", "--persistent=n", package_dir]
    best_ours = best_base = float("inf")
    for round_ in range(rounds):
        for which in ((base, ours) if round_ % 2 else (ours, base)):
            seconds = cpu_seconds(which)
            if which is ours:
                best_ours = min(best_ours, seconds)
            else:
                best_base = min(best_base, seconds)
    return best_ours, best_base


_PLUGIN_SHARE = """
import sys, time
started = time.process_time()
import pylint.lint
loaded = time.process_time()
import pylint_freshchat.checker as checker
own = [time.process_time() - loaded]
process_module = checker.FreshchatChecker.process_module
def timed(self, node):
    t = time.process_time()
    process_module(self, node)
    own[0] += time.process_time() - t
checker.FreshchatChecker.process_module = timed
try:
    pylint.lint.Run(sys.argv[1:])
except SystemExit:
    pass
print(own[0], time.process_time() - started)
"""


def pylint_plugin_share(package_dir: str, rounds: int = 5) -> tuple[float, float]:
    """The plugin's own CPU time inside pylint's process (importing it, and every call to
    it), and the whole run's: the overhead itself, which the ratio of two runs shows
    through the machine's noise."""
    runs = [subprocess.run([PY, "-c", _PLUGIN_SHARE, *_pylint_with_plugin(package_dir)], capture_output=True,
                           text=True).stdout.split()
            for _ in range(rounds)]
    return min((float(own), float(whole)) for own, whole in runs)


def wall(func, *args, **kwargs) -> tuple[float, object]:
    t0 = time.perf_counter()
    result = func(*args, **kwargs)
    return time.perf_counter() - t0, result


def best_walls(commands: dict[str, list[str]], rounds: int = 7) -> dict[str, float]:
    """Best wall time of each command, the commands taking turns so that both see the same load."""
    best = dict.fromkeys(commands, float("inf"))
    for _ in range(rounds):
        for name, cmd in commands.items():
            best[name] = min(best[name], wall(subprocess.run, cmd, capture_output=True)[0])
    return best


def _peak_kib(cmd: list[str], env: dict | None = None) -> tuple[float, int]:
    """Wall time and the peak resident memory of the largest process `cmd` ran (KiB)."""
    script = ("import resource, subprocess, sys, time\n"
              "t = time.perf_counter(); subprocess.run(sys.argv[1:], capture_output=True)\n"
              "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
    out = subprocess.run([PY, "-c", script, *cmd], capture_output=True, text=True, env=env).stdout.split()
    return float(out[0]), int(out[1])


def installed_command(into: pathlib.Path) -> tuple[list[str], str]:
    """`freshchat-secrets` as a user installs it: the package built as a wheel and installed
    into a new venv, so start-up pays for no editable install's import hook (10 ms here,
    before any of our code runs) and pip has written the bytecode. This interpreter's
    install when the wheel cannot be built (no package index)."""
    built = subprocess.run([PY, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(into / "dist"),
                            str(ROOT)], capture_output=True, text=True)
    wheels = sorted((into / "dist").glob("flake8_freshchat-*.whl"))
    if built.returncode or not wheels:
        return [PY, "-m", "flake8_freshchat"], "this interpreter's install (the wheel could not be built)"
    venv = into / "venv"
    subprocess.run([PY, "-m", "venv", "--without-pip", str(venv)], check=True)
    scripts = venv / ("Scripts" if os.name == "nt" else "bin")
    subprocess.run([PY, "-m", "pip", "--python", str(scripts / "python"), "install", "--quiet", "--no-deps",
                    str(wheels[-1])], check=True)
    return [str(scripts / "freshchat-secrets")], "a wheel installed into a new venv, as users install it"


def against_ruff(django: str, rounds: int = 5) -> None:
    """Wall time of `check` and ruff S105-S107 taking turns: cold, then second runs."""
    ruff = shutil.which("ruff")
    if ruff is None:
        print("ruff is not installed: pip install -e '.[bench]'")
        return
    with tempfile.TemporaryDirectory() as tmp:
        command, how = installed_command(pathlib.Path(tmp))
        print(f"check against ruff: {how}")
        _against_ruff([*command, "check", "--exit-zero"], ruff, django, rounds)


def _against_ruff(ours: list[str], ruff: str, django: str, rounds: int) -> None:
    theirs = [ruff, "check", "--isolated", "--select", "S105,S106,S107", "--exit-zero", "--quiet"]
    cold = best_walls({"ours": [*ours, "--no-cache", django], "ruff": [*theirs, "--no-cache", django]}, rounds)
    print(f"check / ruff, cold (no cache) on Django: {cold['ours']:.3f}s / {cold['ruff']:.3f}s = "
          f"{cold['ours'] / cold['ruff']:.2f} (bar: <= 2)")
    with tempfile.TemporaryDirectory() as caches:
        env = {**os.environ, "FRESHCHAT_SECRETS_CACHE_DIR": os.path.join(caches, "ours")}
        warm_ours = [*ours, django]
        warm_ruff = [*theirs, "--cache-dir", os.path.join(caches, "ruff"), django]
        subprocess.run(warm_ours, capture_output=True, env=env)
        subprocess.run(warm_ruff, capture_output=True)
        best = {"ours": float("inf"), "ruff": float("inf")}
        for _ in range(rounds + 2):
            best["ours"] = min(best["ours"], wall(subprocess.run, warm_ours, capture_output=True, env=env)[0])
            best["ruff"] = min(best["ruff"], wall(subprocess.run, warm_ruff, capture_output=True)[0])
    print(f"check / ruff, second run (each one's cache) on Django: {best['ours']:.3f}s / {best['ruff']:.3f}s = "
          f"{best['ours'] / best['ruff']:.2f} (bar: <= 3)")
    tree = ROOT / ".bench-cache" / "real-code"
    if not tree.is_dir():
        print("no large tree: python benchmarks/real_code.py installs one into .bench-cache/real-code")
        return
    files = sum(1 for _ in tree.rglob("*.py"))
    big_ours, peak = min((_peak_kib([*ours, "--no-cache", str(tree)]) for _ in range(2)), key=lambda r: r[0])
    big_ruff = min(wall(subprocess.run, [*theirs, "--no-cache", str(tree)], capture_output=True)[0]
                   for _ in range(2))
    print(f"check / ruff, cold on {files} files of popular packages: {big_ours:.2f}s / {big_ruff:.2f}s = "
          f"{big_ours / big_ruff:.2f} (bar: <= 3); peak memory of check: {peak / 1024:.0f} MiB")


def history_against_check(source_dir: str, commits: int = 2_000) -> None:
    """`history` over a repository of `commits` commits against `check` over every distinct
    file version it holds, laid side by side in one folder."""
    files = sorted(pathlib.Path(source_dir).rglob("*.py"))[:300]
    texts = {f"pkg/{path.relative_to(source_dir)}": path.read_bytes() for path in files}
    names = sorted(texts)
    with tempfile.TemporaryDirectory() as tmp:
        repo, side = pathlib.Path(tmp) / "repo", pathlib.Path(tmp) / "versions"
        subprocess.run(["git", "init", "-q", str(repo)], check=True)
        stream, versions = [], []

        def blob(name: str, data: bytes) -> None:
            versions.append((name, data))
            stream.append(b"M 100644 inline %s\ndata %d\n%s\n" % (name.encode(), len(data), data))

        for number in range(commits):
            stream.append(b"commit refs/heads/main\ncommitter b <b@example.org> %d +0000\ndata 2\nc\n"
                          % (1_600_000_000 + number))
            if number == 0:
                for name in names:
                    blob(name, texts[name])
            else:  # one file edited per commit, now and then a credential added
                name = names[number % len(names)]
                texts[name] += b"\nVALUE_%d = %d\n" % (number, number)
                if number % 97 == 0:
                    texts[name] += b'api_key_%d = "%s"\n' % (number, os.urandom(16).hex().encode())
                blob(name, texts[name])
        subprocess.run(["git", "-C", str(repo), "fast-import", "--quiet"], input=b"".join(stream), check=True)
        subprocess.run(["git", "-C", str(repo), "checkout", "-q", "main"], check=True)
        side.mkdir()
        for index, (name, data) in enumerate(versions):
            (side / f"{index:05d}_{name.replace('/', '_')}").write_bytes(data)
        times = best_walls({
            "history": [PY, "-m", "flake8_freshchat", "history", "--format", "json", str(repo)],
            "check": [PY, "-m", "flake8_freshchat", "check", "--no-cache", "--exit-zero", "--format", "json", str(side)],
        }, rounds=3)
    print(f"history over {commits} commits / check over its {len(versions)} file versions side by side: "
          f"{times['history']:.2f}s / {times['check']:.2f}s = {times['history'] / times['check']:.2f} (bar: <= 1.5)")


def generated_module(lines: int) -> str:
    """Ordinary code with a credential-ish line now and then, `lines` lines long."""
    block = [
        "def handler_{i}(request, api_key=None):",
        "    token_type = 'Bearer'",
        "    headers = {{'Accept': 'application/json', 'X-Request': str({i})}}",
        "    password_field = request.form.get('password')",
        "    if api_key is None:",
        "        api_key = os.environ['API_KEY']",
        "    return fetch(URL, headers=headers, timeout={i} % 30)",
        "",
        "",
        "SECRET_KEY_{i} = 'k{i}aB3dE5fG7hJ9kL1mN3pQ5r'",
    ]
    out = ["import os", "URL = 'https://example.org'"]
    i = 0
    while len(out) < lines:
        out += [line.format(i=i) for line in block]
        i += 1
    return "\n".join(out[:lines]) + "\n"


def scaling() -> list[tuple[int, float, float, int]]:
    import tracemalloc

    from flake8_freshchat.engine import analyze_source

    rows = []
    for lines in (1_000, 10_000, 100_000):
        source = generated_module(lines)
        seconds = min(wall(analyze_source, source)[0] for _ in range(3))
        tracemalloc.start()
        findings = analyze_source(source)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        rows.append((lines, seconds, peak / 2**20, len(findings)))
    return rows


def compile_bytecode() -> None:
    """Write the package's .pyc files, as `pip install` does: an editable checkout under
    PYTHONDONTWRITEBYTECODE would compile every changed module on every start-up, which is
    no user's start-up."""
    import compileall

    compileall.compile_dir(str(ROOT / "flake8_freshchat"), quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--skip-peers", action="store_true", help="measure this project only")
    args = parser.parse_args()
    compile_bytecode()
    real = real_code()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = planted_corpus(pathlib.Path(tmp) / "planted")
        second = corpus_v2(pathlib.Path(tmp) / "v2")
        planted_files = len(list(corpus.glob("*.py")))
        rows = []
        for name, (runner, any_code) in TOOLS.items():
            if args.skip_peers and any_code:
                continue
            if any_code and shutil.which(runner.__name__.removeprefix("run_").replace("_", "-")) is None:
                rows.append((name, None, None, None, None))
                continue
            planted = score(corpus, runner([str(corpus)]), any_code)
            v2 = score(second, runner([str(second)]), any_code) if second else (float("nan"),) * 2
            seconds, found = wall(runner, list(real.values()))
            rows.append((name, planted, v2, len(found), seconds))
    print(f"planted credentials: {planted_files} files (our cases and ../shared/corpus), and ../shared/corpus_v2 "
          f"alone; real code: {', '.join(real)}")
    print(f"{'tool':28} {'recall':>7} {'precision':>9} {'v2 recall':>9} {'v2 prec.':>9} {'on real code':>13} "
          f"{'wall s':>8}")
    for name, planted, v2, found, seconds in rows:
        if planted is None:
            print(f"{name:28} {'not installed':>40}")
            continue
        print(f"{name:28} {planted[0]:7.3f} {planted[1]:9.3f} {v2[0]:9.3f} {v2[1]:9.3f} {found:13d} {seconds:8.2f}")

    plugin, parse, files = plugin_over_parse(real["django"])
    print(f"\nflake8 plugin / ast.parse on {files} Django files: {plugin:.3f}s / {parse:.3f}s = "
          f"{plugin / parse:.3f} (bar: <= 0.35)")
    check_s, _ = wall(run_ours_check, [real["django"]])
    if not args.skip_peers and shutil.which("bandit"):
        bandit_s, _ = wall(run_bandit, [real["django"]])
        print(f"check / bandit on Django: {check_s:.2f}s / {bandit_s:.2f}s = {check_s / bandit_s:.3f} "
              f"(bar: <= 0.25)")
    times = best_walls({
        "serial": [PY, "-m", "flake8_freshchat", "check", "--no-cache", "-j", "1", real["django"]],
        "parallel": [PY, "-m", "flake8_freshchat", "check", "--no-cache", real["django"]],
        "fix_diff": [PY, "-m", "flake8_freshchat", "fix", "--diff", real["django"]],
    })
    serial, parallel, fix_diff = times["serial"], times["parallel"], times["fix_diff"]
    print(f"check -j1 / check (every core, {os.cpu_count()}) on Django: {serial:.2f}s / {parallel:.2f}s = "
          f"{serial / parallel:.2f}x speed-up")
    print(f"fix --diff / check on Django (nothing to fix): {fix_diff:.2f}s / {parallel:.2f}s = "
          f"{fix_diff / parallel:.3f} (bar: <= 1.3)")
    if not args.skip_peers:
        against_ruff(real["django"])
    history_against_check(real["django"])
    ours, base = pylint_overhead(real["requests"])
    own, whole = pylint_plugin_share(real["requests"])
    print(f"pylint with the plugin / pylint --enable=W0107 on requests (CPU time): {ours:.2f}s / {base:.2f}s = "
          f"{ours / base:.3f} (bar: <= 1.05); the plugin's own CPU inside pylint: {own * 1000:.0f} ms of "
          f"{whole:.2f}s = {own / whole:.1%}")
    print("\nengine on generated files (time and peak memory must grow linearly):")
    print(f"{'lines':>8} {'seconds':>9} {'us/line':>8} {'peak MiB':>9} {'findings':>9}")
    for lines, seconds, peak, found in scaling():
        print(f"{lines:8d} {seconds:9.4f} {seconds / lines * 1e6:8.2f} {peak:9.2f} {found:9d}")


if __name__ == "__main__":
    main()
