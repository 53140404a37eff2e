"""What every rule gets: the candidate and the module around it."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import NamedTuple

from ..envnames import env_names
from ..messages import format_message
from ..model import Candidate, Finding, Kind, ModuleFacts
from ..names import Vocabulary
from ..registry import RULES_BY_CODE
from ..tokens import TokenFacts

#: Where a literal is reported but never rewritten.
UNFIXABLE_KINDS = frozenset({Kind.DOCSTRING, Kind.COMMENT, Kind.COMPARISON})


class RuleContext(NamedTuple):
    facts: ModuleFacts
    vocab: Vocabulary
    #: The user's `allow-values`: never secrets.
    allowed: frozenset[str] = frozenset()

    def is_freshchat(self, candidate: Candidate) -> bool:
        """The spec's Freshchat context: a Freshchat name, a freshchat.com host in the
        call, dict or class involved, or a Freshchat module."""
        if self.facts.is_freshchat or candidate.context_host:
            return True
        if candidate.scope is not None and candidate.scope.freshchat_host:
            return True
        names = (candidate.name, candidate.target, *candidate.other_names, *candidate.context_names)
        return any(name and "freshchat" in name.lower() for name in names)


RuleFunction = Callable[[Candidate, RuleContext], "Finding | None"]


def bound_names(candidate: Candidate) -> Iterator[str]:
    """Every name the literal stands under: its own, and the other targets of a chained assignment."""
    if candidate.name:
        yield candidate.name
    yield from candidate.other_names


def make_finding(code: str, candidate: Candidate, span: tuple[int, int], name: str | None,
                 default_env: str | None = None, detail: str = "", token: "TokenFacts | None" = None) -> Finding:
    """`default_env`: the rule's own variable for a literal no name holds (`PRIVATE_KEY`)."""
    if candidate.kind is Kind.FALLBACK or candidate.plants_env:
        span = (0, len(candidate.value))  # the whole literal goes, so the whole of it is stored
    secret = candidate.value[span[0]:span[1]]
    env, *alternatives = env_names(code, candidate, name, default_env)
    return Finding(
        code=code,
        message=format_message(code, secret, name, env, detail),
        line=candidate.line, col=candidate.col,
        end_line=candidate.end_line, end_col=candidate.end_col,
        kind=candidate.kind, name=name, env_name=env, env_alternatives=tuple(alternatives),
        fixable=RULES_BY_CODE[code].fixable and candidate.kind not in UNFIXABLE_KINDS,
        span=span, is_bytes=candidate.is_bytes, is_fstring=candidate.is_fstring,
        plants_env=candidate.plants_env, secret=secret, token=token,
    )
