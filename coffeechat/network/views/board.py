"""The pipeline board: people in columns by stage, a page of cards per column at a time."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string

from coffeechat.accounts.services import profile_of
from coffeechat.common.http import HtmxHttpRequest, int_param, query_without_page, stamped_fragment
from coffeechat.domain import board as columns
from coffeechat.followups.queries import plan
from coffeechat.network import board
from coffeechat.network.models import Organization, name_key
from coffeechat.network.queries import ContactFilters
from coffeechat.network.views.contacts import contact_filters

# Two million people at 20 a page: longer than any list, and an OFFSET the database can hold
# (a page number near 2**63 would overflow it).
MAX_PAGE = 100_000


def _filters(request: HtmxHttpRequest) -> tuple[ContactFilters, Organization | None, str]:
    """The contact list's filters, with the organization also typed by name; an organization
    that isn't on the user's list is dropped with a word, never used to look elsewhere."""
    filters = contact_filters(request)
    typed = request.GET.get("org", "").strip()[:200]
    owned = Organization.objects.owned_by(request.user)
    if typed:
        found = owned.filter(name_key=name_key(typed)).first()
        if found is None:
            note = f"No organization called “{typed}” is on your list, so everyone is shown."
            return replace(filters, organization=None), None, note
        return replace(filters, organization=found.pk), found, ""
    if filters.organization:
        found = owned.filter(pk=filters.organization).first()
        if found is None:
            note = "That organization isn't on your list, so everyone is shown."
            return replace(filters, organization=None), None, note
        return filters, found, ""
    return filters, None, ""


def _context(request: HtmxHttpRequest, filters: ContactFilters) -> dict[str, Any]:
    return {
        "filters": filters,
        "query": query_without_page(request),
        "filtered": any((filters.field, filters.tag, filters.organization, filters.shortlisted)),
    }


def board_page(request: HtmxHttpRequest) -> HttpResponse:
    filters, organization, note = _filters(request)
    current = plan(request.user)
    context = _context(request, filters) | {"on_date": current.on_date}

    def draw() -> str:
        counts = board.column_counts(request.user, filters)
        pages = [
            board.column_page(request.user, filters, column, current) for column in columns.COLUMNS
        ]
        shown = context | {
            "columns": [(p, counts[p.column.id]) for p in pages],
            "total": sum(counts.values()),
        }
        return render_to_string("network/board.html#board", shown)

    # Keyed on the day too: "due today" turns into "was due" at midnight with no change of data.
    drawn = stamped_fragment(request, f"board:{current.on_date}", draw)
    context |= {
        "drawn": drawn,
        "organization": organization,
        "note": note,
        "fields": profile_of(request.user).fields_of_interest,
    }
    return render(request, "network/board.html", context)


def board_column(request: HtmxHttpRequest, column: str) -> HttpResponse:
    """One more page of one column: in place through htmx, else a page of its own."""
    chosen = columns.BY_ID.get(column)
    if chosen is None:
        raise Http404("No such column.")
    filters, organization, note = _filters(request)
    current = plan(request.user)
    number = max(min(int_param(request, "page") or 1, MAX_PAGE), 1)
    context = _context(request, filters) | {"on_date": current.on_date}
    part = "cards" if request.htmx else "column-list"

    def draw() -> str:
        page = board.column_page(request.user, filters, chosen, current, number)
        return render_to_string(f"network/board.html#{part}", context | {"page": page})

    drawn = stamped_fragment(request, f"board-{part}:{current.on_date}:{chosen.id}", draw)
    if request.htmx:
        return HttpResponse(drawn)
    context |= {
        "column": chosen,
        "number": number,
        "drawn": drawn,
        "organization": organization,
        "note": note,
        "count": board.column_counts(request.user, filters)[chosen.id],
    }
    return render(request, "network/board_column.html", context)
