"""Today: what is late, what is due, what is coming; and done / snooze / dismiss / undo."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRefresh

from coffeechat.common.http import HtmxHttpRequest
from coffeechat.domain.followups import ACTION_KINDS
from coffeechat.domain.followups.ordering import day_label
from coffeechat.followups import queries, services
from coffeechat.followups.forms import SnoozeForm

SETTLED = {"done": "Marked done.", "dismiss": "Dismissed.", "snooze": "Snoozed until {until}."}


def today(request: HtmxHttpRequest) -> HttpResponse:
    current = queries.plan(request.user)
    among = queries.PLANS.to_settle(request.user, current)
    if among is None or among:
        services.settle_contacts(request.user, current, among)
    board = queries.board(request.user, current, show_all="all" in request.GET)
    return render(
        request,
        "followups/today.html",
        {
            "board": board,
            "on_date": current.on_date,
            "time_zone": current.gathered.tz,
            "row_urls": queries.row_urls(),
            "group_urls": queries.group_urls(),
        },
    )


def nav_counts(request: HtmxHttpRequest) -> HttpResponse:
    """The navigation's badge, loaded after the page so no page waits for the rules engine."""
    return render(
        request, "followups/nav_counts.html", {"counts": queries.open_action_counts(request.user)}
    )


def _row_context(current: queries.Plan, row: queries.ActionRow) -> dict[str, Any]:
    return {"row": row, "tomorrow": current.on_date + timedelta(days=1), "on_date": current.on_date}


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
    note = SETTLED[verb].format(until=day_label(until, current.on_date) if until else "")
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


GROUP_SETTLED = {"done": "Marked {n} done.", "snooze": "Snoozed {n} until {until}."}
SNOOZE_GROUP = timedelta(days=7)


@require_POST
def group_state(request: HtmxHttpRequest, verb: str) -> HttpResponse:
    """Settle every late step of one kind: "Mark all done" or "Snooze all a week"."""
    if verb not in GROUP_SETTLED:
        raise Http404("No such action step.")
    current = queries.plan(request.user)
    kind = request.POST.get("kind", "")
    late = current.arranged.overdue
    group = next((g for g in late if g.kind == kind), None)
    if group is None:
        raise Http404("Nothing late of that kind.")
    since = timezone.now()
    until = current.on_date + SNOOZE_GROUP if verb == "snooze" else None
    count = services.set_group_state(request.user, [a.key for a in group.actions], verb, until)
    note = GROUP_SETTLED[verb].format(
        n=count, until=day_label(until, current.on_date) if until else ""
    )
    if request.htmx:
        context = {"settled": note, "kind": kind, "title": group.title, "since": since.isoformat()}
        return render(
            request,
            "followups/today.html#group-settled",
            context | {"group_urls": queries.group_urls()},
        )
    messages.success(request, note)
    return redirect("today")


@require_POST
def group_undo(request: HtmxHttpRequest) -> HttpResponse:
    kind = request.POST.get("kind", "")
    try:
        since = datetime.fromisoformat(request.POST.get("since", ""))
    except ValueError:
        since = None
    if kind not in ACTION_KINDS or since is None or since.tzinfo is None:
        raise Http404("Nothing to undo for those steps.")
    if not services.clear_group_state(request.user, kind, since):
        raise Http404("Nothing to undo for those steps.")
    if request.htmx:
        return HttpResponseClientRefresh()
    messages.success(request, "Back on your list.")
    return redirect("today")
