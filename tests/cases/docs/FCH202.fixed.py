import smtplib
import os

server = smtplib.SMTP("smtp.example.org", 587)
server.login(user="mailer", password=os.environ["PASSWORD"])  # expect: FCH202
