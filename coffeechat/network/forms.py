"""Forms for contacts and organizations; the API validates through these too, so rules live once."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from coffeechat.accounts.services import profile_of
from coffeechat.common import validators
from coffeechat.common.forms import CheckedForm, CheckedModelForm, FieldsetsMixin
from coffeechat.domain.field_choices import FIELD_MAX
from coffeechat.domain.followups import RuleSettings
from coffeechat.followups.rule_settings import overrides
from coffeechat.network.models import KEEP_IN_TOUCH_CHOICES, Contact, Organization, encode_tags
from coffeechat.network.services import BULK_ACTIONS, NEEDS_VALUE

SINGLE_LINE_FIELDS = ("first_name", "last_name", "title", "field", "location", "name", "industry")
REF_ID = re.compile(r"#(\d+)\)?\s*$")


class SingleLineMixin:
    """Names with a newline or control character are refused with a clear message."""

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean()  # type: ignore[misc]
        for name in SINGLE_LINE_FIELDS:
            value = data.get(name)
            if isinstance(value, str):
                try:
                    validators.single_line(value)
                except ValidationError as exc:
                    self.add_error(name, exc)  # type: ignore[attr-defined]
        return data


def contact_label(contact: Contact) -> str:
    org = (
        f", {contact.organization.name}" if contact.organization_id and contact.organization else ""
    )
    return f"{contact.full_name}{org} (#{contact.pk})"


CONTACT_FIELDS = [
    "honorific", "first_name", "last_name", "email", "phone", "linkedin_url", "title", "field",
    "location", "postal_address", "time_zone", "how_found", "referrer_consent", "connected_on",
    "notes", "shortlisted", "do_not_contact", "closed_reason", "responsiveness",
    "keep_in_touch_days",
]  # fmt: skip
# The typed-in fields go where a reader expects them: the organization with the contact
# details, who suggested them just above whether you may say so, tags after.
_AFTER = {"linkedin_url": "organization_name", "how_found": "referred_by_ref"}
FIELD_ORDER = [
    name
    for field in CONTACT_FIELDS
    for name in (field, _AFTER.get(field), "tags_input" if field == "referrer_consent" else None)
    if name
]


# The groups the form shows, each named at the field it starts with.
FIELDSET_STARTS = {
    "honorific": "Their name",
    "email": "How to reach them",
    "organization_name": "Where they work",
    "how_found": "How you know them",
    "shortlisted": "Your plan",
}


class ContactForm(FieldsetsMixin, SingleLineMixin, CheckedModelForm):
    linkedin_url = forms.URLField(
        label="LinkedIn URL", required=False, max_length=300, assume_scheme="https"
    )
    organization_name = forms.CharField(
        label="Organization",
        required=False,
        max_length=200,
        help_text="Type a name; a new organization is added to your list if it isn't there yet.",
    )
    referred_by_ref = forms.CharField(
        label="Referred by",
        required=False,
        max_length=250,
        help_text="Start typing the name of the person who suggested this contact.",
        widget=forms.TextInput(
            attrs={
                "list": "referrer-options",
                "autocomplete": "off",
                "hx-get": "/contacts/suggest",
                "hx-trigger": "input changed delay:250ms",
                "hx-target": "#referrer-options",
            }
        ),
    )
    tags_input = forms.CharField(
        label="Tags", required=False, max_length=400, help_text="Separate tags with commas."
    )
    field_order = FIELD_ORDER
    fieldset_starts = FIELDSET_STARTS

    class Meta:
        model = Contact
        fields = CONTACT_FIELDS
        widgets = {
            "connected_on": forms.DateInput(attrs={"type": "date"}),
            "notes": forms.Textarea(attrs={"rows": 4}),
            "postal_address": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "honorific": "Drafts greet them as “Dear Ms. Okoye” when you pick one.",
            "referrer_consent": "Did the person who suggested them say you may use their name? "
            "“No” keeps their name out of every draft.",
            "keep_in_touch_days": "After you've thanked them, Today reminds you to send a short "
            "update this often: a mentor may like one every month, a busy stranger twice a year.",
        }

    def __init__(self, *args: Any, owner: Any, country: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.owner = owner
        self.country = country
        self.fields["referrer_consent"].required = False
        self._offer_usual_rhythm(owner)
        contact: Contact = self.instance
        if not self.is_bound and contact.pk:
            self.initial.setdefault(
                "organization_name", contact.organization.name if contact.organization else ""
            )
            self.initial.setdefault(
                "referred_by_ref", contact_label(contact.referred_by) if contact.referred_by else ""
            )
            self.initial.setdefault("tags_input", ", ".join(contact.tags))

    def _offer_usual_rhythm(self, owner: Any) -> None:
        """The empty choice follows the user's own rule settings; say how often that is."""
        field = self.fields["keep_in_touch_days"]
        stored = overrides(profile_of(owner).rule_settings)
        usual = stored.get("keep_in_touch_days", RuleSettings().keep_in_touch_days)
        field.choices = [("", f"As usual (every {usual} days)"), *KEEP_IN_TOUCH_CHOICES]  # type: ignore[attr-defined]

    def clean_referrer_consent(self) -> str:
        """Not asked yet, unless the form says otherwise (older clients don't send it)."""
        value: str = self.cleaned_data.get("referrer_consent") or ""
        return value or self.instance.referrer_consent or "unknown"

    def clean_phone(self) -> str:
        value: str = self.cleaned_data.get("phone", "")
        if value.strip() and value.strip() == self.instance.phone:
            return self.instance.phone  # kept as typed by an import: editing else must not fail
        return validators.normalize_phone(value, self.country)

    def clean_linkedin_url(self) -> str:
        value: str = self.cleaned_data.get("linkedin_url", "")
        validators.linkedin_url(value)
        return value

    def clean_time_zone(self) -> str:
        value: str = self.cleaned_data.get("time_zone", "")
        validators.time_zone(value)
        return value

    def clean_referred_by_ref(self) -> Contact | None:
        text = self.cleaned_data.get("referred_by_ref", "").strip()
        if not text:
            return None
        mine = Contact.objects.owned_by(self.owner)
        match = REF_ID.search(text)
        if match or text.isdigit():
            pk = int(match.group(1) if match else text)
            found = mine.filter(pk=pk).first()
            if found is None:
                raise ValidationError("We couldn't find that person among your contacts.")
        else:
            parts = text.split()
            candidates = list(
                mine.filter(first_name__iexact=parts[0], last_name__iexact=" ".join(parts[1:]))[:2]
            )
            if not candidates:
                raise ValidationError(
                    f"No contact called “{text}” yet. Add them first, then pick them here."
                )
            if len(candidates) > 1:
                raise ValidationError(
                    f"Several contacts are called “{text}”. Pick the right one from the list."
                )
            found = candidates[0]
        if self.instance.pk and self._refers_back(found):
            raise ValidationError("That would make a loop: this person led you to them.")
        return found

    def _refers_back(self, referrer: Contact) -> bool:
        """True when `referrer` is this contact or was (indirectly) referred by it."""
        seen: set[int] = set()
        current: Contact | None = referrer
        while current is not None and current.pk not in seen:
            if current.pk == self.instance.pk:
                return True
            seen.add(current.pk)
            current = current.referred_by
        return False

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not (data.get("first_name") or data.get("last_name") or data.get("email")):
            raise ValidationError("Give this contact at least a name or an e-mail address.")
        return data

    def save(self, commit: bool = True) -> Contact:
        from coffeechat.network.services import organization_named

        contact: Contact = super().save(commit=False)
        contact.owner = self.owner
        contact.organization = organization_named(
            self.owner, self.cleaned_data.get("organization_name", "")
        )
        contact.referred_by = self.cleaned_data.get("referred_by_ref")
        contact.tags_text = encode_tags(self.cleaned_data.get("tags_input", "").split(","))
        if commit:
            contact.save()
        return contact


class OrganizationForm(SingleLineMixin, CheckedModelForm):
    website = forms.URLField(required=False, max_length=300, assume_scheme="https")

    class Meta:
        model = Organization
        fields = [
            "name",
            "industry",
            "website",
            "location",
            "advocacy",
            "motivation",
            "posting",
            "research_notes",
        ]
        widgets = {"research_notes": forms.Textarea(attrs={"rows": 6})}
        help_texts = {
            "advocacy": "For someone who isn't on your list yet. Once people from here are on "
            "your list, coffeechat counts whom you've met, thanked or heard back from instead.",
        }

    def __init__(self, *args: Any, owner: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.owner = owner

    def clean_name(self) -> str:
        from coffeechat.network.models import name_key

        name = " ".join(self.cleaned_data.get("name", "").split())
        if not name:
            raise ValidationError("An organization needs a name.")
        clash = Organization.objects.owned_by(self.owner).filter(name_key=name_key(name))
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise ValidationError(f"“{name}” is already on your list.")
        return name

    def save(self, commit: bool = True) -> Organization:
        org: Organization = super().save(commit=False)
        org.owner = self.owner
        if commit:
            org.save()
        return org


class ImportFieldsForm(CheckedForm):
    """The fields of work chosen in an import's preview: one for the whole import (or keep the
    guesses, or none for anyone) and one per row shown. `field-<line>` is what the row says now,
    `was-<line>` what it said when drawn, so only rows the student changed count as changes.
    Build it with `import_fields_form`, which adds the rows that were posted."""

    KEEP = "guess"
    NONE = "none"

    all_fields = forms.CharField(required=False, max_length=FIELD_MAX + 1)
    lines: list[int] = []

    def whole(self, current: str | None) -> str | None:
        """None keeps each row's guess, "" leaves the field empty for everyone; `current` when
        the form didn't say."""
        chosen = self.cleaned_data.get("all_fields", "")
        if not chosen:
            return current
        if chosen == self.KEEP:
            return None
        if chosen == self.NONE:
            return ""
        return str(chosen).removeprefix("=")

    def edits(self) -> dict[int, str]:
        data = self.cleaned_data
        return {
            line: data.get(f"field-{line}", "")
            for line in self.lines
            if data.get(f"field-{line}", "") != data.get(f"was-{line}", "")
        }


_ROW_KEY = re.compile(r"field-(\d{1,9})")


def import_fields_form(data: Any, *, max_rows: int) -> ImportFieldsForm:
    found = (_ROW_KEY.fullmatch(key) for key in data)
    lines = sorted({int(match[1]) for match in found if match})[:max_rows]
    rows: dict[str, Any] = {"lines": lines}
    for line in lines:
        rows[f"field-{line}"] = forms.CharField(required=False, max_length=FIELD_MAX)
        rows[f"was-{line}"] = forms.CharField(
            required=False, max_length=FIELD_MAX, widget=forms.HiddenInput
        )
    form_class = type("ImportFieldsForm", (ImportFieldsForm,), rows)
    return form_class(data)


class BulkForm(CheckedForm):
    """A change to many contacts from the contact list (see `services.plan_bulk`)."""

    action = forms.ChoiceField(choices=list(BULK_ACTIONS.items()))
    value = forms.CharField(required=False, max_length=FIELD_MAX)
    scope = forms.ChoiceField(
        choices=[("ticked", "ticked"), ("page", "page"), ("all", "all")], required=False
    )

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}
        data["scope"] = data.get("scope") or "ticked"
        action = data.get("action")
        if action in NEEDS_VALUE and not " ".join(str(data.get("value", "")).split()):
            what = "field of work" if action == "field" else "tag"
            self.add_error("value", f"Type the {what} first, in the box beside the action.")
        return data
