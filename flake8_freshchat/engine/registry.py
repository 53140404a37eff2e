"""The rule registry: the one table every front end formats from.

Each row gives a code its pylint symbol and message id, its message template and
whether the fixer can rewrite it. The flake8 plugin, the pylint checker, the CLI,
SARIF output and the language server all read this table; nothing else spells a
symbol or a template.
"""
from __future__ import annotations

from typing import NamedTuple

#: pylint checker id: ids 51-99 are reserved for plugins; this block is ours.
PYLINT_BLOCK = "71"
DOCS_URL = "https://github.com/flake8-freshchat/flake8-freshchat/blob/main/flake8_freshchat/docs/{code}.md"


class Rule(NamedTuple):
    code: str
    symbol: str
    pylint_id: str
    title: str
    #: str.format template; fields: preview, name, env, detail (what the value is, e.g. the vendor).
    template: str
    fixable: bool
    #: "error" or "warning", used by pylint ids, SARIF levels and LSP severities.
    severity: str

    @property
    def docs_url(self) -> str:
        return DOCS_URL.format(code=self.code)


RULES: tuple[Rule, ...] = (
    Rule("FCH101", "hardcoded-freshchat-token", f"E{PYLINT_BLOCK}01",
         "Freshchat API token in source",
         'Freshchat API token {preview}{detail} is hardcoded; read it from os.environ["{env}"] and rotate it',
         True, "error"),
    Rule("FCH102", "hardcoded-freshchat-app-key", f"W{PYLINT_BLOCK}02",
         "Freshchat app key or widget token in source",
         "Freshchat app key {preview} is hardcoded in '{name}'; read it from os.environ[\"{env}\"]",
         True, "warning"),
    Rule("FCH201", "hardcoded-credential-assignment", f"W{PYLINT_BLOCK}21",
         "credential assigned a hardcoded secret",
         "hardcoded secret {preview} assigned to '{name}'; read it from os.environ[\"{env}\"]",
         True, "warning"),
    Rule("FCH202", "hardcoded-credential-argument", f"W{PYLINT_BLOCK}22",
         "credential argument passed a hardcoded secret",
         "hardcoded secret {preview} passed as argument '{name}'; read it from os.environ[\"{env}\"]",
         True, "warning"),
    Rule("FCH203", "hardcoded-credential-default", f"W{PYLINT_BLOCK}23",
         "credential parameter with a hardcoded default",
         "hardcoded secret {preview} is the default of parameter '{name}'; "
         "default to os.environ.get(\"{env}\")",
         True, "warning"),
    Rule("FCH204", "hardcoded-credential-mapping", f"W{PYLINT_BLOCK}24",
         "hardcoded secret under a credential key",
         "hardcoded secret {preview} under key '{name}'; read it from os.environ[\"{env}\"]",
         True, "warning"),
    Rule("FCH205", "hardcoded-credential-fallback", f"W{PYLINT_BLOCK}25",
         "hardcoded secret as an environment fallback",
         "hardcoded secret {preview} is the fallback of environment variable '{name}'; "
         "remove the fallback and set {env} in the environment",
         True, "warning"),
    Rule("FCH206", "hardcoded-credential-comparison", f"W{PYLINT_BLOCK}26",
         "credential compared with a hardcoded secret",
         "'{name}' is compared with hardcoded secret {preview}; "
         "compare with a value read from the environment, using hmac.compare_digest",
         False, "warning"),
    Rule("FCH301", "hardcoded-private-key", f"E{PYLINT_BLOCK}31",
         "private key in source",
         "private key {preview} is hardcoded; read it from os.environ[\"{env}\"] and rotate it",
         True, "error"),
    Rule("FCH302", "hardcoded-vendor-token", f"E{PYLINT_BLOCK}32",
         "vendor token in source",
         "{detail} token {preview} is hardcoded; read it from os.environ[\"{env}\"] and rotate it",
         True, "error"),
    Rule("FCH303", "hardcoded-url-credential", f"W{PYLINT_BLOCK}33",
         "password in a URL or connection string",
         "{detail} {preview} holds a hardcoded password; read the whole of it from os.environ[\"{env}\"]",
         True, "warning"),
)

RULES_BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}
RULES_BY_SYMBOL: dict[str, Rule] = {rule.symbol: rule for rule in RULES}
