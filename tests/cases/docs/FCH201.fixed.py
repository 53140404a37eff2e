import os

class Settings:
    DATABASE_PASSWORD = os.environ["DATABASE_PASSWORD"]  # expect: FCH201
    STRIPE_API_KEY = os.environ["STRIPE_API_KEY"]  # expect: FCH201
