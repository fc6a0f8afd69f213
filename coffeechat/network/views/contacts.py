"""Contact pages: list with search and filters, detail with timeline, add, edit, delete."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import prefetch_related_objects
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_http_methods

from coffeechat.accounts.services import profile_of
from coffeechat.common.http import (
    HtmxHttpRequest,
    int_param,
    page_of,
    query_without_page,
    render_form,
    stamped_fragment,
)
from coffeechat.common.owned import get_owned_or_404
from coffeechat.domain import vocab
from coffeechat.network import queries, services
from coffeechat.network.forms import ContactForm, contact_label
from coffeechat.network.models import Contact


def _filters(request: HttpRequest) -> queries.ContactFilters:
    get = request.GET
    return queries.ContactFilters(
        q=get.get("q", "").strip()[:200],
        stage=get.get("stage", "") if get.get("stage") in vocab.ids(vocab.STAGES) else "",
        how_found=get.get("how_found", "")
        if get.get("how_found") in vocab.ids(vocab.HOW_FOUND)
        else "",
        organization=int_param(request, "organization"),
        field=get.get("field", "").strip()[:120],
        tag=get.get("tag", "").strip()[:40],
        sort=get.get("sort", "name") if get.get("sort") in queries.CONTACT_SORTS else "name",
    )


def _results(request: HttpRequest, filters: queries.ContactFilters) -> str:
    # The page is found on bare ids, and only its 50 rows get their stage: skipping to page
    # 100 then walks an index instead of working out the stage of 4,950 people.
    ids = queries.contact_ids(request.user, filters).values_list("pk", flat=True)
    page = page_of(request, ids, owner=request.user)
    page.object_list = queries.contacts_in_order(request.user, list(page.object_list))
    context = {"page": page, "filters": filters, "query": query_without_page(request)}
    return render_to_string("network/contact_list.html#results", context)


def contact_list(request: HtmxHttpRequest) -> HttpResponse:
    filters = _filters(request)
    results = stamped_fragment(request, "contacts", lambda: _results(request, filters))
    if request.htmx and request.htmx.target == "contact-results":
        return HttpResponse(results)
    context: dict[str, Any] = {
        "results": results,
        "filters": filters,
        "stages": vocab.STAGES,
        "how_found_choices": vocab.HOW_FOUND,
        "sorts": [
            ("name", "Name A–Z"),
            ("-name", "Name Z–A"),
            ("organization", "Organization"),
            ("-updated", "Recently changed"),
            ("created", "Oldest first"),
        ],
        "fields": profile_of(request.user).fields_of_interest,
    }
    return render(request, "network/contact_list.html", context)


def contact_suggest(request: HttpRequest) -> HttpResponse:
    """Options for the 'referred by' box: the first matches of what was typed."""
    q = request.GET.get("q", request.GET.get("referred_by_ref", "")).strip()[:100]
    found = (
        queries.search(
            Contact.objects.owned_by(request.user).select_related("organization"), q
        ).order_by("last_name", "first_name")[:15]
        if q
        else []
    )
    return render(
        request, "network/contact_suggest.html", {"options": [contact_label(c) for c in found]}
    )


# Said under a reply on the timeline: what that answer means for what comes next.
REPLY_NOTES = {
    "declined": "They said no this time — that's normal; thank them and keep the door open.",
    "referred": "A warm introduction: reach out to the person they suggested.",
}


def _timeline(contact: Contact) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = [
        {
            "when": contact.created_at,
            "what": "Added to your list",
            "detail": vocab.label(vocab.HOW_FOUND, contact.how_found),
        }
    ]
    for message in contact.messages.all():
        when = message.sent_at or message.created_at
        state = "Sent" if message.status == "sent" else "Drafted"
        events.append(
            {
                "when": when,
                "what": f"{state}: {message.get_kind_display()}",
                "detail": message.subject or message.get_channel_display(),
                "message": message,
            }
        )
        if message.replied_at:
            outcome = message.get_reply_outcome_display() if message.reply_outcome else ""
            events.append(
                {
                    "when": message.replied_at,
                    "what": "Reply received" + (f": {outcome.lower()}" if outcome else ""),
                    "detail": REPLY_NOTES.get(message.reply_outcome, ""),
                    "quote": message.reply_text,
                }
            )
    for meeting in contact.meetings.all():
        events.append(
            {
                "when": meeting.starts_at,
                "what": f"Conversation ({meeting.get_status_display().lower()})",
                "detail": f"{meeting.minutes} minutes, {meeting.get_mode_display().lower()}",
            }
        )
    for referral in contact.referrals.all():
        events.append(
            {
                "when": referral.created_at,
                "what": f"Referred you to {referral.full_name}",
                "detail": "",
                "contact": referral,
            }
        )
    return sorted(events, key=lambda e: e["when"], reverse=True)


def contact_detail(request: HttpRequest, pk: int) -> HttpResponse:
    contact = queries.contact_detail(request.user, pk)
    prefetch_related_objects([contact], "messages", "meetings", "referrals")
    return render(
        request,
        "network/contact_detail.html",
        {
            "contact": contact,
            "timeline": _timeline(contact),
            "chain": services.referral_chain(contact),
            "referrals": list(contact.referrals.all()),
        },
    )


@require_http_methods(["GET", "POST"])
def contact_create(request: HttpRequest) -> HttpResponse:
    return _edit(request, Contact())


@require_http_methods(["GET", "POST"])
def contact_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _edit(request, get_owned_or_404(Contact, request.user, pk=pk))


def _edit(request: HttpRequest, contact: Contact) -> HttpResponse:
    country = profile_of(request.user).country
    initial = {"how_found": "referral"} if request.GET.get("referred_by") else {}
    if request.GET.get("referred_by", "").isdigit():
        initial["referred_by_ref"] = "#" + request.GET["referred_by"]
    form = ContactForm(
        request.POST or None, instance=contact, owner=request.user, country=country, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        messages.success(request, f"Saved {saved.full_name}.")
        return redirect("contact-detail", pk=saved.pk)
    return render_form(
        request,
        "network/contact_form.html",
        {"form": form, "contact": contact},
        valid=request.method != "POST",
    )


@require_http_methods(["GET", "POST"])
def contact_delete(request: HttpRequest, pk: int) -> HttpResponse:
    contact = get_owned_or_404(Contact, request.user, pk=pk)
    if request.method == "POST":
        name = contact.full_name
        services.delete_contact(contact)
        messages.success(request, f"Deleted {name}. People they referred stay on your list.")
        return redirect("contact-list")
    referrals = list(contact.referrals.all()[:20])
    return render(
        request, "network/contact_confirm_delete.html", {"contact": contact, "referrals": referrals}
    )
