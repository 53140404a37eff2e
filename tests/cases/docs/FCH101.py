import requests

API = "https://acme.freshchat.com/v2"
HEADERS = {"Authorization": "Bearer eyJraWQiOiJjdXN0b20tb2F1dGgta2V5aWQiLCJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJmcmVzaGNoYXQiLCJhdWQiOiJmcmVzaGNoYXQiLCJ0eXAiOiJCZWFyZXIifQ.PtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA_2O7"}  # expect: FCH101


def agents():
    return requests.get(f"{API}/agents", headers=HEADERS)
