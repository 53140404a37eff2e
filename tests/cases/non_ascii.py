"""Columns count characters: ast and astroid count UTF-8 bytes, LSP UTF-16 units."""
données = {"clé": "é", "password": "Tr0ub4dor&3"}  # expect: FCH204
émoji = "🔑"; api_key = "75778ceabc8c03081f5b9be60e5f0133"  # expect: FCH201
