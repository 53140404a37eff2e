"""The extractor: finds candidate literals in a stdlib `ast` tree, visiting only the
statements on candidate lines (see prefilter). It decides nothing; the rules do.

It is shared by every front end: flake8 hands it flake8's tree, pylint, the CLI and the
language server parse the same source with `ast`, and the fixer maps its findings onto
LibCST nodes by position.
"""
from __future__ import annotations

import ast
import bisect
import tokenize
from collections.abc import Callable, Iterable
from typing import NamedTuple

from .model import Candidate, Kind, ModuleFacts, Scope
from .sinks import credential_positions, pair_keyword

FRESHCHAT_HOST = "freshchat.com"
_STRING_TYPES = (str, bytes)
_ENV_GETTERS = frozenset({"get", "setdefault"})


class _Binding(NamedTuple):
    kind: Kind
    name: str | None
    plants_env: bool = False
    #: The other targets of a chained assignment.
    others: tuple[str, ...] = ()
    #: A known sink's credential position: a credential whatever the parameter is called.
    position: bool = False
    #: An element of a list, tuple or set bound to the name, not the name's whole value.
    element: bool = False


class _Ctx(NamedTuple):
    names: tuple[str, ...]
    host: bool
    target: str | None
    scope: Scope


def dotted_name(node: ast.AST) -> str | None:
    """`os.environ.get` for the callee node; None for anything but names and attributes."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    if isinstance(node, ast.Call):  # requests.Session().post
        inner = dotted_name(node.func)
        if inner:
            parts.append(inner + "()")
            return ".".join(reversed(parts))
    return None


def _is_environ(node: ast.AST) -> bool:
    return (isinstance(node, ast.Name) and node.id == "environ") or (
        isinstance(node, ast.Attribute) and node.attr == "environ")


def _str_const(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _holds_host(nodes: Iterable[ast.AST | None]) -> bool:
    for node in nodes:
        value = _str_const(node)
        if value is not None and FRESHCHAT_HOST in value:
            return True
    return False


def _name_of(node: ast.AST) -> str | None:
    """The name an expression stands for: `token`, `self.token`, `headers["Authorization"]`,
    `request.headers.get("Authorization")`."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Subscript):
        return _str_const(node.slice)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get" \
            and node.args:
        return _str_const(node.args[0])
    return None


def _env_fallback(call: ast.Call) -> tuple[str, ast.AST, bool] | None:
    """(variable name, fallback node, plants) for os.getenv / os.environ.get / .setdefault."""
    func = call.func
    if isinstance(func, ast.Name) and func.id == "getenv":
        plants = False
    elif isinstance(func, ast.Attribute) and func.attr == "getenv":
        plants = False
    elif isinstance(func, ast.Attribute) and func.attr in _ENV_GETTERS and _is_environ(func.value):
        plants = func.attr == "setdefault"
    else:
        return None
    if not call.args:
        return None
    name = _str_const(call.args[0])
    if name is None:
        return None
    if len(call.args) >= 2:
        return name, call.args[1], plants
    for keyword in call.keywords:
        if keyword.arg in ("default", "value"):
            return name, keyword.value, plants
    return None


class Extraction(NamedTuple):
    candidates: list[Candidate]
    facts: ModuleFacts


class _Extractor:
    def __init__(self, lines: list[int], line_text: Callable[[int], str]) -> None:
        self.lines = lines
        self.line_text = line_text
        self.candidates: list[Candidate] = []
        self.facts = ModuleFacts()
        self.module_scope = Scope("<module>")
        #: Lines strictly inside multi-line string literals: no comments there.
        self.string_lines: set[int] = set()
        self.seen: set[int] = set()

    # -- pruning -------------------------------------------------------------------
    def _touches(self, lo: int, hi: int) -> bool:
        i = bisect.bisect_left(self.lines, lo)
        return i < len(self.lines) and self.lines[i] <= hi

    def _char_col(self, line: int, byte_col: int) -> int:
        text = self.line_text(line)
        if text.isascii():
            return byte_col
        return len(text.encode("utf-8")[:byte_col].decode("utf-8", "replace"))

    # -- statements ----------------------------------------------------------------
    def body(self, stmts: list[ast.stmt], ctx: _Ctx) -> None:
        for stmt in stmts:
            lo = stmt.lineno
            decorators = getattr(stmt, "decorator_list", None)
            if decorators:
                lo = min(lo, decorators[0].lineno)
            if not self._touches(lo, stmt.end_lineno or stmt.lineno):
                continue
            self.stmt(stmt, ctx)

    def stmt(self, stmt: ast.stmt, ctx: _Ctx) -> None:
        if isinstance(stmt, ast.Assign):
            *firsts, last = stmt.targets
            ctx = self._with_target(ctx, last)
            # `a = api_key = "…"`: the literal stands under every target; the last one claims it.
            others = tuple(name for name in map(_name_of, firsts) if name)
            self._assign(last, stmt.value, ctx, others)
            for target in firsts:
                self._assign(target, stmt.value, ctx)
            self.walk(stmt.value, ctx, None)  # anything _assign did not claim
        elif isinstance(stmt, ast.AnnAssign):
            if stmt.value is not None:
                ctx = self._with_target(ctx, stmt.target)
                self._assign(stmt.target, stmt.value, ctx)
                self.walk(stmt.value, ctx, None)
        elif isinstance(stmt, ast.Expr):
            value = stmt.value
            if isinstance(value, (ast.Constant, ast.JoinedStr)) and (
                    isinstance(value, ast.JoinedStr) or isinstance(value.value, _STRING_TYPES)):
                self._literal(value, ctx, _Binding(Kind.DOCSTRING, None))
            elif isinstance(value, ast.Call):
                fallback = _env_fallback(value)
                if fallback and fallback[2]:  # os.environ.setdefault("K", "…") alone: it plants
                    name, node, _ = fallback
                    self.walk(node, ctx, _Binding(Kind.FALLBACK, name, True), claim_only=True)
                self.walk(value, ctx, None)
            else:
                self.walk(value, ctx, None)
        elif isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            inner = ctx._replace(names=ctx.names + (stmt.name,), host=False, target=None)
            for node in stmt.decorator_list:
                self.walk(node, ctx, None)
            self._defaults(stmt.args, inner)
            self.body(stmt.body, inner)
        elif isinstance(stmt, ast.ClassDef):
            scope = Scope(stmt.name)
            inner = _Ctx(ctx.names + (stmt.name,), False, None, scope)
            for node in stmt.decorator_list:
                self.walk(node, ctx, None)
            for node in stmt.bases:
                self.walk(node, inner, None)
            for keyword in stmt.keywords:
                binding = _Binding(Kind.ARGUMENT, keyword.arg) if keyword.arg else None
                self.walk(keyword.value, inner, binding)
            self.body(stmt.body, inner)
        elif isinstance(stmt, (ast.Import, ast.ImportFrom)):
            modules = [alias.name for alias in stmt.names]
            if isinstance(stmt, ast.ImportFrom) and stmt.module:
                modules.append(stmt.module)
            if any("freshchat" in m.lower() for m in modules):
                self.facts.imports_freshchat = True
        else:
            for field in ("test", "iter", "target", "subject", "exc", "cause", "msg", "value"):
                node = getattr(stmt, field, None)
                if isinstance(node, ast.AST):
                    self.walk(node, ctx, None)
            for node in getattr(stmt, "targets", ()):  # Delete
                self.walk(node, ctx, None)
            for item in getattr(stmt, "items", ()):  # With
                self.walk(item.context_expr, ctx, None)
            for case in getattr(stmt, "cases", ()):  # Match
                self.walk(case.pattern, ctx, None)
                if case.guard is not None:
                    self.walk(case.guard, ctx, None)
                self.body(case.body, ctx)
            for handler in getattr(stmt, "handlers", ()):  # Try
                if handler.type is not None:
                    self.walk(handler.type, ctx, None)
                self.body(handler.body, ctx)
            for field in ("body", "orelse", "finalbody"):
                block = getattr(stmt, field, None)
                if isinstance(block, list):
                    self.body(block, ctx)

    def _with_target(self, ctx: _Ctx, target: ast.AST) -> _Ctx:
        name = _name_of(target)
        return ctx._replace(target=name, names=ctx.names + (name,) if name else ctx.names)

    def _assign(self, target: ast.AST, value: ast.AST, ctx: _Ctx, others: tuple[str, ...] = ()) -> None:
        if isinstance(target, (ast.Tuple, ast.List)) and isinstance(value, (ast.Tuple, ast.List)):
            if len(target.elts) == len(value.elts) and not any(
                    isinstance(e, ast.Starred) for e in target.elts + value.elts):
                for sub_target, sub_value in zip(target.elts, value.elts):
                    self._assign(sub_target, sub_value, ctx)
            return
        if isinstance(target, ast.Name):
            binding = _Binding(Kind.ASSIGNMENT, target.id)
        elif isinstance(target, ast.Attribute):
            binding = _Binding(Kind.ASSIGNMENT, target.attr)
            owner = dotted_name(target.value)
            if owner:
                ctx = ctx._replace(names=ctx.names + (owner,))
        elif isinstance(target, ast.Subscript) and _str_const(target.slice) is not None:
            binding = _Binding(Kind.MAPPING, _str_const(target.slice), _is_environ(target.value))
            owner = dotted_name(target.value)
            if owner:
                ctx = ctx._replace(names=ctx.names + (owner,))
        else:
            return
        self.walk(value, ctx, binding._replace(others=others), claim_only=True)

    def _defaults(self, args: ast.arguments, ctx: _Ctx) -> None:
        positional = args.posonlyargs + args.args
        for arg, default in zip(positional[len(positional) - len(args.defaults):], args.defaults):
            self.walk(default, ctx, _Binding(Kind.DEFAULT, arg.arg))
        for arg, default in zip(args.kwonlyargs, args.kw_defaults):
            if default is not None:
                self.walk(default, ctx, _Binding(Kind.DEFAULT, arg.arg))

    # -- expressions ---------------------------------------------------------------
    def walk(self, root: ast.AST, ctx: _Ctx, binding: _Binding | None, claim_only: bool = False) -> None:
        """Visit an expression iteratively (deep nesting must not overflow the stack).

        With `claim_only`, only the literals the binding reaches are taken: the
        statement walks the rest afterwards with no binding.
        """
        stack: list[tuple[ast.AST, _Ctx, _Binding | None]] = [(root, ctx, binding)]
        pop, push = stack.pop, stack.append
        while stack:
            node, ctx, binding = pop()
            if id(node) in self.seen and not isinstance(node, ast.JoinedStr):
                continue
            if binding is None and not self._touches(getattr(node, "lineno", 0) or 0,
                                                     getattr(node, "end_lineno", None) or 1 << 30):
                # Off every candidate line and under no name: nothing in it can be a finding
                # (a name, keyword, key or sink that binds a literal inside would be on its lines).
                continue
            if isinstance(node, ast.Constant):
                if isinstance(node.value, _STRING_TYPES):
                    self._literal(node, ctx, binding)
                continue
            if isinstance(node, ast.JoinedStr):
                self._literal(node, ctx, binding)
                if not claim_only:
                    for part in node.values:
                        if isinstance(part, ast.FormattedValue):
                            push((part.value, ctx, None))
                continue
            passes = binding is not None and binding.kind not in (Kind.COMPARISON, Kind.FALLBACK)
            if isinstance(node, (ast.BoolOp, ast.List, ast.Tuple, ast.Set)) and (passes or not claim_only):
                inner = binding if passes else None
                if inner is not None and not isinstance(node, ast.BoolOp):
                    # One of several values under the name; rows of a table (a list of tuples)
                    # are data, not credentials, so the name reaches one level down only.
                    inner = None if inner.element else inner._replace(element=True)
                for child in (node.values if isinstance(node, ast.BoolOp) else node.elts):
                    push((child, ctx, inner))
                continue
            if isinstance(node, ast.IfExp):
                push((node.body, ctx, binding if passes else None))
                push((node.orelse, ctx, binding if passes else None))
                if not claim_only:
                    push((node.test, ctx, None))
                continue
            if isinstance(node, ast.Call) and passes and isinstance(node.func, ast.Attribute) \
                    and node.func.attr == "encode" and isinstance(node.func.value, ast.Constant):
                push((node.func.value, ctx, binding))
                continue
            if claim_only:
                continue
            if isinstance(node, ast.Call):
                self._call(node, ctx, push)
            elif isinstance(node, ast.Dict):
                self._dict(node, ctx, push)
            elif isinstance(node, ast.Compare):
                self._compare(node, ctx, push)
            elif isinstance(node, ast.NamedExpr):
                push((node.value, self._with_target(ctx, node.target), _Binding(Kind.ASSIGNMENT, node.target.id)))
            elif isinstance(node, ast.Lambda):
                self._defaults(node.args, ctx)
                push((node.body, ctx, None))
            else:
                for child in ast.iter_child_nodes(node):
                    push((child, ctx, None))

    def _call(self, node: ast.Call, ctx: _Ctx, push) -> None:
        callee = dotted_name(node.func)
        inner = ctx._replace(
            names=ctx.names + (callee,) if callee else ctx.names,
            host=ctx.host or _holds_host(node.args) or _holds_host(k.value for k in node.keywords),
        )
        # The stack is last-in first-out: literals pushed last are claimed by their binding first.
        push((node.func, ctx, None))
        positions = credential_positions(callee)
        for index, arg in enumerate(node.args):
            parameter = positions.get(index)
            push((arg, inner, _Binding(Kind.ARGUMENT, parameter, position=True) if parameter else None))
        for keyword in node.keywords:
            push((keyword.value, inner, _Binding(Kind.ARGUMENT, keyword.arg) if keyword.arg else None))
            pair = pair_keyword(keyword.arg)
            if pair and isinstance(keyword.value, (ast.Tuple, ast.List)) and len(keyword.value.elts) == 2:
                push((keyword.value.elts[1], inner, _Binding(Kind.ARGUMENT, pair, position=True)))  # auth=(user, pw)
        fallback = _env_fallback(node)
        if fallback:
            push((fallback[1], inner, _Binding(Kind.FALLBACK, fallback[0])))

    def _dict(self, node: ast.Dict, ctx: _Ctx, push) -> None:
        inner = ctx._replace(host=ctx.host or _holds_host(node.values) or _holds_host(node.keys))
        for key, value in zip(node.keys, node.values):
            name = _str_const(key)
            if name is not None:
                push((value, inner._replace(names=inner.names + (name,)), _Binding(Kind.MAPPING, name)))
            else:
                push((value, inner, None))
            if key is not None:
                push((key, inner, None))

    def _compare(self, node: ast.Compare, ctx: _Ctx, push) -> None:
        operands = [node.left, *node.comparators]
        for operand in operands:
            push((operand, ctx, None))
        if len(node.ops) > 1 and all(isinstance(op, (ast.Eq, ast.Is)) for op in node.ops):
            # `password == safe == "…"`: in a chain of equalities every name meets every literal.
            names = [name for name in map(_name_of, operands) if name is not None]
            if names:
                for operand in operands:
                    if isinstance(operand, (ast.Constant, ast.JoinedStr)):
                        push((operand, ctx, _Binding(Kind.COMPARISON, names[0], others=tuple(names[1:]))))
                return
        for left, op, right in zip(operands, node.ops, operands[1:]):
            if isinstance(op, (ast.Eq, ast.NotEq, ast.Is, ast.IsNot)):
                for named, other in ((left, right), (right, left)):
                    name = _name_of(named)
                    if name is not None and isinstance(other, (ast.Constant, ast.JoinedStr)):
                        push((other, ctx, _Binding(Kind.COMPARISON, name)))
            elif isinstance(op, (ast.In, ast.NotIn)) and isinstance(right, (ast.Tuple, ast.List, ast.Set)):
                name = _name_of(left)
                if name is not None:
                    for element in right.elts:
                        push((element, ctx, _Binding(Kind.COMPARISON, name)))

    def _literal(self, node: ast.Constant | ast.JoinedStr, ctx: _Ctx, binding: _Binding | None) -> None:
        if id(node) in self.seen:
            return
        self.seen.add(id(node))
        if isinstance(node, ast.JoinedStr):
            parts = []
            for part in node.values:
                if isinstance(part, ast.Constant) and isinstance(part.value, str):
                    parts.append(part.value)
                else:
                    parts.append("{}")
            value, is_bytes, is_fstring = "".join(parts), False, True
        elif isinstance(node.value, bytes):
            value, is_bytes, is_fstring = node.value.decode("latin-1"), True, False
        else:
            value, is_bytes, is_fstring = node.value, False, False
        if FRESHCHAT_HOST in value:
            self.facts.freshchat_host = True
            ctx.scope.freshchat_host = True
        end_line = node.end_lineno or node.lineno
        if end_line > node.lineno + 1:
            self.string_lines.update(range(node.lineno + 1, end_line))
        binding = binding or _Binding(Kind.LITERAL, None)
        self.candidates.append(Candidate(
            kind=binding.kind, name=binding.name, value=value,
            line=node.lineno, col=self._char_col(node.lineno, node.col_offset),
            end_line=end_line, end_col=self._char_col(end_line, node.end_col_offset or 0),
            is_bytes=is_bytes, is_fstring=is_fstring,
            context_names=ctx.names, context_host=ctx.host, target=ctx.target,
            plants_env=binding.plants_env, other_names=binding.others,
            credential_position=binding.position, element=binding.element, scope=ctx.scope,
        ))

    # -- comments ------------------------------------------------------------------
    def comments(self) -> None:
        """Comments on candidate lines that may hold a JWT, read with the tokenizer."""
        for line in self.lines:
            text = self.line_text(line)
            if "#" not in text or "eyJ" not in text or line in self.string_lines:
                continue
            for token in _line_tokens(text):
                if token.type == tokenize.COMMENT and "eyJ" in token.string:
                    self.candidates.append(Candidate(
                        kind=Kind.COMMENT, name=None, value=token.string, line=line,
                        col=token.start[1], end_line=line, end_col=token.end[1],
                        scope=self.module_scope,
                    ))


def _line_tokens(text: str) -> list[tokenize.TokenInfo]:
    tokens: list[tokenize.TokenInfo] = []
    lines = iter([text if text.endswith("\n") else text + "\n"])
    try:
        for token in tokenize.generate_tokens(lambda: next(lines, "")):
            tokens.append(token)
    except (tokenize.TokenError, SyntaxError, IndentationError):
        pass  # a piece of a multi-line statement: the tokens before the error stand
    return tokens


def extract(tree: ast.Module, lines: list[int], line_text: Callable[[int], str]) -> Extraction:
    """Candidates of the statements on `lines` (sorted, 1-based), plus the module's facts."""
    extractor = _Extractor(lines, line_text)
    if lines:
        ctx = _Ctx((), False, None, extractor.module_scope)
        extractor.body(tree.body, ctx)
        extractor.comments()
    return Extraction(extractor.candidates, extractor.facts)
