"""FCH201-FCH206: a secret literal under a credential name; the code says where it stands."""
from __future__ import annotations

from ..model import Candidate, Finding, Kind
from ..names import credential_name
from ..values import secret_in
from .base import RuleContext, make_finding

#: Kind -> code. Literals with no name (LITERAL, DOCSTRING, COMMENT) have none.
CODE_OF_KIND = {
    Kind.ASSIGNMENT: "FCH201",
    Kind.ARGUMENT: "FCH202",
    Kind.DEFAULT: "FCH203",
    Kind.MAPPING: "FCH204",
    Kind.FALLBACK: "FCH205",
    Kind.COMPARISON: "FCH206",
}


def _credential_names(candidate: Candidate, ctx: RuleContext):
    yield credential_name(candidate.name, ctx.vocab)
    if candidate.kind is Kind.FALLBACK:  # token = os.getenv("X", "…"): the variable counts too
        yield credential_name(candidate.target, ctx.vocab)


def credential_rule(candidate: Candidate, ctx: RuleContext) -> Finding | None:
    code = CODE_OF_KIND.get(candidate.kind)
    if code is None:
        return None
    if candidate.is_fstring and "{}" in candidate.value:
        return None  # built from expressions at run time
    for name in _credential_names(candidate, ctx):
        if name is None:
            continue
        secret = secret_in(candidate.value, name, strict=candidate.kind is Kind.COMPARISON, vocab=ctx.vocab)
        if secret is not None:
            return make_finding(code, candidate, (secret.start, secret.end), candidate.name)
    return None
