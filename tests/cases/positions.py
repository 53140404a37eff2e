"""Every position the spec lists, one literal each."""
import os

import requests

API_TOKEN = "75778ceabc8c03081f5b9be60e5f0133"  # expect: FCH201
signing_key: str = "FlJnZ6usuZSbFwwezDvkvOa5GSfOlvbBZjiUzs5s"  # expect: FCH201
user, password = "deploy", "Tr0ub4dor&3"  # expect: FCH201
if (auth_token := "7Kle0p5Dt5QwkGlka9qOk3hbEEHbX3v8LPkSnTfu"):  # expect: FCH201
    pass


class Service:
    client_secret = "81fbd145d5be01ce07255f78ffd31c2c"  # expect: FCH201

    def __init__(self):
        self.access_key = "CCs76qEQfyVfeQmse0Ot1VNdoQ283ivprMRbc654"  # expect: FCH201
        self.private_key = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAEhONzI6RbnrT6ZOZWmS0XPjf3ACmUbfzR6a7elgL\n-----END RSA PRIVATE KEY-----\n"  # expect: FCH201


def fetch(url, *, api_key="AssG2oCDHCJ7v0OB5oe4JDqmPENScqhkHV2iZR0h"):  # expect: FCH203
    return requests.get(url, params={"key": api_key})


handler = lambda pwd="hunter22": pwd  # expect: FCH203
requests.get("https://api.example.org", auth_token="6efbe015b48151b7e6744bac1a842dce")  # expect: FCH202
settings = {"db": {"password": "s3cr3t-Pa55"}}  # expect: FCH204
settings["api_secret"] = "etB7pYCsq3YJgV371FlDHi6YTeTxUkAUTDOGbHh1"  # expect: FCH204
os.environ["STRIPE_SECRET"] = "ehXADAr8MBFNr64nPcQlsckClhRgFtpzV4LazPH6"  # expect: FCH204
session_headers = {"Authorization": "Bearer 4e9ffc7eac661fe2a9d84388e1c0b807054c706e"}  # expect: FCH204
basic = {"Authorization": "Basic ZGVwbG95OlMzY3IzdC1wYXNz"}  # expect: FCH204
DB_URL_PASSWORD = "postgres://deploy:Pg-P4ssw0rd-9@db.internal:5432/app"  # expect: FCH201
github_token = os.getenv("GITHUB_TOKEN", "ghp_VD8SV06GhMLpBEqU3RvCJxkJPXXYhcIUEg3vdfYM")  # expect: FCH205
os.environ.setdefault("SMTP_PASSWORD", "m4il-Relay-Pw")  # expect: FCH205
webhook_key = os.environ.get("HOOK", default="26492592bfcccad18170e71c72d676d5")  # expect: FCH205


def verify(token, headers):
    if token != "FlJnZ6usuZSbFwwezDvkvOa5GSfOlvbBZjiUzs5sx":  # expect: FCH206
        return False
    return headers["X-Api-Key"] in ("75778ceabc8c03081f5b9be60e5f01330", "public")  # expect: FCH206


SPLIT_SECRET = ("7Kle0p5Dt5QwkGlka9qOk3hbEEHbX3v8LPkSnTfu"  # expect: FCH201
                "CCs76qEQfyVfeQmse0Ot1VNdoQ283ivprMRbc654")
BINARY_TOKEN = b"EhONzI6RbnrT6ZOZWmS0XPjf3ACmUbfzR6a7elgL"  # expect: FCH201
encoded_secret = "AssG2oCDHCJ7v0OB5oe4JDqmPENScqhkHV2iZR0hz".encode()  # expect: FCH201
SECRET_KEYS = [
    "81fbd145d5be01ce07255f78ffd31c2ca",  # expect: FCH201
    "6efbe015b48151b7e6744bac1a842dceb",  # expect: FCH201
]
