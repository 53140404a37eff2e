"""FCH101: a Freshchat API token anywhere: string, bytes, f-string part, docstring, comment."""
from __future__ import annotations

from ..model import Candidate, Finding, Kind
from ..tokens import find_jwts, token_facts
from .base import RuleContext, make_finding


def freshchat_token(candidate: Candidate, ctx: RuleContext) -> Finding | None:
    jwts = find_jwts(candidate.value)  # cheap: returns at once without "eyJ"
    if not jwts:
        return None
    chosen = next((jwt for jwt in jwts if jwt.is_freshchat), None)
    if chosen is None and ctx.is_freshchat(candidate):
        chosen = jwts[0]  # any JWT in a Freshchat context is Freshchat's
    if chosen is None:
        return None
    name = candidate.name if candidate.kind is not Kind.COMMENT else None
    facts = token_facts(chosen.header, chosen.payload)
    detail = f" valid until {facts.expires_at[:10]}" if facts.expires_at else ""
    return make_finding("FCH101", candidate, (chosen.start, chosen.end), name, detail=detail, token=facts)
