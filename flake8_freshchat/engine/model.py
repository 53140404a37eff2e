"""The values that pass between front ends and the engine: candidates in, findings out.

Immutable values are NamedTuples, not dataclasses: every run, and every worker, creates
these classes at start-up, where `dataclasses` costs 8 ms to import and a millisecond a
class (a NamedTuple, a fifth of that). The engine's other value types follow suit."""
from __future__ import annotations

import enum
from typing import TYPE_CHECKING, NamedTuple

from .registry import RULES_BY_CODE

if TYPE_CHECKING:
    from .tokens import TokenFacts


class Kind(enum.Enum):
    """Where a literal stands; each kind has its FCH2xx code."""

    ASSIGNMENT = "assignment"   # name = "…", obj.attr = "…", (name := "…"), a, b = "…", "…"
    ARGUMENT = "argument"       # f(name="…"), or a known sink's credential position: smtp.login(user, "…")
    DEFAULT = "default"         # def f(name="…")
    MAPPING = "mapping"         # {"name": "…"}, x["name"] = "…", os.environ["NAME"] = "…"
    FALLBACK = "fallback"       # os.getenv("NAME", "…"), os.environ.get / setdefault
    COMPARISON = "comparison"   # name == "…"
    LITERAL = "literal"         # any other string: only a Freshchat token counts here
    DOCSTRING = "docstring"     # a string statement: reported, never rewritten
    COMMENT = "comment"         # a comment: reported, never rewritten


class Scope:
    """A class or module whose Freshchat context may be learnt anywhere inside it (learnt
    as the extractor goes: mutable, and compared by identity)."""

    __slots__ = ("name", "freshchat_host")

    def __init__(self, name: str, freshchat_host: bool = False) -> None:
        self.name = name
        self.freshchat_host = freshchat_host

    def __repr__(self) -> str:
        return f"Scope({self.name!r}, freshchat_host={self.freshchat_host})"


class Candidate(NamedTuple):
    """A literal a front end found, with what surrounds it; the engine alone decides."""

    kind: Kind
    #: The name the literal stands under (target, keyword, parameter, key, env variable).
    name: str | None
    #: The literal's text; bytes are decoded as latin-1 so offsets stay byte offsets.
    value: str
    line: int
    #: Column of the literal's first character, in characters (not UTF-8 bytes).
    col: int
    end_line: int
    end_col: int
    is_bytes: bool = False
    #: An f-string: `value` holds its constant parts only, "{}" for each expression.
    is_fstring: bool = False
    #: Other names involved: enclosing assignment target, callee, dict owner, function, class.
    context_names: tuple[str, ...] = ()
    #: The enclosing call or dict holds a freshchat.com host literal.
    context_host: bool = False
    #: The assignment target this literal's call or mapping feeds (for fallbacks).
    target: str | None = None
    #: The statement does nothing but put this value into os.environ.
    plants_env: bool = False
    #: The other targets of a chained assignment (`a = api_key = "…"`): names it stands under too.
    other_names: tuple[str, ...] = ()
    #: A known sink's credential position (`smtp.login(user, "…")`): `name` is the parameter's.
    credential_position: bool = False
    #: One element of a list, tuple or set under the name (`KEYS = ["…", "…"]`).
    element: bool = False
    scope: Scope | None = None


class ModuleFacts:
    """What the whole module says about Freshchat, learnt during extraction (mutable)."""

    __slots__ = ("freshchat_host", "imports_freshchat")

    def __init__(self, freshchat_host: bool = False, imports_freshchat: bool = False) -> None:
        self.freshchat_host = freshchat_host
        self.imports_freshchat = imports_freshchat

    def __repr__(self) -> str:
        return f"ModuleFacts(freshchat_host={self.freshchat_host}, imports_freshchat={self.imports_freshchat})"

    @property
    def is_freshchat(self) -> bool:
        return self.freshchat_host or self.imports_freshchat


class Finding(NamedTuple):
    """A decided finding. `secret` never reaches any output; only the fixer reads it."""

    code: str
    message: str
    line: int
    col: int
    end_line: int
    end_col: int
    kind: Kind
    name: str | None
    env_name: str
    fixable: bool
    #: The secret's span inside the candidate's value (the fixer keeps what is around it).
    span: tuple[int, int]
    is_bytes: bool = False
    is_fstring: bool = False
    plants_env: bool = False
    #: Owner-qualified names to try, in order, when `env_name` stands for another value.
    env_alternatives: tuple[str, ...] = ()
    secret: str = ""
    #: In a notebook: the cell (from 1, markdown cells counted); `line` is then the cell's line.
    cell: int | None = None
    #: FCH101: what decoding the token tells (generation, dates, region, scopes).
    token: "TokenFacts | None" = None

    def __repr__(self) -> str:  # every field but the secret
        return "Finding(" + ", ".join(
            f"{name}={value!r}" for name, value in zip(self._fields, self) if name != "secret") + ")"

    @property
    def symbol(self) -> str:
        return RULES_BY_CODE[self.code].symbol

    @property
    def reads_its_name(self) -> bool:
        """A fallback or an os.environ write: the fix drops the literal and the code reads the
        variable by this very name, so the name cannot take a suffix and is claimed first."""
        return self.plants_env or self.kind is Kind.FALLBACK
