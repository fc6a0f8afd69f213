from collections import Counter
from typing import Any

import pytest

from coffeechat.domain.checker.job_ask import job_asks
from coffeechat.domain.questions import (
    BLANKS,
    BUILTIN_QUESTIONS,
    CATEGORIES,
    CLOSERS,
    ENDING_KEYS,
    POSITION_KEY,
    REFERRAL_ASK_KEY,
    STAY_IN_TOUCH_KEY,
    TIARA_TAGS,
    Question,
    blanks_in,
    builtin_question,
    check_question,
    is_open,
)

SLUG = "abcdefghijklmnopqrstuvwxyz0123456789-"


def test_bank_has_at_least_80_questions():
    assert len(BUILTIN_QUESTIONS) >= 80


def test_every_category_is_covered():
    used = {question.category for question in BUILTIN_QUESTIONS}
    assert used == {category for category, _ in CATEGORIES}


def test_keys_are_unique_slugs_prefixed_by_category():
    keys = [question.key for question in BUILTIN_QUESTIONS]
    assert len(keys) == len(set(keys))
    for question in BUILTIN_QUESTIONS:
        assert set(question.key) <= set(SLUG)
        assert question.key.startswith(question.category + "-")
        assert question.id == question.key


def test_texts_are_unique():
    texts = [question.text for question in BUILTIN_QUESTIONS]
    assert len(texts) == len(set(texts))


def test_every_text_is_open_ended():
    closed = [question.key for question in BUILTIN_QUESTIONS if not is_open(question.text)]
    assert closed == []


def test_every_text_passes_the_question_checker():
    assert [q.key for q in BUILTIN_QUESTIONS if check_question(q.text)] == []


def test_every_blank_is_known():
    for question in BUILTIN_QUESTIONS:
        assert blanks_in(question.text) <= set(BLANKS), question.key


def test_the_method_questions_exist():
    assert ENDING_KEYS == (POSITION_KEY, REFERRAL_ASK_KEY)
    assert builtin_question(POSITION_KEY).closer == "your-position"
    assert builtin_question(REFERRAL_ASK_KEY).closer == "referral"
    assert builtin_question(STAY_IN_TOUCH_KEY).closer == "stay-in-touch"
    assert builtin_question(REFERRAL_ASK_KEY).category == "referrals"


def test_every_closing_question_has_a_kind_and_only_those():
    for question in BUILTIN_QUESTIONS:
        closing = question.category in ("closing", "referrals")
        assert (question.closer_kind is not None) == closing, question.key
        assert question.closer_kind is None or question.closer_kind in CLOSERS
    who_else = [q.key for q in BUILTIN_QUESTIONS if q.closer_kind == "referral"]
    assert {"closing-who-else", REFERRAL_ASK_KEY} <= set(who_else)


@pytest.mark.parametrize(
    ("key", "words"),
    [
        ("advice-resume", "resume"),
        ("resources-associations", "associations"),
        (STAY_IN_TOUCH_KEY, "LinkedIn"),
    ],
)
def test_new_questions_pass_the_question_checker_and_ask_for_no_job(key, words):
    text = builtin_question(key).text
    assert words in text
    assert check_question(text) == []
    assert job_asks(text) == []
    assert builtin_question(key).priority == 2


def test_must_ask_questions_fit_20_minutes_and_good_to_ask_ones_30():
    must = sum(q.minutes for q in BUILTIN_QUESTIONS if q.priority == 1)
    good = sum(
        q.minutes
        for q in BUILTIN_QUESTIONS
        if q.priority == 2 and q.category not in ("culture", "organization")
    )
    assert must <= 20 - 2
    assert must + good <= 30 - 2


def test_referral_ask_asks_for_names_and_permission_to_mention():
    text = builtin_question(REFERRAL_ASK_KEY).text
    assert "two or three people" in text
    assert "mentioning your name" in text


def test_two_or_three_openers_of_one_or_two_minutes():
    openers = [q for q in BUILTIN_QUESTIONS if q.category == "opener"]
    assert 2 <= len(openers) <= 3
    assert all(1 <= q.minutes <= 2 for q in openers)
    assert builtin_question("opener-purpose").priority == 1


def test_minutes_are_realistic_mostly_two():
    minutes = Counter(question.minutes for question in BUILTIN_QUESTIONS)
    assert set(minutes) <= {1, 2, 3, 4}
    assert minutes[2] > len(BUILTIN_QUESTIONS) / 2
    assert minutes[3] >= 2
    assert minutes[1] >= 2


def test_priorities_and_tags_are_valid():
    for question in BUILTIN_QUESTIONS:
        assert question.priority in (1, 2, 3)
        assert question.tiara is None or question.tiara in TIARA_TAGS
        assert not question.hidden
        assert question.user_order is None


def test_every_tiara_tag_is_used():
    assert {q.tiara for q in BUILTIN_QUESTIONS} >= set(TIARA_TAGS)


def test_unknown_builtin_key_raises():
    with pytest.raises(KeyError):
        builtin_question("no-such-question")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"category": "gossip"}, "category"),
        ({"minutes": 0}, "minute"),
        ({"priority": 4}, "Priority"),
        ({"tiara": "tips"}, "TIARA"),
        ({"text": "  "}, "text"),
        ({"closer": "goodbye"}, "closing"),
    ],
)
def test_question_rejects_invalid_values(changes, message):
    values: dict[str, Any] = {"id": 1, "key": "", "category": "path", "text": "How?", "minutes": 2}
    values.update(changes)
    with pytest.raises(ValueError, match=message):
        Question(**values)
