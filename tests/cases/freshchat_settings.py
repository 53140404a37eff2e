"""A Freshchat settings dict: the Freshchat context names what it holds."""
import requests

FRESHCHAT = {
    "APP_ID": "7aeff54e-808c-46a6-9f49-2fba47a1fca7",
    "APP_KEY": "cc73abe9-9eba-409f-822a-87dc52e17fd9",  # expect: FCH102
    "DOMAIN": "msdk.freshchat.com",
}
WIDGET = {"token": "bd0558b4-9828-4a61-883e-dd4112cc16df", "host": "https://wchat.freshchat.com"}  # expect: FCH102


def agents(session: requests.Session):
    return session.get("https://acme.freshchat.com/v2/agents")
