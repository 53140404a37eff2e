"""FCH301-FCH303: values that give themselves away under any name; FCH2xx wins under a credential name."""
import os

import psycopg2
import requests

KEYS = {
    "signing": "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n-----END RSA PRIVATE KEY-----\n",  # expect: FCH301
}
TEST_RSA_KEY = ("-----BEGIN OPENSSH PRIVATE KEY-----\n"  # expect: FCH301
                "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
                "-----END OPENSSH PRIVATE KEY-----")
PGP_BLOCK = "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBF0vSaYBCADKJ0pXv8Tq3Rm9Zb2Lk7Wc4Nf\n-----END PGP PRIVATE KEY BLOCK-----"  # expect: FCH301
private_key = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIIGlRkL1mWvVs5xGq7Zt9P3nBcE2YhJkD8uQwF4aLmNo\n-----END EC PRIVATE KEY-----"  # expect: FCH201
HEADER_ONLY = "-----BEGIN PRIVATE KEY-----"
PUBLIC = "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMx\n-----END PUBLIC KEY-----"
TEMPLATE = "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----"

stripe_client = "sk_live_C3J27XDCG2LmlZGEONYlgCtj"  # expect: FCH302
GITHUB = "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"  # expect: FCH302
NOT_GITHUB = "ghp_C3J27XDCG2LmlZGEONYlgCtjfIZ4SO2Hjn6x"
NPM = "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"  # expect: FCH302
vendors = [
    "AKIA29326ML64LG2TJF8",  # expect: FCH302
    "AIza575yx8xm5MslfY5ubiheyEd7P4zDL_ak6J0",  # expect: FCH302
    "glpat-C3J27XDCG2LmlZGEONYl",  # expect: FCH302
    "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",  # expect: FCH302
    "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",  # expect: FCH302
    "sk-proj-C3J27XDCG2LmlZGEONYlgCtjfIZ4SOcMz9CPVNPkNa1Hedcm",  # expect: FCH302
    "pypi-AgEIcHlwaS5vcmcC3J27XDCG2LmlZGEONYlgCtjfIZ4SOcMz9CPVNPkNa1Hedcm4pMbXDuCL1mH",  # expect: FCH302
    "pk_live_C3J27XDCG2LmlZGEONYlgCtj",
    "sk_live_",
    "AKIAIOSFODNN7EXAMPLE",
]
requests.post("https://slack.com/api/chat.postMessage", headers={"X-Bot": "xoxb-78778932879-748526057479-C3J27XDCG2LmlZGEONYlgCtj"})  # expect: FCH302
GITHUB_TOKEN = "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"  # expect: FCH201

DATABASE_URL = "postgresql+psycopg2://shop:Xw7-kP2q-Lm9@db.internal:5432/shop"  # expect: FCH303
BROKER = os.getenv("BROKER_URL", "amqp://worker:Tq8vN3xK7pL2@mq//")  # expect: FCH303
CACHE = "redis://:Rk4-9vLm-2Qx@cache:6379/0"  # expect: FCH303
conn = psycopg2.connect("host=db dbname=shop user=shop password=Sh0p-Db-Pw9")  # expect: FCH303
AZURE = "DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=q8Zt3Lm2Vx9Kp4Wn7Rb1Hc6Jd5Fg0Sa2Ye8Ui4Oo3Pq==;EndpointSuffix=core.windows.net"  # expect: FCH303
MSSQL = "Server=tcp:sql.internal,1433;Database=shop;User ID=shop;Password=Ms-Sq1-Pw-77;"  # expect: FCH303
DEV = "postgresql://user:password@localhost/dev"
TEMPLATED = "postgresql://app:{password}@db/app"
FROM_ENV = "postgresql://app:${DB_PASSWORD}@db/app"
DEFAULTS = "amqp://guest:guest@localhost//"
NO_PASSWORD = "postgresql://reader@replica/events"
EMULATOR = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;"
HELP = "Set password=... in the DSN, e.g. host=db user=app"


def docs():
    """Connect with postgresql://app:Vq7pLw2rT9xZ@db/app or a key such as ghp_Zq3e7Rt1Yu5Io9Pa2Sd6Fg0Hj4Kl8Zx2Cv6."""
