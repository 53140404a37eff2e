"""`freshchat-secrets fix`: check every file with the engine, rewrite only those with fixable
findings (parsed by LibCST), append the moved values to the env file, report the rest."""
from __future__ import annotations

import argparse
import difflib
import os
import re
import sys
import tempfile
from collections.abc import Sequence

from .. import envfile
from ..engine import Finding, SourceError, analyze_source
from ..engine.envnames import EnvNameAllocator
from ..engine.messages import masked
from .config import excludes, load_settings
from .files import FileResult, discover
from .report import text_line
from .runner import check_files

ROTATE = ("freshchat-secrets: values that were committed stay in the history: rotate them "
          "(see `freshchat-secrets explain FCH101`).")


def _write_atomically(path: str, data: bytes) -> None:
    """Temp file in the same folder, the original's mode, then rename over it."""
    mode = os.stat(path).st_mode & 0o7777
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".fch-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _masked(text: str, secrets: list[str]) -> str:
    """Every secret shown as its first characters, never whole."""
    for secret in sorted(set(secrets), key=len, reverse=True):
        if secret:
            text = text.replace(secret, masked(secret))
    return text


def _masked_literals(text: str, findings: Sequence[Finding]) -> str:
    """`text` with the source of each finding's literal cut to its first characters: a
    literal spelt with escapes (`"…\\nMIIE…"`) does not hold its value verbatim."""
    starts = [0]
    for line in text.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    spans = []
    for f in findings:
        if f.line < len(starts) and f.end_line < len(starts):
            spans.append((starts[f.line - 1] + f.col, starts[f.end_line - 1] + f.end_col))
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + _masked_source(text[start:end]) + text[end:]
    return text


_OPENING = re.compile(r"""[rRbBuUfF]{0,2}(?:'{3}|"{3}|'|")""")


def _masked_source(literal: str) -> str:
    """`"4283…"`: the literal's quotes kept around the first characters of what they hold."""
    opening = _OPENING.match(literal)
    quote = opening.group().lstrip("rRbBuUfF") if opening else ""
    if not opening or not literal.endswith(quote) or len(literal) < len(opening.group()) + len(quote):
        return masked(literal)
    inner = literal[opening.end():len(literal) - len(quote)]
    return opening.group() + masked(inner) + quote


def _review_text(data: bytes, findings: Sequence[Finding] | None = None) -> str:
    text = data.decode("utf-8", "replace").replace("\r\n", "\n").replace("\r", "\n")
    if findings is None:  # the fixed text: what is still reported there is masked too
        try:
            findings = analyze_source(text)
        except SourceError:
            findings = ()
    return _masked_literals(text, findings)


def _diff(path: str, before: bytes, after: bytes, findings: Sequence[Finding]) -> str:
    """A diff for review (not for `patch`): every literal that held a secret is masked."""
    old = _review_text(before, findings).splitlines(keepends=True)
    new = _review_text(after).splitlines(keepends=True)
    diff = "".join(difflib.unified_diff(old, new, fromfile=path, tofile=path))
    return _masked(diff, [f.secret for f in findings])


def run_fix(args: argparse.Namespace) -> int:
    settings = load_settings(args.config)
    unreadable: list[FileResult] = []
    paths = list(discover(args.paths, excludes(settings, args.exclude), unreadable))
    results: list[FileResult] = unreadable + check_files(paths, settings.options, args.jobs)
    existing = envfile.read(args.env_file) if args.env_file else {}
    allocator = EnvNameAllocator(existing)
    remaining: list[str] = []
    moved: dict[str, str] = {}
    warnings: list[str] = []
    changed_files = 0
    for result in results:
        if result.error:
            print(f"{result.path}: error: {result.error}", file=sys.stderr)
            continue
        if not any(f.fixable for f in result.findings):
            remaining += [text_line(result.path, f) for f in result.findings]
            continue
        from ..codemod import fix_source  # LibCST loads only when a file has something to fix

        with open(result.path, "rb") as handle:
            before = handle.read()
        fixed = fix_source(before, settings.options, args.lookup, allocator, result.findings, result.path)
        report = fixed.report
        remaining += [text_line(result.path, f) for f in report.unfixable]
        remaining += [text_line(result.path, f) + f" (not fixed: {why})" for f, why in report.refused]
        conflicts = {id(f) for f in report.conflicts}
        for secret in report.moved:
            if id(secret.finding) in conflicts:
                warnings.append(f"{secret.env_name} already stands for a different value; the value from "
                                f"{result.path}:{secret.finding.line} was not written to the env file")
                continue
            moved[secret.env_name] = secret.value
        if fixed.changed:
            changed_files += 1
            if args.diff:
                sys.stdout.write(_diff(result.path, before, fixed.code, result.findings))
            else:
                _write_atomically(result.path, fixed.code)
    errors = [r for r in results if r.error]
    if remaining and not args.diff:
        sys.stdout.write("\n".join(remaining) + "\n")
    verb = "would move" if args.diff else "moved"
    print(f"freshchat-secrets: {verb} {len(moved)} value(s) in {changed_files} file(s); "
          f"{len(remaining)} finding(s) left to fix by hand", file=sys.stderr)
    new_names = [name for name in moved if name not in existing]
    if moved and args.env_file and not args.diff:
        warnings += envfile.append(args.env_file, [(n, moved[n]) for n in new_names])
        print(f"freshchat-secrets: appended {len(new_names)} variable(s) to {args.env_file}", file=sys.stderr)
        if envfile.git_ignores(args.env_file) is False:
            warnings.append(f"{args.env_file} is not ignored by git: add it to .gitignore before committing")
    elif moved:
        print("freshchat-secrets: set these environment variables (values not shown): "
              + ", ".join(sorted(moved)), file=sys.stderr)
    for warning in warnings:
        print(f"freshchat-secrets: warning: {warning}", file=sys.stderr)
    if moved:
        print(ROTATE, file=sys.stderr)
    if errors:
        return 2
    if args.diff:
        return 1 if changed_files or remaining else 0
    return 1 if remaining else 0
