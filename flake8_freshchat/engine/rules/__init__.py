"""Rules: small pure functions from a candidate to a finding or None.

`RULES_IN_ORDER` runs the most specific first: a Freshchat credential is FCH1xx
wherever it stands, a secret under a credential name or position FCH2xx, and only then
a value that gives itself away under any name FCH3xx; a literal yields at most one finding.
"""
from __future__ import annotations

from .base import RuleContext, RuleFunction
from .credential import credential_rule
from .freshchat_app_key import freshchat_app_key
from .freshchat_token import freshchat_token
from .giveaways import private_key, url_credential, vendor_token

RULES_IN_ORDER: tuple[RuleFunction, ...] = (
    freshchat_token, freshchat_app_key, credential_rule, private_key, vendor_token, url_credential,
)

__all__ = ["RULES_IN_ORDER", "RuleContext", "RuleFunction"]
