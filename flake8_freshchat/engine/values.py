"""Secret-literal analysis (SPEC "Secret values"): is this string a secret, a placeholder,
a reference, prose or code? The word lists are data (data/values.json, data/public_values.json).

Under a credential name or in a credential position the name gives the prior, so the
value only has to not be a non-secret: 6+ characters mixing letters with digits or
symbols, or 16+ characters not made of words in any alphabet, is a secret; under a
password-type name a single word, or 4-5 characters, is a human password too.
"""
from __future__ import annotations

import base64
import binascii
import re
from typing import NamedTuple

from . import formats
from .names import DEFAULT_VOCABULARY, CredentialName, Vocabulary, credential_name, is_credential_word
from .tables import public_values, value_words, vendor_prefixes
from .tokens import is_jwt
from .words import made_of_words


def _whole(pattern: str) -> re.Pattern[str]:
    """A pattern for a whole value, anchored: it can start at one place only, so it stays
    linear even when searched (`[\\w.]*x` searched over `aaaa…` rescans from every `a`)."""
    return re.compile(rf"\A(?:{pattern})\Z")


#: Longer values are data (fixtures, blobs), not credentials; only JWT/PEM shapes inside them count.
MAX_SECRET_LENGTH = 8_192

_SCHEME = re.compile(r"(?i)(bearer|basic|token|digest|bot|jwt|oauth|apikey|api-key|sso-key|ssws)[ \t]+")
_PLACEHOLDER_WHOLE = _whole(
    r"<[^<>]*>|\{\{[^{}]*\}\}|\{%[^{}]*%\}|\{[^{}]*\}|\$\{[^{}]*\}|\$[A-Za-z_][A-Za-z0-9_]*"
    r"|%s|%\([A-Za-z0-9_]*\)[sdr]|\[[A-Za-z _-]*\]"
)
_FORMAT_FIELD = re.compile(r"\{[^{}]{0,100}\}|%\([A-Za-z0-9_]{0,100}\)[sdr]|%[sdr]|\$\{[^{}]{0,100}\}")
_ALL_CAPS = _whole(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*")
_URL = _whole(r"[A-Za-z][A-Za-z0-9+.-]{0,30}://\S*")
_DOTTED = _whole(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+")
_PATH_SEGMENT = _whole(r"[A-Za-z0-9_.@:~+-]+")
_IDENTIFIER_LIKE = _whole(r"[A-Za-z0-9]+(?:[_.-][A-Za-z0-9]+)*")
_DIGIT_RUN = re.compile(r"[0-9]+")
_UUID = _whole(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_CODE_LIKE = _whole(r"[A-Za-z_][\w.]*\s*[\[(][\w.,\s\[\]()|]*[\])]")
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_BASE64_PIECE = _whole(r"[A-Za-z0-9+/=_-]+")
#: Regular-expression syntax: character classes, escapes, groups, lazy repeats.
_REGEX_SYNTAX = re.compile(r"\\[wdsbWDSBAZ]|\(\?[:=!<P]|\[\^|\.[*+]\??|[A-Za-z0-9]-[A-Za-z0-9]\]|\]\+|\]\*")
#: Markup: a tag (`<td>`, `</s>`, `<|endoftext|>`), or one word framed as tokenizers and
#: templates frame it (`__unk__`, `[MASK2]`, `|SPEAKER|`, `▁<PRE>`).
_MARKUP_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9_-]{0,30}>|<\|[^|<>]{1,40}\|>")
_FRAMED_WORD = _whole(r"[^\w\s]{0,2}(?:__|[\[<{|])[A-Za-z][A-Za-z0-9_]{0,30}(?:__|[\]>}|])[^\w\s]{0,2}")
#: `.models.v1_secret`: a relative module path.
_RELATIVE_MODULE = _whole(r"\.+[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*")
#: `urn:ietf:params:oauth:token-type:jwt`: names joined by colons.
_COLON_PATH = _whole(r"[A-Za-z][A-Za-z0-9_.-]*(?::[A-Za-z0-9_.-]+)+")
#: `SSWS_TOKEN`, `ansible_ssh_pass`, `hf_oauth__refresh_token`: a name, each piece letters or digits.
_NAME_PIECES = _whole(r"_*[A-Za-z]+(?:[_.-]+(?:[A-Za-z]+|[0-9]+))+_*|_*[A-Za-z]+_*")
_PROSE_WORD = _whole(r"[(\"']?[A-Za-z][A-Za-z'-]*[.,;:!?)\"']?")
_EDGES = "_-.:*[]<>() "

_PLACEHOLDER_WORDS = value_words("placeholder_words")
_NOT_PASSWORDS = value_words("not_passwords")
_TECHNICAL_TERMS = value_words("technical_terms")


class Secret(NamedTuple):
    """Where the secret sits inside the literal's text, and what shape made it one."""

    start: int
    end: int
    shape: str


def _is_periodic(text: str) -> bool:
    """`0123456789012345…`, `abcabcabc`: a short pattern repeated, typed to fill a field."""
    n = len(text)
    return n >= 8 and any(text == (text[:p] * (n // p + 1))[:n] for p in range(1, min(11, n // 2 + 1)))


def is_placeholder(text: str) -> bool:
    if _PLACEHOLDER_WHOLE.fullmatch(text) or _is_periodic(text):
        return True
    distinct = set(text)
    if len(distinct) == 1:
        return True  # xxxxxxxx, ********
    if len(distinct) <= 2 and not any(ch.isalnum() for ch in distinct):
        return True  # :****, a mask with its separator
    lowered = text.lower()
    return any(word in lowered for word in _PLACEHOLDER_WORDS)


def _is_words(text: str) -> bool:
    """Made of words, allowing short digit runs (v1, oauth2); technical terms count."""
    if text.lower() in _TECHNICAL_TERMS:
        return True
    return made_of_words(text) and all(len(run) <= 2 for run in _DIGIT_RUN.findall(text))


def _path_segment_ok(segment: str) -> bool:
    return bool(_PATH_SEGMENT.fullmatch(segment)) and (
        len(segment) <= 3 or segment.replace(".", "").isdigit() or made_of_words(segment))


def _is_reference(text: str, vocab: Vocabulary = DEFAULT_VOCABULARY) -> bool:
    """Environment-variable and setting names, URLs without a password, paths, ARNs and URNs,
    dotted and relative module paths."""
    if _ALL_CAPS.fullmatch(text) and ("_" in text or _is_words(text)):
        return _is_words(text) or all(p.isalpha() or p.isdigit() for p in text.split("_") if p)
    if _NAME_PIECES.fullmatch(text) and credential_name(text, vocab) is not None:
        return True  # the name of a credential (a variable, a setting), not its value
    if text.startswith(("arn:", "urn:")) or _RELATIVE_MODULE.fullmatch(text):
        return True
    if _COLON_PATH.fullmatch(text) and all(_is_words(p) for p in text.split(":") if p):
        return True
    if _URL.fullmatch(text):
        return True  # one with a password is judged before
    if _DOTTED.fullmatch(text):
        return all(len(part) <= 3 or _is_words(part) for part in text.split("."))
    if "/" in text or "\\" in text:
        segments = [s for s in re.split(r"[/\\]", text) if s]
        return bool(segments) and all(map(_path_segment_ok, segments))
    return False


def _is_code_like(text: str) -> bool:
    """Type expressions and calls (`List[V1LocalObjectReference]`, `dict(str, int)`),
    regular expressions (`[-!#$%&'*+.^_`|~0-9a-zA-Z]+`) and markup (`<td></td>`, `__unk__`)."""
    if _REGEX_SYNTAX.search(text) or _MARKUP_TAG.search(text) or _FRAMED_WORD.fullmatch(text):
        return True
    if not _CODE_LIKE.fullmatch(text):
        return False
    return all(len(name) <= 3 or made_of_words(name) for name in _IDENTIFIER.findall(text))


def _is_prose(text: str) -> bool:
    """Three or more words of letters with spaces: a message, not a secret."""
    tokens = text.split()
    words = sum(1 for token in tokens if _PROSE_WORD.fullmatch(token))
    return words >= 3 and words * 5 >= len(tokens) * 3


def _base64_body(text: str) -> str | None:
    """A base64 or PEM body broken over lines or blanks, joined again; None for other text."""
    pieces = text.split()
    if len(pieces) < 2 or max(map(len, pieces)) < 20:
        return None
    if not all(_BASE64_PIECE.fullmatch(piece) for piece in pieces):
        return None
    return "".join(pieces)


def _is_value_word(text: str, vocab: Vocabulary) -> bool:
    """The value is itself a credential word, or a vendor's prefix alone: `secret`, `__token__`, `sk_live_`."""
    if text.lower() in vendor_prefixes():
        return True
    core = text.strip(_EDGES)
    return bool(core) and core.isalpha() and is_credential_word(core, vocab)


def _spells_a_noun(word: str, vocab: Vocabulary) -> bool:
    """`bandpass`, `passport`: a word that holds a credential noun is not a password typed
    for one."""
    lowered = word.lower()
    return any(noun in lowered for noun in vocab.password_nouns)


def _template_secret(text: str) -> bool:
    """A format string: only a strong secret between its fields counts."""
    for piece in _FORMAT_FIELD.split(text):
        piece = piece.strip(_EDGES + "'\"=,;@/")
        if len(piece) >= 16 and " " not in piece and not _is_words(piece) and not _is_reference(piece):
            return True
    return False


def _is_marked_up_words(text: str) -> bool:
    """Words wrapped in markup, as tokenizers and templates spell them: `<td></td>`,
    `[MASK2]`, `|SPEAKER|`, `#bygroup`, `@wandbcode{`. Digits stay in runs of one or two."""
    letters = "".join(ch if ch.isalnum() else " " for ch in text).split()
    return bool(letters) and all(_is_words(piece) for piece in letters)


def _is_phrase(text: str, vocab: Vocabulary) -> bool:
    """Words with blanks that name or ask for a credential (`Vault password: `) or hold no
    digit at all (` * [would prune] `): a message, not a secret."""
    pieces = [piece.strip(_EDGES + ",;!?'\"*#@|{}") for piece in text.split()]
    pieces = [piece for piece in pieces if piece]
    if any(piece.isalpha() and is_credential_word(piece, vocab) for piece in pieces):
        return True
    return not any(ch.isdigit() for ch in text) and all(_is_words(piece) for piece in pieces if piece.isalpha()) \
        and any(piece.isalpha() for piece in pieces)


def _mixes(text: str) -> bool:
    has_letter = has_other = False
    for ch in text:
        if ch.isalpha():
            has_letter = True
        elif not ch.isspace():
            has_other = True  # a digit or a symbol
    return has_letter and has_other


def judge(text: str, password_type: bool = False, allowed: frozenset[str] = frozenset(),
          vocab: Vocabulary = DEFAULT_VOCABULARY) -> str | None:
    """The shape that makes `text` (trimmed, scheme set aside) a secret under a credential
    name or position, or None. `password_type`: the name is a password's."""
    if text in allowed or text in public_values():
        return None
    if is_placeholder(text):
        return None
    if formats.has_private_key(text):
        return "private-key"
    if is_jwt(text):
        return "jwt"
    if formats.vendor_of(text):
        return "vendor-key"
    if _UUID.fullmatch(text):
        return None if len(set(text.replace("-", ""))) == 1 else "uuid"  # the nil UUID is a placeholder
    if len(text) > MAX_SECRET_LENGTH or _is_value_word(text, vocab):
        return None
    if any(ch.isspace() for ch in text):
        body = _base64_body(text)
        if body is not None:
            return judge(body, password_type, allowed, vocab)
        if _is_prose(text) or _is_phrase(text, vocab):
            return None
    if _FORMAT_FIELD.search(text):
        return "random" if _template_secret(text) else None
    if _is_reference(text, vocab) or _is_code_like(text):
        return None
    if text.lower() in _TECHNICAL_TERMS or text.lower() in _NOT_PASSWORDS:
        return None
    core = text.strip("_")  # _password_reset_token, __init__
    if _IDENTIFIER_LIKE.fullmatch(core) and _is_words(core) and not (password_type and any(c.isdigit() for c in text)):
        # Identifier-like words; under a password-type name one such word is a password.
        if password_type and core == text and text.isalpha() and len(text) >= 4 \
                and not _spells_a_noun(text, vocab):
            return "password"
        return None
    if len(text) >= 6 and _mixes(text) and not _is_marked_up_words(text):
        return "mixed"
    if len(text) >= 16 and not (made_of_words(text) and " " not in text.strip()):
        return "random"
    if password_type and len(text) >= 4 and not (" " in text and made_of_words(text)):
        return "password"
    return None


def _basic_credentials(text: str) -> bool:
    """`Basic dXNlcjpwYXNz` carries base64 of user:password."""
    try:
        decoded = base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
    except (binascii.Error, ValueError):
        return False
    return b":" in decoded and not decoded.endswith(b":")


def url_secret(password: formats.UrlPassword, allowed: frozenset[str] = frozenset(),
               vocab: Vocabulary = DEFAULT_VOCABULARY) -> bool:
    """The password of a URL's user-info, judged as a password; `guest:guest` (a default
    that equals its user name) is not one."""
    if password.password == password.user:
        return False
    return judge(password.password, True, allowed, vocab) is not None


def secret_in(value: str, name: CredentialName | None, *, allowed: frozenset[str] = frozenset(),
              vocab: Vocabulary = DEFAULT_VOCABULARY) -> Secret | None:
    """The secret in a literal under credential name (or position) `name`, or None."""
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
    userinfo = formats.url_password(text)
    if userinfo is not None:
        if not url_secret(userinfo, allowed, vocab):
            return None
        return Secret(start + userinfo.start, start + userinfo.end, "url-password")
    password_type = name is not None and name.is_password
    shape = judge(text, password_type, allowed, vocab)
    if shape is None:
        return None
    if not scheme:
        return Secret(0, len(value), shape)  # surrounding blanks belong to the value: move it whole
    return Secret(start, end, shape)
