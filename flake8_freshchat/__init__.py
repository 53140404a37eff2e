"""flake8-freshchat: find hardcoded Freshchat and other credentials; move them to the environment."""
from __future__ import annotations

__version__ = "0.1.0"
