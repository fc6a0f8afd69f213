"""Everything the rules share, derived from the snapshot once per run."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from coffeechat.domain.followups.business_days import BusinessCalendar
from coffeechat.domain.followups.facts import (
    MeetingFacts,
    OrganizationFacts,
    ReferralFacts,
    Snapshot,
)
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
    # Lookups kept beside the facts, so that a run focused on a few people, and `updated`,
    # never walk everyone: each person's meetings and referrals, the people named in each
    # meeting, whom each referrer's referrals name, how many were asked at each
    # organization, and how many people with a held talk speak for each field.
    meetings_of: dict[int, tuple[int, ...]]
    referrals_of: dict[int, tuple[ReferralFacts, ...]]
    named_in: dict[int, frozenset[int]]
    referred_by: dict[int, frozenset[int]]
    asked_per_org: Counter[int]
    held_fields: Counter[str]
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
        meetings_of: dict[int, list[int]] = {}
        for m in meetings.values():
            meetings_of.setdefault(m.contact_id, []).append(m.id)
        referrals_of: dict[int, list[ReferralFacts]] = {}
        for r in snapshot.referrals:
            referrals_of.setdefault(r.contact_id, []).append(r)
        named_in: dict[int, set[int]] = {}
        for r in snapshot.referrals:
            named_in.setdefault(r.meeting_id, set()).add(r.contact_id)
        window = timedelta(days=settings.referral_days)
        origins = {
            pk: origin
            for pk in referrals_of.keys() | histories.keys()
            if (origin := _origin(pk, referrals_of, meetings, histories, tz, window)) is not None
        }
        referred_by: dict[int, set[int]] = {}
        for pk, origin in origins.items():
            referred_by.setdefault(origin.referrer_id, set()).add(pk)
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
            referral_origins=origins,
            fields_of_interest=_unique_casefolded(snapshot.fields_of_interest),
            meetings_of={pk: tuple(ids) for pk, ids in meetings_of.items()},
            referrals_of={pk: tuple(found) for pk, found in referrals_of.items()},
            named_in={pk: frozenset(found) for pk, found in named_in.items()},
            referred_by={pk: frozenset(found) for pk, found in referred_by.items()},
            asked_per_org=Counter(
                org for h in histories.values() if (org := _asked_at(h)) is not None
            ),
            held_fields=Counter(field for h in histories.values() for field in _held_fields(h)),
        )

    def updated(self, changes: Snapshot, changed: frozenset[int]) -> RuleContext:
        """This context after the facts of the `changed` people became those in `changes`
        (their contacts, messages, meetings and referrals; and the organizations read again
        with them), everyone else's being the same; focused on the people whose steps that
        can alter (`_reach`). Only their histories are built again, and nothing here walks
        everyone: the lookups are patched."""
        tz = self.tz
        meetings = dict(self.meetings)
        meetings_of = dict(self.meetings_of)
        was_met = {mid for pk in changed for mid in self.meetings_of.get(pk, ())}
        for mid in was_met:
            del meetings[mid]
        fresh_meetings: dict[int, list[int]] = {}
        for m in changes.meetings:
            meetings[m.id] = m
            fresh_meetings.setdefault(m.contact_id, []).append(m.id)
        for pk in changed:
            meetings_of.pop(pk, None)
        meetings_of.update((pk, tuple(ids)) for pk, ids in fresh_meetings.items())
        fresh = build_histories(
            Snapshot(contacts=changes.contacts, messages=changes.messages),
            {mid: meetings[mid] for ids in fresh_meetings.values() for mid in ids},
            tz,
        )
        histories = dict(self.histories)
        active = dict(self.active)
        for pk in changed:
            histories.pop(pk, None)
            active.pop(pk, None)
        histories.update(fresh)
        active.update(
            (pk, h)
            for pk, h in fresh.items()
            if is_active(h, self.settings, self.calendar, self.on_date)
        )
        asked_per_org = self.asked_per_org.copy()
        held_fields = self.held_fields.copy()
        for pk in changed:
            _count(asked_per_org, _asked_at(self.histories.get(pk)), -1)
            _count(asked_per_org, _asked_at(histories.get(pk)), 1)
            held_fields.subtract(_held_fields(self.histories.get(pk)))
            held_fields.update(_held_fields(histories.get(pk)))
        organizations = dict(self.organizations)
        organizations.update((o.id, o) for o in changes.organizations)
        top = self.top_organization_ids
        known = self.organizations
        if any(lamp_rank(known.get(o.id)) != lamp_rank(o) for o in changes.organizations):
            top = top_lamp_organizations(
                tuple(organizations.values()), self.settings.shortlist_top_n
            )
        referrals_of = dict(self.referrals_of)
        named_in = dict(self.named_in)
        for pk in changed:
            for r in referrals_of.pop(pk, ()):
                named_in[r.meeting_id] = named_in[r.meeting_id] - {pk}
        fresh_referrals: dict[int, list[ReferralFacts]] = {}
        for r in changes.referrals:
            fresh_referrals.setdefault(r.contact_id, []).append(r)
            named_in[r.meeting_id] = named_in.get(r.meeting_id, frozenset()) | {r.contact_id}
        referrals_of.update((pk, tuple(found)) for pk, found in fresh_referrals.items())
        # Whose referral origin may move: the changed, and whoever was named in a meeting of
        # theirs, before or after.
        moved = set(changed)
        for mid in was_met | {mid for ids in fresh_meetings.values() for mid in ids}:
            moved.update(self.named_in.get(mid, ()), named_in.get(mid, ()))
        origins = dict(self.referral_origins)
        referred_by = dict(self.referred_by)
        window = timedelta(days=self.settings.referral_days)
        for pk in moved:
            was = origins.pop(pk, None)
            now = _origin(pk, referrals_of, meetings, histories, tz, window)
            if was is not None:
                referred_by[was.referrer_id] = referred_by[was.referrer_id] - {pk}
            if now is not None:
                origins[pk] = now
                referred_by[now.referrer_id] = referred_by.get(now.referrer_id, frozenset()) | {pk}
        after = replace(
            self,
            histories=histories,
            active=active,
            meetings=meetings,
            organizations=organizations,
            top_organization_ids=top,
            referral_origins=origins,
            meetings_of=meetings_of,
            referrals_of=referrals_of,
            named_in=named_in,
            referred_by=referred_by,
            asked_per_org=asked_per_org,
            held_fields=held_fields,
            focus=None,
        )
        return replace(after, focus=self._reach(after, changed, moved, changes.organizations))

    def _reach(
        self,
        after: RuleContext,
        changed: frozenset[int],
        moved: set[int],
        organizations: tuple[OrganizationFacts, ...],
    ) -> frozenset[int]:
        """The people whose steps read facts of the `changed` ones, before or after: the
        changed; anyone whose referral moved (`moved` holds all who may have), and both
        referrers; whoever a changed person referred; and everyone at an organization
        where who was asked, the organization's facts, or its place among the top targets
        changed."""
        reach = set(changed)
        before, now = self.referral_origins, after.referral_origins
        for pk in moved:
            was, is_ = before.get(pk), now.get(pk)
            if was != is_ or pk in changed:
                reach.update(o.referrer_id for o in (was, is_) if o is not None)
                if was is not None or is_ is not None:
                    reach.add(pk)
        for pk in changed:
            reach.update(self.referred_by.get(pk, ()), after.referred_by.get(pk, ()))
        places: set[int] = set()
        for pk in changed:
            places_of = (_place(self.histories.get(pk)), _place(after.histories.get(pk)))
            if places_of[0] != places_of[1]:
                places.update(p[0] for p in places_of if p is not None and p[0] is not None)
        places.update(o.id for o in organizations if self.organizations.get(o.id) != o)
        places.update(self.top_organization_ids ^ after.top_organization_ids)
        if places:
            reach.update(
                pk for pk, h in after.histories.items() if h.contact.organization_id in places
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
        return self.held_fields

    def meetings_of_focus(self) -> Iterable[MeetingFacts]:
        """The meetings of the focus people (all of them without one)."""
        if self.focus is None:
            return self.meetings.values()
        meetings = self.meetings
        return [meetings[mid] for pk in self.focus for mid in self.meetings_of.get(pk, ())]

    def origins_of_focus(self) -> Iterable[tuple[int, ReferralOrigin]]:
        """The referral origins of the focus people (all of them without one)."""
        if self.focus is None:
            return self.referral_origins.items()
        origins = self.referral_origins
        return [(pk, origins[pk]) for pk in self.focus if pk in origins]

    def referred_by_focus(self) -> Iterable[tuple[int, ReferralOrigin]]:
        """The referral origins that name a focus person as the referrer (all without one)."""
        if self.focus is None:
            return self.referral_origins.items()
        origins = self.referral_origins
        return [(pk, origins[pk]) for ref in self.focus for pk in self.referred_by.get(ref, ())]


def _asked_at(history: ContactHistory | None) -> int | None:
    """The organization where this person was asked, if they were and work somewhere."""
    if history is None or history.request_on is None:
        return None
    return history.contact.organization_id


def _place(history: ContactHistory | None) -> tuple[int | None, bool] | None:
    """Where someone works and whether they were asked: what their colleagues' steps read."""
    if history is None:
        return None
    return (history.contact.organization_id, history.request_on is not None)


def _count(counter: Counter[int], key: int | None, delta: int) -> None:
    if key is not None:
        counter[key] += delta


def _held_fields(history: ContactHistory | None) -> set[str]:
    """The fields someone speaks for, once you have held a conversation with them."""
    if history is None or not any(m.status == "held" for m in history.meetings):
        return set()
    return {f.casefold() for f in history.contact.fields}


def lamp_rank(organization: OrganizationFacts | None) -> tuple[object, ...] | None:
    """What ranks an organization among the top targets (`top_lamp_organizations`)."""
    if organization is None:
        return None
    o = organization
    return (o.advocacy, o.motivation, o.posting, o.name)


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


def _origin(
    pk: int,
    referrals_of: Mapping[int, Sequence[ReferralFacts]],
    meetings: dict[int, MeetingFacts],
    histories: dict[int, ContactHistory],
    tz: ZoneInfo,
    window: timedelta,
) -> ReferralOrigin | None:
    """Where someone was referred from: named in a meeting, due a week after the earliest
    such meeting; else a week after being added, when their contact names a referrer."""
    found: ReferralOrigin | None = None
    for referral in referrals_of.get(pk, ()):
        meeting = meetings.get(referral.meeting_id)
        if meeting is None:
            continue
        due = local_date(meeting, tz) + window
        if found is None or due < found.due:
            found = ReferralOrigin(referral.referrer_id, meeting.id, due)
    history = histories.get(pk)
    referrer = history.contact.referred_by if history is not None else None
    if found is None and history is not None and referrer is not None:
        found = ReferralOrigin(referrer, None, history.contact.created_on + window)
    return found


def _unique_casefolded(names: tuple[str, ...]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for name in names:
        cleaned = name.strip()
        if cleaned:
            seen.setdefault(cleaned.casefold(), cleaned)
    return tuple(seen.values())
