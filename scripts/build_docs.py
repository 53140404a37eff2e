"""Regenerates flake8_freshchat/docs/FCH*.md from the texts below and the tested case files
in tests/cases/docs (markers stripped). tests/test_docs.py fails when they drift apart.

usage: python scripts/build_docs.py
"""
import pathlib
import re
from flake8_freshchat.engine.registry import RULES_BY_CODE
ROOT = pathlib.Path(__file__).resolve().parent.parent
cases = ROOT / "tests/cases/docs"
out = ROOT / "flake8_freshchat/docs"
MARKER = re.compile(r"  # expect: FCH\d{3}$", re.MULTILINE)


def shown(path):
    return MARKER.sub("", path.read_text())

SUPPRESS = """## Suppression

`# noqa: {code}` (flake8), `# pylint: disable={symbol}` (pylint) or the cross-tool
`# pragma: allowlist secret` on the line of the literal. Every front end, the fixer
included, honours all three. For names that look like credentials but are not, use the
`ignore-names` option rather than a suppression.
"""
TEXT = {
"FCH101": ("""Finds a Freshchat API token anywhere in the source: a string, bytes, a part of an
f-string, a docstring or a comment. A token is recognised by decoding the JWT, not by
its length or the name it stands under: the current generation (HS256, `kid`
`custom-oauth-keyid`, `iss`/`aud` `freshchat`, `clientId` `fc-…`) and the legacy one
(RS256 from a Keycloak realm whose issuer is `internal-fc-<region>-…-keycloak-oauth-…`).
Any other JWT counts too when it stands in a Freshchat context: a Freshchat name, a
call, dict or class that holds a `freshchat.com` host, or a module that holds one or
imports a `freshchat` package.""",
"""A Freshchat API token is a bearer credential valid for ten years. Whoever reads it —
from the repository, a fork, a CI log, a wheel — gets the account's conversations,
users and agents through the API, with the permissions in its `scope`.""",
"""The token moves to `FRESHCHAT_API_TOKEN` (or the Freshchat name it already stood
under). A `Bearer` scheme is kept: `f"Bearer {os.environ['FRESHCHAT_API_TOKEN']}"`.
Tokens in docstrings and comments are reported but not rewritten: delete them by hand.

## If the token has leaked

Moving the token out of the code does not un-leak it: it stays in the history.
1. Generate a new token: in Freshchat, Admin settings → API Tokens (or Website
   Channel/Mobile SDK settings for app keys), generate a new API key.
2. Update every service that uses it (environment, secret manager, CI variables).
3. Revoke the old token, so the copy in the history is worthless.
4. Watch usage (API logs, the account's audit log) for calls you did not make."""),
"FCH102": ("""Finds a Freshchat app key or widget token — a UUID — under a key, token or secret name
(`app_key`, `widget_token`, `FRESHCHAT_APP_KEY`) in a Freshchat context. App IDs,
channel IDs, group IDs and user IDs are identifiers, not credentials, and are not
reported.""",
"""App keys ship inside mobile apps and web pages, so they are low-severity configuration
rather than secrets. They still differ per environment and are rotated now and then;
kept in the environment, a rotation is a deployment setting, not a code change.""",
"""The value moves to an environment variable with a `FRESHCHAT_` prefix unless the name
already holds it."""),
"FCH201": ("""Finds a secret literal assigned to a credential-named target: a variable, an attribute,
a class attribute, an annotated or walrus target, or an element of tuple unpacking.
A name is credential-named when its last word is a credential noun (password, passwd,
pwd, passphrase, secret, token, jwt, credential(s), creds, apikey, authorization) or
`key` after api, secret, private, access, app, client, signing, encryption, master,
auth, license, consumer, webhook, service or account. A value is a secret when it looks
machine-generated (long, mixed classes, high entropy, a known vendor prefix, a JWT, a
UUID, a PEM private key) or, under a password name, is a human password. Placeholders,
references (environment-variable names, URLs, paths), identifier-like words and prose
are not secrets.""",
"""Anything in the source is in every clone, fork, wheel and CI log, for ever: committing
a secret is publishing it to everyone who can read the repository, now or later.
A credential in the code also cannot differ between development and production.""",
"""`NAME = "…"` becomes `NAME = os.environ["NAME"]`, and `import os` is added."""),
"FCH202": ("""Finds a secret literal passed as a credential-named keyword argument, such as
`password=` or `api_key=`, to any call (`dict(password=…)` included).""",
"""The secret is in the source, and so in every copy of the repository.""",
"""The literal becomes `os.environ["NAME"]`, NAME from the keyword (`password=` → `PASSWORD`)."""),
"FCH203": ("""Finds a credential-named parameter whose default is a secret literal, in functions,
methods and lambdas.""",
"""A default is the value every caller gets without asking: the secret is in the source
and silently used wherever the argument is left out.""",
"""The default becomes `os.environ.get("NAME")`, so importing the module never raises."""),
"FCH204": ("""Finds a secret literal under a credential-named key: dict displays, `x["key"] = …`,
`os.environ["NAME"] = …`, and HTTP headers such as `Authorization` and `X-Api-Key`.
For an Authorization-style value the scheme (`Bearer`, `Basic`, `Token`, …) is set
aside and the rest is judged.""",
"""The secret is in the source. Setting `os.environ["NAME"] = "…"` in code is no better:
the value is still committed, only hidden one step further.""",
"""The value becomes `os.environ["NAME"]`, NAME from the key (`"X-Api-Key"` → `X_API_KEY`).
A statement that only plants a value in the environment is removed, its value kept
under NAME in the env file."""),
"FCH205": ("""Finds a secret literal as the fallback of `os.getenv`, `os.environ.get` or
`os.environ.setdefault` for a credential-named variable.""",
"""A fallback is used whenever the variable is missing — so the committed secret is the
one production silently runs on when a deployment forgets it.""",
"""The fallback is removed: `os.getenv("K", "…")` becomes `os.getenv("K")`. A statement
`os.environ.setdefault("K", "…")` that only plants the value is removed."""),
"FCH206": ("""Finds a credential-named value compared (`==`, `!=`, `in`) with a literal that has a
machine-generated shape. Weaker values are not reported here: comparing a password
with `"admin"` is usually a test of a fixture.""",
"""The expected secret is in the source, and `==` on secrets leaks timing.""",
"""Not fixed automatically: the right source for the expected value depends on the code.
Read it from the environment and compare with `hmac.compare_digest`."""),
}
for code, (what, why, fix) in TEXT.items():
    rule = RULES_BY_CODE[code]
    example = shown(cases / f"{code}.py")
    good = cases / (f"{code}.fixed.py" if rule.fixable else f"{code}.good.py")
    page = (f"# {code}: {rule.symbol}\n\n{rule.title[0].upper() + rule.title[1:]}. "
            f"Fixable: {'yes' if rule.fixable else 'no'}. pylint: `{rule.symbol}` ({rule.pylint_id}).\n\n"
            f"## What it does\n\n{what}\n\n## Why is this bad?\n\n{why}\n\n"
            f"## Example\n\n```python\n{example}```\n\n## Use instead\n\n```python\n{shown(good)}```\n\n"
            f"## Fix\n\n{fix}\n\n" + SUPPRESS.format(code=code, symbol=rule.symbol))
    (out / f"{code}.md").write_text(page)
