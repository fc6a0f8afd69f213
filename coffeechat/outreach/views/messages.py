"""The message list, and what happens to a message after it is written: sent, answered, gone."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_http_methods

from coffeechat.accounts.services import profile_of
from coffeechat.common.http import (
    int_param,
    page_of,
    query_without_page,
    render_form,
    stamped_fragment,
)
from coffeechat.domain import vocab
from coffeechat.outreach import queries, services
from coffeechat.outreach.context import user_tz
from coffeechat.outreach.forms import WhenForm
from coffeechat.outreach.models import Message
from coffeechat.outreach.views.compose import eml_response


def _listed(request: HttpRequest, filters: queries.MessageFilters) -> str:
    page = page_of(request, queries.message_list(request.user, filters), owner=request.user)
    context = {
        "page": page,
        "filters": filters,
        "query": query_without_page(request),
        "tz": profile_of(request.user).time_zone,
    }
    return render_to_string("outreach/message_list.html#listed", context)


def message_list(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind", "")
    status = request.GET.get("status", "")
    filters = queries.MessageFilters(
        contact=int_param(request, "contact"),
        kind=kind if kind in vocab.ids(vocab.MESSAGE_KINDS) else "",
        status=status if status in vocab.ids(vocab.MESSAGE_STATUSES) else "",
    )
    listed = stamped_fragment(request, "messages", lambda: _listed(request, filters))
    return render(
        request,
        "outreach/message_list.html",
        {
            "listed": listed,
            "filters": filters,
            "kinds": vocab.MESSAGE_KINDS,
            "statuses": vocab.MESSAGE_STATUSES,
        },
    )


@require_http_methods(["GET", "POST"])
def message_sent(request: HttpRequest, pk: int) -> HttpResponse:
    return _record(
        request,
        pk,
        services.mark_sent,
        title="Mark as sent",
        explain="The follow-up clock starts from this moment. If no reply comes, "
        "we'll suggest a friendly nudge after about a week of business days.",
        done="Marked as sent. We'll remind you to follow up if it goes quiet.",
    )


@require_http_methods(["GET", "POST"])
def message_replied(request: HttpRequest, pk: int) -> HttpResponse:
    message = queries.message_detail(request.user, pk)
    if message.status != "sent":
        messages.info(request, "Mark the message as sent first; then a reply can follow it.")
        return redirect("message-detail", pk=pk)
    return _record(
        request,
        pk,
        services.mark_replied,
        title="Reply received",
        explain="Noting when they answered stops the follow-up reminders, and tells you how "
        "quickly this person tends to reply.",
        done="Reply noted. Now is a good moment to propose a few times.",
    )


def _record(
    request: HttpRequest,
    pk: int,
    record: Callable[[Message, datetime], Message],
    *,
    title: str,
    explain: str,
    done: str,
) -> HttpResponse:
    message = queries.message_detail(request.user, pk)
    form = WhenForm(request.POST or None, tz=user_tz(profile_of(request.user)))
    if request.method == "POST" and form.is_valid():
        record(message, form.cleaned_data["when"])
        messages.success(request, done)
        return redirect("message-detail", pk=pk)
    return render_form(
        request,
        "outreach/message_when.html",
        {"form": form, "message": message, "title": title, "explain": explain},
        valid=request.method != "POST",
    )


@require_http_methods(["GET", "POST"])
def message_delete(request: HttpRequest, pk: int) -> HttpResponse:
    message = queries.message_detail(request.user, pk)
    if request.method == "POST":
        contact = message.contact
        services.delete_message(message)
        messages.success(request, f"Deleted the {message.get_kind_display().lower()}.")
        return redirect("contact-detail", pk=contact.pk)
    return render(request, "outreach/message_confirm_delete.html", {"message": message})


def message_eml(request: HttpRequest, pk: int) -> HttpResponse:
    return eml_response(request, queries.message_detail(request.user, pk))
