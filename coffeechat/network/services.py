"""Writes to the network shared by the web, the CLI and the API."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from coffeechat.network.models import Contact, Organization, name_key


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
