"""The fix, as a LibCST codemod: move each fixable hardcoded credential into `os.environ`.

    python -m libcst.tool codemod codemod.MoveCredentialsToEnviron PATH

(with `flake8_freshchat` listed in `modules` of `.libcst.codemod.yaml`). The engine
finds the literals on the stdlib AST; this module only maps its findings onto LibCST
nodes by position (both count columns in characters) and rewrites them:

- assignments, keyword arguments, mapping values: `os.environ["NAME"]`;
- parameter defaults: `os.environ.get("NAME")`, so importing never raises;
- env fallbacks: the fallback argument is removed;
- statements that only plant a value in os.environ: removed (the value is kept for the env file);
- a secret inside a larger string (`"Bearer …"`): an f-string around the lookup;
- bytes: `os.environ["NAME"].encode()`.

A rewrite it cannot make safely is refused with a warning, never guessed.
"""
from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass, field

import libcst as cst
import libcst.matchers as libcst_matchers
from libcst.codemod import CodemodContext, SkipFile, VisitorBasedCodemodCommand
from libcst.codemod.visitors import AddImportsVisitor
from libcst.metadata import PositionProvider

from .engine import DEFAULT_OPTIONS, Finding, Kind, Options, analyze_source
from .engine.envnames import EnvNameAllocator

LOOKUPS = ("subscript", "get")


@dataclass(frozen=True)
class MovedSecret:
    """A value the fix took out of the code, and the variable that now holds it."""

    env_name: str
    finding: Finding

    @property
    def value(self) -> str:
        return self.finding.secret


@dataclass
class FixReport:
    """What one module's fix did; shared with the CLI and the language server."""

    moved: list[MovedSecret] = field(default_factory=list)
    refused: list[tuple[Finding, str]] = field(default_factory=list)
    unfixable: list[Finding] = field(default_factory=list)


def _quote_fstring_text(text: str) -> str:
    """`text` as the literal part of a double-quoted f-string."""
    out = []
    for ch in text:
        if ch in "{}":
            out.append(ch * 2)
        elif ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 32 or ord(ch) == 127:
            out.append(f"\\x{ord(ch):02x}")
        else:
            out.append(ch)
    return "".join(out)


def _lookup_source(name: str, lookup: str, quote: str = '"', is_bytes: bool = False, ascii_value: bool = True) -> str:
    """`os.environ["NAME"]`, or `.get`; bytes get `.encode()`, after a "" default with `.get`
    so that an unset variable is not an AttributeError on None. Bytes beyond ASCII were
    stored as their latin-1 reading, and only latin-1 turns that text back into them."""
    if lookup == "get":
        default = f", {quote}{quote}" if is_bytes else ""
        source = f"os.environ.get({quote}{name}{quote}{default})"
    else:
        source = f"os.environ[{quote}{name}{quote}]"
    if not is_bytes:
        return source
    return f"{source}.encode()" if ascii_value else f"{source}.encode({quote}latin-1{quote})"


_ENVIRON = libcst_matchers.Attribute(value=libcst_matchers.Name("os"), attr=libcst_matchers.Name("environ"))
_NAME_ARG = libcst_matchers.Arg(value=libcst_matchers.SimpleString())
_READS = (
    libcst_matchers.Subscript(value=_ENVIRON, slice=[libcst_matchers.SubscriptElement(
        slice=libcst_matchers.Index(value=libcst_matchers.SimpleString()))])
    | libcst_matchers.Call(func=libcst_matchers.Attribute(value=_ENVIRON, attr=libcst_matchers.Name("get")),
                           args=[_NAME_ARG])
    | libcst_matchers.Call(func=libcst_matchers.Attribute(attr=libcst_matchers.Name("getenv")), args=[_NAME_ARG])
)


def _environment_reads(tree: cst.Module) -> frozenset[str]:
    """Names the module already reads from the environment (a quick fix at a time, or code
    written by hand): a different hardcoded value must not take one of them."""
    names = set()
    for node in libcst_matchers.findall(tree, _READS):
        literal = node.slice[0].slice.value if isinstance(node, cst.Subscript) else node.args[0].value
        value = literal.evaluated_value
        if isinstance(value, str):
            names.add(value)
    return frozenset(names)


REPLACE, DROP_FALLBACK, DROP_STATEMENT = "replace", "drop-fallback", "drop-statement"


def _rewrite(finding: Finding) -> str:
    """Fallbacks and statements that plant a value are dropped, and read the very name of
    their variable; every other literal is replaced."""
    if finding.plants_env:
        return DROP_STATEMENT
    return DROP_FALLBACK if finding.kind is Kind.FALLBACK else REPLACE


def _is_string(node: cst.CSTNode) -> bool:
    return isinstance(node, (cst.SimpleString, cst.ConcatenatedString, cst.FormattedString))


class _Refusal(Exception):
    pass


def _keep_comments(node: cst.BaseExpression) -> Sequence[cst.RightParen]:
    """The node's closing parentheses, carrying the comments between the pieces of an implicit
    concatenation that the rewrite replaces (a fix never drops a comment)."""
    comments = [c for c in libcst_matchers.findall(node, libcst_matchers.Comment())]
    if not comments or isinstance(node, (cst.SimpleString, cst.FormattedString)):
        return node.rpar
    if not node.rpar:
        raise _Refusal("comments between the pieces of the string would be lost; edit it by hand")
    *outer, last = node.rpar
    before = last.whitespace_before
    last_line = before.last_line if isinstance(before, cst.ParenthesizedWhitespace) else cst.SimpleWhitespace("")
    whitespace = cst.ParenthesizedWhitespace(
        first_line=cst.TrailingWhitespace(whitespace=cst.SimpleWhitespace("  "), comment=comments[0]),
        empty_lines=[cst.EmptyLine(indent=True, comment=c) for c in comments[1:]],
        indent=True, last_line=last_line)
    return [*outer, last.with_changes(whitespace_before=whitespace)]


class MoveCredentialsToEnviron(VisitorBasedCodemodCommand):
    DESCRIPTION = "Move hardcoded credentials into environment variables (flake8-freshchat)."
    METADATA_DEPENDENCIES = (PositionProvider,)

    def __init__(self, context: CodemodContext, lookup: str = "subscript",
                 options: Options = DEFAULT_OPTIONS, allocator: EnvNameAllocator | None = None,
                 findings: Sequence[Finding] | None = None, env_file: str | None = None) -> None:
        super().__init__(context)
        #: With `python -m libcst.tool codemod … --env-file .env`: the values are stored there,
        #: under the env file's lock, before LibCST writes the module; a failure skips the file.
        self.env_file = env_file
        if lookup not in LOOKUPS:
            raise ValueError(f"lookup must be one of {LOOKUPS}")
        self.lookup = lookup
        self.options = options
        self.allocator = allocator or EnvNameAllocator()
        self.findings = findings
        self.report = FixReport()
        self._plan: dict[tuple[int, int], tuple[Finding, str]] = {}
        self._concat_depth = 0
        self._fstring_quotes: list[str] = []
        self._os_imported_at = 1 << 30

    @staticmethod
    def add_args(arg_parser: argparse.ArgumentParser) -> None:
        arg_parser.add_argument("--lookup", choices=LOOKUPS, default="subscript",
                                help='os.environ["NAME"] (default) or os.environ.get("NAME")')
        arg_parser.add_argument("--env-file", default=None,
                                help="store the moved values in this env file before a module is written")

    def visit_Module(self, node: cst.Module) -> None:
        # LibCST adds `import os` unless the module's first imports hold it; an `import os`
        # further down (after a notebook's magics, say) serves every line below it.
        self._os_imported_at = 1 << 30
        for statement in node.body:
            if isinstance(statement, cst.SimpleStatementLine) and any(
                    isinstance(small, cst.Import) and any(
                        alias.asname is None and libcst_matchers.matches(alias.name, libcst_matchers.Name("os"))
                        for alias in small.names)
                    for small in statement.body):
                self._os_imported_at = self.get_metadata(PositionProvider, statement).start.line
                break

    # -- planning ----------------------------------------------------------------
    def transform_module_impl(self, tree: cst.Module) -> cst.Module:
        if self.env_file is None:
            return self._transform(tree)
        from . import envfile

        try:
            with envfile.EnvStore(self.env_file) as store:
                self.allocator = EnvNameAllocator({**store.existing})
                new_tree = self._transform(tree)
                moved = {m.env_name: m.value for m in self.report.moved}
                store.append((name, value) for name, value in moved.items() if name not in store.existing)
        except envfile.EnvFileError as exc:
            raise SkipFile(f"not rewritten: {exc}") from None
        return new_tree

    def _transform(self, tree: cst.Module) -> cst.Module:
        findings = self.findings
        if findings is None:
            findings = analyze_source(tree.code, self.options)
        self.report = FixReport()
        self._plan = {}
        # Names the code reads (fallbacks, os.environ writes) are claimed before any other
        # literal of the module takes a name, so those take the suffix, not the fixed name.
        fixable = sorted((f for f in findings if f.fixable), key=lambda f: _rewrite(f) == REPLACE)
        self.report.unfixable = [f for f in findings if not f.fixable]
        read_elsewhere = _environment_reads(tree) if fixable else frozenset()
        for finding in fixable:
            if "\0" in finding.secret:
                self._refuse(finding, "the value holds a NUL character, which no environment variable can hold")
                continue
            if finding.kind is Kind.FALLBACK and finding.is_bytes:
                # The environment gives str: dropping a bytes fallback would change its type.
                self._refuse(finding, "a bytes fallback; the environment gives str, edit it by hand")
                continue
            if _rewrite(finding) != REPLACE:
                name = finding.env_name
                if not self.allocator.reserve(name, finding.secret):
                    # Dropping this value would lose it: the env file keeps another one under NAME.
                    self._refuse(finding, f"{name} already stands for a different value in the env file")
                    continue
            else:
                name = self.allocator.allocate(finding.env_name, finding.secret, read_elsewhere,
                                               finding.env_alternatives)
            self._plan[(finding.line, finding.col)] = (finding, name)
        if not self._plan:
            return tree
        return super().transform_module_impl(tree)

    def _take(self, node: cst.CSTNode, rewrite: str) -> tuple[Finding, str] | None:
        """The plan for the literal at `node`, if its rewrite is of this kind (see `_rewrite`):
        each rewrite is made by the node that owns it, the literal, the call or the statement."""
        if not _is_string(node):
            return None
        position = self.get_metadata(PositionProvider, node).start
        key = (position.line, position.column)
        planned = self._plan.get(key)
        if planned is None or _rewrite(planned[0]) != rewrite:
            return None
        return self._plan.pop(key)

    def _moved(self, finding: Finding, name: str) -> None:
        self.report.moved.append(MovedSecret(name, finding))

    def _refuse(self, finding: Finding, reason: str) -> None:
        self.report.refused.append((finding, reason))
        self.warn(f"line {finding.line}: {finding.code} not fixed: {reason}")

    # -- string literals -----------------------------------------------------------
    def visit_FormattedString(self, node: cst.FormattedString) -> None:
        self._fstring_quotes.append(node.quote[0])

    def _free_quote(self) -> str:
        """A quote no enclosing f-string uses: before 3.12 a replacement field cannot hold
        its f-string's own quote."""
        for quote in ('"', "'"):
            if quote not in self._fstring_quotes:
                return quote
        raise _Refusal("nested f-strings use both quotes; edit it by hand")

    def visit_ConcatenatedString(self, node: cst.ConcatenatedString) -> None:
        self._concat_depth += 1

    def leave_ConcatenatedString(self, original_node: cst.ConcatenatedString,
                                 updated_node: cst.ConcatenatedString) -> cst.BaseExpression:
        self._concat_depth -= 1
        if self._concat_depth:
            return updated_node  # the inner right-hand part of a longer concatenation
        return self._literal(original_node, updated_node)

    def leave_SimpleString(self, original_node: cst.SimpleString,
                           updated_node: cst.SimpleString) -> cst.BaseExpression:
        if self._concat_depth:
            return updated_node  # a piece: the concatenation is replaced whole
        return self._literal(original_node, updated_node)

    def leave_FormattedString(self, original_node: cst.FormattedString,
                              updated_node: cst.FormattedString) -> cst.BaseExpression:
        self._fstring_quotes.pop()
        if self._concat_depth:
            return updated_node
        return self._literal(original_node, updated_node)

    def _literal(self, original: cst.BaseExpression, updated: cst.BaseExpression) -> cst.BaseExpression:
        planned = self._take(original, REPLACE)
        if planned is None:
            return updated  # not planned, or the enclosing call or statement removes it
        finding, name = planned
        try:
            replacement = self._replacement(original, finding, name)
        except _Refusal as refusal:
            self._refuse(finding, str(refusal))
            return updated
        try:
            rpar = _keep_comments(updated)
        except _Refusal as refusal:
            self._refuse(finding, str(refusal))
            return updated
        if finding.line <= self._os_imported_at:
            AddImportsVisitor.add_needed_import(self.context, "os")
        self._moved(finding, name)
        return replacement.with_changes(lpar=updated.lpar, rpar=rpar)

    def _replacement(self, node: cst.BaseExpression, finding: Finding, name: str) -> cst.BaseExpression:
        quote = self._free_quote()
        # A parameter default reads with .get, so that importing the module never raises.
        lookup = "get" if finding.kind is Kind.DEFAULT else self.lookup
        if isinstance(node, cst.FormattedString) or (
                isinstance(node, cst.ConcatenatedString) and node.evaluated_value is None):
            return self._in_fstring(node, finding, name)
        value = node.evaluated_value
        if isinstance(value, bytes):
            value = value.decode("latin-1")
        start, end = finding.span
        if value is None or value[start:end] != finding.secret:
            raise _Refusal("the literal no longer holds the reported value")
        prefix, suffix = value[:start], value[end:]
        if not prefix and not suffix:
            source = _lookup_source(name, lookup, quote, finding.is_bytes, finding.secret.isascii())
        else:
            if finding.is_bytes and not (prefix + suffix).isascii():
                raise _Refusal("non-ASCII bytes around the secret")
            if self._fstring_quotes:
                raise _Refusal("a new f-string inside an f-string; edit it by hand")
            # `.get` gives None when unset; around the scheme that would read "Bearer None".
            inner = f"os.environ.get('{name}', '')" if lookup == "get" else _lookup_source(name, lookup, quote="'")
            source = f'f"{_quote_fstring_text(prefix)}{{{inner}}}{_quote_fstring_text(suffix)}"'
            if finding.is_bytes:
                source = f"{source}.encode()" if finding.secret.isascii() else f"{source}.encode('latin-1')"
        return cst.parse_expression(source)

    def _in_fstring(self, node: cst.BaseExpression, finding: Finding, name: str) -> cst.BaseExpression:
        """A secret in the text part of an f-string: split the part around a lookup."""
        if not isinstance(node, cst.FormattedString) or "'" in node.start or '"' not in node.start \
                or "r" in node.prefix.lower():
            raise _Refusal("a secret inside this kind of f-string is not rewritten; edit it by hand")
        parts: list[cst.BaseFormattedStringContent] = []
        done = False
        for part in node.parts:
            if not done and isinstance(part, cst.FormattedStringText) and part.value.count(finding.secret) == 1:
                before, after = part.value.split(finding.secret)
                expression = cst.parse_expression(_lookup_source(name, self.lookup, quote="'"))
                if before:
                    parts.append(cst.FormattedStringText(before))
                parts.append(cst.FormattedStringExpression(expression=expression))
                if after:
                    parts.append(cst.FormattedStringText(after))
                done = True
            else:
                parts.append(part)
        if not done:
            raise _Refusal("the secret is split across parts of the f-string")
        return node.with_changes(parts=parts)

    # -- fallbacks and plants ------------------------------------------------------------
    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        keep = []
        for original_arg, arg in zip(original_node.args, updated_node.args):
            planned = self._take(original_arg.value, DROP_FALLBACK)
            if planned is not None:
                self._moved(*planned)
                continue
            keep.append(arg)
        if len(keep) == len(updated_node.args):
            return updated_node
        if keep:
            keep[-1] = keep[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
        return updated_node.with_changes(args=keep)

    def _plant_of(self, statement: cst.BaseSmallStatement) -> tuple[Finding, str] | None:
        """`os.environ["K"] = "…"` or `os.environ.setdefault("K", "…")`, as the extractor saw it."""
        literal = None
        if isinstance(statement, cst.Assign) and len(statement.targets) == 1:
            literal = statement.value
        elif isinstance(statement, cst.Expr) and isinstance(statement.value, cst.Call) \
                and len(statement.value.args) >= 2:
            literal = statement.value.args[1].value
        return None if literal is None else self._take(literal, DROP_STATEMENT)

    def leave_SimpleStatementLine(self, original_node: cst.SimpleStatementLine,
                                  updated_node: cst.SimpleStatementLine):
        body = []
        for original, updated in zip(original_node.body, updated_node.body):
            planned = self._plant_of(original)
            if planned is not None:
                self._moved(*planned)
            else:
                body.append(updated)
        if len(body) == len(updated_node.body):
            return updated_node
        if not body:
            return cst.RemoveFromParent()
        body[-1] = body[-1].with_changes(semicolon=cst.MaybeSentinel.DEFAULT)
        return updated_node.with_changes(body=body)

    def leave_IndentedBlock(self, original_node: cst.IndentedBlock,
                            updated_node: cst.IndentedBlock) -> cst.IndentedBlock:
        if updated_node.body:
            return updated_node
        return updated_node.with_changes(body=[cst.SimpleStatementLine([cst.Pass()])])

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        for finding, _ in self._plan.values():  # planned, but no node took it
            self._refuse(finding, "its literal could not be located for rewriting")
        self._plan.clear()
        return updated_node


@dataclass
class FixedSource:
    code: str | bytes
    report: FixReport
    changed: bool


def fix_source(code: str | bytes, options: Options = DEFAULT_OPTIONS, lookup: str = "subscript",
               allocator: EnvNameAllocator | None = None, findings: Sequence[Finding] | None = None,
               filename: str | None = None) -> FixedSource:
    """Fix one module. Bytes in, bytes out in the module's own encoding, BOM and newlines."""
    module = cst.parse_module(code)
    context = CodemodContext(filename=filename)
    command = MoveCredentialsToEnviron(context, lookup=lookup, options=options, allocator=allocator,
                                       findings=findings)
    new_module = command.transform_module(module)
    new_code = new_module.bytes if isinstance(code, bytes) else new_module.code
    return FixedSource(new_code, command.report, new_code != code)
