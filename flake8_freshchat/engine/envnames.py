"""Environment-variable names for moved secrets, and their allocation across a run."""
from __future__ import annotations

from .model import Kind
from .names import env_var_name, split_words

FRESHCHAT_TOKEN_VARIABLE = "FRESHCHAT_API_TOKEN"


def env_name_for(code: str, kind: Kind, name: str | None) -> str:
    """The variable a finding's value moves to.

    Fallbacks and environment writes keep the variable they name. A Freshchat token
    moves to FRESHCHAT_API_TOKEN unless its name already says Freshchat; other
    Freshchat findings get a FRESHCHAT_ prefix.
    """
    if kind is Kind.FALLBACK and name:
        return name
    if kind is Kind.MAPPING and name and name.isupper() and name.replace("_", "").isalnum():
        return name  # os.environ["NAME"] = ..., or an upper-case config key
    variable = env_var_name(name) if name else ""
    holds_freshchat = "freshchat" in split_words(name or "")
    if code == "FCH101":
        return variable if holds_freshchat else FRESHCHAT_TOKEN_VARIABLE
    if code == "FCH102":
        variable = variable or "APP_KEY"
        return variable if holds_freshchat else "FRESHCHAT_" + variable
    return variable or "SECRET"


class EnvNameAllocator:
    """One name per value, across a module, a run and an existing env file.

    A name that already stands for a different value gets the first free numeric
    suffix (PASSWORD_2); the same value always gets the same name back.
    """

    def __init__(self, existing: dict[str, str] | None = None) -> None:
        self._value_of: dict[str, str] = dict(existing or {})
        self._names_of: dict[tuple[str, str], str] = {}

    def reserve(self, name: str, value: str) -> bool:
        """Claim a name the code itself reads (an env fallback, an os.environ write): it cannot
        take a suffix. False when the name already stands for a different value."""
        if self._value_of.get(name, value) != value:
            return False
        self._value_of[name] = value
        self._names_of[(name, value)] = name
        return True

    def allocate(self, wanted: str, value: str, read_elsewhere: frozenset[str] = frozenset()) -> str:
        """`read_elsewhere`: names the module already reads from the environment, whose values
        are unknown here; a new value never takes one of them."""
        known = self._names_of.get((wanted, value))
        if known:
            return known
        candidate, n = wanted, 1
        while (candidate in self._value_of and self._value_of[candidate] != value) or (
                candidate in read_elsewhere and self._value_of.get(candidate) != value):
            n += 1
            candidate = f"{wanted}_{n}"
        self._value_of[candidate] = value
        self._names_of[(wanted, value)] = candidate
        return candidate

