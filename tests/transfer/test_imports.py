"""Import service: sources, de-duplication, all or nothing, constant query count."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coffeechat.domain.importers import UnreadableFileError
from coffeechat.network.models import Contact, DuplicateFlag, ImportBatch, Organization
from coffeechat.network.transfer import inserts
from coffeechat.network.transfer.imports import run_import, safe_file_name
from tests.transfer.conftest import batch_of, csv_bytes, sample_bytes


def test_it_imports_a_linkedin_export_with_organizations_and_rejects(alice, import_sample):
    summary = import_sample("linkedin_connections.csv")
    assert (summary.format, summary.created, summary.updated) == ("linkedin", 6, 0)
    assert [(r.line, r.reason[:20]) for r in summary.rejected] == [
        (10, "This row has no name"),
        (12, "Same details as line"),
    ]
    zoe = Contact.objects.owned_by(alice).get(first_name="Zoë")
    assert zoe.linkedin_url == "https://www.linkedin.com/in/zoe-nunez-4821"
    assert zoe.organization is not None and zoe.organization.name == "Blue Heron Analytics, Inc."
    assert zoe.how_found == "linkedin" and str(zoe.connected_on) == "2026-11-21"
    assert zoe.imported_in == batch_of(summary)
    batch = ImportBatch.objects.get(pk=batch_of(summary).pk)
    assert (batch.created_count, batch.rejected_count, batch.format) == (6, 2, "linkedin")
    assert batch.rejects[0]["line"] == 10 and batch.finished_at is not None


@pytest.mark.parametrize(
    ("name", "fmt", "people"),
    [
        ("google_contacts.csv", "google-csv", 2),
        ("outlook_contacts.csv", "outlook-csv", 2),
        ("mixed_versions.vcf", "vcard", 2),
        ("generic_bom.csv", "csv", 3),
    ],
)
def test_it_imports_every_source_format(alice, import_sample, name, fmt, people):
    summary = import_sample(name)
    assert summary.format == fmt
    assert Contact.objects.owned_by(alice).count() == people


def test_importing_the_same_file_twice_creates_nothing_the_second_time(alice, import_sample):
    import_sample("linkedin_connections.csv")
    import_sample("mixed_versions.vcf")
    before = (Contact.objects.count(), Organization.objects.count(), DuplicateFlag.objects.count())
    again = import_sample("linkedin_connections.csv")
    import_sample("mixed_versions.vcf")
    assert (again.created, again.updated, again.possible_duplicates, again.unchanged) == (
        0,
        0,
        0,
        6,
    )
    after = (Contact.objects.count(), Organization.objects.count(), DuplicateFlag.objects.count())
    assert after == before


def test_same_email_is_the_same_person_and_only_empty_fields_are_filled(alice, acme):
    mine = Contact.objects.create(
        owner=alice, first_name="Priya", last_name="R.", email="Priya@Example.org", title="Analyst"
    )
    data = csv_bytes(
        "First Name,Last Name,Email,Title,Phone,Company",
        "Priyanka,Raman,priya@example.org,Director,(617) 555-0134,Acme Health",
    )
    summary = run_import(alice, data, filename="people.csv")
    assert (summary.created, summary.updated) == (0, 1)
    mine.refresh_from_db()
    assert (mine.first_name, mine.last_name, mine.title) == ("Priya", "R.", "Analyst")
    assert mine.phone == "+1 617-555-0134"  # normalized for the profile's country (US)
    assert mine.organization == acme  # matched by name, not created twice
    assert Organization.objects.owned_by(alice).count() == 1


def test_same_linkedin_address_in_another_spelling_is_the_same_person(alice, import_sample):
    mine = Contact.objects.create(
        owner=alice, first_name="Z.", linkedin_url="http://linkedin.com/in/Zoe-Nunez-4821/"
    )
    summary = import_sample("linkedin_connections.csv")
    assert summary.created == 5 and summary.updated == 1
    mine.refresh_from_db()
    assert mine.first_name == "Z." and mine.last_name == "Ñúñez" and mine.title == "Data Analyst"


def test_same_name_at_same_organization_is_added_and_flagged_not_merged(alice, import_sample):
    fjord = Organization.objects.create(owner=alice, name="FJORD & PINE design")
    mine = Contact.objects.create(
        owner=alice, first_name="Marcus", last_name="O’Neill".replace("’", "'"), organization=fjord
    )
    summary = import_sample("linkedin_connections.csv")
    assert summary.possible_duplicates == 1 and summary.created == 5
    flag = DuplicateFlag.objects.owned_by(alice).get()
    assert flag.other == mine and flag.contact.linkedin_url.endswith("marcus-oneill")
    assert flag.batch == batch_of(summary)
    assert Organization.objects.owned_by(alice).filter(name_key="fjord & pine design").count() == 1


def test_an_invalid_phone_keeps_the_row_and_drops_the_phone_with_a_warning(alice):
    data = csv_bytes("Name,Phone", "Ada Obi,12", "Ben Ito,+44 20 7946 0958")
    summary = run_import(alice, data, filename="p.csv")
    assert summary.created == 2
    assert [w.line for w in summary.warnings] == [2]
    assert "phone number '12'" in summary.warnings[0].reason
    phones = dict(Contact.objects.owned_by(alice).values_list("first_name", "phone"))
    assert phones == {"Ada": "", "Ben": "+44 20 7946 0958"}


def test_a_row_with_a_value_too_long_is_skipped_with_its_line(alice):
    data = csv_bytes("Name,Title", f"Ada Obi,{'x' * 200}", "Ben Ito,Engineer")
    summary = run_import(alice, data, filename="p.csv")
    assert summary.created == 1
    assert summary.rejected[0].line == 2 and "title is 200 characters" in summary.rejected[0].reason


def test_an_unreadable_file_imports_nothing_and_says_why(alice):
    with pytest.raises(UnreadableFileError, match="older Excel"):
        run_import(alice, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, filename="old.xls")
    assert not ImportBatch.objects.exists() and not Contact.objects.exists()


def test_a_failure_half_way_leaves_the_database_as_it_was(alice, referrer, monkeypatch):
    monkeypatch.setattr(inserts, "CHUNK", 2)

    def failing(stage: str, done: int, total: int) -> None:
        if stage == "saving":  # organizations, then the first contacts went in
            raise RuntimeError("disk full")

    before = (Contact.objects.count(), Organization.objects.count())
    with pytest.raises(RuntimeError):
        run_import(
            alice, sample_bytes("linkedin_connections.csv"), filename="c.csv", progress=failing
        )
    assert (Contact.objects.count(), Organization.objects.count()) == before
    assert not ImportBatch.objects.exists()


def test_a_dry_run_writes_nothing(alice):
    summary = run_import(alice, sample_bytes("linkedin_connections.csv"), dry_run=True)
    assert summary.created == 6 and summary.batch is None
    assert not Contact.objects.exists() and not Organization.objects.exists()


def test_the_import_only_touches_its_owners_people(alice, bob):
    Contact.objects.create(owner=bob, first_name="Priya", email="lukasz.w@example.pl")
    summary = run_import(alice, sample_bytes("linkedin_connections.csv"), filename="c.csv")
    assert summary.created == 6
    assert Contact.objects.owned_by(bob).get().first_name == "Priya"


def _people(count: int) -> bytes:
    lines = ["First Name,Last Name,URL,Email Address,Company,Position,Connected On"]
    lines += [
        f"Person,{n},https://www.linkedin.com/in/p-{n},p{n}@example.org,Org {n % 7},Analyst,"
        "01 Jan 2024"
        for n in range(count)
    ]
    return csv_bytes(*lines)


def _reads(queries: CaptureQueriesContext) -> int:
    return sum(
        1 for q in queries.captured_queries if q["sql"].lstrip().upper().startswith("SELECT")
    )


def test_no_query_is_made_per_row(alice):
    """Reads are a fixed handful; inserts go in batches (SQLite caps parameters per query)."""
    with CaptureQueriesContext(connection) as small:
        run_import(alice, _people(20), filename="a.csv")
    Contact.objects.all().delete()
    with CaptureQueriesContext(connection) as large:
        run_import(alice, _people(400), filename="b.csv")
    assert _reads(large) == _reads(small)
    assert len(large) < 400 / 10


def test_file_names_are_one_bounded_line_without_folders():
    assert safe_file_name("C:\\Users\\me\\Connections.csv") == "Connections.csv"
    assert safe_file_name("../../etc/pass\nwd\u202e.csv") == "pass wd .csv"
    assert len(safe_file_name("a" * 1000)) == 200
    assert safe_file_name("") == "upload"
