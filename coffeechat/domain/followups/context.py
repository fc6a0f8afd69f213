"""Everything the rules share, derived from the snapshot once per run."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
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
        return cls(
            settings=settings,
            calendar=calendar,
            tz=tz,
            on_date=on_date,
            histories=histories,
            active={
                contact_id: h
                for contact_id, h in histories.items()
                if not h.contact.excluded
                and not h.turned_down
                and not is_dormant(h, settings, calendar, on_date)
            },
            meetings=meetings,
            organizations={o.id: o for o in snapshot.organizations},
            top_organization_ids=top_lamp_organizations(
                snapshot.organizations, settings.shortlist_top_n
            ),
            referral_origins=_referral_origins(snapshot, settings, meetings, histories, tz),
            fields_of_interest=_unique_casefolded(snapshot.fields_of_interest),
        )

    def meeting_day(self, meeting: MeetingFacts) -> date:
        return local_date(meeting, self.tz)

    def held_perspectives(self) -> Counter[str]:
        """How many different people with a held conversation speak for each field."""
        counts: Counter[str] = Counter()
        for history in self.histories.values():
            if any(m.status == "held" for m in history.meetings):
                counts.update({f.casefold() for f in history.contact.fields})
        return counts


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
