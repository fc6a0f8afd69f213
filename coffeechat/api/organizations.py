"""/api/v1/organizations: the target list, with LAMP scores."""

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate

from coffeechat.api.forms import form_data, validated
from coffeechat.api.pagination import Pagination
from coffeechat.common.owned import get_owned_or_404
from coffeechat.network import queries
from coffeechat.network.forms import OrganizationForm
from coffeechat.network.models import Organization

router = Router(tags=["organizations"])


class OrganizationIn(Schema):
    name: str | None = None
    industry: str | None = None
    website: str | None = None
    location: str | None = None
    research_notes: str | None = None
    advocacy: bool | None = None
    motivation: int | None = None
    posting: bool | None = None


class OrganizationOut(Schema):
    id: int
    name: str
    industry: str
    website: str
    location: str
    research_notes: str
    advocacy: bool
    motivation: int | None
    posting: bool
    created_at: datetime
    updated_at: datetime


class ListParams(Schema):
    q: str = ""
    sort: str = "lamp"


def _save(request: HttpRequest, org: Organization, payload: OrganizationIn) -> Organization:
    data = form_data(org, OrganizationForm, payload.dict(exclude_unset=True))
    form = OrganizationForm(data, instance=org, owner=request.user)
    saved: Organization = validated(form).save()  # type: ignore[attr-defined]
    return saved


@router.get("", response=list[OrganizationOut])
@paginate(Pagination)
def list_organizations(request: HttpRequest, params: Query[ListParams]) -> Any:
    return queries.organization_list(request.user, params.q, params.sort)


@router.post("", response={201: OrganizationOut})
def create_organization(request: HttpRequest, payload: OrganizationIn) -> Status:
    return Status(201, _save(request, Organization(), payload))


@router.get("/{organization_id}", response=OrganizationOut)
def read_organization(request: HttpRequest, organization_id: int) -> Organization:
    return get_owned_or_404(Organization, request.user, pk=organization_id)


@router.patch("/{organization_id}", response=OrganizationOut)
def update_organization(
    request: HttpRequest, organization_id: int, payload: OrganizationIn
) -> Organization:
    org = get_owned_or_404(Organization, request.user, pk=organization_id)
    return _save(request, org, payload)


@router.delete("/{organization_id}", response={204: None})
def delete_organization(request: HttpRequest, organization_id: int) -> Status:
    get_owned_or_404(Organization, request.user, pk=organization_id).delete()
    return Status(204, None)
