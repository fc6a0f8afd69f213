"""Moments to the second, and what a reply said: yes, times, no, or someone else."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from coffeechat.domain.followups import MessageFacts, Snapshot, dormant_contacts

from .builders import SETTINGS, contact, keys, meeting, of_kind, run, sent


def thank_you_at(moment: datetime, id: int = 9) -> MessageFacts:
    return MessageFacts(
        id=id,
        contact_id=1,
        kind="thank-you",
        status="sent",
        sent_on=moment.astimezone(SETTINGS.tzinfo).date(),
        sent_at=moment,
    )


def at(hour: int, minute: int, second: int = 0) -> datetime:
    return datetime(2026, 3, 10, hour, minute, second, tzinfo=UTC)


def test_a_thank_you_right_after_the_real_end_counts_even_noted_without_seconds() -> None:
    held = meeting(5, 1, at(14, 0), ended_at=at(14, 32, 45), has_reflection=True)
    for moment in (at(14, 32, 50), at(14, 32)):  # to the second, or typed to the minute
        snapshot = Snapshot(
            contacts=(contact(1),), meetings=(held,), messages=(thank_you_at(moment),)
        )
        assert of_kind(run(snapshot, date(2026, 3, 10)), "thank-you") == [], moment


def test_a_thank_you_before_the_real_end_is_not_for_this_meeting() -> None:
    # Same day, but sent before the meeting ended: a day-only rule would have counted it.
    held = meeting(5, 1, at(14, 0), ended_at=at(14, 32, 45), has_reflection=True)
    early = Snapshot(contacts=(contact(1),), meetings=(held,), messages=(thank_you_at(at(9, 0)),))
    assert "thank-you:meeting=5" in keys(run(early, date(2026, 3, 10)))


def test_without_a_recorded_end_the_thank_you_counts_from_the_start() -> None:
    held = meeting(5, 1, at(14, 0), has_reflection=True)  # planned end 14:30, none recorded
    during = Snapshot(
        contacts=(contact(1),), meetings=(held,), messages=(thank_you_at(at(14, 20)),)
    )
    assert of_kind(run(during, date(2026, 3, 10)), "thank-you") == []


def request(replied_on: date | None = None, outcome: Any = "", id: int = 1) -> MessageFacts:
    return MessageFacts(
        id=id,
        contact_id=1,
        kind="request",
        status="sent",
        sent_on=date(2026, 3, 2),
        replied_on=replied_on,
        reply_outcome=outcome,
    )


def test_a_yes_or_proposed_times_stop_follow_ups_and_ask_for_a_date() -> None:
    for outcome in ("yes", "proposed"):
        snapshot = Snapshot(contacts=(contact(1),), messages=(request(date(2026, 3, 4), outcome),))
        found = run(snapshot, date(2026, 3, 20))
        assert [a.kind for a in found] == ["schedule"], outcome


def test_a_reply_without_an_outcome_still_asks_for_a_date_and_asks_how_they_answered() -> None:
    snapshot = Snapshot(contacts=(contact(1),), messages=(request(date(2026, 3, 4)),))
    assert sorted(a.kind for a in run(snapshot, date(2026, 3, 20))) == ["note-reply", "schedule"]


def test_a_no_stops_everything_but_one_kind_thank_you() -> None:
    snapshot = Snapshot(contacts=(contact(1),), messages=(request(date(2026, 3, 4), "declined"),))
    [action] = run(snapshot, date(2026, 3, 20))
    assert action.kind == "thank-for-answer"
    assert action.title == "Thank Person 1 and keep the door open"
    assert "that's normal" in action.reason
    assert action.due == date(2026, 3, 5)  # a business day after their answer
    assert action.draft_kind == "thank-you"
    # Not dormant either: they answered, so nothing marks them a curmudgeon.
    assert dormant_contacts(snapshot, SETTINGS, date(2026, 6, 1)) == frozenset()


def test_after_the_kind_note_a_no_asks_for_nothing_more() -> None:
    thanked = Snapshot(
        contacts=(contact(1),),
        messages=(request(date(2026, 3, 4), "declined"), sent(2, 1, "thank-you", date(2026, 3, 5))),
    )
    # Months later still nothing: no follow-up, no keep-in-touch nagging.
    assert run(thanked, date(2026, 3, 20)) == []
    assert run(thanked, date(2026, 9, 20)) == []


def test_a_later_yes_reopens_the_path() -> None:
    no_then_yes = Snapshot(
        contacts=(contact(1),),
        messages=(
            request(date(2026, 3, 4), "declined"),
            MessageFacts(
                id=2,
                contact_id=1,
                kind="follow-up",
                status="sent",
                sent_on=date(2026, 5, 4),
                replied_on=date(2026, 5, 6),
                reply_outcome="yes",
            ),
        ),
    )
    assert [a.kind for a in run(no_then_yes, date(2026, 5, 6))] == ["schedule"]


def test_a_referral_stops_follow_ups_and_thanks_the_referrer() -> None:
    snapshot = Snapshot(
        contacts=(
            contact(1),
            contact(2, referred_by=1, referrer_consent="yes", created_on=date(2026, 3, 4)),
        ),
        messages=(request(date(2026, 3, 4), "referred"),),
    )
    found = run(snapshot, date(2026, 3, 20))
    assert sorted(a.kind for a in found) == ["contact-referral", "thank-for-answer"]
    [thanks] = of_kind(found, "thank-for-answer")
    assert thanks.contact_id == 1 and "pointing you onward" in thanks.title
    [reach_out] = of_kind(found, "contact-referral")
    assert reach_out.contact_id == 2 and "suggested by Person 1" in reach_out.title


def test_the_follow_up_clock_runs_from_the_sent_time() -> None:
    quiet = Snapshot(contacts=(contact(1),), messages=(sent(1, 1, "request", date(2026, 3, 2)),))
    corrected = Snapshot(
        contacts=(contact(1),), messages=(sent(1, 1, "request", date(2026, 3, 9)),)
    )
    [before] = of_kind(run(quiet, date(2026, 4, 1)), "follow-up")
    [after] = of_kind(run(corrected, date(2026, 4, 1)), "follow-up")
    assert (after.due - before.due).days == 7
