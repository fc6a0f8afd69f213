"""Outreach settings: the checker's rule set and numbers, your own words, your mail server."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from coffeechat.accounts.services import profile_of
from coffeechat.common.http import render_form
from coffeechat.outreach import queries, services
from coffeechat.outreach.forms import CheckerSettingsForm, SmtpForm


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
    if section == "checker" and checker.is_valid():
        services.save_checker_settings(profile, checker.cleaned_data)
        messages.success(request, "Checker settings saved. Your next check uses them.")
        return redirect("outreach-settings")
    if section == "smtp" and smtp.is_valid():
        services.save_smtp(request.user, smtp.cleaned_data)
        messages.success(request, "Mail server saved.")
        return redirect("outreach-settings")
    return render_form(
        request,
        "outreach/settings.html",
        {
            "checker": checker,
            "smtp": smtp,
            "has_password": bool(account and account.password),
            "environment_host": settings.EMAIL_HOST,
        },
        valid=not (checker.is_bound or smtp.is_bound),
    )
