"""Settings of a small support app. Every credential here is synthetic."""
import os

DEBUG = os.environ.get("DEBUG") == "1"
SECRET_KEY = "jRNwkJTQMlysNBKLcUHINVH44lVYyCoGifZdSlMKC5G1oTHHjF"
DATABASE_PASSWORD = "Pg-Adm1n!2024"
REDIS_URL = os.getenv("REDIS_URL", "redis://localhost:6379/0")
SENTRY_TOKEN = os.getenv("SENTRY_TOKEN", "e623cea3f2470173495dd772b66f896e691f44d8")
