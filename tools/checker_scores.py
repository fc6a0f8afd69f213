#!/usr/bin/env python3
"""Score the message checker against its labelled corpora: precision and recall per rule.

usage: .venv/bin/python tools/checker_scores.py          the development set (corpus.json and
                                                          every dev*.json)
       .venv/bin/python tools/checker_scores.py --heldout             and heldout9.json
       .venv/bin/python tools/checker_scores.py --per-set   each development file on its own
                                                          (the old held-out sets against their
                                                          floors), asks-for-job per file
       add --mismatches to list every message whose findings differ from its label (on a
       held-out set only when asked: its messages are not for tuning on)

Exit status 1 when a rule is under its floor (0.9 on the development set; on a held-out set or
an old one, the floors asserted in tests/domain/checker/test_corpus.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.domain.checker.scoring import (
    HELDOUT_SETS,
    OLD_HELDOUT_SETS,
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
        const="heldout9",
        choices=sorted(HELDOUT_SETS),
        help="also score the held-out set heldout9.json",
    )
    parser.add_argument(
        "--per-set",
        action="store_true",
        help="score each development file on its own, the old held-out sets against their floors",
    )
    parser.add_argument("--mismatches", action="store_true", help="list every mismatch")
    args = parser.parse_args([] if argv is None else argv)
    if args.per_set:
        return _per_set(args)
    names = " + ".join(path.name for path in dev_sets() if path.exists())
    failing = _report(f"development set ({names})", load_dev(), args)
    if args.heldout:
        path = HELDOUT_SETS[args.heldout]
        print()
        if not path.exists():
            print(f"{path.name} is not written yet")
            return 1
        title = f"held-out set ({path.name})"
        failing += _report(title, load_corpus(path), args, held=args.heldout)
    return 1 if failing else 0


def _per_set(args: argparse.Namespace) -> int:
    """Every development file alone: a summary line for asks-for-job, and the full table for
    the old held-out sets, which keep floors of their own."""
    failing = 0
    old = {path: name for name, path in OLD_HELDOUT_SETS.items()}
    for path in dev_sets():
        if not path.exists():
            continue
        cases = load_corpus(path)
        if path in old:
            print()
            failing += _report(f"{path.name} (rounds 1-8 held-out)", cases, args, held=old[path])
            continue
        job = next(s for s in score(cases)[0] if s.rule == "asks-for-job")
        print(
            f"{path.name}: {len(cases)} messages; asks-for-job tp {job.true_positives} fp "
            f"{job.false_positives} fn {job.false_negatives}"
        )
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
    if args.mismatches or not held or held in OLD_HELDOUT_SETS:
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
