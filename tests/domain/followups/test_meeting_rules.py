"""Around and after a meeting: prepare, thank, reflect, connect, referrals, keep in touch."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from coffeechat.domain.followups import ReferralFacts, RuleSettings, Snapshot

from .builders import contact, keys, meeting, of_kind, run, sent, utc

LA = ZoneInfo("America/Los_Angeles")
LA_SETTINGS = RuleSettings(country="US", time_zone="America/Los_Angeles")


def test_prepare_is_due_two_days_before_a_meeting_without_agenda() -> None:
    upcoming = meeting(5, 1, utc(2026, 3, 20, 15), status="scheduled")
    snapshot = Snapshot(contacts=(contact(1),), meetings=(upcoming,))
    [action] = run(snapshot, date(2026, 3, 10))
    assert action.key == "prepare:meeting=5"
    assert action.due == date(2026, 3, 18)
    assert action.meeting_id == 5


def test_an_agenda_or_a_past_meeting_needs_no_preparing() -> None:
    ready = meeting(5, 1, utc(2026, 3, 20, 15), status="scheduled", has_agenda=True)
    past = meeting(6, 1, utc(2026, 3, 1, 15), status="scheduled")
    snapshot = Snapshot(contacts=(contact(1),), meetings=(ready, past))
    assert of_kind(run(snapshot, date(2026, 3, 10)), "prepare") == []


def test_thank_you_due_across_midnight_in_the_users_time_zone() -> None:
    ends = datetime(2026, 3, 10, 23, 30, tzinfo=LA)  # 07:30 UTC on March 11
    held = meeting(5, 1, datetime(2026, 3, 10, 23, 0, tzinfo=LA), ends_at=ends, has_reflection=True)
    snapshot = Snapshot(contacts=(contact(1),), meetings=(held,))
    [action] = of_kind(run(snapshot, date(2026, 3, 11), LA_SETTINGS), "thank-you")
    assert action.key == "thank-you:meeting=5"
    assert action.due == date(2026, 3, 11)  # 23:30 the next evening in Los Angeles
    assert action.draft_kind == "thank-you"


def test_thank_you_counts_from_when_the_meeting_really_ended() -> None:
    start = datetime(2026, 3, 10, 22, 0, tzinfo=LA)
    held = meeting(
        5,
        1,
        start,
        ends_at=start.replace(hour=22, minute=20),
        ended_at=datetime(2026, 3, 11, 0, 15, tzinfo=LA),
    )
    snapshot = Snapshot(contacts=(contact(1),), meetings=(held,))
    [action] = of_kind(run(snapshot, date(2026, 3, 11), LA_SETTINGS), "thank-you")
    assert action.due == date(2026, 3, 12)


def test_a_sent_thank_you_completes_it_and_an_older_one_does_not() -> None:
    held = meeting(5, 1, utc(2026, 3, 10, 15), has_reflection=True)
    people = (contact(1),)
    old = Snapshot(
        contacts=people, meetings=(held,), messages=(sent(1, 1, "thank-you", date(2026, 1, 2)),)
    )
    assert "thank-you:meeting=5" in keys(run(old, date(2026, 3, 10)))
    done = Snapshot(
        contacts=people, meetings=(held,), messages=(sent(1, 1, "thank-you", date(2026, 3, 10)),)
    )
    assert "thank-you:meeting=5" not in keys(run(done, date(2026, 3, 10)))


def test_reflect_is_due_the_day_of_the_meeting() -> None:
    held = meeting(5, 1, datetime(2026, 3, 10, 20, 0, tzinfo=LA))  # March 11 in UTC
    snapshot = Snapshot(contacts=(contact(1),), meetings=(held,))
    [action] = of_kind(run(snapshot, date(2026, 3, 12), LA_SETTINGS), "reflect")
    assert action.due == date(2026, 3, 10)
    assert action.overdue
    reflected = Snapshot(
        contacts=snapshot.contacts, meetings=(meeting(5, 1, held.starts_at, has_reflection=True),)
    )
    assert of_kind(run(reflected, date(2026, 3, 12), LA_SETTINGS), "reflect") == []


def test_connect_on_linkedin_two_days_after_the_first_held_meeting() -> None:
    held = meeting(5, 1, utc(2026, 3, 10, 15))
    later = meeting(6, 1, utc(2026, 4, 10, 15))
    snapshot = Snapshot(contacts=(contact(1, has_linkedin=True),), meetings=(later, held))
    [action] = of_kind(run(snapshot, date(2026, 4, 11)), "connect")
    assert action.key == "connect:contact=1"
    assert action.due == date(2026, 3, 12)
    assert action.meeting_id == 5
    assert action.draft_kind == "linkedin-note"


def test_no_connect_without_a_linkedin_profile_or_after_a_note() -> None:
    held = meeting(5, 1, utc(2026, 3, 10, 15))
    no_profile = Snapshot(contacts=(contact(1),), meetings=(held,))
    assert of_kind(run(no_profile, date(2026, 3, 11)), "connect") == []
    note = sent(1, 1, "linkedin-note", date(2026, 3, 11))
    connected = Snapshot(
        contacts=(contact(1, has_linkedin=True),), meetings=(held,), messages=(note,)
    )
    assert of_kind(run(connected, date(2026, 3, 11)), "connect") == []


def test_referral_named_in_a_meeting_is_due_a_week_later_and_not_a_send_request() -> None:
    held = meeting(5, 1, utc(2026, 3, 10, 15))
    referral = ReferralFacts(contact_id=2, meeting_id=5, referrer_id=1)
    snapshot = Snapshot(
        contacts=(contact(1, name="Ana"), contact(2, name="Bo", shortlisted=True, referred_by=1)),
        meetings=(held,),
        referrals=(referral,),
    )
    found = run(snapshot, date(2026, 3, 11))
    [action] = of_kind(found, "contact-referral")
    assert action.key == "contact-referral:contact=2"
    assert action.due == date(2026, 3, 17)
    assert action.meeting_id == 5
    assert "Ana" in action.reason
    assert action.draft_kind == "referral-intro"
    assert of_kind(found, "send-request") == []

    asked = Snapshot(
        contacts=snapshot.contacts,
        meetings=(held,),
        referrals=(referral,),
        messages=(sent(1, 2, "referral-intro", date(2026, 3, 12)),),
    )
    assert of_kind(run(asked, date(2026, 3, 12)), "contact-referral") == []


def test_referral_added_by_hand_is_due_a_week_after_it_was_added() -> None:
    snapshot = Snapshot(
        contacts=(contact(1), contact(2, referred_by=1, created_on=date(2026, 3, 2))),
    )
    [action] = of_kind(run(snapshot, date(2026, 3, 2)), "contact-referral")
    assert action.due == date(2026, 3, 9)
    assert action.meeting_id is None


@pytest.mark.parametrize("consent", ["yes", "no", "unknown"])
def test_a_referral_reminder_names_the_referrer_only_as_far_as_they_agreed(consent: str) -> None:
    snapshot = Snapshot(
        contacts=(
            contact(1, name="Ana Ruiz"),
            contact(2, name="Bo Li", referred_by=1, referrer_consent=consent),
        ),
    )
    actions = run(snapshot, date(2026, 3, 2))
    [reach_out] = of_kind(actions, "contact-referral")
    shown = f"{reach_out.title} {reach_out.reason}"
    forward = of_kind(actions, "forward-introduction")
    if consent == "no":
        assert "Ana" not in shown
        assert forward == []
    elif consent == "yes":
        assert "Mention Ana Ruiz in your first lines" in reach_out.reason
        assert forward == []
    else:
        assert "happy to be mentioned" in reach_out.reason
        [offer] = forward
        assert offer.contact_id == 1  # written to the referrer
        assert offer.about_id == 2  # about the person they suggested
        assert offer.draft_kind == "introduction-blurb"


def test_the_offer_to_forward_an_introduction_ends_once_it_is_sent() -> None:
    snapshot = Snapshot(
        contacts=(contact(1, name="Ana Ruiz"), contact(2, name="Bo Li", referred_by=1)),
        messages=(sent(1, 1, "introduction-blurb", date(2026, 3, 3)),),
    )
    assert of_kind(run(snapshot, date(2026, 3, 4)), "forward-introduction") == []


def test_close_the_loop_with_the_referrer_after_meeting_their_referral() -> None:
    referred_meeting = meeting(8, 2, utc(2026, 4, 1, 15), has_reflection=True)
    snapshot = Snapshot(
        contacts=(contact(1, name="Ana"), contact(2, name="Bo", referred_by=1)),
        meetings=(referred_meeting,),
        messages=(
            sent(1, 2, "request", date(2026, 3, 20)),
            sent(2, 2, "thank-you", date(2026, 4, 1)),
        ),
    )
    [action] = of_kind(run(snapshot, date(2026, 4, 2)), "close-the-loop")
    assert action.key == "close-the-loop:meeting=8"
    assert action.contact_id == 1
    assert action.due == date(2026, 4, 3)
    assert action.title == "Tell Ana how it went with Bo"

    stale = sent(3, 1, "close-the-loop", date(2026, 3, 1))
    fresh = sent(4, 1, "close-the-loop", date(2026, 4, 2))
    still_due = Snapshot(snapshot.contacts, (*snapshot.messages, stale), snapshot.meetings)
    assert of_kind(run(still_due, date(2026, 4, 2)), "close-the-loop") != []
    told = Snapshot(snapshot.contacts, (*snapshot.messages, fresh), snapshot.meetings)
    assert of_kind(run(told, date(2026, 4, 2)), "close-the-loop") == []


def test_keep_in_touch_ninety_days_after_the_last_interaction() -> None:
    held = meeting(5, 1, utc(2026, 3, 10, 15), has_reflection=True)
    thanks = sent(1, 1, "thank-you", date(2026, 3, 10))
    snapshot = Snapshot(contacts=(contact(1),), meetings=(held,), messages=(thanks,))
    [action] = of_kind(run(snapshot, date(2026, 6, 1)), "keep-in-touch")
    assert action.key == "keep-in-touch:contact=1:since=2026-03-10"
    assert action.due == date(2026, 6, 8)
    assert action.draft_kind == "update"


def test_a_later_message_resets_the_keep_in_touch_clock() -> None:
    held = meeting(5, 1, utc(2026, 3, 10, 15), has_reflection=True)
    messages = (sent(1, 1, "thank-you", date(2026, 3, 10)), sent(2, 1, "update", date(2026, 5, 1)))
    snapshot = Snapshot(contacts=(contact(1),), meetings=(held,), messages=messages)
    [action] = of_kind(run(snapshot, date(2026, 6, 8)), "keep-in-touch")
    assert action.key == "keep-in-touch:contact=1:since=2026-05-01"
    assert action.due == date(2026, 7, 30)
    assert not action.overdue


@pytest.mark.parametrize(
    ("thanked", "due"),
    [
        (date(2026, 4, 5), date(2026, 7, 6)),  # 90 days is Saturday 4 July: the Monday
        (date(2026, 8, 28), date(2026, 11, 27)),  # 90 days is Thanksgiving: the Friday
    ],
)
def test_keep_in_touch_falls_on_a_business_day(thanked: date, due: date) -> None:
    held = meeting(5, 1, utc(thanked.year, thanked.month, thanked.day, 15), has_reflection=True)
    snapshot = Snapshot(
        contacts=(contact(1),), meetings=(held,), messages=(sent(1, 1, "thank-you", thanked),)
    )
    [action] = of_kind(run(snapshot, due), "keep-in-touch")
    assert action.due == due


def test_no_keep_in_touch_before_a_thank_you() -> None:
    held = meeting(5, 1, utc(2026, 3, 10, 15), has_reflection=True)
    snapshot = Snapshot(contacts=(contact(1),), meetings=(held,))
    assert of_kind(run(snapshot, date(2026, 9, 1)), "keep-in-touch") == []


def test_broaden_fields_heard_from_fewer_than_three_people() -> None:
    people = tuple(contact(i, fields=frozenset({"UX Research"})) for i in range(1, 4))
    held = (
        meeting(1, 1, utc(2026, 3, 1, 15), has_reflection=True),
        meeting(2, 1, utc(2026, 3, 2, 15), has_reflection=True),  # same person: one view
        meeting(3, 2, utc(2026, 3, 3, 15), has_reflection=True),
        meeting(4, 3, utc(2026, 3, 4, 15), status="scheduled", has_agenda=True),
    )
    thanks = tuple(sent(i, i, "thank-you", date(2026, 3, 5)) for i in (1, 2))
    snapshot = Snapshot(
        contacts=people,
        meetings=held,
        messages=thanks,
        fields_of_interest=("ux research", "Data Science", "UX Research"),
    )
    found = of_kind(run(snapshot, date(2026, 3, 6)), "broaden")
    assert keys(found) == {"broaden:field=ux research", "broaden:field=data science"}
    ux = next(a for a in found if a.field == "ux research")
    assert "heard from 2 people in ux research" in ux.reason
    data = next(a for a in found if a.field == "Data Science")
    assert "no one yet" in data.reason
    assert ux.due == date(2026, 3, 6)


def test_broaden_stops_once_three_people_were_heard() -> None:
    people = tuple(contact(i, fields=frozenset({"Data"})) for i in range(1, 4))
    held = tuple(meeting(i, i, utc(2026, 3, i, 15), has_reflection=True) for i in range(1, 4))
    snapshot = Snapshot(contacts=people, meetings=held, fields_of_interest=("data",))
    assert of_kind(run(snapshot, date(2026, 3, 6)), "broaden") == []
