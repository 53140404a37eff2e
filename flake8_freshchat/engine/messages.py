"""Message text. A message shows at most the first four characters of a secret and its length."""
from __future__ import annotations

from .registry import RULES_BY_CODE

_MAX_NAME = 60


def masked(secret: str) -> str:
    """`eyJh…`: never the whole secret; fewer characters for short ones."""
    return secret[: min(4, len(secret) // 3)] + "…"


def preview(secret: str) -> str:
    """`'eyJh…' (1254 chars)`, as messages show a secret."""
    return f"'{masked(secret)}' ({len(secret)} chars)"


def _clip(name: str) -> str:
    return name if len(name) <= _MAX_NAME else name[: _MAX_NAME - 1] + "…"


def format_message(code: str, secret: str, name: str | None, env: str, detail: str = "") -> str:
    return RULES_BY_CODE[code].template.format(preview=preview(secret), name=_clip(name or ""), env=env,
                                               detail=detail)
