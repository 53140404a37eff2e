"""Output formats for `check`: text (flake8's), JSON and SARIF 2.1.0. None holds a secret."""
from __future__ import annotations

import json
import os
from collections.abc import Sequence

from .. import __version__
from ..engine import RULES, RULES_BY_CODE, Finding
from .files import FileResult

TOOL_NAME = "freshchat-secrets"
INFORMATION_URI = "https://github.com/flake8-freshchat/flake8-freshchat"


def print_file_errors(results: Sequence[FileResult]) -> list[FileResult]:
    """One line on stderr for each file that could not be read or parsed; those results."""
    import sys

    errors = [r for r in results if r.error]
    for result in errors:
        print(f"{result.path}: error: {result.error}", file=sys.stderr)
    return errors


def text_line(path: str, finding: Finding) -> str:
    """flake8's own layout: path:line:column: CODE message, the column counted from 1; in a
    notebook, ruff's: path:cell N:line:column: CODE message."""
    cell = "" if finding.cell is None else f"cell {finding.cell}:"
    return f"{path}:{cell}{finding.line}:{finding.col + 1}: {finding.code} {finding.message}"


def text(results: Sequence[FileResult]) -> str:
    out = [text_line(result.path, f) for result in results for f in result.findings]
    return "\n".join(out) + ("\n" if out else "")


def as_json(results: Sequence[FileResult]) -> str:
    findings = [
        {
            "path": r.path, "cell": f.cell, "line": f.line, "column": f.col + 1, "end_line": f.end_line,
            "end_column": f.end_col + 1, "code": f.code, "symbol": f.symbol, "message": f.message,
            "fixable": f.fixable, "env_name": f.env_name,
            **({"token": f.token.as_dict()} if f.token is not None else {}),
        }
        for r in results for f in r.findings
    ]
    errors = [{"path": r.path, "message": r.error} for r in results if r.error]
    return json.dumps({"version": __version__, "findings": findings, "errors": errors}, indent=2) + "\n"


def _uri(path: str) -> str:
    """A relative URI reference: `sp ace/my file.py` -> `sp%20ace/my%20file.py`."""
    from urllib.parse import quote

    return quote(path.replace(os.sep, "/").removeprefix("./"), safe="/")


def _sarif_result(path: str, finding: Finding, rule_index: int) -> dict:
    location: dict = {"physicalLocation": {
        "artifactLocation": {"uri": _uri(path)},
        "region": {"startLine": finding.line, "startColumn": finding.col + 1,
                   "endLine": finding.end_line, "endColumn": finding.end_col + 1},
    }}
    result = {
        "ruleId": finding.code, "ruleIndex": rule_index, "level": RULES_BY_CODE[finding.code].severity,
        "message": {"text": finding.message}, "locations": [location],
    }
    properties: dict = {}
    if finding.cell is not None:  # SARIF has no notebook cells: the region counts the cell's lines
        location["logicalLocations"] = [{"name": f"cell {finding.cell}", "kind": "notebookCell"}]
        properties["cell"] = finding.cell
    if finding.token is not None:
        properties["token"] = finding.token.as_dict()
    if properties:
        result["properties"] = properties
    return result


def sarif(results: Sequence[FileResult]) -> str:
    rule_index = {rule.code: i for i, rule in enumerate(RULES)}
    rules = [
        {
            "id": rule.code, "name": rule.symbol,
            "shortDescription": {"text": rule.title},
            "helpUri": rule.docs_url,
            "defaultConfiguration": {"level": rule.severity},
        }
        for rule in RULES
    ]
    sarif_results = [_sarif_result(r.path, f, rule_index[f.code]) for r in results for f in r.findings]
    notifications = [
        {"level": "error", "message": {"text": r.error},
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(r.path)}}}]}
        for r in results if r.error
    ]
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": TOOL_NAME, "version": __version__,
                                "informationUri": INFORMATION_URI, "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "results": sarif_results,
            "invocations": [{"executionSuccessful": not notifications,
                             "toolExecutionNotifications": notifications}],
        }],
    }
    return json.dumps(document, indent=2) + "\n"


FORMATS = {"text": text, "json": as_json, "sarif": sarif}
