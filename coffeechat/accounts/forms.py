"""The profile form; the API validates profile updates through it too."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from coffeechat.accounts.models import Profile
from coffeechat.common import validators


class ProfileForm(forms.ModelForm):
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
        ]
        labels = {"display_name": "Your name", "time_zone": "Time zone"}
        widgets = {
            "goals": forms.Textarea(attrs={"rows": 3}),
            "introduction": forms.Textarea(attrs={"rows": 4}),
            "time_zone": forms.TextInput(attrs={"list": "time-zones", "autocomplete": "off"}),
        }
        help_texts = {
            "country": "Two letters (US, GB, DE…): business days skip its public holidays.",
            "introduction": "Thirty seconds about you: who you are and what you're exploring.",
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["fields_text"] = ", ".join(self.instance.fields_of_interest or [])

    def clean_display_name(self) -> str:
        value: str = self.cleaned_data.get("display_name", "").strip()
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
