"""Random snapshots: the engine never raises, never repeats a key, never nags the excluded."""

from datetime import UTC, date, datetime, timedelta
from typing import get_args

from hypothesis import given, settings
from hypothesis import strategies as st

from coffeechat.domain.followups import (
    ActionStateFacts,
    ContactFacts,
    MeetingFacts,
    MessageFacts,
    OrganizationFacts,
    ReferralFacts,
    RuleSettings,
    Snapshot,
    actions,
)
from coffeechat.domain.followups.facts import MessageKind

IDS = st.integers(min_value=1, max_value=8)
DATES = st.dates(min_value=date(2025, 11, 1), max_value=date(2026, 12, 31))
MOMENTS = st.datetimes(
    min_value=datetime(2025, 11, 1), max_value=datetime(2026, 12, 31), timezones=st.just(UTC)
)

contacts = st.builds(
    ContactFacts,
    id=IDS,
    name=st.text(max_size=5),
    created_on=DATES,
    organization_id=st.none() | st.integers(1, 3),
    shortlisted=st.booleans(),
    do_not_contact=st.booleans(),
    declined=st.booleans(),
    cancelled=st.booleans(),
    has_linkedin=st.booleans(),
    has_phone=st.booleans(),
    referred_by=st.none() | IDS,
    dormant=st.booleans(),
    responsiveness=st.sampled_from([None, "unknown", "booster", "obligate", "curmudgeon"]),
    fields=st.frozensets(st.sampled_from(["ux", "UX", "data"])),
)
messages = st.builds(
    MessageFacts,
    id=st.integers(1, 50),
    contact_id=IDS,
    kind=st.sampled_from(list(get_args(MessageKind))),
    status=st.sampled_from(["draft", "sent"]),
    sent_on=st.none() | DATES,
    replied_on=st.none() | DATES,
)


@st.composite
def meetings(draw: st.DrawFn) -> MeetingFacts:
    starts_at = draw(MOMENTS)
    length = timedelta(minutes=draw(st.integers(0, 120)))
    return MeetingFacts(
        id=draw(st.integers(1, 6)),
        contact_id=draw(IDS),
        starts_at=starts_at,
        ends_at=starts_at + length,
        status=draw(st.sampled_from(["proposed", "scheduled", "held", "cancelled", "no-show"])),
        ended_at=draw(st.none() | st.just(starts_at + 2 * length)),
        has_agenda=draw(st.booleans()),
        has_reflection=draw(st.booleans()),
    )


organizations = st.builds(
    OrganizationFacts,
    id=st.integers(1, 3),
    name=st.text(max_size=3),
    advocacy=st.booleans(),
    motivation=st.none() | st.integers(1, 3),
    posting=st.booleans(),
)
states = st.builds(
    ActionStateFacts,
    key=st.builds("follow-up:contact={}:n={}".format, IDS, st.integers(1, 2))
    | st.builds("thank-you:meeting={}".format, st.integers(1, 6)),
    state=st.sampled_from(["done", "dismissed", "snoozed"]),
    snoozed_until=st.none() | DATES,
)
snapshots = st.builds(
    Snapshot,
    contacts=st.lists(contacts, max_size=8).map(tuple),
    messages=st.lists(messages, max_size=15).map(tuple),
    meetings=st.lists(meetings(), max_size=5).map(tuple),
    referrals=st.lists(st.builds(ReferralFacts, IDS, st.integers(1, 6), IDS), max_size=4).map(
        tuple
    ),
    organizations=st.lists(organizations, max_size=3).map(tuple),
    fields_of_interest=st.lists(st.sampled_from(["ux", "UX ", "data", "law", ""])).map(tuple),
    action_states=st.lists(states, max_size=4).map(tuple),
)
rule_settings = st.builds(
    RuleSettings,
    max_follow_ups=st.integers(0, 3),
    shortlist_top_n=st.integers(0, 3),
    time_zone=st.sampled_from(["UTC", "America/Los_Angeles", "Asia/Kolkata"]),
    country=st.sampled_from(["US", "DE", "XX"]),
)


@settings(max_examples=300, deadline=None)
@given(snapshot=snapshots, rules=rule_settings, on_date=DATES)
def test_actions_are_unique_sorted_and_skip_excluded_contacts(
    snapshot: Snapshot, rules: RuleSettings, on_date: date
) -> None:
    found = actions(snapshot, rules, on_date)
    found_keys = [a.key for a in found]
    assert len(found_keys) == len(set(found_keys))
    assert found == sorted(found, key=lambda a: (a.due, a.kind, a.key))
    final = {c.id: c for c in snapshot.contacts}  # the engine keeps the last fact per id
    excluded = {i for i, c in final.items() if c.do_not_contact or c.declined or c.cancelled}
    assert not {a.contact_id for a in found} & excluded
    assert all(a.overdue == (a.due < on_date) for a in found)
    last_state = {s.key: s.state for s in snapshot.action_states}
    finished = {key for key, state in last_state.items() if state != "snoozed"}
    assert not set(found_keys) & finished
