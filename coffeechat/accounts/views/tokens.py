"""API tokens: see them, make one (shown once), revoke one."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods, require_POST

from coffeechat.accounts import queries, services
from coffeechat.accounts.forms import TokenForm
from coffeechat.common.http import render_form
from coffeechat.insights.report import zone_of


@require_http_methods(["GET", "POST"])
def token_list(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)
    new_token = ""
    if request.method == "POST" and form.is_valid():
        new_token = services.issue_token(request.user, form.cleaned_data["name"])
        form = TokenForm()
    context = {
        "form": form,
        "new_token": new_token,
        "tokens": queries.tokens_of(request.user),
        "tz": zone_of(request.user),
    }
    return render_form(
        request, "accounts/tokens.html", context, valid=request.method != "POST" or bool(new_token)
    )


@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = queries.token_or_404(request.user, pk)
    services.revoke_token(token)
    messages.success(request, f"Revoked “{token.name}”. Anything still using it will be refused.")
    return redirect("account-tokens")
