#!/usr/bin/env python3
"""Score the message checker against its labelled corpora: precision and recall per rule.

usage: .venv/bin/python tools/checker_scores.py          the development set (corpus.json and
                                                          every dev*.json)
       .venv/bin/python tools/checker_scores.py --heldout             and heldout.json
       .venv/bin/python tools/checker_scores.py --heldout heldout2    and heldout2.json
       .venv/bin/python tools/checker_scores.py --heldout heldout3    and heldout3.json
       .venv/bin/python tools/checker_scores.py --heldout heldout4    and heldout4.json
       add --mismatches to list every message whose findings differ from its label (on a
       held-out set only when asked: its messages are not for tuning on)

Exit status 1 when a rule is under its floor (0.9 on the development set; on the held-out set,
the floors asserted in tests/domain/checker/test_corpus.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.domain.checker.scoring import (
    HELDOUT_SETS,
    Case,
    Score,
    dev_sets,
    heldout_floor,
    load_corpus,
    load_dev,
    score,
)

THRESHOLD = 0.9


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--heldout",
        nargs="?",
        const="heldout",
        choices=sorted(HELDOUT_SETS),
        help="also score a held-out set: heldout (heldout.json, the default), heldout2, heldout3 "
        "or heldout4",
    )
    parser.add_argument("--mismatches", action="store_true", help="list every mismatch")
    args = parser.parse_args([] if argv is None else argv)
    names = " + ".join(path.name for path in dev_sets() if path.exists())
    failing = _report(f"development set ({names})", load_dev(), args)
    if args.heldout:
        path = HELDOUT_SETS[args.heldout]
        print()
        title = f"held-out set ({path.name})"
        failing += _report(title, load_corpus(path), args, held=args.heldout)
    return 1 if failing else 0


def _report(title: str, cases: list[Case], args: argparse.Namespace, held: str = "") -> int:
    scores, mismatches = score(cases)
    print(f"{title}: {len(cases)} messages, {len(mismatches)} not matched exactly")
    print(f"{'rule':<24} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>8}")
    failing = 0
    for s in scores:
        floor = heldout_floor(s, held) if held else THRESHOLD
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
