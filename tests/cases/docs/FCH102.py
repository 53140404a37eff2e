FRESHCHAT_HOST = "https://acme.freshchat.com"
FRESHCHAT_APP_ID = "6f1c2a4e-3b5d-4c7e-9f8a-0b1c2d3e4f5a"
FRESHCHAT_APP_KEY = "0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b"  # expect: FCH102
