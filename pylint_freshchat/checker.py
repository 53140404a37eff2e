"""The pylint adapter: a raw-file checker that runs the engine over the module's source.

It neither walks astroid nodes nor triggers inference: the engine reads the source with
`ast`, only when the cheap line scan finds a candidate, so the cost beside astroid's own
parse is small. Messages, symbols and ids all come from the rule registry.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pylint.checkers import BaseRawFileChecker

from flake8_freshchat.engine import RULES, RULES_BY_CODE, Options, SourceError, analyze_bytes, analyze_source
from flake8_freshchat.engine.options import ALL_SUPPRESSIONS, cached_options

if TYPE_CHECKING:
    from astroid import nodes

# The engine applies every suppression as every other surface does, `# pylint: disable`
# included (as pylint scopes it, and on the last line of a literal spanning lines too);
# pylint's own handling then finds nothing more to drop.
_SUPPRESSIONS = ALL_SUPPRESSIONS

MSGS: dict[str, tuple[str, str, str]] = {
    rule.pylint_id: ("%s", rule.symbol, f"{rule.title[0].upper()}{rule.title[1:]} ({rule.code}). "
                                        f"See `freshchat-secrets explain {rule.code}`.")
    for rule in RULES
}


class FreshchatChecker(BaseRawFileChecker):
    """Hardcoded Freshchat and other credentials (flake8-freshchat)."""

    name = "freshchat"
    msgs = MSGS
    options = (
        ("freshchat-extra-words", {
            "type": "csv", "default": (), "metavar": "<words>",
            "help": "Extra credential nouns, e.g. pin,otp."}),
        ("freshchat-remove-words", {
            "type": "csv", "default": (), "metavar": "<words>",
            "help": "Credential nouns to stop treating as such, e.g. jwt."}),
        ("freshchat-ignore-names", {
            "type": "csv", "default": (), "metavar": "<patterns>",
            "help": "Names never treated as credential names; shell-style patterns, "
                    "case-insensitive, e.g. test_*,FAKE_TOKEN."}),
        ("freshchat-allow-values", {
            "type": "csv", "default": (), "metavar": "<values>",
            "help": "Values never treated as secrets: public keys of test services, published "
                    "examples (a list of published ones is built in)."}),
    )

    def __init__(self, linter: Any) -> None:
        super().__init__(linter)
        self._engine_options = Options()

    def open(self) -> None:
        """Parse the options once per run (and once per worker under `pylint -j`)."""
        config = self.linter.config
        self._engine_options = cached_options(
            tuple(config.freshchat_extra_words), tuple(config.freshchat_remove_words),
            tuple(config.freshchat_ignore_names), _SUPPRESSIONS, tuple(config.freshchat_allow_values))

    def process_module(self, node: "nodes.Module") -> None:
        try:
            if node.file_bytes is not None:  # built from a string: astroid holds it as UTF-8
                data = node.file_bytes
                source = data.decode("utf-8") if isinstance(data, bytes) else data
                findings = analyze_source(source, self._engine_options, parse_errors=False)
            else:
                with node.stream() as stream:
                    data = stream.read()
                findings = analyze_bytes(data, self._engine_options, parse_errors=False)
        except (SourceError, OSError):
            return  # pylint reports unreadable and unparsable modules itself
        for finding in findings:
            self.add_message(
                RULES_BY_CODE[finding.code].symbol, line=finding.line, col_offset=finding.col,
                end_lineno=finding.end_line, end_col_offset=finding.end_col, args=(finding.message,),
            )
