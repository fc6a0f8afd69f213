"""The adviser's pages: the students who chose to share, and each one's journal (read-only)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from coffeechat.accounts import queries
from coffeechat.accounts.views.access import role_required
from coffeechat.insights import journal
from coffeechat.insights.report import zone_of


@role_required("adviser")
def dashboard(request: HttpRequest) -> HttpResponse:
    rows = queries.adviser_dashboard(request.user)
    return render(request, "accounts/advisers.html", {"rows": rows, "tz": zone_of(request.user)})


@role_required("adviser")
def student_journal(request: HttpRequest, pk: int) -> HttpResponse:
    student = queries.shared_student_or_404(request.user, pk)
    entries = journal.entries(student, zone_of(request.user))
    return render(
        request, "accounts/adviser_journal.html", {"student": student, "entries": entries}
    )
