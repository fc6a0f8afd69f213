"""Writing tens of thousands of new rows with one prepared INSERT (`executemany`).

`bulk_create` compiles a many-row INSERT per batch and prepares every value through its field;
on SQLite Django caps a batch at 999 parameters (about 40 contacts), so a 30,000-row import
spent most of its time building SQL. Here the statement is built once from the model's own
fields, values that the database takes as they are skip the per-value preparation, and the new
ids are read back in insertion order (ids only grow within one transaction).

Each statement still writes as many rows as the parameter limit allows. On SQLite the search
index (an FTS5 table, network migration 0004) is kept in step by a trigger per inserted row,
which was most of an import's time; a bulk insert of contacts instead lifts that trigger for
its own transaction and fills the index for the new rows in one statement afterwards.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections, models
from django.utils import timezone

from coffeechat.common.stamps import touch
from coffeechat.network.models import Contact, ImportBatch
from coffeechat.network.search import FTS_COLUMNS, FTS_TABLE

# Fields whose Python value (str, int, bool, None) is already what the database stores.
_PLAIN = (models.CharField, models.TextField, models.BooleanField, models.IntegerField)
_NATIVE = frozenset({str, int, bool, type(None)})
CHUNK = 5_000
ROWS_PER_STATEMENT = 1_000


def _is_plain(field: models.Field[Any, Any]) -> bool:
    if isinstance(field, models.ForeignKey):
        return isinstance(field.target_field, models.AutoField)
    return isinstance(field, _PLAIN)


def insert_rows(
    model: type[models.Model],
    owner: Any,
    batch: ImportBatch,
    rows: Sequence[Mapping[str, Any]],
    progress: Callable[[int], None] | None = None,
) -> list[int]:
    """Insert `rows` as `owner`'s, marked with `batch`; returns the new primary keys in the
    order of `rows`. Every row names the same attributes; the others take the model's defaults.
    """
    db = connections[DEFAULT_DB_ALIAS]
    now = timezone.now()
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    fixed: dict[str, Any] = {"owner_id": owner.pk, "imported_in_id": batch.pk}
    supplied = set(rows[0]) - set(fixed) if rows else set()
    template: list[Any] = []
    given: list[tuple[int, str, models.Field[Any, Any], bool]] = []
    for index, field in enumerate(fields):
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            value = now
        else:
            value = fixed.get(field.attname, field.get_default())
        template.append(field.get_db_prep_save(value, db))
        if field.attname in supplied:
            given.append((index, field.attname, field, _is_plain(field)))
    quote = db.ops.quote_name
    insert = (
        f"INSERT INTO {quote(model._meta.db_table)} "
        f"({', '.join(quote(f.column) for f in fields)}) VALUES "
    )
    one_row = f"({', '.join(['%s'] * len(fields))})"
    per_statement = min(ROWS_PER_STATEMENT, _max_params(db) // len(fields))
    with db.cursor() as cursor, _search_index_filled_after(model, batch, cursor):
        for start in range(0, len(rows), CHUNK):
            params = []
            for row in rows[start : start + CHUNK]:
                values = template.copy()
                for index, name, field, plain in given:
                    value = row[name]
                    values[index] = (
                        value
                        if plain and type(value) in _NATIVE
                        else field.get_db_prep_save(value, db)
                    )
                params.append(values)
            _execute_grouped(cursor, insert, one_row, params, per_statement)
            if progress is not None:
                progress(min(start + CHUNK, len(rows)))
    touch([owner.pk])  # a raw INSERT passes no model method that would do it
    manager: Any = model._default_manager
    ids = list(
        manager.owned_by(owner)
        .filter(imported_in=batch)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if len(ids) != len(rows):  # ids are matched to rows by position: never guess
        raise RuntimeError(f"expected {len(rows)} new {model.__name__} rows, found {len(ids)}")
    return ids


@contextmanager
def _search_index_filled_after(
    model: type[models.Model], batch: ImportBatch, cursor: Any
) -> Iterator[None]:
    """On SQLite, index new contacts in one statement instead of one trigger run per row.

    The insert trigger is dropped and re-created from its own stored SQL inside the import's
    transaction: no other writer can add a contact meanwhile (SQLite has one writer at a time),
    and an error rolls the whole thing back, trigger included.
    """
    db = connections[DEFAULT_DB_ALIAS]
    if model is not Contact or db.vendor != "sqlite" or not db.in_atomic_block:
        yield
        return
    cursor.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = %s", [_INSERT_TRIGGER]
    )
    found = cursor.fetchone()
    if found is None:  # no search index on this SQLite build: nothing to fill
        yield
        return
    cursor.execute(f"DROP TRIGGER {_INSERT_TRIGGER}")
    yield
    cursor.execute(_FILL_FOR_BATCH, [batch.pk])
    cursor.execute(found[0])


_INSERT_TRIGGER = f"{FTS_TABLE}_insert"
# The same values as the trigger inserts (network migration 0004), for a whole import at once.
_FILL_FOR_BATCH = f"""
INSERT INTO {FTS_TABLE} (rowid, {", ".join(FTS_COLUMNS)})
SELECT c.id, c.first_name, c.last_name, c.email, o.name, c.title, c.field, c.tags_text, c.notes
FROM network_contact c LEFT JOIN network_organization o ON o.id = c.organization_id
WHERE c.imported_in_id = %s"""


def _max_params(db: Any) -> int:
    """Parameters one statement may carry. Django assumes 999 on SQLite, the limit of builds
    before 3.32; the running SQLite says its own (32,766 by default since then)."""
    if db.vendor == "sqlite":
        db.ensure_connection()
        return int(db.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))
    return int(db.features.max_query_params or sys.maxsize)


def _execute_grouped(
    cursor: Any, insert: str, one_row: str, rows: list[list[Any]], per_statement: int
) -> None:
    """Run `insert` for `rows`, `per_statement` rows a statement (the last takes what's left)."""
    groups = [rows[i : i + per_statement] for i in range(0, len(rows), per_statement)]
    full = [group for group in groups if len(group) == per_statement]
    if full:
        sql = insert + ", ".join([one_row] * per_statement)
        cursor.executemany(sql, [_flat(group) for group in full])
    for group in groups[len(full) :]:
        cursor.execute(insert + ", ".join([one_row] * len(group)), _flat(group))


def _flat(group: list[list[Any]]) -> list[Any]:
    return [value for row in group for value in row]
