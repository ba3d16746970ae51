"""The SQLite index: schema, building (atomic) and opening (with a schema check)."""
