"""
Search over the organisations: `text` folds and normalises, `query` reads what people type,
`backends` runs it on SQLite or PostgreSQL, `index` keeps the database's search objects, and
`highlight` marks the matches in the results.
"""
