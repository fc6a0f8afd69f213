"""Opening an account (server mode): openly, with an invitation, or not at all; and confirming
the e-mail address afterwards."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from coffeechat.accounts import invitations, verification
from coffeechat.accounts.forms import InvitedSignupForm, SignupForm
from coffeechat.accounts.services import create_user, membership_of
from coffeechat.accounts.views.access import server_only
from coffeechat.common.http import render_form

BACKEND = "django.contrib.auth.backends.ModelBackend"


def _welcome(request: HttpRequest, user: object) -> HttpResponse:
    login(request, user, backend=BACKEND)  # type: ignore[arg-type]
    if verification.send_verification(request, user):
        messages.success(
            request,
            "Welcome! We've e-mailed you a link to confirm your address; "
            "until then, everything works as usual.",
        )
    else:
        messages.warning(
            request,
            "Welcome! We couldn't send the confirmation e-mail just now. "
            "You can send it again from your account page.",
        )
    return redirect("home")


@login_not_required
@server_only
@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if settings.SIGNUP != "open":
        return render(
            request, "accounts/signup_closed.html", {"signup": settings.SIGNUP}, status=403
        )
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user = create_user(
            data["email"],
            email=data["email"],
            password=data["password1"],
            display_name=data["display_name"],
        )
        return _welcome(request, user)
    return render_form(
        request, "accounts/signup.html", {"form": form}, valid=request.method != "POST"
    )


@login_not_required
@server_only
@require_http_methods(["GET", "POST"])
def signup_invited(request: HttpRequest, key: str) -> HttpResponse:
    invitation = invitations.open_invitation(key)
    if invitation is None or settings.SIGNUP == "closed":
        return render(request, "accounts/invitation_invalid.html", status=403)
    form = InvitedSignupForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        user = invitations.accept_invitation(
            invitation,
            password=form.cleaned_data["password1"],
            display_name=form.cleaned_data["display_name"],
        )
        if user is None:  # used by someone else between loading the page and sending it
            return render(request, "accounts/invitation_invalid.html", status=403)
        return _welcome(request, user)
    context = {"form": form, "invitation": invitation}
    return render_form(request, "accounts/signup.html", context, valid=request.method != "POST")


@login_not_required
@server_only
def verify_email(request: HttpRequest, token: str) -> HttpResponse:
    confirmed = verification.confirm(token)
    return render(
        request,
        "accounts/email_verified.html",
        {"confirmed": confirmed},
        status=200 if confirmed else 400,
    )


@server_only
@require_POST
def resend_verification(request: HttpRequest) -> HttpResponse:
    if membership_of(request.user).email_verified_at is not None:
        messages.info(request, "Your address is already confirmed.")
    elif verification.send_verification(request, request.user):
        messages.success(request, f"Sent. Look for it in {request.user.email}'s inbox.")  # type: ignore[union-attr]
    else:
        messages.warning(request, "The mail server didn't take it just now; try again shortly.")
    return redirect("account")
