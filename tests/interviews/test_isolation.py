"""Someone else's meeting, agenda item or question answers 404 on every page and endpoint."""

from __future__ import annotations

from typing import Any

import pytest

from coffeechat.interviews.models import AgendaItem, Meeting, Question
from coffeechat.network.models import Contact
from tests.interviews.conftest import api_path


@pytest.fixture
def item(meeting: Meeting, alice: Any) -> AgendaItem:
    return AgendaItem.objects.create(
        owner=alice, meeting=meeting, text="What drew you to it?", category="path", notes="Mine."
    )


def test_it_hides_meeting_pages_from_other_users(
    client_outsider: Any, meeting: Meeting, item: AgendaItem
) -> None:
    m = meeting.pk
    for url in (f"/meetings/{m}/prep/", f"/meetings/{m}/live/", f"/meetings/{m}/reflect/"):
        assert client_outsider.get(url).status_code == 404, url
    for url in (
        f"/meetings/{m}/reflect/",
        f"/meetings/{m}/agenda/plan",
        f"/meetings/{m}/agenda/add",
        f"/meetings/{m}/agenda/{item.pk}/move",
        f"/meetings/{m}/agenda/{item.pk}/remove",
    ):
        assert client_outsider.post(url, {"text": "x", "direction": "up"}).status_code == 404, url
    assert AgendaItem.objects.filter(meeting=meeting).count() == 1


def test_it_hides_agenda_items_of_one_meeting_from_another_of_the_same_user(
    client_alice: Any, alice: Any, meeting: Meeting, item: AgendaItem
) -> None:
    other = Meeting.objects.create(
        owner=alice, contact=meeting.contact, starts_at=meeting.starts_at
    )
    response = client_alice.post(f"/meetings/{other.pk}/agenda/{item.pk}/remove")
    assert response.status_code == 404
    assert AgendaItem.objects.filter(pk=item.pk).exists()


def test_it_hides_other_users_questions(client_outsider: Any, alice: Any) -> None:
    row = Question.objects.create(owner=alice, category="advice", text="What next for me?")
    for action in ("edit", "hide", "move", "delete"):
        url = f"/questions/{row.pk}/{action}"
        assert client_outsider.post(url, {"text": "Mallory?"}).status_code == 404, url
    assert client_outsider.get(f"/questions/{row.pk}/edit").status_code == 404
    assert "What next for me?" not in client_outsider.get("/questions/").content.decode()
    assert Question.objects.get(pk=row.pk).text == "What next for me?"


@pytest.mark.parametrize(
    ("method", "rest", "body"),
    [
        ("post", "/agenda/plan", {}),
        ("get", "/agenda", None),
        ("post", "/agenda/items", {"text": "Hi?"}),
        ("patch", "/agenda/items/{item}", {"notes": "mine now"}),
        ("delete", "/agenda/items/{item}", None),
        ("post", "/agenda/order", {"items": []}),
        ("patch", "/notes", {"notes": "mine now"}),
        ("post", "/start", {}),
        ("post", "/end", {}),
        ("post", "/advice", {"text": "Hi"}),
        ("post", "/referrals", {"name": "Mallory"}),
        ("post", "/resources", {"title": "Mallory's book"}),
    ],
)
def test_it_answers_404_to_api_calls_on_other_users_meetings(
    api_outsider: Any, meeting: Meeting, item: AgendaItem, method: str, rest: str, body: Any
) -> None:
    path = api_path(meeting, rest.format(item=item.pk))
    call = getattr(api_outsider, method)
    response = call(path, body) if body is not None else call(path)
    assert response.status_code == 404, path
    assert "detail" in response.json()
    meeting.refresh_from_db()
    assert meeting.status == "scheduled" and meeting.started_at is None and meeting.notes == ""
    assert AgendaItem.objects.get(pk=item.pk).notes == "Mine."
    assert not Contact.objects.filter(first_name="Mallory").exists()
