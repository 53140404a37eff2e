"""JWT shapes and Freshchat API token recognition, by decoding header and payload.

Every regex here is linear on any input: character classes never overlap a following
literal, and a JWT match may only start where no token character precedes it, so a
run of `eyJeyJeyJ…` is scanned once, not once per position.
"""
from __future__ import annotations

import base64
import binascii
import functools
import json
import re
from typing import NamedTuple

JWT_MARK = "eyJ"
#: header.payload.signature; header and payload are base64url of a JSON object (`{"` -> eyJ).
JWT_RE = re.compile(r"(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*")
#: Keycloak issuers of the legacy Freshchat tokens: internal-fc-<region>-00-[alb-]keycloak-oauth-<n>.
_LEGACY_ISSUER = re.compile(r"^https?://internal-fc-[a-z0-9]{1,12}-[0-9]{1,4}-(?:[a-z]{1,8}-)?keycloak")
_CURRENT_KID = "custom-oauth-keyid"
#: Freshchat permission families; a scope naming several of them is Freshchat's.
_FRESHCHAT_SCOPES = ("agent:", "conversation:", "message:", "dashboard:read", "reports:", "user:")
#: Decoding more than this is never needed to read a token's claims.
_MAX_PART = 16_384


class Jwt(NamedTuple):
    start: int
    end: int
    header: dict
    payload: dict | None

    @property
    def is_freshchat(self) -> bool:
        return is_freshchat_claims(self.header, self.payload)


def _decode_part(part: str) -> dict | None:
    if len(part) > _MAX_PART:
        return None
    try:
        raw = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
        value = json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError, RecursionError):
        return None
    return value if isinstance(value, dict) else None


@functools.lru_cache(maxsize=1024)
def _decode(token: str) -> tuple[dict | None, dict | None]:
    header_b64, payload_b64, _ = token.split(".", 2)
    return _decode_part(header_b64), _decode_part(payload_b64)


def find_jwts(text: str) -> list[Jwt]:
    """Every JWT in `text` whose header decodes to a JOSE header (it has `alg`)."""
    if JWT_MARK not in text:
        return []
    found = []
    for match in JWT_RE.finditer(text):
        header, payload = _decode(match.group())
        if header is not None and "alg" in header:
            found.append(Jwt(match.start(), match.end(), header, payload))
    return found


def is_jwt(text: str) -> bool:
    """The whole of `text` is one JWT."""
    jwts = find_jwts(text) if text.startswith(JWT_MARK) else []
    return bool(jwts) and jwts[0].start == 0 and jwts[0].end == len(text)


_LEGACY_REGION = re.compile(r"^https?://internal-fc-([a-z0-9]{1,12})-[0-9]{1,4}-(?:[a-z]{1,8}-)?keycloak[^.]*\.([a-z0-9-]{1,30})\.")


class TokenFacts(NamedTuple):
    """What decoding a Freshchat API token tells, without any network call; nothing secret
    (the clientId is masked as a secret is)."""

    generation: str            # "current" (HS256, 2022 on), "legacy" (Keycloak RS256, 2020-21), "unknown"
    issued_at: str | None      # ISO 8601 UTC
    expires_at: str | None
    region: str | None         # legacy tokens: the Freshchat data centre and its AWS region
    scopes: tuple[str, ...]
    client_id: str | None

    @property
    def expired(self) -> bool | None:
        """Whether the expiry has passed, now (not when the file was checked)."""
        if self.expires_at is None:
            return None
        import datetime

        return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ") >= self.expires_at

    def as_dict(self) -> dict:
        return {"generation": self.generation, "issued_at": self.issued_at, "expires_at": self.expires_at,
                "expired": self.expired, "region": self.region, "scopes": list(self.scopes),
                "client_id": self.client_id}


def _iso(seconds: object) -> str | None:
    if not isinstance(seconds, (int, float)) or isinstance(seconds, bool) or not 0 <= seconds < 253402300800:
        return None
    import datetime

    return datetime.datetime.fromtimestamp(int(seconds), datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def token_facts(header: dict, payload: dict | None) -> TokenFacts:
    payload = payload or {}
    iss = payload.get("iss")
    legacy = _LEGACY_REGION.match(iss) if isinstance(iss, str) else None
    if legacy is not None or (isinstance(iss, str) and _LEGACY_ISSUER.match(iss)):
        generation = "legacy"
    elif header.get("kid") == _CURRENT_KID or iss == "freshchat":
        generation = "current"
    else:
        generation = "unknown"
    scope = payload.get("scope")
    client = payload.get("clientId")
    from .messages import masked

    return TokenFacts(
        generation=generation, issued_at=_iso(payload.get("iat")), expires_at=_iso(payload.get("exp")),
        region=f"{legacy.group(1)} ({legacy.group(2)})" if legacy else None,
        scopes=tuple(scope.split()) if isinstance(scope, str) else (),
        client_id=masked(client) if isinstance(client, str) and client else None,
    )


def is_freshchat_claims(header: dict, payload: dict | None) -> bool:
    """Freshchat's two token generations, told apart by their claims, not their length."""
    if not payload:
        return False
    iss, aud = payload.get("iss"), payload.get("aud")
    if iss == "freshchat" or aud == "freshchat" or (isinstance(aud, list) and "freshchat" in aud):
        return True
    client = payload.get("clientId")
    if header.get("kid") == _CURRENT_KID and isinstance(client, str) and client.startswith("fc-"):
        return True
    if isinstance(iss, str) and _LEGACY_ISSUER.match(iss):
        return True
    scope = payload.get("scope")
    if isinstance(scope, str) and payload.get("typ") == "Bearer":
        families = sum(1 for family in _FRESHCHAT_SCOPES if family in scope)
        return families >= 4
    return False
