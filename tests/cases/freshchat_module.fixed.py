"""A module that imports a freshchat package is a Freshchat context everywhere."""
import freshchat_sdk
import os

client = freshchat_sdk.Client(token=os.environ["FRESHCHAT_API_TOKEN"])  # expect: FCH101
APP_KEY = os.environ["FRESHCHAT_APP_KEY"]  # expect: FCH102
APP_ID = "bdd640fb-0667-4ad1-9c80-317fa3b1799d"
