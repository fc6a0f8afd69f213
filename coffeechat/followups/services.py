"""Writes for follow-ups: what the user did with an action, replies, dormancy, the feed secret."""

from __future__ import annotations

import secrets
from collections import defaultdict
from collections.abc import Collection
from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.http import Http404

from coffeechat.accounts.models import Profile
from coffeechat.accounts.services import profile_of
from coffeechat.domain.followups import (
    BusinessCalendar,
    MessageFacts,
    RuleSettings,
    responsiveness,
)
from coffeechat.domain.vocab import REQUEST_KINDS
from coffeechat.followups.models import ActionState
from coffeechat.followups.queries import Plan
from coffeechat.followups.rule_settings import rule_settings_for
from coffeechat.network.models import Contact
from coffeechat.outreach.models import Message

ACTION_VERBS = {"done": "done", "dismiss": "dismissed", "snooze": "snoozed"}
# An answer to any of these tells us how quickly the person replies.
ASKING_KINDS = REQUEST_KINDS | {"follow-up"}
_CHUNK = 500  # keeps `IN (...)` lists well under SQLite's variable limit


def _learned(
    messages: list[MessageFacts], calendar: BusinessCalendar, settings: RuleSettings
) -> str | None:
    """Booster or obligate from a contact's first request and first answer, if both exist."""
    requested = [m.sent_on for m in messages if m.sent and m.kind in REQUEST_KINDS and m.sent_on]
    replies = [m.replied_on for m in messages if m.sent and m.kind in ASKING_KINDS and m.replied_on]
    if not requested or not replies:
        return None
    return responsiveness(min(requested), min(replies), calendar, settings)


def _update_in_chunks(user: Any, ids: list[int], **values: Any) -> None:
    for start in range(0, len(ids), _CHUNK):
        Contact.objects.owned_by(user).filter(pk__in=ids[start : start + _CHUNK]).update(**values)


def settle_contacts(user: Any, plan: Plan, among: Collection[int] | None = None) -> int:
    """Record what the facts already say on the plan's day: who went quiet (dormant,
    "curmudgeon", as the plan's own run of the rules found) and how quickly the others
    answered. Idempotent: only rows whose stored value differs are written. `among`: only
    these people, when everyone else was settled before and hasn't changed since.
    """
    facts, settings = plan.gathered.facts, plan.gathered.settings
    people = facts.messages_of.keys() if among is None else facts.messages_of.keys() & among
    quiet: list[int] = []
    learned: dict[str, list[int]] = defaultdict(list)
    for pk in people:
        contact = facts.contacts.get(pk)
        if contact is None:
            continue
        messages = [facts.messages[i] for i in facts.messages_of[pk]]
        # Only someone who was asked and never answered earns "curmudgeon".
        settled = contact.dormant and contact.responsiveness == "curmudgeon"
        if pk in plan.dormant and not settled and any(_asks(m) for m in messages):
            quiet.append(pk)
        if contact.responsiveness in (None, "unknown") and any(m.replied_on for m in messages):
            value = _learned(messages, plan.calendar, settings)
            if value is not None:
                learned[value].append(pk)
    with transaction.atomic():
        _update_in_chunks(user, sorted(quiet), closed_reason="dormant", responsiveness="curmudgeon")
        for value, ids in learned.items():
            _update_in_chunks(user, sorted(ids), responsiveness=value)
    return len(quiet) + sum(len(ids) for ids in learned.values())


def _asks(message: MessageFacts) -> bool:
    return message.sent and message.kind in REQUEST_KINDS


@transaction.atomic
def record_reply(message: Message, replied_at: datetime) -> Contact:
    """A reply arrived: store it, learn how responsive the person is, and wake them if they
    had been set aside as dormant (they answered after all)."""
    message.replied_at = replied_at
    message.save(update_fields=["replied_at", "updated_at"])
    contact = Contact.objects.owned_by(message.owner).get(pk=message.contact_id)
    settings = rule_settings_for(profile_of(message.owner))
    tz = settings.tzinfo
    rows = Message.objects.owned_by(message.owner).filter(contact=contact, status="sent")
    facts = [
        MessageFacts(
            id=m.pk,
            contact_id=contact.pk,
            kind=m.kind,  # type: ignore[arg-type]
            status="sent",
            sent_on=m.sent_at.astimezone(tz).date() if m.sent_at else None,
            replied_on=m.replied_at.astimezone(tz).date() if m.replied_at else None,
        )
        for m in rows
    ]
    learned = _learned(facts, BusinessCalendar(settings.country, settings.subdivision), settings)
    changed: list[str] = []
    if learned is not None and contact.responsiveness in ("unknown", "curmudgeon"):
        contact.responsiveness = learned
        changed.append("responsiveness")
    if contact.closed_reason == "dormant":
        contact.closed_reason = ""
        changed.append("closed_reason")
    if changed:
        contact.save(update_fields=[*changed, "updated_at"])
    return contact


def set_action_state(
    user: Any, plan: Plan, key: str, verb: str, until: date | None = None
) -> ActionState:
    """Done, dismissed or snoozed until a date; the key must name one of the user's actions."""
    state = ACTION_VERBS[verb]
    known = ActionState.objects.owned_by(user).filter(key=key).exists()
    if not known and plan.find(key) is None:
        raise Http404("No action with that key.")
    saved, _ = ActionState.objects.update_or_create(
        owner=user,
        key=key,
        defaults={"state": state, "until": until if state == "snoozed" else None},
    )
    return saved


@transaction.atomic
def set_group_state(user: Any, keys: list[str], verb: str, until: date | None = None) -> int:
    """Settle many steps at once ("Mark all done", "Snooze all a week"): one write for all.

    The caller passes keys taken from the user's own plan, so no key is someone else's.
    """
    state = ACTION_VERBS[verb]
    rows = [
        ActionState(owner=user, key=key, state=state, until=until if state == "snoozed" else None)
        for key in dict.fromkeys(keys)
    ]
    for start in range(0, len(rows), _CHUNK):
        ActionState.objects.bulk_create(
            rows[start : start + _CHUNK],
            update_conflicts=True,
            unique_fields=["owner", "key"],
            update_fields=["state", "until", "updated_at"],
        )
    return len(rows)


def clear_group_state(user: Any, kind: str, since: datetime) -> int:
    """Undo "Mark all done" / "Snooze all": the user's states of that kind written since then."""
    deleted, _ = (
        ActionState.objects.owned_by(user)
        .filter(key__startswith=f"{kind}:", updated_at__gte=since)
        .delete()
    )
    return deleted


def clear_action_state(user: Any, key: str) -> None:
    """Undo a done, dismissal or snooze: the action comes back as the rules compute it."""
    deleted, _ = ActionState.objects.owned_by(user).filter(key=key).delete()
    if not deleted:
        raise Http404("Nothing to undo for that action.")


def calendar_secret(profile: Profile, *, regenerate: bool = False) -> str:
    """The feed's secret, created on first use. A new one makes the old feed URL answer 404."""
    if regenerate or not profile.calendar_secret:
        profile.calendar_secret = secrets.token_urlsafe(32)
        profile.save(update_fields=["calendar_secret"])
    return profile.calendar_secret
