"""Credential-name analysis: is `api_key`, `X-Api-Key` or `githubToken` a credential name?"""
from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass

# Acronym runs ("API" in "APIKey"), capitalised or lower words, bare acronyms, digits.
_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+")

PASSWORD_NOUNS = frozenset({"password", "passwd", "pwd", "passphrase"})
CREDENTIAL_NOUNS = PASSWORD_NOUNS | frozenset(
    {"secret", "token", "jwt", "credential", "credentials", "creds", "apikey", "authorization"}
)
#: `key` is a credential noun only after one of these words (`api_key`, not `cache_key`).
KEY_MODIFIERS = frozenset(
    {"api", "secret", "private", "access", "app", "client", "signing", "encryption", "master",
     "auth", "license", "consumer", "webhook", "service", "account"}
)
_KEY_NOUNS = frozenset({"key", "keys"})


@dataclass(frozen=True)
class Vocabulary:
    """The credential nouns in force: the spec's, plus and minus the user's words."""

    nouns: frozenset[str] = CREDENTIAL_NOUNS
    key_modifiers: frozenset[str] = KEY_MODIFIERS
    ignore_patterns: tuple[str, ...] = ()

    @classmethod
    def build(cls, extra_words: tuple[str, ...] = (), remove_words: tuple[str, ...] = (),
              ignore_names: tuple[str, ...] = ()) -> "Vocabulary":
        extra = {w.strip().lower() for w in extra_words if w.strip()}
        removed = {w.strip().lower() for w in remove_words if w.strip()}
        return cls(
            nouns=frozenset((CREDENTIAL_NOUNS | extra) - removed),
            key_modifiers=frozenset(KEY_MODIFIERS - removed),
            ignore_patterns=tuple(p.strip().lower() for p in ignore_names if p.strip()),
        )


DEFAULT_VOCABULARY = Vocabulary()


@dataclass(frozen=True)
class CredentialName:
    """What a credential name says: its noun, and whether it names a human password."""

    name: str
    noun: str

    @property
    def is_password(self) -> bool:
        return self.noun in PASSWORD_NOUNS

    @property
    def is_key_like(self) -> bool:
        """key, token or secret: the nouns under which a Freshchat app key (a UUID) lives."""
        return self.noun in ("key", "token", "secret", "apikey")


def split_words(name: str) -> list[str]:
    """`X-Api-Key` -> [x, api, key]; `githubToken` -> [github, token]; `APIKey` -> [api, key]."""
    return [w.lower() for w in _WORD.findall(name)]


def _singular(word: str) -> str:
    if word.endswith("s") and word not in ("credentials", "creds", "pass"):
        return word[:-1]
    return word


def _noun_of(words: list[str], vocab: Vocabulary) -> str | None:
    while words and words[-1].isdigit():  # password2, token_1
        words = words[:-1]
    if not words:
        return None
    last = words[-1]
    for candidate in (last, _singular(last)):
        if candidate in _KEY_NOUNS or candidate == "key":
            if len(words) > 1 and words[-2] in vocab.key_modifiers:
                return "key"
            return None
        if candidate in vocab.nouns:
            return candidate
    # Compounds written as one word: `apitoken`, `secretkey`, `dbpassword`.
    stem = _singular(last)
    if stem.endswith("key"):
        return "key" if stem[:-3] in vocab.key_modifiers else None
    for noun in vocab.nouns:
        if len(noun) >= 5 and stem.endswith(noun) and len(stem) - len(noun) >= 2:
            return noun
    return None


def credential_name(name: str | None, vocab: Vocabulary = DEFAULT_VOCABULARY) -> CredentialName | None:
    """The credential reading of `name`, or None when it does not name a credential."""
    if not name or len(name) > 200:
        return None
    if vocab.ignore_patterns:
        lowered = name.lower()
        if any(fnmatch.fnmatchcase(lowered, p) for p in vocab.ignore_patterns):
            return None
    noun = _noun_of(split_words(name), vocab)
    return CredentialName(name, noun) if noun else None


def is_credential_word(word: str, vocab: Vocabulary = DEFAULT_VOCABULARY) -> bool:
    """`password` as a value is a word about credentials, not a password."""
    return credential_name(word, vocab) is not None or word.lower() in vocab.nouns


def env_var_name(name: str | None) -> str:
    """`githubToken` -> GITHUB_TOKEN, `X-Api-Key` -> X_API_KEY; empty -> SECRET."""
    words = split_words(name or "")
    return "_".join(w.upper() for w in words) or "SECRET"
