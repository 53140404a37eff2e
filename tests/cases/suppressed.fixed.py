"""Every suppression comment is honoured by every front end."""
import os

API_KEY = "75778ceabc8c03081f5b9be60e5f0133"  # pragma: allowlist secret
# pragma: allowlist nextline secret
SECRET_KEY = "81fbd145d5be01ce07255f78ffd31c2c"
DB_PASSWORD = "Tr0ub4dor&3"  # noqa: FCH201
ADMIN_PASSWORD = "Tr0ub4dor&4"  # noqa
auth_token = "FlJnZ6usuZSbFwwezDvkvOa5GSfOlvbBZjiUzs5s"  # pylint: disable=hardcoded-credential-assignment
FRESHCHAT_TOKEN = "eyJraWQiOiJjdXN0b20tb2F1dGgta2V5aWQiLCJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJmcmVzaGNoYXQiLCJhdWQiOiJmcmVzaGNoYXQiLCJzdWIiOiJlYzk5MTA4ZC1kYjViLTRmYWItOGY0ZC0zZTI3ZGRhMTQ5NGMiLCJjbGllbnRJZCI6ImZjLTgyMDFlMmJkLTczYWItNDg3Ni1iNzM0LWQ3YzFjN2ZkZTgwNSIsInNjb3BlIjoiYWdlbnQ6cmVhZCBhZ2VudDpjcmVhdGUgY29udmVyc2F0aW9uOmNyZWF0ZSBjb252ZXJzYXRpb246cmVhZCBtZXNzYWdlOmNyZWF0ZSBtZXNzYWdlOmdldCByZXBvcnRzOnJlYWQgdXNlcjpyZWFkIHVzZXI6Y3JlYXRlIGRhc2hib2FyZDpyZWFkIiwidHlwIjoiQmVhcmVyIiwiZXhwIjoyMDI2MjUwMTU1LCJpYXQiOjE3MTA3MTczNTUsImp0aSI6IjJmNDVlNjc4LTMwOWQtNGI3OS05NjVlLWRhMzJkYWU0NDU1MCJ9.575yx8xm5MslfY5ubiheyEd7P4zDL_ak6J0kGODKdin"  # noqa: FCH101
other_token = os.environ["OTHER_TOKEN"]  # noqa: E501  # expect: FCH201
