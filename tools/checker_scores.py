#!/usr/bin/env python3
"""Score the message checker against its labelled corpora: precision and recall per rule.

usage: .venv/bin/python tools/checker_scores.py              the development set
                                                              (corpus.json + dev_students.json)
       .venv/bin/python tools/checker_scores.py --heldout    the held-out set too (heldout.json)
       add --mismatches to list every message whose findings differ from its label

Exit status 1 when a rule is under its floor (0.9 on the development set; on the held-out set,
the floors asserted in tests/domain/checker/test_corpus.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.domain.checker.scoring import (
    HELDOUT,
    Case,
    Score,
    heldout_floor,
    load_corpus,
    load_dev,
    score,
)

THRESHOLD = 0.9


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--heldout", action="store_true", help="also score heldout.json")
    parser.add_argument("--mismatches", action="store_true", help="list every mismatch")
    args = parser.parse_args([] if argv is None else argv)
    failing = _report("development set (corpus.json + dev_students.json)", load_dev(), args)
    if args.heldout:
        print()
        failing += _report("held-out set (heldout.json)", load_corpus(HELDOUT), args, held=True)
    return 1 if failing else 0


def _report(title: str, cases: list[Case], args: argparse.Namespace, held: bool = False) -> int:
    scores, mismatches = score(cases)
    print(f"{title}: {len(cases)} messages, {len(mismatches)} not matched exactly")
    print(f"{'rule':<24} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>8}")
    failing = 0
    for s in scores:
        floor = heldout_floor(s) if held else THRESHOLD
        flag = ""
        if min(s.precision, s.recall) < floor:
            failing += 1
            flag = f"  <-- under {floor:g}"
        print(
            f"{s.rule:<24} {s.true_positives:>4} {s.false_positives:>4} {s.false_negatives:>4}"
            f" {s.precision:>10.2f} {s.recall:>8.2f}{flag}"
        )
    total = _overall(scores)
    print(f"{'all rules':<24} {total.true_positives:>4} {total.false_positives:>4} "
          f"{total.false_negatives:>4} {total.precision:>10.2f} {total.recall:>8.2f}")  # fmt: skip
    if args.mismatches or not held:
        for case, got in mismatches:
            extra = sorted(got - case.expected)
            missed = sorted(case.expected - got)
            print(f"  {case.id}: extra {extra} missed {missed}")
    return failing


def _overall(scores: list[Score]) -> Score:
    return Score(
        "all",
        sum(s.true_positives for s in scores),
        sum(s.false_positives for s in scores),
        sum(s.false_negatives for s in scores),
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
