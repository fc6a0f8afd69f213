"""/api/v1/meetings: schedule, list, read, change (PATCH), delete, and download as .ics.

Times must carry their UTC offset: a bare "10:00" would be read in the server's zone and could
quietly move the meeting by hours.
"""

from datetime import datetime
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate

from coffeechat.accounts.services import profile_of
from coffeechat.api.forms import form_data, validated
from coffeechat.api.pagination import Pagination
from coffeechat.common.owned import get_owned_or_404
from coffeechat.domain import vocab
from coffeechat.followups import calendars, scheduling
from coffeechat.followups.forms import MeetingForm
from coffeechat.followups.rule_settings import rule_settings_for
from coffeechat.interviews.models import Meeting
from coffeechat.network.models import Contact

router = Router(tags=["meetings"])


class MeetingIn(Schema):
    contact: int | None = None
    starts_at: datetime | None = None
    minutes: int | None = None
    mode: str | None = None
    location: str | None = None
    status: str | None = None
    ended_at: datetime | None = None


class MeetingOut(Schema):
    id: int
    contact: int
    contact_name: str
    starts_at: datetime
    minutes: int
    mode: str
    location: str
    status: str
    ended_at: datetime | None
    sequence: int
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_contact(obj: Meeting) -> int:
        return obj.contact_id

    @staticmethod
    def resolve_contact_name(obj: Meeting) -> str:
        return obj.contact.full_name


class MeetingDetailOut(MeetingOut):
    warnings: list[str]

    @staticmethod
    def resolve_warnings(obj: Meeting, context: dict[str, Any]) -> list[str]:
        user = context["request"].user
        return scheduling.warnings(obj, rule_settings_for(profile_of(user)).time_zone)


class ListParams(Schema):
    status: str = ""


def _meetings() -> Any:
    return Meeting.objects.select_related("contact", "contact__organization")


def _refuse(field: str, message: str) -> None:
    from coffeechat.api.main import FormErrors

    raise FormErrors({field: [message]})


def _save(request: HttpRequest, meeting: Meeting, payload: MeetingIn) -> Meeting:
    changes = payload.dict(exclude_unset=True)
    for name in ("starts_at", "ended_at"):
        moment = changes.get(name)
        if moment is not None and moment.utcoffset() is None:
            _refuse(name, "Add the UTC offset, e.g. 2026-12-01T10:00:00-05:00.")
    starts_at = changes.get("starts_at") or (meeting.starts_at if meeting.pk else None)
    if changes.get("status") == "held" and starts_at is not None and starts_at > timezone.now():
        # As on the web, a meeting still ahead can't be over: say when it really began.
        _refuse(
            "starts_at",
            "This meeting is set for later, so it can't have been held yet. If it happened "
            "earlier, send its real starts_at along with the status.",
        )
    contact = meeting.contact if meeting.pk else None
    if "contact" in changes or contact is None:
        contact_id = changes.pop("contact", None)
        contact = Contact.objects.owned_by(request.user).filter(pk=contact_id).first()
        if contact is None:
            _refuse("contact", "Say whom you are meeting: the id of one of your contacts.")
    assert contact is not None
    meeting.contact = contact
    form = MeetingForm(form_data(meeting, MeetingForm, changes), instance=meeting)
    saved = scheduling.save_meeting(validated(form), contact)  # type: ignore[arg-type]
    found: Meeting = _meetings().get(pk=saved.pk)
    return found


@router.get("", response=list[MeetingOut])
@paginate(Pagination)
def list_meetings(request: HttpRequest, params: Query[ListParams]) -> Any:
    meetings = Meeting.objects.owned_by(request.user).select_related("contact")
    if params.status in vocab.ids(vocab.MEETING_STATUSES):
        meetings = meetings.filter(status=params.status)
    return meetings.order_by("starts_at", "id")


@router.post("", response={201: MeetingDetailOut})
def create_meeting(request: HttpRequest, payload: MeetingIn) -> Status:
    return Status(201, _save(request, scheduling.new_meeting(request.user), payload))


@router.get("/{meeting_id}.ics")
def meeting_calendar_file(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = get_owned_or_404(_meetings(), request.user, pk=meeting_id)
    body = calendars.meeting_file(
        meeting, profile_of(request.user), request.build_absolute_uri("/")
    )
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


@router.get("/{meeting_id}", response=MeetingDetailOut)
def read_meeting(request: HttpRequest, meeting_id: int) -> Meeting:
    return get_owned_or_404(_meetings(), request.user, pk=meeting_id)


@router.patch("/{meeting_id}", response=MeetingDetailOut)
def update_meeting(request: HttpRequest, meeting_id: int, payload: MeetingIn) -> Meeting:
    return _save(request, get_owned_or_404(_meetings(), request.user, pk=meeting_id), payload)


@router.delete("/{meeting_id}", response={204: None})
def delete_meeting(request: HttpRequest, meeting_id: int) -> Status:
    scheduling.delete_meeting(get_owned_or_404(Meeting, request.user, pk=meeting_id))
    return Status(204, None)
