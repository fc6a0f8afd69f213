"""Outreach settings: the checker's rule set and numbers, your own words, your mail server,
your mailbox."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from coffeechat.accounts.services import profile_of
from coffeechat.common.http import render_form
from coffeechat.outreach import queries, services
from coffeechat.outreach.context import user_tz
from coffeechat.outreach.forms import CheckerSettingsForm, MailboxForm, SmtpForm
from coffeechat.outreach.mailbox import accounts, imap, sync
from coffeechat.outreach.models import MailboxAccount


@require_http_methods(["GET", "POST"])
def outreach_settings(request: HttpRequest) -> HttpResponse:
    profile = profile_of(request.user)
    account = queries.smtp_account(request.user)
    section = request.POST.get("section", "")
    checker = CheckerSettingsForm(
        request.POST if section == "checker" else None,
        initial=services.checker_settings_initial(profile),
        prefix="checker",
    )
    smtp_initial = (
        {"host": account.host, "port": account.port, "security": account.security,
         "username": account.username}
        if account else {}
    )  # fmt: skip
    smtp = SmtpForm(
        request.POST if section == "smtp" else None, initial=smtp_initial, prefix="smtp"
    )
    mailbox_account = MailboxAccount.objects.owned_by(request.user).first()
    mailbox = MailboxForm(
        request.POST if section == "mailbox" else None,
        initial=_mailbox_initial(mailbox_account),
        prefix="mailbox",
        has_password=mailbox_account is not None,
    )
    if section == "checker" and checker.is_valid():
        services.save_checker_settings(profile, checker.cleaned_data)
        messages.success(request, "Checker settings saved. Your next check uses them.")
        return redirect("outreach-settings")
    if section == "smtp" and smtp.is_valid():
        services.save_smtp(request.user, smtp.cleaned_data)
        messages.success(request, "Mail server saved.")
        return redirect("outreach-settings")
    if section == "mailbox" and mailbox.is_valid():
        _connect_mailbox(request, mailbox.cleaned_data)
        return redirect("outreach-settings")
    return render_form(
        request,
        "outreach/settings.html",
        {
            "checker": checker,
            "smtp": smtp,
            "has_password": bool(account and account.password),
            "environment_host": settings.EMAIL_HOST,
            "mailbox": mailbox,
            "mailbox_account": mailbox_account,
            "tz": user_tz(profile),
        },
        valid=not (checker.is_bound or smtp.is_bound or mailbox.is_bound),
    )


def _mailbox_initial(account: MailboxAccount | None) -> dict[str, Any]:
    if account is None:
        return {}
    return {
        "host": account.host,
        "port": account.port,
        "security": account.security,
        "username": account.username,
    }


def _connect_mailbox(request: HttpRequest, cleaned: dict[str, Any]) -> None:
    """Save, then try it at once, so a typo shows up now rather than at the first check."""
    account = accounts.save_account(
        request.user, cleaned["host"], cleaned["port"], cleaned["security"],
        cleaned["username"], cleaned["password"],
    )  # fmt: skip
    try:
        messages.success(request, "Mailbox saved. " + accounts.check_connection(
            sync.config_of(account)
        ))  # fmt: skip
    except (sync.NotConnected, imap.MailboxError) as exc:
        messages.error(request, f"Mailbox saved, but we couldn't sign in yet: {exc}")
