from dataclasses import replace

import pytest

from coffeechat.domain.questions import (
    BUILTIN_QUESTIONS,
    ENDING_KEYS,
    REFERRAL_ASK_KEY,
    STAY_IN_TOUCH_KEY,
    PlanContext,
    Question,
    builtin_question,
    plan,
    question_count_range,
)

ENDING = list(ENDING_KEYS)


def keys(agenda):
    return [item.key for item in agenda.items]


def body(agenda):
    """The questions between the opener and the closing questions."""
    return [item for item in agenda.items[1:] if item.closer is None]


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
        "rewards-best",
        "rewards-frustrations",
        "advice-prepare",
        "closing-your-position",
        REFERRAL_ASK_KEY,
    ]
    assert [item.order for item in agenda.items] == list(range(1, 10))
    assert agenda.total_minutes == 18
    assert agenda.question_count == 8
    assert agenda.notes == ()


@pytest.mark.parametrize("has_organization", [False, True])
def test_20_and_30_minutes_keep_every_must_ask_and_never_a_filler_instead(has_organization):
    must_ask = {q.key for q in BUILTIN_QUESTIONS if q.priority == 1 and q.category != "opener"}
    for minutes in (20, 30):
        agenda = plan(BUILTIN_QUESTIONS, minutes, PlanContext(has_organization=has_organization))
        assert must_ask <= set(keys(agenda)), minutes
        assert {"rewards-frustrations", "advice-prepare"} <= set(keys(agenda))
    twenty = plan(BUILTIN_QUESTIONS, 20, PlanContext(has_organization=has_organization))
    assert all(builtin_question(key).priority == 1 for key in keys(twenty))


def test_30_minutes_adds_the_resume_look_associations_and_staying_in_touch():
    agenda = plan(BUILTIN_QUESTIONS, 30, PlanContext())
    assert {"advice-resume", "resources-associations", "entry-roles"} <= set(keys(agenda))
    assert keys(agenda)[-3:] == [*ENDING, STAY_IN_TOUCH_KEY]
    assert agenda.items[-1].closer == "stay-in-touch"


def test_one_referral_ask_and_no_second_who_else():
    for minutes in range(5, 91, 5):
        agenda = plan(BUILTIN_QUESTIONS, minutes, PlanContext(has_organization=True))
        assert [item.closer for item in agenda.items].count("referral") == 1, minutes
        assert "closing-who-else" not in keys(agenda)
        assert "referrals-other-organizations" not in keys(agenda)


def test_a_referral_question_of_the_users_own_is_not_a_second_referral_ask():
    mine = user_question(3, "referrals", "Whom else would you suggest I meet?", priority=1)
    agenda = plan([mine], 30, PlanContext())
    assert 3 not in [item.question_id for item in agenda.items]
    assert keys(agenda)[-2:] == ENDING


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
    middle = body(agenda)
    tags = [builtin_question(item.key).tiara for item in middle]
    ranks = [("trends", "insights", "advice", "resources", "assignments").index(t) for t in tags]
    assert ranks == sorted(ranks)
    assert tags[0] == "trends"
    assert tags[-1] == "assignments"
    assert keys(agenda)[0] == "opener-purpose"
    assert keys(agenda)[-3:] == [*ENDING, STAY_IN_TOUCH_KEY]


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
    bank = [replace(q, hidden=q.key in ENDING_KEYS) for q in BUILTIN_QUESTIONS]
    context = PlanContext(asked_keys_or_ids=frozenset({REFERRAL_ASK_KEY, "opener-purpose"}))
    agenda = plan(bank, 20, context)
    assert keys(agenda)[0] == "opener-purpose"
    assert keys(agenda)[-2:] == ENDING


def test_users_own_version_of_a_closer_is_used():
    mine = Question(id=42, key=REFERRAL_ASK_KEY, category="referrals", text="Who else?", minutes=1)
    agenda = plan([mine], 20, PlanContext())
    assert agenda.items[-1].question_id == 42
    assert agenda.items[-1].text == "Who else?"
    assert agenda.items[-1].closer == "referral"


def test_stay_in_touch_waits_when_there_is_no_time_and_goes_when_asked_before():
    assert STAY_IN_TOUCH_KEY not in keys(plan(BUILTIN_QUESTIONS, 20, PlanContext()))
    asked = PlanContext(asked_keys_or_ids=frozenset({STAY_IN_TOUCH_KEY}))
    assert STAY_IN_TOUCH_KEY not in keys(plan(BUILTIN_QUESTIONS, 60, asked))


def test_missing_structure_comes_from_the_built_in_bank():
    agenda = plan([], 20, PlanContext())
    assert keys(agenda) == ["opener-purpose", *ENDING]
    assert [note.code for note in agenda.notes] == ["few-questions"]
    assert "hidden" in agenda.notes[0].message


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
    assert [item.question_id for item in body(agenda)] == [2]


def test_categories_alternate_within_a_priority():
    bank = [q for q in BUILTIN_QUESTIONS if q.category in {"path", "trends"}]
    agenda = plan(bank, 15, PlanContext())
    assert {item.category for item in body(agenda)} == {"path", "trends"}


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
    # Taking the 11-minute question first would leave room for only two more.
    long_one = user_question(0, "path", "Tell me your whole story.", priority=3, minutes=11)
    short_ones = [
        user_question(10 + i, "day", f"Quick {i}: how?", priority=3, minutes=1) for i in range(5)
    ]
    agenda = plan([long_one, *short_ones], 20, PlanContext())
    low, high = question_count_range(20)
    assert low <= agenda.question_count <= high
    assert agenda.total_minutes <= 18
    assert 0 not in [item.question_id for item in agenda.items]


def test_takes_a_long_question_when_the_minimum_is_still_reachable():
    long_one = user_question(0, "path", "Tell me your whole story.", priority=3, minutes=8)
    short_ones = [
        user_question(10 + i, "day", f"Quick {i}: how?", priority=3, minutes=1) for i in range(5)
    ]
    agenda = plan([long_one, *short_ones], 20, PlanContext())
    assert [item.question_id for item in body(agenda)] == [0, 10, 11, 12, 13, 14]


def test_a_must_ask_that_fits_is_never_traded_for_quick_fillers():
    long_one = user_question(0, "path", "Tell me your whole story.", priority=1, minutes=11)
    short_ones = [
        user_question(10 + i, "day", f"Quick {i}: how?", priority=3, minutes=1) for i in range(5)
    ]
    agenda = plan([long_one, *short_ones], 20, PlanContext())
    assert [item.question_id for item in body(agenda)] == [0, 10, 11]
    assert [note.code for note in agenda.notes] == ["few-questions"]
    assert "must-ask" in agenda.notes[0].message


def test_a_must_ask_that_does_not_fit_keeps_lower_priorities_out_and_says_why():
    must = [
        user_question(i, "path", f"Long story {i}: how?", priority=1, minutes=5) for i in range(3)
    ]
    fillers = [
        user_question(10 + i, "day", f"Quick {i}: how?", priority=3, minutes=1) for i in range(3)
    ]
    agenda = plan([*must, *fillers], 20, PlanContext())
    assert [item.question_id for item in body(agenda)] == [0, 1]
    assert [note.code for note in agenda.notes] == ["few-questions"]
    assert "must-ask" in agenda.notes[0].message


def test_very_short_meeting_keeps_opener_and_closers_and_says_why():
    agenda = plan(BUILTIN_QUESTIONS, 5, PlanContext())
    assert keys(agenda) == ["opener-purpose", *ENDING]
    assert [note.code for note in agenda.notes] == ["very-short"]
    assert "5 minutes" in agenda.notes[0].message


def test_ten_minutes_still_has_the_referral_ask():
    agenda = plan(BUILTIN_QUESTIONS, 10, PlanContext())
    assert keys(agenda)[-2:] == ENDING
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
