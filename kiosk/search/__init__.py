"""Search as you type over the catalog (SQLite FTS5 in memory, no Qt)."""
