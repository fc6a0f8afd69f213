"""Your account page, your data to take away, and deleting the account with everything in it."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import logout
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from coffeechat.accounts import services
from coffeechat.accounts.forms import DeleteAccountForm
from coffeechat.common.http import render_form
from coffeechat.network.transfer.exports import spooled_export


def account(request: HttpRequest) -> HttpResponse:
    context = {
        "personal": settings.PERSONAL,
        "role": services.role_of(request.user),
        "membership": services.membership_of(request.user),
    }
    return render(request, "accounts/account.html", context)


def download(request: HttpRequest) -> FileResponse:
    # Written row by row to a temporary file, then streamed: memory stays flat however large.
    spool, _, _ = spooled_export(request.user, "json")
    name = f"coffeechat-{timezone.localdate():%Y-%m-%d}.json"
    return FileResponse(
        spool, as_attachment=True, filename=name, content_type="application/json; charset=utf-8"
    )


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
