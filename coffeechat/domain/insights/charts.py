"""Geometry for the server-drawn SVG charts: plain numbers in, shapes and axis marks out.

Every chart is drawn in a viewBox about as wide as a phone (360 units) so that its text is
read at its own size there; on a wide screen the stylesheet lets it grow by a third at most.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from math import ceil

from coffeechat.domain.insights.stats import rate

WIDTH = 360  # viewBox width of every chart, in SVG units
FONT = 12  # size of the text drawn in a chart, in SVG units
CHAR = 0.56  # how wide an average character is, as a share of the font size


def nice_step(largest: int, most_ticks: int = 5) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50… that counts up to `largest` in at most
    `most_ticks` steps: round numbers on the axis, never fractions of a message."""
    magnitude = 1
    while True:
        for step in (magnitude, 2 * magnitude, 5 * magnitude):
            if step * most_ticks >= largest:
                return step
        magnitude *= 10


def nice_ticks(largest: int, most_ticks: int = 5) -> list[int]:
    """Axis values from 0 to the first multiple of the nice step at or above `largest`; an
    axis always has at least 0 and one step, so an empty chart still has a scale."""
    step = nice_step(largest, most_ticks)
    top = max(ceil(largest / step), 1) * step
    return list(range(0, top + 1, step))


def text_width(text: str, font: float = FONT) -> float:
    return len(text) * font * CHAR


@dataclass(frozen=True, slots=True)
class Tick:
    value: int
    y: float


@dataclass(frozen=True, slots=True)
class AxisLabel:
    text: str
    x: float  # the middle of the label

    @property
    def half_width(self) -> float:
        return text_width(self.text) / 2


@dataclass(frozen=True, slots=True)
class Segment:
    series: int  # 0 for the first series, drawn at the bottom
    name: str  # the series' name
    value: int
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True, slots=True)
class Column:
    period: str  # the period's full name, for the tooltip
    total: int
    segments: tuple[Segment, ...]


@dataclass(frozen=True, slots=True)
class ColumnChart:
    width: float
    height: float
    left: float  # the y-axis
    right: float
    top: float
    bottom: float  # the x-axis
    ticks: tuple[Tick, ...]
    labels: tuple[AxisLabel, ...]
    columns: tuple[Column, ...]

    @property
    def tick_x(self) -> float:
        """Where the values on the y-axis end, just left of it."""
        return self.left - 5

    @property
    def label_y(self) -> float:
        """Baseline of the dates under the x-axis."""
        return self.bottom + FONT + 4

    @property
    def x_title_y(self) -> float:
        return self.height - 3


def stacked_columns(
    periods: Sequence[str],
    labels: Sequence[str],
    names: Sequence[str],
    series: Sequence[Sequence[int]],
    *,
    width: float = WIDTH,
    height: float = 220,
) -> ColumnChart:
    """One column per period, its series stacked in order from the bottom.

    `series[s][t]` is series s (called `names[s]`) in period t; `labels[t]` is the short text
    under period t; above the y-axis there is room for its title, under the dates for the
    x-axis's. Only
    every n-th period is labelled, n as small as keeps the labels apart; counting back from the
    last period, so the most recent one always has its label. Heights share one scale, whose
    top is a nice round number at or above the tallest column.
    """
    left, right, top, bottom = 28.0, width - 18.0, FONT + 10.0, height - 2 * FONT - 14.0
    totals = [sum(values[t] for values in series) for t in range(len(periods))]
    axis = nice_ticks(max(totals, default=0))
    per_unit = (bottom - top) / axis[-1]
    slot = (right - left) / max(len(periods), 1)
    bar = round(slot * 0.72, 2)
    columns = []
    for t, period in enumerate(periods):
        x = round(left + t * slot + (slot - bar) / 2, 2)
        base = bottom
        segments = []
        for s, values in enumerate(series):
            tall = round(values[t] * per_unit, 2)
            base = round(base - tall, 2)
            segments.append(Segment(s, names[s], values[t], x, base, bar, tall))
        columns.append(Column(period, totals[t], tuple(segments)))
    widest = max((text_width(text) for text in labels), default=0) + FONT / 2
    every = max(ceil(widest / slot), 1)
    last = len(labels) - 1
    marks = [
        AxisLabel(labels[t], round(left + (t + 0.5) * slot, 2))
        for t in range(last % every, last + 1, every)
    ]
    ticks = tuple(Tick(value, round(bottom - value * per_unit, 2)) for value in axis)
    return ColumnChart(width, height, left, right, top, bottom, ticks, tuple(marks), tuple(columns))


@dataclass(frozen=True, slots=True)
class FunnelRow:
    label: str
    value: int
    rate: float | None  # the share of the step before that got this far
    text_y: float  # baseline of the step's name, above its bar
    y: float
    width: float

    @property
    def value_x(self) -> float:
        return round(self.width + 6, 2)

    @property
    def value_y(self) -> float:
        return round(self.y + BAR - 4, 2)


BAR = 16  # thickness of a funnel bar
ROW = FONT + 6 + BAR + 12  # a step's name, its bar and the space before the next


def funnel_rows(steps: Sequence[tuple[str, int]], *, width: float = WIDTH) -> list[FunnelRow]:
    """Horizontal bars, one per step, the name above each bar and room after it for the
    count. The first step is the longest bar; a step nobody reached is a sliver, so the row
    still shows where the bar would be."""
    longest = width - 48
    first = max((value for _, value in steps), default=0) or 1
    rows = []
    for i, (label, value) in enumerate(steps):
        row_top = i * ROW
        previous = steps[i - 1][1] if i else None
        rows.append(
            FunnelRow(
                label,
                value,
                None if previous is None else rate(value, previous),
                row_top + FONT,
                row_top + FONT + 6,
                round(max(longest * value / first, 2), 2),
            )
        )
    return rows


def funnel_height(rows: Sequence[FunnelRow]) -> float:
    return len(rows) * ROW
