#!/usr/bin/env python3
"""Score the message checker against its labelled corpus: precision and recall per rule.

usage: .venv/bin/python tools/checker_scores.py      (exit 1 when any rule is under 0.9)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.domain.checker.scoring import load_corpus, score

THRESHOLD = 0.9


def main() -> int:
    cases = load_corpus()
    scores, mismatches = score(cases)
    print(f"{'rule':<24} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>8}")
    failing = 0
    for s in scores:
        flag = ""
        if min(s.precision, s.recall) < THRESHOLD:
            failing += 1
            flag = "  <-- under 0.9"
        print(
            f"{s.rule:<24} {s.true_positives:>4} {s.false_positives:>4} {s.false_negatives:>4}"
            f" {s.precision:>10.2f} {s.recall:>8.2f}{flag}"
        )
    print(f"\n{len(cases)} messages, {len(mismatches)} not matched exactly")
    for case, got in mismatches:
        extra = sorted(got - case.expected)
        missed = sorted(case.expected - got)
        print(f"  {case.id}: extra {extra} missed {missed}")
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
