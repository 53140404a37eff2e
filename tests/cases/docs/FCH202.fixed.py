import smtplib
import os

server = smtplib.SMTP("smtp.example.org", 587)
server.login(user="mailer", password=os.environ["SERVER_LOGIN_PASSWORD"])  # expect: FCH202
