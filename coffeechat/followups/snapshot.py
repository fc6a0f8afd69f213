"""From the database to the rules engine's plain facts, for one user, in six queries (five
for the facts, one for the action states).

Rows are read with `values_list` (no model instances), and only the people a rule can act on
or name are read: someone with no message, meeting, referral, shortlist flag, top-target
employer or closed state yields no action, and a heavy user's 30,000 connections are mostly
such people. The number of queries never depends on how much data there is.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import cached_property
from typing import Any, cast
from zoneinfo import ZoneInfo

from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import Substr

from coffeechat.accounts.models import Profile
from coffeechat.accounts.services import profile_of
from coffeechat.domain.followups import (
    ActionStateFacts,
    ContactFacts,
    MeetingFacts,
    MessageFacts,
    OrganizationFacts,
    ReferralFacts,
    RuleSettings,
    Snapshot,
)
from coffeechat.domain.followups.context import top_lamp_organizations
from coffeechat.domain.followups.excerpt import MAX_CHARS
from coffeechat.domain.followups.facts import (
    ActionStateKind,
    Consent,
    MeetingStatus,
    MessageKind,
    MessageStatus,
    ReplyOutcome,
    Responsiveness,
)
from coffeechat.followups.models import ActionState
from coffeechat.followups.rule_settings import rule_settings_for
from coffeechat.interviews.models import AgendaItem, Meeting
from coffeechat.network.models import Contact, Organization
from coffeechat.outreach.models import Message

# Enough for the first lines Today shows, with room for the blank lines and spaces they lose.
_REPLY_START = MAX_CHARS * 2


@dataclass(frozen=True)
class Gathered:
    """A user's snapshot with the settings it is read under (kept by the plan cache, so the
    lookups below are worked out once)."""

    profile: Profile
    settings: RuleSettings
    snapshot: Snapshot

    @property
    def tz(self) -> ZoneInfo:
        return self.settings.tzinfo

    @cached_property
    def contact_names(self) -> dict[int, str]:
        return {c.id: c.name for c in self.snapshot.contacts}

    @cached_property
    def organization_names(self) -> dict[int, str]:
        return {o.id: o.name for o in self.snapshot.organizations}


def _day(moment: datetime | None, tz: ZoneInfo) -> date | None:
    return moment.astimezone(tz).date() if moment is not None else None


def _name(first: str, last: str) -> str:
    return " ".join(p for p in (first, last) if p) or "(no name)"


def _relevant(user: Any, top_organizations: frozenset[int]) -> Q:
    """The contacts whose facts can change an action (see the module docstring).

    Each part mirrors a rule: messages and meetings (follow-ups, thank-yous, schedule, …),
    the shortlist and top LAMP organizations (send-request), referrals and the people who made
    them (contact-referral, close-the-loop, names in reasons), and closed or do-not-contact
    people (kept so their state is never mistaken for an open one).
    """
    contacts = Contact.objects.owned_by(user)
    return (
        Q(pk__in=Message.objects.owned_by(user).values("contact"))
        | Q(pk__in=Meeting.objects.owned_by(user).values("contact"))
        | Q(shortlisted=True)
        | Q(organization_id__in=sorted(top_organizations))
        | Q(referred_by__isnull=False)
        | Q(referred_in__isnull=False)
        | Q(pk__in=contacts.filter(referred_by__isnull=False).values("referred_by"))
        | ~Q(closed_reason="")
        | Q(do_not_contact=True)
    )


def _contacts(
    user: Any, tz: ZoneInfo, top_organizations: frozenset[int], among: Q | None = None
) -> tuple[list[ContactFacts], list[ReferralFacts]]:
    rows = (
        Contact.objects.owned_by(user)
        .filter(_relevant(user, top_organizations), among or Q())
        .values_list(
            "id",
            "first_name",
            "last_name",
            "created_at",
            "organization_id",
            "shortlisted",
            "do_not_contact",
            "closed_reason",
            "linkedin_url",
            "phone",
            "referred_by_id",
            "referred_in_id",
            "referrer_consent",
            "field",
            "responsiveness",
            "keep_in_touch_days",
            named=True,
        )
    )
    contacts: list[ContactFacts] = []
    referrals: list[ReferralFacts] = []
    for row in rows:
        field = row.field.strip()
        contacts.append(
            ContactFacts(
                id=row.id,
                name=_name(row.first_name, row.last_name),
                created_on=row.created_at.astimezone(tz).date(),
                organization_id=row.organization_id,
                shortlisted=row.shortlisted,
                do_not_contact=row.do_not_contact,
                declined=row.closed_reason == "declined",
                cancelled=row.closed_reason == "cancelled",
                dormant=row.closed_reason == "dormant",
                has_linkedin=bool(row.linkedin_url),
                has_phone=bool(row.phone),
                referred_by=row.referred_by_id,
                referrer_consent=cast(Consent, row.referrer_consent),
                responsiveness=cast(Responsiveness, row.responsiveness),
                fields=frozenset({field}) if field else frozenset(),
                keep_in_touch_days=row.keep_in_touch_days,
            )
        )
        if row.referred_by_id is not None and row.referred_in_id is not None:
            referrals.append(
                ReferralFacts(
                    contact_id=row.id, meeting_id=row.referred_in_id, referrer_id=row.referred_by_id
                )
            )
    return contacts, referrals


def _messages(user: Any, tz: ZoneInfo, among: Q | None = None) -> list[MessageFacts]:
    # Only the start of a reply is read: Today shows its first lines, and a pasted reply
    # may run to pages.
    rows = (
        Message.objects.owned_by(user)
        .filter(among or Q())
        .annotate(reply_start=Substr("reply_text", 1, _REPLY_START))
        .values_list(
            "id",
            "contact_id",
            "kind",
            "status",
            "sent_at",
            "replied_at",
            "reply_outcome",
            "reply_start",
        )
    )
    return [
        MessageFacts(
            id=pk,
            contact_id=contact_id,
            kind=cast(MessageKind, kind),
            status=cast(MessageStatus, status),
            sent_on=_day(sent_at, tz),
            replied_on=_day(replied_at, tz),
            sent_at=sent_at,
            reply_outcome=cast(ReplyOutcome, outcome),
            reply_text=reply_start,
        )
        for pk, contact_id, kind, status, sent_at, replied_at, outcome, reply_start in rows
    ]


def _has_reflection(reflection: Any) -> bool:
    if isinstance(reflection, dict):
        return any(str(v).strip() for v in reflection.values() if v is not None)
    return bool(reflection)


def _meetings(user: Any, among: Q | None = None) -> list[MeetingFacts]:
    rows = (
        Meeting.objects.owned_by(user)
        .filter(among or Q())
        .annotate(has_agenda=Exists(AgendaItem.objects.filter(meeting=OuterRef("pk"))))
        .values_list(
            "id",
            "contact_id",
            "starts_at",
            "minutes",
            "status",
            "ended_at",
            "has_agenda",
            "reflection",
            named=True,
        )
    )
    return [
        MeetingFacts(
            id=row.id,
            contact_id=row.contact_id,
            starts_at=row.starts_at,
            ends_at=row.starts_at + timedelta(minutes=row.minutes),
            status=cast(MeetingStatus, row.status),
            ended_at=row.ended_at,
            has_agenda=row.has_agenda,
            has_reflection=_has_reflection(row.reflection),
        )
        for row in rows
    ]


def _organizations(user: Any, among: Q | None = None) -> list[OrganizationFacts]:
    """Each organization with how many people there may still be asked (for "try a second
    person"), counted in the same query."""
    askable = Q(contacts__do_not_contact=False, contacts__closed_reason="")
    rows = (
        Organization.objects.owned_by(user)
        .filter(among or Q())
        .annotate(people=Count("contacts", filter=askable))
        .values_list("id", "name", "advocacy", "motivation", "posting", "people")
    )
    return [
        OrganizationFacts(
            id=pk, name=name, advocacy=adv, motivation=mot, posting=post, people=people
        )
        for pk, name, adv, mot, post, people in rows
    ]


def action_states(user: Any) -> tuple[ActionStateFacts, ...]:
    """What the user did with each step: done, dismissed, or snoozed until a day."""
    rows = ActionState.objects.owned_by(user).values_list("key", "state", "until")
    return tuple(
        ActionStateFacts(
            key=key,
            state=cast(ActionStateKind, state),
            snoozed_until=until if state == "snoozed" else None,
        )
        for key, state, until in rows
    )


def gather_facts(user: Any, profile: Profile | None = None) -> Gathered:
    """Everything the rules read, without what was done with each step (no action states):
    the plan cache keeps these until a fact changes, and takes the states apart."""
    profile = profile or profile_of(user)
    settings = rule_settings_for(profile)
    tz = settings.tzinfo
    organizations = tuple(_organizations(user))
    top = top_lamp_organizations(organizations, settings.shortlist_top_n)
    contacts, referrals = _contacts(user, tz, top)
    interests = profile.fields_of_interest if isinstance(profile.fields_of_interest, list) else []
    snapshot = Snapshot(
        contacts=tuple(contacts),
        messages=tuple(_messages(user, tz)),
        meetings=tuple(_meetings(user)),
        referrals=tuple(referrals),
        organizations=organizations,
        fields_of_interest=tuple(str(f) for f in interests if isinstance(f, str)),
        action_states=(),
    )
    return Gathered(profile=profile, settings=settings, snapshot=snapshot)


def refresh_facts(
    user: Any, gathered: Gathered, changed: frozenset[int]
) -> tuple[Gathered, frozenset[int]] | None:
    """`gathered` with the facts of the `changed` people read again, and of those they now
    name or named as their referrer, and of their organizations; everyone else's are kept.
    Also says whose contact facts were read again. None when that can't stand for a whole
    read: a message or meeting moved from someone else (whose facts would keep a stale copy)."""
    snapshot = gathered.snapshot
    tz = gathered.tz
    before = {c.id: c for c in snapshot.contacts if c.id in changed}
    named = {c.referred_by for c in before.values() if c.referred_by is not None}
    top = top_lamp_organizations(snapshot.organizations, gathered.settings.shortlist_top_n)
    # Whom the changed now name as their referrer, and where they work (whether or not a rule
    # reads them: closing someone moves the count of people still to ask there; a move between
    # organizations is logged as a change to anyone, `Contact.PLAN_WIDE_FIELDS`).
    now = Contact.objects.owned_by(user).filter(pk__in=sorted(changed))
    links = list(now.values_list("referred_by_id", "organization_id"))
    named |= {referrer for referrer, _ in links if referrer is not None}
    contacts, referrals = _contacts(user, tz, top, Q(pk__in=sorted(changed | named)))
    read = changed | named
    messages = _messages(user, tz, Q(contact_id__in=sorted(changed)))
    meetings = _meetings(user, Q(contact_id__in=sorted(changed)))
    if _moved(snapshot.messages, messages, changed) or _moved(snapshot.meetings, meetings, changed):
        return None
    organization_ids = {
        *(at for _, at in links),
        *(c.organization_id for c in (*contacts, *snapshot.contacts) if c.id in read),
    } - {None}
    organizations = _organizations(user, Q(pk__in=sorted(organization_ids)))
    fresh = replace(
        snapshot,
        contacts=(*(c for c in snapshot.contacts if c.id not in read), *contacts),
        messages=(*(m for m in snapshot.messages if m.contact_id not in changed), *messages),
        meetings=(*(m for m in snapshot.meetings if m.contact_id not in changed), *meetings),
        referrals=(*(r for r in snapshot.referrals if r.contact_id not in read), *referrals),
        organizations=(
            *(o for o in snapshot.organizations if o.id not in organization_ids),
            *organizations,
        ),
    )
    return Gathered(gathered.profile, gathered.settings, fresh), frozenset(read)


def _moved(
    kept: tuple[MessageFacts, ...] | tuple[MeetingFacts, ...],
    read: list[MessageFacts] | list[MeetingFacts],
    changed: frozenset[int],
) -> bool:
    """Some row `read` again was someone else's in the `kept` facts."""
    ids = {row.id for row in read}
    return any(row.id in ids and row.contact_id not in changed for row in kept)


def with_states(gathered: Gathered, states: tuple[ActionStateFacts, ...]) -> Gathered:
    snapshot = replace(gathered.snapshot, action_states=states)
    return Gathered(gathered.profile, gathered.settings, snapshot)


def gather(user: Any, profile: Profile | None = None) -> Gathered:
    """All of the user's facts, action states included."""
    return with_states(gather_facts(user, profile), action_states(user))
