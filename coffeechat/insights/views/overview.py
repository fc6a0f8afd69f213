"""The Insights page: every figure beside a text table, drawn on the server."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from coffeechat.insights import report


def insights_page(request: HttpRequest) -> HttpResponse:
    return render(
        request, "insights/index.html", {"report": report.build(request.user, for_page=True)}
    )
