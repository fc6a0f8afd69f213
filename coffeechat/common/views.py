"""Site-wide views that belong to no room."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.views.decorators.cache import never_cache

from coffeechat.domain.guide import INTRO, RULE_NOTES, STEPS


@never_cache
@login_not_required
def healthz(request: HttpRequest) -> HttpResponse:
    """For load balancers: one indexed query proves the database answers. Shows no data.

    It is also the benchmarks' floor: the cheapest page the same server can render.
    """
    try:
        get_user_model().objects.filter(pk=1).exists()
    except DatabaseError:
        return render(request, "healthz.txt", {"ok": False}, status=503, content_type="text/plain")
    return render(request, "healthz.txt", {"ok": True}, content_type="text/plain")


def guide(request: HttpRequest) -> HttpResponse:
    """The method, step by step, and what each checker rule is for (coffeechat/domain/guide.py)."""
    return render(request, "guide.html", {"intro": INTRO, "steps": STEPS, "rule_notes": RULE_NOTES})


@login_not_required
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico on every site whatever the page says; send them to the SVG."""
    return redirect(static("coffeechat/favicon.svg"), permanent=True)
