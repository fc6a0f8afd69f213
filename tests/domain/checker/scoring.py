"""Load the labelled corpora and score the checker against them (used by tests and the tool).

The development set, tuned on, is corpus.json plus every dev*.json file here
(dev_students.json, dev_round2.json, dev_round3.json, dev_round4.json, dev_round7a.json,
dev_round7b.json, dev_round8a.json, and dev_heldout1.json to dev_heldout8.json: the held-out
sets of rounds 1 to 8, each scored once blind and then moved into development). The held-out
set of round 9 is heldout9.json: written by someone who never saw the checker, never tuned on,
scored once when the round is finished. An
entry's keys: `kind`, `channel`, `text`, `expected`, and optionally `subject`,
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
# The held-out sets by the name the tool takes (--heldout heldout9); a test skips one not yet
# written.
HELDOUT_SETS = {"heldout9": HERE / "heldout9.json"}
# Rounds 1-8's held-out sets, development data since (each still has its own floors).
OLD_HELDOUT_SETS = {f"dev_heldout{n}": HERE / f"dev_heldout{n}.json" for n in range(1, 9)}


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


# Floors per set: 0.9 for every rule with at least 10 positives in a set, unless
# HELDOUT_MEASURED records a lower, honestly measured figure for that set (docs/checker.md).
HELDOUT_FLOOR = 0.9
HELDOUT_MIN_POSITIVES = 10
# A set's own floors where measured. For heldout9.json: the figure measured once with round
# 9's final checker where a rule misses 0.9 (the coordinator records it). For rounds 1-8's
# held-out sets, now development data: what the current checker scores on them, so no later
# round slips back (rules with 10+ positives only; each set's blind first-look figures are in
# docs/checker.md).
HELDOUT_MEASURED: dict[str, dict[str, float]] = {
    # Round 9's held-out set, scored once with round 9's final checker on 2026-12-03.
    "heldout9": {
        "spelling": 0.8,  # precision 16/19 (0.842), recall 16/20 (0.80)
        "greeting-name-mismatch": 0.81,  # precision 13/16 (0.8125), recall 13/13
    },
    # Round 8's held-out set: scored once with round 8's final checker on 2026-12-03 (asks-for-job
    # 0.98 / 0.90, spelling 0.84 / 0.94, greeting-name-mismatch 0.75 / 1.00; docs/checker.md);
    # development data since round 9, these figures (round 9's checker) its floors.
    "dev_heldout8": {
        "asks-for-job": 1.0,  # 70/70
        "spelling": 1.0,  # 18/18 (one label corrected: text shorthand is spelling)
        "greeting-name-mismatch": 1.0,  # 12/12
    },
    # Round 7's held-out set: scored once with round 7's final checker on 2026-12-03 (asks-for-job
    # 0.96 / 0.91, spelling 0.87 / 0.87, greeting-name-mismatch 0.82 / 0.75; docs/checker.md);
    # development data since round 8, these figures (round 8's checker) its floors.
    "dev_heldout7": {
        "asks-for-job": 1.0,  # 70/70
        "spelling": 0.93,  # precision 14/14, recall 14/15 (0.933): "site Engineer" missed
        "greeting-name-mismatch": 1.0,  # 12/12
    },
    "dev_heldout1": {
        "asks-for-job": 1.0,  # 32/32
        "missing-time-request": 0.9,  # precision 10/11 (0.91)
        "placeholder": 1.0,  # 15/15
        "spelling": 1.0,  # 15/15 (recall 0.87 when it was held out)
        "thank-you-not-specific": 1.0,  # 12/12
        "greeting-name-mismatch": 0.9,  # 10/11 both ways (0.91)
    },
    "dev_heldout2": {"asks-for-job": 1.0, "spelling": 1.0},  # 38/38; 12/12
    "dev_heldout3": {"asks-for-job": 1.0},  # 62/62
    # Round 6's held-out set: measured once with round 6's final checker (docs/checker.md);
    # development data since round 7, these figures its floors.
    "dev_heldout6": {
        "asks-for-job": 0.81,  # precision 59/61 (0.97), recall 59/72 (0.819)
        "spelling": 0.85,  # precision 17/20 (0.85), recall 17/19 (0.89)
        "greeting-name-mismatch": 0.73,  # precision 11/15 (0.73), recall 11/11
    },
    # Round 5's held-out set: 0.95 / 0.84 asks-for-job and 0.81 / 1.00 greeting-name-mismatch
    # at its first look (docs/checker.md); since round 6, what round 6's checker scores on it.
    "dev_heldout5": {
        "asks-for-job": 0.95,  # precision 68/71 (0.96), recall 68/70 (0.97)
        "spelling": 0.9,  # precision 18/20 (0.90), recall 18/19 (0.95)
        "greeting-name-mismatch": 1.0,  # 13/13
    },
    "dev_heldout4": {
        "asks-for-job": 1.0,  # 61/61 (0.96 / 0.79 when it was held out)
        "spelling": 1.0,  # 14/14 (precision 0.87 when it was held out)
        "thank-you-not-specific": 1.0,  # 11/11
        "greeting-name-mismatch": 0.92,  # precision 13/14 (0.93)
    },
}


def heldout_floor(s: Score, held: str = "heldout9") -> float:
    """The floor a rule's precision and recall must reach on set `held` (0 when the
    set has too few positives of the rule to say)."""
    if s.true_positives + s.false_negatives < HELDOUT_MIN_POSITIVES:
        return 0.0
    return HELDOUT_MEASURED.get(held, {}).get(s.rule, HELDOUT_FLOOR)
