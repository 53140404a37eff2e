def connect(host, user="svc", api_token="9f8e7d6c5b4a39281706f5e4d3c2b1a0"):  # expect: FCH203
    return host, user, api_token
