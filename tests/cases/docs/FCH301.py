import jwt

SIGNER = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIFQ2kRn8v3Xp7tLm0aZc9WbY4sGe1HjK6uDfNq5rTo2ioAoGCCqGSM49\n-----END EC PRIVATE KEY-----\n"  # expect: FCH301


def sign(claims):
    return jwt.encode(claims, SIGNER, algorithm="ES256")
