HEADERS = {
    "Accept": "application/json",
    "X-Api-Key": "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6",  # expect: FCH204
}
