"""The composer: pick a contact and a kind, get a draft, edit it with live findings, then
copy it, open it in the mail program, download it as .eml, send it, or save it as a draft.

The page saves as the user types (`autosave`), swaps in another kind's draft in place
(`fresh_draft`) and finds the recipient as they type (`contact_matches`); each answers JSON to
composer.js, and the page still works as plain forms without it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coffeechat.accounts.services import profile_of
from coffeechat.common.http import int_param, parse_id
from coffeechat.common.owned import get_owned_or_404
from coffeechat.domain import sent_notes, vocab
from coffeechat.domain.checker import CHANNELS, KINDS
from coffeechat.domain.drafts import Draft
from coffeechat.network.models import Contact
from coffeechat.outreach import delivery, queries, services
from coffeechat.outreach.context import user_tz
from coffeechat.outreach.drafting import copy_as_draft, draft_for, proposed_times_text
from coffeechat.outreach.forms import ComposeForm, unix_newlines
from coffeechat.outreach.models import Message
from coffeechat.outreach.review import review

TEMPLATE = "outreach/compose.html"


@require_http_methods(["GET", "POST"])
def compose(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        return _act(request, Message())
    contact_id = int_param(request, "contact")
    contact = queries.contact_for_draft(request.user, contact_id) if contact_id else None
    q = request.GET.get("q", "").strip()
    if contact is not None and q and q != contact.full_name:
        contact = None  # another name typed without JavaScript: search for it instead
    kind = _kind(request.GET.get("kind", ""))
    initial: dict[str, Any] = {"kind": kind}
    missing: tuple[str, ...] = ()
    tips: tuple[str, ...] = ()
    if contact is not None:
        draft = _draft_from_query(request, contact, kind)
        initial |= {
            "contact": contact.pk,
            "channel": draft.channel,
            "subject": draft.subject or "",
            "body": draft.body,
        }
        missing, tips = draft.missing, draft.tips
    form = ComposeForm(initial=initial, owner=request.user)
    return _page(request, form, None, contact=contact, missing=missing, tips=tips)


def _kind(typed: str) -> str:
    return typed if typed in KINDS else "request"


def _draft_from_query(request: HttpRequest, contact: Contact, kind: str) -> Draft:
    """The draft of `kind` for `contact`, about the meeting and person the query names."""
    meeting_id = int_param(request, "meeting")
    meeting = queries.owned_meeting(request.user, meeting_id) if meeting_id else None
    about_id = int_param(request, "about")
    about = queries.contact_for_draft(request.user, about_id) if about_id else None
    return draft_for(request.user, contact, kind, timezone.now(), meeting, about)


@require_http_methods(["GET", "POST"])
def message_detail(request: HttpRequest, pk: int) -> HttpResponse:
    message = queries.message_detail(request.user, pk)
    if request.method == "POST":
        if message.status == "sent":
            messages.info(request, SENT_STAYS)
            return redirect("message-detail", pk=pk)
        return _act(request, message)
    if message.status == "sent":
        context = {"message": message, "contact": message.contact} | _times(request, message)
        return render(request, TEMPLATE, context)
    form = ComposeForm(instance=message, owner=request.user)
    return _page(request, form, message, contact=message.contact)


SENT_STAYS = (
    "This one has already gone out, so it stays as it was sent. "
    "Copy it into a new draft to reuse the words."
)


@require_POST
def copy_message(request: HttpRequest, pk: int) -> HttpResponse:
    """A new draft with a sent message's words, kind and contact."""
    copy = copy_as_draft(queries.message_detail(request.user, pk))
    messages.success(
        request, "Here's a new draft with the same words. The sent one stays as it was."
    )
    return redirect("message-detail", pk=copy.pk)


@require_POST
def autosave_new(request: HttpRequest) -> JsonResponse:
    """The first save of a new draft creates it; its answer says where later saves go."""
    return _autosave(request, Message())


@require_POST
def autosave(request: HttpRequest, pk: int) -> JsonResponse:
    return _autosave(request, queries.message_detail(request.user, pk))


def _autosave(request: HttpRequest, message: Message) -> JsonResponse:
    """Save what is typed, as it is typed. A sent message stays as it went out."""
    if message.status == "sent":
        return JsonResponse({"error": SENT_STAYS}, status=409)
    form = ComposeForm(request.POST, instance=message, owner=request.user)
    if not form.is_valid():
        errors = {name: [str(e) for e in errs] for name, errs in form.errors.items()}
        return JsonResponse({"errors": errors}, status=422)
    saved = form.save()
    return JsonResponse(
        {
            "id": saved.pk,
            "url": reverse("message-detail", args=[saved.pk]),
            "autosave": reverse("message-autosave", args=[saved.pk]),
        }
    )


@require_GET
def fresh_draft(request: HttpRequest) -> JsonResponse:
    """A fresh draft of `kind` for `contact`, for changing kind or starting over in place."""
    contact_id = int_param(request, "contact")
    if contact_id is None:
        return JsonResponse({"error": "Choose who it's for first."}, status=400)
    contact = queries.contact_for_draft(request.user, contact_id)
    kind = _kind(request.GET.get("kind", ""))
    draft = _draft_from_query(request, contact, kind)
    return JsonResponse(
        {
            "kind": kind,
            "label": dict(vocab.MESSAGE_KINDS)[kind],
            "channel": draft.channel,
            "subject": draft.subject or "",
            "body": draft.body,
            "missing": bool(draft.missing),
            "tips": list(draft.tips),
        }
    )


@require_GET
def contact_matches(request: HttpRequest) -> JsonResponse:
    """At most ten of the user's contacts matching what is typed, for the recipient picker."""
    found = queries.contact_matches(request.user, request.GET.get("q", ""))
    return JsonResponse({"contacts": [_choice(c) for c in found]})


def _choice(contact: Contact) -> dict[str, Any]:
    return {"id": contact.pk, "name": contact.full_name, "detail": queries.contact_detail(contact)}


@require_POST
def findings(request: HttpRequest) -> HttpResponse:
    """The findings fragment, refreshed as the user types (htmx)."""
    post = request.POST
    contact_id = post.get("contact", "")
    contact = (
        get_owned_or_404(Contact.objects.select_related("organization", "referred_by"),
                         request.user, pk=contact_id)
        if contact_id
        else None
    )  # fmt: skip
    kind = post.get("kind", "")
    channel = post.get("channel", "")
    context = _review_context(
        request,
        contact=contact,
        kind=kind if kind in KINDS else "request",
        channel=channel if channel in CHANNELS else "email",
        subject=post.get("subject", "").strip(),
        body=unix_newlines(post.get("body", ""))[:20000],
    )
    return render(request, TEMPLATE + "#review", context)


def _act(request: HttpRequest, message: Message) -> HttpResponse:
    action = request.POST.get("action", "check")
    data = _with_proposed_times(request) if action == "times" else request.POST
    form = ComposeForm(data, instance=message, owner=request.user)
    if not form.is_valid():
        return _page(request, form, message if message.pk else None, status=422)
    if action in {"check", "times"}:
        return _page(request, form, message if message.pk else None)
    if action == "restart":
        return _restart(request, form, message)
    saved = form.save()
    if action == "eml":
        return eml_response(request, saved)
    if action == "send":
        return _send(request, saved)
    messages.success(request, "Draft saved. It stays here until you send it.")
    return redirect("message-detail", pk=saved.pk)


def _restart(request: HttpRequest, form: ComposeForm, message: Message) -> HttpResponse:
    """Start over: a fresh draft of the chosen kind replaces the text (not saved yet)."""
    contact: Contact = form.cleaned_data["contact"]
    draft = draft_for(request.user, contact, form.cleaned_data["kind"], timezone.now())
    data = request.POST.copy()
    data["channel"], data["subject"], data["body"] = draft.channel, draft.subject or "", draft.body
    fresh = ComposeForm(data, instance=message, owner=request.user)
    return _page(
        request, fresh, message if message.pk else None, contact=contact,
        missing=draft.missing, tips=draft.tips,
    )  # fmt: skip


def _with_proposed_times(request: HttpRequest) -> QueryDict:
    data = request.POST.copy()
    contact_id = parse_id(data.get("contact", ""))
    contact = (
        Contact.objects.owned_by(request.user).filter(pk=contact_id).first()
        if contact_id is not None
        else None
    )
    paragraph = proposed_times_text(request.user, contact, timezone.now())
    body = unix_newlines(data.get("body", "")).rstrip()
    data["body"] = f"{body}\n\n{paragraph}" if body else paragraph
    return data


def _send(request: HttpRequest, message: Message) -> HttpResponse:
    config = delivery.smtp_config(request.user)
    error = ""
    if config is None:
        error = (
            "No mail server is set up yet. Add yours in outreach settings, or download the .eml."
        )
    else:
        try:
            services.send_by_smtp(request.user, message, config, timezone.now())
        except delivery.DeliveryError as exc:
            error = str(exc)
    if error:
        form = ComposeForm(instance=message, owner=request.user)
        return _page(request, form, message, send_error=error, status=502)
    messages.success(request, sent_notes.sent_note(message.kind, message.contact.full_name))
    return redirect("message-detail", pk=message.pk)


def eml_response(request: HttpRequest, message: Message) -> HttpResponse:
    email = services.email_of(
        request.user,
        message,
        delivery.from_address(request.user),
        delivery.valid_address(message.contact.email),
    )
    response = HttpResponse(delivery.eml_bytes(email), content_type="message/rfc822")
    response["Content-Disposition"] = f'attachment; filename="message-{message.pk}.eml"'
    return response


def _review_context(
    request: HttpRequest, *, contact: Contact | None, kind: str, channel: str, subject: str,
    body: str,
) -> dict[str, Any]:  # fmt: skip
    result = review(
        request.user, body, contact=contact, kind=kind, channel=channel, subject=subject or None,
        now=timezone.now(),
    )  # fmt: skip
    to_addr = delivery.valid_address(contact.email) if contact else ""
    return {
        "review": result,
        "mailto": delivery.mailto_url(to_addr, subject, body) if channel == "email" else "",
    }


def _page(
    request: HttpRequest,
    form: ComposeForm,
    message: Message | None,
    *,
    contact: Contact | None = None,
    missing: tuple[str, ...] = (),
    tips: tuple[str, ...] = (),
    send_error: str = "",
    status: int = 200,
) -> HttpResponse:
    values = _current_values(form)
    # A typed id that isn't one of the user's contacts falls back to the message's own contact.
    contact = (
        contact
        or _owned_contact(request, values["contact"])
        or (message.contact if message is not None else None)
    )
    context = _review_context(
        request,
        contact=contact,
        kind=values["kind"],
        channel=values["channel"],
        subject=values["subject"],
        body=values["body"],
    )
    context |= {
        "form": form,
        "message": message,
        "contact": contact,
        "missing": missing,
        "tips": tips,
        "send_error": send_error,
        "smtp_ready": delivery.smtp_config(request.user) is not None,
        "kinds": vocab.MESSAGE_KINDS,
        "kind": values["kind"],
        "channel": values["channel"],
    }
    context |= _times(request, message)
    if contact is None and message is None:  # the picker without JavaScript: a plain search
        q = request.GET.get("q", "").strip()
        context |= {
            "q": q,
            "matches": queries.contact_matches(request.user, q) if q else None,
            "match_limit": queries.CONTACT_MATCHES,
        }
    return render(request, TEMPLATE, context, status=status)


def _times(request: HttpRequest, message: Message | None) -> dict[str, str]:
    """The message's moments in the user's zone, with the year only when it isn't this one."""
    if message is None:
        return {}
    tz = user_tz(profile_of(request.user))
    this_year = timezone.now().astimezone(tz).year

    def when(moment: datetime | None) -> str:
        if moment is None:
            return ""
        local = moment.astimezone(tz)
        day = f"{local.day} {local:%b}" + (f" {local.year}" if local.year != this_year else "")
        return f"{day}, {local:%H:%M}"

    return {
        "sent_when": when(message.sent_at),
        "replied_when": when(message.replied_at),
        "saved_when": when(message.updated_at),
    }


def _current_values(form: ComposeForm) -> dict[str, str]:
    """What the user sees in the form right now: typed values, else the initial ones."""

    def value(name: str) -> str:
        raw = form[name].value()
        return "" if raw is None else str(raw)

    kind, channel = value("kind"), value("channel")
    return {
        "contact": value("contact"),
        "kind": kind if kind in KINDS else "request",
        "channel": channel if channel in CHANNELS else "email",
        "subject": value("subject").strip(),
        "body": unix_newlines(value("body")),
    }


def _owned_contact(request: HttpRequest, typed: str) -> Contact | None:
    contact_id = parse_id(typed)
    if contact_id is None:
        return None
    return (
        Contact.objects.owned_by(request.user)
        .select_related("organization", "referred_by")
        .filter(pk=contact_id)
        .first()
    )
