import base64
import json

from flake8_freshchat.engine.tokens import find_jwts, is_jwt

from .synthetic import b64, freshchat_legacy_token, freshchat_token, other_jwt, rnd


def test_current_generation_known_by_claims():
    jwts = find_jwts(freshchat_token(1))
    assert len(jwts) == 1 and jwts[0].is_freshchat


def test_legacy_generation_known_by_issuer():
    for region, aws in (("use1", "us-east-1"), ("apse2", "ap-southeast-2"), ("euc1", "eu-central-1")):
        assert find_jwts(freshchat_legacy_token(2, region, aws))[0].is_freshchat


def test_alb_keycloak_issuer():
    payload = {"iss": "http://internal-fc-use1-00-alb-keycloak-oauth-1234567890.us-east-1.elb.amazonaws.com"
                      "/auth/realms/production", "typ": "Bearer"}
    token = b64({"alg": "RS256", "typ": "JWT"}) + "." + b64(payload) + "." + rnd(342, 3)
    assert find_jwts(token)[0].is_freshchat


def test_other_issuer_is_a_jwt_but_not_freshchat():
    token = other_jwt(4)
    assert is_jwt(token)
    assert not find_jwts(token)[0].is_freshchat


def test_token_inside_text_has_its_span():
    token = freshchat_token(5)
    text = f"Authorization: Bearer {token}, next"
    jwt = find_jwts(text)[0]
    assert text[jwt.start:jwt.end] == token


def test_not_a_jwt():
    assert find_jwts("eyJ not a token") == []
    assert find_jwts("eyJhbGciOi.eyJzdWIi.garbage") == []  # header does not decode
    assert not is_jwt("prefix " + other_jwt(6))


def test_truncated_signature_still_recognised():
    assert find_jwts(freshchat_token(7)[:-10])[0].is_freshchat


def _expired_token() -> str:
    """A current-generation token issued in 2012, so expired in 2022."""
    from .synthetic import b64, rnd

    header = b'{"kid":"custom-oauth-keyid","typ":"JWT","alg":"HS256"}'
    payload = {"iss": "freshchat", "aud": "freshchat", "clientId": "fc-00000000-1111-4222-8333-444444444444",
               "scope": "agent:read user:read", "typ": "Bearer", "iat": 1_340_000_000, "exp": 1_655_532_800}
    return f"{b64(header)}.{b64(payload)}.{rnd(43, 9)}"


def test_triage_of_both_generations():
    import datetime

    from flake8_freshchat.engine import analyze_source

    from .synthetic import CURRENT_SCOPE, freshchat_legacy_token, freshchat_token

    current = freshchat_token(5)
    iat = json.loads(base64.urlsafe_b64decode(current.split(".")[1] + "==="))["iat"]
    (finding,) = analyze_source(f'TOKEN = "{current}"\n')
    issued = datetime.datetime.fromtimestamp(iat, datetime.timezone.utc)
    expires = datetime.datetime.fromtimestamp(iat + 315_532_800, datetime.timezone.utc)
    assert finding.token.as_dict() == {
        "generation": "current", "issued_at": issued.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "expires_at": expires.strftime("%Y-%m-%dT%H:%M:%SZ"), "expired": False, "region": None,
        "scopes": CURRENT_SCOPE.split(), "client_id": "fc-" + finding.token.client_id[3] + "…"}
    assert f"valid until {expires:%Y-%m-%d} is hardcoded" in finding.message
    (legacy,) = analyze_source(f'TOKEN = "{freshchat_legacy_token(6, "euc1", "eu-central-1")}"\n')
    assert legacy.token.as_dict() == {
        "generation": "legacy", "issued_at": "2020-03-19T17:46:40Z", "expires_at": "2030-03-17T17:46:40Z",
        "expired": False, "region": "euc1 (eu-central-1)", "scopes": ["agent:read", "message:create", "conversation:read"],
        "client_id": legacy.token.client_id}
    assert len(legacy.token.client_id) == 5 and legacy.token.client_id.endswith("…")
    (old,) = analyze_source(f'TOKEN = "{_expired_token()}"\n')
    assert (old.token.expired, old.token.expires_at, old.token.client_id) == (True, "2022-06-18T06:13:20Z", "fc-0…")
    assert "valid until 2022-06-18 is hardcoded" in old.message


def test_triage_in_every_format_and_the_advice_said_once(tmp_path):
    from .surfaces import PY, run

    (tmp_path / "a.py").write_text(f'TOKEN = "{_expired_token()}"\nOTHER = "{_expired_token()}"\n')
    text = run([PY, "-m", "flake8_freshchat", "check", "a.py"], cwd=str(tmp_path))
    assert text.stdout.count("valid until 2022-06-18") == 2
    assert text.stderr.count("revoke it and generate a new one in Freshchat's Admin > API settings") == 1
    document = json.loads(run([PY, "-m", "flake8_freshchat", "check", "--format", "json", "a.py"],
                              cwd=str(tmp_path)).stdout)
    assert document["findings"][0]["token"] == {
        "generation": "current", "issued_at": "2012-06-18T06:13:20Z", "expires_at": "2022-06-18T06:13:20Z",
        "expired": True, "region": None, "scopes": ["agent:read", "user:read"], "client_id": "fc-0…"}
    sarif = json.loads(run([PY, "-m", "flake8_freshchat", "check", "--format", "sarif", "a.py"],
                           cwd=str(tmp_path)).stdout)
    assert sarif["runs"][0]["results"][0]["properties"]["token"] == document["findings"][0]["token"]
    cached = json.loads(run([PY, "-m", "flake8_freshchat", "check", "--format", "json", "a.py"],
                            cwd=str(tmp_path)).stdout)  # read back from the cache
    assert cached["findings"] == document["findings"]
