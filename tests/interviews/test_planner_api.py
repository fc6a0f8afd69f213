"""Planning an agenda through the API and the prep page: structure, memory, and refusal."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from coffeechat.domain.questions import ENDING_KEYS, REFERRAL_ASK_KEY
from coffeechat.interviews.models import AgendaItem, Meeting
from coffeechat.network.models import Contact
from tests.interviews.conftest import api_path


def test_it_plans_an_opener_first_and_the_closers_last_within_the_agreed_length(
    api_alice: Any, meeting: Meeting
) -> None:
    response = api_alice.post(api_path(meeting, "/agenda/plan"), {})
    assert response.status_code == 200
    items = response.json()
    assert items[0]["category"] == "opener"
    assert [i["category"] for i in items[-2:]] == ["closing", "referrals"]
    assert [i["question_id"] for i in items[-2:]] == list(ENDING_KEYS)
    assert sum(i["minutes"] for i in items) <= meeting.minutes
    assert [i["order"] for i in items] == list(range(1, len(items) + 1))
    assert "{" not in "".join(i["text"] for i in items)
    stored = list(AgendaItem.objects.filter(meeting=meeting))
    assert [s.text for s in stored] == [i["text"] for i in items]
    assert "public health" in stored[0].text  # the profile's first field of interest


def test_the_body_is_optional_and_tiara_order_is_accepted(api_alice: Any, meeting: Meeting) -> None:
    bare = api_alice.client.post(
        api_path(meeting, "/agenda/plan"),
        data="",
        content_type="application/json",
        headers={"Authorization": f"Bearer {api_alice.token}"},
    )
    assert bare.status_code == 200, bare.content
    tiara = api_alice.post(api_path(meeting, "/agenda/plan"), {"order": "tiara"})
    assert tiara.status_code == 200 and tiara.json()[0]["category"] == "opener"
    assert api_alice.post(api_path(meeting, "/agenda/plan"), {"order": "random"}).status_code == 422


def test_it_replaces_an_agenda_that_has_not_started(api_alice: Any, meeting: Meeting) -> None:
    first = api_alice.post(api_path(meeting, "/agenda/plan"), {}).json()
    second = api_alice.post(api_path(meeting, "/agenda/plan"), {}).json()
    assert AgendaItem.objects.filter(meeting=meeting).count() == len(second) == len(first)


def test_it_skips_questions_already_asked_in_earlier_meetings(
    alice: Any, api_alice: Any, meeting: Meeting
) -> None:
    planned = api_alice.post(api_path(meeting, "/agenda/plan"), {}).json()
    middle = [i for i in planned if i["category"] not in ("opener", "referrals", "closing")]
    asked_key = middle[0]["question_id"]
    earlier = Meeting.objects.create(
        owner=alice,
        contact=meeting.contact,
        starts_at=datetime(2025, 1, 10, 15, tzinfo=UTC),
        status="held",
    )
    AgendaItem.objects.create(
        owner=alice, meeting=earlier, question_key=asked_key, text="…", category="path", asked=True
    )
    again = api_alice.post(api_path(meeting, "/agenda/plan"), {}).json()
    assert asked_key not in [i["question_id"] for i in again]
    assert REFERRAL_ASK_KEY in [i["question_id"] for i in again]  # closers stay, even asked before


def test_it_asks_about_the_organization_only_when_the_contact_has_one(
    alice: Any, api_alice: Any, meeting: Meeting
) -> None:
    meeting.minutes = 60
    meeting.save()
    with_org = api_alice.post(api_path(meeting, "/agenda/plan"), {}).json()
    assert any(i["category"] in ("culture", "organization") for i in with_org)
    assert any("Acme Health" in i["text"] for i in with_org)

    loner = Contact.objects.create(owner=alice, first_name="Sam", how_found="event")
    solo = Meeting.objects.create(
        owner=alice, contact=loner, starts_at=meeting.starts_at, minutes=60
    )
    without = api_alice.post(api_path(solo, "/agenda/plan"), {}).json()
    assert not any(i["category"] in ("culture", "organization") for i in without)
    assert not any("your organization" in i["text"] for i in without)


def test_it_refuses_politely_with_409_once_notes_were_taken(
    api_alice: Any, meeting: Meeting
) -> None:
    api_alice.post(api_path(meeting, "/agenda/plan"), {})
    item = AgendaItem.objects.filter(meeting=meeting).first()
    assert item is not None
    item.notes = "Started in public health by accident."
    item.save()
    response = api_alice.post(api_path(meeting, "/agenda/plan"), {})
    assert response.status_code == 409
    assert "notes" in response.json()["detail"]
    assert AgendaItem.objects.get(pk=item.pk).notes.startswith("Started")


def test_the_prep_page_button_plans_and_explains(client_alice: Any, meeting: Meeting) -> None:
    response = client_alice.post(f"/meetings/{meeting.pk}/agenda/plan", {"order": "natural"})
    assert response.status_code == 302
    page = client_alice.get(f"/meetings/{meeting.pk}/prep/").content.decode()
    assert "Your agenda is ready" in page
    assert AgendaItem.objects.filter(meeting=meeting).count() >= 7


def test_the_prep_page_says_why_it_keeps_a_started_agenda(
    client_alice: Any, meeting: Meeting
) -> None:
    client_alice.post(f"/meetings/{meeting.pk}/agenda/plan")
    meeting.notes = "Great start."
    meeting.save()
    client_alice.post(f"/meetings/{meeting.pk}/agenda/plan")
    page = client_alice.get(f"/meetings/{meeting.pk}/prep/").content.decode()
    assert "already started taking notes" in page


def test_the_user_reorders_adds_and_removes_agenda_items(
    client_alice: Any, meeting: Meeting
) -> None:
    client_alice.post(f"/meetings/{meeting.pk}/agenda/plan")
    items = list(AgendaItem.objects.filter(meeting=meeting))
    second, third = items[1], items[2]
    client_alice.post(f"/meetings/{meeting.pk}/agenda/{third.pk}/move", {"direction": "up"})
    reordered = list(AgendaItem.objects.filter(meeting=meeting).values_list("pk", flat=True))
    assert reordered[1:3] == [third.pk, second.pk]

    client_alice.post(
        f"/meetings/{meeting.pk}/agenda/add",
        {"text": "What  surprised you most  in your first year?", "category": "path", "minutes": 2},
    )
    client_alice.post(f"/meetings/{meeting.pk}/agenda/add", {"ref": "trends-future"})
    after = list(AgendaItem.objects.filter(meeting=meeting))
    assert [i.category for i in after[-3:]] == ["trends", "closing", "referrals"]
    added = {i.text for i in after}
    assert "What surprised you most in your first year?" in added
    assert any(i.question_key == "trends-future" for i in after)

    client_alice.post(f"/meetings/{meeting.pk}/agenda/{second.pk}/remove")
    assert not AgendaItem.objects.filter(pk=second.pk).exists()


def test_adding_an_empty_question_re_renders_with_a_message(
    client_alice: Any, meeting: Meeting
) -> None:
    response = client_alice.post(f"/meetings/{meeting.pk}/agenda/add", {"text": " "})
    assert response.status_code == 422
    assert "Write the question first" in response.content.decode()


def test_the_prep_api_gives_the_objective_logistics_and_agenda(
    api_alice: Any, meeting: Meeting
) -> None:
    api_alice.post(api_path(meeting, "/agenda/plan"), {})
    saved = api_alice.patch(api_path(meeting, "/notes"), {"objective": "How  she got started"})
    assert saved.status_code == 200 and saved.json()["objective"] == "How she got started"
    prep = api_alice.get(api_path(meeting, "/prep"))
    assert prep.status_code == 200
    body = prep.json()
    assert body["objective"] == "How she got started"
    assert body["mode"] == "in-person"
    assert any("Arrive 10–15 minutes early" in tip["text"] for tip in body["logistics"])
    assert all(tip["why"] for tip in body["logistics"])
    assert [i["order"] for i in body["agenda"]] == sorted(i["order"] for i in body["agenda"])
    assert body["agenda"][0]["category"] == "opener"
    too_long = api_alice.patch(api_path(meeting, "/notes"), {"objective": "z" * 301})
    assert too_long.status_code == 422


def test_20_and_30_minutes_keep_frustrations_and_advice_and_close_once(
    api_alice: Any, meeting: Meeting
) -> None:
    for minutes in (20, 30):
        meeting.minutes = minutes
        meeting.save()
        items = api_alice.post(api_path(meeting, "/agenda/plan"), {}).json()
        ids = [i["question_id"] for i in items]
        assert {"rewards-frustrations", "advice-prepare", REFERRAL_ASK_KEY} <= set(ids), minutes
        assert "closing-who-else" not in ids
        assert sum(i["minutes"] for i in items) <= minutes - 2
    assert "closing-stay-in-touch" in ids  # 30 minutes leaves time to ask about LinkedIn
