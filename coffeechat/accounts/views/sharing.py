"""The student's Sharing page: which advisers can see their progress, since when; revoke."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods, require_POST

from coffeechat.accounts import queries, services
from coffeechat.accounts.forms import ShareForm
from coffeechat.accounts.models import Share
from coffeechat.accounts.views.access import server_only
from coffeechat.common.http import render_form
from coffeechat.common.owned import get_owned_or_404
from coffeechat.insights.report import zone_of


@server_only
@require_http_methods(["GET", "POST"])
def sharing(request: HttpRequest) -> HttpResponse:
    form = ShareForm(request.POST or None, advisers=queries.advisers_to_offer(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            services.share_with(request.user, form.cleaned_data["adviser"])
        except services.ShareRefused as exc:
            form.add_error("adviser", str(exc))
        else:
            messages.success(request, "Shared. You can stop sharing here whenever you like.")
            return redirect("account-sharing")
    context = {
        "form": form,
        "shares": queries.shares_of(request.user),
        "tz": zone_of(request.user),
    }
    return render_form(request, "accounts/sharing.html", context, valid=not form.errors)


@server_only
@require_POST
def sharing_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    share = get_owned_or_404(Share, request.user, pk=pk)
    services.stop_sharing(share)
    messages.success(request, "Done: that adviser no longer sees anything of yours.")
    return redirect("account-sharing")
