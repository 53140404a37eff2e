"""`# pylint: skip-file` switches every surface off for the whole file."""
API_KEY = "7c9a62dd431a375ed0d1cd572abd30a7"
# pylint: skip-file
PASSWORD = "Tr0ub4dor&3"
