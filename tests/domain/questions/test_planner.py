from dataclasses import replace

import pytest

from coffeechat.domain.questions import (
    BUILTIN_QUESTIONS,
    CLOSER_KEYS,
    REFERRAL_ASK_KEY,
    PlanContext,
    Question,
    builtin_question,
    plan,
    question_count_range,
)

ENDING = [REFERRAL_ASK_KEY, *CLOSER_KEYS]


def keys(agenda):
    return [item.key for item in agenda.items]


def user_question(id_, category, text, *, priority=1, minutes=2, tiara=None, user_order=None):
    return Question(
        id=id_,
        key="",
        category=category,
        text=text,
        minutes=minutes,
        priority=priority,
        tiara=tiara,
        user_order=user_order,
    )


def test_natural_order_of_a_20_minute_meeting():
    agenda = plan(BUILTIN_QUESTIONS, 20, PlanContext(field="law"))
    assert keys(agenda) == [
        "opener-purpose",
        "path-first-job",
        "day-typical",
        "skills-essential",
        "entry-roles",
        "rewards-best",
        "resources-online",
        *ENDING,
    ]
    assert [item.order for item in agenda.items] == list(range(1, 11))
    assert agenda.total_minutes == 18
    assert agenda.question_count == 9
    assert agenda.notes == ()


def test_items_carry_filled_text_and_question_details():
    context = PlanContext(field="urban planning", has_organization=True, organization="Acme")
    agenda = plan(BUILTIN_QUESTIONS, 30, context)
    culture = next(item for item in agenda.items if item.key == "culture-describe")
    assert culture.text == "How would you describe the culture at Acme?"
    assert culture.question_id == "culture-describe"
    assert culture.category == "culture"
    assert culture.minutes == 2
    assert all("{" not in item.text for item in agenda.items)


def test_tiara_order_groups_trends_insights_advice_resources_assignments():
    agenda = plan(BUILTIN_QUESTIONS, 30, PlanContext(order="tiara", has_organization=True))
    middle = agenda.items[1:-3]
    tags = [builtin_question(item.key).tiara for item in middle]
    ranks = [("trends", "insights", "advice", "resources", "assignments").index(t) for t in tags]
    assert ranks == sorted(ranks)
    assert tags[0] == "trends"
    assert tags[-1] == "assignments"
    assert keys(agenda)[0] == "opener-purpose"
    assert keys(agenda)[-3:] == ENDING


def test_tiara_order_puts_untagged_questions_after_assignments():
    mine = user_question(1, "path", "What was your biggest leap?", tiara=None)
    tagged = user_question(2, "trends", "What is changing?", tiara="assignments")
    agenda = plan([mine, tagged], 30, PlanContext(order="tiara"))
    assert [item.question_id for item in agenda.items[1:3]] == [2, 1]


def test_natural_order_follows_categories_not_priorities():
    late = user_question(1, "advice", "What should I read first?", priority=1)
    early = user_question(2, "path", "How did your first month go?", priority=3)
    agenda = plan([late, early], 30, PlanContext())
    assert [item.question_id for item in agenda.items[1:3]] == [2, 1]


def test_30_minutes_gives_10_to_15_questions_within_28_minutes():
    agenda = plan(BUILTIN_QUESTIONS, 30, PlanContext(has_organization=True))
    assert 10 <= agenda.question_count <= 15
    assert agenda.total_minutes <= 28


def test_count_range_per_length():
    assert question_count_range(15) == (5, 7)
    assert question_count_range(20) == (6, 10)
    assert question_count_range(30) == (10, 15)
    assert question_count_range(60) == (20, 30)
    assert question_count_range(3) == (1, 2)


def test_organization_questions_only_with_an_organization():
    without = plan(BUILTIN_QUESTIONS, 90, PlanContext(has_organization=False))
    assert not {"culture", "organization"} & {item.category for item in without.items}
    assert all("your organization" not in item.text for item in without.items)
    with_org = plan(BUILTIN_QUESTIONS, 90, PlanContext(has_organization=True))
    assert {"culture", "organization"} <= {item.category for item in with_org.items}


def test_question_mentioning_the_organization_needs_one():
    mine = user_question(7, "path", "Why did you pick {organization}?")
    assert 7 not in [i.question_id for i in plan([mine], 30, PlanContext()).items]
    agenda = plan([mine], 30, PlanContext(has_organization=True, organization="Acme"))
    assert "Why did you pick Acme?" in [item.text for item in agenda.items]


def test_hidden_and_already_asked_questions_are_skipped():
    bank = [replace(q, hidden=q.key == "path-first-job") for q in BUILTIN_QUESTIONS]
    context = PlanContext(asked_keys_or_ids=frozenset({"day-typical", 99}))
    mine = user_question(99, "path", "How did your first month go?")
    agenda = plan([*bank, mine], 30, context)
    assert "path-first-job" not in keys(agenda)
    assert "day-typical" not in keys(agenda)
    assert 99 not in [item.question_id for item in agenda.items]


def test_asked_closers_and_hidden_closers_are_still_kept():
    bank = [replace(q, hidden=q.key in CLOSER_KEYS) for q in BUILTIN_QUESTIONS]
    context = PlanContext(asked_keys_or_ids=frozenset({REFERRAL_ASK_KEY, "opener-purpose"}))
    agenda = plan(bank, 20, context)
    assert keys(agenda)[0] == "opener-purpose"
    assert keys(agenda)[-3:] == ENDING


def test_users_own_version_of_a_closer_is_used():
    mine = Question(id=42, key="closing-who-else", category="closing", text="Who else?", minutes=1)
    agenda = plan([mine], 20, PlanContext())
    assert agenda.items[-1].question_id == 42
    assert agenda.items[-1].text == "Who else?"


def test_missing_structure_comes_from_the_built_in_bank():
    agenda = plan([], 20, PlanContext())
    assert keys(agenda) == ["opener-purpose", *ENDING]
    assert [note.code for note in agenda.notes] == ["few-questions"]


def test_hidden_opener_gives_way_to_the_next_one():
    bank = [replace(q, hidden=q.key == "opener-purpose") for q in BUILTIN_QUESTIONS]
    assert keys(plan(bank, 20, PlanContext()))[0] == "opener-small-talk"


def test_user_priority_beats_the_bank():
    bank = [replace(q, priority=3) for q in BUILTIN_QUESTIONS if q.category == "path"]
    mine = user_question(5, "trends", "Which shift worries you most?", priority=1)
    agenda = plan([*bank, mine], 15, PlanContext())
    assert 5 in [item.question_id for item in agenda.items]


def test_user_order_breaks_ties_within_a_priority():
    first = user_question(1, "path", "How did it start?", user_order=2)
    second = user_question(2, "path", "What came next?", user_order=1)
    third = user_question(3, "path", "Where did it lead?", user_order=3)
    # 10 minutes leaves room for the opener, the ending and a single question.
    agenda = plan([first, second, third], 10, PlanContext())
    assert [item.question_id for item in agenda.items[1:-3]] == [2]


def test_categories_alternate_within_a_priority():
    bank = [q for q in BUILTIN_QUESTIONS if q.category in {"path", "trends"}]
    agenda = plan(bank, 15, PlanContext())
    assert {item.category for item in agenda.items[1:-3]} == {"path", "trends"}


def test_duplicates_are_asked_once():
    copy = user_question(
        8,
        "path",
        "  how did you first get into {FIELD}, and what was your very first job in it like?",
    )
    again = replace(builtin_question("day-typical"), id=9)
    agenda = plan([*BUILTIN_QUESTIONS, copy, again, again], 90, PlanContext())
    assert len({item.text.casefold() for item in agenda.items}) == len(agenda.items)
    assert keys(agenda).count("day-typical") == 1


def test_keeps_time_in_reserve_to_reach_the_minimum_count():
    # Taking the 11-minute question first would leave room for only one more.
    long_one = user_question(0, "path", "Tell me your whole story.", minutes=11)
    short_ones = [
        user_question(10 + i, "day", f"Quick {i}: how?", priority=3, minutes=1) for i in range(5)
    ]
    agenda = plan([long_one, *short_ones], 20, PlanContext())
    low, high = question_count_range(20)
    assert low <= agenda.question_count <= high
    assert agenda.total_minutes <= 18
    assert 0 not in [item.question_id for item in agenda.items]


def test_takes_a_long_question_when_the_minimum_is_still_reachable():
    long_one = user_question(0, "path", "Tell me your whole story.", minutes=8)
    short_ones = [
        user_question(10 + i, "day", f"Quick {i}: how?", priority=3, minutes=1) for i in range(5)
    ]
    agenda = plan([long_one, *short_ones], 20, PlanContext())
    assert [item.question_id for item in agenda.items[1:-3]] == [0, 10, 11, 12, 13]


def test_very_short_meeting_keeps_opener_and_closers_and_says_why():
    agenda = plan(BUILTIN_QUESTIONS, 5, PlanContext())
    assert keys(agenda) == ["opener-purpose", *CLOSER_KEYS]
    assert [note.code for note in agenda.notes] == ["very-short"]
    assert "5 minutes" in agenda.notes[0].message


def test_ten_minutes_still_has_the_referral_ask():
    agenda = plan(BUILTIN_QUESTIONS, 10, PlanContext())
    assert keys(agenda)[-3:] == ENDING
    assert agenda.total_minutes <= 8
    assert agenda.notes == ()


@pytest.mark.parametrize("minutes", [0, -5])
def test_non_positive_length_is_rejected(minutes):
    with pytest.raises(ValueError, match="at least 1 minute"):
        plan(BUILTIN_QUESTIONS, minutes, PlanContext())


def test_context_rejects_unknown_order_and_negative_buffer():
    with pytest.raises(ValueError, match="natural"):
        PlanContext(order="random")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="buffer"):
        PlanContext(buffer_minutes=-1)


def test_buffer_is_configurable():
    agenda = plan(BUILTIN_QUESTIONS, 20, PlanContext(buffer_minutes=5))
    assert agenda.total_minutes <= 15
    assert agenda.buffer_minutes == 5
    assert agenda.minutes == 20


def test_plan_is_deterministic():
    context = PlanContext(has_organization=True, order="tiara")
    assert plan(BUILTIN_QUESTIONS, 45, context) == plan(BUILTIN_QUESTIONS, 45, context)
