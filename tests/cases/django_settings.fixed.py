"""A Django settings module: owners tell the values apart, no numeric suffix."""
import os

SECRET_KEY = os.environ["SECRET_KEY"]  # expect: FCH201
DEBUG = False

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "shop",
        "USER": "shop",
        "PASSWORD": os.environ["DATABASE_PASSWORD"],  # expect: FCH204
        "HOST": "db.internal",
    },
    "replica": {
        "ENGINE": "django.db.backends.postgresql",
        "PASSWORD": os.environ["REPLICA_PASSWORD"],  # expect: FCH204
    },
}
CACHES = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "OPTIONS": {"PASSWORD": os.environ["CACHE_PASSWORD"]},  # expect: FCH204
    },
}
EMAIL_HOST_PASSWORD = os.environ["EMAIL_HOST_PASSWORD"]  # expect: FCH201
AWS_SECRET_ACCESS_KEY = os.environ["AWS_SECRET_ACCESS_KEY"]  # expect: FCH201


def connect(host, password=os.environ.get("CONNECT_PASSWORD")):  # expect: FCH203
    return host, password
