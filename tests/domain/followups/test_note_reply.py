"""A reply with no outcome noted (the mailbox found it): Today asks how they answered."""

from __future__ import annotations

from datetime import date

from coffeechat.domain.followups import Snapshot
from coffeechat.domain.followups.excerpt import first_lines

from .builders import contact, keys, meeting, of_kind, run, sent, utc

WEDNESDAY = date(2026, 3, 4)
SATURDAY = date(2026, 3, 7)


def answered(
    replied_on: date = WEDNESDAY,
    outcome: str = "",
    text: str = "",
    id: int = 1,
    kind: str = "request",
) -> Snapshot:
    reply = sent(id, 1, kind, date(2026, 3, 2), replied_on, reply_outcome=outcome, reply_text=text)
    return Snapshot(contacts=(contact(1, name="Ana Ruiz", organization_id=4),), messages=(reply,))


def test_a_reply_without_an_outcome_asks_how_they_answered_on_the_day_it_came() -> None:
    text = "Hi Sam,\n\nHappy to help!\nThursday works.\nBest, Ana"
    [action] = of_kind(run(answered(text=text), WEDNESDAY), "note-reply")
    assert action.key == "note-reply:message=1"
    assert action.title == "Note how Ana Ruiz answered"
    assert "decides your next step" in action.reason and "a few seconds" in action.reason
    assert action.due == WEDNESDAY and not action.overdue
    assert (action.contact_id, action.organization_id, action.message_id) == (1, 4, 1)
    assert action.quote == "Hi Sam,\nHappy to help!\nThursday works. …"
    assert action.draft_kind is None
    # A day later it is still there, now late: the fact hasn't changed.
    [late] = of_kind(run(answered(text=text), date(2026, 3, 5)), "note-reply")
    assert late.overdue


def test_a_weekend_reply_falls_due_on_the_next_business_day() -> None:
    [action] = of_kind(run(answered(SATURDAY), SATURDAY), "note-reply")
    assert action.due == date(2026, 3, 9)


def test_an_outcome_noted_leaves_nothing_to_note() -> None:
    for outcome in ("yes", "proposed", "declined", "referred"):
        found = run(answered(outcome=outcome), date(2026, 3, 20))
        assert of_kind(found, "note-reply") == [], outcome
    # A no or a referral is already handled by its kind thank-you, not asked about again.
    assert {a.kind for a in run(answered(outcome="declined"), WEDNESDAY)} == {"thank-for-answer"}
    assert {a.kind for a in run(answered(outcome="referred"), WEDNESDAY)} == {"thank-for-answer"}


def test_a_later_answer_with_its_outcome_says_where_things_stand() -> None:
    first = sent(1, 1, "request", date(2026, 3, 2), replied_on=WEDNESDAY)
    later = sent(
        2, 1, "follow-up", date(2026, 3, 5), replied_on=date(2026, 3, 6), reply_outcome="yes"
    )
    snapshot = Snapshot(contacts=(contact(1),), messages=(first, later))
    assert of_kind(run(snapshot, date(2026, 3, 9)), "note-reply") == []
    # The other way round, the newer answer is the one still to note.
    older = sent(
        2, 1, "follow-up", date(2026, 3, 3), replied_on=date(2026, 3, 3), reply_outcome="yes"
    )
    snapshot = Snapshot(contacts=(contact(1),), messages=(first, older))
    assert keys(of_kind(run(snapshot, date(2026, 3, 9)), "note-reply")) == {"note-reply:message=1"}


def test_a_conversation_set_since_the_reply_says_it_was_a_yes() -> None:
    reply = answered().messages
    for status, asks in (("scheduled", False), ("held", False), ("cancelled", True)):
        talk = meeting(1, 1, utc(2026, 3, 10, 15), status=status)
        snapshot = Snapshot(contacts=(contact(1),), messages=reply, meetings=(talk,))
        assert bool(of_kind(run(snapshot, WEDNESDAY), "note-reply")) is asks, status
    # A talk from before they answered (an earlier round) doesn't tell.
    earlier = meeting(1, 1, utc(2026, 1, 10, 15), status="held")
    snapshot = Snapshot(contacts=(contact(1),), messages=reply, meetings=(earlier,))
    assert of_kind(run(snapshot, WEDNESDAY), "note-reply")


def test_only_answers_to_an_ask_and_only_for_people_still_in_play() -> None:
    # A reply to a thank-you isn't a yes or a no to anything.
    assert of_kind(run(answered(kind="thank-you"), WEDNESDAY), "note-reply") == []
    for closed in ({"do_not_contact": True}, {"cancelled": True}):
        snapshot = answered()
        snapshot = Snapshot(contacts=(contact(1, **closed),), messages=snapshot.messages)
        assert of_kind(run(snapshot, WEDNESDAY), "note-reply") == [], closed


def test_first_lines_keep_three_lines_and_two_hundred_characters() -> None:
    assert first_lines("") == ""
    assert first_lines("  Yes!  \n\n\n  Tuesday?  ") == "Yes!\nTuesday?"
    long = "word " * 100
    cut = first_lines(long)
    assert len(cut) <= 200 and cut.endswith("word…")
    assert first_lines("x" * 300) == "x" * 199 + "…"
