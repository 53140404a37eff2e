"""Environment-variable names for moved secrets, and their allocation across a run.

Names say what they hold (SPEC "The fix"): the finding's own name, qualified by its owner
(the dict it sits in, the callee, the function, the class) when that name is a bare noun
(`password`) or already stands for another value; a numeric suffix only as a last resort.
"""
from __future__ import annotations

from collections.abc import Sequence

from .model import Candidate, Kind
from .names import credential_name, split_words
from .tables import dictionary, value_words, vocabulary

FRESHCHAT_TOKEN_VARIABLE = "FRESHCHAT_API_TOKEN"
_GENERIC_OWNERS = vocabulary("generic_owners")
#: Owner words kept in front of a name: `smtp.login` gives SMTP_LOGIN_PASSWORD, not more.
_MAX_OWNER_WORDS = 3


def _variable(words: Sequence[str]) -> str:
    collapsed = [w for i, w in enumerate(words) if i == 0 or w != words[i - 1]]  # redis.Redis -> REDIS
    joined: list[str] = []
    for word in collapsed:
        if word.isdigit() and joined:  # S3_SECRET_KEY, oauth2_token: a number stays with its word
            joined[-1] += word
        else:
            joined.append(word)
    return "_".join(w.upper() for w in joined)


def _singular(word: str) -> str:
    """DATABASES -> DATABASE, CACHES -> CACHE; `redis` stays (no word `redi`)."""
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss") \
            and word not in value_words("technical_words") and word[:-1] in dictionary():
        return word[:-1]
    return word


def owners(candidate: Candidate, name: str | None) -> list[list[str]]:
    """The words of each informative owner of the literal, innermost first."""
    found: list[list[str]] = []
    own = split_words(name or "")
    for owner in reversed(candidate.context_names):
        if not owner or not owner.isascii():  # données: a variable name is ASCII
            continue
        words = [w for w in split_words(owner) if w not in _GENERIC_OWNERS and not w.isdigit()]
        if not words or words == own or words in found:
            continue
        words = words[-_MAX_OWNER_WORDS:]
        words[-1] = _singular(words[-1])
        found.append(words)
    return found


def _is_bare(candidate: Candidate, name: str, words: Sequence[str]) -> bool:
    """`password`, `TOKEN`, `Authorization`, a sink's `key`: the credential noun and nothing
    that says whose."""
    return len(words) == 1 and (candidate.credential_position or credential_name(name) is not None)


def env_names(code: str, candidate: Candidate, name: str | None, default: str | None = None) -> tuple[str, ...]:
    """The variable a finding's value moves to, then the owner-qualified names to try, in
    order, when that one already stands for another value.

    Fallbacks and environment writes keep the variable they name. A Freshchat token moves
    to FRESHCHAT_API_TOKEN unless its name already says Freshchat; other Freshchat findings
    get a FRESHCHAT_ prefix. `default` is the rule's own name for a literal that no name
    holds (`PRIVATE_KEY`, `GITHUB_TOKEN`, `POSTGRES_URL`).
    """
    if (candidate.kind is Kind.FALLBACK or candidate.plants_env) and name:
        return (name,)
    words = split_words(name or "")
    if code in ("FCH101", "FCH102"):
        return _freshchat_names(code, candidate, name, words)
    if not words:
        return (default or "SECRET",)
    if default is not None and (candidate.element or candidate.kind is Kind.COMPARISON):
        return (default,)
    qualified = [_variable(owner + words) for owner in owners(candidate, name)]
    if _is_bare(candidate, name or "", words) and qualified:
        return tuple(qualified)
    return (_variable(words), *qualified)


def _freshchat_names(code: str, candidate: Candidate, name: str | None, words: list[str]) -> tuple[str, ...]:
    """FRESHCHAT_API_TOKEN (or the Freshchat name it stood under), FRESHCHAT_APP_KEY; then the
    same qualified by each owner: FRESHCHAT_SUPPORT_BOT_API_TOKEN."""
    if code == "FCH101":
        noun = words if "freshchat" in words else ["freshchat", "api", "token"]
    else:
        noun = [*(words or ["app", "key"])]
        if "freshchat" not in noun:
            noun = ["freshchat", *noun]
    found = owners(candidate, name)
    if code == "FCH102" and _is_bare(candidate, name or "", words) and found:
        noun = ["freshchat", *[w for w in found[0] if w != "freshchat"], *noun[1:]]
        found = found[1:]
    qualified = [_variable(["freshchat", *[w for w in owner if w != "freshchat"], *noun[1:]])
                 for owner in found if [w for w in owner if w != "freshchat"]]
    return (_variable(noun), *[q for q in qualified if q != _variable(noun)])


class EnvNameAllocator:
    """One name per value, across a module, a run and an existing env file.

    A name that already stands for a different value gives way to its owner-qualified
    alternatives, then to the first free numeric suffix (PASSWORD_2); the same value always
    gets the same name back.
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

    def _free(self, name: str, value: str, read_elsewhere: frozenset[str]) -> bool:
        taken = name in self._value_of and self._value_of[name] != value
        return not taken and not (name in read_elsewhere and self._value_of.get(name) != value)

    def allocate(self, wanted: str, value: str, read_elsewhere: frozenset[str] = frozenset(),
                 alternatives: Sequence[str] = ()) -> str:
        """`read_elsewhere`: names the module already reads from the environment, whose values
        are unknown here; a new value never takes one of them."""
        known = self._names_of.get((wanted, value))
        if known:
            return known
        for candidate in (wanted, *alternatives):
            if self._free(candidate, value, read_elsewhere):
                break
        else:
            candidate, n = wanted, 1
            while not self._free(candidate, value, read_elsewhere):
                n += 1
                candidate = f"{wanted}_{n}"
        self._value_of[candidate] = value
        self._names_of[(wanted, value)] = candidate
        return candidate
