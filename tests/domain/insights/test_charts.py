import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coffeechat.domain.insights import funnel_height, funnel_rows, nice_step, nice_ticks
from coffeechat.domain.insights.charts import FONT, WIDTH, stacked_columns, text_width


@pytest.mark.parametrize(
    ("largest", "step", "ticks"),
    [
        (0, 1, [0, 1]),
        (1, 1, [0, 1]),
        (3, 1, [0, 1, 2, 3]),
        (6, 2, [0, 2, 4, 6]),
        (7, 2, [0, 2, 4, 6, 8]),
        (11, 5, [0, 5, 10, 15]),
        (48, 10, [0, 10, 20, 30, 40, 50]),
        (120, 50, [0, 50, 100, 150]),
    ],
)
def test_axis_steps_are_round_numbers_and_ticks_cover_the_largest_value(largest, step, ticks):
    assert nice_step(largest) == step
    assert nice_ticks(largest) == ticks


@given(st.integers(min_value=0, max_value=10**6))
def test_ticks_always_cover_the_largest_value_in_a_few_whole_steps(largest):
    ticks = nice_ticks(largest)
    assert ticks[0] == 0 and ticks[-1] >= largest and 2 <= len(ticks) <= 6
    assert len({b - a for a, b in itertools.pairwise(ticks)}) == 1


def _weeks(n: int) -> tuple[list[str], list[str]]:
    mondays = [date(2026, 6, 8) + timedelta(weeks=i) for i in range(n)]
    return [f"Week of {d}" for d in mondays], [f"{d.day} {d:%b}" for d in mondays]


def test_column_heights_are_proportional_and_zero_weeks_are_drawn_as_zero():
    periods, labels = _weeks(4)
    chart = stacked_columns(periods, labels, ["Sent", "Replies"], [[1, 4, 0, 2], [0, 2, 0, 0]])
    plot = chart.bottom - chart.top
    assert [t.value for t in chart.ticks] == [0, 2, 4, 6]
    assert chart.ticks[0].y == chart.bottom and chart.ticks[-1].y == chart.top
    sent = [c.segments[0] for c in chart.columns]
    expected = [plot / 6, 4 * plot / 6, 0, 2 * plot / 6]
    assert [s.height for s in sent] == pytest.approx(expected, abs=0.01)
    assert sent[0].height != sent[1].height  # the old chart drew every week alike
    tall = chart.columns[1]
    assert tall.total == 6 and tall.segments[1].y + tall.segments[1].height == tall.segments[0].y
    assert tall.segments[1].y == pytest.approx(
        chart.top, abs=0.01
    )  # the tallest reaches the top tick
    empty = chart.columns[2]
    assert [s.height for s in empty.segments] == [0, 0] and empty.total == 0
    assert [s.name for s in tall.segments] == ["Sent", "Replies"]


def test_a_quiet_chart_still_has_an_axis():
    periods, labels = _weeks(3)
    chart = stacked_columns(periods, labels, ["Sent"], [[0, 0, 0]])
    assert [t.value for t in chart.ticks] == [0, 1]
    assert all(c.segments[0].height == 0 for c in chart.columns)


@pytest.mark.parametrize("width", [WIDTH, 300, 640])
def test_26_weeks_of_dates_never_overlap_and_stay_inside_the_drawing(width):
    periods, labels = _weeks(26)
    labels[-1] = "30 Nov"  # the widest a date gets
    chart = stacked_columns(periods, labels, ["Sent"], [[1] * 26], width=width)
    marks = chart.labels
    assert marks[-1].text == "30 Nov"  # this week always has its date
    assert len(marks) >= 4
    for left, right in itertools.pairwise(marks):
        assert right.x - right.half_width > left.x + left.half_width
    assert marks[0].x - marks[0].half_width >= 0 and marks[-1].x + marks[-1].half_width <= width
    columns = chart.columns
    assert columns[0].segments[0].x >= chart.left
    assert columns[-1].segments[0].x + columns[-1].segments[0].width <= chart.right


def test_at_phone_width_every_fourth_week_is_labelled():
    periods, labels = _weeks(26)
    chart = stacked_columns(periods, labels, ["Sent"], [[1] * 26])
    shown = [labels.index(m.text) for m in chart.labels]
    assert shown == list(range(1, 26, 4))
    assert text_width("30 Nov") < 4 * (chart.right - chart.left) / 26 - FONT / 2


def test_funnel_bars_follow_the_first_step_and_carry_the_rate_from_the_step_before():
    rows = funnel_rows([("Identified", 40), ("Asked", 40), ("Replied", 18), ("Met", 0)])
    assert [r.rate for r in rows] == [None, 1.0, 0.45, 0.0]
    assert rows[0].width == rows[1].width == WIDTH - 48
    assert rows[2].width == pytest.approx((WIDTH - 48) * 18 / 40)
    assert rows[3].width == 2  # nobody got there: a sliver marks the place
    assert all(r.value_x + text_width("40") <= WIDTH for r in rows)
    tops = [r.text_y - FONT for r in rows]
    assert all(b.text_y > a.y + 16 for a, b in itertools.pairwise(rows))
    assert tops[0] == 0 and funnel_height(rows) > rows[-1].y + 16


def test_a_step_after_an_empty_one_has_no_rate():
    rows = funnel_rows([("Identified", 0), ("Asked", 0)])
    assert rows[1].rate is None and rows[0].width == 2
