"""Scheduling: new and edit forms, the meeting page, status changes and the .ics download."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from coffeechat.accounts.services import profile_of
from coffeechat.common.http import int_param, page_of, query_without_page, render_form
from coffeechat.common.owned import get_owned_or_404
from coffeechat.domain import vocab
from coffeechat.domain.followups.ordering import day_label
from coffeechat.followups import calendars, scheduling
from coffeechat.followups.forms import HeldEarlierForm, MeetingScheduleForm
from coffeechat.followups.rule_settings import rule_settings_for
from coffeechat.interviews.models import Meeting
from coffeechat.network.models import Contact


def _zone(request: HttpRequest) -> str:
    return rule_settings_for(profile_of(request.user)).time_zone


def _owned_meeting(request: HttpRequest, pk: int) -> Meeting:
    return get_owned_or_404(
        Meeting.objects.select_related("contact", "contact__organization"), request.user, pk=pk
    )


# Still ahead: proposed or scheduled, and not begun more than this long ago (one under way counts).
_OPEN = ("proposed", "scheduled")
_UNDER_WAY = timedelta(hours=3)


def meeting_list(request: HttpRequest) -> HttpResponse:
    """Every conversation: the ones ahead, soonest first, then the ones before, latest first."""
    owned = Meeting.objects.owned_by(request.user).select_related(
        "contact", "contact__organization"
    )
    since = timezone.now() - _UNDER_WAY
    ahead = owned.filter(status__in=_OPEN, starts_at__gte=since)
    before = owned.exclude(status__in=_OPEN, starts_at__gte=since).order_by("-starts_at", "-pk")
    return render(
        request,
        "followups/meeting_list.html",
        {
            "ahead": list(ahead.order_by("starts_at", "pk")[:100]),
            "before": page_of(request, before, per_page=30),
            "query": query_without_page(request),
            "time_zone": _zone(request),
        },
    )


@require_http_methods(["GET", "POST"])
def meeting_create(request: HttpRequest) -> HttpResponse:
    contact_id = int_param(request, "contact")
    if contact_id is None:
        messages.info(request, "Pick the person you're meeting, then choose “Schedule”.")
        return redirect("contact-list")
    contact = get_owned_or_404(Contact, request.user, pk=contact_id)
    return _edit(request, scheduling.new_meeting(request.user), contact)


@require_http_methods(["GET", "POST"])
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _owned_meeting(request, pk)
    return _edit(request, meeting, meeting.contact)


def _edit(request: HttpRequest, meeting: Meeting, contact: Contact) -> HttpResponse:
    zone = _zone(request)
    form = MeetingScheduleForm(request.POST or None, instance=meeting, time_zone=zone)
    if request.method == "POST" and form.is_valid():
        saved = scheduling.save_meeting(form, contact)
        messages.success(request, f"Saved your conversation with {contact.full_name}.")
        for warning in scheduling.warnings(saved, zone):
            messages.warning(request, warning)
        return redirect("meeting-detail", pk=saved.pk)
    return render_form(
        request,
        "followups/meeting_form.html",
        {"form": form, "meeting": meeting, "contact": contact, "time_zone": zone},
        valid=request.method != "POST",
    )


def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _owned_meeting(request, pk)
    zone = _zone(request)
    return render(
        request,
        "followups/meeting_detail.html",
        {
            "meeting": meeting,
            "contact": meeting.contact,
            "time_zone": zone,
            "their_clock": scheduling.contact_clock(meeting, zone),
            "warnings": scheduling.warnings(meeting, zone),
            "statuses": [s for s in vocab.MEETING_STATUSES if s[0] != meeting.status],
        },
    )


@require_POST
def meeting_status(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _owned_meeting(request, pk)
    status = request.POST.get("status", "")
    if status not in vocab.ids(vocab.MEETING_STATUSES):
        messages.error(request, "That isn't a status a meeting can have.")
        return redirect("meeting-detail", pk=pk)
    if status == "held" and meeting.starts_at > timezone.now():
        return _held_earlier(request, meeting)
    scheduling.set_status(meeting, status, _ended_at(request, meeting))
    messages.success(request, scheduling.STATUS_NOTES[status])
    return redirect("meeting-detail", pk=pk)


def _held_earlier(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    """Held, but it is set for later: ask when it really happened before recording anything,
    so no wait or thank-you clock ever runs backwards. The answer moves the meeting's start."""
    tz = rule_settings_for(profile_of(request.user)).tzinfo
    asked = "real_day" in request.POST
    form = HeldEarlierForm(request.POST if asked else None, tz=tz, meeting=meeting)
    if asked and form.is_valid():
        scheduling.held_earlier(meeting, form.cleaned_data["starts_at"])
        messages.success(request, scheduling.STATUS_NOTES["held"])
        return redirect("meeting-detail", pk=meeting.pk)
    return render_form(
        request,
        "followups/meeting_held_earlier.html",
        {
            "form": form,
            "meeting": meeting,
            "contact": meeting.contact,
            "set_for": _day_label(meeting.starts_at.astimezone(tz), timezone.now().astimezone(tz)),
        },
        valid=not asked,
    )


def _day_label(moment: datetime, now: datetime) -> str:
    """'15:00 today', else Today's one date style ('Tue 8 Dec', 'Tue 8 Dec 2027')."""
    if moment.date() == now.date():
        return f"{moment:%H:%M} today"
    return day_label(moment.date(), now.date())


def _ended_at(request: HttpRequest, meeting: Meeting) -> datetime | None:
    """An optional end time typed as HH:MM (or HH:MM:SS) on the meeting's day, in the user's
    zone; None (ending now, to the second) when nothing usable was typed."""
    typed = request.POST.get("ended_time", "").strip()
    for layout in ("%H:%M:%S", "%H:%M"):
        try:
            clock = datetime.strptime(typed, layout).time()
        except ValueError:
            continue
        local_start = meeting.starts_at.astimezone(
            rule_settings_for(profile_of(request.user)).tzinfo
        )
        return datetime.combine(local_start.date(), clock, tzinfo=local_start.tzinfo)
    return None


def meeting_ics(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _owned_meeting(request, pk)
    body = calendars.meeting_file(
        meeting, profile_of(request.user), request.build_absolute_uri("/")
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="meeting-{meeting.pk}.ics"'
    return response
