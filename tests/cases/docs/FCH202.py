import smtplib

server = smtplib.SMTP("smtp.example.org", 587)
server.login(user="mailer", password="Xq9!mT4#vR2w")  # expect: FCH202
