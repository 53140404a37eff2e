"""A Freshchat settings dict: the Freshchat context names what it holds."""
import requests
import os

FRESHCHAT = {
    "APP_ID": "7aeff54e-808c-46a6-9f49-2fba47a1fca7",
    "APP_KEY": os.environ["FRESHCHAT_APP_KEY"],  # expect: FCH102
    "DOMAIN": "msdk.freshchat.com",
}
WIDGET = {"token": os.environ["FRESHCHAT_WIDGET_TOKEN"], "host": "https://wchat.freshchat.com"}  # expect: FCH102


def agents(session: requests.Session):
    return session.get("https://acme.freshchat.com/v2/agents")
