"""pylint plugin: `pylint --load-plugins=pylint_freshchat`.

The same findings as the flake8 plugin, as pylint messages with the symbols of the rule
registry; the checker is a thin adapter over flake8_freshchat.engine.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .checker import FreshchatChecker

if TYPE_CHECKING:
    from pylint.lint import PyLinter

__all__ = ["FreshchatChecker", "register"]


def register(linter: "PyLinter") -> None:
    linter.register_checker(FreshchatChecker(linter))
