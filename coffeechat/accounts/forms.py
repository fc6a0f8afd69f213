"""Account forms: the profile (the API validates profile updates through it too), sign-up,
tokens, sharing, invitations and deleting an account."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from coffeechat.accounts.models import Profile
from coffeechat.common import validators
from coffeechat.common.forms import CheckedForm, CheckedModelForm, FieldsetsMixin


def time_zone_choices() -> list[tuple[str, str]]:
    """Every IANA zone, by name ("America/Chicago"): "Chicago" is easy to find in the list."""
    return [
        ("", "Choose the city nearest you"),
        *((z, z.replace("_", " ")) for z in sorted(validators.time_zone_names())),
    ]


class ProfileForm(FieldsetsMixin, CheckedModelForm):
    fieldset_starts = {
        "display_name": "Who you are",
        "country": "Where and when",
        "introduction": "How drafts introduce you",
    }
    field_order = [  # fields of interest belong with who you are, not after the greeting
        "display_name", "school", "program", "year", "goals", "fields_text",
    ]  # fmt: skip
    time_zone = forms.ChoiceField(
        label="Time zone",
        required=False,
        choices=time_zone_choices,
        help_text="Today, due dates and meeting times follow it.",
        error_messages={
            "invalid_choice": "“%(value)s” isn't a time zone we know. Pick the city nearest "
            "you from the list, e.g. Europe/Paris or America/Chicago."
        },
    )
    fields_text = forms.CharField(
        label="Fields of interest",
        required=False,
        max_length=500,
        help_text="Separate fields with commas, e.g. public health, data journalism.",
    )

    class Meta:
        model = Profile
        fields = [
            "display_name",
            "school",
            "program",
            "year",
            "goals",
            "country",
            "time_zone",
            "introduction",
            "email",
            "phone",
            "postal_address",
            "prefer_first_names",
        ]
        labels = {
            "display_name": "Your name",
            "time_zone": "Time zone",
            "email": "Your e-mail for replies",
            "phone": "Your phone",
            "postal_address": "Your postal address",
            "prefer_first_names": "Greet people by their first name",
        }
        widgets = {
            "goals": forms.Textarea(attrs={"rows": 3}),
            "introduction": forms.Textarea(attrs={"rows": 4}),
            "postal_address": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "country": "Two letters (US, GB, DE…): business days skip its public holidays.",
            "introduction": "Thirty seconds about you: who you are and what you're exploring.",
            "email": "Drafts put it where a reply is needed (letters, LinkedIn messages).",
            "phone": "Drafts offer it to people who'd rather talk than write.",
            "postal_address": "Optional: only printed letters use it.",
            "prefer_first_names": "Drafts say “Dear Ms. Okoye” or “Dear Grace Okoye” unless "
            "you tick this; people you know are always greeted by first name.",
        }

    def __init__(self, *args: Any, guess_time_zone: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["fields_text"] = ", ".join(self.instance.fields_of_interest or [])
        if guess_time_zone:  # the first run: the browser's zone is a better guess than UTC
            self.fields["time_zone"].widget.attrs["data-guess-zone"] = ""
            if not self.is_bound:
                self.initial["time_zone"] = ""

    def clean_display_name(self) -> str:
        value: str = self.cleaned_data.get("display_name", "").strip()
        validators.single_line(value)
        return value

    def clean_phone(self) -> str:
        value: str = self.cleaned_data.get("phone", "").strip()
        validators.single_line(value)
        return value

    def clean_country(self) -> str:
        value: str = self.cleaned_data.get("country", "").strip().upper()
        validators.country_code(value)
        return value

    def clean_time_zone(self) -> str:
        value: str = self.cleaned_data.get("time_zone", "").strip() or "UTC"
        validators.time_zone(value)
        return value

    def clean_fields_text(self) -> list[str]:
        raw: str = self.cleaned_data.get("fields_text", "")
        fields = list(dict.fromkeys(" ".join(f.split()) for f in raw.split(",") if f.strip()))
        if any(len(f) > 80 for f in fields):
            raise ValidationError("Keep each field of interest under 80 characters.")
        return fields[:20]

    def save(self, commit: bool = True) -> Profile:
        profile: Profile = super().save(commit=False)
        profile.fields_of_interest = self.cleaned_data["fields_text"]
        if commit:
            profile.save()
        return profile


class PasswordPairForm(CheckedForm):
    """Two password fields that must match and pass the configured validators."""

    display_name = forms.CharField(label="Your name", max_length=120)
    password1 = forms.CharField(
        label="Choose a password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="At least 8 characters; a short phrase is easier to remember than symbols.",
    )
    password2 = forms.CharField(
        label="The same password again",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def email_for_checks(self) -> str:
        return ""

    def clean_display_name(self) -> str:
        value: str = self.cleaned_data.get("display_name", "").strip()
        validators.single_line(value)
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", "The two passwords differ; type them again.")
        elif first:
            email = self.email_for_checks()
            try:
                validate_password(first, get_user_model()(username=email, email=email))
            except ValidationError as exc:
                self.add_error("password1", exc)
        return data


class SignupForm(PasswordPairForm):
    email = forms.EmailField(
        label="E-mail address",
        max_length=150,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text="You'll sign in with it, and it's where a password reset would go.",
    )
    field_order = ["email", "display_name", "password1", "password2"]

    def email_for_checks(self) -> str:
        return str(self.cleaned_data.get("email", ""))

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if get_user_model().objects.filter(username__iexact=email).exists():
            raise ValidationError(
                "That address already has an account. Sign in, or reset the password if it "
                "slipped your mind."
            )
        return email


class InvitedSignupForm(PasswordPairForm):
    def __init__(self, *args: Any, email: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.email = email

    def email_for_checks(self) -> str:
        return self.email

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if get_user_model().objects.filter(username__iexact=self.email).exists():
            raise ValidationError(
                "This address already has an account, so the invitation isn't needed: "
                "sign in, or reset the password if it slipped your mind."
            )
        return data


class TokenForm(CheckedForm):
    name = forms.CharField(
        label="Name",
        max_length=80,
        help_text="Something to recognise it by later, like “laptop script”.",
    )

    def clean_name(self) -> str:
        value: str = self.cleaned_data.get("name", "").strip()
        validators.single_line(value)
        return value


class ShareForm(CheckedForm):
    adviser = forms.ModelChoiceField(
        label="Career adviser",
        queryset=get_user_model().objects.none(),
        empty_label="Choose your adviser",
        error_messages={"invalid_choice": "Choose an adviser from the list."},
    )

    def __init__(self, *args: Any, advisers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["adviser"]
        field.queryset = advisers  # type: ignore[attr-defined]
        field.label_from_instance = adviser_label  # type: ignore[attr-defined]


def adviser_label(user: Any) -> str:
    name = user.profile.display_name if hasattr(user, "profile") else ""
    return f"{name} ({user.email})" if name and user.email else name or user.email or user.username


class InvitationForm(CheckedForm):
    email = forms.EmailField(label="Their e-mail address", max_length=150)
    adviser = forms.BooleanField(
        label="This is a career adviser",
        required=False,
        help_text="Advisers see the students who choose to share with them.",
    )

    def clean_email(self) -> str:
        return str(self.cleaned_data["email"]).strip().lower()


class DeleteAccountForm(CheckedForm):
    """Server mode asks for the password; personal mode (no password) for a typed phrase."""

    PHRASE = "delete my data"

    confirmation = forms.CharField(label="", strip=False)

    def __init__(self, *args: Any, user: Any, personal: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user, self.personal = user, personal
        field = self.fields["confirmation"]
        if personal:
            field.label = f"Type “{self.PHRASE}” to confirm"
            field.widget.attrs["autocomplete"] = "off"
        else:
            field.label = "Your password, to confirm it's you"
            field.widget = forms.PasswordInput(attrs={"autocomplete": "current-password"})

    def clean_confirmation(self) -> str:
        value: str = self.cleaned_data.get("confirmation", "")
        if self.personal and " ".join(value.split()).lower() != self.PHRASE:
            raise ValidationError(f"Type the words “{self.PHRASE}” exactly, to be sure.")
        if not self.personal and not self.user.check_password(value):
            raise ValidationError("That isn't your password; nothing was deleted.")
        return value
