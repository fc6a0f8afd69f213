"""Forms for scheduling meetings and snoozing actions; the API validates through these too."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from coffeechat.common import validators
from coffeechat.common.forms import CheckedForm, CheckedModelForm
from coffeechat.domain import limits
from coffeechat.interviews.models import Meeting

MIN_MINUTES, MAX_MINUTES = 5, 240


class MeetingForm(CheckedModelForm):
    """The rules every meeting keeps, however it is entered (API payloads come here as-is)."""

    class Meta:
        model = Meeting
        fields = ["starts_at", "minutes", "mode", "location", "status", "ended_at"]

    def clean_minutes(self) -> int:
        minutes: int = self.cleaned_data["minutes"]
        if not MIN_MINUTES <= minutes <= MAX_MINUTES:
            raise ValidationError(
                f"Choose a length between {MIN_MINUTES} and {MAX_MINUTES} minutes; "
                "20 is a comfortable ask."
            )
        return minutes

    def clean_location(self) -> str:
        value: str = self.cleaned_data.get("location", "").strip()
        validators.single_line(value)
        return value

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}
        starts_at, ended_at = data.get("starts_at"), data.get("ended_at")
        if starts_at and ended_at and ended_at < starts_at:
            self.add_error("ended_at", "The end can't come before the start.")
        return data


class MeetingScheduleForm(MeetingForm):
    """The web form: a date and a time on the user's own clock instead of an ISO timestamp."""

    day = forms.DateField(label="Date", widget=forms.DateInput(attrs={"type": "date"}))
    time = forms.TimeField(
        label="Time", widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )

    class Meta(MeetingForm.Meta):
        fields = ["minutes", "mode", "location"]
        labels = {"location": "Place, phone number or video link"}
        help_texts = {"minutes": "The length you asked for. 20 minutes is a respectful ask."}

    field_order = ["day", "time", "minutes", "mode", "location"]

    def __init__(self, *args: Any, time_zone: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.zone = ZoneInfo(time_zone)
        self.fields["time"].help_text = f"In your time zone, {time_zone}."
        meeting: Meeting = self.instance
        if not self.is_bound and meeting.pk:
            local = meeting.starts_at.astimezone(self.zone)
            self.initial.setdefault("day", local.date())
            self.initial.setdefault("time", local.time().replace(second=0, microsecond=0))

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean()
        day, time = data.get("day"), data.get("time")
        if isinstance(day, date) and time is not None:
            self.instance.starts_at = datetime.combine(day, time, tzinfo=self.zone)
        return data


class HeldEarlierForm(CheckedForm):
    """When a meeting set for later really happened: a day and a start time on the user's clock.

    It starts at the planned time of day, today; the answer may not be in the future.
    """

    real_day = forms.DateField(label="Date", widget=forms.DateInput(attrs={"type": "date"}))
    real_time = forms.TimeField(
        label="Start time",
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text="In your time zone. The length stays as agreed.",
    )

    def __init__(self, *args: Any, tz: ZoneInfo, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.tz = tz
        self.meeting = meeting
        if not self.is_bound:
            now = timezone.now().astimezone(tz)
            planned = meeting.starts_at.astimezone(tz).time().replace(second=0, microsecond=0)
            self.initial["real_day"] = now.date()
            self.initial["real_time"] = min(planned, now.time().replace(second=0, microsecond=0))

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}
        day, clock = data.get("real_day"), data.get("real_time")
        if not isinstance(day, date) or clock is None:
            return data
        starts_at = datetime.combine(day, clock, tzinfo=self.tz)
        problem = limits.date_problem(starts_at)
        if problem:
            self.add_error("real_day", problem)
        elif starts_at > timezone.now():
            self.add_error(
                "real_time", "That's still ahead. Pick when the conversation actually began."
            )
        else:
            data["starts_at"] = starts_at
        return data


class SnoozeForm(CheckedForm):
    until = forms.DateField(label="Snooze until", widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args: Any, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today

    def clean_until(self) -> date:
        until: date = self.cleaned_data["until"]
        if until <= self.today:
            raise ValidationError("Pick a day after today; the action comes back that morning.")
        if (until - self.today).days > 366:
            raise ValidationError("Snooze for a year at most; dismiss it if it no longer matters.")
        return until
