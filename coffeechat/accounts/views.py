"""Signing in and out, and the profile page."""

from __future__ import annotations

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
from coffeechat.accounts.services import profile_of
from coffeechat.common.http import render_form
from coffeechat.common.validators import time_zone_names


@login_not_required
def sign_in_with_link(request: HttpRequest, key: str) -> HttpResponse:
    user = SignInLink.redeem(key)
    if user is None:
        return render(request, "accounts/link_expired.html", status=403)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")  # type: ignore[arg-type]
    return redirect("home")


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    extra_context = {"personal": settings.PERSONAL}


def home(request: HttpRequest) -> HttpResponse:
    profile = profile_of(request.user)
    if not profile.display_name:
        return redirect("profile")
    return redirect("contact-list")


@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    current = profile_of(request.user)
    form = ProfileForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Profile saved. Your drafts will use it.")
        return redirect("profile")
    return render_form(
        request,
        "accounts/profile.html",
        {"form": form, "time_zones": sorted(time_zone_names())},
        valid=request.method != "POST",
    )
