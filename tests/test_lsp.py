"""The language server, started for real over stdio and driven by pytest-lsp's client."""
from __future__ import annotations

import asyncio
import pathlib
import sys

import pytest
import pytest_lsp
from dotenv import dotenv_values
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from flake8_freshchat.engine import analyze_source

from .conftest import CASES, case_files
from .markers import expected
from .surfaces import PY, run
from .synthetic import freshchat_token, hex_key, private_key_pem, vendor_tokens

SERVER = [sys.executable, "-m", "flake8_freshchat", "lsp"]


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER,
                                              server_env={"FRESHCHAT_SECRETS_LSP_DEBOUNCE": "0.05"}))
async def client(lsp_client: LanguageClient, tmp_path: pathlib.Path):
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"),
        workspace_folders=[types.WorkspaceFolder(uri=tmp_path.as_uri(), name="project")]))
    yield
    await lsp_client.shutdown_session()


async def _open(client: LanguageClient, path: pathlib.Path, text: str | None = None) -> str:
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(
        uri=uri, language_id="python", version=1, text=path.read_text() if text is None else text)))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return uri


def _apply_workspace_edit(edit: types.WorkspaceEdit) -> dict[str, str]:
    """Apply document_changes as an editor would, to the files on disk; their new texts."""
    from urllib.parse import unquote, urlparse

    texts = {}
    for change in edit.document_changes:
        if isinstance(change, types.CreateFile):
            path = pathlib.Path(unquote(urlparse(change.uri).path))
            if not path.exists():
                path.write_text("")
            continue
        path = pathlib.Path(unquote(urlparse(change.text_document.uri).path))
        text = path.read_text()
        for e in sorted(change.edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
            lines = text.split("\n")
            start = sum(len(line) + 1 for line in lines[:e.range.start.line]) + e.range.start.character
            end = sum(len(line) + 1 for line in lines[:e.range.end.line]) + e.range.end.character
            text = text[:start] + e.new_text + text[end:]
        path.write_text(text)
        texts[str(path)] = text
    return texts


def _apply(text: str, edits) -> str:
    lines = text.splitlines(keepends=True)
    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        assert edit.range.start.character == 0 and edit.range.end.character == 0  # whole-line edits
        lines[edit.range.start.line:edit.range.end.line] = edit.new_text.splitlines(keepends=True)
    return "".join(lines)


@pytest.mark.asyncio
async def test_diagnostics_on_open_match_every_case_file(client: LanguageClient):
    for path in case_files():
        uri = await _open(client, path)
        got = {(str(path), d.range.start.line + 1, d.code) for d in client.diagnostics[uri]}
        assert got == expected(path), path.name
        for d in client.diagnostics[uri]:
            assert d.source == "freshchat-secrets"
            assert d.code_description.href.endswith(f"/docs/{d.code}.md")
            assert d.severity == (types.DiagnosticSeverity.Error if d.code in ("FCH101", "FCH301", "FCH302")
                                  else types.DiagnosticSeverity.Warning)


@pytest.mark.asyncio
async def test_ranges_are_utf16_units(client: LanguageClient):
    path = CASES / "non_ascii.py"
    uri = await _open(client, path)
    text = path.read_text().splitlines()
    ranges = {d.range.start.line: d.range for d in client.diagnostics[uri]}
    line = text[2]  # émoji = "🔑"; api_key = "…": the key is a surrogate pair in UTF-16
    chars = line.index('"757')
    assert ranges[2].start.character == chars + 1  # one more unit than characters
    assert ranges[2].end.character == len(line[: line.index('"  #') + 1].encode("utf-16-le")) // 2
    assert ranges[1].start.character == text[1].index('"Tr0')  # é is one unit


@pytest.mark.asyncio
async def test_change_refreshes_diagnostics(client: LanguageClient, tmp_path: pathlib.Path):
    path = tmp_path / "app.py"
    path.write_text("x = 1\n")
    uri = await _open(client, path)
    assert list(client.diagnostics[uri]) == []
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=f'x = 1\napi_key = "{hex_key(1)}"\n')]))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert [(d.code, d.range.start.line, d.range.start.character) for d in client.diagnostics[uri]] == [
        ("FCH201", 1, 10)]


@pytest.mark.asyncio
async def test_quick_fix_removes_that_finding(client: LanguageClient, tmp_path: pathlib.Path):
    path = tmp_path / "app.py"
    text = f'import requests\n\nAPI_KEY = "{hex_key(2)}"\nconnect(password="Tr0ub4dor&3")\n'
    path.write_text(text)
    uri = await _open(client, path)
    target = next(d for d in client.diagnostics[uri] if d.code == "FCH201")
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri), range=target.range,
        context=types.CodeActionContext(diagnostics=[target], only=[types.CodeActionKind.QuickFix])))
    (action,) = actions
    assert action.kind == types.CodeActionKind.QuickFix
    texts = _apply_workspace_edit(action.edit)  # the env file is created and written, then the source
    fixed = texts[str(path)]
    assert fixed == ('import requests\nimport os\n\nAPI_KEY = os.environ["API_KEY"]\n'
                     'connect(password="Tr0ub4dor&3")\n')
    assert dotenv_values(tmp_path / ".env") == {"API_KEY": hex_key(2)}  # the value is kept
    proc = run([PY, "-m", "flake8", "--isolated", "--select", "FCH", "--stdin-display-name", "app.py", "-"],
               stdin=fixed)
    assert "FCH201" not in proc.stdout and ":5:18: FCH202" in proc.stdout


@pytest.mark.asyncio
async def test_quick_fix_on_a_non_ascii_line_whatever_column_the_client_echoes(client: LanguageClient,
                                                                              tmp_path: pathlib.Path):
    path = tmp_path / "app.py"
    text = f'données = {{"clé": "é", "api_key": "{hex_key(6)}"}}\n'
    path.write_text(text)
    uri = await _open(client, path)
    (target,) = client.diagnostics[uri]
    utf8 = len(text[:text.index('"' + hex_key(6))].encode())  # Neovim 0.7 sends UTF-8 byte columns
    echoed = types.Diagnostic(range=types.Range(types.Position(0, utf8), target.range.end), message=target.message,
                              code=target.code, source=target.source, data=target.data)
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri), range=echoed.range,
        context=types.CodeActionContext(diagnostics=[echoed], only=[types.CodeActionKind.QuickFix])))
    (action,) = actions
    texts = _apply_workspace_edit(action.edit)
    assert texts[str(path)] == 'import os\n\ndonnées = {"clé": "é", "api_key": os.environ["API_KEY"]}\n'
    assert dotenv_values(tmp_path / ".env") == {"API_KEY": hex_key(6)}


@pytest.mark.asyncio
async def test_fix_all(client: LanguageClient, tmp_path: pathlib.Path):
    path = tmp_path / "app.py"
    token = freshchat_token(3)
    text = (f'API = "https://a.freshchat.com"\nHEADERS = {{"Authorization": "Bearer {token}"}}\n'
            f'def f(password="Tr0ub4dor&3"):\n    return password == "{hex_key(4)}"\n')
    path.write_text(text)
    (tmp_path / ".env").write_text("EXISTING='kept'")  # no newline at the end: one is added
    uri = await _open(client, path)
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri),
        range=types.Range(types.Position(0, 0), types.Position(0, 0)),
        context=types.CodeActionContext(diagnostics=[], only=["source.fixAll.freshchat"])))
    (action,) = actions
    fixed = _apply_workspace_edit(action.edit)[str(path)]
    assert fixed == ('import os\n\nAPI = "https://a.freshchat.com"\n'
                     'HEADERS = {"Authorization": f"Bearer {os.environ[\'FRESHCHAT_API_TOKEN\']}"}\n'
                     'def f(password=os.environ.get("F_PASSWORD")):\n'
                     f'    return password == "{hex_key(4)}"\n')
    assert [f.code for f in analyze_source(fixed)] == ["FCH206"]
    assert dotenv_values(tmp_path / ".env") == {"EXISTING": "kept", "FRESHCHAT_API_TOKEN": token,
                                                "F_PASSWORD": "Tr0ub4dor&3"}


@pytest.mark.asyncio
async def test_the_baseline_setting_hides_known_findings(client: LanguageClient, tmp_path: pathlib.Path):
    path = tmp_path / "app.py"
    path.write_text(f'API_KEY = "{hex_key(7)}"\n')
    assert run([PY, "-m", "flake8_freshchat", "check", "--write-baseline", "known.json"],
               cwd=str(tmp_path)).returncode == 0
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
        settings={"freshchatSecrets": {"baseline": "known.json"}}))
    text = f'import os\n\nAPI_KEY = "{hex_key(7)}"\ntoken = "{hex_key(8)}"\n'
    uri = await _open(client, path, text)
    assert [(d.code, d.range.start.line) for d in client.diagnostics[uri]] == [("FCH201", 3)]


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER,
                                              server_env={"FRESHCHAT_SECRETS_LSP_DEBOUNCE": "0.05"}))
async def jupyter(lsp_client: LanguageClient, tmp_path: pathlib.Path):
    """VS Code with its notebook support: Python cells come as one notebook document."""
    import attrs

    capabilities = attrs.evolve(client_capabilities("visual-studio-code"),
                                notebook_document=types.NotebookDocumentClientCapabilities(
                                    synchronization=types.NotebookDocumentSyncClientCapabilities()))
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=capabilities, workspace_folders=[types.WorkspaceFolder(uri=tmp_path.as_uri(), name="project")]))
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_notebook_cells_are_checked_together_and_fixed_in_place(jupyter: LanguageClient, tmp_path: pathlib.Path):
    client = jupyter
    path = tmp_path / "demo.ipynb"
    texts = ["# Notes", "%matplotlib inline\nimport freshchat", f'x = 1\napi_key = "{hex_key(9)}"\nfiles = !ls',
             f'APP = "{freshchat_token(3)}"']
    uris = [f"vscode-notebook-cell:{path}#W{i}sZmlsZQ%3D%3D" for i in range(len(texts))]
    client.notebook_document_did_open(types.DidOpenNotebookDocumentParams(
        notebook_document=types.NotebookDocument(
            uri=path.as_uri(), notebook_type="jupyter-notebook", version=1,
            cells=[types.NotebookCell(kind=types.NotebookCellKind.Markup if i == 0 else types.NotebookCellKind.Code,
                                      document=uri) for i, uri in enumerate(uris)]),
        cell_text_documents=[types.TextDocumentItem(uri=uri, language_id="markdown" if i == 0 else "python",
                                                    version=1, text=text)
                             for i, (uri, text) in enumerate(zip(uris, texts))]))
    for _ in range(200):  # one publication per code cell, possibly read in one batch
        if all(uri in client.diagnostics for uri in uris[1:]):
            break
        await asyncio.sleep(0.05)
    found = {i: [(d.code, d.range.start.line, d.range.start.character) for d in client.diagnostics.get(uri, [])]
             for i, uri in enumerate(uris)}
    assert found == {0: [], 1: [], 2: [("FCH201", 1, 10)], 3: [("FCH101", 0, 6)]}
    assert " valid until 20" in client.diagnostics[uris[3]][0].message  # the token's expiry, from decoding
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uris[2]),
        range=client.diagnostics[uris[2]][0].range,
        context=types.CodeActionContext(diagnostics=client.diagnostics[uris[2]],
                                        only=[types.CodeActionKind.QuickFix])))
    (action,) = actions
    (env_create, env_edit, cell_edit) = action.edit.document_changes
    assert cell_edit.text_document.uri == uris[2]
    assert _apply(texts[2], cell_edit.edits) == 'import os\n\nx = 1\napi_key = os.environ["API_KEY"]\nfiles = !ls'
    assert env_edit.edits[0].new_text == f"API_KEY='{hex_key(9)}'\n"
    client.notebook_document_did_change(types.DidChangeNotebookDocumentParams(
        notebook_document=types.VersionedNotebookDocumentIdentifier(uri=path.as_uri(), version=2),
        change=types.NotebookDocumentChangeEvent(cells=types.NotebookDocumentCellChanges(text_content=[
            types.NotebookDocumentCellContentChanges(
                document=types.VersionedTextDocumentIdentifier(uri=uris[2], version=2),
                changes=[types.TextDocumentContentChangeWholeDocument(text="x = 1\nfiles = !ls")])]))))
    for _ in range(200):
        if not client.diagnostics[uris[2]]:
            break
        await asyncio.sleep(0.05)
    assert list(client.diagnostics[uris[2]]) == [] and len(client.diagnostics[uris[3]]) == 1


@pytest.mark.asyncio
async def test_messages_never_hold_a_secret(client: LanguageClient, tmp_path: pathlib.Path):
    pem = private_key_pem(4)
    secrets = [hex_key(5), freshchat_token(6), "Tr0ub4dor&3", pem.splitlines()[1], vendor_tokens(7)["Slack"],
               "Vq7pLw2rT9xZ"]
    path = tmp_path / "app.py"
    path.write_text(f'api_key = "{secrets[0]}"\n# {secrets[1]}\nDB_PASSWORD = "{secrets[2]}"\n'
                    f'SIGNER = {pem!r}\nBOT = "{secrets[4]}"\nDSN = "postgres://app:{secrets[5]}@db/app"\n')
    uri = await _open(client, path)
    assert [d.code for d in client.diagnostics[uri]] == ["FCH201", "FCH101", "FCH201", "FCH301", "FCH302", "FCH303"]
    shown = repr(client.diagnostics[uri]) + repr(client.log_messages) + repr(client.messages)
    assert not any(secret in shown for secret in secrets)


@pytest.mark.asyncio
async def test_large_file_stays_responsive(client: LanguageClient, tmp_path: pathlib.Path):
    path = tmp_path / "big.py"
    body = "".join(f"def f{i}(x):\n    return x + {i}\n" for i in range(5_000))
    path.write_text(body + f'api_key = "{hex_key(7)}"\n')  # 10,001 lines
    uri = await _open(client, path)
    assert [(d.code, d.range.start.line) for d in client.diagnostics[uri]] == [("FCH201", 10_000)]


@pytest.mark.asyncio
async def test_clean_shutdown_and_exit():
    from pygls.lsp.client import LanguageClient as PlainClient

    plain = PlainClient("test", "v1")
    await plain.start_io(*SERVER)
    await plain.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities()))
    plain.initialized(types.InitializedParams())
    await plain.shutdown_async(None)
    plain.exit(None)
    process = plain._server
    assert await process.wait() == 0
    stderr = (await process.stderr.read()).decode()
    assert "Traceback" not in stderr
    await plain.stop()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER,
                                              server_env={"FRESHCHAT_SECRETS_LSP_DEBOUNCE": "0.05"}))
async def neovim(lsp_client: LanguageClient, tmp_path: pathlib.Path):
    """Neovim 0.7: no resource operations in workspace edits, UTF-16 positions."""
    from typing import Union

    # lsprotocol decodes any code-action item with a `command` key as a bare Command; by the
    # spec a Command's `command` is a string and a CodeAction's an object, as editors read it.
    converter = lsp_client.protocol._converter
    converter.register_structure_hook(Union[types.Command, types.CodeAction], lambda obj, _: converter.structure(
        obj, types.Command if isinstance(obj.get("command"), str) else types.CodeAction))
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities("neovim@0.7.0"),
        workspace_folders=[types.WorkspaceFolder(uri=tmp_path.as_uri(), name="project")]))
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_a_client_that_cannot_create_files_gets_a_command_that_stores_first(neovim: LanguageClient,
                                                                                 tmp_path: pathlib.Path):
    applied: list[types.WorkspaceEdit] = []

    @neovim.feature(types.WORKSPACE_APPLY_EDIT)
    def apply_edit(params: types.ApplyWorkspaceEditParams) -> types.ApplyWorkspaceEditResult:
        assert dotenv_values(tmp_path / ".env") == {"API_KEY": hex_key(7)}  # stored before the edit comes
        applied.append(params.edit)
        return types.ApplyWorkspaceEditResult(applied=True)

    path = tmp_path / "app.py"
    text = f'API_KEY = "{hex_key(7)}"\n'
    path.write_text(text)
    uri = await _open(neovim, path)
    (target,) = neovim.diagnostics[uri]
    (action,) = await neovim.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri), range=target.range,
        context=types.CodeActionContext(diagnostics=[target], only=[types.CodeActionKind.QuickFix])))
    assert action.edit is None and action.command.command == "freshchat-secrets.storeAndFix"
    assert hex_key(7) not in repr(action)  # the command names the finding, never its value
    await neovim.workspace_execute_command_async(types.ExecuteCommandParams(
        command=action.command.command, arguments=action.command.arguments))
    (edit,) = applied
    assert _apply(text, edit.changes[uri]) == 'import os\n\nAPI_KEY = os.environ["API_KEY"]\n'
