"""The reflection after a conversation, and the way to the thank-you."""

from __future__ import annotations

from typing import Any

from coffeechat.domain.questions import REFLECTION_PROMPTS
from coffeechat.interviews.models import Meeting


def test_it_asks_every_prompt_and_links_the_thank_you(client_alice: Any, meeting: Meeting) -> None:
    meeting.status = "held"
    meeting.save()
    page = client_alice.get(f"/meetings/{meeting.pk}/reflect/").content.decode()
    for _, prompt in REFLECTION_PROMPTS:
        assert prompt in page
    assert f"/compose/?contact={meeting.contact_id}&amp;kind=thank-you" in page


def test_it_saves_the_answers_by_prompt_key_and_the_next_step(
    client_alice: Any, meeting: Meeting
) -> None:
    response = client_alice.post(
        f"/meetings/{meeting.pk}/reflect/",
        {
            "prompt_learned": "Analysts spend half their time cleaning data.",
            "prompt_fit": " ",
            "next_step": "Take the SQL course by May",
        },
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.reflection == {"learned": "Analysts spend half their time cleaning data."}
    assert meeting.next_step == "Take the SQL course by May"
    page = client_alice.get(f"/meetings/{meeting.pk}/reflect/").content.decode()
    assert "Analysts spend half their time cleaning data." in page


def test_an_overlong_answer_re_renders_and_keeps_the_text(
    client_alice: Any, meeting: Meeting
) -> None:
    response = client_alice.post(
        f"/meetings/{meeting.pk}/reflect/",
        {"prompt_learned": "z" * 5001, "prompt_liked": "The team."},
    )
    assert response.status_code == 422
    assert "The team." in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.reflection == {}
