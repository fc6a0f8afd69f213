"""Contact search through its substring index (FTS5 trigrams on SQLite, pg_trgm on PostgreSQL)
finds exactly what a plain scan of the eight texts finds, after every kind of write.

The reference is plain Python over the rows as the tables hold them. Letters outside ASCII
appear in one case only here (the backends fold those differently: see the last two tests), so
a word matches where it appears with its ASCII letters in any case.
"""

from __future__ import annotations

import importlib
import random
import string
from typing import Any

import pytest
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coffeechat.network import search as search_module
from coffeechat.network.models import Contact, Organization, encode_tags
from coffeechat.network.search import search
from coffeechat.network.transfer.imports import run_import, undo
from coffeechat.network.transfer.merge import merge_contacts, merge_organizations

ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
ASCII_UPPER = str.maketrans(string.ascii_lowercase, string.ascii_uppercase)
TEXTS = (
    *("first_name", "last_name", "email", "organization__name"),
    *("title", "field", "tags_text", "notes"),
)

# first, last, email, organization, title, field, tags, notes
PEOPLE = [
    ("Wei", "Chén", "wei.chen@example.org", "Chen & Partners", "Data engineer", "engineering",
     ["data", "boston"], "Met at the 50% off_site \\ workshop"),
    ("Łukasz", "Nowak", "lukasz@nowak.pl", "Politechnika", "Researcher", "robotics", ["phd"],
     'Prefers "quoted" names; col:x AND NEAR( -chen *'),
    ("陈", "伟", "", "陈氏集团", "工程师", "", ["中文"], "陈伟 likes tea"),
    ("José", "García", "jose.garcia@example.es", "Acme Health", "Nurse", "health care",
     ["spain"], ""),
    ("Søren", "Müller", "soren@example.dk", "Straße Labs", "", "design", [],
     "speaks German and Danish"),
    ("Ana", "Chenoweth", "ana@chenoweth.com", "", "Chief of staff", "policy", ["dc"],
     "new\nline and\ttabs, *stars* and a_b"),
    ("", "", "anon@example.org", "Acme Health", "", "", [], "no name at all"),
    ("François", "Lee", "f.lee@example.fr", "Chen & Partners", "Engineer", "engineering",
     ["paris", "data"], "chen is his manager"),
    ("A", "B", "ab@x.io", "X", "", "", [], ""),
]  # fmt: skip

SPECIAL_WORDS = [
    *('"', '""', '"chen"', 'chen"', "AND", "OR", "NOT", "NEAR(", "NEAR(chen", "*", "che*"),
    *("col:x", "notes:chen", "first_name:wei", "-", "-chen", "^che", "{notes}:tea", "+", "(", ")"),
    *("%", "_", "\\", "50%", "a_b", "off_s", "%off", "\\ w", "__", "%%%", "x%y", "_b"),
    *("chen", "CHEN", "Chen", "ch", "C", "陈", "陈伟", "陈氏集", "伟", "é", "én", "Ł", "ŁUK"),
    *("@", "@example", ".org", "&", "& Partners", ",data,", ",", "data,boston", "\t", "tea"),
]


def _people(owner: Any, people: list[tuple[Any, ...]]) -> list[Contact]:
    made = []
    for first, last, email, org_name, title, field, tags, notes in people:
        org = None
        if org_name:
            org = Organization.objects.filter(owner=owner, name=org_name).first()
            org = org or Organization.objects.create(owner=owner, name=org_name)
        made.append(
            Contact.objects.create(
                owner=owner,
                first_name=first,
                last_name=last,
                email=email,
                organization=org,
                title=title,
                field=field,
                tags_text=encode_tags(tags),
                notes=notes,
            )
        )
    return made


def csv(*rows: str) -> bytes:
    return "\n".join(["First Name,Last Name,Email,Company,Title", *rows]).encode()


def expected(owner: Any, q: str) -> set[int]:
    words = [w.translate(ASCII_LOWER) for w in q.split()[:8]]
    found = set()
    for pk, *texts in Contact.objects.owned_by(owner).values_list("pk", *TEXTS):
        folded = [(t or "").translate(ASCII_LOWER) for t in texts]
        if all(any(w in t for t in folded) for w in words):
            found.add(pk)
    return found


def found(owner: Any, q: str) -> set[int]:
    return set(search(Contact.objects.owned_by(owner), q).values_list("pk", flat=True))


def words_of(owner: Any) -> list[str]:
    """Whole words, and pieces of 2-5 characters, of every text, in both ASCII cases."""
    words = set(SPECIAL_WORDS)
    for texts in Contact.objects.owned_by(owner).values_list(*TEXTS):
        for word in " ".join(t or "" for t in texts).split():
            for piece in (word, word[:2], word[:3], word[1:5], word[-4:]):
                words.update({piece, piece.translate(ASCII_UPPER)})
    return sorted(words)


def assert_search_is_exact(owner: Any, other: Any) -> None:
    words = words_of(owner)
    rng = random.Random(len(words))
    queries = words + [" ".join(rng.sample(words, rng.randint(2, 9))) for _ in range(60)]
    theirs = set(Contact.objects.owned_by(other).values_list("pk", flat=True))
    for q in queries:
        hits = found(owner, q)
        assert hits == expected(owner, q), q
        assert not hits & theirs, q


@pytest.fixture
def two_worlds(alice: Any, bob: Any) -> tuple[list[Contact], list[Contact]]:
    return _people(alice, PEOPLE), _people(bob, [("Wei", "Chen", *p[2:]) for p in PEOPLE])


def test_search_finds_what_a_scan_finds_after_every_kind_of_write(
    alice: Any, bob: Any, two_worlds: tuple[list[Contact], list[Contact]]
) -> None:
    mine, _ = two_worlds
    wei, lukasz, _, jose, soren, ana, anon, francois, _ = mine
    assert_search_is_exact(alice, bob)

    partners = wei.organization
    assert partners is not None
    partners.name = "Chén Partners 2"  # renamed: its people follow
    partners.save()
    Organization.objects.filter(owner=alice, name="Politechnika").update(name="Łódź Tech")
    ana.organization = jose.organization  # moved
    ana.notes = "moved to Acme"
    ana.save()
    soren.organization = None
    soren.save()
    assert_search_is_exact(alice, bob)

    Organization.objects.get(owner=alice, name="Acme Health").delete()  # people keep no org
    anon.delete()
    Contact.objects.filter(owner=alice, first_name="A").delete()
    Contact.objects.owned_by(alice).filter(pk=francois.pk).update(title="Principal ChEngineer")
    assert_search_is_exact(alice, bob)

    imported = run_import(
        alice,
        csv(
            "Søren,Müller,soren@example.dk,Chen Imports,Designer",  # fills Søren's empty fields
            "Mei,Lin,mei@lin.tw,Chen Imports,Analyst",
            "Zoë,Ng,zoe@ng.sg,Łódź Tech,Chemist",
        ),
        filename="people.csv",
    )
    assert (imported.created, imported.updated) == (2, 1)
    assert_search_is_exact(alice, bob)

    merge_contacts(alice, lukasz, Contact.objects.get(owner=alice, first_name="Zoë"), {"title"})
    # The bulk rename above kept the old name key, so the import made a second "Łódź Tech".
    tech, *others = Organization.objects.filter(
        owner=alice, name__in=["Łódź Tech", "Chen Imports"]
    ).order_by("pk")
    assert len(others) == 2
    merge_organizations(alice, tech, others)
    assert_search_is_exact(alice, bob)

    later = run_import(alice, csv("Kai,Chenault,kai@x.org,Nowhere Chemicals,"), filename="b.csv")
    assert_search_is_exact(alice, bob)
    assert later.batch is not None
    assert undo(alice, later.batch) == 1
    assert_search_is_exact(alice, bob)
    assert_search_is_exact(bob, alice)


def _sqlite_only() -> None:
    if connection.vendor != "sqlite":
        pytest.skip("the FTS5 table is SQLite's")


def test_the_fts_table_holds_exactly_the_contacts_texts(
    alice: Any, two_worlds: tuple[list[Contact], list[Contact]]
) -> None:
    _sqlite_only()
    Organization.objects.filter(name="Acme Health").update(name="Acme Care")
    Contact.objects.filter(first_name="Søren").delete()
    columns = "first_name, last_name, email, organization, title, field, tags, notes"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT rowid, {columns} FROM network_contact_search ORDER BY rowid")
        index = cursor.fetchall()
    rows = Contact.objects.order_by("pk").values_list("pk", *TEXTS)
    assert index == [tuple(row) for row in rows]


def _trigger_sql() -> list[tuple[str, str]]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
        return list(cursor.fetchall())


def test_an_import_fills_the_index_at_once_and_puts_the_trigger_back(alice: Any) -> None:
    _sqlite_only()
    before = _trigger_sql()
    people = [f"Ana{n},Diaz{n},ana{n}@x.org,Chen Labs {n % 3},Analyst" for n in range(50)]
    assert run_import(alice, csv(*people), filename="people.csv").created == 50
    assert _trigger_sql() == before
    columns = "first_name, last_name, email, organization, title, field, tags, notes"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT rowid, {columns} FROM network_contact_search ORDER BY rowid")
        index = cursor.fetchall()
    rows = Contact.objects.order_by("pk").values_list("pk", *TEXTS)
    assert index == [tuple(row) for row in rows] and len(index) == 50
    Contact.objects.create(owner=alice, first_name="Later")  # the trigger works again
    assert search(Contact.objects.owned_by(alice), "Later").count() == 1


@transaction.atomic
def _import_then_fail(owner: Any) -> None:
    run_import(owner, csv("Ana,Diaz,ana@x.org,Chen Labs,Analyst"), filename="a.csv")
    raise RuntimeError("the import's transaction fails after the insert")


def test_a_failed_import_leaves_the_trigger_in_place(alice: Any) -> None:
    _sqlite_only()
    before = _trigger_sql()
    with pytest.raises(RuntimeError):
        _import_then_fail(alice)
    assert _trigger_sql() == before
    assert not Contact.objects.exists()


def test_the_triggers_survive_every_migration(db: Any) -> None:
    """A migration that remakes a table on SQLite drops its triggers: re-create them after."""
    _sqlite_only()
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
        triggers = [name for (name,) in cursor.fetchall()]
    assert triggers == [
        f"network_contact_search_{name}" for name in ("delete", "insert", "organization", "update")
    ]


def test_the_indexes_are_used(two_worlds: Any) -> None:
    # Everyone's contacts, so that the owner's index is no way round the search index.
    sql, params = search(Contact.objects.all(), "chen").query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
            assert "network_contact_search VIRTUAL TABLE" in str(cursor.fetchall())
        else:  # a handful of rows would be read in full: forbid that, to see the indexes serve
            cursor.execute("ANALYZE network_contact, network_organization")
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_indexscan = off")
            cursor.execute("EXPLAIN " + sql, params)
            plan = str(cursor.fetchall())
            assert "network_contact_search_trgm" in plan
            assert "network_organization_name_trgm" in plan


word_piece = st.sampled_from(
    [w for p in PEOPLE for t in p if isinstance(t, str) for w in t.split()]
)
random_word = st.text(
    alphabet=st.sampled_from('aeiouchnwCHENé陈伟Ł@._%\\"*:-()^,&'), min_size=1, max_size=6
)


@st.composite
def queries(draw: Any) -> str:
    words = []
    for _ in range(draw(st.integers(1, 10))):
        word = draw(st.one_of(word_piece, random_word, st.sampled_from(SPECIAL_WORDS)))
        start = draw(st.integers(0, max(len(word) - 1, 0)))
        word = word[start : start + draw(st.integers(1, 8))]
        words.append(word.translate(ASCII_UPPER) if draw(st.booleans()) else word)
    return " ".join(words)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(q=queries())
def test_any_query_finds_what_a_scan_finds(
    alice: Any, bob: Any, two_worlds: tuple[list[Contact], list[Contact]], q: str
) -> None:
    hits = found(alice, q)
    assert hits == expected(alice, q)
    assert not hits & {c.pk for c in two_worlds[1]}


def test_without_the_fts_table_search_scans_and_finds_the_same(
    alice: Any, bob: Any, two_worlds: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_module, "has_fts_table", lambda connection: False)
    sql = str(search(Contact.objects.all(), "chen").query)
    assert "network_contact_search" not in sql and "LIKE" in sql
    assert_search_is_exact(alice, bob)


@pytest.mark.django_db(transaction=True)
def test_an_sqlite_without_trigrams_migrates_and_search_scans(
    alice: Any, bob: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    _sqlite_only()
    migration = importlib.import_module("coffeechat.network.migrations.0004_contact_search")

    def migrate_to(target: str) -> None:
        executor = MigrationExecutor(connection)
        if target == "latest":  # the later migrations must cope without the search table too
            target = executor.loader.graph.leaf_nodes("network")[0][1]
        executor.migrate([("network", target)])
        search_module.recheck_fts_table(using=connection.alias)  # as `migrate` does

    migrate_to("0003_recompute_name_keys")
    old_table = migration.SQLITE_TABLE
    monkeypatch.setattr(migration, "SQLITE_TABLE", old_table.replace("trigram", "no_such_one"))
    try:
        migrate_to("latest")
        assert not search_module.has_fts_table(connection)
        _people(alice, PEOPLE)
        _people(bob, PEOPLE)
        assert_search_is_exact(alice, bob)
    finally:
        migrate_to("0003_recompute_name_keys")
        monkeypatch.setattr(migration, "SQLITE_TABLE", old_table)
        migrate_to("latest")
    assert search_module.has_fts_table(connection)
    assert_search_is_exact(alice, bob)  # filled from the rows written meanwhile


def test_letters_outside_ascii_match_in_either_case_where_indexed(alice: Any) -> None:
    """SQLite's LIKE folds only ASCII letters; the FTS5 table folds every letter, and PostgreSQL
    compares UPPER() of both sides: a word of three letters or more now finds 'Chén' as 'CHÉN'.
    Shorter words keep LIKE, so on SQLite 'É' still misses 'é'."""
    (chen,) = _people(alice, [("Wei", "Chén", "", "Łódź Tech", "", "", [], "")])
    assert found(alice, "CHÉN") == found(alice, "łódź") == {chen.pk}
    assert found(alice, "ÉN") == (set() if connection.vendor == "sqlite" else {chen.pk})


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=30),
    start=st.integers(0, 30),
    size=st.integers(1, 6),
    upper=st.booleans(),
)
def test_any_letters_are_found_wherever_the_scan_found_them(
    alice: Any, text: str, start: int, size: int, upper: bool
) -> None:
    word = text[start : start + size]
    q = word.upper() if upper else word
    with transaction.atomic():
        Contact.objects.create(owner=alice, first_name="Ann", notes=text)
        contacts = Contact.objects.owned_by(alice)
        scanned = set(
            contacts.filter(*(search_module._scan(w) for w in q.split()[:8])).values_list("pk")
        )
        indexed = set(search(contacts, q).values_list("pk"))
        if connection.vendor == "sqlite":  # the index also folds letters outside ASCII
            assert scanned <= indexed
        else:
            assert scanned == indexed
        transaction.set_rollback(True)
