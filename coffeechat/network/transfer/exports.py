"""Everything out: the record career offices ask you to keep, as .xlsx, .csv, .vcf or .json.

Each sheet is built with a fixed number of queries, whatever the number of rows.
"""

from __future__ import annotations

import hashlib
import io
import math
import tempfile
import uuid
import zoneinfo
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any, BinaryIO

from django.conf import settings
from django.db import connections
from django.db.models import Count, QuerySet
from django.utils import timezone

from coffeechat.accounts.services import profile_of
from coffeechat.domain import limits, vocab
from coffeechat.domain.exporters import (
    Table,
    VCardData,
    write_csv,
    write_vcards,
    write_xlsx,
)
from coffeechat.followups.models import ActionState
from coffeechat.interviews.models import Meeting
from coffeechat.network import queries
from coffeechat.network.models import KEEP_IN_TOUCH_CHOICES, Contact, Organization
from coffeechat.network.transfer.backup import write_backup
from coffeechat.outreach.models import Message

KINDS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "vcf": "text/vcard; charset=utf-8",
    "json": "application/json",
}
CONTACT_HEADERS = (
    *("First name", "Last name", "Organization", "Title", "Field", "E-mail", "Phone"),
    *("LinkedIn", "Location", "How found", "Referred by", "Stage", "Tags", "Notes"),
    *("Keep in touch", "Connected on", "Added", "Last changed"),
)


# Seconds to prepare each file per 1,000 contacts: what the exports took at 30,000 contacts
# (csv 0.7 s, xlsx 3.3 s and vcf 5.3 s since both write their own files, json 2 s;
# docs/benchmarks.md), about doubled for a server doing other work: better early than later
# than promised.
PREPARE_SECONDS_PER_1000 = {"csv": 0.05, "xlsx": 0.2, "vcf": 0.35, "json": 0.15}
# Below this a file is ready about as fast as any page: the page gives no estimate.
NOTICEABLE_SECONDS = 2


def preparing_time(kind: str, contacts: int) -> str:
    """How long the file of `kind` takes to prepare for `contacts` people, in words ("" when
    it is quick)."""
    seconds = math.ceil(PREPARE_SECONDS_PER_1000[kind] * contacts / 1000)
    if seconds < NOTICEABLE_SECONDS:
        return ""
    # No-break spaces: "s" never starts a line of its own on a phone.
    if seconds < 90:
        return f"about {seconds}\u00a0s"
    return f"about {round(seconds / 60)}\u00a0min"


def export_file(owner: Any, kind: str) -> tuple[bytes, str, str]:
    """(content, content type, file name) for kind xlsx, csv, vcf or json, in memory."""
    buffer = io.BytesIO()
    content_type, name = write_export(owner, kind, buffer)
    return buffer.getvalue(), content_type, name


def spooled_export(owner: Any, kind: str) -> tuple[BinaryIO, str, str]:
    """(temporary file, content type, file name): the export written to a file and rewound,
    for a response to stream; whoever sends it closes it (FileResponse does)."""
    spool = tempfile.TemporaryFile()  # noqa: SIM115 (closed by whoever sends it)
    content_type, name = write_export(owner, kind, spool)
    spool.seek(0)
    return spool, content_type, name


def write_export(owner: Any, kind: str, into: BinaryIO) -> tuple[str, str]:
    """Write the export of `kind` into a file; returns (content type, file name).

    Large exports go to a file rather than memory, so a 100,000-contact workbook doesn't keep
    a worker's memory raised after the download.
    """
    stamp = timezone.localdate().isoformat()
    if kind == "xlsx":
        write_xlsx(workbook(owner), into)
    elif kind == "csv":
        write_csv(contacts_table(owner, _zone(owner)), into)
    elif kind == "vcf":
        write_vcards(vcards(owner), into)
    elif kind == "json":
        text = io.TextIOWrapper(into, encoding="utf-8")
        write_backup(owner, text)
        text.detach()  # flushes, and leaves `into` open for the caller
    else:
        raise ValueError(f"Unknown export {kind!r}; use one of {', '.join(KINDS)}.")
    name = "coffeechat-backup" if kind == "json" else "coffeechat"
    return KINDS[kind], f"{name}-{stamp}.{kind}"


def _zone(owner: Any) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(profile_of(owner).time_zone or "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def _local(value: datetime | None, zone: zoneinfo.ZoneInfo) -> datetime | None:
    """Spreadsheets have no time zones: show the user's wall-clock time."""
    return value.astimezone(zone).replace(tzinfo=None) if value else None


def workbook(owner: Any) -> list[Table]:
    zone = _zone(owner)
    return [
        contacts_table(owner, zone),
        _organizations(owner),
        _messages(owner, zone),
        _meetings(owner, zone),
        _actions(owner, zone),
    ]


def contacts_table(owner: Any, zone: zoneinfo.ZoneInfo) -> Table:
    """Plain values straight from one query: 30,000 contacts must not become 60,000 objects."""
    contacts = (
        queries.with_stage(Contact.objects.owned_by(owner))
        .order_by("last_name", "first_name", "pk")
        .values_list(
            *("first_name", "last_name", "organization__name", "title", "field", "email"),
            *("phone", "linkedin_url", "location", "how_found", "referred_by__first_name"),
            *("referred_by__last_name", "stage", "tags_text", "notes", "keep_in_touch_days"),
            *("connected_on", "created_at", "updated_at"),
        )
    )
    how_found, stages = dict(vocab.HOW_FOUND), dict(vocab.STAGES)
    rows = (  # read as the file is written: 100,000 contacts are never all in memory
        (
            *row[:2],
            row[2] or "",  # organization
            *row[3:9],
            how_found.get(row[9], row[9]),
            f"{row[10] or ''} {row[11] or ''}".strip(),  # who referred them
            stages.get(row[12], row[12]),
            ", ".join(tag for tag in row[13].split(",") if tag),
            row[14],  # notes
            _rhythm(row[15]),
            limits.clamp_date(row[16]) if row[16] else None,  # connected on
            _wall_clock(row[17], zone),
            _wall_clock(row[18], zone),
        )
        for row in driver_rows(contacts)
    )
    return Table("Contacts", CONTACT_HEADERS, rows)


def driver_rows(values: QuerySet[Any]) -> Iterator[tuple[Any, ...]]:
    """The rows of a `values_list` query as the database driver gives them, in chunks.

    Django passes every value through its field's converters, a third of the CSV export's time
    at 30,000 contacts; callers convert the few columns that need it (`_wall_clock`).
    """
    sql, params = values.query.sql_with_params()
    with connections[values.db].cursor() as cursor:
        cursor.execute(sql, params)
        while chunk := cursor.fetchmany(_CHUNK):
            yield from chunk


_CHUNK = 2000


def _wall_clock(stored: datetime | None, zone: zoneinfo.ZoneInfo) -> datetime | None:
    """A time as the driver reads it (naive UTC on SQLite, aware on PostgreSQL) on the user's
    clock, kept within the dates every page can show, as `BoundedDateTimeField` does."""
    if stored is None:
        return None
    if stored.tzinfo is None:
        stored = stored.replace(tzinfo=UTC)
    return _local(limits.clamp_moment(stored), zone)


_RHYTHMS = dict(KEEP_IN_TOUCH_CHOICES)


def _rhythm(days: int | None) -> str:
    """The contact's keep-in-touch rhythm in words; empty when it follows the usual one."""
    if days is None:
        return ""
    return str(_RHYTHMS.get(days, days))


def _organizations(owner: Any) -> Table:
    headers = (
        *("Name", "Industry or field", "Website", "Location", "I know someone there"),
        *("Motivation (1-3)", "Hiring in my field", "Contacts", "Research notes"),
    )
    rows = tuple(
        (
            org.name,
            org.industry,
            org.website,
            org.location,
            org.advocacy,
            org.motivation,
            org.posting,
            org.people,
            org.research_notes,
        )
        for org in Organization.objects.owned_by(owner)
        .annotate(people=Count("contacts"))
        .order_by("name_key")
    )
    return Table("Organizations", headers, rows)


def _messages(owner: Any, zone: zoneinfo.ZoneInfo) -> Table:
    headers = (
        *("To", "Organization", "Kind", "Channel", "Status", "Subject", "Sent", "Replied"),
        *("Their answer", "Their reply", "Message"),
    )
    messages = (
        Message.objects.owned_by(owner)
        .select_related("contact__organization")
        .order_by("sent_at", "created_at", "pk")
    )
    rows = tuple(
        (
            m.contact.full_name,
            m.contact.organization.name if m.contact.organization else "",
            m.get_kind_display(),
            m.get_channel_display(),
            m.get_status_display(),
            m.subject,
            _local(m.sent_at, zone),
            _local(m.replied_at, zone),
            m.get_reply_outcome_display() if m.reply_outcome else "",
            m.reply_text,
            m.body,
        )
        for m in messages
    )
    return Table("Messages", headers, rows)


def _meetings(owner: Any, zone: zoneinfo.ZoneInfo) -> Table:
    headers = (
        *("With", "Organization", "How found", "When", "Minutes", "Mode", "Status"),
        *("Place or link", "What was discussed", "Advice", "Next step"),
        *("Referrals they gave", "Thank-you sent"),
    )
    named: defaultdict[int, list[str]] = defaultdict(list)
    referred = Contact.objects.owned_by(owner).filter(referred_in__isnull=False)
    for contact in referred.order_by("last_name", "first_name"):
        named[contact.referred_in_id or 0].append(contact.full_name)
    meetings = (
        Meeting.objects.owned_by(owner)
        .select_related("contact__organization", "thank_you")
        .order_by("starts_at", "pk")
    )
    rows = tuple(
        (
            m.contact.full_name,
            m.contact.organization.name if m.contact.organization else "",
            m.contact.get_how_found_display(),
            _local(m.starts_at, zone),
            m.minutes,
            m.get_mode_display(),
            m.get_status_display(),
            m.location,
            m.notes,
            m.advice,
            m.next_step,
            ", ".join(named.get(m.pk, [])),
            _local(m.thank_you.sent_at, zone) if m.thank_you else None,
        )
        for m in meetings
    )
    return Table("Meetings", headers, rows)


def _actions(owner: Any, zone: zoneinfo.ZoneInfo) -> Table:
    states = ActionState.objects.owned_by(owner).order_by("key")
    rows = tuple(
        (s.key, s.get_state_display(), s.until, _local(s.updated_at, zone)) for s in states
    )
    return Table("Actions", ("Action", "State", "Until", "Last changed"), rows)


def vcards(owner: Any) -> Iterator[VCardData]:
    contacts = (
        Contact.objects.owned_by(owner)
        .select_related("organization")
        .order_by("last_name", "first_name", "pk")
    )
    namespace = uid_namespace()
    return (
        VCardData(
            first_name=c.first_name,
            last_name=c.last_name,
            emails=(c.email,) if c.email else (),
            phones=(c.phone,) if c.phone else (),
            organization=c.organization.name if c.organization else "",
            title=c.title,
            linkedin_url=c.linkedin_url,
            notes=c.notes,
            tags=tuple(c.tags),
            honorific=c.honorific,
            postal_address=c.postal_address,
            location=c.location,
            uid=card_uid(c, namespace),
            revised=c.updated_at,
        )
        for c in contacts.iterator(chunk_size=2000)
    )


def uid_namespace() -> uuid.UUID:
    """This installation's namespace for contact UIDs, derived from its secret."""
    secret = hashlib.sha256(f"coffeechat-vcard-uid:{settings.SECRET_KEY}".encode()).digest()
    return uuid.UUID(bytes=secret[:16])


def card_uid(contact: Contact, namespace: uuid.UUID) -> str:
    """The same UID for the same contact in every export, and no two contacts share one.

    Derived from the instance's secret, the owner and the contact, so it reveals neither
    database ids nor anything about other instances.
    """
    return f"urn:uuid:{uuid.uuid5(namespace, f'{contact.owner_id}/{contact.pk}')}"
