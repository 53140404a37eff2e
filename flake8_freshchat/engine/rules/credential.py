"""FCH201-FCH206: a secret literal under a credential name; the code says where it stands."""
from __future__ import annotations

from collections.abc import Iterator

from ..model import Candidate, Finding, Kind
from ..names import CredentialName, credential_name
from ..values import secret_in
from .base import RuleContext, bound_names, make_finding

#: Kind -> code. Literals with no name (LITERAL, DOCSTRING, COMMENT) have none.
CODE_OF_KIND = {
    Kind.ASSIGNMENT: "FCH201",
    Kind.ARGUMENT: "FCH202",
    Kind.DEFAULT: "FCH203",
    Kind.MAPPING: "FCH204",
    Kind.FALLBACK: "FCH205",
    Kind.COMPARISON: "FCH206",
}


def _credential_names(candidate: Candidate, ctx: RuleContext) -> Iterator[CredentialName]:
    if candidate.credential_position and candidate.name:  # hmac.new(KEY, …): the sink says so
        noun = candidate.name.lower()
        yield CredentialName(candidate.name, noun, noun in ctx.vocab.password_nouns)
        return
    names = list(bound_names(candidate))
    if candidate.kind is Kind.FALLBACK and candidate.target:  # token = os.getenv("X", "…")
        names.append(candidate.target)
    for name in names:
        credential = credential_name(name, ctx.vocab)
        if credential is not None:
            yield credential


def credential_rule(candidate: Candidate, ctx: RuleContext) -> Finding | None:
    code = CODE_OF_KIND.get(candidate.kind)
    if code is None:
        return None
    if candidate.is_fstring and "{}" in candidate.value:
        return None  # built from expressions at run time
    for name in _credential_names(candidate, ctx):
        secret = secret_in(candidate.value, name, allowed=ctx.allowed, vocab=ctx.vocab)
        if secret is not None:
            reported = candidate.name if candidate.kind is Kind.FALLBACK else name.name
            return make_finding(code, candidate, (secret.start, secret.end), reported)
    return None
