"""Properties of the planner for any bank: subsets of the built-in bank plus the user's own."""

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from coffeechat.domain.questions import (
    BUILTIN_QUESTIONS,
    CATEGORIES,
    ENDING_KEYS,
    TIARA_TAGS,
    PlanContext,
    Question,
    check_question,
    plan,
    question_count_range,
)

PROTECTED = set(ENDING_KEYS)
ENDING_KINDS = {"your-position", "referral"}
ORGANIZATION_CATEGORIES = {"culture", "organization"}


@st.composite
def built_in_copies(draw):
    question = draw(st.sampled_from(BUILTIN_QUESTIONS))
    return replace(
        question,
        hidden=draw(st.booleans()),
        priority=draw(st.sampled_from([1, 2, 3])),
        user_order=draw(st.none() | st.integers(0, 100)),
    )


@st.composite
def user_questions(draw, number):
    category = draw(st.sampled_from([category for category, _ in CATEGORIES]))
    blank = draw(st.sampled_from(["", " in {field}", " at {organization}", " as {role}"]))
    return Question(
        id=number,
        key=draw(st.sampled_from(["", f"mine-{number}"])),
        category=category,
        text=f"What was step {number} like{blank}?",
        minutes=draw(st.integers(1, 4)),
        priority=draw(st.sampled_from([1, 2, 3])),
        tiara=draw(st.none() | st.sampled_from(TIARA_TAGS)),
        user_order=draw(st.none() | st.integers(0, 100)),
        hidden=draw(st.booleans()),
    )


@st.composite
def banks(draw):
    copies = draw(st.lists(built_in_copies(), max_size=len(BUILTIN_QUESTIONS)))
    copies = list({question.key: question for question in copies}.values())
    count = draw(st.integers(0, 15))
    own = [draw(user_questions(number)) for number in range(count)]
    return draw(st.permutations(copies + own))


@st.composite
def contexts(draw, bank):
    identities = [q.id for q in bank] + [q.key for q in bank if q.key]
    return PlanContext(
        has_organization=draw(st.booleans()),
        asked_keys_or_ids=frozenset(draw(st.lists(st.sampled_from(identities or [0])))),
        order=draw(st.sampled_from(["natural", "tiara"])),
        field=draw(st.none() | st.just("law")),
        organization=draw(st.none() | st.just("Acme")),
    )


@st.composite
def cases(draw):
    bank = draw(banks())
    return bank, draw(st.integers(15, 90)), draw(contexts(bank))


def _eligible(bank, context):
    """Questions the planner may choose freely, by the documented rules."""
    asked = context.asked_keys_or_ids
    return [
        q
        for q in bank
        if not q.hidden
        and q.category != "opener"
        and q.key not in PROTECTED
        and q.id not in asked
        and q.key not in asked
        and (
            context.has_organization
            or (q.category not in ORGANIZATION_CATEGORIES and "{organization}" not in q.text)
        )
        and q.closer_kind not in ENDING_KINDS
    ]


def _stage(question):
    return "closing" if question.closer_kind else "body"


def _ending_start(items):
    return [item.key for item in items].index(ENDING_KEYS[0])


@settings(max_examples=300, deadline=None)
@given(cases())
def test_structure_fit_and_counts(case):
    bank, minutes, context = case
    agenda = plan(bank, minutes, context)
    items = agenda.items

    assert items[0].category == "opener"
    end = _ending_start(items)
    assert [item.key for item in items[end : end + 2]] == list(ENDING_KEYS)
    assert [item.closer for item in items[end + 2 :]] in ([], ["stay-in-touch"])
    assert all(item.closer is None for item in items[1:end])
    assert [item.category for item in items].count("opener") == 1
    assert [item.order for item in items] == list(range(1, len(items) + 1))
    assert agenda.total_minutes <= minutes - context.buffer_minutes

    low, high = question_count_range(minutes)
    assert agenda.question_count <= high
    by_id = {q.id: q for q in bank}
    eligible = _eligible(bank, context)
    ending_minutes = sum(item.minutes for item in (items[0], *items[end : end + 2]))
    cheapest = sorted(q.minutes for q in eligible)[: low - 2]
    one_priority = len({q.priority for q in eligible}) <= 1
    fits = len(cheapest) == low - 2 and sum(cheapest) <= minutes - 2 - ending_minutes
    if one_priority and fits:
        assert agenda.question_count >= low
        assert agenda.notes == ()
    if agenda.question_count < low:
        assert [note.code for note in agenda.notes] == ["few-questions"]

    chosen = [by_id[item.question_id] for item in (*items[1:end], *items[end + 2 :])]
    assert all(q in eligible for q in chosen)


@settings(max_examples=200, deadline=None)
@given(cases())
def test_never_duplicates_hidden_asked_or_misplaced_questions(case):
    bank, minutes, context = case
    agenda = plan(bank, minutes, context)
    ids = [item.question_id for item in agenda.items]
    assert len(ids) == len(set(ids))
    texts = [item.text for item in agenda.items]
    assert len(texts) == len(set(texts))
    by_id = {q.id: q for q in bank}
    for item in agenda.items[1 : _ending_start(agenda.items)]:
        question = by_id[item.question_id]
        assert not question.hidden
        assert question.id not in context.asked_keys_or_ids
        assert question.key not in context.asked_keys_or_ids
        if not context.has_organization:
            assert question.category not in ORGANIZATION_CATEGORIES
            assert "{organization}" not in question.text
    assert all("{" not in text for text in texts)


@settings(max_examples=200, deadline=None)
@given(cases())
def test_follows_the_chosen_order_and_a_visible_opener(case):
    bank, minutes, context = case
    agenda = plan(bank, minutes, context)
    by_id = {q.id: q for q in bank}
    middle = [by_id[item.question_id] for item in agenda.items[1 : _ending_start(agenda.items)]]
    category_ids = [category for category, _ in CATEGORIES]
    if context.order == "natural":
        positions = [category_ids.index(q.category) for q in middle]
    else:
        positions = [TIARA_TAGS.index(q.tiara) if q.tiara else 5 for q in middle]
    assert positions == sorted(positions)
    if any(q.category == "opener" and not q.hidden for q in bank):
        assert not by_id[agenda.items[0].question_id].hidden


@settings(max_examples=100, deadline=None)
@given(cases())
def test_is_deterministic(case):
    bank, minutes, context = case
    assert plan(bank, minutes, context) == plan(list(bank), minutes, context)


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 14), st.booleans())
def test_short_meetings_keep_opener_and_closers(minutes, has_organization):
    agenda = plan(BUILTIN_QUESTIONS, minutes, PlanContext(has_organization=has_organization))
    assert agenda.items[0].category == "opener"
    end = _ending_start(agenda.items)
    assert [item.key for item in agenda.items[end : end + 2]] == list(ENDING_KEYS)


@st.composite
def any_length_cases(draw):
    bank = draw(banks())
    return bank, draw(st.integers(10, 90)), draw(contexts(bank))


@settings(max_examples=400, deadline=None)
@given(any_length_cases())
def test_priorities_closers_budget_and_checks_hold_at_every_length(case):
    """From 10 to 90 minutes, any selection: one closer of each kind, the agreed length
    respected, no higher-priority question left out while a lower-priority one of the same
    stage (body or closing) is kept, and every question passes the question checker."""
    bank, minutes, context = case
    agenda = plan(bank, minutes, context)

    kinds = [item.closer for item in agenda.items if item.closer]
    assert len(kinds) == len(set(kinds))
    assert {"your-position", "referral"} <= set(kinds)
    assert agenda.total_minutes <= minutes - context.buffer_minutes

    kept_ids = {item.question_id for item in agenda.items}
    eligible = _eligible(bank, context)
    kept = [q for q in eligible if q.id in kept_ids]
    dropped = [q for q in eligible if q.id not in kept_ids]
    for left_out in dropped:
        for taken in kept:
            if _stage(taken) == _stage(left_out):
                assert left_out.priority >= taken.priority, (left_out, taken)

    for item in agenda.items:
        assert check_question(item.text) == [], item.text
