import jwt
import os

SIGNER = os.environ["SIGNER"]  # expect: FCH301


def sign(claims):
    return jwt.encode(claims, SIGNER, algorithm="ES256")
