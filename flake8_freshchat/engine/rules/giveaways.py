"""FCH301-FCH303: values that give themselves away under any name, where no credential
name or position claimed them first (SPEC precedence: FCH1xx, FCH2xx, then FCH3xx).
Each moves the whole literal."""
from __future__ import annotations

import re

from .. import formats
from ..model import Candidate, Finding, Kind
from ..values import judge, url_secret
from .base import RuleContext, make_finding

#: Documentation is not code: keys, tokens and URLs in docstrings are examples (Twilio's
#: API docs show truncated PEM keys); only a Freshchat token is reported there (FCH101).
_NOT_CODE = frozenset({Kind.COMMENT, Kind.DOCSTRING})


def _whole(candidate: Candidate) -> tuple[int, int]:
    return 0, len(candidate.value)


def private_key(candidate: Candidate, ctx: RuleContext) -> Finding | None:
    """FCH301: a PEM or PGP private key with a body, in any string of the code."""
    if candidate.kind in _NOT_CODE or not formats.has_private_key(candidate.value):
        return None
    return make_finding("FCH301", candidate, _whole(candidate), candidate.name,
                        "PRIVATE_KEY")


def vendor_token(candidate: Candidate, ctx: RuleContext) -> Finding | None:
    """FCH302: a literal that is wholly a token in a published vendor format."""
    if candidate.kind in _NOT_CODE or candidate.is_fstring:
        return None
    text = candidate.value.strip()
    vendor = formats.vendor_of(text)
    if vendor is None or judge(text, allowed=ctx.allowed, vocab=ctx.vocab) is None:
        return None
    return make_finding("FCH302", candidate, _whole(candidate), candidate.name,
                        vendor.variable, detail=vendor.name)


_SCHEME_WORD = re.compile(r"[A-Za-z0-9]+")


def url_credential(candidate: Candidate, ctx: RuleContext) -> Finding | None:
    """FCH303: a URL with a password in its user-info, or a connection string with a
    password-type key, the password judged by the secret rules."""
    if candidate.kind in _NOT_CODE or candidate.is_fstring:
        return None
    text = candidate.value.strip()
    url = formats.url_password(text)
    if url is not None:
        if any(ch.isspace() for ch in text) or not url_secret(url, ctx.allowed, ctx.vocab):
            return None
        scheme = _SCHEME_WORD.match(url.scheme)
        default = f"{scheme.group().upper()}_URL" if scheme else "DATABASE_URL"
        return make_finding("FCH303", candidate, _whole(candidate), candidate.name,
                            default, detail="URL")
    dsn = formats.dsn_password(text)
    if dsn is None:
        return None
    password_type = dsn.key in ("password", "pwd")
    if judge(dsn.password, password_type, ctx.allowed, ctx.vocab) is None:
        return None
    default = "AZURE_STORAGE_CONNECTION_STRING" if dsn.key == "accountkey" else (
        "CONNECTION_STRING" if dsn.key == "sharedaccesskey" else "DATABASE_DSN")
    return make_finding("FCH303", candidate, _whole(candidate), candidate.name,
                        default, detail="connection string")
