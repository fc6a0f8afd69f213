"""/api/v1/messages: list (filters, pagination), create, read, update, delete, and drafts."""

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from coffeechat.api.agenda import ReferralIn, ReferralOut
from coffeechat.api.forms import form_data, validated
from coffeechat.api.pagination import Pagination
from coffeechat.common.http import MAX_ID
from coffeechat.domain.drafts import KINDS
from coffeechat.followups import services as followups_services
from coffeechat.interviews.forms import ReferralForm
from coffeechat.interviews.services import refer
from coffeechat.network.models import Contact
from coffeechat.outreach import queries, services
from coffeechat.outreach.drafting import draft_for
from coffeechat.outreach.forms import MessageForm
from coffeechat.outreach.models import Message

router = Router(tags=["messages"])


class MessageIn(Schema):
    contact: int | None = None
    kind: str | None = None
    channel: str | None = None
    subject: str | None = None
    body: str | None = None
    status: str | None = None
    sent_at: datetime | None = None
    replied_at: datetime | None = None
    reply_outcome: str | None = None
    reply_text: str | None = None


class ReplyIn(Schema):
    """A reply arrived: when (default now), what it said, and optionally their words."""

    replied_at: datetime | None = None
    outcome: str = ""
    text: str = ""


class MessageOut(Schema):
    id: int
    contact: int
    kind: str
    channel: str
    subject: str
    body: str
    status: str
    sent_at: datetime | None
    replied_at: datetime | None
    reply_outcome: str
    reply_text: str
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_contact(obj: Message) -> int:
        return obj.contact_id


class ListParams(Schema):
    contact: int | None = Field(None, ge=-MAX_ID, le=MAX_ID)
    kind: str = ""
    status: str = ""


class DraftIn(Schema):
    contact: int
    kind: str = "request"
    meeting: int | None = None
    # For "introduction-blurb": the person to be introduced (one `contact` suggested).
    about: int | None = None


class DraftOut(Schema):
    kind: str
    variant: str
    channel: str
    subject: str | None
    body: str
    missing: list[str]
    tips: list[str]


def _save(request: HttpRequest, message: Message, payload: MessageIn) -> Message:
    changes: dict[str, Any] = payload.dict(exclude_unset=True)
    for moment in ("sent_at", "replied_at"):
        if changes.get(moment) is not None:
            changes[moment] = changes[moment].isoformat()
    form = MessageForm(
        form_data(message, MessageForm, changes), instance=message, owner=request.user
    )
    saved = validated(form).save()  # type: ignore[attr-defined]
    return queries.message_detail(request.user, saved.pk)


@router.get("", response=list[MessageOut])
@paginate(Pagination)
def list_messages(request: HttpRequest, params: Query[ListParams]) -> Any:
    return queries.message_list(request.user, queries.MessageFilters(**params.dict()))


@router.post("", response={201: MessageOut})
def create_message(request: HttpRequest, payload: MessageIn) -> Status:
    return Status(201, _save(request, Message(), payload))


@router.post("/draft", response=DraftOut)
def draft(request: HttpRequest, payload: DraftIn) -> dict[str, Any]:
    from coffeechat.api.main import FormErrors

    if payload.kind not in KINDS:
        raise FormErrors({"kind": [f"Unknown kind {payload.kind!r}. Kinds: {', '.join(KINDS)}."]})
    contact = Contact.objects.owned_by(request.user).filter(pk=payload.contact).first()
    if contact is None:
        raise FormErrors({"contact": [f"You have no contact with id {payload.contact}."]})
    meeting = queries.owned_meeting(request.user, payload.meeting) if payload.meeting else None
    about = None
    if payload.about is not None:
        about = Contact.objects.owned_by(request.user).filter(pk=payload.about).first()
        if about is None:
            raise FormErrors({"about": [f"You have no contact with id {payload.about}."]})
    made = draft_for(request.user, contact, payload.kind, timezone.now(), meeting, about)
    return {
        "kind": made.kind,
        "variant": made.variant,
        "channel": made.channel,
        "subject": made.subject,
        "body": made.body,
        "missing": list(made.missing),
        "tips": list(made.tips),
    }


@router.get("/{message_id}", response=MessageOut)
def read_message(request: HttpRequest, message_id: int) -> Message:
    return queries.message_detail(request.user, message_id)


@router.patch("/{message_id}", response=MessageOut)
def update_message(request: HttpRequest, message_id: int, payload: MessageIn) -> Message:
    return _save(request, queries.message_detail(request.user, message_id), payload)


@router.post("/{message_id}/reply", response=MessageOut)
def record_reply(request: HttpRequest, message_id: int, payload: ReplyIn) -> Message:
    """Note a reply: `outcome` is one of yes, proposed, declined, referred (empty: not said).

    On a reply already noted (one found in the mailbox), leaving out `replied_at` or `text`
    keeps the moment it came and the words kept from it: noting the outcome later loses nothing.
    """
    message = queries.message_detail(request.user, message_id)
    changes = MessageIn(
        replied_at=payload.replied_at or message.replied_at or timezone.now(),
        reply_outcome=payload.outcome,
        reply_text=payload.text if "text" in payload.model_fields_set else message.reply_text,
    )
    message = _save(request, message, changes)
    if message.replied_at is not None:  # learn how quickly they answer; wake them if dormant
        followups_services.record_reply(message, message.replied_at)
    return message


@router.post("/{message_id}/referrals", response={200: ReferralOut, 201: ReferralOut})
def add_referral(request: HttpRequest, message_id: int, payload: ReferralIn) -> Status:
    """The reply suggested someone else: add them, remembering who referred them."""
    from coffeechat.api.main import FormErrors

    message = queries.message_detail(request.user, message_id)
    if message.replied_at is None:
        raise FormErrors(
            {"non_field": ["Note the reply first (POST …/reply); then add who it named."]}
        )
    form = validated(ReferralForm(payload.dict()))
    contact, created = refer(message.contact, form.cleaned_data, heard_at=message.replied_at)
    return Status(201 if created else 200, contact)


@router.delete("/{message_id}", response={204: None})
def delete_message(request: HttpRequest, message_id: int) -> Status:
    services.delete_message(queries.message_detail(request.user, message_id))
    return Status(204, None)
