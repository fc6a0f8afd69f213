"""Statistics for PostgreSQL's query planner, gathered right after a bulk change.

Autovacuum gathers them too, but only minutes after a bulk load, and until then PostgreSQL
plans as if the tables were nearly empty: on a freshly loaded campus the contact list took
159 ms instead of 32 ms (benchmarks, finding 4).

SQLite is left without them on purpose. Its statistics are one average per index, and the
columns that matter here are skewed (`referred_in` is empty for almost everyone): measured on
30,000 contacts, `ANALYZE` made the insights queries twice as slow and the live page's 40%
slower, so the indexes and queries are written to plan well without statistics instead.
"""

from __future__ import annotations

from django.db import DEFAULT_DB_ALIAS, connections

# An import this large changes the shape of the tables enough to look again.
BULK_ROWS = 1_000


def refresh(tables: list[str] | None = None) -> bool:
    """Gather statistics for `tables` (every table when None); False where we don't."""
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.vendor != "postgresql":
        return False
    names = ", ".join(connection.ops.quote_name(t) for t in tables or [])
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {names}" if names else "ANALYZE")
    return True
