"""Contact search: every word (the first eight) must appear, in any case, inside one of eight
texts of a contact: first and last name, email, organization, title, field, tags, notes.

Words are found through an index made for substrings (migration 0004), so a search costs about
what it finds rather than a scan of every contact:

- SQLite: the FTS5 table `network_contact_search` (trigram tokenizer), kept in step by triggers.
- PostgreSQL: pg_trgm GIN indexes on the contact's texts joined by spaces and on the
  organization's name.

A trigram index can't find a word of one or two characters, so those words, and every word on
an SQLite built without FTS5 trigrams, are matched with `icontains` (a scan of the owner's rows).
The caller scopes `contacts` to its owner; the index subqueries only narrow that set.
"""

from __future__ import annotations

from typing import Any

from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Func, Q, QuerySet, TextField
from django.db.models.expressions import RawSQL

from coffeechat.network.models import Contact, Organization

MAX_WORDS = 8
TRIGRAM = 3  # the shortest word a trigram index can find
FTS_TABLE = "network_contact_search"
# The index's columns, in the order of network migration 0004 (the organization's name copied in).
FTS_COLUMNS = (
    "first_name",
    "last_name",
    "email",
    "organization",
    "title",
    "field",
    "tags",
    "notes",
)
CONTACT_TEXTS = ("first_name", "last_name", "email", "title", "field", "tags_text", "notes")


def search(contacts: QuerySet[Contact], q: str) -> QuerySet[Contact]:
    words = q.split()[:MAX_WORDS]
    # A trigram index can't find a word of one or two characters: those keep the scan.
    short = [w for w in words if len(w) < TRIGRAM]
    indexable = [w for w in words if len(w) >= TRIGRAM]
    return contacts.filter(*(_scan(w) for w in short), *_indexed(contacts, indexable))


def _indexed(contacts: QuerySet[Contact], words: list[str]) -> list[Q]:
    if not words:
        return []
    connection = connections[contacts.db]
    if connection.vendor == "postgresql":
        return [_trigram_match(contacts, w) for w in words]
    if connection.vendor == "sqlite" and has_fts_table(connection):
        return [_fts_match(words)]
    return [_scan(w) for w in words]


def _scan(word: str) -> Q:
    """The word in any of the eight texts, tested row by row."""
    return (
        Q(first_name__icontains=word)
        | Q(last_name__icontains=word)
        | Q(email__icontains=word)
        | Q(organization__name__icontains=word)
        | Q(title__icontains=word)
        | Q(field__icontains=word)
        | Q(tags_text__icontains=word)
        | Q(notes__icontains=word)
    )


# SQLite: FTS5 with trigrams. Each word is one quoted phrase (a substring within one column);
# phrases side by side must all match. Inside quotes only `"` is special, written `""`, so no
# word can become FTS syntax (AND, NEAR, *, column filters).


def _fts_match(words: list[str]) -> Q:
    phrases = " ".join('"' + word.replace('"', '""') + '"' for word in words)
    return Q(pk__in=RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [phrases]))


_fts_tables: dict[str, bool] = {}  # database name -> whether migration 0004 made the table


def has_fts_table(connection: BaseDatabaseWrapper) -> bool:
    """Whether this SQLite database has the index; asked once, and again after each migrate."""
    name = str(connection.settings_dict["NAME"])
    if name not in _fts_tables:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = %s", [FTS_TABLE]
            )
            _fts_tables[name] = cursor.fetchone() is not None
    return _fts_tables[name]


def recheck_fts_table(using: str, **kwargs: Any) -> None:
    """`post_migrate` receiver: migrations may have made or dropped the table."""
    connection = connections[using]
    if connection.vendor == "sqlite":
        _fts_tables.pop(str(connection.settings_dict["NAME"]), None)
        has_fts_table(connection)


# PostgreSQL: pg_trgm. The expressions below compile to the SQL of the indexes in migration
# 0004, `UPPER((first_name || ' ' || … || notes)::text)` and `UPPER(name::text)`, which is what
# lets the planner use them. A word has no whitespace, so it can't match across a separator, and
# `icontains` (UPPER … LIKE UPPER …, with %, _ and \ escaped) keeps the old case rules exactly.


class _SpaceJoined(Func):
    template = "(%(expressions)s)"
    arg_joiner = " || ' ' || "
    output_field = TextField()


def _trigram_match(contacts: QuerySet[Contact], word: str) -> Q:
    # Ids among the caller's own contacts: the planner joins on them instead of testing each of
    # the owner's rows, and may walk the owner's index when that is fewer rows than the word's
    # (a student's 200 contacts on a campus of 400,000 where "eng" is common).
    own = contacts.order_by()
    by_text = own.annotate(search_text=_SpaceJoined(*CONTACT_TEXTS)).filter(
        search_text__icontains=word
    )
    organizations = Organization.objects.filter(name__icontains=word)
    at_organization = own.filter(organization__in=organizations.values("pk"))
    return Q(pk__in=by_text.values("pk").union(at_organization.values("pk"), all=True))
