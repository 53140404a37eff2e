"""Jupyter notebooks (SPEC "Files a run covers"): code cells checked with IPython syntax set
aside, findings located by cell and line in every format, fixed into a valid notebook with
everything else unchanged."""
from __future__ import annotations

import json
import pathlib

import nbformat

from flake8_freshchat.notebook import PLACEHOLDER, read_notebook, set_aside

from .surfaces import PY, run
from .synthetic import hex_key

CLI = [PY, "-m", "flake8_freshchat"]
KEY = hex_key(41)


def _notebook(path: pathlib.Path, cells: list) -> pathlib.Path:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "language": "python", "display_name": "Python 3"}
    notebook.cells = cells
    nbformat.write(notebook, str(path))
    return path


def _demo(folder: pathlib.Path) -> pathlib.Path:
    """A markdown cell, magics and a shell escape, the secret, a bash cell, an output."""
    code = nbformat.v4.new_code_cell(f'x = 1\napi_key = "{KEY}"\nfiles = !ls', execution_count=3)
    code.outputs = [nbformat.v4.new_output("stream", name="stdout", text="done\n")]
    return _notebook(folder / "demo.ipynb", [
        nbformat.v4.new_markdown_cell("# Setup ünïcode"),
        nbformat.v4.new_code_cell("%matplotlib inline\nimport os\n!pip install requests"),
        code,
        nbformat.v4.new_code_cell("%%bash\necho password=Sup3rS3cret99"),
    ])


def test_ipython_syntax_is_set_aside_line_for_line():
    cell = "%time x = 1\nif x:\n    !echo hi \\\n  more\nprint(x)\nhelp?"
    assert set_aside(cell) == (f"{PLACEHOLDER}\nif x:\n    {PLACEHOLDER}\n    {PLACEHOLDER}\nprint(x)\n"
                               f"{PLACEHOLDER}")
    assert set_aside("%%bash\necho hi") is None
    assert set_aside("%%timeit\nsum(range(9))") == f"{PLACEHOLDER}\nsum(range(9))"


def test_a_secret_is_located_by_cell_and_line_in_every_format(tmp_path: pathlib.Path):
    _demo(tmp_path)
    text = run([*CLI, "check", "."], cwd=str(tmp_path))
    assert text.returncode == 1, text.stderr
    assert text.stdout == (f"./demo.ipynb:cell 3:2:11: FCH201 hardcoded secret '{KEY[:4]}…' (32 chars) assigned "
                           f"to 'api_key'; read it from os.environ[\"API_KEY\"]\n")
    as_json = json.loads(run([*CLI, "check", "--format", "json", "demo.ipynb"], cwd=str(tmp_path)).stdout)
    assert [(f["path"], f["cell"], f["line"], f["column"], f["code"]) for f in as_json["findings"]] == [
        ("demo.ipynb", 3, 2, 11, "FCH201")]
    sarif = json.loads(run([*CLI, "check", "--format", "sarif", "demo.ipynb"], cwd=str(tmp_path)).stdout)
    (result,) = sarif["runs"][0]["results"]
    (location,) = result["locations"]
    assert result["properties"] == {"cell": 3}
    assert location["logicalLocations"] == [{"name": "cell 3", "kind": "notebookCell"}]
    assert location["physicalLocation"]["region"] == {"startLine": 2, "startColumn": 11, "endLine": 2,
                                                      "endColumn": 45}


def test_fix_rewrites_the_cell_and_keeps_the_notebook_valid(tmp_path: pathlib.Path):
    path = _demo(tmp_path)
    before = json.loads(path.read_text(encoding="utf-8"))
    proc = run([*CLI, "fix", "demo.ipynb"], cwd=str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    nbformat.validate(nbformat.read(str(path), as_version=4))  # raises if invalid
    after = json.loads(path.read_text(encoding="utf-8"))
    assert after["cells"][2]["source"] == ["x = 1\n", 'api_key = os.environ["API_KEY"]\n', "files = !ls"]
    # `import os` stands in cell 2 already: nothing is added
    for index in (0, 1, 3):
        assert after["cells"][index] == before["cells"][index]
    assert after["cells"][2]["outputs"] == before["cells"][2]["outputs"]
    assert {k: v for k, v in after.items() if k != "cells"} == {k: v for k, v in before.items() if k != "cells"}
    assert (tmp_path / ".env").read_text() == f"API_KEY='{KEY}'\n"
    # the layout is Jupyter's own: the only changed line is the one that held the secret
    old_lines = json.dumps(before, indent=1, sort_keys=True, ensure_ascii=False).splitlines()
    new_lines = path.read_text(encoding="utf-8").splitlines()
    assert [(a, b) for a, b in zip(old_lines, new_lines) if a != b] == [
        (f'    "api_key = \\"{KEY}\\"\\n",', '    "api_key = os.environ[\\"API_KEY\\"]\\n",')]
    again = run([*CLI, "fix", "demo.ipynb"], cwd=str(tmp_path))
    assert again.returncode == 0 and path.read_text(encoding="utf-8") == "\n".join(new_lines) + "\n"


def test_fix_adds_import_os_to_the_first_code_cell(tmp_path: pathlib.Path):
    path = _notebook(tmp_path / "n.ipynb", [
        nbformat.v4.new_code_cell("%load_ext autoreload"),
        nbformat.v4.new_code_cell(f'password = "{KEY}"'),
    ])
    proc = run([*CLI, "fix", "--env-file", "secrets.env", "n.ipynb"], cwd=str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    cells = [cell["source"] for cell in json.loads(path.read_text())["cells"]]
    assert cells == [["import os\n", "\n", "%load_ext autoreload"], ['password = os.environ["PASSWORD"]']]
    nbformat.validate(nbformat.read(str(path), as_version=4))


def test_a_notebook_laid_out_unlike_json_dumps_is_left_untouched(tmp_path: pathlib.Path):
    path = tmp_path / "odd.ipynb"
    document = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(f'token = "{KEY}"')])
    original = json.dumps(document, indent=3).replace("\n", "\n\n")  # valid JSON, no dumps layout
    path.write_text(original)
    proc = run([*CLI, "fix", "odd.ipynb"], cwd=str(tmp_path))
    assert proc.returncode == 1
    assert "odd.ipynb: left untouched: its JSON layout cannot be reproduced" in proc.stderr
    assert path.read_text() == original and not (tmp_path / ".env").exists()


def test_unparsable_cells_and_broken_notebooks_are_reported_and_the_rest_checked(tmp_path: pathlib.Path):
    _notebook(tmp_path / "half.ipynb", [
        nbformat.v4.new_code_cell("def broken(:\n    pass"),
        nbformat.v4.new_code_cell(f'secret = "{KEY}"'),
    ])
    (tmp_path / "junk.ipynb").write_text("{not json")
    proc = run([*CLI, "check", "--format", "json", "."], cwd=str(tmp_path))
    assert proc.returncode == 2
    report = json.loads(proc.stdout)
    assert [(f["path"], f["cell"], f["line"]) for f in report["findings"]] == [("./half.ipynb", 2, 1)]
    assert report["errors"] == [
        {"path": "./half.ipynb", "message": "cell 1: cannot parse: invalid syntax at line 1"},
        {"path": "./junk.ipynb", "message": "not a notebook: invalid JSON (JSONDecodeError)"},
    ]
    assert "Traceback" not in proc.stderr


def test_a_notebook_of_another_language_is_not_python():
    document = {"cells": [{"cell_type": "code", "source": 'password = "x9!Kq2#mZ"', "metadata": {},
                           "outputs": [], "execution_count": None}],
                "metadata": {"kernelspec": {"language": "R", "name": "ir"}}, "nbformat": 4, "nbformat_minor": 5}
    assert read_notebook(json.dumps(document)).cells == ()
