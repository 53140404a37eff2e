"""A JWT of any issuer is FCH101 in a Freshchat context; a UUID key is FCH102 there."""
import requests


class FreshchatAPI:
    token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIzMSIsImlzcyI6Imh0dHBzOi8vYWNtZS5ldS5hdXRoMC5jb20vIiwiaWF0IjoxNzAwMDAwMDAwLCJzY29wZSI6InJlYWQ6b3JkZXJzIn0.b8oYsfroDrsehrD50AlpcZRzAQYUFAB1hgxTrAsWdl4"  # expect: FCH101


freshchat_bearer = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIzMiIsImlzcyI6Imh0dHBzOi8vYWNtZS5ldS5hdXRoMC5jb20vIiwiaWF0IjoxNzAwMDAwMDAwLCJzY29wZSI6InJlYWQ6b3JkZXJzIn0.jBsME_demPQh8Vaqb-zKz5kQpeou4c3geTDu7N_vMke"  # expect: FCH101
requests.post("https://acme.freshchat.com/v2/agents", headers={"Authorization": "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIzMyIsImlzcyI6Imh0dHBzOi8vYWNtZS5ldS5hdXRoMC5jb20vIiwiaWF0IjoxNzAwMDAwMDAwLCJzY29wZSI6InJlYWQ6b3JkZXJzIn0.vDJ9xP94KjM0N_g2JOFphOKBiUpPFIOaTMYXxoeUpit"})  # expect: FCH101
conf = {"host": "https://eu.freshchat.com", "api_key": "fe1b1434-3b10-4980-950c-aef9618a9261"}  # expect: FCH102


def freshchat_settings():
    return {"app_key": "bdd640fb-0667-4ad1-9c80-317fa3b1799d", "app_id": "c33f4584-b23b-41d8-893c-d01609de8895"}  # expect: FCH102


class SupportWidget:
    HOST = "https://widget.freshchat.com/js/widget.js"
    widget_token = "b39cfd4b-8abe-4d78-8520-10116895cea8"  # expect: FCH102

