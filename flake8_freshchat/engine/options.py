"""Options, parsed once into an immutable value that every front end passes down."""
from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import NamedTuple

from .names import DEFAULT_VOCABULARY, Vocabulary

#: The suppression comments the engine honours: all of them on every surface, so they
#: agree; flake8's `--disable-noqa` leaves noqa out.
PRAGMA, NOQA, PYLINT_DISABLE = "pragma", "noqa", "pylint-disable"
ALL_SUPPRESSIONS = frozenset({PRAGMA, NOQA, PYLINT_DISABLE})


def _words(value: str | Iterable[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = value.replace("\n", ",").split(",")
    return tuple(w.strip() for w in value if w and w.strip())


class Options(NamedTuple):
    vocabulary: Vocabulary = DEFAULT_VOCABULARY
    suppressions: frozenset[str] = ALL_SUPPRESSIONS
    #: Values the user declares public (`allow-values`): never secrets, like data/public_values.json.
    allowed_values: frozenset[str] = frozenset()

    def fingerprint(self) -> str:
        """The same text for the same options in every process (a set's repr is not)."""
        def stable(value: object) -> object:
            if isinstance(value, (frozenset, set)):
                return sorted(map(stable, value))
            if isinstance(value, tuple) and hasattr(value, "_fields"):  # Vocabulary, Options
                return [(name, stable(field)) for name, field in zip(value._fields, value)]
            return value

        return repr(stable(self))

    @classmethod
    def build(cls, extra_words: str | Iterable[str] | None = None,
              remove_words: str | Iterable[str] | None = None,
              ignore_names: str | Iterable[str] | None = None,
              suppressions: frozenset[str] = ALL_SUPPRESSIONS,
              allow_values: str | Iterable[str] | None = None) -> "Options":
        """From option values as flake8, pylint or pyproject give them (lists or comma strings)."""
        return cls(Vocabulary.build(_words(extra_words), _words(remove_words), _words(ignore_names)),
                   suppressions, frozenset(_words(allow_values)))


DEFAULT_OPTIONS = Options()


@functools.lru_cache(maxsize=8)
def cached_options(extra_words: tuple[str, ...], remove_words: tuple[str, ...], ignore_names: tuple[str, ...],
                   suppressions: frozenset[str], allow_values: tuple[str, ...] = ()) -> Options:
    """Options from a front end's raw values, parsed once per process and set of values
    (flake8 and pylint hand every file, or every worker, the same values again)."""
    return Options.build(extra_words, remove_words, ignore_names, suppressions, allow_values)
