"""The Insights page's charts: the figures of a report, and a few page-only ones, as geometry."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, tzinfo
from typing import Any

from coffeechat.domain import insights
from coffeechat.insights import queries
from coffeechat.insights.report import Report

# Drawn from the bottom of each week's column up, in this order, and listed so in the legend.
SERIES: tuple[tuple[str, str], ...] = (
    ("sent", "Messages sent"),
    ("replies", "Replies"),
    ("meetings", "Conversations held"),
)


@dataclass(frozen=True)
class Activity:
    weeks: list[dict[str, Any]]  # one row per week, oldest first
    chart: insights.ColumnChart
    totals: list[tuple[str, int]]  # per series, over every week shown

    @property
    def quiet(self) -> bool:
        """Nothing happened in the weeks shown: a sentence says more than an empty chart."""
        return not any(total for _, total in self.totals)


def activity(user: Any, zone: tzinfo, today: date) -> Activity:
    weeks = queries.weekly_activity(user, zone, today)
    chart = insights.stacked_columns(
        [f"Week of {_day(w['starts'])} {w['starts'].year}" for w in weeks],
        [_day(w["starts"]) for w in weeks],
        [label for _, label in SERIES],
        [[w[name] for w in weeks] for name, _ in SERIES],
    )
    totals = [(label, sum(w[name] for w in weeks)) for name, label in SERIES]
    return Activity(weeks, chart, totals)


def _day(day: date) -> str:
    return f"{day.day} {day:%b}"


# Who "the step before" is, in words, for the share shown beside each step.
OF_WHOM = {
    "requested": "of those identified",
    "replied": "of those asked",
    "booked": "of those who replied",
    "met": "of those booked",
    "thanked": "of those met",
}


@dataclass(frozen=True)
class FunnelStep:
    bar: insights.FunnelRow
    of_whom: str  # what the rate is a share of
    wait: float | None  # median days from an earlier step
    wait_since: str  # which, when it isn't the step before


@dataclass(frozen=True)
class Funnel:
    steps: list[FunnelStep]
    height: float


def funnel(report: Report, booked: int) -> Funnel:
    """The report's funnel with the booked step between a reply and a conversation held."""
    ids = [s.id for s in report.funnel]
    counts = [(s.label, s.count) for s in report.funnel]
    waits = [(s.median_days, "") for s in report.funnel]
    met = ids.index("met")
    ids.insert(met, "booked")
    counts.insert(met, ("Conversation booked", booked))
    # The report times a conversation from the reply, not from the booking.
    waits[met] = (waits[met][0], "after the reply")
    waits.insert(met, (None, ""))
    bars = insights.funnel_rows(counts)
    steps = [
        FunnelStep(bar, OF_WHOM.get(step, ""), wait, since)
        for step, bar, (wait, since) in zip(ids, bars, waits, strict=True)
    ]
    return Funnel(steps, insights.funnel_height(bars))
