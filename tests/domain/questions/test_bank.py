from collections import Counter
from typing import Any

import pytest

from coffeechat.domain.questions import (
    BLANKS,
    BUILTIN_QUESTIONS,
    CATEGORIES,
    CLOSER_KEYS,
    REFERRAL_ASK_KEY,
    TIARA_TAGS,
    Question,
    blanks_in,
    builtin_question,
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


def test_every_blank_is_known():
    for question in BUILTIN_QUESTIONS:
        assert blanks_in(question.text) <= set(BLANKS), question.key


def test_the_method_questions_exist():
    assert builtin_question(CLOSER_KEYS[0]).category == "closing"
    assert builtin_question(CLOSER_KEYS[1]).category == "closing"
    assert builtin_question(REFERRAL_ASK_KEY).category == "referrals"
    assert [q.key for q in BUILTIN_QUESTIONS if q.category == "closing"] == list(CLOSER_KEYS)


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
    ],
)
def test_question_rejects_invalid_values(changes, message):
    values: dict[str, Any] = {"id": 1, "key": "", "category": "path", "text": "How?", "minutes": 2}
    values.update(changes)
    with pytest.raises(ValueError, match=message):
        Question(**values)
