"""Code that only talks about credentials: nothing here is a finding."""
import os

password = ""
password = "   "
api_key = "<your-api-key>"
api_key = "your_api_key_here"
token = "{{ token }}"
token = "${TOKEN}"
token = "$TOKEN"
secret = "%s"
secret = "%(secret)s"
secret = "{secret}"
password = "********"
password = ":****"
password = "changeme"
password = "CHANGEME-in-production"
api_token = "REDACTED"
api_key = "dummy-key-for-tests"
client_secret = "placeholder"
secret_key = "example-secret-key-0123456789abcdef"
auth_token = "FRESHCHAT_API_TOKEN"
api_key = "SENDGRID_API_KEY"
token_url = "https://auth.example.org/oauth/token"
secret = "https://vault.example.org/v1/secret/data/app"
private_key = "/etc/ssl/private/server.key"
secret = "prod/freshchat/api-token"
password = "django.contrib.auth.hashers.PBKDF2PasswordHasher"
token = "access_token"
token = "bearer"
token = "id_token"
password = "set-password"
password = "password"
password = "Password"
secret = "Please enter your secret"
password = "Your password must contain at least 8 characters."
token = "x"
password = "abc"
api_key = "short1"
auth = {"Authorization": "Bearer "}
auth = {"Authorization": f"Bearer {os.environ['TOKEN']}"}
auth = {"Authorization": "Token " + os.environ["TOKEN"]}
TOKEN_TYPE = "Bearer"
PASSWORD_FIELD = "password"
secret_name = "a8f5f167f44f4964e6c998dee827110c"
cache_key = "a8f5f167f44f4964e6c998dee827110c"
primary_key = "b3fb08f3-4b48-438b-9e51-a921e8e6a305"
public_key = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo"
csrf_token_name = "csrftoken"
request_id = "b3fb08f3-4b48-438b-9e51-a921e8e6a305"
token = "00000000-0000-0000-0000-000000000000"
password = os.environ["PASSWORD"]
password = os.getenv("PASSWORD")
token = os.environ.get("TOKEN", "")
token = os.getenv("TOKEN", None)
secret = os.environ.get("SECRET", "changeme")
password_hint = "S3cr3t-Pa55w0rd!"
max_tokens = "4096"
token_pattern = r"(?u)\b\w\w+\b"
FRESHCHAT_WEBHOOK_PUBLIC_KEY = "-----BEGIN RSA PUBLIC KEY-----\nMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw\n-----END RSA PUBLIC KEY-----"
auth0_sample = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIzMSIsImlzcyI6Imh0dHBzOi8vYWNtZS5ldS5hdXRoMC5jb20vIiwiaWF0IjoxNzAwMDAwMDAwLCJzY29wZSI6InJlYWQ6b3JkZXJzIn0.b8oYsfroDrsehrD50AlpcZRzAQYUFAB1hgxTrAsWdl4"
docs = """An example JWT from another issuer: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIzMiIsImlzcyI6Imh0dHBzOi8vYWNtZS5ldS5hdXRoMC5jb20vIiwiaWF0IjoxNzAwMDAwMDAwLCJzY29wZSI6InJlYWQ6b3JkZXJzIn0.jBsME_demPQh8Vaqb-zKz5kQpeou4c3geTDu7N_vMke"""


def login(password=None, token="", api_key="<api-key>"):
    if password == "":
        return token == "(" or api_key != "ok"
    return password in ("", None)


def render(context):
    context["password"] = "%(password)s"
    return {"token": "{token}", "secret": "{{ secret }}"}


settings_pass = [
    ("boxcar", 10, 0),
    ("hann", 256, 128),
]
