"""The checker's public interface: contexts, rule sets, word counts, ordering."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, replace

import pytest

from coffeechat.domain.checker import RULE_IDS, RULE_SETS, CheckContext, check, word_count


def test_a_context_needs_only_kind_and_channel() -> None:
    context = CheckContext(kind="request", channel="email")
    assert context.rules is RULE_SETS["career-office"]
    assert context.subject is None
    assert context.known_names == ()


def test_unknown_kind_or_channel_is_refused() -> None:
    with pytest.raises(ValueError, match="kind"):
        CheckContext(kind="memo", channel="email")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="channel"):
        CheckContext(kind="request", channel="fax")  # type: ignore[arg-type]


def test_contexts_and_rule_sets_are_frozen() -> None:
    with pytest.raises(FrozenInstanceError):
        CheckContext(kind="request", channel="email").kind = "letter"  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        RULE_SETS["2hjs-5"].max_words = 1  # type: ignore[misc]


def test_rule_sets() -> None:
    assert {k: v.max_words for k, v in RULE_SETS.items()} == {
        "career-office": 150,
        "2hjs-5": 100,
        "2hjs-6": 75,
    }
    assert [r.about_you_share for r in RULE_SETS.values()] == [False, True, True]
    assert all(r.long_minutes == 30 and r.max_minutes == 60 for r in RULE_SETS.values())
    assert all(r.linkedin_char_limit == 300 for r in RULE_SETS.values())
    assert RULE_SETS["2hjs-6"].label == "2-Hour Job Search, 6-point (75 words)"


def test_users_settings_override_a_rule_set() -> None:
    mine = replace(RULE_SETS["career-office"], linkedin_char_limit=200)
    context = CheckContext(kind="linkedin-note", channel="linkedin", rules=mine)
    assert [f.rule for f in check("x" * 250, context) if f.rule == "over-char-limit"] == [
        "over-char-limit"
    ]


@pytest.mark.parametrize(
    ("text", "count"),
    [("", 0), ("Hello there", 2), ("I'm a 20-minute fan, don’t worry.", 6), ("a\nb  c", 3)],
)
def test_word_count(text: str, count: int) -> None:
    assert word_count(text) == count


def test_findings_sorted_by_severity_then_position_whole_message_first() -> None:
    text = "a " * 150 + "thier [Name]"  # the overflow and the misspelling both start at 300
    findings = check(text, CheckContext(kind="linkedin-note", channel="linkedin"))
    assert [(f.severity, f.start, f.rule) for f in findings] == [
        ("error", 300, "over-char-limit"),
        ("error", 306, "placeholder"),
        ("warning", None, "missing-introduction"),
        ("warning", 300, "spelling"),
    ]
    assert {f.rule for f in findings} <= set(RULE_IDS)


def test_each_finding_with_a_span_quotes_its_phrase_and_none_repeats() -> None:
    text = "Dear Mr. Johnson,\nAre there any openings? I'd recieve it. I'd recieve it. An hour?"
    context = CheckContext(kind="request", channel="email", recipient_name="Aisha Bello")
    findings = check(text, context)
    for finding in findings:
        if finding.start is not None:
            phrase = " ".join(text[finding.start : finding.end].split())
            assert f'"{phrase}"' in finding.message
    keys = [(f.rule, f.start, f.end) for f in findings]
    assert len(keys) == len(set(keys))
    misspelt = [text[f.start : f.end] for f in findings if f.rule == "spelling" and f.start]
    assert misspelt == ["recieve", "recieve"]
