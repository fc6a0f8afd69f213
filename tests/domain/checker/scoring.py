"""Load the labelled corpora and score the checker against them (used by tests and the tool).

The development set, tuned on, is corpus.json plus every dev*.json file here
(dev_students.json, dev_round2.json, dev_round3.json, dev_round4.json, ...). The held-out sets
are heldout.json, heldout2.json, heldout3.json and heldout4.json: written before the checker
was tuned on them, never tuned on, and scored only when a tuning round is finished. An entry's
keys follow /work/brief/rules.md: `kind`, `channel`, `text`, `expected`, and optionally `subject`,
`referrer_name` (or `referrer`), `to` (the recipient's full name), `minutes`, `rule_set`,
`max_words`, `known_names`, `personal_words`, `other_bodies`, `meeting_ended_at`,
`recorded_at`, `meeting_notes`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from coffeechat.domain.checker import RULE_IDS, RULE_SETS, CheckContext, check

HERE = Path(__file__).parent
CORPUS = HERE / "corpus.json"
DEV_STUDENTS = HERE / "dev_students.json"
DEV_ROUND2 = HERE / "dev_round2.json"
HELDOUT = HERE / "heldout.json"
HELDOUT2 = HERE / "heldout2.json"
HELDOUT3 = HERE / "heldout3.json"
HELDOUT4 = HERE / "heldout4.json"
# The held-out sets by the name the tool takes (--heldout heldout2).
HELDOUT_SETS = {
    "heldout": HELDOUT,
    "heldout2": HELDOUT2,
    "heldout3": HELDOUT3,
    "heldout4": HELDOUT4,
}


def dev_sets() -> list[Path]:
    """corpus.json and every dev*.json beside it, in name order."""
    return [CORPUS, *sorted(HERE.glob("dev*.json"))]


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
    raw = json.loads(path.read_text(encoding="utf-8"))
    entries: list[dict[str, Any]] = raw
    if isinstance(raw, dict):  # {"messages": [...]} or {"cases": [...]}
        entries = raw.get("messages") or raw.get("cases") or []
    prefix = "" if path == CORPUS else f"{path.stem}:"
    return [_case(entry, prefix, index) for index, entry in enumerate(entries)]


def load_dev() -> list[Case]:
    """The development set: corpus.json and every dev*.json file."""
    return [case for path in dev_sets() if path.exists() for case in load_corpus(path)]


def _case(entry: dict[str, Any], prefix: str = "", index: int = 0) -> Case:
    rules = RULE_SETS[entry.get("rule_set") or "career-office"]
    if entry.get("max_words") is not None:
        rules = replace(rules, max_words=entry["max_words"])
    context = CheckContext(
        kind=entry["kind"],
        channel=entry.get("channel") or "email",
        subject=entry.get("subject"),
        referrer_name=entry.get("referrer_name") or entry.get("referrer"),
        minutes=entry.get("minutes"),
        rules=rules,
        known_names=tuple(entry.get("known_names") or ()),
        personal_words=tuple(entry.get("personal_words") or ()),
        other_bodies=tuple(entry.get("other_bodies") or ()),
        meeting_ended_at=_when(entry.get("meeting_ended_at")),
        recorded_at=_when(entry.get("recorded_at")),
        meeting_notes=tuple(entry.get("meeting_notes") or ()),
        recipient_name=entry.get("to") or entry.get("recipient_name"),
    )
    ident = f"{prefix}{entry.get('id', index)}"
    return Case(ident, entry["text"], context, frozenset(entry["expected"]))


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


# Held-out floors: 0.9 for every rule with at least 10 positives in a held-out set, unless
# HELDOUT_MEASURED records a lower, honestly measured figure for that set (docs/checker.md).
HELDOUT_FLOOR = 0.9
HELDOUT_MIN_POSITIVES = 10
# Measured once per set with the final checker of a tuning round, not tuned on afterwards:
# where a rule misses 0.9 there, its floor is the honest figure (docs/checker.md).
HELDOUT_MEASURED: dict[str, dict[str, float]] = {
    # Round 4 (dev set: corpus.json + dev_students.json + dev_round2/3/4.json): every set
    # scored once with the round's final checker.
    "heldout": {
        # asks-for-job: 32/32; greeting-name-mismatch 10/11 (0.91 both ways): the usual 0.9.
        "spelling": 0.86,  # recall 13/15 (0.867); precision 1.00 (was 0.50 in round 1)
    },
    "heldout2": {
        "asks-for-job": 0.84,  # recall 32/38 (0.842), precision 32/34 (0.941); as in round 3
        # spelling: 12/12 in round 4 (precision 0.86 in rounds 2-3), so the usual 0.9 applies.
    },
    # heldout3.json: written by another helper as round 3 began, before any tuning.
    "heldout3": {
        "asks-for-job": 0.87,  # round 4: recall 54/62 (0.871), precision 54/58 (0.931)
    },
    # heldout4.json: written by another helper as round 4 began, before any tuning.
    "heldout4": {
        "asks-for-job": 0.78,  # recall 48/61 (0.787), precision 48/50 (0.96)
        "spelling": 0.86,  # precision 13/15 (0.867), recall 13/14 (0.929)
    },
}


def heldout_floor(s: Score, held: str = "heldout") -> float:
    """The floor a rule's precision and recall must reach on held-out set `held` (0 when the
    set has too few positives of the rule to say)."""
    if s.true_positives + s.false_negatives < HELDOUT_MIN_POSITIVES:
        return 0.0
    return HELDOUT_MEASURED.get(held, {}).get(s.rule, HELDOUT_FLOOR)
