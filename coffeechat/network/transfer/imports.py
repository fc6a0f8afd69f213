"""Importing a file: all or nothing per file, recorded as an ImportBatch that can be undone."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import CASCADE, Count, QuerySet
from django.utils import timezone

from coffeechat.accounts.services import profile_of
from coffeechat.common import planner_stats
from coffeechat.domain.field_choices import FieldChoices
from coffeechat.domain.importers import (
    ImportResult,
    Reject,
    UnreadableFileError,
    Workbook,
    read_contacts,
)
from coffeechat.network.models import (
    Contact,
    DuplicateFlag,
    ImportBatch,
    ImportedChange,
    Organization,
)
from coffeechat.network.transfer.inserts import insert_rows
from coffeechat.network.transfer.plan import Plan, Progress, plan_import

BATCH_SIZE = 500
FILE_NAME_MAX = 200
_UNSAFE_IN_NAME = re.compile(r"[\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
# Contact fields written back when an import fills empty ones (organization as its id).
_UPDATE_FIELDS = (
    "honorific",
    "first_name",
    "last_name",
    "email",
    "phone",
    "linkedin_url",
    "organization",
    "title",
    "location",
    "postal_address",
    "how_found",
    "connected_on",
    "tags_text",
    "notes",
    "updated_at",
)


@dataclass(frozen=True)
class ImportSummary:
    """What an import did (or, for a dry run, would do)."""

    format: str
    created: int
    updated: int
    unchanged: int
    possible_duplicates: int
    rejected: tuple[Reject, ...]
    warnings: tuple[Reject, ...]
    columns: dict[str, str] = field(default_factory=dict)
    batch: ImportBatch | None = None
    ignored: tuple[str, ...] = ()

    @classmethod
    def of(cls, plan: Plan, batch: ImportBatch | None = None) -> ImportSummary:
        return cls(
            format=plan.format,
            created=plan.created,
            updated=plan.updated_rows,
            unchanged=plan.unchanged,
            possible_duplicates=plan.possible_duplicates,
            rejected=tuple(plan.rejects),
            warnings=tuple(plan.warnings),
            columns=plan.columns,
            batch=batch,
            ignored=plan.ignored,
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "possible_duplicates": self.possible_duplicates,
            "rejected": [{"line": r.line, "reason": r.reason} for r in self.rejected],
            "warnings": [{"line": w.line, "reason": w.reason} for w in self.warnings],
            # Columns (or vCard properties) that went into no field, so nothing vanishes unseen.
            "ignored_columns": list(self.ignored),
            "batch": self.batch.pk if self.batch else None,
        }


class UndoRefused(Exception):
    """Undoing would lose something the user did since: `changed` names who."""

    def __init__(self, message: str, changed: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.changed = list(changed)


def safe_file_name(name: str) -> str:
    """The file's own name (no folders), one line, bounded: it comes from the user's machine."""
    base = re.split(r"[/\\]", name)[-1]
    base = " ".join(_UNSAFE_IN_NAME.sub(" ", base).split())
    return base[:FILE_NAME_MAX] or "upload"


def read_file(
    data: bytes,
    *,
    filename: str = "",
    fmt: str = "auto",
    column_map: dict[str, str] | None = None,
    workbook: Workbook | None = None,
) -> ImportResult:
    """The domain reader; a column map naming an unknown field is the user's to fix, too."""
    try:
        return read_contacts(
            data, filename=filename, fmt=fmt, column_map=column_map, workbook=workbook
        )
    except UnreadableFileError:
        raise
    except ValueError as exc:
        raise UnreadableFileError(str(exc)) from exc


def _plan(
    owner: Any,
    result: ImportResult,
    progress: Progress | None = None,
    fields: FieldChoices | None = None,
) -> Plan:
    profile = profile_of(owner)
    interests = [str(f) for f in profile.fields_of_interest or ()]
    return plan_import(owner, result, profile.country, progress, interests=interests, fields=fields)


def preview(owner: Any, result: ImportResult, fields: FieldChoices | None = None) -> Plan:
    """What importing `result` would do; reads only."""
    return _plan(owner, result, fields=fields)


def run_import(
    owner: Any,
    data: bytes,
    *,
    filename: str = "",
    fmt: str = "auto",
    column_map: dict[str, str] | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
    workbook: Workbook | None = None,
    fields: FieldChoices | None = None,
) -> ImportSummary:
    """Import a whole file, or nothing: raises UnreadableFileError when it can't be read.

    Each new person's field is guessed from their title and organization, the student's own
    fields first, unless `fields` (the choices made in the preview) says otherwise."""
    result = read_file(data, filename=filename, fmt=fmt, column_map=column_map, workbook=workbook)
    plan = _plan(owner, result, progress, fields)
    if dry_run:
        return ImportSummary.of(plan)
    return ImportSummary.of(plan, apply(owner, plan, safe_file_name(filename), progress))


@transaction.atomic
def apply(owner: Any, plan: Plan, file_name: str, progress: Progress | None = None) -> ImportBatch:
    """Write a plan in one transaction: an error half-way leaves the database as it was."""
    batch = ImportBatch.objects.create(
        owner=owner,
        file_name=safe_file_name(file_name),
        format=plan.format,
        created_count=plan.created,
        updated_count=plan.updated_rows,
        unchanged_count=plan.unchanged,
        possible_duplicate_count=plan.possible_duplicates,
        rejected_count=len(plan.rejects),
        rejects=[{"line": r.line, "reason": r.reason} for r in plan.rejects],
        warnings=[{"line": w.line, "reason": w.reason} for w in plan.warnings],
    )
    org_rows = [{"name": org.name, "name_key": org.name_key} for org in plan.new_orgs]
    org_ids = insert_rows(Organization, owner, batch, org_rows)
    for org, pk in zip(plan.new_orgs, org_ids, strict=True):
        org.pk = pk  # existing contacts that gain this organization are saved with its id
    total = len(plan.new_contacts)
    saved = None if progress is None else lambda done: progress("saving", done, total)
    rows = [contact.row() for contact in plan.new_contacts]
    contact_ids = insert_rows(Contact, owner, batch, rows, saved)
    for contact, pk in zip(plan.new_contacts, contact_ids, strict=True):
        contact.pk = pk
    now = timezone.now()
    updates = list(plan.updates.values())
    for update in updates:
        update.contact.updated_at = now
    for start in range(0, len(updates), BATCH_SIZE):
        chunk = [update.contact for update in updates[start : start + BATCH_SIZE]]
        Contact.objects.bulk_update(chunk, _UPDATE_FIELDS)
    changes = [
        ImportedChange(
            owner=owner,
            batch=batch,
            contact=update.contact,
            fields=sorted(update.fields),
            previous_updated_at=update.previous_updated_at,
        )
        for update in updates
    ]
    _in_batches(ImportedChange, changes)
    flags = [
        DuplicateFlag(owner=owner, contact_id=a.pk, other_id=b.pk, batch=batch)
        for a, b in plan.flags
    ]
    _in_batches(DuplicateFlag, flags)
    batch.finished_at = timezone.now()
    batch.save(update_fields=["finished_at"])
    if len(rows) + len(updates) >= planner_stats.BULK_ROWS:
        planner_stats.refresh([Contact._meta.db_table, Organization._meta.db_table])
    return batch


def _in_batches(model: Any, objects: list[Any]) -> None:
    for start in range(0, len(objects), BATCH_SIZE):
        model.objects.bulk_create(objects[start : start + BATCH_SIZE])


def history(owner: Any) -> QuerySet[ImportBatch]:
    return ImportBatch.objects.owned_by(owner).order_by("-created_at", "-pk")


def changed_since(owner: Any, batch: ImportBatch) -> list[Contact]:
    """Contacts of this import that were edited, or got messages or meetings, after it."""
    created = Contact.objects.owned_by(owner).filter(imported_in=batch)
    filled = Contact.objects.owned_by(owner).filter(
        pk__in=ImportedChange.objects.owned_by(owner).filter(batch=batch).values("contact")
    )
    touched = (created | filled).filter(updated_at__gt=batch.finished_at)
    with_history = created.filter(pk__in=_contacts_with_history(owner, batch))
    return list((touched | with_history).distinct().order_by("last_name", "first_name")[:20])


def _contacts_with_history(owner: Any, batch: ImportBatch) -> list[int]:
    """Ids of created contacts that other rows depend on (messages, meetings, whatever rooms add).

    Every model whose foreign key to Contact deletes in cascade counts, so a room added later is
    protected without a change here.
    """
    found: list[int] = []
    for relation in Contact._meta.related_objects:
        if relation.related_model in (DuplicateFlag, ImportedChange) or not relation.one_to_many:
            continue
        if getattr(relation, "on_delete", None) is not CASCADE:
            continue
        model: Any = relation.related_model
        name = relation.field.name
        rows = model._default_manager.filter(**{f"{name}__imported_in": batch, "owner": owner})
        found.extend(rows.values_list(name, flat=True)[:20])
    return found


@transaction.atomic
def undo(owner: Any, batch: ImportBatch) -> int:
    """Remove what the import added and empty what it filled in; returns contacts removed."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk, owner=owner)
    if batch.undone_at is not None:
        raise UndoRefused("This import was already undone.")
    changed = changed_since(owner, batch)
    if changed:
        names = [contact.full_name for contact in changed]
        raise UndoRefused(
            "Some people from this import have changed since, so undoing it now would lose your "
            "work. Undo is only possible while everything it brought in is as it arrived.",
            names,
        )
    _empty_filled_fields(owner, batch)
    created = Contact.objects.owned_by(owner).filter(imported_in=batch)
    removed = created.count()
    created.delete()
    Organization.objects.owned_by(owner).filter(
        imported_in=batch, updated_at__lte=batch.finished_at
    ).annotate(people=Count("contacts")).filter(people=0).delete()
    batch.undone_at = timezone.now()
    batch.save(update_fields=["undone_at"])
    return removed


def _empty_filled_fields(owner: Any, batch: ImportBatch) -> None:
    changes = ImportedChange.objects.owned_by(owner).filter(batch=batch).select_related("contact")
    contacts = []
    for change in changes:
        contact = change.contact
        for name in change.fields:
            setattr(contact, name, _EMPTY.get(name, ""))
        contact.updated_at = change.previous_updated_at
        contacts.append(contact)
    Contact.objects.bulk_update(contacts, _UPDATE_FIELDS, batch_size=BATCH_SIZE)
    changes.delete()


_EMPTY: dict[str, Any] = {"organization": None, "connected_on": None, "how_found": "other"}
