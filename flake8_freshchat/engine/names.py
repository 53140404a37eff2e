"""Credential-name analysis: is `api_key`, `X-Api-Key`, `SMTP_PASS` or `githubToken` a
credential name? The words are data (data/vocabulary.json); the rules are here."""
from __future__ import annotations

import fnmatch
import functools
import re
from typing import NamedTuple

from .tables import vocabulary

# Acronym runs ("API" in "APIKey"), capitalised or lower words, bare acronyms, digits.
_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+")
_KEY = "key"
_PASS = "pass"
_NOT_PLURAL = frozenset({"credentials", "creds", "pass", "passes"})

PASSWORD_NOUNS = vocabulary("password_nouns")
CREDENTIAL_NOUNS = vocabulary("credential_nouns")
KEY_MODIFIERS = vocabulary("key_modifiers")
_ACTION_VERBS = vocabulary("action_verbs")
_CURSOR_WORDS = vocabulary("cursor_words")
_PASS_NOT_PASSWORD = vocabulary("pass_not_password")
QUALIFIERS = vocabulary("qualifiers")


class Vocabulary(NamedTuple):
    """The credential nouns in force: the spec's, plus and minus the user's words.
    Words users add are password-type, as the spec says."""

    nouns: frozenset[str] = CREDENTIAL_NOUNS
    password_nouns: frozenset[str] = PASSWORD_NOUNS
    key_modifiers: frozenset[str] = KEY_MODIFIERS
    ignore_patterns: tuple[str, ...] = ()

    @classmethod
    def build(cls, extra_words: tuple[str, ...] = (), remove_words: tuple[str, ...] = (),
              ignore_names: tuple[str, ...] = ()) -> "Vocabulary":
        extra = {w.strip().lower() for w in extra_words if w.strip()}
        removed = {w.strip().lower() for w in remove_words if w.strip()}
        return cls(
            nouns=frozenset((CREDENTIAL_NOUNS | extra) - removed),
            password_nouns=frozenset((PASSWORD_NOUNS | extra) - removed),
            key_modifiers=frozenset(KEY_MODIFIERS - removed),
            ignore_patterns=tuple(p.strip().lower() for p in ignore_names if p.strip()),
        )


DEFAULT_VOCABULARY = Vocabulary()


class CredentialName(NamedTuple):
    """What a credential name says: its noun, and whether it names a human password."""

    name: str
    noun: str
    is_password: bool = False

    @property
    def is_key_like(self) -> bool:
        """key, token or secret: the nouns under which a Freshchat app key (a UUID) lives."""
        return self.noun in ("key", "token", "secret", "apikey")


#: `PassWord`, `PassPhrase`: one noun written as two capitalised words.
_SPLIT_NOUNS = {("pass", "word"): "password", ("pass", "wd"): "passwd", ("pass", "phrase"): "passphrase"}


def split_words(name: str) -> list[str]:
    """`X-Api-Key` -> [x, api, key]; `githubToken` -> [github, token]; `APIKey` -> [api, key];
    `PassWord` -> [password]."""
    words = [w.lower() for w in _WORD.findall(name)]
    for i in range(len(words) - 2, -1, -1):
        joined = _SPLIT_NOUNS.get((words[i], words[i + 1]))
        if joined:
            words[i:i + 2] = [joined]
    return words


def _singular(word: str) -> str:
    if word.endswith("s") and word not in _NOT_PLURAL:
        return word[:-1]
    return word


def _noun_at_end(words: list[str], vocab: Vocabulary) -> tuple[str, int] | None:
    """The credential noun that ends `words`, and how many words it takes (2 for api_key)."""
    last = words[-1]
    for form in (last, _singular(last)):
        if form == _KEY:
            return (_KEY, 2) if len(words) > 1 and words[-2] in vocab.key_modifiers else None
        if form == _PASS and _PASS in vocab.nouns:
            return None if len(words) > 1 and words[-2] in _PASS_NOT_PASSWORD else (_PASS, 1)
        if form in vocab.nouns:
            return form, 1
    # Compounds written as one word: `apitoken`, `secretkey`, `dbpassword`.
    stem = _singular(last)
    if stem.endswith(_KEY) and stem[:-3] in vocab.key_modifiers:
        return _KEY, 1
    for noun in vocab.nouns:
        if len(noun) >= 5 and stem.endswith(noun) and len(stem) - len(noun) >= 2:
            return noun, 1
    return None


def _without_qualifier(words: list[str]) -> list[str]:
    """`password_for_backups` -> [password]: a qualifier after the noun does not change it."""
    for i, word in enumerate(words):
        if i and word in QUALIFIERS:
            return words[:i]
    return words


def _noun_of(words: list[str], vocab: Vocabulary) -> str | None:
    while words and words[-1].isdigit():  # password2, token_1
        words = words[:-1]
    if not words:
        return None
    found = _noun_at_end(words, vocab)
    if found is None:
        shorter = _without_qualifier(words)
        if len(shorter) == len(words):
            return None
        words = shorter
        found = _noun_at_end(words, vocab)
        if found is None:
            return None
    noun, width = found
    before = words[-width - 1] if len(words) > width else None
    if before in _ACTION_VERBS:
        return None  # reset_password, set_api_key: an action, not a value
    if noun == "token" and before in _CURSOR_WORDS:
        return None  # next_page_token, continuation_token: a cursor
    return noun


@functools.lru_cache(maxsize=4096)
def credential_name(name: str | None, vocab: Vocabulary = DEFAULT_VOCABULARY) -> CredentialName | None:
    """The credential reading of `name`, or None when it does not name a credential (asked
    again and again for the same few names: remembered)."""
    if not name or len(name) > 200:
        return None
    if vocab.ignore_patterns:
        lowered = name.lower()
        if any(fnmatch.fnmatchcase(lowered, p) for p in vocab.ignore_patterns):
            return None
    noun = _noun_of(split_words(name), vocab)
    if noun is None:
        return None
    return CredentialName(name, noun, noun in vocab.password_nouns)


def is_credential_word(word: str, vocab: Vocabulary = DEFAULT_VOCABULARY) -> bool:
    """`password` as a value is a word about credentials, not a password."""
    return credential_name(word, vocab) is not None or word.lower() in vocab.nouns
