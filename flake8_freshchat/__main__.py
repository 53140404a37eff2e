"""`python -m flake8_freshchat`: the `freshchat-secrets` command line."""
import sys

from .cli import main

if __name__ == "__main__":  # LibCST's codemod discovery imports every module of the package
    sys.exit(main())
