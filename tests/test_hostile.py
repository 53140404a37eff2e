"""Hostile input: every file gets a clear message or a clean result; nothing hangs or crashes."""
from __future__ import annotations

import os
import pathlib
import subprocess
import sys
import textwrap

from flake8_freshchat.engine import analyze_source

from .surfaces import PY, run
from .synthetic import hex_key


def _parses(path: pathlib.Path) -> bool:
    """Whether this Python parses the file: CPython 3.11 and 3.12 run out of recursion on a
    5,000-term concatenation, 3.10 and 3.13 do not."""
    import ast

    try:
        ast.parse(path.read_text())
    except RecursionError:
        return False
    return True

CLI = [PY, "-m", "flake8_freshchat"]


def _write_hostile(folder: pathlib.Path) -> None:
    (folder / "syntax.py").write_text("def broken(password=:\n")
    (folder / "latin1_no_cookie.py").write_bytes("password = 'caf\xe9'\n".encode("latin-1"))
    (folder / "null.py").write_bytes(b"token = 'a'\x00\n")
    (folder / "empty.py").write_text("")
    (folder / "bom.py").write_bytes(b"\xef\xbb\xbf" + f'api_key = "{hex_key(1)}"\n'.encode())
    (folder / "cookie.py").write_bytes(
        f'# -*- coding: latin-1 -*-\nname = "caf\xe9"\napi_key = "{hex_key(2)}"\n'.encode("latin-1"))
    (folder / "huge_string.py").write_text('token = "' + "A1b2C3d4" * 655_360 + '"\n')  # 5 MiB
    (folder / "many_lines.py").write_text("x = 1  # token\n" * 60_000 + f'api_key = "{hex_key(3)}"\n')
    (folder / "many_literals.py").write_text(
        "password_list = [" + ", ".join(f'"v{i}"' for i in range(100_000)) + "]\n")
    (folder / "deep.py").write_text("token = " + " + ".join(['"a"'] * 5_000) + "\n")
    (folder / "deep_parens.py").write_text("token = " + "(" * 500 + "1" + ")" * 500 + "\n")


def test_hostile_files_through_check(tmp_path: pathlib.Path):
    _write_hostile(tmp_path)
    proc = run([*CLI, "check", str(tmp_path)])
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr + proc.stdout
    errors = {line.split(": error: ")[0].rsplit("/", 1)[1]: line.split(": error: ")[1]
              for line in proc.stderr.splitlines() if ": error: " in line}
    assert errors == {
        "syntax.py": "cannot parse: invalid syntax at line 1",
        "latin1_no_cookie.py": "cannot decode: not UTF-8, and no valid coding declaration",
        "null.py": "cannot parse: source code string cannot contain null bytes",
        "deep_parens.py": "cannot parse: too many nested parentheses at line 1",
        **({} if _parses(tmp_path / "deep.py") else {"deep.py": "cannot parse: too deeply nested"}),
    }
    findings = sorted((line.split(":")[0].rsplit("/", 1)[1], line.split(":")[1])
                      for line in proc.stdout.splitlines())
    assert findings == [("bom.py", "1"), ("cookie.py", "3"), ("many_lines.py", "60001")]


def test_unreadable_file_and_symlink_loop(tmp_path: pathlib.Path):
    import os

    locked = tmp_path / "locked.py"
    locked.write_text("x = 1\n")
    locked.chmod(0)
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    (tmp_path / "dirloop").mkdir()
    (tmp_path / "dirloop" / "back").symlink_to(tmp_path / "dirloop")
    proc = run([*CLI, "check", str(tmp_path), str(tmp_path / "loop")])
    assert "Traceback" not in proc.stderr
    assert f"{tmp_path / 'loop'}: error: cannot read: Too many levels of symbolic links" in proc.stderr
    if os.geteuid() != 0:  # root reads anything
        assert f"{locked}: error: permission denied" in proc.stderr
    assert proc.returncode == 2


def test_unlistable_folder_is_reported_and_the_walk_goes_on(tmp_path: pathlib.Path):
    from flake8_freshchat.cli.files import FileResult, discover

    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "ok.py").write_text("x = 1\n")
    (tmp_path / "b").mkdir()
    unreadable: list[FileResult] = []
    original = os.scandir

    def scandir(path="."):  # root lists any folder: make one fail as an unreadable one would
        if str(path).endswith("/b"):
            raise PermissionError(13, "Permission denied", str(path))
        return original(path)

    os.scandir = scandir
    try:
        found = list(discover([str(tmp_path)], (), unreadable))
    finally:
        os.scandir = original
    assert found == [str(tmp_path / "a" / "ok.py")]
    assert unreadable == [FileResult(str(tmp_path / "b"), error="permission denied")]


_ADVERSARIAL = textwrap.dedent("""
    import sys, time
    from flake8_freshchat.engine import analyze_source
    from flake8_freshchat.engine.tokens import find_jwts
    from flake8_freshchat.engine.values import secret_in
    from flake8_freshchat.engine.names import credential_name
    name = credential_name("password")
    inputs = ["eyJ" + "A" * 300_000, "eyJ" * 100_000, "eyJa." * 60_000, "eyJaaaa.eyJaaaa." * 20_000,
              "a" + " " * 300_000 + "b", "a-" * 150_000 + "!", "A_" * 150_000 + "a",
              "https://u:" + "p" * 300_000, "{" * 300_000, "#" * 300_000, "%(" * 150_000]
    for text in inputs:
        find_jwts(text)
        secret_in(text, name)
        analyze_source("token = " + repr(text) + "  # " + text[:100_000] + "\\n")
    print("done")
""")


def test_adversarial_strings_do_not_hang():
    # A hang guard, not a speed measurement: linear work here takes well under a second,
    # a quadratic regex on these inputs would take hours.
    proc = subprocess.run([sys.executable, "-c", _ADVERSARIAL], capture_output=True, text=True, timeout=120)
    assert proc.stdout.strip() == "done", proc.stderr


def test_engine_never_raises_on_odd_but_valid_python():
    source = textwrap.dedent('''
        match command:
            case {"token": "abc"}:
                pass
        async def f(*, secret=b"\\x00\\xff"):
            async with x as (a, b):
                yield lambda password=f"{1}": password
        type Alias = int if False else None
        del token["x"]
        token: int
        [a, *b] = "xy", "z"
    ''')
    try:
        analyze_source(source)
    except Exception as exc:  # noqa: BLE001 - the point is that nothing escapes
        assert "cannot parse" in str(exc)
