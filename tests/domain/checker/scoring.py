"""Load the labelled corpus and score the checker against it (used by tests and the tool)."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from coffeechat.domain.checker import RULE_IDS, RULE_SETS, CheckContext, check

CORPUS = Path(__file__).with_name("corpus.json")


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    context: CheckContext
    expected: frozenset[str]


@dataclass(frozen=True)
class Score:
    rule: str
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        fired = self.true_positives + self.false_positives
        return self.true_positives / fired if fired else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0


def load_corpus(path: Path = CORPUS) -> list[Case]:
    return [_case(entry) for entry in json.loads(path.read_text(encoding="utf-8"))]


def _case(entry: dict[str, Any]) -> Case:
    rules = RULE_SETS[entry.get("rule_set", "career-office")]
    if "max_words" in entry:
        rules = replace(rules, max_words=entry["max_words"])
    context = CheckContext(
        kind=entry["kind"],
        channel=entry["channel"],
        subject=entry.get("subject"),
        referrer_name=entry.get("referrer_name"),
        minutes=entry.get("minutes"),
        rules=rules,
        known_names=tuple(entry.get("known_names", ())),
        personal_words=tuple(entry.get("personal_words", ())),
        other_bodies=tuple(entry.get("other_bodies", ())),
        meeting_ended_at=_when(entry.get("meeting_ended_at")),
        recorded_at=_when(entry.get("recorded_at")),
        meeting_notes=tuple(entry.get("meeting_notes", ())),
    )
    return Case(entry["id"], entry["text"], context, frozenset(entry["expected"]))


def _when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def fired(case: Case) -> frozenset[str]:
    return frozenset(finding.rule for finding in check(case.text, case.context))


def score(cases: list[Case]) -> tuple[list[Score], list[tuple[Case, frozenset[str]]]]:
    """Per-rule counts over the corpus, and the cases whose fired set isn't exactly expected."""
    counts = {rule: [0, 0, 0] for rule in RULE_IDS}
    mismatches = []
    for case in cases:
        got = fired(case)
        if got != case.expected:
            mismatches.append((case, got))
        for rule in RULE_IDS:
            if rule in got and rule in case.expected:
                counts[rule][0] += 1
            elif rule in got:
                counts[rule][1] += 1
            elif rule in case.expected:
                counts[rule][2] += 1
    return [Score(rule, *counts[rule]) for rule in RULE_IDS], mismatches
