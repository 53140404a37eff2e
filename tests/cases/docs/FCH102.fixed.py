import os

FRESHCHAT_HOST = "https://acme.freshchat.com"
FRESHCHAT_APP_ID = "6f1c2a4e-3b5d-4c7e-9f8a-0b1c2d3e4f5a"
FRESHCHAT_APP_KEY = os.environ["FRESHCHAT_APP_KEY"]  # expect: FCH102
