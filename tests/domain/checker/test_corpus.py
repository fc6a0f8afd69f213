"""The checker measured against its labelled corpora (tools/checker_scores.py prints the figures).

Development set: corpus.json (written alongside the rules) and every dev*.json
(dev_students.json, dev_round2.json, dev_round3.json, dev_round4.json, dev_round7a.json,
dev_round7b.json, dev_round8a.json: written independently, as students write; dev_heldout1.json
to dev_heldout8.json: the held-out sets of rounds 1-8, development data since); tuned on.
Held-out set: heldout9.json, written before round 9 was measured and never tuned on. Floors per
set are in scoring.HELDOUT_MEASURED / HELDOUT_FLOOR.
"""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

import pytest

from coffeechat.domain.checker import KINDS, RULE_IDS
from tests.domain.checker.scoring import (
    DEV_STUDENTS,
    HELDOUT_SETS,
    OLD_HELDOUT_SETS,
    heldout_floor,
    load_corpus,
    load_dev,
    score,
)

# Entries allowed to differ from their label. Zero today; raise only with a note on why.
ALLOWED_MISMATCHES = 0


def test_every_rule_has_precision_and_recall_of_at_least_0_9() -> None:
    scores, _ = score(load_corpus())
    low = [(s.rule, s.precision, s.recall) for s in scores if min(s.precision, s.recall) < 0.9]
    assert low == []


def test_dev_set_every_rule_at_least_0_9() -> None:
    scores, _ = score(load_dev())
    low = [(s.rule, s.precision, s.recall) for s in scores if min(s.precision, s.recall) < 0.9]
    assert low == []


@pytest.mark.skipif(not DEV_STUDENTS.exists(), reason="dev_students.json not written yet")
def test_dev_students_set_is_realistic_and_covers_every_kind() -> None:
    cases = load_corpus(DEV_STUDENTS)
    assert len(cases) >= 100
    assert {case.context.kind for case in cases} >= set(KINDS) - {"introduction-blurb"}


@pytest.mark.parametrize("held", sorted(HELDOUT_SETS | OLD_HELDOUT_SETS))
def test_heldout_sets_meet_their_floors(held: str) -> None:
    """0.9 precision and recall for every rule with at least 10 positives in a held-out set
    (or an old one, now development data), or the honestly measured figure recorded in
    scoring.HELDOUT_MEASURED (the old sets: what round 5 scores on them, 1.0 for asks-for-job)."""
    path = (HELDOUT_SETS | OLD_HELDOUT_SETS)[held]
    if not path.exists():
        pytest.skip(f"{path.name} not written yet")
    cases = load_corpus(path)
    assert len(cases) >= 100
    scores, _ = score(cases)
    low = [
        (s.rule, round(s.precision, 2), round(s.recall, 2))
        for s in scores
        if min(s.precision, s.recall) < heldout_floor(s, held)
    ]
    assert low == []


def test_every_rule_is_expected_at_least_twice() -> None:
    counts = Counter(rule for case in load_corpus() for rule in case.expected)
    assert {rule: counts[rule] for rule in RULE_IDS if counts[rule] < 2} == {}


def test_entries_match_exactly_except_a_documented_few() -> None:
    _, mismatches = score(load_corpus())
    assert len(mismatches) <= ALLOWED_MISMATCHES, [case.id for case, _ in mismatches]


def test_corpus_covers_every_kind_rule_set_and_has_clean_messages() -> None:
    cases = load_corpus()
    assert len(cases) >= 80
    assert {case.context.kind for case in cases} == set(KINDS)
    assert {case.context.rules.id for case in cases} == {"career-office", "2hjs-5", "2hjs-6"}
    assert sum(1 for case in cases if not case.expected) >= 20
    assert len({case.id for case in cases}) == len(cases)


def test_scores_count_false_positives_and_negatives() -> None:
    case = load_corpus()[0]
    wrong = type(case)(case.id, case.text, case.context, frozenset({"too-long"}))
    scores, mismatches = score([wrong])
    by_rule = {s.rule: s for s in scores}
    assert by_rule["too-long"].false_negatives == 1
    assert by_rule["too-long"].recall == 0.0
    assert by_rule["spelling"].precision == 1.0
    assert [c.id for c, _ in mismatches] == [case.id]


def test_scores_tool_prints_a_table_and_passes(capsys: pytest.CaptureFixture[str]) -> None:
    path = Path(__file__).resolve().parents[3] / "tools" / "checker_scores.py"
    spec = importlib.util.spec_from_file_location("checker_scores", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main([]) == 0
    out = capsys.readouterr().out
    assert "asks-for-job" in out
    assert "precision" in out
