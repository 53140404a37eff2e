"""The sparse module (engine/sparse.py): the statements on candidate lines and the blocks
around them, at their own lines and columns, every other line blank; and the same findings
as the whole tree, on every case file and corpus file."""
from __future__ import annotations

import sys
import textwrap

import pytest

from flake8_freshchat.engine import SourceError, analyze_candidates, prefilter_source
from flake8_freshchat.engine.sparse import sparse_module

from .conftest import case_files


def _sparse(source: str) -> str | None:
    source, lines = prefilter_source(source)
    return sparse_module(source, source.split("\n"), lines)


def _findings(source: str, sparse: bool) -> list[tuple[str, int, int, int, int]]:
    source, lines = prefilter_source(source)
    return [(f.code, f.line, f.col, f.end_line, f.end_col)
            for f in analyze_candidates(source, lines, sparse=sparse)]


BLOCKS = textwrap.dedent('''\
    """Module docstring.

    if this looks like code:
        password = "not code at all"
    """
    import os


    @decorate(
        name="x",
    )
    class Client(Base):
        """Talks to the service."""

        retries = 3

        def connect(self, host):
            if host:
                self.host = host
            else:
                self.password = "hunter2-Tr0ub4dor"
            return self


    def helper(
        a,
        api_key="sk_test_0a1B2c3D4e5F6g7H8",
    ):
        total = 1 + \\
            2
        return total
    ''')


def test_blocks_around_a_statement_are_kept_or_stubbed():
    """A `def` or `class` around a kept statement is a stub with its name (the extractor
    reads only that; nothing in a signature, base or decorator off the candidate lines can
    make a finding); a `def` holding a candidate is kept verbatim, `...` for its body; an
    `else` is an `if 1:` stub; a docstring can hold nothing but a Freshchat token, so one
    without `eyJ` is left out though a candidate line is in it (and a line inside it that
    looks like a block is no block); everything else is blank."""
    assert _sparse(BLOCKS) == "\n" * 11 + textwrap.dedent('''\
        class Client:




            def connect():


                if 1:
                    self.password = "hunter2-Tr0ub4dor"



        def helper(
            a,
            api_key="sk_test_0a1B2c3D4e5F6g7H8",
        ): ...



        ''')
    assert _findings(BLOCKS, True) == _findings(BLOCKS, False) == [
        ("FCH201", 21, 28, 21, 47), ("FCH203", 27, 12, 27, 39)]


CLAUSES = textwrap.dedent('''\
    async def main(session, kind):
        if kind == 1:
            pass
        elif password == "hunter2-Tr0ub4dor" or kind == os.environ["X"]:
            return
        try:
            go()
        except InvalidToken:
            raise
        else:  # token accepted
            user.password = "Tr0ub4dor&3-horse"
        async with session.login(
            user="me",
        ) as conn:
            await conn.send()
        match kind:
            case {"token": value}:
                print(value)
            case _:
                pass


    @app.route("/x", token="Zx9-Qw8_Er7-Ty6_Ui5")
    def view():
        # token refresh is done elsewhere
        return 1
    ''')


def test_clauses_decorators_async_blocks_and_match():
    """An `elif` becomes an `if` of the same width (columns unchanged); an `else` around a
    kept statement is a stub; a statement without a literal (`except InvalidToken:`) is
    left out, as is a comment line (read from the text); `async with` and `match`/`case`
    stand verbatim; a decorator line keeps the function it decorates."""
    assert _sparse(CLAUSES) == textwrap.dedent('''\
        async def main():


            if   password == "hunter2-Tr0ub4dor" or kind == os.environ["X"]: ...





            if 1:
                user.password = "Tr0ub4dor&3-horse"
            async with session.login(
                user="me",
            ) as conn: ...

            match kind:
                case {"token": value}: ...





        @app.route("/x", token="Zx9-Qw8_Er7-Ty6_Ui5")
        def view(): ...


        ''')
    assert _findings(CLAUSES, True) == _findings(CLAUSES, False) == [
        ("FCH206", 4, 21, 4, 40), ("FCH201", 11, 24, 11, 43), ("FCH202", 23, 23, 23, 44)]


@pytest.mark.parametrize("source", [
    'def f():\n\tpassword = "Tr0ub4dor&3-horse"\n',  # a tab in indentation
    'def f():\n\x0c    password = "Tr0ub4dor&3-horse"\n',  # a form feed
    'x = f"{{"\npassword = "Tr0ub4dor&3-horse"\n',  # an f-string's braces do not pair
    'x = "open\npassword = "Tr0ub4dor&3-horse"\n',  # an unterminated string
], ids=["tab", "form-feed", "f-string", "unterminated"])
def test_a_layout_that_cannot_be_read_safely_is_parsed_whole(source):
    assert _sparse(source) is None


@pytest.mark.skipif(sys.version_info < (3, 12), reason="PEP 701: an f-string may hold its own quote")
def test_an_fstring_holding_its_own_quote_is_parsed_whole():
    source = 'd = {"a": 1}\nx = f"{d["a"]}"\npassword = "Tr0ub4dor&3-horse"\n'
    assert _sparse(source) is None
    assert _findings(source, True) == [("FCH201", 3, 11, 3, 30)]


def test_a_syntax_error_is_reported_where_a_candidate_is():
    """An unclosed bracket runs into the candidate's statement: the whole parse says where.
    One in a statement without a candidate line is not this tool's business (as in a file
    without a candidate line); the finding is reported."""
    unclosed = 'def f(:\n    pass\npassword = "Tr0ub4dor&3-horse"\n'
    with pytest.raises(SourceError, match="^cannot parse: invalid syntax at line 1$"):
        _findings(unclosed, True)
    elsewhere = 'def f():\n    return )\npassword = "Tr0ub4dor&3-horse"\n'
    assert _findings(elsewhere, True) == [("FCH201", 3, 11, 3, 30)]
    with pytest.raises(SourceError, match="^cannot parse: unmatched '\\)' at line 2$"):
        _findings(elsewhere, False)


def test_a_docstring_is_kept_for_a_freshchat_token():
    token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ"
    source = f'def f():\n    """Example: {token}"""\n    return 1\n'
    assert _sparse(source) == f'def f():\n    """Example: {token}"""\n\n'


def test_a_long_statement_with_many_candidates_is_one_statement():
    rows = "".join(f'    "token_{i}": "v",\n' for i in range(2_000))
    source = f'TABLE = {{\n{rows}    "api_key": "Zx9-Qw8_Er7-Ty6_Ui5",\n}}\n'
    assert _sparse(source) == source.rstrip("\n") + "\n"
    assert _findings(source, True) == _findings(source, False) == [("FCH204", 2002, 15, 2002, 36)]


@pytest.mark.parametrize("path", case_files(), ids=lambda p: p.name)
def test_the_same_findings_as_the_whole_tree(path):
    source = path.read_text(encoding="utf-8")
    assert _findings(source, True) == _findings(source, False)
