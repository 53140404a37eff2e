"""Synthetic credentials for tests: generated, never real.

Freshchat-shaped tokens follow the two generations the spec describes; other values
are random strings in the shapes of common vendor keys.
"""
from __future__ import annotations

import base64
import json
import random
import string
import uuid

_ALPHABET = string.ascii_letters + string.digits + "-_"
CURRENT_SCOPE = ("agent:read agent:create conversation:create conversation:read message:create "
                 "message:get reports:read user:read user:create dashboard:read")


def b64(obj: object) -> str:
    raw = obj if isinstance(obj, bytes) else json.dumps(obj, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def rnd(n: int, seed: int, alphabet: str = _ALPHABET) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice(alphabet) for _ in range(n))


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def freshchat_token(seed: int = 1) -> str:
    """Current generation: HS256, kid custom-oauth-keyid, iss/aud freshchat."""
    rng = random.Random(seed)
    header = b'{"kid":"custom-oauth-keyid","typ":"JWT","alg":"HS256"}'
    iat = 1_650_000_000 + rng.randrange(10**8)
    payload = {"iss": "freshchat", "aud": "freshchat", "sub": _uuid(rng), "clientId": "fc-" + _uuid(rng),
               "scope": CURRENT_SCOPE, "typ": "Bearer", "exp": iat + 315_532_800, "iat": iat,
               "jti": _uuid(rng)}
    return f"{b64(header)}.{b64(payload)}.{rnd(43, seed)}"


def freshchat_legacy_token(seed: int = 1, region: str = "aps1", aws: str = "ap-south-1") -> str:
    """Legacy generation: RS256 from a Keycloak realm with an internal-fc-… issuer."""
    rng = random.Random(seed)
    header = ('{"alg":"RS256","typ" : "JWT","kid" : "%s"}' % rnd(43, seed + 1)).encode()
    client = _uuid(rng)
    payload = {"jti": _uuid(rng), "exp": 1_900_000_000, "nbf": 0, "iat": 1_584_640_000,
               "iss": f"http://internal-fc-{region}-00-keycloak-oauth-{rng.randrange(10**9, 10**10)}"
                      f".{aws}.elb.amazonaws.com/auth/realms/production",
               "aud": client, "sub": _uuid(rng), "typ": "Bearer", "azp": client,
               "scope": "agent:read message:create conversation:read", "clientId": client}
    return f"{b64(header)}.{b64(payload)}.{rnd(342, seed)}"


def other_jwt(seed: int = 1, iss: str = "https://acme.eu.auth0.com/") -> str:
    header = {"alg": "HS256", "typ": "JWT"}
    payload = {"sub": str(seed), "iss": iss, "iat": 1_700_000_000, "scope": "read:orders"}
    return f"{b64(header)}.{b64(payload)}.{rnd(43, seed)}"


def app_uuid(seed: int = 1) -> str:
    return _uuid(random.Random(seed))


def hex_key(seed: int = 1, n: int = 32) -> str:
    return rnd(n, seed, "0123456789abcdef")


def base62_key(seed: int = 1, n: int = 40) -> str:
    return rnd(n, seed, string.ascii_letters + string.digits)


_BASE62 = string.digits + string.ascii_uppercase + string.ascii_lowercase


def github_token(seed: int = 1, prefix: str = "ghp_") -> str:
    """A GitHub-format token with a valid CRC32 checksum (never issued: random)."""
    import binascii

    body = rnd(30, seed, string.ascii_letters + string.digits)
    value, digits = binascii.crc32(body.encode()), []
    for _ in range(6):
        value, digit = divmod(value, 62)
        digits.append(_BASE62[digit])
    return prefix + body + "".join(reversed(digits))


def vendor_tokens(seed: int = 1) -> dict[str, str]:
    """One synthetic token per vendor format of the spec."""
    b62 = string.ascii_letters + string.digits
    return {
        "Stripe": "sk_live_" + rnd(24, seed, b62),
        "Slack": f"xoxb-{rnd(11, seed, string.digits)}-{rnd(12, seed + 1, string.digits)}-{rnd(24, seed, b62)}",
        "AWS": "AKIA" + rnd(16, seed, string.ascii_uppercase + string.digits),
        "Google": "AIza" + rnd(35, seed, b62 + "-_"),
        "GitHub": github_token(seed),
        "GitLab": "glpat-" + rnd(20, seed, b62),
        "SendGrid": f"SG.{rnd(22, seed, b62)}.{rnd(43, seed + 1, b62)}",
        "Hugging Face": "hf_" + rnd(34, seed, string.ascii_letters),
        "OpenAI": "sk-proj-" + rnd(48, seed, b62),
        "Anthropic": "sk-ant-api03-" + rnd(93, seed, b62) + "AA",
        "npm": github_token(seed, "npm_"),
        "PyPI": "pypi-AgEIcHlwaS5vcmc" + rnd(60, seed, b62),
    }


def private_key_pem(seed: int = 1, kind: str = "RSA ") -> str:
    body = "\n".join(rnd(64, seed + i, string.ascii_letters + string.digits + "+/") for i in range(3))
    return f"-----BEGIN {kind}PRIVATE KEY-----\n{body}\n-----END {kind}PRIVATE KEY-----\n"
