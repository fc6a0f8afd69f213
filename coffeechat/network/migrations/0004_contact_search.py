"""An index for contact search (`network/search.py`), made for substrings.

SQLite: an FTS5 table with the trigram tokenizer holding a copy of each contact's eight texts
(the organization's name copied in), rowid = contact id, kept in step by triggers, so every
write path (the ORM, the import's raw INSERT, merges, cascades) updates it. SQLite without
FTS5 or older than 3.34 (no trigram tokenizer) gets no table, and search scans as before.

PostgreSQL: pg_trgm GIN indexes on the contact's texts joined by spaces, and on the
organization's name. Their expressions are the SQL that search's Django expressions compile to:
change one, change the other (a test checks that the planner uses them).

A later migration that remakes network_contact or network_organization on SQLite (Django does
for most field changes) drops their triggers: re-create them after it (a test checks they exist).
"""

from django.db import migrations, transaction
from django.db.utils import OperationalError

FTS = "network_contact_search"
FTS_COLUMNS = "first_name, last_name, email, organization, title, field, tags, notes"


def _fts_values(row):
    organization = f"(SELECT name FROM network_organization WHERE id = {row}.organization_id)"
    return (
        f"{row}.id, {row}.first_name, {row}.last_name, {row}.email, {organization}, "
        f"{row}.title, {row}.field, {row}.tags_text, {row}.notes"
    )


SQLITE_TABLE = f"""
CREATE VIRTUAL TABLE {FTS} USING fts5(
    {FTS_COLUMNS}, tokenize = 'trigram case_sensitive 0'
)"""

SQLITE_TRIGGERS = [
    f"""
CREATE TRIGGER {FTS}_insert AFTER INSERT ON network_contact BEGIN
    INSERT INTO {FTS} (rowid, {FTS_COLUMNS}) VALUES ({_fts_values("new")});
END""",
    f"""
CREATE TRIGGER {FTS}_update
AFTER UPDATE OF first_name, last_name, email, organization_id, title, field, tags_text, notes
ON network_contact BEGIN
    DELETE FROM {FTS} WHERE rowid = old.id;
    INSERT INTO {FTS} (rowid, {FTS_COLUMNS}) VALUES ({_fts_values("new")});
END""",
    f"""
CREATE TRIGGER {FTS}_delete AFTER DELETE ON network_contact BEGIN
    DELETE FROM {FTS} WHERE rowid = old.id;
END""",
    # Deleting an organization needs no trigger: Django sets its contacts' organization_id to
    # NULL first (on_delete=SET_NULL), an UPDATE that the contact trigger sees.
    f"""
CREATE TRIGGER {FTS}_organization AFTER UPDATE OF name ON network_organization
WHEN new.name IS NOT old.name BEGIN
    UPDATE {FTS} SET organization = new.name
    WHERE rowid IN (SELECT id FROM network_contact WHERE organization_id = new.id);
END""",
]

SQLITE_FILL = f"""
INSERT INTO {FTS} (rowid, {FTS_COLUMNS})
SELECT {_fts_values("network_contact")} FROM network_contact"""

CONTACT_TEXT = " || ' ' || ".join(
    ("first_name", "last_name", "email", "title", "field", "tags_text", "notes")
)

POSTGRESQL_CREATE = [
    # A trusted extension since PostgreSQL 13: the database's owner may create it.
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"""CREATE INDEX network_contact_search_trgm ON network_contact
        USING gin ((UPPER(({CONTACT_TEXT})::text)) gin_trgm_ops)""",
    """CREATE INDEX network_organization_name_trgm ON network_organization
        USING gin ((UPPER((name)::text)) gin_trgm_ops)""",
]

POSTGRESQL_DROP = [
    "DROP INDEX IF EXISTS network_contact_search_trgm",
    "DROP INDEX IF EXISTS network_organization_name_trgm",
]


def _create_fts(schema_editor):
    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            schema_editor.execute(SQLITE_TABLE)
    except OperationalError:  # no FTS5, or no trigram tokenizer: search falls back to a scan
        return
    for statement in [*SQLITE_TRIGGERS, SQLITE_FILL]:
        schema_editor.execute(statement)


def _drop_fts(schema_editor):
    for trigger in ("insert", "update", "delete", "organization"):
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {FTS}_{trigger}")
    schema_editor.execute(f"DROP TABLE IF EXISTS {FTS}")


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        _create_fts(schema_editor)
    elif vendor == "postgresql":
        for statement in POSTGRESQL_CREATE:
            schema_editor.execute(statement)


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        _drop_fts(schema_editor)
    elif vendor == "postgresql":  # pg_trgm stays: other objects may use it
        for statement in POSTGRESQL_DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("network", "0003_recompute_name_keys")]

    operations = [migrations.RunPython(create, drop)]
