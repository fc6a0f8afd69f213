"""One sync: the Sent folders, then the inbox, from where the last run stopped.

Bounded: headers in batches of HEADER_BATCH, bodies only for mail to or from a contact, and a
time budget checked between batches (the next run goes on from there). Resumable: each batch's
findings and the folder's new position are committed together, so a crash loses at most the
batch in flight and repeats nothing. One at a time per person: see `_take_lease`.
"""

from __future__ import annotations

import imaplib
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from coffeechat.common.sealed import SealBroken, unseal
from coffeechat.domain.mailbox.headers import body_text, is_auto_reply, parse_headers
from coffeechat.domain.mailbox.matching import Known, Role, classify, wants_body
from coffeechat.outreach.mailbox import imap, records
from coffeechat.outreach.models import MailboxAccount, MailboxFolder

PASSWORD_PURPOSE = "coffeechat mailbox password"
DEFAULT_BUDGET_SECONDS = 120.0
# A run that died keeps the lock this much past its budget; then the next run may go.
LEASE_MARGIN = timedelta(seconds=2 * imap.IMAP_TIMEOUT + 60)


class NotConnected(Exception):
    """No mailbox connected, or its password can no longer be read."""


class AlreadySyncing(Exception):
    """Another run holds this mailbox's lease."""


@dataclass(slots=True)
class SyncReport:
    folders: int = 0
    scanned: int = 0
    bodies_fetched: int = 0
    sent_found: int = 0
    replies_found: int = 0
    auto_replies_skipped: int = 0
    complete: bool = True
    found_ids: list[int] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("found_ids")
        return data

    def summary(self) -> str:
        if not (self.sent_found or self.replies_found):
            found = "nothing new"
        else:
            sent = _count(self.sent_found, "sent message")
            found = f"{sent} and {_count(self.replies_found, 'reply', 'replies')} found"
        more = "" if self.complete else " There's more to read; the next check goes on from here."
        return f"Checked {_count(self.scanned, 'new mail')}: {found}.{more}"


def _count(n: int, one: str, many: str = "") -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def account_of(user: Any) -> MailboxAccount:
    account = MailboxAccount.objects.owned_by(user).first()
    if account is None:
        raise NotConnected("No mailbox is connected yet. Connect one in Outreach settings.")
    return account


def connected_users() -> list[Any]:
    """Server mode: every active person with a mailbox connected."""
    from django.contrib.auth import get_user_model

    # An operator's run across all accounts (`mail sync --all`): the one place that reads them all.
    owners = MailboxAccount.objects.values("owner_id")
    return list(get_user_model().objects.filter(is_active=True, pk__in=owners).order_by("pk"))


def config_of(account: MailboxAccount) -> imap.MailboxConfig:
    try:
        password = unseal(account.password_sealed, PASSWORD_PURPOSE)
    except SealBroken as exc:
        raise NotConnected(
            "The saved mailbox password can't be read any more (this coffeechat's secret key "
            "changed). Enter the app password again in Outreach settings."
        ) from exc
    return imap.MailboxConfig(
        account.host, account.port, account.security, account.username, password
    )


def _take_lease(user: Any, account: MailboxAccount, seconds: float) -> bool:
    """One conditional UPDATE: only a run that finds the lease free or run out gets it. The
    same on SQLite (writes are serialised) and PostgreSQL (the row is locked for the update)."""
    now = timezone.now()
    free = (
        MailboxAccount.objects.owned_by(user)
        .filter(pk=account.pk)
        .filter(Q(sync_lease_until__isnull=True) | Q(sync_lease_until__lt=now))
    )
    return free.update(sync_lease_until=now + timedelta(seconds=seconds) + LEASE_MARGIN) == 1


def sync(
    user: Any,
    budget_seconds: float = DEFAULT_BUDGET_SECONDS,
    clock: Callable[[], float] = time.monotonic,
) -> SyncReport:
    """Read new mail once; raises NotConnected, AlreadySyncing or imap.MailboxError."""
    account = account_of(user)
    config = config_of(account)
    if not _take_lease(user, account, budget_seconds):
        raise AlreadySyncing("Your mailbox is already being checked; try again in a minute.")
    report = SyncReport()
    deadline = clock() + budget_seconds
    note = ""
    try:
        with imap.open_session(config) as session:
            folders = sorted(
                (f for f in session.folders() if f.role), key=lambda f: f.role != "sent"
            )
            for folder in folders:
                report.folders += 1
                _sync_folder(user, account, session, folder, report, deadline, clock)
                if not report.complete:
                    break
        note = report.summary()
        return report
    except imap.MailboxError as exc:
        note = str(exc)
        raise
    except (OSError, imaplib.IMAP4.error) as exc:  # the connection broke mid-sync
        error = imap.translate(exc)
        note = str(error)
        raise error from exc
    finally:
        MailboxAccount.objects.owned_by(user).filter(pk=account.pk).update(
            sync_lease_until=None, last_sync_at=timezone.now(), last_sync_note=note[:300]
        )


def _sync_folder(
    user: Any,
    account: MailboxAccount,
    session: imap.Session,
    folder: imap.Folder,
    report: SyncReport,
    deadline: float,
    clock: Callable[[], float],
) -> None:
    uidvalidity = session.examine(folder.name)
    position, _ = MailboxFolder.objects.owned_by(user).get_or_create(
        owner=user, account=account, name=folder.name, defaults={"uidvalidity": uidvalidity}
    )
    if position.uidvalidity != uidvalidity:
        # The server renumbered the folder: read it again; findings are keyed by Message-ID,
        # so nothing already recorded is recorded twice.
        position.uidvalidity = uidvalidity
        position.last_uid = 0
        position.save(update_fields=["uidvalidity", "last_uid", "updated_at"])
    uids = session.uids_after(position.last_uid)
    role: Role = "sent" if folder.role == "sent" else "inbox"
    for start in range(0, len(uids), imap.HEADER_BATCH):
        if clock() > deadline:
            report.complete = False
            return
        batch = uids[start : start + imap.HEADER_BATCH]
        _sync_batch(user, session, batch, role, report)
        with transaction.atomic():
            MailboxFolder.objects.owned_by(user).filter(pk=position.pk).update(last_uid=batch[-1])


def _sync_batch(
    user: Any, session: imap.Session, batch: list[int], role: Role, report: SyncReport
) -> None:
    known = records.known_for(user)
    parsed = {uid: parse_headers(raw) for uid, raw in session.headers(batch)}
    report.scanned += len(batch)
    report.auto_replies_skipped += sum(
        1 for h in parsed.values() if is_auto_reply(h) and known.contact_of(h, role) is not None
    )
    wanted = [uid for uid, h in parsed.items() if wants_body(h, role, known)]
    bodies = dict(session.bodies(wanted))
    report.bodies_fetched += len(bodies)
    # Findings first, then (in _sync_folder) the position: a crash between them repeats the
    # batch, and the finding keys keep the repeat from recording anything twice.
    with transaction.atomic():
        for uid in wanted:
            _record_one(user, parsed[uid], bodies.get(uid, b""), role, known, report)


def _record_one(
    user: Any, headers: Any, raw_body: bytes, role: Role, known: Known, report: SyncReport
) -> None:
    finding = classify(headers, body_text(raw_body) if raw_body else "", role, known)
    if finding is None:
        return
    saved = records.record(user, finding)
    report.found_ids.append(saved.pk)
    if finding.kind == "sent":
        report.sent_found += 1
    else:
        report.replies_found += 1
    # Later mail in the same batch sees this one (a reply right after the request it answers).
    known.messages = records.messages_for(user)
    known.done_keys.add(finding.key)
