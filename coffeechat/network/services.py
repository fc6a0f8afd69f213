"""Writes to the network shared by the web, the CLI and the API."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Case, Q, QuerySet, Value, When
from django.db.models.functions import Concat, Length, Replace

from coffeechat.accounts.services import profile_of
from coffeechat.common.stamps import StampedCache
from coffeechat.domain.work_fields import infer_field
from coffeechat.network.models import Contact, Organization, clean_tag, name_key


def organization_named(owner: Any, name: str) -> Organization | None:
    """The owner's organization with this name (case and spacing ignored), created if new."""
    name = " ".join(name.split())
    if not name:
        return None
    org = Organization.objects.owned_by(owner).filter(name_key=name_key(name)).first()
    if org is None:
        org = Organization.objects.create(owner=owner, name=name)
    return org


@transaction.atomic
def delete_contact(contact: Contact) -> None:
    """Delete a contact; the people they referred keep existing with an empty `referred_by`."""
    contact.delete()  # on_delete=SET_NULL clears referred_by, never a dangling id


def referral_chain(contact: Contact, limit: int = 20) -> list[Contact]:
    """Who led to this person, nearest first (bounded, and safe against loops)."""
    chain: list[Contact] = []
    seen = {contact.pk}
    current = contact.referred_by
    while current is not None and current.pk not in seen and len(chain) < limit:
        chain.append(current)
        seen.add(current.pk)
        current = current.referred_by
    return chain


# ---- Changes to many contacts at once (the contact list's bulk actions) ----------------------

# A change to more contacts than this keeps no undo (it would mean holding every id): the
# confirm step says so before anything changes.
UNDO_LIMIT = 5000
_ID_CHUNK = 500
BULK_ACTIONS: dict[str, str] = {
    "field": "Set the field of work to…",
    "add-tag": "Add a tag…",
    "remove-tag": "Remove a tag…",
    "shortlist": "Add to my shortlist",
    "unshortlist": "Take off my shortlist",
    "do-not-contact": "Mark “do not contact”",
}
NEEDS_VALUE = frozenset({"field", "add-tag", "remove-tag"})
_TAGS_MAX = Contact._meta.get_field("tags_text").max_length or 500


@dataclass(frozen=True)
class BulkChange:
    """One action over a set of contacts: `pending` will change, `already` are as asked."""

    action: str
    value: str
    pending: QuerySet[Contact]
    already: int
    skipped: int = 0  # tags that would not fit

    def describe(self) -> str:
        if self.action == "field":
            return f"Set the field of work to “{self.value}”" if self.value else "Clear the field"
        if self.action == "add-tag":
            return f"Add the tag “{self.value}”"
        if self.action == "remove-tag":
            return f"Remove the tag “{self.value}”"
        return BULK_ACTIONS[self.action].removesuffix("…")

    def done(self, count: int) -> str:
        """What happened, in a sentence."""
        people = f"{count:,} contact{'s' if count != 1 else ''}"
        if self.action == "field":
            return f"The field of work of {people} is now “{self.value}”."
        if self.action == "add-tag":
            return f"Added the tag “{self.value}” to {people}."
        if self.action == "remove-tag":
            return f"Removed the tag “{self.value}” from {people}."
        if self.action == "shortlist":
            return f"Added {people} to your shortlist."
        if self.action == "unshortlist":
            return f"Took {people} off your shortlist."
        return f"Marked {people} “do not contact”: coffeechat won't suggest writing to them."


def plan_bulk(contacts: QuerySet[Contact], action: str, value: str) -> BulkChange:
    """What `action` would change among `contacts` (owner-scoped): counts only, no rows read."""
    if action == "field":
        value = " ".join(value.split())[:120]
        pending = contacts.exclude(field=value)
    elif action in ("add-tag", "remove-tag"):
        value = clean_tag(value)
        has = Q(tags_text__contains=f",{value},")
        pending = contacts.exclude(has) if action == "add-tag" else contacts.filter(has)
    elif action in ("shortlist", "unshortlist"):
        pending = contacts.filter(shortlisted=action == "unshortlist")
    elif action == "do-not-contact":
        pending = contacts.filter(do_not_contact=False)
    else:
        raise ValueError(f"unknown bulk action {action!r}")
    skipped = 0
    if action == "add-tag":
        fits = Q(tags_len__lte=_TAGS_MAX - len(value) - 2)
        sized = pending.annotate(tags_len=Length("tags_text"))
        skipped = sized.exclude(fits).count()
        pending = contacts.filter(pk__in=sized.filter(fits).values("pk"))
    total = contacts.count()
    return BulkChange(action, value, pending, total - pending.count() - skipped, skipped)


@transaction.atomic
def apply_bulk(change: BulkChange) -> tuple[int, dict[str, Any] | None]:
    """Make the change with one UPDATE over the scoped queryset (which marks the owner's data
    as changed); returns how many changed and, up to UNDO_LIMIT, how to undo it."""
    undo = _undo_of(change) if change.pending.count() <= UNDO_LIMIT else None
    count = change.pending.update(**_update_of(change.action, change.value))
    if undo is not None:
        undo["count"] = count
    return count, undo


def _update_of(action: str, value: str) -> dict[str, Any]:
    if action == "field":
        return {"field": value}
    if action == "add-tag":
        return {
            "tags_text": Case(
                When(tags_text="", then=Value(f",{value},")),
                default=Concat("tags_text", Value(f"{value},")),
            )
        }
    if action == "remove-tag":
        return {
            "tags_text": Case(
                When(tags_text=f",{value},", then=Value("")),
                default=Replace("tags_text", Value(f",{value},"), Value(",")),
            )
        }
    if action in ("shortlist", "unshortlist"):
        return {"shortlisted": action == "shortlist"}
    return {"do_not_contact": True}


_INVERSE = {
    "add-tag": "remove-tag",
    "remove-tag": "add-tag",
    "shortlist": "unshortlist",
    "unshortlist": "shortlist",
}


def _undo_of(change: BulkChange) -> dict[str, Any]:
    """The ids the change touches and what they held before: for the field of work, one
    [now, before, ids] step per earlier value."""
    undo: dict[str, Any] = {"label": change.describe(), "action": change.action}
    undo["value"] = change.value
    if change.action == "field":
        before: dict[str, list[int]] = {}
        for pk, field in change.pending.values_list("pk", "field"):
            before.setdefault(field, []).append(pk)
        undo["fields"] = [[change.value, old, ids] for old, ids in before.items()]
    else:
        undo["ids"] = list(change.pending.values_list("pk", flat=True))
    return undo


@transaction.atomic
def undo_bulk(owner: Any, undo: dict[str, Any]) -> int:
    """Put back what one bulk change did, wherever nothing has changed it since."""
    contacts = Contact.objects.owned_by(owner)
    action, value = str(undo.get("action", "")), str(undo.get("value", ""))
    restored = 0
    for step in undo.get("fields", ()):
        now, before, ids = step
        for chunk in _chunks(ids):
            restored += contacts.filter(pk__in=chunk, field=now).update(field=str(before))
    for chunk in _chunks(undo.get("ids", ())):
        scoped = contacts.filter(pk__in=chunk)
        if action == "do-not-contact":
            restored += scoped.filter(do_not_contact=True).update(do_not_contact=False)
        elif action in _INVERSE:
            inverse = plan_bulk(scoped, _INVERSE[action], value)
            restored += inverse.pending.update(**_update_of(inverse.action, inverse.value))
    return restored


def _chunks(ids: Any) -> list[list[int]]:
    clean = [pk for pk in ids if isinstance(pk, int)]
    return [clean[i : i + _ID_CHUNK] for i in range(0, len(clean), _ID_CHUNK)]


# The guesses, kept until the owner's data changes: the count shown first and the click that
# follows cost one reading (about 3 s for 30,000 contacts without a field).
_GUESSES: StampedCache[dict[str, list[int]]] = StampedCache("field-guesses", 16)


def guessed_fields(owner: Any) -> dict[str, list[int]]:
    """The contacts without a field of work for whom one can be guessed, by that guess (from
    title and organization, the student's own fields first)."""
    return _GUESSES.get(owner, "guesses", lambda: _guess_fields(owner))


def _guess_fields(owner: Any) -> dict[str, list[int]]:
    """Reads three columns per contact without a field; one guess per (title, organization)."""
    interests = tuple(str(f) for f in profile_of(owner).fields_of_interest or ())
    known: dict[tuple[str, str], str] = {}
    found: dict[str, list[int]] = {}
    rows = Contact.objects.owned_by(owner).filter(field="").exclude(title="", organization=None)
    for pk, title, org in rows.values_list("pk", "title", "organization__name").iterator(2000):
        key = (title, org or "")
        guess = known.get(key)
        if guess is None:
            guess = known[key] = infer_field(title, org or "", interests)
        if guess:
            found.setdefault(guess, []).append(pk)
    return found


@transaction.atomic
def fill_guessed_fields(owner: Any) -> tuple[int, dict[str, Any] | None]:
    """Give every contact without a field of work the field we can guess; one UPDATE per field
    (and per 500 contacts). Returns how many, and how to undo it (up to UNDO_LIMIT)."""
    contacts = Contact.objects.owned_by(owner)
    guessed = guessed_fields(owner)
    filled = 0
    for guess, ids in guessed.items():
        for chunk in _chunks(ids):
            filled += contacts.filter(pk__in=chunk, field="").update(field=guess)
    if filled > UNDO_LIMIT:
        return filled, None
    steps = [[guess, "", ids] for guess, ids in guessed.items()]
    undo = {"label": "Fill in the fields we could guess", "action": "fill", "value": ""}
    return filled, {**undo, "fields": steps, "count": filled}
