"""The fix keeps what the code means: planted modules run before the fix and, with the env
file's values in the environment, after it, and every module-level value, class attribute
and parameter default is equal."""
from __future__ import annotations

import os
import string
from unittest import mock

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from flake8_freshchat.codemod import fix_source
from flake8_freshchat.engine.envnames import EnvNameAllocator

NAMES = ["api_key", "password", "client_secret", "authToken", "DB_PASSWORD", "token", "user", "colour"]
SECRETISH = st.text(string.ascii_letters + string.digits + "-_!#%&", min_size=16, max_size=40)
VALUES = st.one_of(
    SECRETISH.map(repr), SECRETISH.map(lambda s: "b" + repr(s)),
    st.binary(min_size=16, max_size=24).map(repr),
    st.sampled_from(['"Tr0ub4dor&3"', '"admin"', '"<your-key>"', '""', '"Bearer eyJhbGciOiJIUzI1NiJ9x"']),
)
TEMPLATES = [
    "{name}_{i} = {value}",
    "{name}: str = {value}",
    "mapping_{i} = {{{key!r}: {value}, 'other': 1}}",
    "def fn_{i}(x, {name}={value}):\n    return x",
    "fallback_{i} = os.getenv({key!r}, {value})",
    "class Holder{i}:\n    {name} = {value}",
    "pair_{i} = {name}_{i} = {value}",
    "headers_{i} = {{'Authorization': {value}}}",
]


@st.composite
def modules(draw) -> str:
    statements = []
    for i in range(draw(st.integers(1, 6))):
        name, value = draw(st.sampled_from(NAMES)), draw(VALUES)
        statements.append(draw(st.sampled_from(TEMPLATES)).format(name=name, value=value, key=f"{name.upper()}_{i}", i=i))
    source = "import os\n" + "\n".join(statements) + "\n"
    try:
        compile(source, "<generated>", "exec")
    except SyntaxError:
        assume(False)
    return source


def _meaning(source: str, environ: dict[str, str]) -> dict[str, object]:
    """What the module defines: values, class attributes, defaults."""
    namespace: dict[str, object] = {}
    with mock.patch.dict(os.environ, environ, clear=True):
        exec(compile(source, "<module>", "exec"), namespace)  # noqa: S102 - generated test modules
    meaning = {}
    for key, value in namespace.items():
        if key.startswith("__") or key == "os":
            continue
        if isinstance(value, type):
            meaning[key] = {k: v for k, v in vars(value).items() if not k.startswith("__")}
        elif callable(value):
            meaning[key] = (value.__defaults__, value.__kwdefaults__)
        else:
            meaning[key] = value
    return meaning


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(modules())
def test_the_fixed_module_means_what_the_original_meant(source: str):
    allocator = EnvNameAllocator()
    fixed = fix_source(source, allocator=allocator)
    env = {m.env_name: m.value for m in fixed.report.moved}  # what the env file holds afterwards
    assert _meaning(fixed.code, env) == _meaning(source, {})
