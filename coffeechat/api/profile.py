"""/api/v1/profile: who the user is, used to fill drafts and to count business days."""

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from coffeechat.accounts.forms import ProfileForm
from coffeechat.accounts.models import Profile
from coffeechat.accounts.services import profile_of
from coffeechat.api.forms import form_data, validated

router = Router(tags=["profile"])


class ProfileIn(Schema):
    display_name: str | None = None
    school: str | None = None
    program: str | None = None
    year: str | None = None
    fields_of_interest: list[str] | None = None
    goals: str | None = None
    country: str | None = None
    time_zone: str | None = None
    introduction: str | None = None
    email: str | None = None
    phone: str | None = None
    postal_address: str | None = None
    prefer_first_names: bool | None = None


class ProfileOut(Schema):
    display_name: str
    school: str
    program: str
    year: str
    fields_of_interest: list[str]
    goals: str
    country: str
    time_zone: str
    introduction: str
    email: str
    phone: str
    postal_address: str
    prefer_first_names: bool


@router.get("", response=ProfileOut)
def read_profile(request: HttpRequest) -> Profile:
    return profile_of(request.user)


@router.patch("", response=ProfileOut)
def update_profile(request: HttpRequest, payload: ProfileIn) -> Profile:
    profile = profile_of(request.user)
    changes: dict[str, Any] = payload.dict(exclude_unset=True)
    fields = changes.pop("fields_of_interest", profile.fields_of_interest) or []
    if not all(isinstance(f, str) for f in fields):
        fields = []
    changes["fields_text"] = ", ".join(f.replace(",", " ") for f in fields)
    form = ProfileForm(form_data(profile, ProfileForm, changes), instance=profile)
    saved: Profile = validated(form).save()  # type: ignore[attr-defined]
    return saved
