"""The journal: every held conversation on one printable page, or as a Markdown file."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from coffeechat.insights import journal
from coffeechat.insights.report import zone_of


def journal_page(request: HttpRequest) -> HttpResponse:
    entries = journal.entries(request.user, zone_of(request.user))
    return render(request, "insights/journal.html", {"entries": entries})


def journal_download(request: HttpRequest) -> HttpResponse:
    text = journal.markdown(request.user, zone_of(request.user), journal.title_for(request.user))
    response = HttpResponse(text, content_type="text/markdown; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="coffeechat-journal.md"'
    return response
