"""Every position the spec lists, one literal each."""
import os

import requests

API_TOKEN = os.environ["API_TOKEN"]  # expect: FCH201
signing_key: str = os.environ["SIGNING_KEY"]  # expect: FCH201
user, password = "deploy", os.environ["PASSWORD"]  # expect: FCH201
if (auth_token := os.environ["AUTH_TOKEN"]):  # expect: FCH201
    pass


class Service:
    client_secret = os.environ["CLIENT_SECRET"]  # expect: FCH201

    def __init__(self):
        self.access_key = os.environ["ACCESS_KEY"]  # expect: FCH201
        self.private_key = os.environ["PRIVATE_KEY"]  # expect: FCH201


def fetch(url, *, api_key=os.environ.get("API_KEY")):  # expect: FCH203
    return requests.get(url, params={"key": api_key})


handler = lambda pwd=os.environ.get("HANDLER_PWD"): pwd  # expect: FCH203
requests.get("https://api.example.org", auth_token=os.environ["AUTH_TOKEN_2"])  # expect: FCH202
settings = {"db": {"password": os.environ["DB_PASSWORD"]}}  # expect: FCH204
settings["api_secret"] = os.environ["API_SECRET"]  # expect: FCH204
session_headers = {"Authorization": f"Bearer {os.environ['AUTHORIZATION']}"}  # expect: FCH204
basic = {"Authorization": f"Basic {os.environ['BASIC_AUTHORIZATION']}"}  # expect: FCH204
DB_URL_PASSWORD = f"postgres://deploy:{os.environ['DB_URL_PASSWORD']}@db.internal:5432/app"  # expect: FCH201
github_token = os.getenv("GITHUB_TOKEN")  # expect: FCH205
webhook_key = os.environ.get("HOOK")  # expect: FCH205


def verify(token, headers):
    if token != "FlJnZ6usuZSbFwwezDvkvOa5GSfOlvbBZjiUzs5sx":  # expect: FCH206
        return False
    return headers["X-Api-Key"] in ("75778ceabc8c03081f5b9be60e5f01330", "public")  # expect: FCH206


SPLIT_SECRET = (os.environ["SPLIT_SECRET"]  # expect: FCH201
)
BINARY_TOKEN = os.environ["BINARY_TOKEN"].encode()  # expect: FCH201
encoded_secret = os.environ["ENCODED_SECRET"].encode()  # expect: FCH201
SECRET_KEYS = [
    os.environ["SECRET_KEYS"],  # expect: FCH201
    os.environ["SECRET_KEYS_2"],  # expect: FCH201
]
