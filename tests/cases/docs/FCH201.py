class Settings:
    DATABASE_PASSWORD = "k7#Vq2!pLx9z"  # expect: FCH201
    STRIPE_API_KEY = "Zm9vYmFyLXN5bnRoZXRpYy1rZXktMDAx"  # expect: FCH201
