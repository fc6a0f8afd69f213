"""Everything the rules share, derived from the snapshot once per run."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from coffeechat.domain.followups.business_days import BusinessCalendar
from coffeechat.domain.followups.facts import MeetingFacts, OrganizationFacts, Snapshot
from coffeechat.domain.followups.history import ContactHistory, build_histories, local_date
from coffeechat.domain.followups.rule_settings import RuleSettings


@dataclass(frozen=True, slots=True)
class ReferralOrigin:
    """Where a referred contact came from, and when reaching out to them falls due."""

    referrer_id: int
    meeting_id: int | None
    due: date


@dataclass(frozen=True, slots=True)
class RuleContext:
    settings: RuleSettings
    calendar: BusinessCalendar
    tz: ZoneInfo
    on_date: date
    histories: dict[int, ContactHistory]
    # May still get actions: not excluded, not dormant, and their latest answer wasn't a no.
    active: dict[int, ContactHistory]
    meetings: dict[int, MeetingFacts]
    organizations: dict[int, OrganizationFacts]
    top_organization_ids: frozenset[int]
    referral_origins: dict[int, ReferralOrigin]
    fields_of_interest: tuple[str, ...]
    # Whose steps a run works out: everyone's (None), or only these people's, when the rest
    # are kept from an earlier run (`RuleContext.updated`). Every step but a goal (`broaden`)
    # belongs to one contact, and each rule reads its focus through `of_focus` / `in_focus`.
    focus: frozenset[int] | None = None

    @classmethod
    def build(
        cls,
        snapshot: Snapshot,
        settings: RuleSettings,
        on_date: date,
        calendar: BusinessCalendar | None = None,
    ) -> RuleContext:
        tz = settings.tzinfo
        meetings = {m.id: m for m in snapshot.meetings}
        histories = build_histories(snapshot, meetings, tz)
        calendar = calendar or BusinessCalendar(settings.country, settings.subdivision)
        active = {
            contact_id: h
            for contact_id, h in histories.items()
            if is_active(h, settings, calendar, on_date)
        }
        return cls._assemble(snapshot, settings, on_date, calendar, meetings, histories, active)

    @classmethod
    def _assemble(
        cls,
        snapshot: Snapshot,
        settings: RuleSettings,
        on_date: date,
        calendar: BusinessCalendar,
        meetings: dict[int, MeetingFacts],
        histories: dict[int, ContactHistory],
        active: dict[int, ContactHistory],
    ) -> RuleContext:
        tz = settings.tzinfo
        return cls(
            settings=settings,
            calendar=calendar,
            tz=tz,
            on_date=on_date,
            histories=histories,
            active=active,
            meetings=meetings,
            organizations={o.id: o for o in snapshot.organizations},
            top_organization_ids=top_lamp_organizations(
                snapshot.organizations, settings.shortlist_top_n
            ),
            referral_origins=_referral_origins(snapshot, settings, meetings, histories, tz),
            fields_of_interest=_unique_casefolded(snapshot.fields_of_interest),
        )

    def updated(self, snapshot: Snapshot, changed: frozenset[int]) -> RuleContext:
        """This context after the facts of the `changed` people became those of `snapshot`
        (everyone else's are the same), focused on the people whose steps that can alter:
        the changed, those their referrals link them to, and their colleagues (whether a
        second person at an organization was asked, and how many are left to ask there).
        Only their histories are built again."""
        meetings = {m.id: m for m in snapshot.meetings}
        fresh = build_histories(
            Snapshot(
                contacts=tuple(c for c in snapshot.contacts if c.id in changed),
                messages=tuple(m for m in snapshot.messages if m.contact_id in changed),
            ),
            {pk: m for pk, m in meetings.items() if m.contact_id in changed},
            self.tz,
        )
        histories = {pk: h for pk, h in self.histories.items() if pk not in changed}
        histories.update(fresh)
        active = {pk: h for pk, h in self.active.items() if pk not in changed}
        active.update(
            (pk, h)
            for pk, h in fresh.items()
            if is_active(h, self.settings, self.calendar, self.on_date)
        )
        after = self._assemble(
            snapshot, self.settings, self.on_date, self.calendar, meetings, histories, active
        )
        return replace(after, focus=self._reach(after, changed))

    def _reach(self, after: RuleContext, changed: frozenset[int]) -> frozenset[int]:
        """The people whose steps read facts of the `changed` ones, before or after."""
        reach = set(changed)
        before, now = self.referral_origins, after.referral_origins
        for contact_id in before.keys() | now.keys():
            was, is_ = before.get(contact_id), now.get(contact_id)
            untouched = was is not None and was == is_ and was.referrer_id not in changed
            if untouched and contact_id not in changed:
                continue  # the same referral, between people who didn't change
            reach.add(contact_id)
            reach.update(o.referrer_id for o in (was, is_) if o is not None)
        organizations = {
            h.contact.organization_id
            for context in (self, after)
            for pk in changed
            if (h := context.histories.get(pk)) is not None
        } - {None}
        if organizations:
            reach.update(
                pk
                for pk, h in after.histories.items()
                if h.contact.organization_id in organizations
            )
        return frozenset(reach)

    def in_focus(self, contact_id: int) -> bool:
        return self.focus is None or contact_id in self.focus

    def of_focus(self, people: dict[int, ContactHistory]) -> Iterable[ContactHistory]:
        """`people`'s histories of the focus (all of them without one)."""
        if self.focus is None:
            return people.values()
        return [people[pk] for pk in self.focus if pk in people]

    def meeting_day(self, meeting: MeetingFacts) -> date:
        return local_date(meeting, self.tz)

    def held_perspectives(self) -> Counter[str]:
        """How many different people with a held conversation speak for each field."""
        counts: Counter[str] = Counter()
        heard = {m.contact_id for m in self.meetings.values() if m.status == "held"}
        for contact_id in heard:
            history = self.histories.get(contact_id)
            if history is not None:
                counts.update({f.casefold() for f in history.contact.fields})
        return counts


def is_active(
    history: ContactHistory, settings: RuleSettings, calendar: BusinessCalendar, on_date: date
) -> bool:
    """May still get steps: not excluded, not resting, and their latest answer wasn't a no."""
    return (
        not history.contact.excluded
        and not history.turned_down
        and not is_dormant(history, settings, calendar, on_date)
    )


def is_dormant(
    history: ContactHistory, settings: RuleSettings, calendar: BusinessCalendar, on_date: date
) -> bool:
    """No answer after the last planned follow-up (or marked dormant): let it rest."""
    if history.responded:
        return False
    if history.contact.dormant or history.contact.responsiveness == "curmudgeon":
        return True
    if history.request_on is None:
        return False
    follow_ups = history.follow_ups
    if len(follow_ups) < settings.max_follow_ups:
        return False
    last = follow_ups[-1] if follow_ups else history.request_on
    return calendar.add_business_days(last, settings.follow_up_business_days) <= on_date


def top_lamp_organizations(
    organizations: tuple[OrganizationFacts, ...], top_n: int
) -> frozenset[int]:
    """The top N scored organizations by LAMP: advocacy, then motivation, then posting."""
    scored = [o for o in organizations if o.motivation is not None]
    scored.sort(key=lambda o: (not o.advocacy, -(o.motivation or 0), not o.posting, o.name, o.id))
    return frozenset(o.id for o in scored[: max(top_n, 0)])


def _referral_origins(
    snapshot: Snapshot,
    settings: RuleSettings,
    meetings: dict[int, MeetingFacts],
    histories: dict[int, ContactHistory],
    tz: ZoneInfo,
) -> dict[int, ReferralOrigin]:
    """Referrals named in a meeting are due a week after it; others a week after being added."""
    window = timedelta(days=settings.referral_days)
    origins: dict[int, ReferralOrigin] = {}
    for referral in snapshot.referrals:
        meeting = meetings.get(referral.meeting_id)
        if meeting is None:
            continue
        due = local_date(meeting, tz) + window
        known = origins.get(referral.contact_id)
        if known is None or due < known.due:
            origins[referral.contact_id] = ReferralOrigin(referral.referrer_id, meeting.id, due)
    for history in histories.values():
        contact = history.contact
        if contact.referred_by is not None and contact.id not in origins:
            origins[contact.id] = ReferralOrigin(
                contact.referred_by, None, contact.created_on + window
            )
    return origins


def _unique_casefolded(names: tuple[str, ...]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for name in names:
        cleaned = name.strip()
        if cleaned:
            seen.setdefault(cleaned.casefold(), cleaned)
    return tuple(seen.values())
