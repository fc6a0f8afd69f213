"""A user's question bank: the built-in questions (kept in the domain, never copied into the
database) merged with the user's own rows: their questions and their overrides of built-ins.

An override is a `Question` row carrying the built-in's `key`; it may change the wording,
the minutes or the priority, hide the question, or give it a position. Its text stays empty
unless the user reworded it, so improvements to the built-in wording still reach them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from django.db import transaction
from django.http import Http404

from coffeechat.domain.questions import (
    BUILTIN_QUESTIONS,
    CATEGORIES,
    Category,
    Question,
    builtin_question,
)
from coffeechat.domain.questions.model import PROTECTED_KEYS
from coffeechat.interviews import models

# Untouched questions sort by their place in the built-in bank; a question the user wrote
# starts at the top of its topic (they wrote it to ask it). Moving a question writes positions
# for its whole category in steps of 10.
_STEP = 10
_BUILTIN_INDEX = {question.key: index for index, question in enumerate(BUILTIN_QUESTIONS)}

PROTECTED_REASON = (
    "Every conversation keeps this one: asking what they would do in your shoes, and who else "
    "to talk to and whether you may use their name, is how one conversation leads to the "
    "next. You can reword it, but not hide it."
)


class ProtectedQuestion(Exception):
    """The method ends every agenda with "what would you do in my position?" and the referral
    ask."""


@dataclass(frozen=True, slots=True)
class BankEntry:
    """One question as the user sees it in their bank."""

    ref: str  # the built-in's key, or the row id of the user's own question
    question: Question  # with the user's wording and order applied
    builtin: bool
    edited: bool
    sort_key: int

    @property
    def protected(self) -> bool:
        return self.question.key in PROTECTED_KEYS


def _sort_key(row: models.Question | None, builtin: Question | None) -> int:
    if row is not None and row.position is not None:
        return row.position
    if builtin is not None:
        return _BUILTIN_INDEX[builtin.key] * _STEP
    return -1


def _from_row(row: models.Question, builtin: Question | None) -> Question:
    return Question(
        id=builtin.id if builtin else row.pk,
        key=row.key,
        category=builtin.category if builtin else row.category,  # type: ignore[arg-type]
        text=row.text or (builtin.text if builtin else ""),
        minutes=max(1, row.minutes),
        priority=row.priority if row.priority in (1, 2, 3) else 2,  # type: ignore[arg-type]
        tiara=(row.tiara or None) if not builtin else builtin.tiara,  # type: ignore[arg-type]
        hidden=row.hidden,
        closer=builtin.closer if builtin else None,
    )


def entries(user: Any) -> list[BankEntry]:
    """The whole bank in display order: by category, then the user's order. One query."""
    rows = list(models.Question.objects.owned_by(user).order_by("pk"))
    overrides = {row.key: row for row in rows if row.key in _BUILTIN_INDEX}
    found: list[BankEntry] = []
    for builtin in BUILTIN_QUESTIONS:
        row = overrides.get(builtin.key)
        question = _from_row(row, builtin) if row else builtin
        edited = row is not None and row.text not in ("", builtin.text)
        found.append(BankEntry(builtin.key, question, True, edited, _sort_key(row, builtin)))
    for row in rows:
        if row.key not in _BUILTIN_INDEX:
            found.append(
                BankEntry(str(row.pk), _from_row(row, None), False, False, _sort_key(row, None))
            )
    category_index = {category: index for index, (category, _) in enumerate(CATEGORIES)}
    found.sort(key=lambda entry: (category_index[entry.question.category], entry.sort_key))
    return found


def by_category(bank: list[BankEntry]) -> list[tuple[Category, str, list[BankEntry]]]:
    return [
        (category, label, [e for e in bank if e.question.category == category])
        for category, label in CATEGORIES
    ]


def planner_questions(user: Any) -> list[Question]:
    """The bank for the planner: `user_order` is each question's place within its category, so
    the user's order counts and a short meeting still touches several topics."""
    questions: list[Question] = []
    for _, _, group in by_category(entries(user)):
        questions.extend(replace(e.question, user_order=i) for i, e in enumerate(group))
    return questions


def entry(user: Any, ref: str) -> BankEntry:
    """One question by reference; another person's row id is not found."""
    for found in entries(user):
        if found.ref == ref:
            return found
    raise Http404("No question with that reference.")


def _row_for(user: Any, found: BankEntry) -> models.Question:
    """The row to write to: the user's own question, or their override of a built-in."""
    if not found.builtin:
        return models.Question.objects.owned_by(user).get(pk=int(found.ref))
    row = models.Question.objects.owned_by(user).filter(key=found.ref).first()
    if row is None:
        builtin = builtin_question(found.ref)
        row = models.Question(
            owner=user,
            key=builtin.key,
            category=builtin.category,
            text="",
            minutes=builtin.minutes,
            priority=builtin.priority,
            tiara=builtin.tiara or "",
        )
    return row


def save_question(user: Any, ref: str | None, values: dict[str, Any]) -> models.Question:
    """Add a question (ref None) or change one; a built-in gets (or updates) an override."""
    if ref is None:
        row = models.Question(owner=user, **values)
    else:
        row = _row_for(user, entry(user, ref))
        if row.key in _BUILTIN_INDEX:
            values = {k: v for k, v in values.items() if k not in ("category", "tiara")}
            if values.get("text") == builtin_question(row.key).text:
                values["text"] = ""  # unchanged wording: keep following the built-in
        for name, value in values.items():
            setattr(row, name, value)
    row.save()
    return row


def set_hidden(user: Any, ref: str, hidden: bool) -> None:
    found = entry(user, ref)
    if hidden and found.protected:
        raise ProtectedQuestion(PROTECTED_REASON)
    row = _row_for(user, found)
    row.hidden = hidden
    row.save()


def delete_own(user: Any, ref: str) -> None:
    found = entry(user, ref)
    if found.builtin:
        raise Http404("Built-in questions can be hidden, not deleted.")
    models.Question.objects.owned_by(user).filter(pk=int(found.ref)).delete()


@transaction.atomic
def move(user: Any, ref: str, step: int) -> None:
    """Move a question up (-1) or down (+1) within its category."""
    bank = entries(user)
    found = next((e for e in bank if e.ref == ref), None)
    if found is None:
        raise Http404("No question with that reference.")
    group = [e for e in bank if e.question.category == found.question.category]
    index = group.index(found)
    target = index + step
    if not 0 <= target < len(group):
        return
    group[index], group[target] = group[target], group[index]
    for position, member in enumerate(group):
        row = _row_for(user, member)
        if row.position != position * _STEP or row.pk is None:
            row.position = position * _STEP
            row.save()
