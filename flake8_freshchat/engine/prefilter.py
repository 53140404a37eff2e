"""A cheap scan of the source for lines that could hold a finding.

Every finding needs, on one of the lines of its statement, a credential word, a JWT
(`eyJ`), the word `freshchat` (context), a known sink's call (`login(`, `auth=(`), or a
mark of a value that gives itself away: a vendor token's marker (`ghp_`, `AKIA`), a PEM
`PRIVATE KEY`, or a URL's `://user:pass@`. So only files with such a line are parsed, and
the tree walk visits only the statements that hold one.

The scan reads bytes (every anchor is ASCII, and Python source is in an ASCII-compatible
encoding, so an anchor's bytes are the same whatever the file's encoding): a file that
holds no anchor is never decoded. The text is lower-cased once (`bytes.lower`, ASCII only,
so positions stay aligned). Anchors are grouped by a rare byte they share, one regular
expression per group (`k(?:(?<=tok)en|ey)`): a pattern that starts with a literal byte is
searched at memchr speed, where one `find` per anchor would read the text once per anchor,
and one alternation of them all would try every position. Each member carries lookarounds
that rule out, at search speed, most places the close look would reject (`key` with no
modifier before it, a call with no `(` after it, the `pass` statement); a hit is then
looked at closely (`_keeps`): a credential word counts only where a name can end with it.
"""
from __future__ import annotations

import functools
import keyword
import re
from typing import NamedTuple

from .names import QUALIFIERS, Vocabulary
from .tables import sink_words, vendor_markers

_KEY = b"key"
_PASS = b"pass"
#: `password`, `passwd`, `passphrase`: credential nouns that begin with `pass`.
_PASS_NOUNS = (b"word", b"wd", b"phrase")
_PEM_MARK = "PRIVATE KEY"
_URL_MARK = b"://"
#: `scheme://user:password@`: the user part holds no colon, so the match is linear.
_URL_USERINFO = re.compile(rb"://[^\s/@:'\"]{0,256}:[^\s/@'\"]{1,256}@")
_NEWLINE = 10


def _without_longer(words: set[str]) -> set[str]:
    """A word that holds another (credentials > cred, apikey > key) adds nothing."""
    return {w for w in words if not any(o != w and o in w for o in words)}


def _without_suffixed(calls: set[str]) -> set[str]:
    """A call that ends with another (`psycopg2.connect` > `connect`) adds nothing: where
    `psycopg2.connect(` stands, so does `connect(`. One that only holds another does
    (`ldap3.connection(` is no `connect(`)."""
    return {c for c in calls if not any(o != c and c.endswith(o) for o in calls)}


class _Anchor(NamedTuple):
    """A text to look for, in the lower-cased text or the source as it is, and what must
    follow it for a hit to count."""

    text: bytes
    lowered: bool
    follows: re.Pattern[bytes] | None = None
    #: A credential word: the nouns that hold it, each with the word's offset in the noun.
    nouns: tuple[tuple[int, bytes], ...] = ()
    #: The small letters no credential name can go on with after it (`tokenizer`, `keyword`,
    #: `passing`). In the lower-cased text a capital is a small letter, so a letter that can
    #: begin a word after the noun (a plural `s`, a qualifier: `tokenFor`) is not one of them.
    stops: bytes = b""


class _Group(NamedTuple):
    """Anchors searched together, in the lower-cased text or the source: where `finder`
    matches, each member may start at the match's start less its `lead` (the offset of
    the byte the finder starts with)."""

    finder: re.Pattern[bytes]
    members: tuple[tuple[_Anchor, int], ...]
    lowered: bool = True


#: Bytes from rarest to most common in (lower-cased) Python source, as counted over Django:
#: an anchor is searched from its rarest byte, so the search stops as seldom as it can.
_RARITY = b"~&$^;|!?<>+@\\`{}/*-0123456789zqjxkwvy'#%,=:b)(hg\".upmcfd_lionrsate \n"
# Bounded runs of blanks: `\s*` before a literal that is not there rescans every blank (quadratic).
_CALL = re.compile(rb"\s{0,40}\(")
_PAIR = re.compile(rb"\s{0,40}=\s{0,40}[(\[]")


@functools.lru_cache(maxsize=16)
def _patterns(vocab: Vocabulary) -> tuple[tuple[bytes, ...], tuple[_Anchor, ...]]:
    """The `key` modifiers (checked where `key` is found: api_key, secretKey, X-Api-Key?),
    and every anchor: credential words, sink calls, value marks."""
    words = _without_longer({w.lower() for w in vocab.nouns} | {"cred", "freshchat", "eyj", _KEY.decode()})
    key_modifier = tuple(sorted(m.lower().encode() for m in vocab.key_modifiers))
    # A sink counts where it is called (`login(`), a pair keyword where it is given (`auth=(`):
    # the bare words are everywhere in code that only talks about logging in. A sink whose
    # name holds a credential word (`jwt.encode`) is found by that word already.
    callees, pair_keywords = sink_words()
    callees = {c for c in _without_suffixed(set(callees)) if not any(w in c for w in words)}
    nouns = sorted({n.lower().encode() for n in vocab.nouns})
    anchors = [_word_anchor(w.encode(), nouns) for w in sorted(words)]
    anchors += [_Anchor(c.encode(), True, _CALL) for c in sorted(callees)]
    anchors += [_Anchor(k.encode(), True, _PAIR) for k in sorted(_without_suffixed(set(pair_keywords)))]
    anchors += [_Anchor(m.encode(), False) for m in (*vendor_markers(), _PEM_MARK)]
    return key_modifier, tuple(anchors)


def _word_anchor(word: bytes, nouns: list[bytes]) -> _Anchor:
    """A credential word's anchor: the nouns that hold it, the letters that stop it."""
    held = () if word in (_KEY, _PASS) else tuple((n.index(word), n) for n in nouns if word in n)
    if word == _PASS:
        allowed = {noun[0] for noun in _PASS_NOUNS}
    elif held or word == _KEY:
        allowed = {ord("s")} | {q.encode()[0] for q in QUALIFIERS} | {
            noun[offset + len(word)] for offset, noun in held if len(noun) > offset + len(word)}
    else:
        return _Anchor(word, True)
    return _Anchor(word, True, None, held, bytes(sorted(set(range(ord("a"), ord("z") + 1)) - allowed)))


def _alternatives(byte: bytes, parts: list[tuple[bytes, bytes, bytes]]) -> bytes:
    """The pattern after a group's `byte`: for each (text before it, text after it and the
    anchor's own lookarounds), one alternative; one lookbehind for all the alternatives that
    share it (`(?<=gh)(?:p_|o_|…)`), and none that another implies (`digestauth` finds
    nothing `auth` does not: the members are checked one by one where the group matches)."""
    kept = [(before, after, around) for before, after, around in set(parts) if not any(
        (b, a, h) != (before, after, around) and before.endswith(b) and after.startswith(a) and not h
        for b, a, h in parts)]
    by_before: dict[bytes, list[bytes]] = {}
    for before, after, around in kept:
        by_before.setdefault(before, []).append(re.escape(after) + around)
    alternatives = []
    for before, afters in sorted(by_before.items(), key=lambda item: (-len(item[0]), item[0])):
        body = afters[0] if len(afters) == 1 else b"(?:" + b"|".join(sorted(afters, key=len, reverse=True)) + b")"
        alternatives.append((b"(?<=%s)" % re.escape(before + byte) if before else b"") + body)
    return b"(?:" + b"|".join(alternatives) + b")"


def _lookahead(anchor: _Anchor) -> bytes:
    """A lookahead that rules out, at search speed, most hits the precise test (`_keeps`)
    would drop: a call or keyword not followed by its `(` or `=(`, a word going on with one
    of its stops, the `pass` statement."""
    if anchor.follows is not None:
        return b"(?=" + anchor.follows.pattern + b")"
    if not anchor.stops:
        return b""
    ahead = b"(?![" + anchor.stops + b"])"
    if anchor.text == _PASS:  # nor the statement: after a blank or `:`, then blanks or a comment
        ahead += rb"(?!(?<=[ \t\n:;]pass)[ \t]{0,200}(?:[\n#;]|\Z))"
    return ahead


#: What may stand between a `key` modifier and `key` (see _has_key_modifier), as a class.
_KEY_SEPARATOR = rb"[^a-z0-9\n]"


def _lookbehind(anchor: _Anchor, modifiers: tuple[bytes, ...]) -> bytes:
    """For `key`, lookbehinds, tried once `key` has matched, that find the end of a modifier
    (its last three letters: one width, so one lookbehind for them all) before it, then up
    to 3 separators (`api_key`, `secretKey`, `X-Api-Key`): most hits `_has_key_modifier`
    would drop never reach it. Empty for any other anchor."""
    if anchor.text != _KEY or not modifiers:
        return b""
    width = min(3, *map(len, modifiers))
    ends = b"|".join(sorted({re.escape(modifier[-width:]) for modifier in modifiers}))
    return b"(?:" + b"|".join(
        b"(?<=(?:%s)%s%s)" % (ends, _KEY_SEPARATOR * separators, _KEY) for separators in range(4)) + b")"


#: How much more common than an anchor's rarest byte a lead another anchor already uses may
#: be (places in `_RARITY`): one search for two anchors costs less than two searches.
_SHARE_SLACK = 10
#: A case-sensitive anchor whose lower-cased bytes are all this common (`ASIA`) is searched in
#: the source as it is, from its first capital: capitals are rare in code.
_COMMON = _RARITY.index(b"g")


@functools.lru_cache(maxsize=16)
def _groups(vocab: Vocabulary) -> tuple[tuple[bytes, ...], tuple[_Group, ...]]:
    """The anchors grouped by the byte each is searched from in the lower-cased text, one
    pattern per group: `k(?:ey|(?<=to)en)` finds `key` and `token` where a `k` stands. A
    case-sensitive anchor (`AKIA`) is searched lower-cased too and checked in the source
    where found. Rarest anchors first, each joins a group whose byte it holds when that
    byte is nearly as rare as its own rarest, else starts one from its rarest."""
    modifiers, anchors = _patterns(vocab)
    rank = {byte: i for i, byte in enumerate(_RARITY)}

    def rarity(byte: int) -> int:
        return rank.get(byte, -1)  # a byte missing from the table is rarer than any in it

    by_lead: dict[tuple[bool, int], list[tuple[_Anchor, int]]] = {}
    for anchor in sorted(anchors, key=lambda a: (min(map(rarity, a.text.lower())), a.text)):
        text = anchor.text.lower()
        rarest = min(range(len(text)), key=lambda i: rarity(text[i]))
        if not anchor.lowered and rarity(text[rarest]) > _COMMON and not anchor.text.islower():
            capital = next(i for i, byte in enumerate(anchor.text) if 65 <= byte <= 90)
            by_lead.setdefault((False, anchor.text[capital]), []).append((anchor, capital))
            continue
        shared = [i for i in range(len(text)) if (True, text[i]) in by_lead
                  and rarity(text[i]) <= rarity(text[rarest]) + _SHARE_SLACK]
        lead = min(shared, key=lambda i: rarity(text[i])) if shared else rarest
        by_lead.setdefault((True, text[lead]), []).append((anchor, lead))
    groups = []
    for (lowered, byte), members in sorted(by_lead.items()):
        def form(text: bytes) -> bytes:
            return text.lower() if lowered else text

        finder = re.compile(re.escape(bytes([byte])) + _alternatives(bytes([byte]), [
            (form(a.text[:lead]), form(a.text[lead + 1:]), _lookbehind(a, modifiers) + _lookahead(a))
            for a, lead in members]))
        groups.append(_Group(finder, tuple(members), lowered))
    return modifiers, tuple(groups)


def _line_numbers(text: bytes, positions: list[int]) -> list[int]:
    lines, line, last = [], 1, 0
    for pos in sorted(positions):
        line += text.count(b"\n", last, pos)
        last = pos
        if not lines or lines[-1] != line:
            lines.append(line)
    return lines


def _is_word_byte(text: bytes, at: int) -> bool:
    return text[at:at + 1].isalnum() or text[at] == 95  # `_`


def _follows_a_word(text: bytes, end: int) -> bool:
    """The hit runs on into a longer word (`connection`, `login_url`): no call, no keyword."""
    return end < len(text) and _is_word_byte(text, end)


def _ends_a_word(source: bytes, end: int) -> bool:
    """A name's noun ends here: no lower-case letter follows (`token`, `api_token`,
    `tokenFor`), or one plural `s` does (`tokens`), and no other word (`token_ids`,
    `TOKEN_TYPE`, `token ids`, `pass the value`); in `tokenizer` or `secretary` the noun is
    only the start of another word. Exact, since a credential name ends with its noun, or
    the noun comes before a qualifier (`token_for_ci`) or a number (see
    names.credential_name)."""
    after = source[end:end + 1]
    if after.islower():
        if after != b"s" or source[end + 1:end + 2].islower():
            return False
        end += 1
    return not _prose_follows(source, end)


#: The word after a credential noun, past a blank or a `_`/`-` (names.split_words' words).
_NEXT_WORD = re.compile(rb"([ _-])([A-Z]{1,40}(?=[A-Z][a-z])|[A-Z]?[a-z]{1,40}|[A-Z]{1,40})")
#: Words that may follow a credential name's noun: a qualifier (`token_for_ci`), the second
#: half of a split noun (`pass_word`), and after a blank Python's keywords too (`password in
#: (…)`, `token or "…"`).
_MAY_FOLLOW = frozenset(w.encode() for w in (*QUALIFIERS, "word", "wd", "phrase"))
_MAY_FOLLOW_A_BLANK = _MAY_FOLLOW | frozenset(w.encode() for w in (*keyword.kwlist, *keyword.softkwlist))


def _prose_follows(source: bytes, end: int) -> bool:
    """Another word follows the noun in the same name or sentence (`token_ids`, `token ids`,
    `TOKEN_TYPE`), so the noun is not a credential name's last word. A later noun of the
    same name (`token_secret`) is a hit of its own."""
    match = _NEXT_WORD.match(source, end)
    if match is None:
        return False
    may_follow = _MAY_FOLLOW_A_BLANK if match.group(1) == b" " else _MAY_FOLLOW
    return match.group(2).lower() not in may_follow


def _has_key_modifier(lowered: bytes, at: int, modifiers: tuple[bytes, ...]) -> bool:
    """`api_key`, `secretKey`, `X-Api-Key`: a modifier, then at most 3 separators, then `key`."""
    start = at
    while start > at - 3 and start > 0 and not lowered[start - 1:start].isalnum() \
            and lowered[start - 1] != _NEWLINE:
        start -= 1
    if start > 0 and not lowered[start - 1:start].isalnum():
        return False  # more than 3 separators, or a line break, before `key`
    return lowered.endswith(modifiers, max(0, start - 16), start)


def _is_pass_word(source: bytes, lowered: bytes, pos: int) -> bool:
    """`pass` where it can be a word of a name (`PASS`, `db_pass`, `smtpPass`, `password`),
    not the statement (`pass`), nor part of a word (`passed`, `bypass`)."""
    end = pos + len(_PASS)
    for noun in _PASS_NOUNS:
        if lowered.startswith(noun, end):
            return _ends_a_word(source, end + len(noun))
    if lowered[end:end + 1].isalpha():
        return False  # passed, passing
    if pos and lowered[pos - 1:pos].isalpha():  # smtpPass, DBPass: a case change starts the word
        return source[pos] == 80 and (source[pos + 1] == 97 or source[pos - 1:pos].islower())  # P, a
    before = lowered[pos - 1:pos] if pos else b"\n"
    if before in b" \t\n:;":
        newline = lowered.find(b"\n", end, end + 200)
        rest = lowered[end:newline if newline >= 0 else end + 200].lstrip(b" \t")
        if not rest or rest[0] in b"#;":
            return False  # the statement
    return not _prose_follows(source, end)


def _keeps(anchor: _Anchor, source: bytes, lowered: bytes, at: int, modifiers: tuple[bytes, ...]) -> bool:
    """The anchor, which stands at `at` (the caller has looked), counts there."""
    end = at + len(anchor.text)
    if anchor.stops and end < len(lowered) and lowered[end] in anchor.stops:
        return False
    if anchor.text == _KEY:
        return _has_key_modifier(lowered, at, modifiers) and _ends_a_word(source, end)
    if anchor.text == _PASS:
        return _is_pass_word(source, lowered, at)
    if anchor.nouns:
        return any(lowered.startswith(noun, at - offset) and _ends_a_word(source, at - offset + len(noun))
                   for offset, noun in anchor.nouns)
    if anchor.follows is not None:
        text = lowered if anchor.lowered else source
        return not _follows_a_word(text, end) and anchor.follows.match(text, end) is not None
    return True


def _anchor_positions(source: bytes, lowered: bytes, groups: tuple[_Group, ...],
                      modifiers: tuple[bytes, ...]) -> list[int]:
    """Where an anchor stands: one search per group, a cheap look around each hit that
    needs one, and after a hit the rest of its line skipped (one hit makes the line a
    candidate)."""
    positions = []
    for group in groups:
        text = lowered if group.lowered else source
        search = group.finder.search
        match = search(text)
        while match is not None:
            found = match.start()
            for anchor, lead in group.members:
                at = found - lead
                # The member stands here (most hits are one member's): only then look around.
                if at >= 0 and (lowered if anchor.lowered else source).startswith(anchor.text, at) \
                        and _keeps(anchor, source, lowered, at, modifiers):
                    positions.append(at)
                    newline = text.find(b"\n", found)
                    match = None if newline < 0 else search(text, newline)
                    break
            else:
                match = search(text, found + 1)
    if _URL_MARK in source and b"@" in source:
        positions += [m.start() for m in _URL_USERINFO.finditer(source)]
    return positions


def candidate_lines_of_bytes(data: bytes, vocab: Vocabulary) -> list[int]:
    """Sorted 1-based numbers of the lines that could hold a finding, in source bytes whose
    line breaks are `\\n` (see `engine.prefilter_bytes`)."""
    modifiers, groups = _groups(vocab)
    return _line_numbers(data, _anchor_positions(data, data.lower(), groups, modifiers))


def candidate_lines(source: str, vocab: Vocabulary) -> list[int]:
    """Sorted 1-based numbers of the lines that could hold a finding."""
    return candidate_lines_of_bytes(source.encode("utf-8", "surrogatepass"), vocab)
