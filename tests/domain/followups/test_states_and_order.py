"""Done, dismissed and snoozed states; people who should hear nothing; sorting."""

from datetime import date, datetime

import pytest

from coffeechat.domain.followups import ACTION_KINDS, ActionStateFacts, Snapshot

from .builders import contact, keys, meeting, run, sent, utc

REQUEST = sent(1, 1, "request", date(2026, 3, 2))
KEY = "follow-up:contact=1:n=1"
ON = date(2026, 3, 12)


def _with_state(state: ActionStateFacts) -> Snapshot:
    return Snapshot(contacts=(contact(1),), messages=(REQUEST,), action_states=(state,))


def test_done_and_dismissed_actions_are_dropped() -> None:
    assert keys(run(Snapshot(contacts=(contact(1),), messages=(REQUEST,)), ON)) == {KEY}
    assert run(_with_state(ActionStateFacts(KEY, "done")), ON) == []
    assert run(_with_state(ActionStateFacts(KEY, "dismissed")), ON) == []


def test_a_state_for_another_key_changes_nothing() -> None:
    state = ActionStateFacts("follow-up:contact=1:n=2", "done")
    assert keys(run(_with_state(state), ON)) == {KEY}


def test_snoozed_action_is_due_on_its_snooze_date() -> None:
    snoozed = _with_state(ActionStateFacts(KEY, "snoozed", snoozed_until=date(2026, 3, 16)))
    [action] = run(snoozed, ON)
    assert action.due == date(2026, 3, 16)
    assert not action.overdue
    [later] = run(snoozed, date(2026, 3, 17))
    assert later.overdue


def test_do_not_contact_declined_and_cancelled_people_get_nothing() -> None:
    for flag in ("do_not_contact", "declined", "cancelled"):
        person = contact(1, shortlisted=True, has_linkedin=True, **{flag: True})
        held = meeting(5, 1, utc(2026, 3, 10, 15))
        snapshot = Snapshot(contacts=(person,), messages=(REQUEST,), meetings=(held,))
        assert run(snapshot, ON) == [], flag


def test_facts_about_unknown_contacts_are_ignored() -> None:
    snapshot = Snapshot(messages=(REQUEST,), meetings=(meeting(5, 99, utc(2026, 3, 10, 15)),))
    assert run(snapshot, ON) == []


def test_actions_sorted_by_due_date_then_kind() -> None:
    held = meeting(5, 1, utc(2026, 3, 10, 15))
    snapshot = Snapshot(
        contacts=(contact(1, has_linkedin=True), contact(2, shortlisted=True)),
        meetings=(held,),
    )
    found = run(snapshot, date(2026, 3, 10))
    assert [(a.due, a.kind) for a in found] == [
        (date(2026, 3, 10), "reflect"),
        (date(2026, 3, 10), "send-request"),
        (date(2026, 3, 11), "thank-you"),
        (date(2026, 3, 12), "connect"),
    ]


def test_action_kinds_are_the_public_ids() -> None:
    assert ACTION_KINDS == (
        "send-request",
        "try-another-contact",
        "follow-up",
        "schedule",
        "prepare",
        "thank-you",
        "thank-for-answer",
        "reflect",
        "contact-referral",
        "forward-introduction",
        "close-the-loop",
        "connect",
        "keep-in-touch",
        "broaden",
        "note-reply",
    )


def test_naive_meeting_times_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        meeting(5, 1, datetime(2026, 3, 10, 15))
