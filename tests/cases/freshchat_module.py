"""A module that imports a freshchat package is a Freshchat context everywhere."""
import freshchat_sdk

client = freshchat_sdk.Client(token="eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIzNSIsImlzcyI6Imh0dHBzOi8vYWNtZS5ldS5hdXRoMC5jb20vIiwiaWF0IjoxNzAwMDAwMDAwLCJzY29wZSI6InJlYWQ6b3JkZXJzIn0.QqRtK3GhJUmUbbm_VdR_gcEPkuRvj9UkLujq4_PYXeH")  # expect: FCH101
APP_KEY = "fe1b1434-3b10-4980-950c-aef9618a9261"  # expect: FCH102
APP_ID = "bdd640fb-0667-4ad1-9c80-317fa3b1799d"
