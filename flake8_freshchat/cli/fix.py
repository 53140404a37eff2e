"""`freshchat-secrets fix`: check every file with the engine, rewrite only those with fixable
findings (parsed by LibCST), append the moved values to the env file, report the rest."""
from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from .. import envfile
from ..atomic import write_atomically
from ..engine import Finding, Options, SourceError, analyze_source, decode_source, normalize_newlines
from ..engine.envnames import EnvNameAllocator
from ..engine.messages import masked
from .config import excludes, load_settings
from .files import FileResult, discover, is_notebook
from .report import print_file_errors, text_line
from .runner import check_files

if TYPE_CHECKING:
    from ..codemod import FixReport

ROTATE = ("freshchat-secrets: values that were committed stay in the history: rotate them "
          "(see `freshchat-secrets explain FCH101`).")


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
    text = normalize_newlines(data.decode("utf-8", "replace"))
    if findings is None:  # the fixed text: what is still reported there is masked too
        from ..notebook import set_aside

        findings = ()
        for candidate in (text, set_aside(text)):  # a notebook cell: its IPython lines set aside
            try:
                findings = analyze_source(candidate) if candidate is not None else ()
                break
            except SourceError:
                continue
    return _masked_literals(text, findings)


def _diff(path: str, before: bytes, after: bytes, findings: Sequence[Finding]) -> str:
    """A diff for review (not for `patch`): every literal that held a secret is masked."""
    from difflib import unified_diff  # only a run with something to fix shows a diff

    old = _review_text(before, findings).splitlines(keepends=True)
    new = _review_text(after).splitlines(keepends=True)
    diff = "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                   for line in unified_diff(old, new, fromfile=path, tofile=path))
    return _masked(diff, [f.secret for f in findings])


class _Rewrite(NamedTuple):
    path: str
    before: bytes
    after: bytes
    #: The values it moves: env name -> value.
    moved: dict[str, str]
    #: The review diff, masked; made only for `--diff`.
    diff: Callable[[], str]


class _Plan:
    """Every file's fix, made in memory before anything is written."""

    def __init__(self) -> None:
        self.rewrites: list[_Rewrite] = []
        self.moved: dict[str, str] = {}
        self.remaining: list[str] = []
        self.warnings: list[str] = []

    def left_by_hand(self, path: str, report: "FixReport",
                     locate: Callable[[Finding], Finding] = lambda finding: finding) -> None:
        """What the fix leaves to the user: findings it never rewrites, and those it refused."""
        self.remaining += [text_line(path, locate(f)) for f in report.unfixable]
        self.remaining += [text_line(path, locate(f)) + f" (not fixed: {why})" for f, why in report.refused]


class _NotFixed(Exception):
    """A file left untouched, with the reason."""


def _fix_module(path: str, before: bytes, findings: Sequence[Finding], options: Options, lookup: str,
                allocator: EnvNameAllocator, plan: _Plan) -> _Rewrite | None:
    from ..codemod import fix_source  # LibCST loads only when a file has something to fix
    from ..verify import verify

    fixed = fix_source(before, options, lookup, allocator, findings, path)
    report = fixed.report
    plan.left_by_hand(path, report)
    if not fixed.changed:
        return None
    moved = [m.finding for m in report.moved]
    reason = verify(decode_source(before), decode_source(fixed.code), moved)
    if reason is not None:
        plan.remaining += [text_line(path, f) + " (not fixed)" for f in moved]
        raise _NotFixed(reason)
    return _Rewrite(path, before, fixed.code, {m.env_name: m.value for m in report.moved},
                    lambda: _diff(path, before, fixed.code, findings))


def _fix_notebook(path: str, before: bytes, options: Options, lookup: str,
                  allocator: EnvNameAllocator, plan: _Plan) -> _Rewrite | None:
    """The code cells fixed as one module (so `import os` is added once, to the first cell),
    then each changed cell put back; outputs, metadata and other cells as they were."""
    from ..codemod import fix_source
    from ..notebook import fixed_cells, in_cell, read_notebook, rewrite
    from ..verify import verify

    try:
        notebook = read_notebook(before)
    except SourceError as exc:
        raise _NotFixed(str(exc)) from None
    source, where = notebook.source(marked=True)
    fixed = fix_source(source, options, lookup, allocator, None, path)
    report = fixed.report
    plan.left_by_hand(path, report, lambda finding: in_cell(finding, where))
    if not fixed.changed:
        return None
    moved = [in_cell(m.finding, where) for m in report.moved]
    found = moved + [in_cell(f, where) for f in [*report.unfixable, *(f for f, _ in report.refused)]]
    try:
        reason = verify(source, fixed.code, [m.finding for m in report.moved])
        if reason is not None:
            raise SourceError(reason)
        changed = fixed_cells(notebook, fixed.code)
        after = rewrite(before.decode("utf-8-sig"), notebook, changed).encode("utf-8")
    except SourceError as exc:
        plan.remaining += [text_line(path, f) + " (not fixed)" for f in moved]
        raise _NotFixed(str(exc)) from None
    cells = dict(notebook.code)

    def diff() -> str:
        return "".join(_diff(f"{path}:cell {n}", cells[n].encode(), changed[n].encode(),
                             [f for f in found if f.cell == n]) for n in sorted(changed))

    return _Rewrite(path, before, after, {m.env_name: m.value for m in report.moved}, diff)


def _plan(results: Sequence[FileResult], options: Options, lookup: str, existing: dict[str, str]) -> _Plan:
    plan = _Plan()
    allocator = EnvNameAllocator(existing)
    for result in results:  # names the code reads, across the run, before any other name is given
        for finding in result.findings:
            if finding.fixable and finding.reads_its_name:
                allocator.reserve(finding.env_name, finding.secret)
    for result in results:
        if not any(f.fixable for f in result.findings):
            plan.remaining += [text_line(result.path, f) for f in result.findings]
            continue
        try:
            with open(result.path, "rb") as handle:
                before = handle.read()
        except OSError as exc:
            plan.warnings.append(f"{result.path}: not fixed: cannot read: {exc.strerror}")
            continue
        try:
            if is_notebook(result.path):
                rewritten = _fix_notebook(result.path, before, options, lookup, allocator, plan)
            else:
                rewritten = _fix_module(result.path, before, result.findings, options, lookup, allocator, plan)
        except _NotFixed as exc:
            plan.warnings.append(f"{result.path}: left untouched: {exc}")
            continue
        if rewritten is not None:
            plan.moved.update(rewritten.moved)
            plan.rewrites.append(rewritten)
    return plan


def _summary(plan: _Plan, verb: str) -> None:
    print(f"freshchat-secrets: {verb} {len(plan.moved)} value(s) in {len(plan.rewrites)} file(s); "
          f"{len(plan.remaining)} finding(s) left to fix by hand", file=sys.stderr)


def run_fix(args: argparse.Namespace) -> int:
    settings = load_settings(args.config)
    unreadable: list[FileResult] = []
    paths = discover(args.paths or ["."], excludes(settings, args.exclude), unreadable)
    checked_files = check_files(paths, settings.options, args.jobs)  # walks and checks at once
    results: list[FileResult] = unreadable + checked_files
    errors = print_file_errors(results)
    checked = [r for r in results if r.findings or not r.error]  # a notebook: its other cells
    env_path = args.env_file or envfile.project_env_file()
    if args.diff:
        try:
            existing = envfile.read(env_path)
        except envfile.EnvFileError:
            existing = {}
        plan = _plan(checked, settings.options, args.lookup, existing)
        for rewrite in plan.rewrites:
            sys.stdout.write(rewrite.diff())
        _summary(plan, "would move")
        _warn(plan.warnings)
        if errors:
            return 2
        return 1 if plan.rewrites or plan.remaining else 0
    if not any(f.fixable for r in checked for f in r.findings):
        plan = _plan(checked, settings.options, args.lookup, {})
        if plan.remaining:
            sys.stdout.write("\n".join(plan.remaining) + "\n")
        _summary(plan, "moved")
        return 2 if errors else (1 if plan.remaining else 0)
    try:
        with envfile.EnvStore(env_path) as store:  # other runs wait here, then see these names
            plan = _plan(checked, settings.options, args.lookup, store.existing)
            new = [(name, value) for name, value in plan.moved.items() if name not in store.existing]
            plan.warnings += store.append(new)  # the values are stored before any source changes
            failed = _write_sources(plan)
    except envfile.EnvFileError as exc:
        print(f"freshchat-secrets: error: {exc}; no file was changed", file=sys.stderr)
        return 2
    if plan.remaining:
        sys.stdout.write("\n".join(plan.remaining) + "\n")
    _summary(plan, "moved")
    if new:
        print(f"freshchat-secrets: stored {len(new)} variable(s) in {env_path}", file=sys.stderr)
        if envfile.git_ignores(env_path) is False:
            plan.warnings.append(f"{env_path} is not ignored by git: add it to .gitignore before committing")
    _warn(plan.warnings)
    if plan.moved:
        print(ROTATE, file=sys.stderr)
    if errors or failed:
        return 2
    return 1 if plan.remaining else 0


def _write_sources(plan: _Plan) -> int:
    """Write each rewritten file; a file that cannot be written keeps its text (its values are
    stored already) and gets one error line."""
    failed = 0
    for rewrite in plan.rewrites:
        try:
            write_atomically(rewrite.path, rewrite.after)
        except OSError as exc:
            failed += 1
            print(f"{rewrite.path}: error: cannot write: {exc.strerror or type(exc).__name__}", file=sys.stderr)
    return failed


def _warn(warnings: Sequence[str]) -> None:
    for warning in warnings:
        print(f"freshchat-secrets: warning: {warning}", file=sys.stderr)
