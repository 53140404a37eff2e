"""FCH202: positional credential arguments of known sinks (data/sinks.toml)."""
import ftplib
import hmac
import imaplib
import smtplib

import jwt
import pymysql
import redis
import requests
from cryptography.fernet import Fernet
from requests.auth import HTTPBasicAuth
import os

smtp = smtplib.SMTP("mail.internal")
smtp.login("reports@example.org", os.environ["SMTP_LOGIN_PASSWORD"])  # expect: FCH202
imaplib.IMAP4_SSL("imap.internal").login("me", os.environ["IMAP_SSL_LOGIN_PASSWORD"])  # expect: FCH202
ftp = ftplib.FTP("ftp.internal", "deploy", os.environ["FTPLIB_FTP_PASSWD"])  # expect: FCH202
db = pymysql.connect("db.internal", "shop", os.environ["PYMYSQL_CONNECT_PASSWORD"], "shop")  # expect: FCH202
cache = redis.Redis("cache", 6379, 0, os.environ["REDIS_PASSWORD"])  # expect: FCH202
session_auth = HTTPBasicAuth("svc", os.environ["HTTP_BASIC_PASSWORD"])  # expect: FCH202
requests.get("https://api.internal", auth=("bot", os.environ["PASSWORD"]))  # expect: FCH202
token = jwt.encode({"sub": "1"}, os.environ["JWT_ENCODE_KEY"])  # expect: FCH202
signature = hmac.new(os.environ["HMAC_KEY"].encode(), b"message", "sha256")  # expect: FCH202
fernet = Fernet(os.environ["FERNET_KEY"])  # expect: FCH202

smtp.login("reports@example.org", SMTP_PASSWORD)
smtp.login(user, password)
jwt.decode(token, "secret", algorithms=["HS256"])
requests.get("https://api.internal", auth=("bot", ""))
pymysql.connect("db.internal", "shop", "", "shop")
ftplib.FTP("ftp.internal")
