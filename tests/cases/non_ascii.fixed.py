"""Columns count characters: ast and astroid count UTF-8 bytes, LSP UTF-16 units."""
import os

données = {"clé": "é", "password": os.environ["PASSWORD"]}  # expect: FCH204
émoji = "🔑"; api_key = os.environ["API_KEY"]  # expect: FCH201
