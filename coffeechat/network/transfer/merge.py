"""Merging two records of one person, or organizations that are one place under two names."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.db.models import Count, Q

from coffeechat.domain.importers import org_base
from coffeechat.network.models import Contact, DuplicateFlag, Organization

# (field, label) a person can pick between when merging two contacts.
CONTACT_FIELDS = (
    ("honorific", "Honorific"),
    ("first_name", "First name"),
    ("last_name", "Last name"),
    ("email", "E-mail"),
    ("phone", "Phone"),
    ("linkedin_url", "LinkedIn"),
    ("organization", "Organization"),
    ("title", "Title"),
    ("field", "Field"),
    ("location", "Location"),
    ("postal_address", "Postal address"),
    ("time_zone", "Time zone"),
    ("how_found", "How found"),
    ("referred_by", "Referred by"),
    ("referrer_consent", "May mention who suggested them"),
    ("tags_text", "Tags"),
    ("notes", "Notes"),
    ("connected_on", "Connected on"),
)


@dataclass(frozen=True)
class FieldChoice:
    name: str
    label: str
    keep_value: str
    other_value: str
    take_other: bool  # the suggestion: the other's value when the kept one is empty


def _shown(contact: Contact, name: str) -> str:
    if name == "how_found":
        return contact.get_how_found_display()
    if name == "tags_text":
        return ", ".join(contact.tags)
    value = getattr(contact, name)
    return "" if value is None else str(value)


def field_choices(keep: Contact, other: Contact) -> list[FieldChoice]:
    """The fields on which the two differ, with a suggestion that loses nothing."""
    choices = []
    for name, label in CONTACT_FIELDS:
        keep_value, other_value = _shown(keep, name), _shown(other, name)
        if keep_value != other_value:
            empty = not keep_value or (name == "how_found" and keep.how_found == "other")
            choices.append(FieldChoice(name, label, keep_value, other_value, take_other=empty))
    return choices


@transaction.atomic
def merge_contacts(owner: Any, keep: Contact, other: Contact, take_from_other: set[str]) -> Contact:
    """Keep one contact with the chosen values; everything linked to the other moves to it."""
    if keep.pk == other.pk or keep.owner_id != owner.pk or other.owner_id != owner.pk:
        raise ValueError("Pick two different contacts of your own.")
    for name, _ in CONTACT_FIELDS:
        if name in take_from_other:
            setattr(keep, name, getattr(other, name))
    if keep.referred_by_id in (keep.pk, other.pk):
        keep.referred_by = None  # the merged person can't have referred themselves
    _move_links(owner, Contact, other, keep, skip={DuplicateFlag})
    other.delete()
    keep.save()
    return keep


def dismiss_flag(flag: DuplicateFlag) -> None:
    """ "Keep both": two people who share a name and an organization."""
    flag.delete()


def possible_duplicates(owner: Any) -> models.QuerySet[DuplicateFlag]:
    return (
        DuplicateFlag.objects.owned_by(owner)
        .select_related("contact__organization", "other__organization")
        .order_by("contact__last_name", "contact__first_name", "pk")
    )


def organization_merge_offers(owner: Any) -> list[list[Organization]]:
    """Organizations whose names differ only by a legal form ("Acme Inc." and "Acme")."""
    groups: defaultdict[str, list[Organization]] = defaultdict(list)
    orgs = Organization.objects.owned_by(owner).annotate(people=Count("contacts"))
    for org in orgs.order_by("name_key", "pk"):
        base = org_base(org.name)
        if base:
            groups[base].append(org)
    return [group for _, group in sorted(groups.items()) if len(group) > 1]


@transaction.atomic
def merge_organizations(owner: Any, keep: Organization, others: list[Organization]) -> int:
    """Fold `others` into `keep`: their people and notes move; empty details are filled."""
    others = [org for org in others if org.pk != keep.pk and org.owner_id == owner.pk]
    for org in others:
        for name in ("industry", "website", "location"):
            if not getattr(keep, name):
                setattr(keep, name, getattr(org, name))
        if org.research_notes and org.research_notes not in keep.research_notes:
            keep.research_notes = "\n\n".join(
                filter(None, [keep.research_notes, org.research_notes])
            )
        keep.advocacy = keep.advocacy or org.advocacy
        keep.posting = keep.posting or org.posting
        keep.motivation = max(filter(None, [keep.motivation, org.motivation]), default=None)
        _move_links(owner, Organization, org, keep, skip=set())
        org.delete()
    keep.save()
    return len(others)


def _move_links(
    owner: Any, model: type[models.Model], old: Any, new: Any, skip: set[type[models.Model]]
) -> None:
    """Point every row that refers to `old` at `new`, for every model that has such a link.

    Going through the model's relations means rooms added later (and their links) move too.
    """
    for relation in model._meta.related_objects:
        related: Any = relation.related_model
        if related in skip:
            continue
        name = relation.field.name
        if relation.many_to_many:
            for row in related._default_manager.filter(**{name: old}):
                getattr(row, name).add(new)
                getattr(row, name).remove(old)
            continue
        rows = related._default_manager.filter(**{name: old})
        if any(f.name == "owner" for f in related._meta.concrete_fields):
            rows = rows.filter(owner=owner)
        if related is model:
            rows = rows.exclude(pk=new.pk)
        rows.update(**{name: new})


def flags_for(owner: Any, contact: Contact) -> models.QuerySet[DuplicateFlag]:
    return DuplicateFlag.objects.owned_by(owner).filter(Q(contact=contact) | Q(other=contact))
