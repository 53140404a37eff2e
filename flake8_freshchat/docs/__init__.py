"""Rule documentation, one ruff-style page per code, shipped with the package."""
from __future__ import annotations

from importlib import resources

from ..engine.registry import RULES_BY_CODE, RULES_BY_SYMBOL


def explain_text(code_or_symbol: str) -> str | None:
    """The page for a code (FCH101) or pylint symbol; None for an unknown one."""
    key = code_or_symbol.strip()
    rule = RULES_BY_CODE.get(key.upper()) or RULES_BY_SYMBOL.get(key.lower())
    if rule is None:
        return None
    return resources.files(__package__).joinpath(f"{rule.code}.md").read_text(encoding="utf-8")
