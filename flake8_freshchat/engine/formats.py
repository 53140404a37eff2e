"""Shapes that give a value away under any name: PEM private keys, vendor token formats
(with their checksums), URLs and connection strings. Shape only; values.py judges the
password inside a URL. Every regex here is linear: no nested quantifiers, bounded runs."""
from __future__ import annotations

import binascii
import re
import string
from typing import NamedTuple

from .tables import VendorFormat, vendor_formats

_PEM_HEADER = re.compile(
    r"-----BEGIN (?:(?:RSA|EC|DSA|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY(?: BLOCK)?-----")
#: A body: a run of base64 after the header (Proc-Type and Comment lines may come first).
_PEM_BODY = re.compile(r"[A-Za-z0-9+/]{20}")
_PEM_BODY_WINDOW = 400


def has_private_key(text: str) -> bool:
    """A PEM (or PGP) private key with a body, anywhere in `text`; a header alone is not one."""
    if "PRIVATE KEY" not in text:
        return False
    for header in _PEM_HEADER.finditer(text):
        end = header.end()
        if _PEM_BODY.search(text, end, end + _PEM_BODY_WINDOW):
            return True
    return False


_BASE62 = string.digits + string.ascii_uppercase + string.ascii_lowercase


def _crc32_base62_ok(token: str) -> bool:
    """GitHub's and npm's checksum: the last 6 characters are the base62 CRC32 of the 30
    random ones before them (github.blog, 2021-04-05, "Behind GitHub's new authentication
    token formats")."""
    body = token.split("_", 1)[1]
    random_part, checksum = body[:-6], body[-6:]
    value = binascii.crc32(random_part.encode("ascii"))
    digits = []
    for _ in range(6):
        value, digit = divmod(value, 62)
        digits.append(_BASE62[digit])
    return "".join(reversed(digits)) == checksum and value == 0


_CHECKSUMS = {"crc32-base62": _crc32_base62_ok}


def vendor_of(text: str) -> VendorFormat | None:
    """The vendor whose published format `text` wholly is (its checksum valid where defined)."""
    if len(text) < 16 or len(text) > 512:
        return None
    for vendor in vendor_formats():
        if vendor.pattern.fullmatch(text):
            check = _CHECKSUMS.get(vendor.checksum or "")
            if check is None or check(text):
                return vendor
    return None


class UrlPassword(NamedTuple):
    scheme: str
    user: str
    password: str
    #: Offsets of the password inside the text.
    start: int
    end: int


_URL_USERINFO = re.compile(r"([A-Za-z][A-Za-z0-9+.-]{0,30})://([^/@:\s]{0,256}):([^/@\s]{1,256})@[^\s@]")


def url_password(text: str) -> UrlPassword | None:
    """`scheme://user:password@host…` at the start of `text`."""
    match = _URL_USERINFO.match(text)
    if match is None:
        return None
    return UrlPassword(match.group(1), match.group(2), match.group(3), match.start(3), match.end(3))


#: key=value pairs separated by `;` or blanks; the key says the value is a password or key.
_DSN_SECRET = re.compile(r"(?i)(?:^|[;\s])(password|pwd|accountkey|sharedaccesskey)\s{0,4}=\s{0,4}([^;\s]{1,512})")
_DSN_PAIR = re.compile(r"[A-Za-z][A-Za-z0-9 _.-]{0,40}=")


class DsnPassword(NamedTuple):
    key: str
    password: str


def dsn_password(text: str) -> DsnPassword | None:
    """A connection string (`host=db user=app password=…`, `Server=…;Password=…;`, Azure's
    `AccountKey=…`) wholly made of key=value pairs, with a password-type key."""
    if "=" not in text or len(_DSN_PAIR.findall(text)) < 2:
        return None
    words = text.split()
    if 2 * sum("=" not in word for word in words) > len(words):
        return None  # prose that mentions password=…, not a connection string
    match = _DSN_SECRET.search(text)
    if match is None:
        return None
    return DsnPassword(match.group(1).lower(), match.group(2).strip("'\""))
