"""Version 2 credential names and positions: *_pass, qualifiers, chained targets, comparisons."""
import os

SMTP_PASS = os.environ["SMTP_PASS"]  # expect: FCH201
PASS = os.environ["PASS"]  # expect: FCH201
db_pass = os.environ["DB_PASS"]  # expect: FCH201
password_for_backups = os.environ["PASSWORD_FOR_BACKUPS"]  # expect: FCH201
web = api = CLIENT_TOKEN = os.environ["CLIENT_TOKEN"]  # expect: FCH201
settings_key = deploy_key = os.environ["DEPLOY_KEY"]  # expect: FCH201
WEBHOOK_SECRET = os.environ["WEBHOOK_SECRET"]  # expect: FCH201
SECRET_KEY = os.environ["SECRET_KEY"]  # expect: FCH201
api_key = os.environ["API_KEY"]  # expect: FCH201
SIGNING_KEY = (
    os.environ["SIGNING_KEY"]  # expect: FCH201
)
HMAC_SECRET = os.environ["HMAC_SECRET"]  # expect: FCH201
PASSPHRASE = os.environ["PASSPHRASE"]  # expect: FCH201


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
