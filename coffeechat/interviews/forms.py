"""Forms for questions, agendas, live mode and reflection; the API validates through them too."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from coffeechat.common import validators
from coffeechat.common.forms import CheckedForm, CheckedModelForm
from coffeechat.domain.questions import CATEGORIES, PRIORITIES, REFLECTION_PROMPTS
from coffeechat.domain.questions.planner import Order
from coffeechat.interviews.models import Resource

NOTES_LIMIT = 20_000
QUESTION_LIMIT = 1_000
ANSWER_LIMIT = 5_000

_too_long = "That's more than %(limit_value)d characters (%(show_value)d now); please shorten it."


def _text(limit: int, *, required: bool = False, label: str = "", rows: int = 3) -> forms.CharField:
    return forms.CharField(
        label=label or None,
        required=required,
        max_length=limit,
        strip=False,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"max_length": _too_long},
    )


ADDABLE_CATEGORIES = [(c, label) for c, label in CATEGORIES if c != "opener"]


class QuestionForm(CheckedForm):
    text = forms.CharField(
        label="Question",
        max_length=QUESTION_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Blanks {field}, {organization} and {role} are filled in for each person.",
        error_messages={"max_length": _too_long, "required": "Write the question first."},
    )
    category = forms.ChoiceField(label="Topic", choices=CATEGORIES, initial="advice")
    minutes = forms.IntegerField(label="Minutes it takes", min_value=1, max_value=15, initial=2)
    priority = forms.TypedChoiceField(label="Priority", choices=PRIORITIES, coerce=int, initial=2)

    def __init__(self, *args: Any, builtin: bool = False, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if builtin:  # a built-in keeps its topic, so the planner still finds its closers
            del self.fields["category"]

    def clean_text(self) -> str:
        return " ".join(self.cleaned_data["text"].split())


class PlanForm(CheckedForm):
    order = forms.ChoiceField(
        label="Order",
        choices=[("natural", "Natural flow"), ("tiara", "TIARA (trends, insights, advice…)")],
        required=False,
    )

    def chosen_order(self) -> Order:
        """The order asked for; anything unexpected plans in the natural order."""
        return "tiara" if self.is_valid() and self.cleaned_data["order"] == "tiara" else "natural"


class NewItemForm(CheckedForm):
    """A question added to one agenda in your own words."""

    text = forms.CharField(
        label="Your question",
        max_length=QUESTION_LIMIT,
        error_messages={"max_length": _too_long, "required": "Write the question first."},
    )
    category = forms.ChoiceField(label="Topic", choices=ADDABLE_CATEGORIES, initial="advice")
    minutes = forms.IntegerField(label="Minutes", min_value=1, max_value=15, initial=2)

    def clean_text(self) -> str:
        return " ".join(self.cleaned_data["text"].split())


OBJECTIVE_LIMIT = 300


class ObjectiveForm(CheckedForm):
    """The one line at the top of the prep sheet: what I want to learn from this person."""

    objective = forms.CharField(
        label="What I want to learn from this person",
        required=False,
        max_length=OBJECTIVE_LIMIT,
        error_messages={"max_length": _too_long},
    )

    def clean_objective(self) -> str:
        return " ".join(self.cleaned_data["objective"].split())


class AgendaItemForm(CheckedForm):
    """What live mode saves about one question: whether it was asked and its notes."""

    asked = forms.BooleanField(required=False)
    notes = _text(NOTES_LIMIT)
    text = forms.CharField(required=False, max_length=QUESTION_LIMIT)


class MeetingNotesForm(ObjectiveForm):
    notes = _text(NOTES_LIMIT, label="General notes")
    advice = _text(NOTES_LIMIT, label="Advice worth quoting")


class AdviceForm(CheckedForm):
    text = _text(NOTES_LIMIT, required=True, label="Advice worth quoting", rows=2)


class ReorderForm(CheckedForm):
    items = forms.CharField(max_length=2000)

    def clean_items(self) -> list[int]:
        parts = [p for p in self.cleaned_data["items"].replace(" ", "").split(",") if p]
        if not all(p.isdigit() for p in parts):
            raise ValidationError("Send the agenda item ids in their new order.")
        return [int(p) for p in parts]


MENTION_CHOICES = [
    ("unknown", "Didn't ask yet"),
    ("yes", "Yes, I may mention them"),
    ("no", "No, better not"),
]


class ReferralForm(CheckedForm):
    name = forms.CharField(
        label="Name", max_length=200, error_messages={"required": "Who is it? A name is enough."}
    )
    organization = forms.CharField(label="Organization", required=False, max_length=200)
    email = forms.EmailField(label="E-mail", required=False, max_length=254)
    linkedin_url = forms.URLField(
        label="LinkedIn", required=False, max_length=300, assume_scheme="https"
    )
    may_mention = forms.ChoiceField(
        label="May I mention you?", choices=MENTION_CHOICES, required=False
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name in ("name", "organization"):
            value = data.get(name)
            if isinstance(value, str):
                try:
                    validators.single_line(value)
                except ValidationError as exc:
                    self.add_error(name, exc)
        data["may_mention"] = data.get("may_mention") or "unknown"
        return data


class ResourceForm(CheckedModelForm):
    url = forms.URLField(label="Link", required=False, max_length=300, assume_scheme="https")
    notes = _text(ANSWER_LIMIT, label="Why they recommend it", rows=2)

    class Meta:
        model = Resource
        fields = ["kind", "title", "url", "notes"]
        labels = {"kind": "Kind", "title": "Title or name"}


class ReflectionForm(CheckedForm):
    next_step = forms.CharField(
        label="Your next step",
        required=False,
        max_length=300,
        help_text="One concrete thing, with a date if you can.",
    )

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        for key, prompt in REFLECTION_PROMPTS:
            self.fields[f"prompt_{key}"] = _text(ANSWER_LIMIT, label=prompt)
        self.order_fields([f"prompt_{key}" for key, _ in REFLECTION_PROMPTS])

    @staticmethod
    def initial_for(reflection: dict[str, str], next_step: str) -> dict[str, str]:
        initial = {f"prompt_{key}": reflection.get(key, "") for key, _ in REFLECTION_PROMPTS}
        return initial | {"next_step": next_step}

    def answers(self) -> dict[str, str]:
        return {key: self.cleaned_data[f"prompt_{key}"] for key, _ in REFLECTION_PROMPTS}
