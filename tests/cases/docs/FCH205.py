import os

SECRET_KEY = os.environ.get("SECRET_KEY", "u8#Jd92!kLq0zXv7&Rt5pWm3")  # expect: FCH205
