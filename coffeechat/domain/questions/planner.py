"""Fitting prioritized questions into the agreed length of a conversation.

The agreed length is a promise (docs/method.md §4), so the agenda fits within it minus a small
buffer, at roughly 2-3 minutes a question. Every agenda opens by restating the purpose and
ends with "what would you do in my position?" and the referral ask ("who else should I talk
to, and may I mention you?"), then, when there is time, the stay-in-touch closer. Closing
questions are told apart by their kind (`Question.closer_kind`), never by their wording, and
an agenda asks each kind once.

The rest is the user's best-ranked questions that fit, a whole priority at a time: a lower
priority only gets a turn when every question above it made the agenda, so a one-minute
"nice to ask" never takes the place of a "must ask" that didn't fit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass, field
from typing import Final, Literal

from coffeechat.domain.questions.bank import builtin_question
from coffeechat.domain.questions.blanks import blanks_in, fill
from coffeechat.domain.questions.model import (
    CATEGORY_IDS,
    CLOSERS,
    ENDING_KEYS,
    ORGANIZATION_CATEGORIES,
    PROTECTED_KEYS,
    TIARA_TAGS,
    Category,
    Closer,
    Question,
)

Order = Literal["natural", "tiara"]
ORDERS: Final[tuple[Order, ...]] = ("natural", "tiara")
DEFAULT_OPENER_KEY: Final = "opener-purpose"
DEFAULT_BUFFER_MINUTES: Final = 2


@dataclass(frozen=True, slots=True)
class PlanContext:
    """What the planner needs to know about this meeting and this person."""

    has_organization: bool = False
    # Keys or ids of questions this person already answered in earlier meetings.
    asked_keys_or_ids: Set[int | str] = frozenset()
    order: Order = "natural"
    field: str | None = None
    organization: str | None = None
    role: str | None = None
    buffer_minutes: int = DEFAULT_BUFFER_MINUTES

    def __post_init__(self) -> None:
        if self.order not in ORDERS:
            raise ValueError(f"Order is 'natural' or 'tiara', not {self.order!r}.")
        if self.buffer_minutes < 0:
            raise ValueError("The buffer cannot be negative.")


@dataclass(frozen=True, slots=True)
class AgendaItem:
    order: int  # 1-based position in the conversation
    question_id: int | str
    key: str
    text: str  # blanks filled
    category: Category
    minutes: int
    closer: Closer | None = None  # what a closing question does; None for the rest


@dataclass(frozen=True, slots=True)
class AgendaNote:
    """Something the user should know about the plan; `code` is stable for the API."""

    code: Literal["very-short", "few-questions"]
    message: str


@dataclass(frozen=True, slots=True)
class Agenda:
    items: tuple[AgendaItem, ...]
    minutes: int  # the agreed length
    buffer_minutes: int
    notes: tuple[AgendaNote, ...] = field(default=())

    @property
    def total_minutes(self) -> int:
        return sum(item.minutes for item in self.items)

    @property
    def question_count(self) -> int:
        """Questions asked, counting the closing questions but not the opener."""
        return sum(1 for item in self.items if item.category != "opener")


def question_count_range(minutes: int) -> tuple[int, int]:
    """How many questions (opener excluded) suit a meeting: about 2-3 minutes each.

    20 minutes gives 6-10 and 30 minutes 10-15, inside the guides' 5-10 and 10-15.
    """
    most = max(len(ENDING_KEYS), minutes // 2)
    return min(minutes // 3, most), most


def plan(questions: Sequence[Question], minutes: int, context: PlanContext) -> Agenda:
    """The agenda for a meeting of `minutes`, from the user's question bank.

    Deterministic. Always: an opener first, then the chosen questions, then "what would you
    do in my position?" and the referral ask, then the other closing questions chosen (the
    stay-in-touch one). Meetings too short for even that (under about 7 minutes) still keep
    the opener and the two closers, may run over the buffer, and carry a "very-short" note.
    """
    if minutes <= 0:
        raise ValueError(f"The meeting needs a length of at least 1 minute (got {minutes}).")
    fewest, most = question_count_range(minutes)
    ranked = _by_preference(questions)
    opener = _opener(ranked)
    ending = [_protected(ranked, key) for key in ENDING_KEYS]

    available = minutes - context.buffer_minutes - opener.minutes - _minutes(ending)
    notes: list[AgendaNote] = []
    if available < 0:
        notes.append(_very_short_note(minutes))

    candidates = _eligible(ranked, context, already=[opener, *ending])
    chosen = _choose(
        candidates, max(0, available), need=fewest - len(ending), room=most - len(ending)
    )
    if not notes and len(ending) + len(chosen) < fewest:
        notes.append(_few_questions_note(minutes, all_used=len(chosen) == len(candidates)))

    body = [question for question in chosen if question.closer_kind is None]
    closing = sorted(
        (question for question in chosen if question.closer_kind is not None),
        key=lambda question: CLOSERS.index(question.closer_kind or CLOSERS[0]),
    )
    arranged = [opener, *_arranged(body, questions, context.order), *ending, *closing]
    return Agenda(
        items=tuple(_item(position, q, context) for position, q in enumerate(arranged, 1)),
        minutes=minutes,
        buffer_minutes=context.buffer_minutes,
        notes=tuple(notes),
    )


def _minutes(questions: Iterable[Question]) -> int:
    return sum(question.minutes for question in questions)


def _by_preference(questions: Sequence[Question]) -> list[Question]:
    """The user's priorities first, then their own order; within a tie, alternate categories
    so that a short meeting still touches several topics."""

    def tie_break(indexed: tuple[int, Question]) -> tuple[int, float, int]:
        index, question = indexed
        return question.priority, _user_order(question), index

    in_order = sorted(enumerate(questions), key=tie_break)
    seen_per_group: dict[tuple[int, Category], int] = {}
    keyed = []
    for index, question in in_order:
        group = (question.priority, question.category)
        rank = seen_per_group.get(group, 0)
        seen_per_group[group] = rank + 1
        category_position = CATEGORY_IDS.index(question.category)
        user_order = _user_order(question)
        keyed.append(((question.priority, user_order, rank, category_position, index), question))
    return [question for _, question in sorted(keyed, key=lambda pair: pair[0])]


def _user_order(question: Question) -> float:
    return float("inf") if question.user_order is None else question.user_order


def _opener(ranked: Sequence[Question]) -> Question:
    openers = (q for q in ranked if q.category == "opener" and not q.hidden)
    return next(openers, builtin_question(DEFAULT_OPENER_KEY))


def _protected(ranked: Sequence[Question], key: str) -> Question:
    """The user's version of a question the method keeps (hidden or not), else the built-in."""
    return next((q for q in ranked if q.key == key), builtin_question(key))


def _eligible(
    ranked: Iterable[Question], context: PlanContext, *, already: Sequence[Question]
) -> list[Question]:
    """Questions the planner may choose: askable, each asked once, and at most one closing
    question of each kind (so never a second "who else should I talk to?")."""
    seen: set[object] = set()
    kinds: set[Closer] = set()
    for question in already:
        seen |= _identities(question)
        if question.closer_kind is not None:
            kinds.add(question.closer_kind)
    eligible = []
    for question in ranked:
        identities = _identities(question)
        kind = question.closer_kind
        if seen & identities or kind in kinds or not _askable(question, context):
            continue
        seen |= identities
        if kind is not None:
            kinds.add(kind)
        eligible.append(question)
    return eligible


def _identities(question: Question) -> set[object]:
    """What makes two questions the same: id, key or wording."""
    wording = " ".join(question.text.casefold().split())
    identities: set[object] = {("id", question.id), ("text", wording)}
    if question.key:
        identities.add(("key", question.key))
    return identities


def _askable(question: Question, context: PlanContext) -> bool:
    if question.hidden or question.category == "opener" or question.key in PROTECTED_KEYS:
        return False
    asked = context.asked_keys_or_ids
    if question.id in asked or (question.key and question.key in asked):
        return False
    about_organization = (
        question.category in ORGANIZATION_CATEGORIES or "organization" in blanks_in(question.text)
    )
    return context.has_organization or not about_organization


def _choose(candidates: Sequence[Question], budget: int, *, need: int, room: int) -> list[Question]:
    """A whole priority at a time: the next priority only gets a turn when every question of
    this one fitted. Within a priority, closing questions come first (they lead to the next
    conversation), then the best-ranked questions."""
    chosen: list[Question] = []
    for priority in sorted({question.priority for question in candidates}):
        tier = [question for question in candidates if question.priority == priority]
        tier.sort(key=lambda question: question.closer_kind is None)
        picked = _fit(tier, budget, need=need - len(chosen), room=room - len(chosen))
        chosen.extend(picked)
        budget -= _minutes(picked)
        if len(picked) < len(tier):
            break
    return chosen


def _fit(candidates: Sequence[Question], budget: int, *, need: int, room: int) -> list[Question]:
    """Best-ranked questions that fit, passing over one only when taking it would leave the
    agenda short of `need` questions that the cheaper remaining ones could still reach."""
    chosen: list[Question] = []
    for index, question in enumerate(candidates):
        if len(chosen) >= room:
            break
        if question.minutes > budget:
            continue
        later = sorted(q.minutes for q in candidates[index + 1 :])
        reachable_without = _how_many_fit(later, budget)
        reachable_with = 1 + _how_many_fit(later, budget - question.minutes)
        if reachable_with >= min(need - len(chosen), reachable_without):
            chosen.append(question)
            budget -= question.minutes
    return chosen


def _how_many_fit(sorted_minutes: Sequence[int], budget: int) -> int:
    count = 0
    for minutes in sorted_minutes:
        if minutes > budget:
            break
        budget -= minutes
        count += 1
    return count


def _arranged(
    chosen: Sequence[Question], original: Sequence[Question], order: Order
) -> list[Question]:
    position = {id(question): index for index, question in enumerate(original)}

    def natural(question: Question) -> tuple[int, float, int]:
        return (
            CATEGORY_IDS.index(question.category),
            _user_order(question),
            position.get(id(question), len(original)),
        )

    def tiara(question: Question) -> tuple[int, tuple[int, float, int]]:
        tag = TIARA_TAGS.index(question.tiara) if question.tiara else len(TIARA_TAGS)
        return tag, natural(question)

    return sorted(chosen, key=tiara if order == "tiara" else natural)


def _item(position: int, question: Question, context: PlanContext) -> AgendaItem:
    return AgendaItem(
        order=position,
        question_id=question.id,
        key=question.key,
        text=fill(
            question.text,
            field=context.field,
            organization=context.organization,
            role=context.role,
        ),
        category=question.category,
        minutes=question.minutes,
        closer=question.closer_kind,
    )


def _very_short_note(minutes: int) -> AgendaNote:
    return AgendaNote(
        "very-short",
        f"{minutes} minutes is tight, so the agenda keeps just the opening and the two closing "
        "questions: what they would do in your place, and who else to talk to. Those two "
        "lead to your next conversation. If you can, ask for 15-20 minutes next time.",
    )


def _few_questions_note(minutes: int, *, all_used: bool) -> AgendaNote:
    if all_used:
        message = (
            f"There are fewer questions than {minutes} minutes could hold, because many are "
            "hidden or were already asked. Add or unhide a few to make the most of the time."
        )
    else:
        message = (
            f"Your must-ask questions fill most of the {minutes} minutes, so the agenda holds "
            "fewer questions than usual rather than squeezing one out for a lower-priority "
            "one. Fewer, deeper answers are often the most useful."
        )
    return AgendaNote("few-questions", message)
