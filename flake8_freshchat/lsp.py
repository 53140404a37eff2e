"""`freshchat-secrets lsp`: a language server on stdio, a thin shell over the CLI's functions.

Diagnostics come from the engine (as `check` gives them), quick fixes from the fixer (as
`fix` makes them): one `quickfix` per fixable diagnostic whose edit is exactly the fixer's
change for that finding, import included, and `source.fixAll.freshchat` for the file.
Linting on change is debounced per document; open and save lint at once.

A fix never drops a value: its workspace edit also creates the project's env file if need
be and appends the moved values to it. For a client that cannot create files, the action
is a command instead: the server stores the values (as `fix` does, under the lock) and
only then asks the client to apply the source edit. A diagnostic carries its finding's
position in `data`, so clients that echo a different column (UTF-8 bytes) still get fixes.
"""
from __future__ import annotations

import asyncio
import difflib
import logging
import os
import pathlib
from collections.abc import Sequence
from urllib.parse import unquote, urlparse

from libcst import ParserSyntaxError
from lsprotocol import types
from pygls.lsp.server import LanguageServer

from . import __version__, envfile
from .cli.baseline import Baseline, load as load_baseline
from .cli.config import ConfigError, load_settings
from .codemod import FixedSource, fix_source
from .engine import RULES_BY_CODE, Finding, Options, SourceError, analyze_source
from .engine.envnames import EnvNameAllocator
from .notebook import analyze_notebook, notebook_of_cells, restore_ipython, set_aside

SOURCE = "freshchat-secrets"
FIX_ALL = "source.fixAll.freshchat"
STORE_AND_FIX = "freshchat-secrets.storeAndFix"
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
        data={"fixable": finding.fixable, "symbol": rule.symbol, "line": finding.line, "col": finding.col},
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


#: Jupyter notebooks' Python cells (VS Code, JupyterLab's LSP): the client sends them as one
#: notebook document, whose cells the server checks together, as `check` does a .ipynb.
NOTEBOOK_SYNC = types.NotebookDocumentSyncOptions(notebook_selector=[
    types.NotebookDocumentFilterWithNotebook(notebook="jupyter-notebook",
                                             cells=[types.NotebookCellLanguage(language="python")])])


class FreshchatLanguageServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(SOURCE, f"v{__version__}", notebook_document_sync=NOTEBOOK_SYNC)
        self.options = Options()
        self.root: str | None = None
        #: The workspace setting `baseline`: findings it holds are not reported.
        self.baseline: Baseline | None = None
        self._pending: dict[str, asyncio.Task] = {}

    def findings(self, text: str, uri: str) -> list[Finding] | None:
        try:
            findings = analyze_source(text, self.options)
        except SourceError:
            python = set_aside(text)  # a notebook cell sent on its own: `%magic`, `!shell`
            try:
                findings = analyze_source(python, self.options) if python and python != text else None
            except SourceError:
                findings = None
            if findings is None:
                return None  # mid-edit: keep the last diagnostics until the text parses again
        return self._new(findings, uri)

    def _new(self, findings: list[Finding], uri: str) -> list[Finding]:
        if self.baseline is not None and findings:
            findings = list(self.baseline.new_findings(_path(uri), findings))
        return findings

    def lint_notebook(self, notebook_uri: str) -> None:
        """Diagnostics for every code cell of an open notebook, its cells checked together."""
        notebook = self.workspace.get_notebook_document(notebook_uri=notebook_uri)
        if notebook is None:
            return
        cells = [(number, cell.document) for number, cell in enumerate(notebook.cells, start=1)
                 if cell.kind == types.NotebookCellKind.Code]
        documents = {number: self.workspace.get_text_document(uri) for number, uri in cells}
        parsed = notebook_of_cells([(number, document.source) for number, document in documents.items()])
        found = self._new(analyze_notebook(parsed, self.options)[0], notebook_uri)
        codec = self.workspace.position_codec
        for number, uri in cells:
            document = documents[number]
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
                uri=uri, version=document.version,
                diagnostics=[diagnostic(f, document.lines, codec) for f in found if f.cell == number]))

    def configure(self, settings: object) -> None:
        """`{"baseline": FILE}`, bare or under "freshchatSecrets" / "freshchat-secrets", as
        initializationOptions or workspace settings; a relative FILE is the workspace root's."""
        if not isinstance(settings, dict):
            return
        settings = settings.get("freshchatSecrets", settings.get("freshchat-secrets", settings))
        if not isinstance(settings, dict) or "baseline" not in settings:
            return
        path = settings["baseline"]
        if not path:
            self.baseline = None
            return
        path = os.path.join(self.root or os.getcwd(), os.path.expanduser(str(path)))
        try:
            self.baseline = load_baseline(path)
        except ConfigError as exc:
            self.baseline = None
            self.window_show_message(types.ShowMessageParams(types.MessageType.Warning, str(exc)))

    def lint(self, uri: str) -> None:
        document = self.workspace.get_text_document(uri)
        findings = self.findings(document.source, uri)
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
        ls.root = _path(root)
        try:
            ls.options = load_settings(None, start=ls.root).options
        except ConfigError as exc:
            ls.window_show_message(types.ShowMessageParams(types.MessageType.Warning, str(exc)))
    ls.configure(params.initialization_options)


@server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
def did_change_configuration(ls: FreshchatLanguageServer, params: types.DidChangeConfigurationParams) -> None:
    ls.configure(params.settings)
    for uri in list(ls.workspace.notebook_documents):
        ls.lint_notebook(uri)
    for uri in list(ls.workspace.text_documents):
        if ls.workspace.get_notebook_document(cell_uri=uri) is None:  # a cell is linted with its notebook
            ls.lint(uri)


@server.feature(types.NOTEBOOK_DOCUMENT_DID_OPEN)
def notebook_did_open(ls: FreshchatLanguageServer, params: types.DidOpenNotebookDocumentParams) -> None:
    ls.lint_notebook(params.notebook_document.uri)


@server.feature(types.NOTEBOOK_DOCUMENT_DID_CHANGE)
def notebook_did_change(ls: FreshchatLanguageServer, params: types.DidChangeNotebookDocumentParams) -> None:
    ls.lint_notebook(params.notebook_document.uri)


@server.feature(types.NOTEBOOK_DOCUMENT_DID_SAVE)
def notebook_did_save(ls: FreshchatLanguageServer, params: types.DidSaveNotebookDocumentParams) -> None:
    ls.lint_notebook(params.notebook_document.uri)


@server.feature(types.NOTEBOOK_DOCUMENT_DID_CLOSE)
def notebook_did_close(ls: FreshchatLanguageServer, params: types.DidCloseNotebookDocumentParams) -> None:
    for cell in params.cell_text_documents:
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=cell.uri, diagnostics=[]))


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


def _path(uri: str) -> str:
    return unquote(urlparse(uri).path)


def _env_path(uri: str) -> str:
    return envfile.project_env_file(os.path.dirname(_path(uri)))


def _fix(ls: FreshchatLanguageServer, uri: str, text: str, findings: Sequence[Finding]) -> tuple[FixedSource, str, dict[str, str]]:
    """The fixer's output for `findings`, named against the env file as it stands."""
    env_path = _env_path(uri)
    try:
        existing = envfile.read(env_path)
    except envfile.EnvFileError:
        existing = {}
    fixed = _fix_text(text, ls.options, findings, EnvNameAllocator(existing))
    new = {m.env_name: m.value for m in fixed.report.moved if m.env_name not in existing}
    return fixed, env_path, new


def _fix_text(text: str, options: Options, findings: Sequence[Finding], allocator: EnvNameAllocator) -> FixedSource:
    """The fixer's output; a notebook cell's IPython lines are set aside and put back."""
    try:
        return fix_source(text, options, findings=findings, allocator=allocator)
    except ParserSyntaxError:  # parsed once: only a text LibCST refuses is looked at again
        python = set_aside(text)
        if not python or python == text:
            raise
    fixed = fix_source(python, options, findings=findings, allocator=allocator)
    return FixedSource(restore_ipython(text, python, fixed.code), fixed.report, fixed.changed)


def _env_lines(new: dict[str, str]) -> str:
    return "".join(f"{name}={envfile.quote(value)[0]}\n" for name, value in new.items())


def _can_create_files(ls: FreshchatLanguageServer) -> bool:
    capabilities = ls.client_capabilities
    edit = capabilities.workspace.workspace_edit if capabilities.workspace else None
    operations = (edit.resource_operations or []) if edit else []
    return bool(edit and edit.document_changes and types.ResourceOperationKind.Create in operations)


def _workspace_edit(uri: str, text: str, fixed: str, env_path: str, new: dict[str, str]) -> types.WorkspaceEdit:
    """The source edit, with the env file created (if missing) and the values appended."""
    changes: list = []
    if new:
        env_uri = pathlib.Path(env_path).as_uri()
        try:
            with open(env_path, encoding="utf-8") as handle:
                old = handle.read()
        except FileNotFoundError:
            old = ""
            changes.append(types.CreateFile(uri=env_uri, options=types.CreateFileOptions(ignore_if_exists=True)))
        lines = old.split("\n")
        end = types.Position(len(lines) - 1, len(lines[-1]))
        lead = "\n" if old and not old.endswith("\n") else ""
        changes.append(types.TextDocumentEdit(
            text_document=types.OptionalVersionedTextDocumentIdentifier(uri=env_uri, version=None),
            edits=[types.TextEdit(range=types.Range(end, end), new_text=lead + _env_lines(new))]))
    changes.append(types.TextDocumentEdit(
        text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=None),
        edits=line_edits(text, fixed)))
    return types.WorkspaceEdit(document_changes=changes)


def _action(ls: FreshchatLanguageServer, uri: str, text: str, title: str, kind: str,
            findings: Sequence[Finding], fixed: FixedSource, env_path: str, new: dict[str, str],
            diagnostics: list[types.Diagnostic] | None = None) -> types.CodeAction:
    if not new or _can_create_files(ls):
        edit = _workspace_edit(uri, text, fixed.code, env_path, new) if new else \
            types.WorkspaceEdit(changes={uri: line_edits(text, fixed.code)})
        return types.CodeAction(title=title, kind=kind, diagnostics=diagnostics, is_preferred=bool(diagnostics),
                                edit=edit)
    # The client cannot create the env file: the server stores the values, then edits the source.
    positions = [[f.line, f.col] for f in findings]
    return types.CodeAction(title=title, kind=kind, diagnostics=diagnostics, is_preferred=bool(diagnostics),
                            command=types.Command(title=title, command=STORE_AND_FIX, arguments=[uri, positions]))


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
    code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL]))
def code_action(ls: FreshchatLanguageServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    document = ls.workspace.get_text_document(uri)
    text = document.source
    findings = ls.findings(text, uri)
    if not findings:
        return []
    by_position = {(f.line, f.col, f.code): f for f in findings}
    codec = ls.workspace.position_codec
    wanted = params.context.only
    actions = []
    if not wanted or types.CodeActionKind.QuickFix in wanted:
        for asked in params.context.diagnostics:
            if asked.source != SOURCE or not isinstance(asked.data, dict):
                continue
            finding = by_position.get((asked.data.get("line"), asked.data.get("col"), asked.code))
            if finding is None or not finding.fixable:
                continue
            fixed, env_path, new = _fix(ls, uri, text, [finding])
            if not fixed.changed:
                continue
            title = (f"Move {finding.code} value into os.environ[\"{fixed.report.moved[0].env_name}\"]"
                     if fixed.report.moved else f"Fix {finding.code}")
            current = diagnostic(finding, document.lines, codec)
            actions.append(_action(ls, uri, text, title, types.CodeActionKind.QuickFix, [finding], fixed,
                                   env_path, new, [current]))
    if not wanted or any(kind in (FIX_ALL, types.CodeActionKind.Source, "source.fixAll") for kind in wanted):
        if any(f.fixable for f in findings):
            fixed, env_path, new = _fix(ls, uri, text, findings)
            if fixed.changed:
                actions.append(_action(ls, uri, text, "Move all hardcoded credentials into os.environ", FIX_ALL,
                                       findings, fixed, env_path, new))
    return actions


@server.command(STORE_AND_FIX)
async def store_and_fix(ls: FreshchatLanguageServer, uri: str, positions: list[list[int]]) -> None:
    """Store the values first (under the env file's lock), then apply the source edit."""
    document = ls.workspace.get_text_document(uri)
    text = document.source
    wanted = {tuple(p) for p in positions}
    findings = [f for f in ls.findings(text, uri) or [] if (f.line, f.col) in wanted and f.fixable]
    if not findings:
        return
    try:
        with envfile.EnvStore(_env_path(uri)) as store:
            fixed = _fix_text(text, ls.options, findings, EnvNameAllocator(store.existing))
            store.append((m.env_name, m.value) for m in fixed.report.moved if m.env_name not in store.existing)
    except envfile.EnvFileError as exc:
        ls.window_show_message(types.ShowMessageParams(types.MessageType.Error, f"{exc}; nothing was changed"))
        return
    await ls.workspace_apply_edit_async(types.ApplyWorkspaceEditParams(
        edit=types.WorkspaceEdit(changes={uri: line_edits(text, fixed.code)})))


def serve() -> int:
    server.start_io()
    return 0
