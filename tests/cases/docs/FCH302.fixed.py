from slack_sdk import WebClient
import os

client = WebClient(os.environ["SLACK_TOKEN"])  # expect: FCH302
