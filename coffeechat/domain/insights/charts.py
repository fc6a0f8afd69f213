"""Geometry for the server-drawn SVG charts: plain numbers in, rectangles out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: int
    x: float
    y: float
    width: float
    height: float

    @property
    def end(self) -> float:
        return round(self.x + self.width, 1)

    @property
    def baseline(self) -> float:
        """Where a line of text sits to look centred on the bar."""
        return round(self.y + self.height / 2 + 4, 1)


def horizontal_bars(
    rows: Sequence[tuple[str, int]],
    *,
    left: float = 0,
    width: float = 300,
    bar: float = 22,
    gap: float = 8,
) -> list[Bar]:
    """One bar per row starting at `left`, longest for the largest value; a zero still gets a
    sliver to see."""
    top = max((value for _, value in rows), default=0) or 1
    return [
        Bar(label, value, left, i * (bar + gap), round(max(width * value / top, 2), 1), bar)
        for i, (label, value) in enumerate(rows)
    ]


def bars_height(bars: Sequence[Bar], gap: float = 8) -> float:
    return max((b.y + b.height for b in bars), default=0) + gap


def grouped_columns(
    series: Sequence[Sequence[int]], *, height: float = 120, column: float = 4, gap: float = 3
) -> list[list[Bar]]:
    """Columns side by side per period: `series[s][t]` is series s in period t.

    Each period takes one slot as wide as its columns plus a gap; heights share one scale so
    the series compare honestly.
    """
    top = max((v for values in series for v in values), default=0) or 1
    slot = column * len(series) + gap
    return [
        [
            Bar(
                "",
                v,
                t * slot + s * column,
                round(height - height * v / top, 1),
                column,
                round(height * v / top, 1),
            )
            for t, v in enumerate(values)
        ]
        for s, values in enumerate(series)
    ]
