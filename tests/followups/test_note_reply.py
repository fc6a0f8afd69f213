"""A reply recorded without what it said (as the mailbox records it): Today asks how they
answered, shows their first lines, and lets go once the outcome is noted."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import time_machine

from coffeechat.followups.queries import plan
from coffeechat.outreach import services
from coffeechat.outreach.models import Message
from tests.conftest import signed_in
from tests.followups.conftest import ny, person, sent

TODAY = ny(2026, 3, 17, 9)  # a Tuesday
THIS_MORNING = ny(2026, 3, 17, 8)
WORDS = (
    "<b>Hi Alice</b>,\n\nHappy to help!\nThursday at 3 works for me.\nAnd one more line\n-- \nAna"
)


def found_reply(owner: Any, first: str = "Ana", at: datetime = THIS_MORNING) -> Message:
    """A sent request and a reply noted the way the mailbox sync notes it: words, no outcome."""
    message = sent(person(owner, first, "Ruiz"), "request", ny(2026, 3, 10))
    return services.mark_replied(message, at, text=WORDS)


def page(user: Any) -> str:
    response = signed_in(user).get("/today/")
    assert response.status_code == 200
    return response.content.decode()


def row_of(html: str, title: str) -> str:
    start = html.index(title)
    return html[start : html.index("</li>", start)]


@time_machine.travel(TODAY, tick=False)
def test_today_asks_how_they_answered_with_their_first_lines(alice: Any, bob: Any) -> None:
    message = found_reply(alice)
    html = page(alice)
    assert "Replies to note" not in html and "Due today" in html
    row = row_of(html, "Note how Ana Ruiz answered")
    # Their words, escaped, three lines at most: the fourth stays in the message.
    assert "&lt;b&gt;Hi Alice&lt;/b&gt;,<br>Happy to help!<br>Thursday at 3 works for me. …" in row
    assert "<b>Hi Alice" not in html and "And one more line" not in html
    assert f'class="button primary" href="/messages/{message.pk}/replied">Note their answer' in row
    assert "decides your next step" in row
    # Bob sees none of it, and his own found reply is his alone.
    assert "Ana" not in page(bob)
    found_reply(bob, "Bea")
    assert "Note how Bea Ruiz answered" in page(bob) and "Bea" not in page(alice)


@time_machine.travel(TODAY, tick=False)
def test_noting_the_outcome_on_the_web_or_in_the_api_lets_the_step_go(
    alice: Any, api_alice: Any
) -> None:
    on_web, in_api = found_reply(alice), found_reply(alice, "Ben")
    assert page(alice).count("Note how") == 2
    form = signed_in(alice).get(f"/messages/{on_web.pk}/replied").content.decode()
    assert "Happy to help!" in form  # their words are already in the form
    answered = signed_in(alice).post(
        f"/messages/{on_web.pk}/replied",
        {"when": "2026-03-17T08:00", "outcome": "proposed", "text": WORDS},
    )
    assert answered.status_code == 302
    html = page(alice)
    assert "Note how Ana Ruiz answered" not in html and "Note how Ben Ruiz answered" in html
    noted = api_alice.post(f"/api/v1/messages/{in_api.pk}/reply", {"outcome": "declined"})
    assert noted.status_code == 200, noted.json()
    # Noted later, the reply keeps the moment it came and the words kept from it.
    assert noted.json()["replied_at"].startswith("2026-03-17T12:00")
    assert noted.json()["reply_text"] == WORDS
    html = page(alice)
    assert "Note how" not in html and "Thank Ben Ruiz and keep the door open" in html


@time_machine.travel(TODAY, tick=False)
def test_a_reply_noted_with_its_outcome_at_once_never_asks(alice: Any) -> None:
    message = sent(person(alice, "Cy"), "request", ny(2026, 3, 10))
    signed_in(alice).post(
        f"/messages/{message.pk}/replied", {"when": "2026-03-17T08:00", "outcome": "yes"}
    )
    assert "Set a time with Cy" in page(alice) and "Note how" not in page(alice)


@time_machine.travel(TODAY, tick=False)
def test_done_snooze_and_the_api_list_work_as_for_any_step(alice: Any, api_alice: Any) -> None:
    message = found_reply(alice)
    key = f"note-reply:message={message.pk}"
    [listed] = [a for a in api_alice.get("/api/v1/actions").json() if a["kind"] == "note-reply"]
    assert listed["key"] == key and listed["title"] == "Note how Ana Ruiz answered"
    assert listed["message"] == message.pk and listed["due"] == "2026-03-17"
    assert listed["quote"].startswith("<b>Hi Alice</b>,\nHappy to help!")
    signed_in(alice).post("/today/actions/snooze", {"key": key, "until": "2026-03-19"})
    assert "Due Thu 19 Mar" in row_of(page(alice), "Note how Ana Ruiz answered")
    signed_in(alice).post("/today/actions/done", {"key": key})
    assert "Note how" not in page(alice)


def test_the_step_falls_on_the_day_the_reply_came_in_the_users_zone(alice: Any) -> None:
    # 02:30 UTC on Wednesday the 18th is Tuesday evening in New York.
    found_reply(alice, at=datetime(2026, 3, 18, 2, 30, tzinfo=UTC))
    with time_machine.travel(ny(2026, 3, 18, 9), tick=False):
        [step] = [a for a in plan(alice).actions if a.kind == "note-reply"]
        assert step.due.isoformat() == "2026-03-17" and step.overdue
