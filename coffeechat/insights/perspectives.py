"""What the user has heard: conversations per field and organization, and notes per question
category with the phrases several people used. Don't rely on one or two voices (METHOD §5)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from functools import lru_cache
from typing import Any

from django.db.models import Count, Min, Value
from django.db.models.functions import Coalesce, Lower, Trim

from coffeechat.domain import insights
from coffeechat.domain.questions import CATEGORIES
from coffeechat.interviews.models import AgendaItem, Meeting

# Fewer people than this and a field's picture rests on too few voices to trust yet.
ENOUGH_VOICES = 3


def _held(user: Any) -> Any:
    return Meeting.objects.owned_by(user).filter(status="held")


def fields(user: Any, interests: list[str]) -> list[dict[str, Any]]:
    """Held conversations per field: the profile's fields of interest first, even at zero."""
    rows = (
        _held(user)
        .annotate(key=Lower(Trim("contact__field")))
        .values("key")
        .annotate(
            conversations=Count("pk"),
            people=Count("contact", distinct=True),
            name=Min("contact__field"),
        )
    )
    found = {row["key"]: row for row in rows}
    result = []
    for interest in dict.fromkeys(i.strip() for i in interests if i.strip()):
        row = found.pop(interest.casefold(), {"conversations": 0, "people": 0})
        result.append(_field(interest, row, interest=True))
    others = sorted(found.values(), key=lambda r: (-r["conversations"], r["key"]))
    result += [_field(row["name"] or "", row, interest=False) for row in others]
    return result


def _field(name: str, row: dict[str, Any], *, interest: bool) -> dict[str, Any]:
    return {
        "field": name.strip() or "Field not recorded",
        "interest": interest,
        "conversations": row["conversations"],
        "people": row["people"],
        "few_voices": row["people"] < ENOUGH_VOICES,
    }


def organizations(user: Any) -> list[dict[str, Any]]:
    rows = (
        _held(user)
        .values(name=Coalesce("contact__organization__name", Value("")))
        .annotate(conversations=Count("pk"), people=Count("contact", distinct=True))
        .order_by("-conversations", "name")
    )
    return [{**row, "few_voices": row["people"] < ENOUGH_VOICES} for row in rows]


@dataclass(frozen=True)
class SaidNote:
    person: str
    contact_id: int
    day: date
    question: str
    text: str


# Notes shown per topic on the Insights page; the journal holds them all.
NOTES_SHOWN = 12


@dataclass(frozen=True)
class CategoryNotes:
    id: str
    label: str
    notes: list[SaidNote]
    phrases: list[insights.Phrase]

    @property
    def people(self) -> int:
        return len({n.contact_id for n in self.notes})

    @property
    def shown(self) -> list[SaidNote]:
        """The latest notes, for the page; recurring phrases still read every note."""
        return self.notes[-NOTES_SHOWN:]

    @property
    def earlier(self) -> int:
        return len(self.notes) - len(self.shown)


def said(user: Any, zone: tzinfo) -> list[CategoryNotes]:
    """Notes grouped by question category, side by side; the meeting's advice joins "advice"."""
    grouped: dict[str, list[SaidNote]] = {}
    # Plain rows, not model instances: a long search has thousands of notes.
    items = (
        AgendaItem.objects.owned_by(user)
        .filter(meeting__status="held")
        .exclude(notes="")
        .order_by("meeting__starts_at", "order", "id")
        .values_list("category", "text", "notes", *_PERSON_AND_DAY)
    )
    for category, question, text, *person in items:
        grouped.setdefault(category, []).append(_note(question, text, zone, *person))
    meetings = (
        _held(user)
        .exclude(advice="")
        .order_by("starts_at")
        .values_list("advice", *(column.removeprefix("meeting__") for column in _PERSON_AND_DAY))
    )
    for advice, *person in meetings:
        grouped.setdefault("advice", []).append(
            _note("Advice worth quoting", advice, zone, *person)
        )
    labels: dict[str, str] = dict(CATEGORIES)
    order = [c for c, _ in CATEGORIES] + sorted(set(grouped) - set(labels))
    return [
        CategoryNotes(
            category,
            labels.get(category, category),
            grouped[category],
            list(
                _phrases(
                    tuple(insights.Note(n.contact_id, n.person, n.text) for n in grouped[category])
                )
            ),
        )
        for category in order
        if category in grouped
    ]


@lru_cache(maxsize=64)
def _phrases(notes: tuple[insights.Note, ...]) -> tuple[insights.Phrase, ...]:
    """Finding phrases is most of the page's work; the same notes give the same phrases, so
    a change elsewhere (a title, a reply) doesn't pay for it again. Keyed by the notes
    themselves, names included, never by a user."""
    return tuple(insights.recurring_phrases(notes))


_PERSON_AND_DAY = (
    "meeting__contact_id",
    "meeting__contact__first_name",
    "meeting__contact__last_name",
    "meeting__starts_at",
)


def _note(
    question: str, text: str, zone: tzinfo, contact_id: int, first: str, last: str, at: datetime
) -> SaidNote:
    name = " ".join(p for p in (first, last) if p) or "(no name)"  # as Contact.full_name
    return SaidNote(name, contact_id, at.astimezone(zone).date(), question, text)
