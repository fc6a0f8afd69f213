import csv
import io
import unicodedata
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from coffeechat.domain.importers import (
    ContactRow,
    ImportResult,
    UnreadableFileError,
    read_contacts,
)

# Control characters are left out here: enough of them make a file look binary, on purpose.
PRINTABLE = st.characters(exclude_categories=("Cc", "Cs"))
HEADERS = ["First Name", "Last Name", "Email", "Company", "Title", "Phone", "Notes", "Odd"]


def assert_well_formed(result: ImportResult) -> None:
    for row in result.rows:
        assert isinstance(row, ContactRow)
        assert row.line >= 1
        assert row.first_name or row.last_name or row.emails or row.linkedin_url
        for text in (row.first_name, row.last_name, row.organization, row.title, row.location):
            assert text == text.strip()
            assert not any(unicodedata.category(char) == "Cc" for char in text)
            assert "\u2028" not in text
            assert "\u202e" not in text
        assert all("@" in email and email == email.lower() for email in row.emails)
        assert row.connected_on is None or isinstance(row.connected_on, date)
    for problem in (*result.rejects, *result.warnings):
        assert problem.line >= 1
        assert problem.reason


def read_or_refuse(data: bytes, fmt: str = "auto") -> None:
    """Either a well-formed result or UnreadableFileError with a reason; nothing else."""
    try:
        result = read_contacts(data, fmt=fmt)
    except UnreadableFileError as error:
        reason = error.reason
    else:
        assert_well_formed(result)
        reason = "read"
    assert reason


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes(data):
    read_or_refuse(data)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=500), st.sampled_from(["xlsx", "vcard", "linkedin", "csv"]))
def test_random_bytes_with_a_forced_format(data, fmt):
    read_or_refuse(data, fmt=fmt)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=500))
def test_random_bytes_after_a_zip_signature(data):
    read_or_refuse(b"PK\x03\x04" + data)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=1500))
def test_random_text(text):
    read_or_refuse(text.encode("utf-8"))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=800))
def test_random_text_inside_a_vcard(text):
    read_or_refuse(f"BEGIN:VCARD\nVERSION:2.1\n{text}\nEND:VCARD\n".encode())


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.text(PRINTABLE, max_size=30), max_size=10), max_size=20))
def test_random_csv_under_a_real_header(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADERS)
    writer.writerows(rows)
    result = read_contacts(buffer.getvalue().encode("utf-8"))
    assert_well_formed(result)
    assert len(result.rows) + len(result.rejects) <= len(rows)
