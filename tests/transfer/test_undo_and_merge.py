"""Undoing an import as a whole; merging contacts and organizations."""

from __future__ import annotations

import pytest
import time_machine
from django.utils import timezone

from coffeechat.interviews.models import Meeting
from coffeechat.network.models import Contact, DuplicateFlag, ImportBatch, Organization
from coffeechat.network.transfer import merge
from coffeechat.network.transfer.imports import UndoRefused, changed_since, run_import, undo
from coffeechat.outreach.models import Message
from tests.transfer.conftest import batch_of, csv_bytes


def test_undo_removes_what_the_import_added_and_empties_what_it_filled(alice, import_sample):
    mine = Contact.objects.create(owner=alice, first_name="Ł.", email="lukasz.w@example.pl")
    kept_org = Organization.objects.create(owner=alice, name="Solano Health")
    with time_machine.travel("2026-03-02 09:00Z"):
        summary = import_sample("linkedin_connections.csv")
    mine.refresh_from_db()
    assert mine.title == "Senior Engineer"
    with time_machine.travel("2026-03-02 10:00Z"):
        removed = undo(alice, batch_of(summary))
    assert removed == 5
    assert list(Contact.objects.owned_by(alice)) == [mine]
    mine.refresh_from_db()
    assert (mine.title, mine.organization, mine.last_name) == ("", None, "")
    assert mine.first_name == "Ł." and mine.email == "lukasz.w@example.pl"
    assert list(Organization.objects.owned_by(alice)) == [kept_org]
    batch = ImportBatch.objects.get(pk=batch_of(summary).pk)
    assert batch.undone_at is not None
    with pytest.raises(UndoRefused, match="already undone"):
        undo(alice, batch)


def test_undo_is_refused_once_a_contact_was_edited_and_names_who(alice, import_sample):
    with time_machine.travel("2026-03-02 09:00Z"):
        summary = import_sample("linkedin_connections.csv")
    with time_machine.travel("2026-03-03 09:00Z"):
        zoe = Contact.objects.owned_by(alice).get(first_name="Zoë")
        zoe.notes = "Met at the data meetup."
        zoe.save()
    with pytest.raises(UndoRefused) as refused:
        undo(alice, batch_of(summary))
    assert refused.value.changed == ["Zoë Ñúñez"]
    assert Contact.objects.owned_by(alice).count() == 6


def test_undo_is_refused_when_a_contact_has_history_since(alice, import_sample):
    with time_machine.travel("2026-03-02 09:00Z"):
        summary = import_sample("linkedin_connections.csv")
    priya = Contact.objects.owned_by(alice).get(first_name="Priya")
    Contact.objects.filter(pk=priya.pk).update(updated_at=batch_of(summary).finished_at)
    Meeting.objects.create(owner=alice, contact=priya, starts_at=timezone.now())
    assert [c.full_name for c in changed_since(alice, batch_of(summary))] == ["Priya Raman"]
    with pytest.raises(UndoRefused):
        undo(alice, batch_of(summary))


def test_undoing_a_later_import_leaves_the_earlier_one_undoable(alice):
    with time_machine.travel("2026-03-02 09:00Z"):
        first = run_import(alice, csv_bytes("Name,Email", "Ada Obi,ada@example.org"), filename="a")
    with time_machine.travel("2026-03-03 09:00Z"):
        second = run_import(
            alice, csv_bytes("Name,Email,Title", "Ada Obi,ada@example.org,Nurse"), filename="b"
        )
    assert second.updated == 1
    undo(alice, batch_of(second))
    assert Contact.objects.get().title == ""
    assert undo(alice, batch_of(first)) == 1
    assert not Contact.objects.exists()


def test_merging_contacts_moves_history_and_keeps_chosen_values(alice, acme, referrer):
    other = Contact.objects.create(
        owner=alice, first_name="Priya", last_name="Raman", title="Lead", phone="+1 617-555-0100"
    )
    Message.objects.create(owner=alice, contact=other, subject="Hello")
    Meeting.objects.create(owner=alice, contact=other, starts_at=timezone.now())
    referred = Contact.objects.create(owner=alice, first_name="Kim", referred_by=other)
    DuplicateFlag.objects.create(owner=alice, contact=other, other=referrer)
    choices = {c.name: c for c in merge.field_choices(referrer, other)}
    assert choices["phone"].take_other and not choices["title"].take_other
    merged = merge.merge_contacts(alice, referrer, other, {"title", "phone"})
    merged.refresh_from_db()
    assert (merged.title, merged.phone, merged.email) == (
        "Lead",
        "+1 617-555-0100",
        "priya@example.org",
    )
    assert merged.organization == acme
    assert not Contact.objects.filter(pk=other.pk).exists()
    assert merged.messages.count() == 1 and merged.meetings.count() == 1
    referred.refresh_from_db()
    assert referred.referred_by == merged
    assert not DuplicateFlag.objects.exists()


def test_organizations_differing_by_a_legal_form_are_offered_not_merged(alice, import_sample):
    blue = Organization.objects.create(owner=alice, name="Blue Heron Analytics")
    Contact.objects.create(owner=alice, first_name="Sam", organization=blue)
    import_sample("linkedin_connections.csv")
    offers = merge.organization_merge_offers(alice)
    assert [[o.name for o in group] for group in offers] == [
        ["Blue Heron Analytics", "Blue Heron Analytics, Inc."]
    ]
    inc = offers[0][1]
    assert merge.merge_organizations(alice, blue, [inc]) == 1
    assert blue.contacts.count() == 2
    assert merge.organization_merge_offers(alice) == []
