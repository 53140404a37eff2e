"""Rules: small pure functions from a candidate to a finding or None.

`RULES_IN_ORDER` runs the most specific first: a Freshchat credential is FCH1xx
wherever it stands, and a literal yields at most one finding.
"""
from __future__ import annotations

from .base import RuleContext, RuleFunction
from .credential import credential_rule
from .freshchat_app_key import freshchat_app_key
from .freshchat_token import freshchat_token

RULES_IN_ORDER: tuple[RuleFunction, ...] = (freshchat_token, freshchat_app_key, credential_rule)

__all__ = ["RULES_IN_ORDER", "RuleContext", "RuleFunction"]
