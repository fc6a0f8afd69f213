"""Connecting a mailbox: saving it (the password sealed), testing it, removing it."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from coffeechat.common.sealed import seal
from coffeechat.outreach.mailbox import imap
from coffeechat.outreach.mailbox.sync import PASSWORD_PURPOSE
from coffeechat.outreach.models import MailboxAccount


@transaction.atomic
def save_account(
    user: Any, host: str, port: int, security: str, username: str, password: str
) -> MailboxAccount:
    """An empty password keeps the saved one. Another server or user name starts the reading
    over (folder positions belong to one mailbox); findings stay, so nothing repeats."""
    account = MailboxAccount.objects.owned_by(user).select_for_update().first()
    if account is None:
        account = MailboxAccount(owner=user)
    elif (account.host, account.username) != (host, username):
        account.folders.all().delete()
    account.host, account.port, account.security, account.username = (
        host,
        port,
        security,
        username,
    )
    if password:
        account.password_sealed = seal(password, PASSWORD_PURPOSE)
    account.save()
    return account


def remove_account(user: Any) -> bool:
    """Forget the mailbox and its password; what it found stays on the timeline."""
    return MailboxAccount.objects.owned_by(user).delete()[0] > 0


def check_connection(config: imap.MailboxConfig) -> str:
    """Log in and list the folders; a sentence saying what we'll read, or MailboxError."""
    with imap.open_session(config) as session:
        folders = session.folders()
    sent = [f.name for f in folders if f.role == "sent"]
    where = f"your inbox and {', '.join(sent)}" if sent else "your inbox"
    tail = (
        ""
        if sent
        else " We found no folder marked as Sent, so messages you send from your mail program "
        "won't be noticed; replies will."
    )
    return f"Connected. {len(folders)} folders; we'll read {where}.{tail}"
