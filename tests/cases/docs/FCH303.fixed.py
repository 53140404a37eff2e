from sqlalchemy import create_engine
import os

engine = create_engine(os.environ["POSTGRESQL_URL"])  # expect: FCH303
