"""pylint plugin for flake8-freshchat (see issue 3)."""
