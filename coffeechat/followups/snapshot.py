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
from coffeechat.domain.followups.context import lamp_rank, top_lamp_organizations
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
class Facts:
    """A user's facts by id, with each person's messages and meetings: what the plan cache
    keeps, so that reading a few people again patches them instead of walking everyone."""

    contacts: dict[int, ContactFacts]
    messages: dict[int, MessageFacts]
    meetings: dict[int, MeetingFacts]
    referrals: dict[int, ReferralFacts]  # by the person referred: one per contact row
    organizations: dict[int, OrganizationFacts]
    messages_of: dict[int, tuple[int, ...]]
    meetings_of: dict[int, tuple[int, ...]]
    fields_of_interest: tuple[str, ...]
    top: frozenset[int]  # the top LAMP organizations (`top_lamp_organizations`)

    @classmethod
    def of(
        cls,
        top: frozenset[int],
        contacts: list[ContactFacts],
        referrals: list[ReferralFacts],
        messages: list[MessageFacts],
        meetings: list[MeetingFacts],
        organizations: dict[int, OrganizationFacts],
        fields_of_interest: tuple[str, ...],
    ) -> Facts:
        return cls(
            contacts={c.id: c for c in contacts},
            messages={m.id: m for m in messages},
            meetings={m.id: m for m in meetings},
            referrals={r.contact_id: r for r in referrals},
            organizations=organizations,
            messages_of=_ids_by_contact(messages),
            meetings_of=_ids_by_contact(meetings),
            fields_of_interest=fields_of_interest,
            top=top,
        )

    def snapshot(self, states: tuple[ActionStateFacts, ...]) -> Snapshot:
        return Snapshot(
            contacts=tuple(self.contacts.values()),
            messages=tuple(self.messages.values()),
            meetings=tuple(self.meetings.values()),
            referrals=tuple(self.referrals.values()),
            organizations=tuple(self.organizations.values()),
            fields_of_interest=self.fields_of_interest,
            action_states=states,
        )


def _ids_by_contact(rows: list[MessageFacts] | list[MeetingFacts]) -> dict[int, tuple[int, ...]]:
    found: dict[int, list[int]] = {}
    for row in rows:
        found.setdefault(row.contact_id, []).append(row.id)
    return {pk: tuple(ids) for pk, ids in found.items()}


@dataclass(frozen=True)
class Gathered:
    """A user's facts with the settings they are read under, and what was done with each
    step (kept by the plan cache, so the lookups below are worked out once)."""

    profile: Profile
    settings: RuleSettings
    facts: Facts
    action_states: tuple[ActionStateFacts, ...] = ()

    @property
    def tz(self) -> ZoneInfo:
        return self.settings.tzinfo

    @cached_property
    def snapshot(self) -> Snapshot:
        """The facts as the rules engine reads them, made when first asked for."""
        return self.facts.snapshot(self.action_states)

    def contact_name(self, pk: int | None) -> str:
        found = self.facts.contacts.get(pk) if pk is not None else None
        return found.name if found is not None else ""

    def organization_name(self, pk: int | None) -> str:
        found = self.facts.organizations.get(pk) if pk is not None else None
        return found.name if found is not None else ""


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
    organizations = {o.id: o for o in _organizations(user)}
    top = _top(settings, organizations)
    contacts, referrals = _contacts(user, tz, top)
    interests = profile.fields_of_interest if isinstance(profile.fields_of_interest, list) else []
    facts = Facts.of(
        top,
        contacts,
        referrals,
        _messages(user, tz),
        _meetings(user),
        organizations,
        tuple(str(f) for f in interests if isinstance(f, str)),
    )
    return Gathered(profile=profile, settings=settings, facts=facts)


def refresh_facts(
    user: Any, gathered: Gathered, changed: frozenset[int]
) -> tuple[Gathered, Snapshot, frozenset[int]] | None:
    """`gathered` with the facts of the `changed` people read again, and of those they now
    name or named as their referrer, and of their organizations; everyone else's are kept.
    Also gives the facts read again (for `Outcome.after`) and whose they are. None when that
    can't stand for a whole read: a message or meeting moved from someone else (whose facts
    would keep a stale copy). Its work is in proportion to the people read, not to all."""
    facts = gathered.facts
    tz = gathered.tz
    before = [found for pk in changed if (found := facts.contacts.get(pk)) is not None]
    named = {c.referred_by for c in before if c.referred_by is not None}
    # Whom the changed now name as their referrer, and where they work (whether or not a rule
    # reads them: closing someone moves the count of people still to ask there; a move between
    # organizations is logged as a change to anyone, `Contact.PLAN_WIDE_FIELDS`).
    now = Contact.objects.owned_by(user).filter(pk__in=sorted(changed))
    links = list(now.values_list("referred_by_id", "organization_id"))
    named |= {referrer for referrer, _ in links if referrer is not None}
    read = frozenset(changed | named)
    contacts, referrals = _contacts(user, tz, facts.top, Q(pk__in=sorted(read)))
    messages = _messages(user, tz, Q(contact_id__in=sorted(read)))
    meetings = _meetings(user, Q(contact_id__in=sorted(read)))
    if _moved(facts.messages, messages, read) or _moved(facts.meetings, meetings, read):
        return None
    kept = [found for pk in read if (found := facts.contacts.get(pk)) is not None]
    organization_ids = {
        *(at for _, at in links),
        *(c.organization_id for c in (*contacts, *kept)),
    } - {None}
    organizations = _organizations(user, Q(pk__in=sorted(organization_ids)))
    fresh = _patched(gathered.settings, facts, read, contacts, referrals, messages, meetings)
    fresh.organizations.update((o.id, o) for o in organizations)
    if any(lamp_rank(facts.organizations.get(o.id)) != lamp_rank(o) for o in organizations):
        fresh = replace(fresh, top=_top(gathered.settings, fresh.organizations))
    read_again = Snapshot(
        contacts=tuple(contacts),
        messages=tuple(messages),
        meetings=tuple(meetings),
        referrals=tuple(referrals),
        organizations=tuple(organizations),
    )
    return Gathered(gathered.profile, gathered.settings, fresh), read_again, read


def _patched(
    settings: RuleSettings,
    facts: Facts,
    read: frozenset[int],
    contacts: list[ContactFacts],
    referrals: list[ReferralFacts],
    messages: list[MessageFacts],
    meetings: list[MeetingFacts],
) -> Facts:
    """`facts` with everything of the `read` people replaced by what was read again (the
    dictionaries copied, never changed in place: another request may be reading them)."""
    found = Facts(
        contacts=dict(facts.contacts),
        messages=dict(facts.messages),
        meetings=dict(facts.meetings),
        referrals=dict(facts.referrals),
        organizations=dict(facts.organizations),
        messages_of=dict(facts.messages_of),
        meetings_of=dict(facts.meetings_of),
        fields_of_interest=facts.fields_of_interest,
        top=facts.top,
    )
    for pk in read:
        found.contacts.pop(pk, None)
        found.referrals.pop(pk, None)
        for message_id in found.messages_of.pop(pk, ()):
            del found.messages[message_id]
        for meeting_id in found.meetings_of.pop(pk, ()):
            del found.meetings[meeting_id]
    found.contacts.update((c.id, c) for c in contacts)
    found.referrals.update((r.contact_id, r) for r in referrals)
    found.messages.update((m.id, m) for m in messages)
    found.meetings.update((m.id, m) for m in meetings)
    found.messages_of.update(_ids_by_contact(messages))
    found.meetings_of.update(_ids_by_contact(meetings))
    return found


def _top(settings: RuleSettings, organizations: dict[int, OrganizationFacts]) -> frozenset[int]:
    """The top LAMP organizations, read by a contact's facts and kept with them."""
    return top_lamp_organizations(tuple(organizations.values()), settings.shortlist_top_n)


def _moved(
    kept: dict[int, MessageFacts] | dict[int, MeetingFacts],
    read: list[MessageFacts] | list[MeetingFacts],
    people: frozenset[int],
) -> bool:
    """Some row `read` again was someone else's in the `kept` facts."""
    return any(
        (was := kept.get(row.id)) is not None and was.contact_id not in people for row in read
    )


def with_states(gathered: Gathered, states: tuple[ActionStateFacts, ...]) -> Gathered:
    return Gathered(gathered.profile, gathered.settings, gathered.facts, states)


def gather(user: Any, profile: Profile | None = None) -> Gathered:
    """All of the user's facts, action states included."""
    return with_states(gather_facts(user, profile), action_states(user))
