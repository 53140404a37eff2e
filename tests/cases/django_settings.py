"""A Django settings module: owners tell the values apart, no numeric suffix."""
SECRET_KEY = "django-Kq8vN3xK7pL2-Wm4Zt9Rb1Hc6Jd5"  # expect: FCH201
DEBUG = False

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "shop",
        "USER": "shop",
        "PASSWORD": "Pg-Sh0p-Pw-2024",  # expect: FCH204
        "HOST": "db.internal",
    },
    "replica": {
        "ENGINE": "django.db.backends.postgresql",
        "PASSWORD": "Pg-R3plica-Pw-9",  # expect: FCH204
    },
}
CACHES = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "OPTIONS": {"PASSWORD": "R3dis-Cache-Pw-7"},  # expect: FCH204
    },
}
EMAIL_HOST_PASSWORD = "Sm7p-Mail-Pw-31"  # expect: FCH201
AWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMk7MDENGbPxRfiCYxQ2Lm9Vx3Kp4W"  # expect: FCH201


def connect(host, password="Conn3ct-Default-8"):  # expect: FCH203
    return host, password
