"""The Insights page: every figure beside a text table, drawn on the server."""

from __future__ import annotations

from datetime import date, tzinfo

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from coffeechat.common.stamps import INSIGHTS, StampedCache
from coffeechat.insights import charts, queries, report

# The figures read all of the user's data and draw a large page (200 KB for a heavy user);
# the same data on the same day draws the same figures, so the drawing is kept until
# something they read changes (`coffeechat.common.stamps`, the insights topic: live mode's
# general notes don't count). It holds nothing of the request.
DRAWN: StampedCache[tuple[bool, SafeString]] = StampedCache("insights", 32, INSIGHTS)


def _drawn(request: HttpRequest, zone: tzinfo, today: date) -> tuple[bool, SafeString]:
    built = report.build(request.user, today=today, for_page=True)
    if built.empty:
        return True, mark_safe("")
    drawn = {
        "report": built,
        "funnel": charts.funnel(built, queries.booked(request.user)),
        "activity": charts.activity(request.user, zone, today),
    }
    return False, mark_safe(render_to_string("insights/figures.html", drawn))


def insights_page(request: HttpRequest) -> HttpResponse:
    zone = report.zone_of(request.user)
    today = timezone.now().astimezone(zone).date()
    # The zone is part of the key: it was read before the stamp, so a change of zone in
    # between keeps this drawing under the old zone, where nobody asks for it again.
    key = (str(zone), today)
    empty, figures = DRAWN.get(request.user, key, lambda: _drawn(request, zone, today))
    return render(request, "insights/index.html", {"empty": empty, "figures": figures})
