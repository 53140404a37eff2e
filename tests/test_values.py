import pytest

from flake8_freshchat.engine.names import credential_name
from flake8_freshchat.engine.values import looks_random, secret_in

from .synthetic import app_uuid, base62_key, freshchat_token, hex_key, other_jwt

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
])
def test_not_secrets_under_a_token_name(value):
    assert secret_in(value, TOKEN) is None


@pytest.mark.parametrize("value, shape", [
    (hex_key(1), "random"), (base62_key(2), "random"), (app_uuid(3), "uuid"),
    (other_jwt(4), "jwt"), (freshchat_token(5), "jwt"), ("ghp_" + base62_key(6, 36), "vendor-key"),
    ("xoxb-" + base62_key(7, 24), "vendor-key"), ("sk_live_" + base62_key(8, 24), "vendor-key"),
    ("-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----", "private-key"),
    ("Pr0d-Sup3r-Secret!", "random"),
])
def test_machine_generated_secrets(value, shape):
    secret = secret_in(value, TOKEN)
    assert secret is not None and secret.shape == shape
    assert (secret.start, secret.end) == (0, len(value))


@pytest.mark.parametrize("value", ["Tr0ub4dor&3", "admin", "letmein", "hunter22", "1234"])
def test_human_passwords_only_under_password_names(value):
    assert secret_in(value, PASSWORD) is not None
    assert secret_in(value, TOKEN) is None
    assert secret_in(value, PASSWORD, strict=True) is None  # comparisons need a machine shape


@pytest.mark.parametrize("value", ["password", "Password", "secret", "abc", "two words"])
def test_credential_words_and_prose_are_not_passwords(value):
    assert secret_in(value, PASSWORD) is None


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


def test_looks_random_needs_length_and_mixing():
    assert looks_random(base62_key(1, 24))
    assert not looks_random("abcdefghijklmnop")
    assert not looks_random("short1A!")
    assert not looks_random("PasswordResetTokenGenerator")
