"""From rows to facts: every model field the rules read, in a fixed number of queries."""

from __future__ import annotations

from datetime import date
from typing import Any

import time_machine
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from coffeechat.accounts.services import profile_of
from coffeechat.followups import queries, services, snapshot
from coffeechat.followups.models import ActionState
from coffeechat.followups.rule_settings import rule_settings_for
from coffeechat.followups.snapshot import gather
from coffeechat.interviews.models import AgendaItem
from coffeechat.network.models import Contact, Organization
from coffeechat.outreach.models import Message
from tests.followups.conftest import meeting, ny, person, sent


def test_it_maps_contacts_and_referrals(alice: Any, referrer: Contact) -> None:
    talk = meeting(referrer, ny(2026, 3, 2, 10), status="held")
    named = person(
        alice,
        "Ines",
        referred_by=referrer,
        referred_in=talk,
        field=" Epidemiology ",
        linkedin_url="https://www.linkedin.com/in/ines",
        phone="+1 617 555 0100",
        shortlisted=True,
    )
    person(alice, "Dee", closed_reason="declined")
    person(alice, "Cass", closed_reason="cancelled", do_not_contact=True)
    facts = {c.name: c for c in gather(alice).snapshot.contacts}
    ines = facts["Ines Example"]
    assert ines.has_linkedin and ines.has_phone and ines.shortlisted
    assert ines.referred_by == referrer.pk and ines.fields == frozenset({"Epidemiology"})
    assert facts["Dee Example"].declined and facts["Dee Example"].excluded
    assert facts["Cass Example"].cancelled and facts["Cass Example"].do_not_contact
    assert facts["Priya Raman"].organization_id == referrer.organization_id
    referrals = gather(alice).snapshot.referrals
    assert [(r.contact_id, r.meeting_id, r.referrer_id) for r in referrals] == [
        (named.pk, talk.pk, referrer.pk)
    ]


def test_it_dates_messages_on_the_users_own_clock(alice: Any, referrer: Contact) -> None:
    # 23:30 in New York is already the next day in UTC; the user's day is what counts.
    sent(referrer, "request", ny(2026, 3, 6, 23, 30), replied_at=ny(2026, 3, 9, 22, 0))
    Message.objects.create(owner=alice, contact=referrer, kind="follow-up", status="draft")
    messages = sorted(gather(alice).snapshot.messages, key=lambda m: m.id)
    assert messages[0].sent_on == date(2026, 3, 6) and messages[0].replied_on == date(2026, 3, 9)
    assert messages[1].status == "draft" and messages[1].sent_on is None


def test_it_maps_meetings_organizations_states_and_interests(
    alice: Any, referrer: Contact, acme: Organization
) -> None:
    planned = meeting(referrer, ny(2026, 3, 10, 14), minutes=25)
    AgendaItem.objects.create(owner=alice, meeting=planned, text="How did you start?", category="x")
    reflected = meeting(referrer, ny(2026, 3, 1), status="held", reflection={"learned": "a lot"})
    blank = meeting(referrer, ny(2026, 2, 1), status="held", reflection={"learned": "  "})
    ActionState.objects.create(owner=alice, key="a", state="snoozed", until=date(2026, 4, 1))
    ActionState.objects.create(owner=alice, key="b", state="done")
    profile = profile_of(alice)
    profile.fields_of_interest = ["Public health", 7]
    profile.save()
    snapshot = gather(alice).snapshot
    meetings = {m.id: m for m in snapshot.meetings}
    assert meetings[planned.pk].has_agenda and not meetings[planned.pk].has_reflection
    assert (meetings[planned.pk].ends_at - meetings[planned.pk].starts_at).seconds == 25 * 60
    assert meetings[reflected.pk].has_reflection and not meetings[blank.pk].has_reflection
    org = snapshot.organizations[0]
    assert (org.name, org.advocacy, org.motivation, org.posting) == ("Acme Health", True, 3, False)
    states = {s.key: s for s in snapshot.action_states}
    assert states["a"].snoozed_until == date(2026, 4, 1) and states["b"].snoozed_until is None
    assert snapshot.fields_of_interest == ("Public health",)


def test_rule_settings_read_valid_overrides_and_ignore_the_rest(alice: Any) -> None:
    profile = profile_of(alice)
    profile.rule_settings = {
        "follow_up_business_days": 5,
        "keep_in_touch_days": 60,
        "max_follow_ups": True,  # a bool is not a count
        "referral_days": 9999,  # out of range
        "thank_you_hours": "24",  # wrong type
        "word_limit": 150,  # another feature's key
        "subdivision": "ma",
    }
    settings = rule_settings_for(profile)
    assert settings.follow_up_business_days == 5 and settings.keep_in_touch_days == 60
    assert settings.max_follow_ups == 2 and settings.referral_days == 7
    assert settings.thank_you_hours == 24 and settings.subdivision == "MA"
    assert (settings.country, settings.time_zone) == ("US", "America/New_York")
    profile.time_zone, profile.rule_settings = "Mars/Olympus", "not a dict"
    assert rule_settings_for(profile).time_zone == "UTC"


def _add_people(owner: Any, org: Organization, start: int, count: int) -> None:
    people = Contact.objects.bulk_create(
        Contact(owner=owner, first_name=f"P{n}", organization=org, shortlisted=n % 2 == 0)
        for n in range(start, start + count)
    )
    for contact in people[::3]:
        sent(contact, "request", ny(2026, 3, 2), replied_at=ny(2026, 3, 4))
        meeting(contact, ny(2026, 3, 20))


def test_the_snapshot_costs_the_same_number_of_queries_at_any_size(
    alice: Any, acme: Organization
) -> None:
    _add_people(alice, acme, 0, 5)
    with CaptureQueriesContext(connection) as small:
        gather(alice)
    _add_people(alice, acme, 5, 60)
    with CaptureQueriesContext(connection) as large:
        gathered = gather(alice)
    assert len(gathered.snapshot.contacts) == 65
    assert len(large.captured_queries) == len(small.captured_queries) <= 7


@time_machine.travel("2026-06-01 12:00 -04:00", tick=False)
def test_settling_records_dormancy_and_responsiveness_once(alice: Any) -> None:
    quiet = person(alice, "Quinn")
    sent(quiet, "request", ny(2026, 3, 2))
    sent(quiet, "follow-up", ny(2026, 3, 11))
    sent(quiet, "follow-up", ny(2026, 3, 20))
    quick = person(alice, "Kit")
    sent(quick, "request", ny(2026, 3, 2), replied_at=ny(2026, 3, 4))
    slow = person(alice, "Sol")
    sent(slow, "request", ny(2026, 3, 2), replied_at=ny(2026, 3, 30))
    declined = person(alice, "Dana", closed_reason="declined")
    sent(declined, "request", ny(2026, 3, 2))
    person(alice, "Una", closed_reason="dormant")  # set aside before ever being asked
    current = queries.plan(alice)
    assert services.settle_contacts(alice, current) == 3
    stored = dict(Contact.objects.owned_by(alice).values_list("first_name", "responsiveness"))
    assert stored == {
        "Quinn": "curmudgeon",
        "Kit": "booster",
        "Sol": "obligate",
        "Dana": "unknown",
        "Una": "unknown",
    }
    assert Contact.objects.get(pk=quiet.pk).closed_reason == "dormant"
    assert Contact.objects.get(pk=declined.pk).closed_reason == "declined"
    again = queries.plan(alice)
    assert services.settle_contacts(alice, again) == 0


@time_machine.travel("2026-06-01 12:00 -04:00", tick=False)
def test_a_reply_teaches_responsiveness_and_wakes_a_dormant_contact(alice: Any) -> None:
    quick = person(alice, "Kit")
    request = sent(quick, "request", ny(2026, 11, 25))  # the day before Thanksgiving
    contact = services.record_reply(request, ny(2026, 12, 7, 17))  # the 7th business day
    assert contact.responsiveness == "booster"
    late = person(alice, "Lou", closed_reason="dormant", responsiveness="curmudgeon")
    asked = sent(late, "request", ny(2026, 3, 2))
    contact = services.record_reply(asked, ny(2026, 5, 1))
    assert (contact.responsiveness, contact.closed_reason) == ("obligate", "")
    assert Message.objects.get(pk=asked.pk).replied_at == ny(2026, 5, 1)


def _varied_network(alice: Any, referrer: Contact, acme: Organization) -> dict[str, Contact]:
    """Someone in every situation a rule reads, plus people no rule can act on."""
    elsewhere = Organization.objects.create(owner=alice, name="Quiet Corp", name_key="quiet corp")
    talk = meeting(referrer, ny(2026, 3, 2, 10), status="held")
    sent(referrer, "request", ny(2026, 2, 20), replied_at=ny(2026, 2, 23))
    people = {
        "named": person(alice, "Ines", referred_by=referrer, referred_in=talk),
        "pointed": person(alice, "Otto", referred_by=referrer),
        "asked": person(alice, "Ada", organization=elsewhere),
        "listed": person(alice, "Lin", shortlisted=True),
        "at-top": person(alice, "Tai", organization=acme),
        "declined": person(alice, "Dee", closed_reason="declined"),
        "friend": person(alice, "Rae", organization=elsewhere),  # named someone, nothing else
        "idle": person(alice, "Ida", organization=elsewhere),
        "idle-too": person(alice, "Ivo"),
    }
    people["via-friend"] = person(alice, "Vic", referred_by=people["friend"])
    sent(people["asked"], "request", ny(2026, 3, 2))
    meeting(people["named"], ny(2026, 3, 9), status="held")
    return people


@time_machine.travel("2026-03-20 12:00 -04:00", tick=False)
def test_people_no_rule_can_act_on_are_not_read(
    alice: Any, referrer: Contact, acme: Organization
) -> None:
    people = _varied_network(alice, referrer, acme)
    read = {c.id for c in gather(alice).snapshot.contacts}
    assert read == {referrer.pk} | {
        c.pk for key, c in people.items() if key not in ("idle", "idle-too")
    }


@time_machine.travel("2026-03-20 12:00 -04:00", tick=False)
def test_reading_fewer_people_yields_exactly_the_same_actions(
    alice: Any, referrer: Contact, acme: Organization, monkeypatch: Any
) -> None:
    _varied_network(alice, referrer, acme)
    ActionState.objects.create(owner=alice, key=f"connect:contact={referrer.pk}", state="done")
    fewer = queries.plan(alice)
    monkeypatch.setattr(snapshot, "_relevant", lambda user, top: Q())  # read everyone
    queries.PLANS.clear()  # the same data: the cache would hand back the first plan
    everyone = queries.plan(alice)
    assert len(everyone.gathered.snapshot.contacts) > len(fewer.gathered.snapshot.contacts)
    assert fewer.actions == everyone.actions and len(fewer.actions) >= 6
    kinds = {a.kind for a in fewer.actions}
    assert {"send-request", "contact-referral", "close-the-loop", "follow-up"} <= kinds
    assert any("suggested by Rae" in a.title for a in fewer.actions)
