"""FCH102: a UUID under a key, token or secret name in a Freshchat context."""
from __future__ import annotations

from ..model import Candidate, Finding
from ..names import credential_name
from ..values import secret_in
from .base import RuleContext, make_finding


def freshchat_app_key(candidate: Candidate, ctx: RuleContext) -> Finding | None:
    if candidate.is_fstring or "-" not in candidate.value:
        return None
    name = credential_name(candidate.name, ctx.vocab)
    if name is None or not name.is_key_like:
        return None
    secret = secret_in(candidate.value, name, allowed=ctx.allowed, vocab=ctx.vocab)
    if secret is None or secret.shape != "uuid" or not ctx.is_freshchat(candidate):
        return None
    return make_finding("FCH102", candidate, (secret.start, secret.end), candidate.name)
