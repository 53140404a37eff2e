"""`freshchat-secrets`: check, fix, explain, lsp. Exit 0 clean, 1 findings, 2 usage or file errors."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .. import __version__
from ..engine.registry import RULES
from .config import ConfigError, excludes, load_settings
from .files import check_file, check_stdin, discover
from .report import FORMATS, print_file_errors
from .runner import WorkerError, check_files

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
#: Said once at the end of a run that found Freshchat API tokens.
ROTATE_FRESHCHAT = ("freshchat-secrets: a Freshchat API token that was ever committed must be treated as "
                    "leaked: revoke it and generate a new one in Freshchat's Admin > API settings, update "
                    "every service that uses it, and check the account's activity for use you do not "
                    "recognise (see `freshchat-secrets explain FCH101`).")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="freshchat-secrets",
        description="Find hardcoded Freshchat and other credentials; move them into environment variables.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("paths", nargs="*", metavar="PATH",
                         help="files and folders to check (default: the current folder)")
        sub.add_argument("--config", metavar="PYPROJECT",
                         help="pyproject.toml to read [tool.freshchat-secrets] from "
                              "(default: the nearest one above the current folder)")
        sub.add_argument("--exclude", default="", metavar="PATTERNS",
                         help="comma-separated file or folder name patterns to skip, added to the "
                              "configured ones")
        sub.add_argument("-j", "--jobs", type=_positive, default=None, metavar="N",
                         help="worker processes (default: every core)")

    check = commands.add_parser("check", help="report hardcoded credentials")
    common(check)
    check.add_argument("--format", choices=sorted(FORMATS), default="text", help="output format (default: text)")
    check.add_argument("--output-file", metavar="FILE", help="write the report to FILE instead of standard output")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings remain")
    check.add_argument("--no-cache", action="store_true",
                       help="neither read nor write the results cache (.freshchat_cache/ at the project root)")
    check.add_argument("--baseline", metavar="FILE",
                       help="report only findings not recorded in FILE (see --write-baseline)")
    check.add_argument("--write-baseline", metavar="FILE",
                       help="record every current finding in FILE (no value: code, file, name, salted hash) "
                            "and exit 0; later runs with --baseline FILE report only new ones")
    check.add_argument("--stdin-filename", metavar="NAME", default="-",
                       help="the name to report for `-` (source read from standard input)")

    fix = commands.add_parser("fix", help="move hardcoded credentials into environment variables")
    common(fix)
    fix.add_argument("--diff", action="store_true", help="print a unified diff and write nothing")
    fix.add_argument("--env-file", metavar="PATH",
                     help="append NAME=value for every moved secret to this file (created with mode 0600)")
    fix.add_argument("--lookup", choices=("subscript", "get"), default="subscript",
                     help='os.environ["NAME"] (default) or os.environ.get("NAME")')

    history = commands.add_parser("history", help="every credential ever committed, from git's object store")
    history.add_argument("repo", nargs="?", default=".", metavar="REPO", help="the repository (default: .)")
    history.add_argument("--format", choices=("text", "json", "sarif"), default="text",
                         help="output format (default: text)")
    history.add_argument("--output-file", metavar="FILE", help="write the report to FILE instead of standard output")
    history.add_argument("--since", metavar="REV",
                         help="scan only commits not reachable from REV (what a push adds, for CI)")
    history.add_argument("--baseline", metavar="FILE",
                         help="a baseline in the repository (path from its root): a finding its version in "
                              "the introducing commit holds is not reported")
    history.add_argument("--config", metavar="PYPROJECT",
                         help="pyproject.toml to read [tool.freshchat-secrets] from (default: the repository's)")
    history.add_argument("-j", "--jobs", type=_positive, default=None, metavar="N",
                         help="worker processes (default: every core)")

    explain = commands.add_parser("explain", help="document a code: what it finds, why, and the fix")
    explain.add_argument("code", help="a code such as FCH101, or its pylint symbol")

    commands.add_parser("lsp", help="run the language server on stdio")
    commands.add_parser("clean", help="remove the results cache (.freshchat_cache/ at the project root)")
    return parser


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's, told the terminal's width: its own lookup imports shutil (and with it
    bz2, lzma and zlib) on every run, for help that is rarely printed."""

    def __init__(self, prog: str) -> None:
        import os

        try:
            width = int(os.environ.get("COLUMNS", "")) or os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (ValueError, OSError, AttributeError):
            width = 80
        super().__init__(prog, width=max(width - 2, 20))


class _Parser(argparse.ArgumentParser):
    """An argument parser with that formatter; its subcommands' parsers are made by the same
    class (argparse's `add_subparsers` takes the parser's own type)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(formatter_class=_HelpFormatter, **kwargs)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of 1 or more, not {text!r}")
    return value


def write_report(report: str, output_file: str | None) -> None:
    if output_file is None:
        sys.stdout.write(report)
        return
    try:
        with open(output_file, "w", encoding="utf-8") as handle:
            handle.write(report)
    except OSError as exc:
        raise ConfigError(f"{output_file}: cannot write: {exc.strerror or type(exc).__name__}") from None


def _check(args: argparse.Namespace) -> int:
    settings = load_settings(args.config)
    unreadable: list = []
    named = args.paths or ["."]
    on_disk = [p for p in named if p != "-"]
    cache = None
    if not args.no_cache and on_disk:
        from .cache import ResultCache, cache_folder

        cache = ResultCache(cache_folder(), settings.options)
    paths = discover(on_disk, excludes(settings, args.exclude), unreadable, cache) if on_disk else ()
    checked = check_files(paths, settings.options, args.jobs, cache)  # walks and checks at once
    results = unreadable + checked
    if cache is not None:
        cache.save()
        if args.baseline or args.write_baseline:  # a cached finding has no secret to hash: read it again
            results = [check_file(r.path, settings.options) if any(not f.secret for f in r.findings) else r
                       for r in results]
    if "-" in named:
        results.append(check_stdin(args.stdin_filename, settings.options))
    if not results:
        print("freshchat-secrets: no Python file found under the given paths", file=sys.stderr)
    if args.write_baseline:
        return _write_baseline(args, results)
    if args.baseline:
        from . import baseline

        results = baseline.load(args.baseline).filter(results)
    write_report(FORMATS[args.format](results), args.output_file)
    errors = print_file_errors(results)
    findings = sum(len(r.findings) for r in results)
    if any(f.code == "FCH101" for r in results for f in r.findings):
        print(ROTATE_FRESHCHAT, file=sys.stderr)
    if findings and args.format == "text":
        fixable = sum(f.fixable for r in results for f in r.findings)
        files = sum(1 for r in results if r.findings)
        print(f"freshchat-secrets: {findings} finding(s) in {files} file(s); {fixable} fixable with "
              f"`freshchat-secrets fix`", file=sys.stderr)
    if errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if findings and not args.exit_zero else EXIT_CLEAN


def _write_baseline(args: argparse.Namespace, results: list) -> int:
    """`--write-baseline FILE`: keep the salt of the file it replaces, so unchanged entries stay."""
    from . import baseline

    try:
        previous = baseline.load(args.write_baseline)
    except ConfigError:
        previous = baseline.empty(args.write_baseline)
    recorded = baseline.write(previous, results)
    errors = print_file_errors(results)
    print(f"freshchat-secrets: recorded {recorded} finding(s) in {args.write_baseline}", file=sys.stderr)
    return EXIT_ERROR if errors else EXIT_CLEAN


def _explain(args: argparse.Namespace) -> int:
    from ..docs import explain_text

    text = explain_text(args.code)
    if text is None:
        print(f"freshchat-secrets: error: unknown code {args.code!r}; codes are {RULES[0].code}-{RULES[-1].code}",
              file=sys.stderr)
        return EXIT_ERROR
    sys.stdout.write(text)
    return EXIT_CLEAN


def main(argv: Sequence[str] | None = None) -> int:
    import gc

    # A run is short and builds only acyclic trees, which reference counting frees: the
    # cycle collector's passes over a growing heap would be pure cost (a tenth of a run).
    gc.disable()
    args = _parser().parse_args(argv)
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "fix":
            from .fix import run_fix

            return run_fix(args)
        if args.command == "explain":
            return _explain(args)
        if args.command == "history":
            from .history import run_history

            return run_history(args)
        if args.command == "clean":
            from .cache import cache_folder, clear

            folder = cache_folder()
            print(f"freshchat-secrets: {'removed' if clear(folder) else 'no cache at'} {folder}", file=sys.stderr)
            return EXIT_CLEAN
        if args.command == "lsp":
            try:
                from ..lsp import serve
            except ImportError:
                print("freshchat-secrets: error: the language server needs the lsp extra: "
                      "pip install 'flake8-freshchat[lsp]'", file=sys.stderr)
                return EXIT_ERROR
            return serve()
    except (ConfigError, WorkerError) as exc:
        print(f"freshchat-secrets: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `… | head`: the reader left; say nothing more
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return EXIT_ERROR  # pragma: no cover - argparse requires a command


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
