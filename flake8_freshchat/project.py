"""Which folder is the project: the nearest one above a path that holds a marker file."""
from __future__ import annotations

import os
from collections.abc import Callable, Sequence

#: What marks a project's root folder (the env file and the results cache live there).
ROOT_MARKERS = ("pyproject.toml", ".git")


def nearest_folder_with(start: str, names: Sequence[str],
                        is_there: Callable[[str], bool] = os.path.exists) -> str | None:
    """The nearest folder at or above `start` holding one of `names`; None when none does."""
    folder = os.path.abspath(start)
    while True:
        if any(is_there(os.path.join(folder, name)) for name in names):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def project_root(start: str = ".") -> str:
    """The nearest folder above `start` holding pyproject.toml or .git; `start` itself otherwise."""
    return nearest_folder_with(start, ROOT_MARKERS) or os.path.abspath(start)
