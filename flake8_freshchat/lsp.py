"""`freshchat-secrets lsp`: a language server on stdio, a thin shell over the CLI's functions.

Diagnostics come from the engine (as `check` gives them), quick fixes from the fixer (as
`fix` makes them): one `quickfix` per fixable diagnostic whose edit is exactly the fixer's
change for that finding, import included, and `source.fixAll.freshchat` for the file.
Linting on change is debounced per document; open and save lint at once.
"""
from __future__ import annotations

import asyncio
import difflib
import logging
import os
from collections.abc import Sequence
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from . import __version__
from .cli.config import ConfigError, load_settings
from .codemod import fix_source
from .engine import RULES_BY_CODE, Finding, Options, SourceError, analyze_source

SOURCE = "freshchat-secrets"
FIX_ALL = "source.fixAll.freshchat"
DEBOUNCE_SECONDS = float(os.environ.get("FRESHCHAT_SECRETS_LSP_DEBOUNCE", "0.3"))
_SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning}

log = logging.getLogger(__name__)


def diagnostic(finding: Finding, lines: Sequence[str], codec) -> types.Diagnostic:
    """A finding as an LSP diagnostic; engine columns are code points, the client's are
    UTF-16 units unless it negotiated otherwise (the codec converts)."""
    rule = RULES_BY_CODE[finding.code]
    server_range = types.Range(types.Position(finding.line - 1, finding.col),
                               types.Position(finding.end_line - 1, finding.end_col))
    return types.Diagnostic(
        range=codec.range_to_client_units(lines, server_range),
        message=finding.message,
        severity=_SEVERITY[rule.severity],
        code=finding.code,
        code_description=types.CodeDescription(href=rule.docs_url),
        source=SOURCE,
        data={"fixable": finding.fixable, "symbol": rule.symbol},
    )


def line_edits(before: str, after: str) -> list[types.TextEdit]:
    """The smallest whole-line edits that turn `before` into `after`."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    edits = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag != "equal":
            edits.append(types.TextEdit(
                range=types.Range(types.Position(i1, 0), types.Position(i2, 0)),
                new_text="".join(new[j1:j2])))
    return edits


class FreshchatLanguageServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(SOURCE, f"v{__version__}")
        self.options = Options()
        self._pending: dict[str, asyncio.Task] = {}

    def findings(self, text: str) -> list[Finding] | None:
        try:
            return analyze_source(text, self.options)
        except SourceError:
            return None  # mid-edit: keep the last diagnostics until the text parses again

    def lint(self, uri: str) -> None:
        document = self.workspace.get_text_document(uri)
        findings = self.findings(document.source)
        if findings is None:
            return
        codec = self.workspace.position_codec
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=document.version,
            diagnostics=[diagnostic(f, document.lines, codec) for f in findings]))

    def lint_later(self, uri: str) -> None:
        pending = self._pending.pop(uri, None)
        if pending is not None:
            pending.cancel()

        async def run() -> None:
            await asyncio.sleep(DEBOUNCE_SECONDS)
            self._pending.pop(uri, None)
            self.lint(uri)

        self._pending[uri] = asyncio.get_running_loop().create_task(run())


server = FreshchatLanguageServer()


@server.feature(types.INITIALIZE)
def initialize(ls: FreshchatLanguageServer, params: types.InitializeParams) -> None:
    root = None
    if params.workspace_folders:
        root = params.workspace_folders[0].uri
    elif params.root_uri:
        root = params.root_uri
    if root:
        try:
            ls.options = load_settings(None, start=unquote(urlparse(root).path)).options
        except ConfigError as exc:
            ls.window_show_message(types.ShowMessageParams(types.MessageType.Warning, str(exc)))


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: FreshchatLanguageServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.lint(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: FreshchatLanguageServer, params: types.DidSaveTextDocumentParams) -> None:
    ls.lint(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: FreshchatLanguageServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.lint_later(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: FreshchatLanguageServer, params: types.DidCloseTextDocumentParams) -> None:
    pending = ls._pending.pop(params.text_document.uri, None)
    if pending is not None:
        pending.cancel()
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
    code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL]))
def code_action(ls: FreshchatLanguageServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    document = ls.workspace.get_text_document(uri)
    text = document.source
    findings = ls.findings(text)
    if not findings:
        return []
    codec = ls.workspace.position_codec
    by_start = {(d.range.start.line, d.range.start.character, d.code): (f, d)
                for f in findings for d in [diagnostic(f, document.lines, codec)]}
    wanted = params.context.only
    actions = []
    if not wanted or types.CodeActionKind.QuickFix in wanted:
        for asked in params.context.diagnostics:
            if asked.source != SOURCE:
                continue
            match = by_start.get((asked.range.start.line, asked.range.start.character, asked.code))
            if match is None or not match[0].fixable:
                continue
            finding, current = match
            fixed = fix_source(text, ls.options, findings=[finding])
            if not fixed.changed:
                continue
            actions.append(types.CodeAction(
                title=f"Move {finding.code} value into os.environ[\"{fixed.report.moved[0].env_name}\"]"
                if fixed.report.moved else f"Fix {finding.code}",
                kind=types.CodeActionKind.QuickFix, diagnostics=[current], is_preferred=True,
                edit=types.WorkspaceEdit(changes={uri: line_edits(text, fixed.code)})))
    if not wanted or any(kind in (FIX_ALL, types.CodeActionKind.Source, "source.fixAll") for kind in wanted):
        fixable = [f for f in findings if f.fixable]
        if fixable:
            fixed = fix_source(text, ls.options, findings=findings)
            if fixed.changed:
                actions.append(types.CodeAction(
                    title="Move all hardcoded credentials into os.environ", kind=FIX_ALL,
                    edit=types.WorkspaceEdit(changes={uri: line_edits(text, fixed.code)})))
    return actions


def serve() -> int:
    server.start_io()
    return 0
