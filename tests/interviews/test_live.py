"""Live mode's endpoints: autosave, check off, reorder, quick adds, the clock and the end."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coffeechat.accounts.services import profile_of
from coffeechat.interviews.models import AgendaItem, Meeting, Resource
from coffeechat.network.models import Contact
from tests.interviews.conftest import api_path


def planned(api_alice: Any, meeting: Meeting) -> list[AgendaItem]:
    api_alice.post(api_path(meeting, "/agenda/plan"), {})
    return list(AgendaItem.objects.filter(meeting=meeting))


def test_notes_autosave_and_repeat_harmlessly(api_alice: Any, meeting: Meeting) -> None:
    item = planned(api_alice, meeting)[1]
    path = api_path(meeting, f"/agenda/items/{item.pk}")
    for _ in range(2):
        response = api_alice.patch(path, {"notes": "Started as an intern."})
        assert response.status_code == 200
        assert response.json()["notes"] == "Started as an intern."
    item.refresh_from_db()
    assert item.notes == "Started as an intern." and not item.asked


def test_checking_off_a_question(api_alice: Any, meeting: Meeting) -> None:
    item = planned(api_alice, meeting)[0]
    path = api_path(meeting, f"/agenda/items/{item.pk}")
    assert api_alice.patch(path, {"asked": True}).json()["asked"] is True
    item.refresh_from_db()
    assert item.asked and item.notes == ""
    api_alice.patch(path, {"asked": False})
    item.refresh_from_db()
    assert not item.asked


def test_notes_that_are_too_long_get_a_clear_message_and_change_nothing(
    api_alice: Any, meeting: Meeting
) -> None:
    item = planned(api_alice, meeting)[0]
    response = api_alice.patch(
        api_path(meeting, f"/agenda/items/{item.pk}"), {"notes": "x" * 20_001}
    )
    assert response.status_code == 422
    assert "20000 characters" in response.json()["errors"]["notes"][0]
    too_long = api_alice.patch(api_path(meeting, "/notes"), {"notes": "y" * 20_001})
    assert too_long.status_code == 422
    meeting.refresh_from_db()
    assert meeting.notes == ""


def test_general_notes_autosave(api_alice: Any, meeting: Meeting) -> None:
    response = api_alice.patch(api_path(meeting, "/notes"), {"notes": "Warm, generous."})
    assert response.status_code == 200
    meeting.refresh_from_db()
    assert meeting.notes == "Warm, generous."


def test_the_order_changes_on_the_fly(api_alice: Any, meeting: Meeting) -> None:
    items = planned(api_alice, meeting)
    wanted = [items[0].pk, items[2].pk, items[1].pk] + [i.pk for i in items[3:]]
    response = api_alice.post(api_path(meeting, "/agenda/order"), {"items": wanted})
    assert [i["id"] for i in response.json()] == wanted
    assert list(AgendaItem.objects.filter(meeting=meeting).values_list("pk", flat=True)) == wanted


def test_adding_and_removing_an_item(api_alice: Any, meeting: Meeting) -> None:
    planned(api_alice, meeting)
    added = api_alice.post(
        api_path(meeting, "/agenda/items"), {"text": "How did the lab start?", "category": "path"}
    )
    assert added.status_code == 201
    pk = added.json()["id"]
    assert api_alice.delete(api_path(meeting, f"/agenda/items/{pk}")).status_code == 204
    assert not AgendaItem.objects.filter(pk=pk).exists()


def test_a_referral_becomes_a_contact_with_its_referrer(api_alice: Any, meeting: Meeting) -> None:
    payload = {
        "name": "Dana Okafor",
        "organization": "City Health Dept",
        "email": "dana@example.org",
        "may_mention": "yes",
    }
    response = api_alice.post(api_path(meeting, "/referrals"), payload)
    assert response.status_code == 201
    dana = Contact.objects.get(pk=response.json()["id"])
    assert (dana.first_name, dana.last_name) == ("Dana", "Okafor")
    assert dana.referred_by == meeting.contact and dana.referred_in == meeting
    assert dana.how_found == "referral" and dana.email == "dana@example.org"
    assert dana.organization is not None and dana.organization.name == "City Health Dept"
    assert "may mention their name" in dana.notes and "Priya Raman" in dana.notes
    again = api_alice.post(api_path(meeting, "/referrals"), payload)  # a retry after a drop
    assert again.status_code == 200 and again.json()["id"] == dana.pk
    assert Contact.objects.filter(first_name="Dana").count() == 1


def test_a_referral_needs_a_name_and_a_valid_email(api_alice: Any, meeting: Meeting) -> None:
    response = api_alice.post(
        api_path(meeting, "/referrals"), {"name": "", "email": "not-an-email"}
    )
    assert response.status_code == 422
    assert set(response.json()["errors"]) == {"name", "email"}
    answer = api_alice.post(api_path(meeting, "/referrals"), {"name": "Lee", "may_mention": "no"})
    assert "rather you didn't mention" in Contact.objects.get(pk=answer.json()["id"]).notes


def test_a_resource_is_kept_once(api_alice: Any, meeting: Meeting) -> None:
    payload = {"kind": "book", "title": "The 2-Hour Job Search", "url": "example.org/book"}
    first = api_alice.post(api_path(meeting, "/resources"), payload)
    assert first.status_code == 201 and first.json()["url"] == "https://example.org/book"
    assert api_alice.post(api_path(meeting, "/resources"), payload).status_code == 200
    resource = Resource.objects.get(meeting=meeting)
    assert resource.contact == meeting.contact and resource.kind == "book"
    bad = api_alice.post(api_path(meeting, "/resources"), {"kind": "scroll", "title": ""})
    assert bad.status_code == 422


def test_advice_is_appended_once(api_alice: Any, meeting: Meeting) -> None:
    for text in ("Learn SQL well.", "Join the state association.", "Learn SQL well."):
        assert api_alice.post(api_path(meeting, "/advice"), {"text": text}).status_code == 200
    meeting.refresh_from_db()
    assert meeting.advice == "Learn SQL well.\n\nJoin the state association."


def test_the_clock_starts_once_and_end_marks_the_meeting_held(
    api_alice: Any, meeting: Meeting
) -> None:
    with time_machine.travel(datetime(2025, 3, 4, 15, 2, tzinfo=UTC), tick=False):
        started = api_alice.post(api_path(meeting, "/start"), {}).json()["started_at"]
    with time_machine.travel(datetime(2025, 3, 4, 15, 5, tzinfo=UTC), tick=False):
        assert api_alice.post(api_path(meeting, "/start"), {}).json()["started_at"] == started
    with time_machine.travel(datetime(2025, 3, 4, 15, 24, tzinfo=UTC), tick=False):
        ended = api_alice.post(api_path(meeting, "/end"), {}).json()
    with time_machine.travel(datetime(2025, 3, 4, 16, 0, tzinfo=UTC), tick=False):
        api_alice.post(api_path(meeting, "/end"), {})  # pressed twice: the first end stands
    meeting.refresh_from_db()
    assert meeting.status == "held" == ended["status"]
    assert meeting.started_at == datetime(2025, 3, 4, 15, 2, tzinfo=UTC)
    assert meeting.ended_at == datetime(2025, 3, 4, 15, 24, tzinfo=UTC)


def test_the_live_page_carries_the_stored_clock_and_the_warning_setting(
    client_alice: Any, alice: Any, meeting: Meeting
) -> None:
    page = client_alice.get(f"/meetings/{meeting.pk}/live/").content.decode()
    assert 'data-started-at=""' in page and 'data-warning-minutes="5"' in page
    assert "Start the clock" in page and "live.js" in page and "<script>" not in page
    meeting.started_at = datetime(2025, 3, 4, 15, 2, tzinfo=UTC)
    meeting.save()
    profile = profile_of(alice)
    profile.rule_settings = {"live_warning_minutes": 3}
    profile.save()
    page = client_alice.get(f"/meetings/{meeting.pk}/live/").content.decode()
    assert f'data-started-at="{int(meeting.started_at.timestamp())}"' in page
    assert 'data-warning-minutes="3"' in page


def test_the_live_page_lists_the_agenda_and_what_was_captured(
    client_alice: Any, api_alice: Any, meeting: Meeting
) -> None:
    items = planned(api_alice, meeting)
    api_alice.patch(api_path(meeting, f"/agenda/items/{items[1].pk}"), {"notes": "Loves R."})
    api_alice.post(api_path(meeting, "/referrals"), {"name": "Dana Okafor"})
    api_alice.post(api_path(meeting, "/resources"), {"kind": "website", "title": "HealthData"})
    api_alice.post(api_path(meeting, "/advice"), {"text": "Say yes to messy data."})
    page = client_alice.get(f"/meetings/{meeting.pk}/live/").content.decode()
    for expected in ("Loves R.", "Dana Okafor", "HealthData", "Say yes to messy data."):
        assert expected in page
    assert page.count("data-item=") == len(items)


def test_the_live_page_query_count_does_not_grow_with_the_agenda(
    client_alice: Any, alice: Any, api_alice: Any, meeting: Meeting
) -> None:
    def count_queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client_alice.get(f"/meetings/{meeting.pk}/live/").status_code == 200
        return len(ctx.captured_queries)

    planned(api_alice, meeting)
    api_alice.post(api_path(meeting, "/referrals"), {"name": "Dana Okafor"})
    few = count_queries()
    AgendaItem.objects.bulk_create(
        AgendaItem(
            owner=alice, meeting=meeting, text=f"Question {i}?", category="advice", order=50 + i
        )
        for i in range(40)
    )
    for i in range(5):
        api_alice.post(api_path(meeting, "/referrals"), {"name": f"Person {i}"})
        api_alice.post(api_path(meeting, "/resources"), {"title": f"Book {i}", "kind": "book"})
    assert count_queries() == few


def test_the_openapi_document_describes_the_agenda_endpoints(api_alice: Any) -> None:
    paths = api_alice.get("/api/v1/openapi.json").json()["paths"]
    plan = paths["/api/v1/meetings/{meeting_id}/agenda/plan"]["post"]
    assert plan["requestBody"]["required"] is False
    assert "/api/v1/meetings/{meeting_id}/agenda/items/{item_id}" in paths


def test_a_conversation_held_in_live_mode_before_its_set_time_moves_to_when_it_happened(
    api_alice: Any, meeting: Meeting
) -> None:
    meeting.starts_at = datetime(2025, 3, 10, 15, 0, tzinfo=UTC)  # set for next week
    meeting.save()
    with time_machine.travel(datetime(2025, 3, 4, 15, 2, tzinfo=UTC), tick=False):
        api_alice.post(api_path(meeting, "/start"), {})
    with time_machine.travel(datetime(2025, 3, 4, 15, 24, tzinfo=UTC), tick=False):
        api_alice.post(api_path(meeting, "/end"), {})
    meeting.refresh_from_db()
    assert meeting.starts_at == meeting.started_at == datetime(2025, 3, 4, 15, 2, tzinfo=UTC)
    assert meeting.ended_at is not None and meeting.ended_at > meeting.starts_at
