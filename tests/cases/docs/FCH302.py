from slack_sdk import WebClient

client = WebClient("xoxb-20481937264-57201938475-Rf4kT9mWq2ZxLp7VbN3cHs8J")  # expect: FCH302
