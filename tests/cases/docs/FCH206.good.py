import hmac
import os


def is_admin(token):
    return hmac.compare_digest(token, os.environ["ADMIN_TOKEN"])
