"""Before a meeting: asking, nudging, trying a second person, scheduling, going dormant."""

from datetime import date

from coffeechat.domain.followups import (
    BusinessCalendar,
    MessageFacts,
    OrganizationFacts,
    RuleSettings,
    Snapshot,
    dormant_contacts,
    responsiveness,
)

from .builders import SETTINGS, contact, keys, meeting, of_kind, run, sent, utc

ON = date(2026, 3, 2)


def test_shortlisted_contact_without_a_request_gets_send_request_today() -> None:
    snapshot = Snapshot(contacts=(contact(1, shortlisted=True), contact(2)))
    [action] = run(snapshot, ON)
    assert action.kind == "send-request"
    assert action.key == "send-request:contact=1"
    assert action.due == ON
    assert not action.overdue
    assert action.draft_kind == "request"


def test_a_sent_request_completes_send_request_but_a_draft_does_not() -> None:
    draft = MessageFacts(id=1, contact_id=1, kind="request", status="draft")
    base = Snapshot(contacts=(contact(1, shortlisted=True),), messages=(draft,))
    assert keys(run(base, ON)) == {"send-request:contact=1"}
    with_request = Snapshot(contacts=base.contacts, messages=(sent(2, 1, "request", ON),))
    assert "send-request:contact=1" not in keys(run(with_request, ON))


def test_shortlist_includes_contacts_at_top_lamp_organizations() -> None:
    organizations = (
        OrganizationFacts(10, "Advocate Co", advocacy=True, motivation=1, posting=False),
        OrganizationFacts(11, "Dream Co", advocacy=False, motivation=3, posting=True),
        OrganizationFacts(12, "Keen Co", advocacy=True, motivation=3, posting=False),
        OrganizationFacts(13, "Unscored Co"),
    )
    contacts = tuple(contact(i, organization_id=10 + i) for i in range(4))
    settings = RuleSettings(country="US", shortlist_top_n=2)
    found = run(Snapshot(contacts=contacts, organizations=organizations), ON, settings)
    # Advocacy ranks first, then motivation: Keen Co (A, M3), Advocate Co (A, M1).
    assert {a.contact_id for a in of_kind(found, "send-request")} == {0, 2}


def test_lamp_ties_on_advocacy_and_motivation_are_broken_by_posting() -> None:
    organizations = (
        OrganizationFacts(1, "Quiet Co", advocacy=True, motivation=2, posting=False),
        OrganizationFacts(2, "Hiring Co", advocacy=True, motivation=2, posting=True),
    )
    contacts = (contact(1, organization_id=1), contact(2, organization_id=2))
    settings = RuleSettings(shortlist_top_n=1)
    found = run(Snapshot(contacts=contacts, organizations=organizations), ON, settings)
    assert [a.contact_id for a in found] == [2]


def test_follow_up_after_seven_business_days_skips_thanksgiving() -> None:
    snapshot = Snapshot(
        contacts=(contact(1, has_phone=True),),
        messages=(sent(1, 1, "request", date(2026, 11, 25)),),
    )
    [follow_up] = of_kind(run(snapshot, date(2026, 12, 1)), "follow-up")
    assert follow_up.key == "follow-up:contact=1:n=1"
    assert follow_up.due == date(2026, 12, 7)  # not Dec 4: Thanksgiving doesn't count
    assert "phone" in follow_up.reason
    assert follow_up.draft_kind == "follow-up"


def test_follow_up_across_a_weekend_and_overdue_flag() -> None:
    snapshot = Snapshot(contacts=(contact(1),), messages=(sent(1, 1, "request", date(2026, 3, 6)),))
    [follow_up] = of_kind(run(snapshot, date(2026, 3, 18)), "follow-up")
    assert follow_up.due == date(2026, 3, 17)
    assert follow_up.overdue
    assert "phone" not in follow_up.reason


def test_second_follow_up_counts_from_the_first_then_the_contact_goes_dormant() -> None:
    request = sent(1, 1, "request", date(2026, 3, 2))
    first = sent(2, 1, "follow-up", date(2026, 3, 11))
    second = sent(3, 1, "follow-up", date(2026, 3, 20))
    people = (contact(1),)

    after_first = run(Snapshot(contacts=people, messages=(request, first)), date(2026, 3, 12))
    [follow_up] = of_kind(after_first, "follow-up")
    assert follow_up.key == "follow-up:contact=1:n=2"
    assert follow_up.due == date(2026, 3, 20)
    assert "last planned nudge" in follow_up.reason

    snapshot = Snapshot(contacts=people, messages=(request, first, second))
    waiting = date(2026, 3, 30)  # one business day short of the interval
    assert run(snapshot, waiting) == []
    assert dormant_contacts(snapshot, SETTINGS, waiting) == frozenset()
    dormant_day = date(2026, 3, 31)
    assert dormant_contacts(snapshot, SETTINGS, dormant_day) == frozenset({1})
    assert run(snapshot, date(2026, 6, 1)) == []


def test_a_reply_wakes_a_dormant_contact() -> None:
    messages = (
        sent(1, 1, "request", date(2026, 3, 2)),
        sent(2, 1, "follow-up", date(2026, 3, 11)),
        sent(
            3, 1, "follow-up", date(2026, 3, 20), replied_on=date(2026, 4, 20), reply_outcome="yes"
        ),
    )
    snapshot = Snapshot(contacts=(contact(1),), messages=messages)
    assert dormant_contacts(snapshot, SETTINGS, date(2026, 4, 21)) == frozenset()
    assert keys(run(snapshot, date(2026, 4, 21))) == {"schedule:contact=1"}


def test_a_contact_marked_curmudgeon_gets_no_actions() -> None:
    snapshot = Snapshot(
        contacts=(contact(1, responsiveness="curmudgeon"),),
        messages=(sent(1, 1, "request", date(2026, 3, 2)),),
    )
    assert run(snapshot, date(2026, 3, 3)) == []
    assert dormant_contacts(snapshot, SETTINGS, date(2026, 3, 3)) == frozenset({1})


def test_a_contact_closed_as_dormant_gets_nothing_until_they_reply() -> None:
    request = sent(1, 1, "letter", date(2026, 3, 2))
    quiet = Snapshot(contacts=(contact(1, dormant=True),), messages=(request,))
    assert run(quiet, date(2026, 3, 3)) == []
    replied = sent(
        2, 1, "follow-up", date(2026, 3, 3), replied_on=date(2026, 3, 4), reply_outcome="yes"
    )
    woke = Snapshot(contacts=quiet.contacts, messages=(request, replied))
    assert keys(run(woke, date(2026, 3, 4))) == {"schedule:contact=1"}


def test_any_kind_of_request_starts_the_follow_up_clock() -> None:
    for kind in ("request", "referral-intro", "letter", "phone-script"):
        snapshot = Snapshot(contacts=(contact(1),), messages=(sent(1, 1, kind, date(2026, 3, 6)),))
        assert keys(run(snapshot, date(2026, 3, 9))) == {"follow-up:contact=1:n=1"}, kind


def test_try_another_contact_after_three_business_days_when_no_one_else_was_asked() -> None:
    organizations = (OrganizationFacts(7, "Acme"),)
    contacts = (contact(1, organization_id=7), contact(2, organization_id=7))
    request = sent(1, 1, "request", date(2026, 3, 6))
    snapshot = Snapshot(contacts=contacts, messages=(request,), organizations=organizations)
    [action] = of_kind(run(snapshot, date(2026, 3, 9)), "try-another-contact")
    assert action.key == "try-another-contact:organization=7"
    assert action.due == date(2026, 3, 11)
    assert action.organization_id == 7
    assert "Acme" in action.title

    second_request = sent(2, 2, "request", date(2026, 3, 10))
    asked_both = Snapshot(
        contacts=contacts, messages=(request, second_request), organizations=organizations
    )
    assert of_kind(run(asked_both, date(2026, 3, 12)), "try-another-contact") == []


def test_reply_stops_follow_ups_and_asks_to_schedule_next_business_day() -> None:
    reply = sent(
        1, 1, "request", date(2026, 11, 20), replied_on=date(2026, 11, 25), reply_outcome="yes"
    )
    snapshot = Snapshot(contacts=(contact(1, organization_id=3),), messages=(reply,))
    [action] = run(snapshot, date(2026, 11, 25))
    assert action.key == "schedule:contact=1"
    assert action.due == date(2026, 11, 27)  # the day after Thanksgiving


def test_a_scheduled_meeting_completes_schedule() -> None:
    reply = sent(
        1, 1, "request", date(2026, 3, 2), replied_on=date(2026, 3, 3), reply_outcome="yes"
    )
    upcoming = meeting(1, 1, utc(2026, 3, 20, 15), status="scheduled", has_agenda=True)
    snapshot = Snapshot(contacts=(contact(1),), messages=(reply,), meetings=(upcoming,))
    assert run(snapshot, date(2026, 3, 4)) == []


def test_responsiveness_booster_within_the_interval_obligate_after() -> None:
    calendar = BusinessCalendar("US")
    sent_on = date(2026, 11, 25)
    assert responsiveness(sent_on, None, calendar, SETTINGS) is None
    assert responsiveness(sent_on, date(2026, 12, 7), calendar, SETTINGS) == "booster"
    assert responsiveness(sent_on, date(2026, 12, 8), calendar, SETTINGS) == "obligate"
