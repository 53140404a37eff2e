"""Version 2 credential names and positions: *_pass, qualifiers, chained targets, comparisons."""
SMTP_PASS = "Ma1l-Relay!77"  # expect: FCH201
PASS = "hunter42!"  # expect: FCH201
db_pass = "letmein"  # expect: FCH201
password_for_backups = "B4ckup-Pw-2024"  # expect: FCH201
web = api = CLIENT_TOKEN = "c7f3a9e1b5d2480f96ab3e7c1d5f2a8b"  # expect: FCH201
settings_key = deploy_key = "QF7ZL2MX9RKT4VWB8PHN3CJD6GYS5EUA"  # expect: FCH201
WEBHOOK_SECRET = "Spring2025"  # expect: FCH201
SECRET_KEY = "Bonjour2024"  # expect: FCH201
api_key = "qfzlmxrktvwbphnc"  # expect: FCH201
SIGNING_KEY = (
    "MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu"  # expect: FCH201
    "KUpRKfFLfRYC9AIKjbJTWit+CqvjWYzvQwECAwEAAQ=="
)
HMAC_SECRET = "\n    q8Zt3Lm2Vx9Kp4Wn7Rb1Hc6Jd5Fg0Sa2Ye8Ui4Oo3Pq\n    Lk2Jh8Gf5Ds1Az7Xc4Vb9Nm3Qw6Er0Ty2Ui8Op5As1\n"  # expect: FCH201
PASSPHRASE = "Hunter 42!"  # expect: FCH201


def check(password, token):
    if password == "root-Adm1n":  # expect: FCH206
        return True
    if password in ("letmein", ""):  # expect: FCH206
        return True
    return token != "9c1f5e3a7b2d4f6e8a0c2e4b6d8f0a1c"  # expect: FCH206


first_pass = "simplify"
render_pass = "shadow-map"
reset_password = "20/m/ip,5/m/key"
RATE_LIMITS = {"reset_password": "20/m/ip,5/m/key", "change_password": "/account/password/"}
PAGES = {"next_page_token": "eyJwIjogMn0=", "continuation_token": "c2Vjb25kLXBhZ2U9Mg=="}
sync_token = "bGFzdC1zeW5jPTIwMjQ="
a = b = "not-a-credential-anyway"


def chained(password, safe):
    return password == safe == "s3cr3t-Chain"  # expect: FCH206
