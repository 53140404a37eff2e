def is_admin(token):
    return token == "3c5a9e1f7b2d4c6e8a0f1b3d5e7c9a2b"  # expect: FCH206
