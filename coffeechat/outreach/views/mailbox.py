"""Your mailbox: test the connection, check mail now, remove it, undo what it found."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from coffeechat.common.owned import get_owned_or_404
from coffeechat.outreach.mailbox import accounts, imap, records, sync
from coffeechat.outreach.models import MailboxFinding

# A click waits for the answer; the rest is read on the next check (or by the timer).
PAGE_BUDGET_SECONDS = 20.0


def _back() -> HttpResponse:
    # To the top, where the message saying how it went is shown.
    return redirect("outreach-settings")


@require_POST
def mailbox_test(request: HttpRequest) -> HttpResponse:
    try:
        config = sync.config_of(sync.account_of(request.user))
        messages.success(request, accounts.check_connection(config))
    except (sync.NotConnected, imap.MailboxError) as exc:
        messages.error(request, str(exc))
    return _back()


@require_POST
def mailbox_sync(request: HttpRequest) -> HttpResponse:
    try:
        report = sync.sync(request.user, budget_seconds=PAGE_BUDGET_SECONDS)
        messages.success(request, report.summary())
    except (sync.NotConnected, sync.AlreadySyncing, imap.MailboxError) as exc:
        messages.error(request, str(exc))
    return _back()


@require_POST
def mailbox_remove(request: HttpRequest) -> HttpResponse:
    if accounts.remove_account(request.user):
        messages.success(
            request, "Mailbox removed, with its password. What it found stays on your timeline."
        )
    return _back()


@require_POST
def finding_undo(request: HttpRequest, pk: int) -> HttpResponse:
    finding = get_owned_or_404(MailboxFinding, request.user, pk=pk, undone_at__isnull=True)
    records.undo(finding)
    what = "sent" if finding.kind == "sent" else "reply"
    messages.success(request, f"Undone. That {what} won't be picked up from your mailbox again.")
    return redirect("contact-detail", finding.contact_id)
