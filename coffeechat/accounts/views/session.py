"""Signing in and out, and the profile page."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from coffeechat.accounts.forms import ProfileForm
from coffeechat.accounts.models import SignInLink
from coffeechat.accounts.services import membership_of, profile_of
from coffeechat.common.http import render_form
from coffeechat.followups import queries

UNCONFIRMED = (
    "Please confirm your e-mail address with the link we sent you: it's where a password "
    "reset would go. Your account page can send the link again."
)


@login_not_required
def sign_in_with_link(request: HttpRequest, key: str) -> HttpResponse:
    user = SignInLink.redeem(key)
    if user is None:
        return render(request, "accounts/link_expired.html", status=403)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")  # type: ignore[arg-type]
    return redirect("home")


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            personal=settings.PERSONAL, signup=settings.SIGNUP, **kwargs
        )

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        user = form.get_user()
        if not settings.PERSONAL and user.email and membership_of(user).email_verified_at is None:
            messages.info(self.request, UNCONFIRMED)
        return response


def home(request: HttpRequest) -> HttpResponse:
    profile = profile_of(request.user)
    if not profile.display_name:
        return redirect("welcome")
    return redirect("today")


def welcome(request: HttpRequest) -> HttpResponse:
    """The first run: four steps, each ticked off by the data, with the next one leading."""
    plan = queries.plan(request.user)
    steps = queries.first_run(request.user, plan)
    upcoming = next((view for view in steps if view.step.is_next), None)
    return render(request, "accounts/welcome.html", {"steps": steps, "upcoming": upcoming})


@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    current = profile_of(request.user)
    first_run = not current.display_name.strip()
    form = ProfileForm(request.POST or None, instance=current, guess_time_zone=first_run)
    if request.method == "POST" and form.is_valid():
        form.save()
        if first_run:  # on to the next step, not back to the form
            messages.success(request, "Profile saved. Next: bring in the people you know.")
            return redirect("welcome")
        messages.success(request, "Profile saved. Your drafts will use it.")
        return redirect("profile")
    return render_form(
        request,
        "accounts/profile.html",
        {"form": form, "personal": settings.PERSONAL, "first_run": first_run},
        valid=request.method != "POST",
    )
