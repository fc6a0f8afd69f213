"""Career-centre staff: anonymous figures for the term, and invitations."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from coffeechat.accounts import aggregates, invitations
from coffeechat.accounts.forms import InvitationForm
from coffeechat.accounts.views.access import role_required
from coffeechat.common.http import render_form
from coffeechat.insights.report import zone_of


@role_required("staff")
def overview(request: HttpRequest) -> HttpResponse:
    figures = aggregates.overview(timezone.localdate())
    context = {
        "figures": figures,
        "smallest_group": aggregates.SMALLEST_GROUP,
        "few": f"fewer than {aggregates.SMALLEST_GROUP}",
    }
    return render(request, "accounts/staff.html", context)


@role_required("staff")
@require_http_methods(["GET", "POST"])
def invitation_list(request: HttpRequest) -> HttpResponse:
    form = InvitationForm(request.POST or None)
    new_link = ""
    if request.method == "POST" and form.is_valid():
        role = "adviser" if form.cleaned_data["adviser"] else "student"
        _, key = invitations.create_invitation(
            form.cleaned_data["email"], role=role, by=request.user
        )
        new_link = request.build_absolute_uri(invitations.signup_path(key))
        form = InvitationForm()
    context = {
        "form": form,
        "new_link": new_link,
        "invitations": invitations.recent_invitations(),
        "tz": zone_of(request.user),
    }
    return render_form(
        request,
        "accounts/invitations.html",
        context,
        valid=request.method != "POST" or bool(new_link),
    )
