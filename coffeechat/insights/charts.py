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


@dataclass(frozen=True)
class Funnel:
    rows: list[insights.FunnelRow]
    height: float
    waits: list[tuple[float | None, str]]  # per row: the median wait, and since when

    @property
    def table(self) -> list[tuple[insights.FunnelRow, float | None, str]]:
        return [
            (row, days, since) for row, (days, since) in zip(self.rows, self.waits, strict=True)
        ]


def funnel(report: Report, booked: int) -> Funnel:
    """The report's funnel with the booked step between a reply and a conversation held."""
    steps = [(s.label, s.count) for s in report.funnel]
    waits = [(s.median_days, "") for s in report.funnel]
    met = [s.id for s in report.funnel].index("met")
    steps.insert(met, ("Conversation booked", booked))
    # The report times a conversation from the reply, not from the booking.
    waits[met] = (waits[met][0], "after the reply")
    waits.insert(met, (None, ""))
    rows = insights.funnel_rows(steps)
    return Funnel(rows, insights.funnel_height(rows), waits)
