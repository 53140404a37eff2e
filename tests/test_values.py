import random
import string

import pytest

from flake8_freshchat.engine.names import credential_name
from flake8_freshchat.engine.values import judge, secret_in
from flake8_freshchat.engine.words import made_of_words

from .synthetic import app_uuid, base62_key, freshchat_token, hex_key, other_jwt, private_key_pem, vendor_tokens

PASSWORD = credential_name("password")
TOKEN = credential_name("api_token")


@pytest.mark.parametrize("value", [
    "", "   ", "<insert-api-key>", "{token}", "{{ token }}", "${TOKEN}", "$TOKEN", "%s", "%(token)s",
    "xxxxxxxx", "********", ":****", "your-token-here", "YOUR_API_KEY", "example-key", "PLACEHOLDER",
    "[REDACTED]", "changeme", "dummy", "FRESHCHAT_API_TOKEN", "https://auth.example.org/token",
    "/etc/secrets/token", "prod/freshchat/api-token", "arn:aws:secretsmanager:eu-west-1:1:secret:x",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher", "bearer", "access_token", "set-password",
    "id_token", "Reset your password", "Bearer ", "Bearer {}", "token", "OAuth2AccessTokenGenerator",
    "00000000-0000-0000-0000-000000000000",
    # v2: code-like text, a vendor prefix alone, public values, technical terms, secret-manager paths
    "List[V1LocalObjectReference]", "Optional[List[SecretRef]]", "dict(str, int)", "sk_live_", "ghp_",
    "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
    "AKIAIOSFODNN7EXAMPLE", "sha256", "utf-8", "HS256", "secret/data/", "__token__", "Secret",
    "correcthorsebatterystaple", "KubeConfigLoader", "{% csrf_token %}", "Invalid token for this user",
    "projects/acme/secrets/api-key/versions/latest", "oauth2", "v1", "my_app",
])
def test_not_secrets_under_a_token_name(value):
    assert secret_in(value, TOKEN) is None


@pytest.mark.parametrize("value, shape", [
    (hex_key(1), "mixed"), (base62_key(2), "mixed"), (app_uuid(3), "uuid"),
    (other_jwt(4), "jwt"), (freshchat_token(5), "jwt"), (vendor_tokens(6)["GitHub"], "vendor-key"),
    (vendor_tokens(7)["Slack"], "vendor-key"), (vendor_tokens(8)["Stripe"], "vendor-key"),
    (private_key_pem(9), "private-key"), ("Pr0d-Sup3r-Secret!", "mixed"),
    ("Bonjour2024", "mixed"), ("s3ss-T0k-991", "mixed"), ("qfzlmxrktvwbphnc", "random"),
    ("QFZLMXRKTVWBPHNC", "random"), ("QfZlMxRkTvWbPhNc", "random"), ("Tr0ub4dor &3", "mixed"),
    ("1234567890123456", "random"),
])
def test_secrets_under_a_token_name(value, shape):
    secret = secret_in(value, TOKEN)
    assert secret is not None and secret.shape == shape
    assert (secret.start, secret.end) == (0, len(value))


@pytest.mark.parametrize("value", ["admin", "letmein", "hunter22", "1234", "pa$$", "Summer"])
def test_human_passwords_only_under_password_names(value):
    assert secret_in(value, PASSWORD) is not None
    assert secret_in(value, TOKEN) is None


@pytest.mark.parametrize("value", ["password", "Password", "secret", "abc", "two words", "string", "None",
                                   "correct_horse_battery"])
def test_credential_words_types_and_prose_are_not_passwords(value):
    assert secret_in(value, PASSWORD) is None


def test_base64_split_over_lines_is_one_key():
    key = "\n".join(base62_key(seed, 40) for seed in range(3))
    assert secret_in(key, credential_name("SIGNING_KEY")).shape == "mixed"
    assert secret_in(f"  {key}\n", credential_name("SIGNING_KEY")) is not None


def test_format_strings_are_templates_unless_a_strong_secret_stands_between_fields():
    assert secret_in("token-{}-v2", TOKEN) is None
    assert secret_in("{user}:{password}@host", TOKEN) is None
    assert secret_in("{host}/" + hex_key(3), TOKEN).shape == "random"


def test_allow_values_are_never_secrets():
    value = hex_key(4)
    assert secret_in(value, TOKEN, allowed=frozenset({value})) is None


def test_scheme_is_set_aside():
    key = hex_key(9)
    secret = secret_in(f"Bearer {key}", TOKEN)
    assert secret.start == len("Bearer ") and secret.end == len("Bearer ") + len(key)
    assert secret_in("Token " + key, TOKEN).start == len("Token ")


def test_basic_auth_carries_a_password():
    assert secret_in("Basic ZGVwbG95OlMzY3IzdC1wYXNz", credential_name("Authorization")).shape == "basic-auth"


def test_url_password_is_the_secret_part():
    value = "postgres://deploy:Pg-P4ssw0rd-9@db:5432/app"
    secret = secret_in(value, PASSWORD)
    assert value[secret.start:secret.end] == "Pg-P4ssw0rd-9"
    assert secret_in("postgres://deploy:${DB_PASSWORD}@db/app", PASSWORD) is None
    assert secret_in("amqp://guest:guest@localhost//", PASSWORD) is None


@pytest.mark.parametrize("text, words", [
    ("correcthorsebattery", True), ("KubeConfigLoader", True), ("secret-data", True),
    ("V1LocalObjectReference", True), ("qfzlmxrktvwbphnc", False), ("QfZlMxRkTvWbPhNc", False),
    ("QFZLMXRKTVWBPHNC", False), ("xq", False),
])
def test_words_are_recognised_as_words(text, words):
    assert made_of_words(text) is words


ALPHABETS = {
    "hex": "0123456789abcdef", "base32": string.ascii_uppercase + "234567",
    "base36-lower": string.ascii_lowercase + string.digits, "base36-upper": string.ascii_uppercase + string.digits,
    "base62": string.ascii_letters + string.digits, "base64url": string.ascii_letters + string.digits + "-_",
}
NAMES = ["api_key", "API_KEY", "secret", "client_secret", "auth_token", "password", "SMTP_PASS", "DEPLOY_KEY"]


@pytest.mark.parametrize("alphabet", sorted(ALPHABETS))
def test_random_keys_of_every_alphabet_are_secrets(alphabet):
    """Spec: 16+ characters not made of words, whatever the alphabet, under any credential name."""
    rng = random.Random(alphabet)
    chars = ALPHABETS[alphabet]
    trials = 2000
    reported = 0
    for _ in range(trials):
        key = "".join(rng.choice(chars) for _ in range(rng.randint(16, 64)))
        reported += secret_in(key, credential_name(rng.choice(NAMES))) is not None
    assert reported / trials >= 0.99, (alphabet, reported)


def test_dictionary_words_of_the_same_lengths_are_not():
    from flake8_freshchat.engine.tables import dictionary

    rng = random.Random(7)
    words = sorted(w for w in dictionary() if 4 <= len(w) <= 9)
    joiners = ["", "_", "-", "."]
    for _ in range(2000):
        target, pieces = rng.randint(16, 64), []
        while sum(map(len, pieces)) < target:
            pieces.append(rng.choice(words))
        style = rng.randrange(4)
        if style == 1:
            pieces = [p.capitalize() for p in pieces]
        elif style == 2:
            pieces = [p.upper() for p in pieces]
        value = rng.choice(joiners).join(pieces) if style != 1 else "".join(pieces)
        name = credential_name(rng.choice(["api_key", "secret", "client_secret", "auth_token"]))
        assert secret_in(value, name) is None, value
