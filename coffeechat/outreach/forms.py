"""Forms for messages, templates and outreach settings; the API validates through these too."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from coffeechat.common import validators
from coffeechat.common.forms import CheckedForm, CheckedModelForm
from coffeechat.domain import limits, vocab
from coffeechat.domain.checker import RULE_SETS
from coffeechat.network.models import Contact
from coffeechat.outreach.context import RULE_NUMBER_RANGES
from coffeechat.outreach.models import MAILBOX_SECURITY, SMTP_SECURITY, Message

REPLY_TEXT_LIMIT = 20_000


def unix_newlines(text: str) -> str:
    """Browsers send CRLF; the checker's positions are counted on LF text."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


class MessageForm(CheckedModelForm):
    class Meta:
        model = Message
        fields = [
            "contact",
            "kind",
            "channel",
            "subject",
            "body",
            "status",
            "sent_at",
            "replied_at",
            "reply_outcome",
            "reply_text",
        ]
        widgets = {"body": forms.Textarea(attrs={"rows": 16})}

    def __init__(self, *args: Any, owner: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.owner = owner
        contact_field = self.fields["contact"]
        assert isinstance(contact_field, forms.ModelChoiceField)
        contact_field.queryset = Contact.objects.owned_by(owner).select_related("organization")
        contact_field.error_messages["invalid_choice"] = (
            "Pick one of your contacts; we couldn't find that one."
        )

    def clean_subject(self) -> str:
        value: str = self.cleaned_data.get("subject", "")
        validators.single_line(value)
        return value.strip()

    def clean_body(self) -> str:
        return unix_newlines(self.cleaned_data.get("body", ""))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("replied_at") and data.get("status") != "sent":
            self.add_error("replied_at", "A reply can only come to a message you sent.")
        if not data.get("replied_at"):  # no reply (or one taken back): nothing it said
            data["reply_outcome"] = data["reply_text"] = ""
        return data

    def clean_reply_text(self) -> str:
        value = unix_newlines(self.cleaned_data.get("reply_text", "")).strip()
        if len(value) > REPLY_TEXT_LIMIT:
            raise ValidationError(f"Keep the pasted reply under {REPLY_TEXT_LIMIT:,} characters.")
        return value

    def save(self, commit: bool = True) -> Message:
        message: Message = super().save(commit=False)
        message.owner = self.owner
        if message.status == "sent" and message.sent_at is None:
            message.sent_at = timezone.now()  # sent, but the client didn't say when: now
        if commit:
            message.save()
        return message


class ComposeForm(MessageForm):
    """What the composer edits; the status changes through 'mark as sent' and 'reply'."""

    class Meta(MessageForm.Meta):
        fields = ["contact", "kind", "channel", "subject", "body"]

    def clean(self) -> dict[str, Any]:
        return forms.ModelForm.clean(self) or {}


class WhenForm(CheckedForm):
    """A moment typed as wall-clock time in the user's zone (a datetime-local input).

    Seconds are kept: the field offers them (step 1) and starts at this very second, so a
    thank-you marked sent right after a meeting ended is recorded after it, not a minute before.
    `initial` (an aware time) is where the field starts, e.g. the sent time being corrected.
    """

    when = forms.DateTimeField(
        label="When",
        widget=forms.DateTimeInput(
            attrs={"type": "datetime-local", "step": "1"}, format="%Y-%m-%dT%H:%M:%S"
        ),
        input_formats=[
            "%Y-%m-%dT%H:%M:%S",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M:%S",
            "%Y-%m-%d %H:%M",
            "%Y-%m-%d",
        ],
    )

    def __init__(
        self, *args: Any, tz: ZoneInfo, start: datetime | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.tz = tz
        if not self.is_bound:
            moment = start or timezone.now()
            self.initial["when"] = moment.astimezone(tz).replace(tzinfo=None, microsecond=0)

    def clean_when(self) -> datetime:
        value: datetime = self.cleaned_data["when"]
        local = value.astimezone(timezone.get_current_timezone()) if value.tzinfo else value
        aware = local.replace(tzinfo=self.tz)
        problem = limits.date_problem(aware)  # in range on the user's clock *and* in UTC
        if problem:
            raise ValidationError(problem)
        if aware > timezone.now() + timedelta(minutes=5):
            raise ValidationError("That's in the future. Pick the moment it actually happened.")
        return aware


class ReplyForm(WhenForm):
    """When they answered, what they said, and (optionally) their words pasted in."""

    outcome = forms.ChoiceField(
        label="What did they say?",
        choices=vocab.REPLY_OUTCOMES,
        widget=forms.RadioSelect,
        error_messages={"required": "Pick the answer closest to theirs; it decides what's next."},
    )
    text = forms.CharField(
        label="Their reply (optional)",
        required=False,
        max_length=REPLY_TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Paste it here to keep their words with the message, like times they offered.",
    )

    field_order = ["outcome", "when", "text"]

    def clean_text(self) -> str:
        return unix_newlines(self.cleaned_data.get("text", "")).strip()


class TemplateForm(CheckedForm):
    subject = forms.CharField(required=False, max_length=200)
    body = forms.CharField(widget=forms.Textarea(attrs={"rows": 18}), max_length=10000)

    def clean_subject(self) -> str:
        value: str = self.cleaned_data.get("subject", "")
        validators.single_line(value)
        return value.strip()

    def clean_body(self) -> str:
        value = unix_newlines(self.cleaned_data.get("body", ""))
        if not value.strip():
            raise ValidationError("A template needs some wording.")
        return value


def _number(name: str, label: str) -> forms.IntegerField:
    low, high = RULE_NUMBER_RANGES[name]
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=low,
        max_value=high,
        help_text=f"Between {low} and {high}. Leave empty to use the rule set's number.",
    )


class CheckerSettingsForm(CheckedForm):
    rule_set = forms.ChoiceField(
        label="Rule set",
        choices=[(r.id, r.label) for r in RULE_SETS.values()],
        help_text="The career office set warns past 150 words; the 2-Hour Job Search sets keep "
        "a first note much shorter, because short notes get answered.",
    )
    max_words = _number("max_words", "Longest request (words)")
    linkedin_char_limit = _number("linkedin_char_limit", "LinkedIn note limit (characters)")
    long_minutes = _number("long_minutes", "Longest comfortable ask (minutes)")
    personal_words = forms.CharField(
        label="Your own words",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Names, acronyms and terms of your field that the spelling check should "
        "accept. Separate them with commas or new lines.",
    )

    def clean_personal_words(self) -> list[str]:
        raw: str = self.cleaned_data.get("personal_words", "")
        words = [" ".join(w.split()) for w in raw.replace("\n", ",").split(",")]
        return list(dict.fromkeys(w for w in words if w))[:500]


class SmtpForm(CheckedForm):
    host = forms.CharField(
        label="Mail server",
        required=False,
        max_length=200,
        help_text="For example smtp.gmail.com. Leave empty to use the server set up for "
        "this coffeechat, if any.",
    )
    port = forms.IntegerField(label="Port", min_value=1, max_value=65535, initial=587)
    security = forms.ChoiceField(label="Encryption", choices=SMTP_SECURITY, initial="starttls")
    username = forms.CharField(label="User name", required=False, max_length=200)
    password = forms.CharField(
        label="Password",
        required=False,
        max_length=200,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text="Leave empty to keep the one you saved. Many providers want an app password "
        "here rather than your usual one.",
    )
    forget_password = forms.BooleanField(label="Forget the saved password", required=False)

    def clean_host(self) -> str:
        value: str = self.cleaned_data.get("host", "").strip()
        validators.single_line(value)
        return value


class MailboxForm(CheckedForm):
    host = forms.CharField(
        label="IMAP server", max_length=200, help_text="For example imap.gmail.com."
    )
    port = forms.IntegerField(label="Port", min_value=1, max_value=65535, initial=993)
    security = forms.ChoiceField(label="Encryption", choices=MAILBOX_SECURITY, initial="tls")
    username = forms.CharField(
        label="User name", max_length=200, help_text="Usually your full e-mail address."
    )
    password = forms.CharField(
        label="App password",
        required=False,
        max_length=200,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text="Kept encrypted and never shown again. Leave empty to keep the saved one.",
    )

    def __init__(self, *args: Any, has_password: bool = False, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.has_password = has_password

    def clean_host(self) -> str:
        value: str = self.cleaned_data.get("host", "").strip()
        validators.single_line(value)
        return value

    def clean_username(self) -> str:
        value: str = self.cleaned_data.get("username", "").strip()
        validators.single_line(value)
        return value

    def clean_password(self) -> str:
        value: str = self.cleaned_data.get("password", "")
        if not value and not self.has_password:
            raise ValidationError("Paste the app password so we can sign in to your mailbox.")
        return value
