"""Working out only the changed people's steps gives what a whole run gives.

The plan cache keeps the last outcome and, after a write that changed a few people's facts,
asks `Outcome.after` for the new one. Over random worlds and random changes (people's facts,
messages, meetings and referrals replaced, people appearing and leaving, organizations' counts
moving), it must equal `outcome` on the new facts, step for step, after one change or several.
"""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from coffeechat.domain.followups import (
    ActionStateFacts,
    BusinessCalendar,
    ContactFacts,
    MeetingFacts,
    MessageFacts,
    OrganizationFacts,
    Outcome,
    ReferralFacts,
    RuleSettings,
    Snapshot,
    outcome,
)
from coffeechat.domain.followups.facts import ActionStateKind
from coffeechat.domain.followups.ordering import arrange
from tests.domain.followups.test_properties import (
    DATES,
    IDS,
    contacts,
    meetings,
    messages,
    organizations,
    rule_settings,
)

# Mostly sent asks, at one of two organizations, so the steps that read other people's facts
# (a second person at the same place, referrals) come up often.
_asks = st.builds(
    MessageFacts,
    id=st.just(0),
    contact_id=st.just(0),
    kind=st.sampled_from(["request", "request", "follow-up", "thank-you", "close-the-loop"]),
    status=st.just("sent"),
    sent_on=DATES,
    replied_on=st.none() | st.none() | DATES,
    reply_outcome=st.sampled_from(["", "declined", "referred"]),
)
_colleagues = contacts.map(lambda c: replace(c, do_not_contact=False, dormant=False))


def _people(draw: st.DrawFn, ids: list[int]) -> list[ContactFacts]:
    if draw(st.booleans()):
        org = draw(st.sampled_from([1, 2]))
        return [replace(draw(_colleagues), id=pk, organization_id=org) for pk in ids]
    return [replace(draw(contacts), id=pk) for pk in ids]


def _their_messages(draw: st.DrawFn, ids: list[int], first_id: int) -> list[MessageFacts]:
    drawn = draw(st.lists(messages | _asks, max_size=3 * len(ids)))
    return [
        replace(m, id=first_id + n, contact_id=draw(st.sampled_from(ids)))
        for n, m in enumerate(drawn)
    ]


def _their_meetings(draw: st.DrawFn, ids: list[int], first_id: int) -> list[MeetingFacts]:
    drawn = draw(st.lists(meetings(), max_size=2 * len(ids)))
    return [
        replace(m, id=first_id + n, contact_id=draw(st.sampled_from(ids)))
        for n, m in enumerate(drawn)
    ]


def _referrals(
    draw: st.DrawFn, ids: list[int], meeting_ids: list[int], referrers: list[int]
) -> list[ReferralFacts]:
    """At most one per person, as the contact row holds it; meetings may be anyone's."""
    if not meeting_ids:
        return []
    chosen = draw(st.lists(st.sampled_from(ids), unique=True, max_size=len(ids)))
    return [
        ReferralFacts(pk, draw(st.sampled_from(meeting_ids)), draw(st.sampled_from(referrers)))
        for pk in chosen
    ]


@st.composite
def worlds(draw: st.DrawFn) -> Snapshot:
    ids = draw(st.lists(IDS, unique=True, min_size=1, max_size=8))
    found_meetings = _their_meetings(draw, ids, 1)
    return Snapshot(
        contacts=tuple(_people(draw, ids)),
        messages=tuple(_their_messages(draw, ids, 1)),
        meetings=tuple(found_meetings),
        referrals=tuple(_referrals(draw, ids, [m.id for m in found_meetings], ids)),
        organizations=tuple(draw(st.lists(organizations, unique_by=lambda o: o.id, max_size=3))),
        fields_of_interest=tuple(draw(st.lists(st.sampled_from(["ux", "data", "law"])))),
    )


@st.composite
def changes(draw: st.DrawFn, world: Snapshot, first_id: int) -> tuple[Snapshot, frozenset[int]]:
    """The world after a write to a few people: their facts drawn anew (or gone, or new),
    with their messages, meetings and referrals; their organizations' counts may move."""
    changed = frozenset(draw(st.lists(IDS, unique=True, min_size=1, max_size=3)))
    kept = [c for c in world.contacts if c.id not in changed]
    present = sorted(draw(st.sets(st.sampled_from(sorted(changed)))))
    people = _people(draw, present)
    everyone = [c.id for c in kept] + present
    new_meetings = _their_meetings(draw, present, first_id) if present else []
    meeting_ids = [m.id for m in world.meetings if m.contact_id not in changed]
    meeting_ids += [m.id for m in new_meetings]
    touched = {c.organization_id for c in (*world.contacts, *people) if c.id in changed}
    return (
        Snapshot(
            contacts=(*kept, *people),
            messages=(
                *(m for m in world.messages if m.contact_id not in changed),
                *(_their_messages(draw, present, first_id) if present else []),
            ),
            meetings=(*(m for m in world.meetings if m.contact_id not in changed), *new_meetings),
            referrals=(
                *(r for r in world.referrals if r.contact_id not in changed),
                *(_referrals(draw, present, meeting_ids, everyone) if present else []),
            ),
            organizations=tuple(
                replace(o, people=draw(st.integers(0, 4))) if o.id in touched else o
                for o in world.organizations
            ),
            fields_of_interest=world.fields_of_interest,
        ),
        changed,
    )


def _read_again(before: Snapshot, after: Snapshot, changed: frozenset[int]) -> Snapshot:
    """What the plan cache reads again after such a change: the changed people's facts, and
    the organizations they worked at before or work at now."""
    places = {c.organization_id for c in (*before.contacts, *after.contacts) if c.id in changed}
    return Snapshot(
        contacts=tuple(c for c in after.contacts if c.id in changed),
        messages=tuple(m for m in after.messages if m.contact_id in changed),
        meetings=tuple(m for m in after.meetings if m.contact_id in changed),
        referrals=tuple(r for r in after.referrals if r.contact_id in changed),
        organizations=tuple(o for o in after.organizations if o.id in places),
    )


def _same(got: Outcome, expected: Outcome) -> None:
    assert sorted(got.candidates, key=repr) == sorted(expected.candidates, key=repr)
    assert got.dormant == expected.dormant


@st.composite
def action_states(draw: st.DrawFn, ran: Outcome) -> tuple[ActionStateFacts, ...]:
    """What the user did with some of the steps: done, dismissed, or snoozed a few days."""
    keys = sorted({a.key for a in ran.candidates})
    chosen = draw(st.lists(st.sampled_from(keys), unique=True)) if keys else []
    found = []
    for key in chosen:
        state: ActionStateKind = draw(st.sampled_from(["done", "dismissed", "snoozed"]))
        until = ran.on_date + timedelta(days=draw(st.integers(-3, 9)))
        found.append(ActionStateFacts(key, state, until if state == "snoozed" else None))
    return tuple(found)


@settings(max_examples=400, deadline=None)
@given(data=st.data(), world=worlds(), rules=rule_settings, on_date=DATES)
def test_only_the_changed_peoples_steps_worked_out_again_equal_a_whole_run(
    data: st.DataObject, world: Snapshot, rules: RuleSettings, on_date: date
) -> None:
    """The outcome, and the pending steps patched in place of a sort: in the same order, and
    in the same parts of Today, as a whole run sorted afresh; also when states change."""
    calendar = BusinessCalendar(rules.country, rules.subdivision)
    kept = outcome(world, rules, on_date, calendar)
    states = data.draw(action_states(kept))
    steps = kept.steps(states)
    for step in range(data.draw(st.integers(1, 3))):
        before = world
        world, changed = data.draw(changes(world, first_id=100 * (step + 1)))
        ran = kept.after(_read_again(before, world, changed), changed)
        steps, kept = ran.steps_after(kept, steps, states), ran
        whole = outcome(world, rules, on_date, calendar)
        _same(kept, whole)
        assert steps.actions == whole.pending(states)
        assert steps.arranged() == arrange(whole.pending(states), on_date)
    # Then some steps marked done, snoozed or taken back: only those are moved.
    later = data.draw(action_states(whole))
    restated = kept.restated(steps, states, later)
    assert restated.actions == whole.pending(later)
    assert restated.arranged() == arrange(whole.pending(later), on_date)


def test_a_moved_meeting_moves_the_step_of_whoever_was_named_in_it() -> None:
    """A case the random worlds reach rarely: Bo was suggested by Ana during a meeting
    recorded on Cy's page; only Cy's facts change (the meeting moved), yet Bo's step, due a
    week after that meeting, moves with it."""
    rules = RuleSettings()
    day = date(2026, 3, 2)
    ana = ContactFacts(id=1, name="Ana", created_on=date(2026, 2, 1))
    bo = ContactFacts(id=2, name="Bo", created_on=date(2026, 2, 1), referred_by=1)
    cy = ContactFacts(id=3, name="Cy", created_on=date(2026, 2, 1))
    starts = datetime(2026, 2, 20, 15, tzinfo=UTC)
    talk = MeetingFacts(7, 3, starts, starts + timedelta(minutes=20), "held")
    before = Snapshot(contacts=(ana, bo, cy), meetings=(talk,), referrals=(ReferralFacts(2, 7, 1),))
    later = replace(talk, starts_at=starts + timedelta(days=3), ends_at=starts + timedelta(days=3))
    after = replace(before, meetings=(later,))
    ran = outcome(before, rules, day).after(
        _read_again(before, after, frozenset({3})), frozenset({3})
    )
    _same(ran, outcome(after, rules, day))
    reach_out = next(a for a in ran.candidates if a.kind == "contact-referral")
    assert (reach_out.contact_id, reach_out.due) == (2, date(2026, 3, 2))


def test_a_colleague_asked_takes_away_the_step_to_try_a_second_person() -> None:
    """Only Bo changes (he is asked too), yet Ana's step, to try a second person at the
    place where only she was asked, goes away: colleagues are worked out again when who was
    asked at their organization changes, and kept when it doesn't."""
    rules = RuleSettings()
    day = date(2026, 3, 16)
    place = OrganizationFacts(id=5, name="Tidewater", people=2)
    ana = ContactFacts(id=1, name="Ana", created_on=date(2026, 2, 1), organization_id=5)
    bo = ContactFacts(id=2, name="Bo", created_on=date(2026, 2, 1), organization_id=5)
    asked = MessageFacts(1, 1, "request", "sent", sent_on=date(2026, 3, 2))
    before = Snapshot(contacts=(ana, bo), messages=(asked,), organizations=(place,))
    ran = outcome(before, rules, day)
    assert [a.contact_id for a in ran.candidates if a.kind == "try-another-contact"] == [1]
    shortlisted = replace(before, contacts=(ana, replace(bo, shortlisted=True)))
    kept = ran.after(_read_again(before, shortlisted, frozenset({2})), frozenset({2}))
    assert kept.reworked == {None, 2}  # Bo's place and whether he was asked: the same
    _same(kept, outcome(shortlisted, rules, day))
    bo_asked = MessageFacts(2, 2, "request", "sent", sent_on=date(2026, 3, 13))
    now = replace(shortlisted, messages=(asked, bo_asked))
    ran = kept.after(_read_again(shortlisted, now, frozenset({2})), frozenset({2}))
    assert 1 in (ran.reworked or ())
    _same(ran, outcome(now, rules, day))
    assert not [a for a in ran.candidates if a.kind == "try-another-contact"]
