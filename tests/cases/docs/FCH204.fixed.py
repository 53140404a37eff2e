import os

HEADERS = {
    "Accept": "application/json",
    "X-Api-Key": os.environ["X_API_KEY"],  # expect: FCH204
}
