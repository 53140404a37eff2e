"""Jupyter notebooks: their code cells as one Python source, positions mapped back to cells,
and a rewritten source put back into the notebook without touching anything else.

IPython's own syntax (`%magic`, `!shell`, `obj?`, `x = !cmd`) is set aside: each such line
becomes a `pass` statement at its indentation, so a cell parses and its line numbers stay;
a cell under a non-Python cell magic (`%%bash`, `%%html`) is left out whole. The code cells
are analysed together (an import in one cell is context for the next), one module.
"""
from __future__ import annotations

import ast
import functools
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .engine import DEFAULT_OPTIONS, Finding, Options, SourceError, analyze_source, prefilter_source

#: Cell magics whose body is Python.
PYTHON_CELL_MAGICS = frozenset({"time", "timeit", "capture", "prun", "debug", "pypy", "python", "python3"})
#: What a set-aside line becomes; restored after a fix by its position among these lines.
#: Its comment holds no word the prefilter looks for, so it never makes a line a candidate.
PLACEHOLDER = "pass  # IPython syntax, set aside"
_IPYTHON_LINE = re.compile(
    r"[ \t]*(?:[%!?]"                      # %magic, %%magic, !shell, ?help
    r"|[\w.]+\?\??[ \t]*$"                 # obj?  obj??
    r"|[\w.\[\], \t]+=[ \t]*[%!])"         # files = !ls   out = %env
)
_CELL_MARKER = "__freshchat_cell__ = {}\n"
_CELL_MARKER_LINE = re.compile(r"^__freshchat_cell__ = (\d+)\n", re.MULTILINE)


@dataclass(frozen=True)
class CodeCell:
    #: The cell's position in the notebook, markdown cells counted, from 1 (as editors show it).
    number: int
    #: The cell's text as stored.
    text: str
    #: The same text with IPython syntax set aside; None when the cell is not Python.
    python: str | None
    #: A reason when the cell is Python but cannot be parsed.
    error: str | None = None


@dataclass(frozen=True)
class Notebook:
    """A notebook's document and its code cells."""

    document: dict
    #: (cell number, text as stored) of each code cell of a Python notebook.
    code: tuple[tuple[int, str], ...]

    @functools.cached_property
    def cells(self) -> tuple[CodeCell, ...]:
        """The code cells, each parsed (with its IPython syntax set aside): only when asked."""
        return tuple(_code_cell(number, text) for number, text in self.code)

    def analysed(self) -> Iterator[CodeCell]:
        return (c for c in self.cells if c.python is not None and c.error is None)

    def source(self, marked: bool = False) -> tuple[str, list[tuple[int, int]]]:
        """The parsed cells as one source, and for each of its lines (cell number, line).
        `marked`: each cell after a marker statement (line 0), for a fix to rewrite them as
        one module and `fixed_cells` to split them again."""
        parts, where = [], []
        for cell in self.analysed():
            text = _with_newline(cell.python or "")
            if marked:
                parts.append(_CELL_MARKER.format(cell.number))
                where.append((cell.number, 0))
            parts.append(text)
            where += [(cell.number, n) for n in range(1, text.count("\n") + 1)]
        return "".join(parts), where


def _with_newline(text: str) -> str:
    return text if not text or text.endswith("\n") else text + "\n"


def _cell_text(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def _is_python(document: dict) -> bool:
    metadata = document.get("metadata") or {}
    language = (metadata.get("language_info") or {}).get("name") or (metadata.get("kernelspec") or {}).get("language")
    return language is None or str(language).lower() in ("python", "python3", "ipython", "ipython3")


def cell_error(text: str) -> str | None:
    """Why `text` does not parse as Python, or None."""
    try:
        ast.parse(text)
    except SyntaxError as exc:
        return f"cannot parse: {exc.msg}" + (f" at line {exc.lineno}" if exc.lineno else "")
    except (ValueError, RecursionError, MemoryError):
        return "cannot parse"
    return None


def set_aside(text: str) -> str | None:
    """The cell with IPython syntax replaced by placeholders; None for a non-Python cell magic."""
    lines = text.split("\n")
    first = lines[0].strip()
    if first.startswith("%%") and first[2:].split(" ", 1)[0] not in PYTHON_CELL_MAGICS:
        return None
    out, continued, indent = [], False, ""
    for line in lines:
        if continued or _IPYTHON_LINE.match(line):
            if not continued:
                indent = line[:len(line) - len(line.lstrip(" \t"))]
            out.append(indent + PLACEHOLDER)  # a continued line keeps the first one's indentation
            continued = line.rstrip().endswith("\\")
        else:
            out.append(line)
    return "\n".join(out)


def _code_cell(number: int, text: str) -> CodeCell:
    if cell_error(text) is None:  # plain Python, nothing to set aside
        return CodeCell(number, text, text)
    python = set_aside(text)
    if python is None:
        return CodeCell(number, text, None)
    return CodeCell(number, text, python, cell_error(python))


def read_notebook(data: bytes | str) -> Notebook:
    """The notebook's code cells; SourceError when it is not a notebook this tool can read."""
    try:
        document = json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise SourceError(f"not a notebook: invalid JSON ({type(exc).__name__})") from None
    if not isinstance(document, dict) or not isinstance(document.get("cells"), list):
        if isinstance(document, dict) and "worksheets" in document:
            raise SourceError("notebook format 3 is not supported: convert it with `jupyter nbconvert --to notebook`")
        raise SourceError("not a notebook: no list of cells")
    if not _is_python(document):
        return Notebook(document, ())
    return Notebook(document, tuple(
        (number, _cell_text(cell)) for number, cell in enumerate(document["cells"], start=1)
        if isinstance(cell, dict) and cell.get("cell_type") == "code"))


def notebook_of_cells(cells: Sequence[tuple[int, str]]) -> Notebook:
    """A notebook an editor holds open: (cell number, text) for each Python code cell."""
    return Notebook({}, tuple(cells))


def cell_errors(notebook: Notebook) -> list[str]:
    return [f"cell {c.number}: {c.error}" for c in notebook.cells if c.error is not None]


def fixed_cells(notebook: Notebook, fixed_source: str) -> dict[int, str]:
    """Cell number -> new text, for the cells a fix changed; IPython lines put back."""
    pieces = _CELL_MARKER_LINE.split(fixed_source)
    head, numbered = pieces[0], pieces[1:]
    texts = {int(numbered[i]): numbered[i + 1] for i in range(0, len(numbered), 2)}
    by_number = {c.number: c for c in notebook.analysed()}
    if set(texts) != set(by_number):
        raise SourceError("the fix moved a cell boundary")
    if head:  # `import os`, added above the first cell
        first = min(texts)
        texts[first] = head + texts[first]
    changed = {}
    for number, text in texts.items():
        cell = by_number[number]
        restored = restore_ipython(cell.text, cell.python or "", text)
        if restored != cell.text:
            changed[number] = restored
    return changed


def restore_ipython(original: str, python: str, text: str) -> str:
    """`text`, a fixed version of `python` (the `original` cell with IPython syntax set
    aside), with the set-aside lines put back in order."""
    originals = iter(line for line, plain in zip(original.split("\n"), python.split("\n")) if line != plain)
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.lstrip(" \t") == PLACEHOLDER:
            lines[i] = next(originals, line)
    restored = "\n".join(lines)
    if not original.endswith("\n") and restored.endswith("\n"):
        restored = restored[:-1]
    return restored


def _layouts(data: str) -> Iterator[dict]:
    newline = "\n" if data.endswith("\n") else ""
    for indent in (1, 2, 4, None):
        for sort_keys in (True, False):
            for ensure_ascii in (False, True):
                yield {"indent": indent, "sort_keys": sort_keys, "ensure_ascii": ensure_ascii, "newline": newline}


def _dump(document: dict, layout: dict) -> str:
    return json.dumps(document, indent=layout["indent"], sort_keys=layout["sort_keys"],
                      ensure_ascii=layout["ensure_ascii"]) + layout["newline"]


def rewrite(data: str, notebook: Notebook, changed: dict[int, str]) -> str:
    """The notebook's text with the changed cells' sources replaced, laid out exactly as it
    was; SourceError when its layout is not one json.dumps reproduces (it would be reformatted)."""
    layout = next((layout for layout in _layouts(data) if _dump(notebook.document, layout) == data), None)
    if layout is None:
        raise SourceError("its JSON layout cannot be reproduced, so rewriting it would reformat the whole notebook")
    document = json.loads(data)
    for number, text in changed.items():
        cell = document["cells"][number - 1]
        cell["source"] = text.splitlines(keepends=True) if isinstance(cell.get("source"), list) else text
    return _dump(document, layout)


def in_cell(finding: Finding, where: Sequence[tuple[int, int]]) -> Finding:
    cell, line = where[finding.line - 1]
    _, end_line = where[min(finding.end_line, len(where)) - 1]
    return finding._replace(line=line, end_line=end_line, cell=cell)


def analyze_notebook(notebook: Notebook, options: Options = DEFAULT_OPTIONS) -> tuple[list[Finding], list[str]]:
    """Findings in the notebook's code cells, each located by cell and the cell's line, and
    the cells that cannot be parsed. Like a module, a notebook whose code the prefilter
    passes over is not parsed at all (set-aside lines only ever drop candidates)."""
    if not prefilter_source("\n".join(text for _, text in notebook.code), options)[1]:
        return [], []
    source, where = notebook.source()
    findings = [in_cell(f, where) for f in analyze_source(source, options)] if source else []
    return findings, cell_errors(notebook)
