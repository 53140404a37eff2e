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
`# pragma: allowlist secret` on the line of the literal (or its last line). pylint's
block and module disables (`# pylint: disable={symbol}` on a line of its own) hold as
pylint scopes them. Every front end, the fixer and the language server included, applies
the same rule. For names that look like credentials but are not, use the `ignore-names`
option rather than a suppression; to adopt on a legacy codebase, a baseline
(`check --write-baseline`).
"""
TEXT = {
"FCH101": ("""Finds a Freshchat API token anywhere in the source: a string, bytes, a part of an
f-string, a docstring or a comment. A token is recognised by decoding the JWT, not by
its length or the name it stands under: the current generation (HS256, `kid`
`custom-oauth-keyid`, `iss`/`aud` `freshchat`, `clientId` `fc-…`) and the legacy one
(RS256 from a Keycloak realm whose issuer is `internal-fc-<region>-…-keycloak-oauth-…`).
Any other JWT counts too when it stands in a Freshchat context: a Freshchat name, a
call, dict or class that holds a `freshchat.com` host, or a module that holds one or
imports a `freshchat` package.

Each finding says what decoding tells of the token (no network call; nothing secret): the
message gives its expiry date, and JSON and SARIF a `token` object with its `generation`
(`current` or `legacy`), `issued_at`, `expires_at`, whether it has `expired`, the
`region` of a legacy token (`aps1 (ap-south-1)`), its `scopes`, and its `client_id`
masked like a secret.""",
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
Every target of a chained assignment counts (`a = api_key = "…"`).
A name is credential-named when its last word is a credential noun (password, passwd,
pwd, passphrase, pass, secret, token, jwt, credential(s), creds, apikey, authorization),
or `key` after api, secret, private, access, app, client, signing, encryption, master,
auth, license, consumer, webhook, service, account or deploy; a qualifier after the noun
does not change it (`password_for_backups`). A credential noun after an action verb
(`reset_password`, `set_password`) and pagination cursors (`next_page_token`,
`continuation_token`) are not credential names.

The name gives the prior, so the value only has to not be a non-secret: 6 or more
characters mixing letters with digits or symbols (`Bonjour2024`), or 16 or more that are
not made of words in any alphabet (hex, base32, base36, base62, base64, either case).
Under a password-type name (password, passwd, pwd, passphrase, pass, and words you add)
one word or 4-5 characters is a human password too. Not secrets: placeholders (`<…>`,
`${X}`, `changeme`, `your-…`), a credential word as the value, a vendor prefix alone,
references (`ALL_CAPS` names, URLs without a password, paths, dotted paths),
identifier-like words, prose, code-like text (`List[V1Reference]`) and values published
for everyone (the Azure storage emulator's key, documentation examples; extend the list
with `allow-values`).""",
"""Anything in the source is in every clone, fork, wheel and CI log, for ever: committing
a secret is publishing it to everyone who can read the repository, now or later.
A credential in the code also cannot differ between development and production.""",
"""`NAME = "…"` becomes `NAME = os.environ["NAME"]`, and `import os` is added."""),
"FCH202": ("""Finds a secret literal passed as a credential-named keyword argument, such as
`password=` or `api_key=`, to any call (`dict(password=…)` included), or positionally in
the credential position of a known sink: `smtp.login(user, PASSWORD)`,
`ftplib.FTP(host, user, PASSWD)`, `pymysql.connect(host, user, PASSWORD)`,
`redis.Redis(host, port, db, PASSWORD)`, `HTTPBasicAuth(user, PASSWORD)`,
`auth=(user, PASSWORD)`, `jwt.encode(payload, KEY)`, `hmac.new(KEY, …)`, `Fernet(KEY)`,
`ldap3.Connection(server, user, PASSWORD)` and more. The sinks are a table
(`flake8_freshchat/engine/data/sinks.json`); the finding is named after the parameter.""",
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
"FCH206": ("""Finds a credential-named value compared (`==`, `!=`, `is`, `in`) with a secret, by the
same rule as FCH201: under a password-type name, `password == "root-Adm1n"` and a human
password such as `"letmein"` count.""",
"""The expected secret is in the source, and `==` on secrets leaks timing.""",
"""Not fixed automatically: the right source for the expected value depends on the code.
Read it from the environment and compare with `hmac.compare_digest`."""),
"FCH301": ("""Finds a PEM private key with a body (`-----BEGIN [RSA | EC | DSA | OPENSSH |
ENCRYPTED ]PRIVATE KEY-----` followed by key material) or a PGP private key block in any
string, under any name. A header alone, and public keys and certificates, are not
reported. Under a credential name (`private_key = …`) the finding is that position's
FCH2xx code instead.""",
"""A private key is the identity of a service, a signer or a TLS endpoint: whoever has it
can impersonate it, sign as it or decrypt what was sent to it, and unlike a password it
is often trusted for years.""",
"""The whole literal moves to an environment variable named after its target, or
`PRIVATE_KEY`. Better still, keep the key in a file outside the repository or in a
secret manager, and rotate the one that was committed."""),
"FCH302": ("""Finds a literal that is wholly a token in a published vendor format, under any name:
Stripe `sk_live_`/`rk_live_` (not the publishable `pk_`), Slack `xox[abposr]-`, AWS
`AKIA`/`ASIA` key ids, Google `AIza`, GitHub `ghp_ gho_ ghu_ ghs_ ghr_` (with their
CRC32 checksum) and `github_pat_`, GitLab `glpat-`, SendGrid `SG.x.y`, Hugging Face `hf_`,
OpenAI `sk-proj-`, Anthropic `sk-ant-`, npm `npm_` (checksum), PyPI `pypi-AgE`. The
formats are a table (`flake8_freshchat/engine/data/vendors.json`).""",
"""These prefixes exist so that leaked tokens are found: scanners, including the vendors'
own, look for them in every public commit. A committed token is live until revoked.""",
"""The whole literal moves to an environment variable named after its target, or the
vendor's usual variable (`SLACK_TOKEN`, `GITHUB_TOKEN`, `STRIPE_SECRET_KEY`, …). Revoke
the committed token in the vendor's console."""),
"FCH303": ("""Finds a URL with a password in its user-info (`postgres://user:pass@host/db`) or a
connection string with a password-type key (`password=`, `pwd=`, `AccountKey=`,
`SharedAccessKey=`), the password judged by the secret rules: `user:password@`,
`{password}`, `${DB_PASSWORD}` and a password equal to its user name (`guest:guest`) are
not findings.""",
"""A connection URL in the code carries the database's password to everyone who can read
the repository, and ties the code to one server.""",
"""The whole URL or connection string moves to an environment variable named after its
target, or `<SCHEME>_URL` (`POSTGRES_URL`), `DATABASE_DSN` or
`AZURE_STORAGE_CONNECTION_STRING`: the URL is configuration, not only its password."""),
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
