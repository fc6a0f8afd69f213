"""The message list, and what happens to a message after it is written: sent, answered, gone."""

from __future__ import annotations

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
from coffeechat.domain import sent_notes, vocab
from coffeechat.interviews.forms import ReferralForm
from coffeechat.interviews.services import refer
from coffeechat.outreach import queries, services
from coffeechat.outreach.context import user_tz
from coffeechat.outreach.forms import ReplyForm, WhenForm
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
    """Mark as sent, or, once sent, correct the sent time: the follow-up clock follows it."""
    message = queries.message_detail(request.user, pk)
    tz = user_tz(profile_of(request.user))
    form = WhenForm(request.POST or None, tz=tz, start=message.sent_at)
    if request.method == "POST" and form.is_valid():
        correcting = message.status == "sent"
        services.mark_sent(message, form.cleaned_data["when"])
        messages.success(
            request,
            "Sent time corrected. Any follow-up now counts from the new time."
            if correcting
            else sent_notes.marked_sent_note(message.kind),
        )
        return redirect("message-detail", pk=pk)
    if message.status == "sent":
        title = "Change the sent time"
        explain = (
            "Sent it at a different moment than noted? Put the real time here: the follow-up "
            "reminders count their business days from it."
        )
    else:
        title = "Mark as sent"
        explain = sent_notes.mark_sent_explanation(message.kind)
    return _when_page(request, form, message, title, explain)


REPLY_DONE = {
    "yes": "Reply noted. Now is a good moment to propose a few times.",
    "proposed": "Reply noted. Pick one of their times and confirm it today if you can.",
    "declined": "They said no this time — that's normal. Thank them, keep the door open, and "
    "the reminders for them stop here.",
    "referred": "Reply noted. Who did they suggest? Add them here so the introduction isn't lost.",
}


@require_http_methods(["GET", "POST"])
def message_replied(request: HttpRequest, pk: int) -> HttpResponse:
    message = queries.message_detail(request.user, pk)
    if message.status != "sent":
        messages.info(request, "Mark the message as sent first; then a reply can follow it.")
        return redirect("message-detail", pk=pk)
    initial = {"outcome": message.reply_outcome or None, "text": message.reply_text}
    form = ReplyForm(
        request.POST or None,
        tz=user_tz(profile_of(request.user)),
        start=message.replied_at,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        outcome = form.cleaned_data["outcome"]
        services.mark_replied(
            message, form.cleaned_data["when"], outcome, form.cleaned_data["text"]
        )
        messages.success(request, REPLY_DONE[outcome])
        if outcome == "referred":
            return redirect("message-referral", pk=pk)
        return redirect("message-detail", pk=pk)
    explain = (
        "What they said decides the next step: a yes leads to setting a time, a no or a "
        "suggestion of someone else stops the follow-up reminders."
    )
    return _when_page(request, form, message, "Reply received", explain)


def _when_page(
    request: HttpRequest, form: WhenForm, message: Message, title: str, explain: str
) -> HttpResponse:
    return render_form(
        request,
        "outreach/message_when.html",
        {"form": form, "message": message, "title": title, "explain": explain},
        valid=request.method != "POST",
    )


@require_http_methods(["GET", "POST"])
def message_referral(request: HttpRequest, pk: int) -> HttpResponse:
    """They answered by suggesting someone else: name that person, who joins your list
    remembering who referred them (as a referral named in a conversation does)."""
    message = queries.message_detail(request.user, pk)
    if message.replied_at is None:
        messages.info(request, "Note their reply first; then add the person they suggested.")
        return redirect("message-detail", pk=pk)
    form = ReferralForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        contact, created = refer(message.contact, form.cleaned_data, heard_at=message.replied_at)
        referrer = message.contact.first_name or message.contact.full_name
        messages.success(
            request,
            f"Added {contact.full_name}, suggested by {referrer}. Reach out within a week, "
            "while the introduction is fresh."
            if created
            else f"{contact.full_name} is already on your list from this reply.",
        )
        return redirect("contact-detail", pk=contact.pk)
    return render_form(
        request,
        "outreach/message_referral.html",
        {"form": form, "message": message},
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
