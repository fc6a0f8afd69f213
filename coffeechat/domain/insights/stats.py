"""Small statistics for insights: medians, rates, gaps between funnel steps, ISO weeks."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from itertools import pairwise
from statistics import median as _median


def median(values: Iterable[float]) -> float | None:
    """The median, or None when there is nothing to take it of."""
    data = sorted(values)
    return float(_median(data)) if data else None


def rate(part: int, whole: int) -> float | None:
    """`part / whole` as a fraction, or None when `whole` is zero (no rate, not 0 %)."""
    return part / whole if whole else None


def step_gaps(rows: Iterable[Sequence[date | None]], steps: int) -> list[float | None]:
    """Median days between consecutive steps, over the rows that reached both steps.

    Each row holds one person's first date at each of the `steps` steps, in funnel order (None
    when that step was not reached). The answer has one median per pair of neighbouring steps.
    A step dated before the one it follows (a meeting marked held ahead of its date, a time
    typed wrong) is left out: a wait is never negative.
    """
    gaps: list[list[float]] = [[] for _ in range(steps - 1)]
    for row in rows:
        for i, (earlier, later) in enumerate(pairwise(row)):
            if earlier is not None and later is not None and later >= earlier:
                gaps[i].append(float((later - earlier).days))
    return [median(g) for g in gaps]


def week_starts(today: date, count: int) -> list[date]:
    """The Mondays of the last `count` ISO weeks, oldest first, ending with this week's."""
    this_monday = today - timedelta(days=today.weekday())
    return [this_monday - timedelta(weeks=n) for n in range(count - 1, -1, -1)]
