"""/api/v1/meetings/{id}/…: planning the agenda and everything live mode saves as you type.

Every write is owner-scoped (someone else's meeting is a 404), size-checked through the same
forms as the web pages, and safe to repeat: live mode re-sends what may not have arrived.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from pydantic import ValidationError as PydanticError

from coffeechat.api.forms import validated
from coffeechat.domain.questions.planner import Order
from coffeechat.interviews import queries, services
from coffeechat.interviews.forms import (
    AdviceForm,
    AgendaItemForm,
    MeetingNotesForm,
    NewItemForm,
    ReferralForm,
    ResourceForm,
)
from coffeechat.interviews.models import AgendaItem, Meeting

router = Router(tags=["agenda"])


class PlanIn(Schema):
    order: Literal["natural", "tiara"] = "natural"


class PlannedOut(Schema):
    id: int
    order: int
    question_id: int | str
    text: str
    category: str
    minutes: int


class ItemOut(Schema):
    id: int
    order: int
    question_key: str
    text: str
    category: str
    minutes: int
    asked: bool
    notes: str
    updated_at: datetime


class ItemIn(Schema):
    asked: bool | None = None
    notes: str | None = None
    text: str | None = None


class NewItemIn(Schema):
    text: str
    category: str = "advice"
    minutes: int = 2


class OrderIn(Schema):
    items: list[int]


class NotesIn(Schema):
    notes: str | None = None
    advice: str | None = None
    objective: str | None = None


class MeetingStateOut(Schema):
    id: int
    status: str
    started_at: datetime | None
    ended_at: datetime | None
    objective: str
    notes: str
    advice: str
    updated_at: datetime


class TipOut(Schema):
    text: str
    why: str


class PrepOut(Schema):
    """The prep sheet as data: the one-line objective, the checklist for how you meet, and
    the agenda."""

    id: int
    mode: str
    objective: str
    logistics: list[TipOut]
    agenda: list[ItemOut]


class AdviceIn(Schema):
    text: str


class ReferralIn(Schema):
    name: str
    organization: str = ""
    email: str = ""
    linkedin_url: str = ""
    may_mention: Literal["yes", "no", "unknown"] = "unknown"


class ReferralOut(Schema):
    id: int
    name: str
    organization: str
    referred_by: int | None
    referred_in: int | None
    may_mention: str
    notes: str

    @staticmethod
    def resolve_may_mention(obj: Any) -> str:
        return str(obj.referrer_consent)

    @staticmethod
    def resolve_name(obj: Any) -> str:
        return str(obj.full_name)

    @staticmethod
    def resolve_organization(obj: Any) -> str:
        return obj.organization.name if obj.organization else ""

    @staticmethod
    def resolve_referred_by(obj: Any) -> int | None:
        return obj.referred_by_id

    @staticmethod
    def resolve_referred_in(obj: Any) -> int | None:
        return obj.referred_in_id


class ResourceIn(Schema):
    kind: str = "other"
    title: str
    url: str = ""
    notes: str = ""


class ResourceOut(Schema):
    id: int
    kind: str
    title: str
    url: str
    notes: str


def _meeting(request: HttpRequest, meeting_id: int) -> Meeting:
    return queries.meeting_for(request.user, meeting_id)


def _changes(form_class: Any, payload: Schema) -> dict[str, Any]:
    """Only the fields the client sent (null means "leave it"), validated by the form."""
    sent = {k: v for k, v in payload.dict(exclude_unset=True).items() if v is not None}
    data = {k: "on" if v is True else "" if v is False else v for k, v in sent.items()}
    form = validated(form_class(data))
    return {name: form.cleaned_data[name] for name in sent}


def _planned(item: Any, row: AgendaItem) -> dict[str, Any]:
    return {
        "id": row.pk,
        "order": item.order,
        "question_id": item.question_id,
        "text": item.text,
        "category": item.category,
        "minutes": item.minutes,
    }


def _plan_order(request: HttpRequest) -> Order:
    """The body is optional: none (or `{}`) plans in the natural order."""
    if not request.body.strip():
        return "natural"
    try:
        return PlanIn.model_validate_json(request.body).order
    except PydanticError as exc:
        raise HttpError(
            422, 'Send no body, or {"order": "natural"} or {"order": "tiara"}.'
        ) from exc


@router.post(
    "/{meeting_id}/agenda/plan",
    response=list[PlannedOut],
    openapi_extra={
        "requestBody": {
            "required": False,
            "content": {"application/json": {"schema": PlanIn.model_json_schema()}},
        }
    },
)
def plan_agenda(request: HttpRequest, meeting_id: int) -> Any:
    meeting = _meeting(request, meeting_id)
    try:
        agenda = services.plan_agenda(meeting, _plan_order(request))
    except services.AgendaInUse as exc:
        raise HttpError(409, str(exc)) from exc
    stored = queries.agenda_of(meeting)
    return [_planned(item, row) for item, row in zip(agenda.items, stored, strict=True)]


@router.get("/{meeting_id}/agenda", response=list[ItemOut])
def read_agenda(request: HttpRequest, meeting_id: int) -> list[AgendaItem]:
    return queries.agenda_of(_meeting(request, meeting_id))


@router.get("/{meeting_id}/prep", response=PrepOut)
def read_prep(request: HttpRequest, meeting_id: int) -> dict[str, Any]:
    sheet = queries.prep_sheet(request.user, meeting_id)
    meeting = sheet["meeting"]
    return {
        "id": meeting.pk,
        "mode": meeting.mode,
        "objective": meeting.objective,
        "logistics": sheet["logistics"],
        "agenda": sheet["items"],
    }


@router.post("/{meeting_id}/agenda/items", response={201: ItemOut})
def add_item(request: HttpRequest, meeting_id: int, payload: NewItemIn) -> Status:
    meeting = _meeting(request, meeting_id)
    form = validated(NewItemForm(payload.dict()))
    return Status(201, services.add_item(meeting, **form.cleaned_data))


@router.patch("/{meeting_id}/agenda/items/{item_id}", response=ItemOut)
def update_item(request: HttpRequest, meeting_id: int, item_id: int, payload: ItemIn) -> Any:
    item = queries.item_for(_meeting(request, meeting_id), item_id)
    return services.update_item(item, _changes(AgendaItemForm, payload))


@router.delete("/{meeting_id}/agenda/items/{item_id}", response={204: None})
def remove_item(request: HttpRequest, meeting_id: int, item_id: int) -> Status:
    queries.item_for(_meeting(request, meeting_id), item_id).delete()
    return Status(204, None)


@router.post("/{meeting_id}/agenda/order", response=list[ItemOut])
def reorder(request: HttpRequest, meeting_id: int, payload: OrderIn) -> list[AgendaItem]:
    meeting = _meeting(request, meeting_id)
    services.reorder(meeting, payload.items)
    return queries.agenda_of(meeting)


@router.patch("/{meeting_id}/notes", response=MeetingStateOut)
def save_notes(request: HttpRequest, meeting_id: int, payload: NotesIn) -> Meeting:
    meeting = _meeting(request, meeting_id)
    return services.update_meeting(meeting, _changes(MeetingNotesForm, payload))


@router.post("/{meeting_id}/start", response=MeetingStateOut)
def start(request: HttpRequest, meeting_id: int) -> Meeting:
    return services.start_clock(_meeting(request, meeting_id))


@router.post("/{meeting_id}/end", response=MeetingStateOut)
def end(request: HttpRequest, meeting_id: int) -> Meeting:
    return services.end_meeting(_meeting(request, meeting_id))


@router.post("/{meeting_id}/advice", response=MeetingStateOut)
def add_advice(request: HttpRequest, meeting_id: int, payload: AdviceIn) -> Meeting:
    meeting = _meeting(request, meeting_id)
    form = validated(AdviceForm(payload.dict()))
    return services.add_advice(meeting, form.cleaned_data["text"])


@router.post("/{meeting_id}/referrals", response={200: ReferralOut, 201: ReferralOut})
def add_referral(request: HttpRequest, meeting_id: int, payload: ReferralIn) -> Status:
    meeting = _meeting(request, meeting_id)
    form = validated(ReferralForm(payload.dict()))
    contact, created = services.add_referral(meeting, form.cleaned_data)
    return Status(201 if created else 200, contact)


@router.post("/{meeting_id}/resources", response={200: ResourceOut, 201: ResourceOut})
def add_resource(request: HttpRequest, meeting_id: int, payload: ResourceIn) -> Status:
    meeting = _meeting(request, meeting_id)
    form = validated(ResourceForm(payload.dict()))
    resource, created = services.add_resource(meeting, form.cleaned_data)
    return Status(201 if created else 200, resource)
