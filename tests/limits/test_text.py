"""Text no field can hold (NUL, lone surrogates) and text a one-line field mustn't hold (line and
paragraph separators, control characters, bidi overrides) are refused at every entry point:
forms, the API, the CLI, restore, URL paths and query strings. Nothing half-saved, never a 500."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from django.test import Client

from coffeechat.cli.main import main
from coffeechat.domain import limits
from coffeechat.domain.insights.journal import JournalEntry, ResourceNote, render_markdown
from coffeechat.network.models import Contact, Organization
from coffeechat.network.transfer.backup import BackupRefused, export_backup, restore_backup

NOT_ONE_LINE = [
    "\n",
    "\r",
    "\t",
    "\x0b",
    "\x85",
    "\u2028",
    "\u2029",
    *(chr(c) for c in range(0x202A, 0x202F)),
    *(chr(c) for c in range(0x2066, 0x206A)),
]
UNSTORABLE = ["\x00", "\ud800", "\udfff"]


@pytest.mark.parametrize("char", NOT_ONE_LINE + UNSTORABLE, ids=lambda c: f"U+{ord(c):04X}")
def test_one_line_fields_refuse_separators_controls_and_overrides(char: str) -> None:
    assert limits.line_problem(f"Ada{char}Lovelace") is not None


@pytest.mark.parametrize("text", ["Zoë O'Brien-Smith", "李小龍", "Ana 🙂", "Dr. Ünal (she/her)"])
def test_ordinary_names_pass(text: str) -> None:
    assert limits.line_problem(text) is None and limits.text_problem(text) is None


def test_multi_line_text_keeps_its_lines_but_not_nul_or_surrogates() -> None:
    assert limits.text_problem("line one\nline two\u2028three") is None
    assert all(limits.text_problem(f"a{c}b") for c in UNSTORABLE)


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85", "\u202e", "\u2066", "\n"])
def test_the_api_refuses_one_line_breakers_in_names(api_alice: Any, char: str) -> None:
    response = api_alice.post("/api/v1/contacts", {"first_name": f"Ada{char}x"})
    assert response.status_code == 422
    assert "one line" in response.json()["errors"]["first_name"][0]
    organization = api_alice.post("/api/v1/organizations", {"name": f"Acme{char}Labs"})
    assert organization.status_code == 422
    assert not Contact.objects.exists() and not Organization.objects.exists()


@pytest.mark.parametrize(
    ("path", "payload"),
    [
        ("/api/v1/contacts", {"first_name": "\ud800x"}),
        ("/api/v1/organizations", {"name": "Acme \udc00"}),
        ("/api/v1/contacts", {"first_name": "Ada", "notes": "fine\ud83d"}),
        ("/api/v1/contacts", {"first_name": "Ada", "tags": ["ok", "\ud800"]}),
        ("/api/v1/contacts", {"\ud800": "key"}),
        ("/api/v1/profile", {"display_name": "\ud800"}),
    ],
)
def test_lone_surrogates_are_refused_with_a_message(
    api_alice: Any, path: str, payload: dict[str, Any]
) -> None:
    method = api_alice.patch if path.endswith("profile") else api_alice.post
    response = method(path, payload)
    assert response.status_code == 400
    assert "broken Unicode character" in response.json()["detail"]
    assert not Contact.objects.exists()


def test_the_web_form_refuses_one_line_breakers(client_alice: Client) -> None:
    for char in ("\u2028", "\u202e", "\x85"):
        response = client_alice.post(
            "/contacts/new",
            {"first_name": f"Ada{char}Lovelace", "how_found": "other", "responsiveness": "unknown"},
        )
        assert response.status_code == 422 and "one line" in response.text
    assert not Contact.objects.exists()


def test_nul_in_paths_query_strings_and_form_fields_is_a_400_not_a_500(
    client_alice: Client, api_alice: Any
) -> None:
    anonymous = Client(raise_request_exception=False)
    assert anonymous.get("/calendar/%00.ics").status_code == 400
    assert anonymous.get("/signin/%00").status_code == 400
    response = api_alice.client.post(
        "/api/v1/actions/%00/done", headers={"Authorization": f"Bearer {api_alice.token}"}
    )
    assert response.status_code == 400 and "NUL" in response.json()["detail"]
    assert client_alice.post("/today/actions/done", {"key": "\x00"}).status_code == 400
    urlencoded = "application/x-www-form-urlencoded"  # what htmx sends
    response = client_alice.post("/today/actions/done", "key=%00", content_type=urlencoded)
    assert response.status_code == 400
    assert client_alice.post("/today/actions/snooze", {"key": "a\x00b"}).status_code == 400
    assert client_alice.get("/contacts/?q=%00").status_code == 400
    assert client_alice.get("/today/").status_code == 200


def test_json_nested_absurdly_deep_is_refused_in_json(api_alice: Any) -> None:
    body = "[" * 100_000 + "]" * 100_000
    response = api_alice.client.post(
        "/api/v1/contacts",
        body,
        content_type="application/json",
        headers={"Authorization": f"Bearer {api_alice.token}"},
    )
    assert response.status_code == 400 and "nests deeper" in response.json()["detail"]


def test_the_cli_refuses_arguments_that_are_not_text(db: Any, capsys: Any) -> None:
    # What Python makes of the byte 0xFF in an argument on a UTF-8 system.
    assert main(["contacts", "\udcff"]) == 2
    assert "can't be stored" in capsys.readouterr().err
    assert main(["createuser", "eve\x00", "--password", "x"]) == 2
    assert "can't be stored" in capsys.readouterr().err


def _emptied_backup(alice: Any) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(json.dumps(export_backup(alice)))
    Contact.objects.filter(owner=alice).delete()
    Organization.objects.filter(owner=alice).delete()
    return document


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("first_name", "Priya\nRaman", "one line"),
        ("last_name", "Raman\u2028", "one line"),
        ("title", "\u202eresU", "one line"),
        ("notes", "fine\x00", "can't be stored"),
        ("first_name", "\ud800", "can't be stored"),
        ("time_zone", "Mars/Olympus", "isn't a time zone we know"),
        ("tags_text", {"not": "text"}, "should be text"),
        ("first_name", ["Priya"], "should be text"),
        ("how_found", "telepathy", "not a valid choice"),
    ],
)
def test_restore_refuses_what_the_forms_refuse_naming_the_row(
    alice: Any, referral: Contact, field: str, value: Any, message: str
) -> None:
    document = _emptied_backup(alice)
    document["data"]["network.contact"][1][field] = value
    with pytest.raises(BackupRefused, match=rf"Row 2 of contacts, {field}: .*{message}"):
        restore_backup(alice, document)
    assert not Contact.objects.filter(owner=alice).exists()


@pytest.mark.parametrize("position", [0, -3, 3, 1.5, "1", True])
def test_restore_refuses_positions_that_point_nowhere(
    alice: Any, referral: Contact, position: Any
) -> None:
    document = _emptied_backup(alice)
    document["data"]["network.contact"][1]["referred_by"] = position
    with pytest.raises(BackupRefused, match=r"Row 2 of contacts, referred_by: it points to"):
        restore_backup(alice, document)
    assert not Contact.objects.filter(owner=alice).exists()


def test_restore_refuses_a_bad_profile_time_zone(alice: Any) -> None:
    document = _emptied_backup(alice)
    document["profile"]["time_zone"] = "Mars/Olympus"
    with pytest.raises(BackupRefused, match=r"The profile, time_zone: .*isn't a time zone"):
        restore_backup(alice, document)


def test_restore_of_a_100k_deep_file_is_a_message_not_a_traceback(
    db: Any, capsys: Any, tmp_path: Any
) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    assert main(["restore", str(deep)]) == 2
    assert "nest far deeper" in capsys.readouterr().err


def test_the_journal_shows_names_and_notes_as_typed_never_as_markup() -> None:
    entry = JournalEntry(
        person="<img src=x onerror=alert(1)> **Eve** [x](javascript:alert(1))",
        day=date(2026, 5, 1),
        notes="# not a heading\n1. not a list\n- not an item\n<script>alert(1)</script>",
        resources=(ResourceNote(title="A [book]", kind="Book", url="https://x.example/a) [b]"),),
    )
    text = render_markdown([entry], "Journal")
    assert "<img" not in text and "<script" not in text and "&lt;script&gt;" in text
    assert r"\*\*Eve\*\* \[x\](javascript" in text
    assert "\n\\# not a heading\n1\\. not a list\n\\- not an item\n" in text
    assert "(https://x.example/a%29%20[b])" in text


def test_files_we_write_carry_no_hidden_breaks_from_older_data() -> None:
    from datetime import UTC, datetime, timedelta

    from coffeechat.domain.exporters.vcards import VCardData, to_vcards
    from coffeechat.domain.followups.calendar_files import MeetingEvent, meeting_ics

    sneaky = "Ada\u2028Love\u202elace\x85 Jr"
    assert limits.one_line(sneaky) == "Ada Lovelace Jr"
    assert limits.one_line("  Zoë  O'Brien ") == "Zoë O'Brien"
    card = to_vcards(
        [VCardData(first_name=sneaky, organization="Acme\u2029Labs", tags=("a\u2066b",))]
    )
    event = meeting_ics(
        MeetingEvent(
            meeting_id=1,
            domain="coffeechat.invalid",
            contact_name=sneaky,
            organization_name="Acme\u2028Labs",
            starts_at=datetime(2026, 3, 10, 17, tzinfo=UTC),
            duration=timedelta(minutes=20),
            time_zone="America/New_York",
            mode="in-person",
            location="Room\u20281",
            stamp=datetime(2026, 3, 1, tzinfo=UTC),
            sequence=0,
        )
    )
    for written in (card.decode(), event.decode()):
        for char in ("\u2028", "\u2029", "\u202e", "\u2066", "\x85"):
            assert char not in written
    assert "Ada Lovelace Jr" in card.decode() and "Ada Lovelace Jr" in event.decode()
