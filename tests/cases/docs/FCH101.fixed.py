import requests
import os

API = "https://acme.freshchat.com/v2"
HEADERS = {"Authorization": f"Bearer {os.environ['FRESHCHAT_API_TOKEN']}"}  # expect: FCH101


def agents():
    return requests.get(f"{API}/agents", headers=HEADERS)
