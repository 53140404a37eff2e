from sqlalchemy import create_engine

engine = create_engine("postgresql://app:Vq7pLw2rT9xZ@db.internal:5432/shop")  # expect: FCH303
