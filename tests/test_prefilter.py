"""The prefilter: exactly which lines can hold a finding. A line it passes over is never
looked at, so every rule of the spec must find its evidence on a line it keeps."""
from __future__ import annotations

import textwrap

from hypothesis import example, given, settings
from hypothesis import strategies as st

from flake8_freshchat.engine import analyze_source, prefilter_bytes, prefilter_source


def _lines(source: str) -> list[int]:
    return prefilter_source(textwrap.dedent(source))[1]


def test_a_credential_word_counts_where_a_name_can_end_with_it():
    source = '''\
        tokenizer = load("bert")
        self.tokenize(text)
        secretary = "Ms Smith"
        tokens = ["a"]
        api_token = x
        tokenFor = x
        TOKENIZER_NAME = "bert"
        credentials_file = x
        password2 = x
        token_ids = x
        TOKEN_TYPE = x
        token_for_ci = x
        pass_word = x
        api_key_id = x
        '''
    # a credential name ends with its noun, or the noun comes before a qualifier or a number
    assert _lines(source) == [4, 5, 6, 9, 12, 13]


def test_a_known_sink_counts_where_it_is_called():
    """`ldap3.Connection(` holds `connect` but is no `connect(` call: it is a sink of its own;
    `psycopg2.connect(` is found as `connect(`; `jwt.encode` by its credential word."""
    source = '''\
        conn = ldap3.Connection(server, "cn=admin", "s3cr3t!x")
        db = psycopg2.connect("dbname=x")
        connection = make()
        jwt.encode(payload, "k")
        '''
    assert _lines(source) == [1, 2, 4]


def test_a_word_of_prose_after_the_noun_is_no_name():
    source = '''\
        # Make a pass over the names
        """Pass the token ids to the model."""
        if password in ("hunter2", "letmein"):
        "db pass word"
        token_for_ci = x
        return token or "Zx9-Qw8_Er7-Ty6_Ui5"
        "the secret sauce"
        '''
    # line 1: "pass over"; line 2: "token ids"; line 7: "secret sauce"
    assert _lines(source) == [3, 4, 5, 6]


def test_the_pass_statement_is_no_credential():
    assert _lines("def f():\n    pass\n    pass  # done\nDB_PASS = x\nsmtpPass = y\nbypass = z\n") == [4, 5]


def test_bytes_and_text_agree_and_undecodable_bytes_are_read():
    source = 'API_KEY = "caf\xe9"\nx = 1\n'
    assert prefilter_bytes(source.encode("latin-1")) == prefilter_source(source)[1] == [1]
    assert prefilter_bytes(b"x = 1\r\npassword = 2\rtoken = 3\n") == [2, 3]


def test_every_line_it_passes_over_holds_no_finding():
    """Exactness: every line a candidate finds nothing more than the prefilter's lines do,
    on every case and corpus file (the statements they touch are the ones analysed)."""
    from flake8_freshchat.engine import analyze_candidates

    from .conftest import case_files

    for path in case_files():
        source, lines = prefilter_source(path.read_text(encoding="utf-8"))
        every_line = list(range(1, source.count("\n") + 2))
        assert analyze_candidates(source, lines) == analyze_candidates(source, every_line), path.name


_PIECES = ["api", "_", "-", " ", "  ", "\n", "\t", ":", ";", "#", "(", "=", "key", "Key", "KEY", "pass", "Pass",
           "word", "token", "s", "x", "ids", "for", "secret", "connect", "login", "auth", "private", "service",
           "encryption", ".", "ghp_", "AKIA", "ldap3.Connection", "hmac.new", "eyJ", "ion", "in", "a1"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
@example(["x", "=", "pass", "\n"])  # `pass` after `=` is no statement
@example(["pass"])
@example(["api", "_", "-", " ", "key"])
@example(["api", "_", "-", " ", "_", "key"])  # four separators: no modifier
@example(["private", "\n", "key"])
@example(["connect", " ", "("])
@example(["auth", "=", "("])
def test_the_grouped_search_finds_every_hit_the_precise_test_keeps(pieces: list[str]):
    """The group patterns' lookarounds (`key` after a modifier, a call's `(`, no `pass`
    statement) only save the precise test work: they never rule out a hit it keeps. The
    reference looks for every anchor on its own and asks `_keeps` at each place."""
    from flake8_freshchat.engine.names import DEFAULT_VOCABULARY
    from flake8_freshchat.engine.prefilter import _keeps, _line_numbers, _patterns

    source = "".join(pieces).encode()
    lowered = source.lower()
    modifiers, anchors = _patterns(DEFAULT_VOCABULARY)
    kept = []
    for anchor in anchors:
        text = lowered if anchor.lowered else source
        at = text.find(anchor.text)
        while at >= 0:
            if _keeps(anchor, source, lowered, at, modifiers):
                kept.append(at)
            at = text.find(anchor.text, at + 1)
    assert prefilter_bytes(source) == _line_numbers(source, kept)
