"""Contact pages: list with search and filters, detail with timeline, add, edit, delete."""

from __future__ import annotations

import dataclasses
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.db.models import QuerySet, prefetch_related_objects
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from coffeechat.accounts.services import profile_of
from coffeechat.common.http import (
    HtmxHttpRequest,
    int_param,
    page_of,
    parse_id,
    query_without_page,
    render_form,
    stamped_fragment,
)
from coffeechat.common.owned import get_owned_or_404
from coffeechat.domain import vocab
from coffeechat.domain.work_fields import FIELDS as WORK_FIELDS
from coffeechat.network import queries, services
from coffeechat.network.forms import BulkForm, ContactForm, contact_label
from coffeechat.network.models import Contact, Organization
from coffeechat.outreach.context import user_tz


def contact_filters(
    request: HttpRequest, params: QueryDict | None = None
) -> queries.ContactFilters:
    """The list's filters, from the query string (or, for a bulk change, from `params`)."""
    get = request.GET if params is None else params
    return queries.ContactFilters(
        q=get.get("q", "").strip()[:200],
        stage=get.get("stage", "") if get.get("stage") in vocab.ids(vocab.STAGES) else "",
        how_found=get.get("how_found", "")
        if get.get("how_found") in vocab.ids(vocab.HOW_FOUND)
        else "",
        organization=parse_id(get.get("organization", "")),
        field=get.get("field", "").strip()[:120],
        tag=get.get("tag", "").strip()[:40],
        shortlisted=get.get("shortlisted") in {"1", "True"},  # a ticked box, or the bulk form
        sort=get.get("sort", "name") if get.get("sort") in queries.CONTACT_SORTS else "name",
    )


def _results(request: HttpRequest, filters: queries.ContactFilters) -> str:
    # The page is found on bare ids, and only its 50 rows get their stage: skipping to page
    # 100 then walks an index instead of working out the stage of 4,950 people.
    ids = queries.contact_ids(request.user, filters).values_list("pk", flat=True)
    page = page_of(request, ids, owner=request.user)
    page.object_list = queries.contacts_in_order(request.user, list(page.object_list))
    context = {
        "page": page,
        "filters": filters,
        "query": query_without_page(request),
        "filter_params": _filter_params(filters),
    }
    return render_to_string("network/contact_list.html#results", context)


def _filter_params(filters: queries.ContactFilters) -> list[tuple[str, str]]:
    """The filters as name and value, for the bulk form's "all matching" and the way back."""
    unset = queries.ContactFilters()
    names = [field.name for field in dataclasses.fields(filters)]
    changed = [name for name in names if getattr(filters, name) != getattr(unset, name)]
    return [(name, str(getattr(filters, name))) for name in changed]


def contact_list(request: HtmxHttpRequest) -> HttpResponse:
    filters = contact_filters(request)
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
        "bulk_actions": services.BULK_ACTIONS,
        "field_suggestions": _field_suggestions(request.user),
        "last_bulk": request.session.get(BULK_SESSION),
    }
    return render(request, "network/contact_list.html", context)


def _field_suggestions(user: Any) -> list[str]:
    mine = [str(f) for f in profile_of(user).fields_of_interest or ()]
    return list(dict.fromkeys([*mine, *WORK_FIELDS]))


# ---- Bulk changes -------------------------------------------------------------------------------

BULK_SESSION = "contacts_last_bulk"  # how to undo the last bulk change (see services.undo_bulk)
MAX_TICKED = 200  # ids a form may name one by one; more is "all matching this filter"


def _bulk_targets(request: HttpRequest, scope: str) -> QuerySet[Contact]:
    """The contacts a bulk change is about, always the signed-in person's: the ticked ones,
    the page's, or every one matching the list's filter (never loaded: a subquery)."""
    contacts = Contact.objects.owned_by(request.user)
    if scope == "all":
        matching = queries.contact_ids(request.user, contact_filters(request, request.POST))
        return contacts.filter(pk__in=matching.values("pk"))
    posted = request.POST.getlist("page_ids" if scope == "page" else "ids")[:MAX_TICKED]
    return contacts.filter(pk__in=[pk for pk in map(parse_id, posted) if pk is not None])


def _back(request: HttpRequest) -> str:
    params = _filter_params(contact_filters(request, request.POST))
    return reverse("contact-list") + (f"?{urlencode(params)}" if params else "")


@require_POST
def contact_bulk(request: HttpRequest) -> HttpResponse:
    """Review a change to many contacts (with counts), then make it."""
    form = BulkForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(str(e) for e in errors))
        return redirect(_back(request))
    action, value = form.cleaned_data["action"], form.cleaned_data["value"]
    change = services.plan_bulk(_bulk_targets(request, form.cleaned_data["scope"]), action, value)
    to_change = change.pending.count()
    if request.POST.get("confirm") != "yes" or not to_change:
        context = {
            "change": change,
            "to_change": to_change,
            "undo_limit": services.UNDO_LIMIT,
            "posted": [
                (name, item)
                for name in ("action", "value", "scope", "ids", "page_ids")
                for item in request.POST.getlist(name)[:MAX_TICKED]
            ]
            + _filter_params(contact_filters(request, request.POST)),
            "back": _back(request),
        }
        return render(request, "network/contact_bulk_confirm.html", context)
    count, undo = services.apply_bulk(change)
    _remember_undo(request, undo)
    messages.success(request, change.done(count))
    return redirect(_back(request))


def _people(count: int) -> str:
    return f"{count:,} contact{'s' if count != 1 else ''}"


def _remember_undo(request: HttpRequest, undo: dict[str, Any] | None) -> None:
    if undo is None:
        request.session.pop(BULK_SESSION, None)
    else:
        request.session[BULK_SESSION] = undo


@require_POST
def contact_bulk_undo(request: HttpRequest) -> HttpResponse:
    undo = request.session.pop(BULK_SESSION, None)
    if not isinstance(undo, dict):
        messages.info(request, "There is no change left to undo.")
        return redirect("contact-list")
    restored = services.undo_bulk(request.user, undo)
    messages.success(request, f"Undone: {_people(restored)} put back as they were.")
    return redirect("contact-list")


@require_http_methods(["GET", "POST"])
def contact_fill_fields(request: HttpRequest) -> HttpResponse:
    """Give a field of work to the contacts without one, where one can be guessed: first how
    many, then (one click) all of them, with an undo."""
    if request.method == "POST":
        count, undo = services.fill_guessed_fields(request.user)
        _remember_undo(request, undo)
        messages.success(request, f"Filled in the field of work for {_people(count)}.")
        return redirect("contact-list")
    guessed = services.guessed_fields(request.user)
    counts = sorted(((field, len(ids)) for field, ids in guessed.items()), key=lambda c: -c[1])
    empty = Contact.objects.owned_by(request.user).filter(field="").count()
    context = {
        "counts": counts,
        "total": sum(n for _, n in counts),
        "empty": empty,
        "undo_limit": services.UNDO_LIMIT,
    }
    return render(request, "network/contact_fill_fields.html", context)


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
    # What the mailbox sync recorded (and wasn't undone), by message and kind.
    found = {
        (f.message_id, f.kind): f for f in contact.mailbox_findings.all() if f.undone_at is None
    }
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
                "found": found.get((message.pk, "sent")) if message.status == "sent" else None,
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
                    "found": found.get((message.pk, "reply")),
                    "outcome": message.reply_outcome,
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
    prefetch_related_objects([contact], "messages", "meetings", "referrals", "mailbox_findings")
    tz = user_tz(profile_of(request.user))
    return render(
        request,
        "network/contact_detail.html",
        {
            "contact": contact,
            "tz": tz,
            "today": timezone.now().astimezone(tz).date(),
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
    at = int_param(request, "organization")  # "Add someone there", from Today
    if at is not None and contact.pk is None:
        org = Organization.objects.owned_by(request.user).filter(pk=at).first()
        if org is not None:
            initial["organization_name"] = org.name
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
