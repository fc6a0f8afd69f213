"""The Guide's source of truth: every step, every Today action and every checker rule has a
section, and docs/method.md says exactly what the page says."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from coffeechat.domain import guide
from coffeechat.domain.checker import RULE_IDS
from coffeechat.domain.followups.action import ACTION_KINDS

ROOT = Path(__file__).resolve().parents[2]
METHOD = ROOT / "docs" / "method.md"
STEP_IDS = (
    "find-people",
    "ask",
    "follow-up",
    "schedule",
    "prepare",
    "conversation",
    "thank-you",
    "referrals",
    "reflect",
    "keep-in-touch",
)


def test_the_steps_are_the_method_in_order() -> None:
    assert tuple(step.id for step in guide.STEPS) == STEP_IDS


def test_every_checker_rule_has_a_note_in_the_checkers_order() -> None:
    assert tuple(note.rule for note in guide.RULE_NOTES) == RULE_IDS
    assert all(note.id == f"rule-{note.rule}" for note in guide.RULE_NOTES)


def test_section_ids_are_unique() -> None:
    ids = [step.id for step in guide.STEPS] + [note.id for note in guide.RULE_NOTES]
    assert len(ids) == len(set(ids)) == len(guide.SECTION_IDS)


@pytest.mark.parametrize("kind", ACTION_KINDS)
def test_every_today_action_maps_to_a_step(kind: str) -> None:
    assert guide.section_for_action(kind) in STEP_IDS


@pytest.mark.parametrize("rule", RULE_IDS)
def test_every_rule_maps_to_its_own_section(rule: str) -> None:
    assert guide.section_for_rule(rule) == f"rule-{rule}"
    assert guide.section_for_rule(rule) in guide.SECTION_IDS


def test_unknown_kinds_and_rules_map_to_nothing() -> None:
    assert guide.section_for_action("dance") is None
    assert guide.section_for_rule("dance") is None
    assert guide.section_for_rule("find-people") is None  # a step is not a rule


def test_the_numbers_that_matter_are_there() -> None:
    text = guide.as_markdown()
    for fact in (
        "about 20 minutes",
        "after 7 business days",
        "at most 2 follow-ups",
        "within 24 hours",
        "Never ask for a job",
        "within 7 days",
        "Every 90 days",
    ):
        assert fact in text, fact


def test_every_section_says_the_same_in_docs_method_md() -> None:
    docs = " ".join(METHOD.read_text(encoding="utf-8").split())
    texts = [guide.INTRO]
    for step in guide.STEPS:
        texts += [step.title, step.summary, *step.points, step.why]
    for note in guide.RULE_NOTES:
        texts += [note.title, note.why, note.fix]
    missing = [text for text in texts if " ".join(text.split()) not in docs]
    assert not missing, "run tools/guide_docs.py: " + "; ".join(missing)


def test_docs_method_md_is_current() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "guide_docs.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
