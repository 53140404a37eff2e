"""Secret-literal analysis: is this string a secret, a placeholder, a reference or prose?"""
from __future__ import annotations

import base64
import binascii
import math
import re
from collections import Counter
from dataclasses import dataclass

from .names import CredentialName, Vocabulary, DEFAULT_VOCABULARY, is_credential_word
from .tokens import is_jwt

#: Longer values are data (fixtures, blobs), not credentials; only JWT/PEM shapes inside them count.
MAX_SECRET_LENGTH = 8_192

_SCHEME = re.compile(r"(?i)(bearer|basic|token|digest|bot|jwt|oauth|apikey|api-key|sso-key|ssws)[ \t]+")
_PLACEHOLDER_WHOLE = re.compile(
    r"<[^<>]*>|\{\{[^{}]*\}\}|\{[^{}]*\}|\$\{[^{}]*\}|\$[A-Za-z_][A-Za-z0-9_]*|%s|%\([A-Za-z0-9_]*\)[sdr]"
)
_PLACEHOLDER_WORDS = re.compile(r"(?i)your[-_]|example|placeholder|redacted|changeme|dummy")
_FORMAT_FIELD = re.compile(r"\{[^{}]{0,100}\}|%\([A-Za-z0-9_]{0,100}\)[sdr]|%[sdr]")
_ALL_CAPS = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*")
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{0,30}://")
_URL_USERINFO = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{0,30}://[^/@:\s]*:([^/@\s]+)@")
_IDENTIFIER_WORDS = re.compile(r"[A-Za-z]+(?:[_.-][A-Za-z]+)*")
_DOTTED = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+")
_PATH_SEGMENT = re.compile(r"[A-Za-z0-9_.@:-]+")
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_HEX = re.compile(r"[0-9a-fA-F]+")
_PEM_PRIVATE = re.compile(r"-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY-----")
#: Vendor prefixes of machine-issued secrets; each needs a random tail to count.
_KNOWN_PREFIX = re.compile(
    r"(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}|whsec_[A-Za-z0-9]{16,}"
    r"|gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,}"
    r"|xox[abprs]-[A-Za-z0-9-]{10,}|xapp-[A-Za-z0-9-]{10,}"
    r"|AKIA[A-Z0-9]{16}|ASIA[A-Z0-9]{16}|AIza[A-Za-z0-9_-]{30,}"
    r"|SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}"
    r"|glpat-[A-Za-z0-9_-]{20,}|npm_[A-Za-z0-9]{30,}|pypi-[A-Za-z0-9_-]{50,}"
    r"|shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}|sk-[A-Za-z0-9_-]{20,}|hf_[A-Za-z0-9]{30,}"
    r"|dop_v1_[a-f0-9]{64}|EAA[A-Za-z0-9]{30,}"
)


@dataclass(frozen=True)
class Secret:
    """Where the secret sits inside the literal's text, and what shape made it one."""

    start: int
    end: int
    shape: str


def _entropy(text: str) -> float:
    counts = Counter(text)
    total = len(text)
    return -sum(n / total * math.log2(n / total) for n in counts.values())


def _char_classes(text: str) -> int:
    lower = upper = digit = other = 0
    for ch in text:
        if ch.islower():
            lower = 1
        elif ch.isupper():
            upper = 1
        elif ch.isdigit():
            digit = 1
        else:
            other = 1
    return lower + upper + digit + other


_WORDY = re.compile(r"[A-Za-z0-9_.-]+")
_PIECE = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+")


def _is_wordy(text: str) -> bool:
    """Joined words such as `PBKDF2PasswordHasher` or `OAuth2-Access-Token`: nearly every
    letter sits in a run of three or more, digit runs are short. Random strings have short runs."""
    if not _WORDY.fullmatch(text):
        return False
    letters = in_words = 0
    for piece in _PIECE.findall(text):
        if piece.isdigit():
            if len(piece) > 4:
                return False
        else:
            letters += len(piece)
            if len(piece) >= 3:
                in_words += len(piece)
    return letters > 0 and in_words >= 0.85 * letters


def looks_random(text: str) -> bool:
    """Machine-generated: long, mixed character classes, high entropy, not joined words."""
    n = len(text)
    if n < 16 or any(ch.isspace() for ch in text) or _is_wordy(text):
        return False
    if _HEX.fullmatch(text):
        has_digit = any(ch.isdigit() for ch in text)
        has_alpha = any(ch.isalpha() for ch in text)
        return has_digit and has_alpha and _entropy(text) >= 3.0
    classes = _char_classes(text)
    entropy = _entropy(text)
    if classes >= 3:
        return entropy >= 3.0
    if classes == 2 and n >= 20:
        return entropy >= 3.5 and any(ch.isdigit() for ch in text)
    return n >= 32 and entropy >= 4.2


def is_placeholder(text: str) -> bool:
    if _PLACEHOLDER_WHOLE.fullmatch(text):
        return True
    distinct = set(text)
    if len(distinct) == 1:
        return True  # xxxxxxxx, ********
    if len(distinct) <= 2 and not any(ch.isalnum() for ch in distinct):
        return True  # :****, a mask with its separator
    return _PLACEHOLDER_WORDS.search(text) is not None


def _is_reference(text: str) -> bool:
    """Environment-variable names, URLs without a password, paths, ARNs, dotted paths."""
    if _ALL_CAPS.fullmatch(text) and ("_" in text or len(text) <= 12 or not any(c.isdigit() for c in text)):
        return True
    if text.startswith("arn:"):
        return True
    if _URL.match(text):
        return True  # one with a password is split off before
    if _DOTTED.fullmatch(text):
        parts = text.split(".")
        return sum(map(looks_random, parts)) <= (len(parts) - 1) // 2
    if "/" in text or "\\" in text:
        segments = [s for s in re.split(r"[/\\]", text) if s]
        return bool(segments) and all(
            _PATH_SEGMENT.fullmatch(s) and not looks_random(s) for s in segments
        )
    return False


def _basic_credentials(text: str) -> bool:
    """`Basic dXNlcjpwYXNz` carries base64 of user:password."""
    try:
        decoded = base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
    except (binascii.Error, ValueError):
        return False
    return b":" in decoded and not decoded.endswith(b":")


def _shape(text: str, name: CredentialName | None, strict: bool, vocab: Vocabulary) -> str | None:
    """The shape that makes `text` (scheme already set aside) a secret, or None."""
    if is_placeholder(text):
        return None
    if _PEM_PRIVATE.search(text):
        return "private-key"
    if is_jwt(text):
        return "jwt"
    if _KNOWN_PREFIX.fullmatch(text):
        return "vendor-key"
    if _UUID.fullmatch(text):
        return None if len(set(text.replace("-", ""))) == 1 else "uuid"
    if len(text) > MAX_SECRET_LENGTH:
        return None
    if _is_reference(text):
        return None
    if _IDENTIFIER_WORDS.fullmatch(text):
        single_word = text.isalpha()
        if name is not None and name.is_password and not strict and single_word \
                and not is_credential_word(text, vocab) and len(text) >= 4:
            return "password"
        return None
    if re.search(r"\S\s+\S", text):
        return None  # prose
    stripped = _FORMAT_FIELD.sub("", text)
    if stripped != text:
        return _shape(stripped, name, strict, vocab) if stripped.strip() else None
    if looks_random(text):
        return "random"
    if name is not None and name.is_password and not strict and len(text) >= 4:
        return "password"
    return None


def secret_in(value: str, name: CredentialName | None, *, strict: bool = False,
              vocab: Vocabulary = DEFAULT_VOCABULARY) -> Secret | None:
    """The secret in a literal under credential name `name`, or None.

    `strict` (comparisons) accepts only machine-generated shapes, never a human password.
    """
    start, end = 0, len(value)
    while start < end and value[start].isspace():
        start += 1
    while end > start and value[end - 1].isspace():
        end -= 1
    if start == end:
        return None
    scheme = _SCHEME.match(value, start, end)
    if scheme:
        start = scheme.end()
        while start < end and value[start].isspace():
            start += 1
        if start == end:
            return None  # "Bearer " alone
        if scheme.group(1).lower() == "basic" and _basic_credentials(value[start:end]):
            return Secret(start, end, "basic-auth")
    text = value[start:end]
    userinfo = _URL_USERINFO.match(text)
    if userinfo and not is_placeholder(userinfo.group(1)):
        return Secret(start + userinfo.start(1), start + userinfo.end(1), "url-password")
    shape = _shape(text, name, strict, vocab)
    if shape is None:
        return None
    if not scheme:
        return Secret(0, len(value), shape)  # surrounding blanks belong to the value: move it whole
    return Secret(start, end, shape)


def is_uuid(text: str) -> bool:
    return _UUID.fullmatch(text.strip()) is not None
