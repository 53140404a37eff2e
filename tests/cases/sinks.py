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

smtp = smtplib.SMTP("mail.internal")
smtp.login("reports@example.org", "Rep0rts-Smtp-8")  # expect: FCH202
imaplib.IMAP4_SSL("imap.internal").login("me", "Im4p-Pw-2024")  # expect: FCH202
ftp = ftplib.FTP("ftp.internal", "deploy", "Ftp-Depl0y-9")  # expect: FCH202
db = pymysql.connect("db.internal", "shop", "My-Sq1-Pw-31", "shop")  # expect: FCH202
cache = redis.Redis("cache", 6379, 0, "R3dis-Pw-4u")  # expect: FCH202
session_auth = HTTPBasicAuth("svc", "B4sic-Auth-Pw")  # expect: FCH202
requests.get("https://api.internal", auth=("bot", "B0t-Basic-Pw3"))  # expect: FCH202
token = jwt.encode({"sub": "1"}, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")  # expect: FCH202
signature = hmac.new(b"kS8d-Hm4c-K3y-2Q", b"message", "sha256")  # expect: FCH202
fernet = Fernet("dGhpcyBpcyBhIDMyIGJ5dGUga2V5IGZvciBmZXJuZXQ9")  # expect: FCH202

smtp.login("reports@example.org", SMTP_PASSWORD)
smtp.login(user, password)
jwt.decode(token, "secret", algorithms=["HS256"])
requests.get("https://api.internal", auth=("bot", ""))
pymysql.connect("db.internal", "shop", "", "shop")
ftplib.FTP("ftp.internal")
