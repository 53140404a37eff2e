import os

def connect(host, user="svc", api_token=os.environ.get("API_TOKEN")):  # expect: FCH203
    return host, user, api_token
