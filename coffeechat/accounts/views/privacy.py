"""Your account page, your data to take away, and deleting the account with everything in it."""

from __future__ import annotations

import json

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from coffeechat.accounts import services
from coffeechat.accounts.forms import DeleteAccountForm
from coffeechat.common.http import render_form
from coffeechat.network.transfer.backup import export_backup


def account(request: HttpRequest) -> HttpResponse:
    context = {
        "personal": settings.PERSONAL,
        "role": services.role_of(request.user),
        "membership": services.membership_of(request.user),
    }
    return render(request, "accounts/account.html", context)


def download(request: HttpRequest) -> HttpResponse:
    document = export_backup(request.user)
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=1),
        content_type="application/json; charset=utf-8",
    )
    name = f"coffeechat-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None, user=request.user, personal=settings.PERSONAL)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.delete_account(user)
        return render(request, "accounts/deleted.html", {"personal": settings.PERSONAL})
    context = {"form": form, "personal": settings.PERSONAL, "phrase": DeleteAccountForm.PHRASE}
    return render_form(request, "accounts/delete.html", context, valid=request.method != "POST")
