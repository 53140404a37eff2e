"""Talks to the Freshchat API."""
import requests

FRESHCHAT_API = "https://acme.freshchat.com/v2"
FRESHCHAT_API_TOKEN = "eyJraWQiOiJjdXN0b20tb2F1dGgta2V5aWQiLCJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJmcmVzaGNoYXQiLCJhdWQiOiJmcmVzaGNoYXQiLCJzdWIiOiJmNzFhYjI0Ny1lODhiLTQ1OTEtYjFkYi02ZTMyZDhkY2IzNWYiLCJjbGllbnRJZCI6ImZjLTc3OTY2NjhkLTViZDItNGI2YS1hYzg5LWI3YTY4YTBhYzk4NCIsInNjb3BlIjoiYWdlbnQ6cmVhZCBhZ2VudDpjcmVhdGUgY29udmVyc2F0aW9uOmNyZWF0ZSBjb252ZXJzYXRpb246cmVhZCBtZXNzYWdlOmNyZWF0ZSBtZXNzYWdlOmdldCByZXBvcnRzOnJlYWQgdXNlcjpyZWFkIHVzZXI6Y3JlYXRlIGRhc2hib2FyZDpyZWFkIiwidHlwIjoiQmVhcmVyIiwiZXhwIjoyMDQzNTMzNzE4LCJpYXQiOjE3MjgwMDA5MTgsImp0aSI6IjM2ZWFmYTI4LTgwZTYtNDVkMC1hOWQ5LTM2NTAwYzZiZGYwZCJ9.yT7gBCK-BQ4jGyul4Uy8PEZ2Ai37MBoQIYWD2jZ1a7B"
WIDGET = {"app_id": "32a7cae9-df32-4560-8500-2635f5bffffb", "app_key": "94aa3bff-595f-46ff-9761-1f4ee0cb1e6b"}


def list_agents():
    headers = {"Authorization": f"Bearer {FRESHCHAT_API_TOKEN}", "Accept": "application/json"}
    return requests.get(f"{FRESHCHAT_API}/agents", headers=headers, timeout=10)
