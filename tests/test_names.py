import pytest

from flake8_freshchat.engine.names import Vocabulary, credential_name, split_words


@pytest.mark.parametrize("name", [
    "api_key", "AWS_SECRET_ACCESS_KEY", "X-Api-Key", "githubToken", "DB_PASSWORD", "Authorization",
    "password", "passwd", "pwd", "passphrase", "secret", "token", "jwt", "credentials", "creds",
    "apikey", "APIKey", "clientSecret", "private_key", "signing_key", "webhook-key", "password2",
    "access_tokens", "dbpassword", "authtoken", "secretkey", "X-Auth-Token", "Proxy-Authorization",
    "FRESHCHAT_API_TOKEN", "license_key", "consumerKey", "master.key", "service_account_key",
    # v2
    "PASS", "db_pass", "SMTP_PASS", "_pass", "password_for_backups", "DEPLOY_KEY", "PassWord", "userPassPhrase",
    "token_of_service", "new_password",
])
def test_credential_names(name):
    assert credential_name(name) is not None


@pytest.mark.parametrize("name", [
    "token_type", "PASSWORD_FIELD", "secret_name", "cache_key", "primary_key", "public_key",
    "TOKEN_URL", "csrf_token_name", "key", "monkey", "tokenizer", "password_hint", "keys",
    "sort_key", "secretary", "max_tokens_per_request", "", None, "x" * 300,
    # v2: actions, states, cursors, passes of an algorithm
    "reset_password", "change_password", "forgot_password", "set_password", "verify_password",
    "INVALID_PASSWORD", "page_token", "next_page_token", "continuation_token", "sync_token", "cursor",
    "first_pass", "render_pass", "bypass", "compass", "passed",
])
def test_not_credential_names(name):
    assert credential_name(name) is None


def test_password_type_names():
    assert credential_name("DB_PASSWORD").is_password
    assert credential_name("user_pwd").is_password
    assert not credential_name("api_token").is_password


def test_key_like_nouns_for_app_keys():
    assert credential_name("app_key").is_key_like
    assert credential_name("widget_token").is_key_like
    assert not credential_name("password").is_key_like


def test_vocabulary_adds_removes_and_ignores_words():
    vocab = Vocabulary.build(extra_words=("pin",), remove_words=("jwt",), ignore_names=("test_*",))
    assert credential_name("card_pin", vocab) is not None
    assert credential_name("card_pin") is None
    assert credential_name("id_jwt", vocab) is None
    assert credential_name("test_password", vocab) is None
    assert credential_name("prod_password", vocab) is not None


@pytest.mark.parametrize("name, words", [
    ("X-Api-Key", ["x", "api", "key"]),
    ("githubToken", ["github", "token"]),
    ("APIKey", ["api", "key"]),
    ("AWS_SECRET_ACCESS_KEY", ["aws", "secret", "access", "key"]),
    ("db.password", ["db", "password"]),
])
def test_split_words(name, words):
    assert split_words(name) == words
