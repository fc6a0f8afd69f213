"""/api/v1/contacts: create, list (search, pagination), read, partial update, delete."""

from datetime import date, datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from coffeechat.accounts.services import profile_of
from coffeechat.api.forms import form_data, validated
from coffeechat.api.pagination import Pagination
from coffeechat.common.http import MAX_ID
from coffeechat.common.owned import get_owned_or_404
from coffeechat.network import queries, services
from coffeechat.network.forms import ContactForm
from coffeechat.network.models import Contact, Organization

router = Router(tags=["contacts"])


class ContactIn(Schema):
    honorific: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    phone: str | None = None
    linkedin_url: str | None = None
    organization: int | None = None
    organization_name: str | None = None
    title: str | None = None
    field: str | None = None
    location: str | None = None
    postal_address: str | None = None
    time_zone: str | None = None
    how_found: str | None = None
    referred_by: int | None = None
    referrer_consent: str | None = None
    tags: list[str] | None = None
    notes: str | None = None
    connected_on: date | None = None
    shortlisted: bool | None = None
    do_not_contact: bool | None = None
    closed_reason: str | None = None
    responsiveness: str | None = None
    keep_in_touch_days: int | None = None  # 30, 60, 90 or 180; 0: no reminders; null: usual


class ContactOut(Schema):
    id: int
    honorific: str
    first_name: str
    last_name: str
    email: str
    phone: str
    linkedin_url: str
    organization: int | None
    organization_name: str
    title: str
    field: str
    location: str
    postal_address: str
    time_zone: str
    how_found: str
    referred_by: int | None
    referrer_consent: str
    tags: list[str]
    notes: str
    connected_on: date | None
    shortlisted: bool
    do_not_contact: bool
    closed_reason: str
    responsiveness: str
    keep_in_touch_days: int | None
    stage: str
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_organization(obj: Contact) -> int | None:
        return obj.organization_id

    @staticmethod
    def resolve_organization_name(obj: Contact) -> str:
        return obj.organization.name if obj.organization else ""

    @staticmethod
    def resolve_referred_by(obj: Contact) -> int | None:
        return obj.referred_by_id


class ListParams(Schema):
    q: str = ""
    stage: str = ""
    how_found: str = ""
    organization: int | None = Field(None, ge=-MAX_ID, le=MAX_ID)
    field: str = ""
    tag: str = ""
    sort: str = "name"


def _form_changes(request: HttpRequest, payload: ContactIn) -> dict[str, Any]:
    changes = payload.dict(exclude_unset=True)
    if "organization" in changes:
        org_id = changes.pop("organization")
        org = (
            Organization.objects.owned_by(request.user).filter(pk=org_id).first()
            if org_id is not None
            else None
        )
        if org_id is not None and org is None:
            from coffeechat.api.main import FormErrors

            raise FormErrors({"organization": [f"You have no organization with id {org_id}."]})
        changes["organization_name"] = org.name if org else ""
    if "referred_by" in changes:
        ref = changes.pop("referred_by")
        changes["referred_by_ref"] = f"#{ref}" if ref is not None else ""
    if "tags" in changes:
        changes["tags_input"] = ",".join(changes.pop("tags") or [])
    return changes


def _save(request: HttpRequest, contact: Contact, payload: ContactIn) -> Contact:
    current: dict[str, Any] = {}
    if contact.pk:  # the form's own fields for what the model stores differently
        current = {
            "organization_name": contact.organization.name if contact.organization else "",
            "referred_by_ref": f"#{contact.referred_by_id}" if contact.referred_by_id else "",
            "tags_input": ",".join(contact.tags),
        }
    data = form_data(contact, ContactForm, current | _form_changes(request, payload))
    form = ContactForm(
        data, instance=contact, owner=request.user, country=profile_of(request.user).country
    )
    saved = validated(form).save()  # type: ignore[attr-defined]
    return queries.contact_detail(request.user, saved.pk)


@router.get("", response=list[ContactOut])
@paginate(Pagination)
def list_contacts(request: HttpRequest, params: Query[ListParams]) -> Any:
    filters = queries.ContactFilters(**params.dict())
    return queries.contact_list(request.user, filters)


@router.post("", response={201: ContactOut})
def create_contact(request: HttpRequest, payload: ContactIn) -> Status:
    return Status(201, _save(request, Contact(), payload))


@router.get("/{contact_id}", response=ContactOut)
def read_contact(request: HttpRequest, contact_id: int) -> Contact:
    return queries.contact_detail(request.user, contact_id)


@router.patch("/{contact_id}", response=ContactOut)
def update_contact(request: HttpRequest, contact_id: int, payload: ContactIn) -> Contact:
    return _save(request, get_owned_or_404(Contact, request.user, pk=contact_id), payload)


@router.delete("/{contact_id}", response={204: None})
def delete_contact(request: HttpRequest, contact_id: int) -> Status:
    services.delete_contact(get_owned_or_404(Contact, request.user, pk=contact_id))
    return Status(204, None)
