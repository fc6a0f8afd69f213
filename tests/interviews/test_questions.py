"""The question bank page: built-ins merged with the user's own; add, edit, hide, reorder."""

from __future__ import annotations

import re
from typing import Any

from coffeechat.domain.questions import BUILTIN_QUESTIONS, ENDING_KEYS, builtin_question
from coffeechat.interviews import bank
from coffeechat.interviews.models import AgendaItem, Meeting, Question
from tests.interviews.conftest import api_path


def test_it_lists_every_built_in_question_without_copying_them(
    client_alice: Any, alice: Any
) -> None:
    page = client_alice.get("/questions/").content.decode()
    assert page.count('class="card') == len(BUILTIN_QUESTIONS)
    assert "Career path and first steps" in page
    assert Question.objects.count() == 0


def test_pills_at_the_top_jump_to_each_topic_with_its_count(client_alice: Any, alice: Any) -> None:
    page = client_alice.get("/questions/").content.decode()
    jump = page.split('aria-label="Jump to a topic"', 1)[1].split("</nav>", 1)[0]
    topics = re.findall(r'<section class="bank-topic" aria-labelledby="topic-([\w-]+)"', page)
    assert topics and re.findall(r'href="#topic-([\w-]+)"', jump) == topics
    openers = sum(1 for q in BUILTIN_QUESTIONS if q.category == topics[0])
    assert f'<span class="count">{openers}</span>' in jump.split("</li>", 1)[0]


def test_it_adds_a_question_of_your_own(client_alice: Any, alice: Any) -> None:
    response = client_alice.post(
        "/questions/new",
        {
            "text": "What  would you read first?",
            "category": "resources",
            "minutes": 2,
            "priority": 1,
        },
    )
    assert response.status_code == 302
    row = Question.objects.get(owner=alice)
    assert row.text == "What would you read first?" and row.key == ""
    assert "What would you read first?" in client_alice.get("/questions/").content.decode()


def test_an_invalid_question_re_renders_with_what_was_typed(client_alice: Any) -> None:
    response = client_alice.post(
        "/questions/new", {"text": "", "category": "advice", "minutes": 99, "priority": 2}
    )
    assert response.status_code == 422
    assert "Write the question first" in response.content.decode()


def test_editing_a_built_in_stores_an_override_with_its_key(client_alice: Any, alice: Any) -> None:
    key = "trends-future"
    client_alice.post(
        f"/questions/{key}/edit",
        {"text": "Where is {field} heading in five years?", "minutes": 3, "priority": 1},
    )
    row = Question.objects.get(owner=alice, key=key)
    assert row.category == builtin_question(key).category  # a built-in keeps its topic
    assert (row.minutes, row.priority) == (3, 1)
    page = client_alice.get("/questions/").content.decode()
    assert "Where is your field heading in five years?" in page and "reworded" in page


def test_hiding_and_showing_a_question_again(client_alice: Any, alice: Any) -> None:
    key = "trends-future"
    client_alice.post(f"/questions/{key}/hide", {"hidden": "1"})
    assert Question.objects.get(owner=alice, key=key).hidden
    assert bank.entry(alice, key).question.hidden
    assert key not in [q.key for q in bank.planner_questions(alice) if not q.hidden]
    client_alice.post(f"/questions/{key}/hide", {"hidden": "0"})
    assert not Question.objects.get(owner=alice, key=key).hidden


def test_the_closers_and_referral_ask_cannot_be_hidden_and_the_page_says_why(
    client_alice: Any, alice: Any
) -> None:
    for key in ENDING_KEYS:
        response = client_alice.post(f"/questions/{key}/hide", {"hidden": "1"}, follow=True)
        assert "reword it, but not hide it" in response.content.decode()
        assert not Question.objects.filter(owner=alice, key=key, hidden=True).exists()
    page = client_alice.get("/questions/").content.decode()
    assert "Always on the agenda" in page


def test_reordering_moves_a_question_within_its_topic(client_alice: Any, alice: Any) -> None:
    trends = [e.ref for e in bank.entries(alice) if e.question.category == "trends"]
    client_alice.post(f"/questions/{trends[1]}/move", {"direction": "up"})
    after = [e.ref for e in bank.entries(alice) if e.question.category == "trends"]
    assert after[:2] == [trends[1], trends[0]] and after[2:] == trends[2:]
    client_alice.post(f"/questions/{trends[1]}/move", {"direction": "down"})
    assert [e.ref for e in bank.entries(alice) if e.question.category == "trends"] == trends


def test_the_editor_shows_the_closed_question_hint_as_you_type(client_alice: Any) -> None:
    hint = client_alice.post("/questions/check", {"text": "Do you like your job?"})
    assert hint.status_code == 200
    assert "yes" in hint.content.decode() and "You could try" in hint.content.decode()
    assert (
        "You could try"
        not in client_alice.post(
            "/questions/check", {"text": "What do you like about your job?"}
        ).content.decode()
    )


def test_saving_a_closed_question_keeps_it_and_offers_a_rewording(
    client_alice: Any, alice: Any
) -> None:
    response = client_alice.post(
        "/questions/new",
        {"text": "Is the work stressful?", "category": "rewards", "minutes": 2, "priority": 2},
        follow=True,
    )
    assert Question.objects.filter(owner=alice, text="Is the work stressful?").exists()
    assert "You could try" in response.content.decode()


def test_deleting_your_own_question(client_alice: Any, alice: Any) -> None:
    row = Question.objects.create(owner=alice, category="advice", text="What next?")
    client_alice.post(f"/questions/{row.pk}/delete")
    assert not Question.objects.filter(pk=row.pk).exists()
    assert client_alice.post("/questions/trends-future/delete").status_code == 404


def test_the_planner_uses_your_wording_and_your_own_questions(
    api_alice: Any, alice: Any, meeting: Meeting
) -> None:
    bank.save_question(
        alice, ENDING_KEYS[1], {"text": "Who else in {field} should I meet?", "minutes": 1}
    )
    own = bank.save_question(
        alice,
        None,
        {"text": "What should I read this month?", "category": "path", "minutes": 2, "priority": 1},
    )
    items = api_alice.post(api_path(meeting, "/agenda/plan"), {}).json()
    assert items[-1]["text"] == "Who else in public health should I meet?"
    assert own.pk in [i["question_id"] for i in items]
    assert AgendaItem.objects.filter(meeting=meeting, question_key=f"mine-{own.pk}").exists()


def test_moving_or_hiding_a_built_in_keeps_following_its_wording(
    client_alice: Any, alice: Any
) -> None:
    client_alice.post("/questions/trends-future/hide", {"hidden": "1"})
    client_alice.post("/questions/trends-future/move", {"direction": "up"})
    assert set(Question.objects.filter(owner=alice).values_list("text", flat=True)) == {""}
    entry = bank.entry(alice, "trends-future")
    assert entry.question.text == builtin_question("trends-future").text and not entry.edited
