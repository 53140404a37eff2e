"""FCH301-FCH303: values that give themselves away under any name; FCH2xx wins under a credential name."""
import os

import psycopg2
import requests

KEYS = {
    "signing": os.environ["SIGNING"],  # expect: FCH301
}
TEST_RSA_KEY = (os.environ["TEST_RSA_KEY"]  # expect: FCH301
)
PGP_BLOCK = os.environ["PGP_BLOCK"]  # expect: FCH301
private_key = os.environ["PRIVATE_KEY"]  # expect: FCH201
HEADER_ONLY = "-----BEGIN PRIVATE KEY-----"
PUBLIC = "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMx\n-----END PUBLIC KEY-----"
TEMPLATE = "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----"

stripe_client = os.environ["STRIPE_CLIENT"]  # expect: FCH302
GITHUB = os.environ["GITHUB"]  # expect: FCH302
NOT_GITHUB = "ghp_C3J27XDCG2LmlZGEONYlgCtjfIZ4SO2Hjn6x"
NPM = os.environ["NPM"]  # expect: FCH302
vendors = [
    os.environ["AWS_ACCESS_KEY_ID"],  # expect: FCH302
    os.environ["GOOGLE_API_KEY"],  # expect: FCH302
    os.environ["GITLAB_TOKEN"],  # expect: FCH302
    os.environ["SENDGRID_API_KEY"],  # expect: FCH302
    os.environ["HF_TOKEN"],  # expect: FCH302
    os.environ["OPENAI_API_KEY"],  # expect: FCH302
    os.environ["PYPI_API_TOKEN"],  # expect: FCH302
    "pk_live_C3J27XDCG2LmlZGEONYlgCtj",
    "sk_live_",
    "AKIAIOSFODNN7EXAMPLE",
]
requests.post("https://slack.com/api/chat.postMessage", headers={"X-Bot": os.environ["X_BOT"]})  # expect: FCH302
GITHUB_TOKEN = os.environ["GITHUB_TOKEN"]  # expect: FCH201

DATABASE_URL = os.environ["DATABASE_URL"]  # expect: FCH303
BROKER = os.getenv("BROKER_URL")  # expect: FCH303
CACHE = os.environ["CACHE"]  # expect: FCH303
conn = psycopg2.connect(os.environ["DATABASE_DSN"])  # expect: FCH303
AZURE = os.environ["AZURE"]  # expect: FCH303
MSSQL = os.environ["MSSQL"]  # expect: FCH303
DEV = "postgresql://user:password@localhost/dev"
TEMPLATED = "postgresql://app:{password}@db/app"
FROM_ENV = "postgresql://app:${DB_PASSWORD}@db/app"
DEFAULTS = "amqp://guest:guest@localhost//"
NO_PASSWORD = "postgresql://reader@replica/events"
EMULATOR = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;"
HELP = "Set password=... in the DSN, e.g. host=db user=app"


def docs():
    """Connect with postgresql://app:Vq7pLw2rT9xZ@db/app or a key such as ghp_Zq3e7Rt1Yu5Io9Pa2Sd6Fg0Hj4Kl8Zx2Cv6."""
