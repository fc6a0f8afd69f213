"""The calendar subscription (a secret URL, no sign-in) and its settings page with the digest."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from coffeechat.accounts.services import profile_of
from coffeechat.followups import calendars, digest, services


def _feed_url(request: HttpRequest, secret: str) -> str:
    url = request.build_absolute_uri(reverse("calendar-feed", args=[secret]))
    return "webcal://" + url.split("://", 1)[1]


def calendar_settings(request: HttpRequest) -> HttpResponse:
    profile = profile_of(request.user)
    secret = services.calendar_secret(profile)
    return render(
        request,
        "followups/calendar.html",
        {
            "feed_url": _feed_url(request, secret),
            "digest": digest.settings_for(request.user),
            "email": request.user.email,  # type: ignore[union-attr]
        },
    )


@require_POST
def calendar_regenerate(request: HttpRequest) -> HttpResponse:
    services.calendar_secret(profile_of(request.user), regenerate=True)
    messages.success(
        request, "New calendar link ready. Subscribe again with it; the old one no longer works."
    )
    return redirect("calendar-settings")


@require_POST
def digest_toggle(request: HttpRequest) -> HttpResponse:
    enabled = request.POST.get("enabled") == "on"
    digest.set_enabled(request.user, enabled)
    messages.success(
        request,
        "You'll get your actions by e-mail each morning."
        if enabled
        else "Daily e-mail turned off. Today is always here when you want it.",
    )
    return redirect("calendar-settings")


@login_not_required
def calendar_feed(request: HttpRequest, secret: str) -> HttpResponse:
    """The secret in the URL is the credential: a wrong or replaced one is simply not found."""
    profile = calendars.profile_for_secret(secret)
    if profile is None:
        raise Http404("No calendar at this address.")
    body = calendars.feed_file(profile.user, profile, request.build_absolute_uri("/"))
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")
