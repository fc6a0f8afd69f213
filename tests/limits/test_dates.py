"""One range for dates and times (years 1900–2200), refused the same way at every entry point,
and nothing saved when a request is refused."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client

from coffeechat.cli.main import main
from coffeechat.domain import limits
from coffeechat.interviews.models import Meeting
from coffeechat.network.models import Contact, Organization
from coffeechat.network.transfer.backup import BackupRefused, export_backup, restore_backup
from coffeechat.outreach.models import Message

FAR = {"starts_at": "9999-12-31T22:00:00Z", "minutes": 120}
YEAR_ONE = {"starts_at": "0001-01-01T00:00:00+14:00"}
BAD_MOMENTS = ["9999-12-31T22:00:00Z", "0001-01-01T00:00:00+14:00", "0001-01-01T10:00:00Z"]


def test_the_range_is_stated_once() -> None:
    assert (limits.MIN_YEAR, limits.MAX_YEAR) == (1900, 2200)
    assert limits.date_problem(dt.date(2026, 5, 1)) is None
    assert limits.date_problem(dt.date(1900, 1, 1)) is None
    assert limits.date_problem(dt.date(2200, 12, 31)) is None
    assert limits.date_problem(dt.date(1899, 12, 31)) == limits.DATE_MESSAGE
    assert limits.date_problem(dt.date(2201, 1, 1)) == limits.DATE_MESSAGE
    plus14 = dt.timezone(dt.timedelta(hours=14))
    assert limits.date_problem(dt.datetime(1, 1, 1, tzinfo=plus14)) == limits.DATE_MESSAGE
    assert limits.date_problem(dt.datetime(9999, 12, 31, 23, tzinfo=dt.UTC)) is not None
    # In range on its own clock but not in UTC: still refused, so every stored time is in range.
    assert limits.date_problem(dt.datetime(1900, 1, 1, 1, tzinfo=plus14)) is not None
    assert limits.clamp_moment(dt.datetime(1, 1, 1, tzinfo=dt.UTC)).year == 1900
    assert limits.clamp_moment(dt.datetime(9999, 12, 31, tzinfo=dt.UTC)).year == 2200
    assert limits.clamp_date(dt.date(9999, 1, 1)) == dt.date(2200, 12, 31)


@pytest.mark.parametrize("moment", BAD_MOMENTS)
def test_the_api_refuses_out_of_range_meetings_and_saves_nothing(
    api_alice: Any, referrer: Contact, moment: str
) -> None:
    response = api_alice.post(
        "/api/v1/meetings", {"contact": referrer.pk, "starts_at": moment, "minutes": 120}
    )
    assert response.status_code == 422
    assert "between 1900 and 2200" in response.json()["errors"]["starts_at"][0]
    assert not Meeting.objects.exists()


def test_the_api_refuses_out_of_range_changes_and_keeps_the_meeting(
    api_alice: Any, referrer: Contact
) -> None:
    created = api_alice.post(
        "/api/v1/meetings", {"contact": referrer.pk, "starts_at": "2026-12-01T10:00:00-05:00"}
    )
    assert created.status_code == 201
    pk = created.json()["id"]
    for change in (FAR, YEAR_ONE, {"ended_at": "9999-12-31T23:00:00Z"}):
        response = api_alice.patch(f"/api/v1/meetings/{pk}", change)
        assert response.status_code == 422, change
    meeting = Meeting.objects.get()
    assert meeting.starts_at == dt.datetime(2026, 12, 1, 15, tzinfo=dt.UTC)
    assert meeting.ended_at is None and meeting.sequence == 0
    contact = api_alice.patch(f"/api/v1/contacts/{referrer.pk}", {"connected_on": "0001-01-01"})
    assert contact.status_code == 422
    referrer.refresh_from_db()
    assert referrer.connected_on is None


def test_the_actions_api_wants_a_real_day_in_range(api_alice: Any) -> None:
    assert api_alice.get("/api/v1/actions", on="2026-11-30").status_code == 200
    for on in ("0", "9999-12-31", "0001-01-01", "2026-13-01", "20261130"):
        response = api_alice.get("/api/v1/actions", on=on)
        assert response.status_code == 422, on
        assert response.json()["errors"]["on"]


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1899-12-31"])
def test_the_web_form_refuses_out_of_range_days(
    client_alice: Client, referrer: Contact, day: str
) -> None:
    response = client_alice.post(
        f"/meetings/new?contact={referrer.pk}",
        {"day": day, "time": "22:00", "minutes": "120", "mode": "video"},
    )
    assert response.status_code == 422
    assert "between 1900 and 2200" in response.text
    assert not Meeting.objects.exists()


def test_the_contact_form_refuses_an_out_of_range_connection_day(
    client_alice: Client, referrer: Contact
) -> None:
    response = client_alice.post(
        f"/contacts/{referrer.pk}/edit",
        {"first_name": "Priya", "how_found": "alumni", "connected_on": "9999-12-31"},
    )
    assert response.status_code == 422 and "between 1900 and 2200" in response.text
    referrer.refresh_from_db()
    assert referrer.connected_on is None


def test_the_cli_refuses_out_of_range_days(db: Any, capsys: Any) -> None:
    for command in ("today", "digest"):
        for day in ("9999-12-31", "0001-01-01"):
            code = main([command, "--on", day])
            assert code == 2
            assert "between 1900 and 2200" in capsys.readouterr().err


def test_an_import_leaves_an_out_of_range_date_empty_and_says_so(
    db: Any, capsys: Any, tmp_path: Path
) -> None:
    sheet = tmp_path / "people.csv"
    sheet.write_text("First Name,Last Name,Connected On\nAda,Far,31 Dec 9999\nBo,Near,1 Mar 2024\n")
    assert main(["import", str(sheet), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert any("between 1900 and 2200" in str(w) for w in report["warnings"])
    days = dict(Contact.objects.values_list("first_name", "connected_on"))
    assert days == {"Ada": None, "Bo": dt.date(2024, 3, 1)}


@pytest.mark.parametrize(
    ("label", "field", "value"),
    [
        ("interviews.meeting", "starts_at", "9999-12-31T22:00:00+00:00"),
        ("interviews.meeting", "starts_at", "0001-01-01T00:00:00+14:00"),
        ("outreach.message", "sent_at", "0001-01-01T00:00:00+00:00"),
        ("network.contact", "connected_on", "9999-12-31"),
    ],
)
def test_restore_refuses_out_of_range_dates_naming_the_row(
    alice: Any, referrer: Contact, label: str, field: str, value: str
) -> None:
    Message.objects.create(owner=alice, contact=referrer, status="sent")
    Meeting.objects.create(
        owner=alice, contact=referrer, starts_at=dt.datetime(2026, 5, 1, tzinfo=dt.UTC)
    )
    document = json.loads(json.dumps(export_backup(alice)))
    document["data"][label][0][field] = value
    for model in (Meeting, Message, Contact, Organization):
        model.objects.filter(owner=alice).delete()
    with pytest.raises(BackupRefused, match=rf"Row 1 of .*, {field}: .*between 1900 and 2200"):
        restore_backup(alice, document)
    assert not Contact.objects.filter(owner=alice).exists()


@pytest.mark.django_db(transaction=True)
def test_the_migration_moves_stored_dates_into_the_range(alice: Any) -> None:
    before = [
        ("interviews", "0003_meeting_started_at"),
        ("network", "0005_contacts_met_through_a_meeting"),
    ]
    executor = MigrationExecutor(connection)
    executor.migrate(before)  # both apps, so the rows written below fit the tables as they were
    old = executor.loader.project_state(before).apps
    OldContact = old.get_model("network", "Contact")
    OldMeeting = old.get_model("interviews", "Meeting")
    contact = OldContact.objects.create(
        owner_id=alice.pk, first_name="Ada", connected_on=dt.date(1, 1, 1)
    )
    far = OldMeeting.objects.create(
        owner_id=alice.pk, contact=contact, starts_at=dt.datetime(9999, 12, 31, 22, tzinfo=dt.UTC)
    )
    early = OldMeeting.objects.create(
        owner_id=alice.pk,
        contact=contact,
        starts_at=dt.datetime(1, 1, 1, 10, tzinfo=dt.UTC),
        ended_at=dt.datetime(9999, 1, 1, tzinfo=dt.UTC),
    )
    fine = OldMeeting.objects.create(
        owner_id=alice.pk, contact=contact, starts_at=dt.datetime(2026, 5, 1, 9, 30, tzinfo=dt.UTC)
    )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    def raw(pk: int) -> Any:
        with connection.cursor() as cursor:
            cursor.execute("SELECT starts_at, ended_at FROM interviews_meeting WHERE id = %s", [pk])
            return cursor.fetchone()

    moved = Meeting.objects.in_bulk([far.pk, early.pk, fine.pk])
    assert moved[far.pk].starts_at == dt.datetime(2200, 12, 31, 12, tzinfo=dt.UTC)
    assert moved[early.pk].starts_at == dt.datetime(1900, 1, 1, tzinfo=dt.UTC)
    assert moved[early.pk].ended_at == dt.datetime(2200, 12, 31, 12, tzinfo=dt.UTC)
    assert moved[fine.pk].starts_at == dt.datetime(2026, 5, 1, 9, 30, tzinfo=dt.UTC)
    assert Contact.objects.get(pk=contact.pk).connected_on == dt.date(1900, 1, 1)
    # Repaired in the database itself, not only as read.
    assert "9999" not in str(raw(far.pk)) and "0001" not in str(raw(early.pk))
