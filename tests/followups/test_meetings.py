"""Scheduling on the web and through the API: times on the right clock, gentle warnings."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
import time_machine
from django.test import Client

from coffeechat.interviews.models import Meeting
from coffeechat.network.models import Contact
from tests.followups.conftest import meeting, ny, person


def test_scheduling_stores_the_users_local_time(client_alice: Client, referrer: Contact) -> None:
    form = client_alice.get(f"/meetings/new?contact={referrer.pk}")
    assert form.status_code == 200 and "Schedule a conversation with Priya Raman" in form.text
    assert 'value="20"' in form.text  # the default length
    response = client_alice.post(
        f"/meetings/new?contact={referrer.pk}",
        {
            "day": "2026-12-01",
            "time": "10:30",
            "minutes": "20",
            "mode": "video",
            "location": "https://meet.example.org/priya",
        },
    )
    saved = Meeting.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/meetings/{saved.pk}/"
    assert saved.starts_at == ny(2026, 12, 1, 10, 30) and saved.sequence == 0
    assert (saved.owner_id, saved.contact_id, saved.status) == (
        referrer.owner_id,
        referrer.pk,
        "scheduled",
    )
    detail = client_alice.get(response["Location"])
    assert "Tuesday 1 December 2026, 10:30" in detail.text
    assert "Saved your conversation with Priya Raman" in detail.text
    assert "generous ask" not in detail.text and "outside 08:00" not in detail.text


def test_long_or_early_meetings_are_saved_with_a_warning(
    client_alice: Client, referrer: Contact
) -> None:
    referrer.time_zone = "Europe/Paris"
    referrer.save()
    # 10:00 in New York is 16:00 in Paris; 45 minutes runs past 16:30, fine, but it's long.
    response = client_alice.post(
        f"/meetings/new?contact={referrer.pk}",
        {"day": "2026-12-01", "time": "13:00", "minutes": "45", "mode": "phone"},
        follow=True,
    )
    html = response.content.decode()
    assert Meeting.objects.count() == 1
    assert "generous ask" in html and "outside 08:00–18:00" in html  # 19:00 in Paris
    assert "Their time" in html and "Tue 1 Dec, 19:00–19:45" in html


def test_a_bad_form_keeps_what_was_typed(client_alice: Client, referrer: Contact) -> None:
    response = client_alice.post(
        f"/meetings/new?contact={referrer.pk}",
        {"day": "tomorrow-ish", "time": "10:30", "minutes": "600", "location": "Café Nero"},
    )
    assert response.status_code == 422
    assert "Café Nero" in response.text and "tomorrow-ish" in response.text
    assert "between 5 and 240 minutes" in response.text
    assert not Meeting.objects.exists()


def test_new_meeting_without_a_contact_points_to_the_list(client_alice: Client) -> None:
    response = client_alice.get("/meetings/new")
    assert response.status_code == 302 and response["Location"] == "/contacts/"


def test_every_edit_raises_the_sequence(client_alice: Client, referrer: Contact) -> None:
    talk = meeting(referrer, ny(2026, 12, 1, 10))
    form = client_alice.get(f"/meetings/{talk.pk}/edit")
    assert 'value="2026-12-01"' in form.text and 'value="10:00"' in form.text
    data = {"day": "2026-12-02", "time": "11:00", "minutes": "20", "mode": "in-person"}
    client_alice.post(f"/meetings/{talk.pk}/edit", data)
    client_alice.post(f"/meetings/{talk.pk}/edit", data | {"location": "Café Nero"})
    talk.refresh_from_db()
    assert talk.sequence == 2 and talk.starts_at == ny(2026, 12, 2, 11)


@time_machine.travel(ny(2026, 12, 1, 10, 40), tick=False)
def test_marking_held_records_when_it_ended(client_alice: Client, referrer: Contact) -> None:
    talk = meeting(referrer, ny(2026, 12, 1, 10))
    response = client_alice.post(f"/meetings/{talk.pk}/status", {"status": "held"})
    assert response.status_code == 302
    talk.refresh_from_db()
    assert talk.status == "held" and talk.ended_at == ny(2026, 12, 1, 10, 40)
    assert talk.sequence == 1
    client_alice.post(f"/meetings/{talk.pk}/status", {"status": "held", "ended_time": "10:25"})
    talk.refresh_from_db()
    assert talk.ended_at == ny(2026, 12, 1, 10, 25)
    client_alice.post(f"/meetings/{talk.pk}/status", {"status": "no-show"})
    assert Meeting.objects.get(pk=talk.pk).status == "no-show"
    response = client_alice.post(f"/meetings/{talk.pk}/status", {"status": "lost"}, follow=True)
    assert "isn&#x27;t a status" in response.text
    assert Meeting.objects.get(pk=talk.pk).status == "no-show"


@time_machine.travel(ny(2026, 12, 1, 10, 40).replace(second=17), tick=False)
def test_ending_now_keeps_the_seconds(client_alice: Client, referrer: Contact) -> None:
    talk = meeting(referrer, ny(2026, 12, 1, 10))
    client_alice.post(f"/meetings/{talk.pk}/status", {"status": "held"})
    talk.refresh_from_db()
    assert talk.ended_at == ny(2026, 12, 1, 10, 40).replace(second=17)
    client_alice.post(f"/meetings/{talk.pk}/status", {"status": "held", "ended_time": "10:25:09"})
    talk.refresh_from_db()
    assert talk.ended_at == ny(2026, 12, 1, 10, 25).replace(second=9)


@time_machine.travel(ny(2026, 12, 1, 16, 5), tick=False)
def test_ending_a_meeting_set_for_later_asks_when_it_really_happened(
    client_alice: Client, referrer: Contact
) -> None:
    talk = meeting(referrer, ny(2026, 12, 8, 15), minutes=20)  # Tuesday 8 December
    url = f"/meetings/{talk.pk}/status"
    asked = client_alice.post(url, {"status": "held"})
    assert asked.status_code == 200
    page = asked.content.decode()
    assert "This meeting is set for Tue 8 Dec — did it happen earlier?" in page
    assert 'name="real_day" value="2026-12-01"' in page
    assert 'name="real_time" value="15:00"' in page  # the planned hour, today
    assert "Cancel, it hasn't happened yet" in page
    talk.refresh_from_db()
    assert talk.status == "scheduled" and talk.ended_at is None  # nothing recorded yet
    ahead = client_alice.post(
        url, {"status": "held", "real_day": "2026-12-01", "real_time": "17:00"}
    )
    assert ahead.status_code == 422 and "still ahead" in ahead.content.decode()
    out_of_range = client_alice.post(
        url, {"status": "held", "real_day": "1899-12-31", "real_time": "10:00"}
    )
    assert out_of_range.status_code == 422
    done = client_alice.post(
        url, {"status": "held", "real_day": "2026-12-01", "real_time": "15:00"}
    )
    assert done.status_code == 302
    talk.refresh_from_db()
    assert talk.status == "held"
    assert talk.starts_at == ny(2026, 12, 1, 15)
    assert talk.ended_at == ny(2026, 12, 1, 15, 20)  # the agreed length, never before the start


@time_machine.travel(ny(2026, 12, 1, 16, 5), tick=False)
def test_a_meeting_set_for_later_this_year_or_the_next_is_named_plainly(
    client_alice: Client, referrer: Contact
) -> None:
    later_today = meeting(referrer, ny(2026, 12, 1, 18))
    next_year = meeting(referrer, ny(2027, 1, 5, 9))
    for talk, label in ((later_today, "18:00 today"), (next_year, "Tue 5 Jan 2027")):
        page = client_alice.post(f"/meetings/{talk.pk}/status", {"status": "held"}).content
        assert f"This meeting is set for {label} — did it happen earlier?" in page.decode()


@time_machine.travel(ny(2026, 12, 1, 16, 5), tick=False)
def test_the_api_wont_mark_held_a_meeting_still_ahead_unless_told_when(
    api_alice: Any, referrer: Contact
) -> None:
    talk = meeting(referrer, ny(2026, 12, 8, 15))
    refused = api_alice.patch(f"/api/v1/meetings/{talk.pk}", {"status": "held"})
    assert refused.status_code == 422 and "starts_at" in refused.json()["errors"]
    assert Meeting.objects.get(pk=talk.pk).status == "scheduled"
    moved = api_alice.patch(
        f"/api/v1/meetings/{talk.pk}",
        {"status": "held", "starts_at": "2026-12-01T15:00:00-05:00"},
    )
    assert moved.status_code == 200, moved.json()
    held = Meeting.objects.get(pk=talk.pk)
    assert held.status == "held" and held.starts_at == ny(2026, 12, 1, 15)
    assert held.ended_at is not None and held.ended_at >= held.starts_at


def meeting_urls(pk: int) -> list[str]:
    return [
        f"/meetings/{pk}/",
        f"/meetings/{pk}/edit",
        f"/meetings/{pk}.ics",
        f"/meetings/{pk}/status",
    ]


def test_outsiders_get_404_for_every_meeting_page(
    client_outsider: Client, referrer: Contact
) -> None:
    talk = meeting(referrer, ny(2026, 12, 1, 10))
    for url in meeting_urls(talk.pk):
        assert client_outsider.get(url).status_code in {404, 405}, url
        response = client_outsider.post(url, {"status": "cancelled", "day": "2026-12-09"})
        assert response.status_code in {404, 405}, url
    assert client_outsider.get(f"/meetings/new?contact={referrer.pk}").status_code == 404
    assert Meeting.objects.get(pk=talk.pk).status == "scheduled"


# The API


def test_the_api_schedules_reads_changes_and_deletes(api_alice: Any, referrer: Contact) -> None:
    response = api_alice.post(
        "/api/v1/meetings",
        {"contact": referrer.pk, "starts_at": "2026-12-01T07:00:00-05:00", "minutes": 45},
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["contact_name"] == "Priya Raman" and body["minutes"] == 45
    assert datetime.fromisoformat(body["starts_at"]) == datetime(2026, 12, 1, 12, tzinfo=UTC)
    assert len(body["warnings"]) == 2  # long, and before 08:00 on her clock
    pk = body["id"]
    changed = api_alice.patch(f"/api/v1/meetings/{pk}", {"minutes": 20, "location": "Café"})
    assert changed.status_code == 200
    assert changed.json()["sequence"] == 1 and changed.json()["mode"] == "video"
    assert api_alice.get(f"/api/v1/meetings/{pk}").json()["location"] == "Café"
    listed = api_alice.get("/api/v1/meetings").json()
    assert [m["id"] for m in listed["items"]] == [pk]
    held = api_alice.patch(f"/api/v1/meetings/{pk}", {"status": "held"}).json()
    assert held["ended_at"] is not None
    assert api_alice.delete(f"/api/v1/meetings/{pk}").status_code == 204
    assert not Meeting.objects.exists()


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"starts_at": "2026-12-01T10:00:00"}, "starts_at"),
        ({"starts_at": "2026-12-01T10:00:00Z", "minutes": 0}, "minutes"),
        ({"starts_at": "2026-12-01T10:00:00Z", "mode": "carrier pigeon"}, "mode"),
    ],
)
def test_the_api_refuses_bad_meetings(
    api_alice: Any, referrer: Contact, payload: dict[str, Any], field: str
) -> None:
    response = api_alice.post("/api/v1/meetings", {"contact": referrer.pk, **payload})
    assert response.status_code == 422
    assert field in response.json()["errors"]
    assert not Meeting.objects.exists()


def test_the_api_wont_schedule_with_someone_elses_contact(
    api_outsider: Any, referrer: Contact
) -> None:
    response = api_outsider.post(
        "/api/v1/meetings", {"contact": referrer.pk, "starts_at": "2026-12-01T10:00:00Z"}
    )
    assert response.status_code == 422 and "contact" in response.json()["errors"]


@pytest.mark.parametrize("method", ["get", "patch", "delete"])
def test_the_api_hides_other_peoples_meetings(
    api_outsider: Any, referrer: Contact, method: str
) -> None:
    talk = meeting(referrer, ny(2026, 12, 1, 10))
    for path in (f"/api/v1/meetings/{talk.pk}", f"/api/v1/meetings/{talk.pk}.ics"):
        if path.endswith(".ics") and method != "get":
            continue
        call = getattr(api_outsider, method)
        response = call(path) if method != "patch" else call(path, {"minutes": 60})
        assert response.status_code == 404, path
    assert api_outsider.get("/api/v1/meetings").json()["count"] == 0
    assert Meeting.objects.get(pk=talk.pk).minutes == 20


def test_contacts_of_other_people_stay_out_of_the_list(api_alice: Any, bob: Any) -> None:
    meeting(person(bob, "Bea"), ny(2026, 12, 1, 10))
    assert api_alice.get("/api/v1/meetings").json()["count"] == 0
