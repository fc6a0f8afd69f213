"""Scheduling: new and edit forms, the meeting page, status changes and the .ics download."""

from __future__ import annotations

from datetime import datetime

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from coffeechat.accounts.services import profile_of
from coffeechat.common.http import int_param, render_form
from coffeechat.common.owned import get_owned_or_404
from coffeechat.domain import vocab
from coffeechat.followups import calendars, scheduling
from coffeechat.followups.forms import MeetingScheduleForm
from coffeechat.followups.rule_settings import rule_settings_for
from coffeechat.interviews.models import Meeting
from coffeechat.network.models import Contact


def _zone(request: HttpRequest) -> str:
    return rule_settings_for(profile_of(request.user)).time_zone


def _owned_meeting(request: HttpRequest, pk: int) -> Meeting:
    return get_owned_or_404(
        Meeting.objects.select_related("contact", "contact__organization"), request.user, pk=pk
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
    scheduling.set_status(meeting, status, _ended_at(request, meeting))
    messages.success(request, scheduling.STATUS_NOTES[status])
    return redirect("meeting-detail", pk=pk)


def _ended_at(request: HttpRequest, meeting: Meeting) -> datetime | None:
    """An optional end time typed as HH:MM on the meeting's day, in the user's zone."""
    typed = request.POST.get("ended_time", "").strip()
    try:
        clock = datetime.strptime(typed, "%H:%M").time()
    except ValueError:
        return None
    local_start = meeting.starts_at.astimezone(rule_settings_for(profile_of(request.user)).tzinfo)
    return datetime.combine(local_start.date(), clock, tzinfo=local_start.tzinfo)


def meeting_ics(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _owned_meeting(request, pk)
    body = calendars.meeting_file(
        meeting, profile_of(request.user), request.build_absolute_uri("/")
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="meeting-{meeting.pk}.ics"'
    return response
