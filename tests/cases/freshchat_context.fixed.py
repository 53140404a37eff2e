"""A JWT of any issuer is FCH101 in a Freshchat context; a UUID key is FCH102 there."""
import requests
import os


class FreshchatAPI:
    token = os.environ["FRESHCHAT_API_TOKEN"]  # expect: FCH101


freshchat_bearer = os.environ["FRESHCHAT_BEARER"]  # expect: FCH101
requests.post("https://acme.freshchat.com/v2/agents", headers={"Authorization": f"Bearer {os.environ['FRESHCHAT_API_TOKEN_2']}"})  # expect: FCH101
conf = {"host": "https://eu.freshchat.com", "api_key": os.environ["FRESHCHAT_API_KEY"]}  # expect: FCH102


def freshchat_settings():
    return {"app_key": os.environ["FRESHCHAT_APP_KEY"], "app_id": "c33f4584-b23b-41d8-893c-d01609de8895"}  # expect: FCH102


class SupportWidget:
    HOST = "https://widget.freshchat.com/js/widget.js"
    widget_token = os.environ["FRESHCHAT_WIDGET_TOKEN"]  # expect: FCH102

