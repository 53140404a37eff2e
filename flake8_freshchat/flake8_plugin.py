"""The flake8 adapter: hands flake8's tree and lines to the engine and formats its findings.

No file reads (so `flake8 -` works on stdin) and no parsed options on the class: flake8
passes its options namespace to every instance, and `cached_options` parses it once per
process (flake8 -j runs in worker processes).
"""
from __future__ import annotations

import argparse
import ast
from collections.abc import Iterator
from typing import Any

from . import __version__
from .engine import analyze_tree
from .engine.options import ALL_SUPPRESSIONS, NOQA, cached_options

# The engine applies every suppression, `# noqa` included: flake8 alone reads noqa on the
# reported line only, not on the last line of a literal spanning lines. `--disable-noqa`
# still turns noqa off.
_WITHOUT_NOQA = ALL_SUPPRESSIONS - {NOQA}


def _option_tuple(options: Any, name: str) -> tuple[str, ...]:
    value = getattr(options, name, None) or ()
    if isinstance(value, str):
        value = value.split(",")
    return tuple(v.strip() for v in value if v.strip())


class FreshchatChecker:
    """flake8 tree plugin for the FCH codes."""

    name = "flake8-freshchat"
    version = __version__

    def __init__(self, tree: ast.Module, lines: list[str], options: argparse.Namespace | None = None) -> None:
        self._tree = tree
        self._lines = lines
        self._options = cached_options(
            _option_tuple(options, "freshchat_extra_words"),
            _option_tuple(options, "freshchat_remove_words"),
            _option_tuple(options, "freshchat_ignore_names"),
            _WITHOUT_NOQA if getattr(options, "disable_noqa", False) else ALL_SUPPRESSIONS,
            _option_tuple(options, "freshchat_allow_values"),
        )

    @staticmethod
    def add_options(manager: Any) -> None:
        manager.add_option(
            "--freshchat-extra-words", default="", parse_from_config=True, comma_separated_list=True,
            help="Extra credential nouns, e.g. pin,otp (default: none).")
        manager.add_option(
            "--freshchat-remove-words", default="", parse_from_config=True, comma_separated_list=True,
            help="Credential nouns to stop treating as such, e.g. jwt (default: none).")
        manager.add_option(
            "--freshchat-ignore-names", default="", parse_from_config=True, comma_separated_list=True,
            help="Names never treated as credential names; shell-style patterns, "
                 "case-insensitive, e.g. test_*,FAKE_TOKEN (default: none).")
        manager.add_option(
            "--freshchat-allow-values", default="", parse_from_config=True, comma_separated_list=True,
            help="Values never treated as secrets: public keys of test services, published "
                 "examples (default: none; a list of published ones is built in).")

    def run(self) -> Iterator[tuple[int, int, str, type]]:
        for finding in analyze_tree(self._tree, self._lines, self._options):
            yield finding.line, finding.col, f"{finding.code} {finding.message}", type(self)
