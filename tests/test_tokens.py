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
