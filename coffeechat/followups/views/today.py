"""Today: what is late, what is due, what is coming; and done / snooze / dismiss / undo."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRefresh

from coffeechat.common.http import HtmxHttpRequest
from coffeechat.followups import queries, services
from coffeechat.followups.forms import SnoozeForm

SETTLED = {"done": "Marked done.", "dismiss": "Dismissed.", "snooze": "Snoozed until {until}."}


def today(request: HtmxHttpRequest) -> HttpResponse:
    current = queries.plan(request.user)
    if queries.PLANS.first_look(request.user, current):
        services.settle_contacts(request.user, current, current.on_date)
    return render(
        request,
        "followups/today.html",
        {
            "board": queries.board(request.user, current, show_all="all" in request.GET),
            "time_zone": current.gathered.tz,
            "row_urls": queries.row_urls(),
        },
    )


def nav_counts(request: HtmxHttpRequest) -> HttpResponse:
    """The navigation's badge, loaded after the page so no page waits for the rules engine."""
    return render(
        request, "followups/nav_counts.html", {"counts": queries.open_action_counts(request.user)}
    )


def _row_context(current: queries.Plan, row: queries.ActionRow) -> dict[str, Any]:
    return {"row": row, "tomorrow": current.on_date + timedelta(days=1)}


def _row(request: HtmxHttpRequest, context: dict[str, Any]) -> HttpResponse:
    return render(
        request, "followups/today.html#action-row", context | {"row_urls": queries.row_urls()}
    )


@require_POST
def action_state(request: HtmxHttpRequest, verb: str) -> HttpResponse:
    if verb not in services.ACTION_VERBS:
        raise Http404("No such action step.")
    key = request.POST.get("key", "")
    current = queries.plan(request.user)
    until = None
    if verb == "snooze":
        form = SnoozeForm(request.POST, today=current.on_date)
        if not form.is_valid():
            error = " ".join(str(e) for e in form.errors["until"])
            action = current.find(key)
            if action is None:
                raise Http404("No action with that key.")
            if request.htmx:
                row = queries.action_rows(current, [action])[0]
                return _row(request, _row_context(current, row) | {"error": error})
            messages.error(request, error)
            return redirect("today")
        until = form.cleaned_data["until"]
    services.set_action_state(request.user, current, key, verb, until)
    note = SETTLED[verb].format(until=until.strftime("%a %d %b") if until else "")
    if request.htmx:
        return _row(request, {"settled": note, "key": key})
    messages.success(request, note)
    return redirect("today")


@require_POST
def action_undo(request: HtmxHttpRequest) -> HttpResponse:
    key = request.POST.get("key", "")
    services.clear_action_state(request.user, key)
    current = queries.plan(request.user)
    action = current.find(key)
    if request.htmx:
        if action is None:  # finished by the facts meanwhile: show the page as it is now
            return HttpResponseClientRefresh()
        row = queries.action_rows(current, [action])[0]
        return _row(request, _row_context(current, row))
    messages.success(request, "Back on your list.")
    return redirect("today")
