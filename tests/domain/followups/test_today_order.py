"""Today in order of urgency: due today first by kind, late steps grouped by kind, goals apart,
one date style, and the first run's steps ticked off by the data."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coffeechat.domain.followups import ACTION_KINDS, Action, OrganizationFacts, Snapshot
from coffeechat.domain.followups.first_steps import Progress, finished, first_steps
from coffeechat.domain.followups.ordering import (
    GROUP_TITLES,
    URGENCY,
    Steps,
    arrange,
    day_label,
    is_daily,
)

from .builders import contact, meeting, of_kind, run, sent, utc

ON = date(2026, 12, 2)


def step(kind: str, key: str, due: date) -> Action:
    return Action(kind=kind, key=key, title=key, reason="", due=due, overdue=due < ON)  # type: ignore[arg-type]


def test_every_kind_has_a_place_in_the_order_and_a_group_title() -> None:
    assert sorted(URGENCY) == sorted(ACTION_KINDS) and len(URGENCY) == len(ACTION_KINDS)
    assert set(GROUP_TITLES) == set(ACTION_KINDS)


def test_due_today_comes_in_order_of_urgency_not_of_kind_name() -> None:
    found = arrange(
        [
            step("keep-in-touch", "k", ON),
            step("send-request", "s", ON),
            step("thank-you", "t", ON),
            step("follow-up", "f", ON),
        ],
        ON,
    )
    assert [a.kind for a in found.due_today] == [
        "thank-you",
        "follow-up",
        "send-request",
        "keep-in-touch",
    ]


def test_late_steps_are_grouped_by_kind_most_urgent_group_first_oldest_first() -> None:
    updates = [step("keep-in-touch", f"k{n}", date(2026, 9, 18 + n)) for n in range(9, 0, -1)]
    late = [*updates, step("thank-you", "t", date(2026, 11, 30)), step("follow-up", "f", ON)]
    found = arrange(late, ON)
    assert [g.kind for g in found.overdue] == ["thank-you", "keep-in-touch"]
    keep = found.overdue[1]
    assert keep.title == "Updates to keep in touch" and len(keep.actions) == 9
    assert [a.due for a in keep.actions] == sorted(a.due for a in updates)
    assert found.overdue_count == 10
    assert [a.kind for a in found.due_today] == ["follow-up"]


def test_field_coverage_is_a_goal_not_a_daily_step_and_later_steps_are_counted() -> None:
    goal = replace(step("broaden", "broaden:field=ux", ON), field="UX", progress=(1, 3))
    week = step("follow-up", "w", date(2026, 12, 5))
    found = arrange([goal, week, step("follow-up", "far", date(2026, 12, 30))], ON)
    assert found.goals == (goal,) and found.due_today == () and found.overdue == ()
    assert found.this_week == (week,) and found.later == 1
    assert not is_daily(goal) and is_daily(week)


def test_broaden_carries_its_progress_toward_the_goal() -> None:
    held = meeting(5, 1, utc(2026, 3, 10, 15))
    snapshot = Snapshot(
        contacts=(contact(1, fields=frozenset({"ux research"})),),
        meetings=(held,),
        fields_of_interest=("UX research",),
    )
    [goal] = of_kind(run(snapshot, date(2026, 3, 12)), "broaden")
    assert goal.progress == (1, 3)


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (date(2025, 9, 18), "Thu 18 Sep 2025"),
        (date(2026, 12, 7), "Mon 7 Dec"),
        (date(2027, 1, 4), "Mon 4 Jan 2027"),
    ],
)
def test_one_date_style_with_the_year_only_when_not_this_year(day: date, text: str) -> None:
    assert day_label(day, ON) == text


def _figma(people: int) -> Snapshot:
    return Snapshot(
        contacts=(contact(1, organization_id=7),),
        messages=(sent(1, 1, "request", date(2026, 3, 6)),),
        organizations=(OrganizationFacts(7, "Figma", people=people),),
    )


def test_a_second_person_is_suggested_among_the_others_you_know_never_a_draft_to_the_first() -> (
    None
):
    [action] = of_kind(run(_figma(people=3), date(2026, 3, 11)), "try-another-contact")
    assert action.title == "Try a second person at Figma"
    assert "You know 2 other people at Figma" in action.reason
    assert action.draft_kind is None and action.others_known == 2


def test_with_nobody_else_known_the_step_is_to_find_someone() -> None:
    [action] = of_kind(run(_figma(people=1), date(2026, 3, 11)), "try-another-contact")
    assert action.title == "Find a second person at Figma"
    assert "don't know anyone else at Figma" in action.reason
    assert action.draft_kind is None and action.others_known == 0


def _thanked(**overrides: object) -> Snapshot:
    held = meeting(5, 1, utc(2026, 3, 10, 15), has_reflection=True)
    thanks = sent(1, 1, "thank-you", date(2026, 3, 10))
    return Snapshot(contacts=(contact(1, **overrides),), meetings=(held,), messages=(thanks,))


@pytest.mark.parametrize(
    ("days", "due"),
    [
        (30, date(2026, 4, 9)),
        (60, date(2026, 5, 11)),  # 60 days is Saturday 9 May: the Monday
        (180, date(2026, 9, 8)),  # 180 days is Sunday 6 September, then Labor Day
        (None, date(2026, 6, 8)),  # the user's usual rhythm: 90 days
    ],
)
def test_each_contact_keeps_in_touch_at_their_own_rhythm_on_a_business_day(
    days: int | None, due: date
) -> None:
    [action] = of_kind(run(_thanked(keep_in_touch_days=days), due), "keep-in-touch")
    assert action.due == due
    expected = days or 90
    assert f"{expected} days" in action.reason


def test_dont_remind_me_means_no_keep_in_touch_step() -> None:
    assert of_kind(run(_thanked(keep_in_touch_days=0), date(2027, 3, 1)), "keep-in-touch") == []


def test_first_steps_tick_off_from_the_data_and_point_to_the_next() -> None:
    empty = first_steps(Progress(False, False, False, False))
    assert [s.done for s in empty] == [False] * 4 and empty[0].is_next
    named = first_steps(Progress(True, False, False, False))
    assert [s.done for s in named] == [True, False, False, False]
    assert [s.id for s in named if s.is_next] == ["contacts"]
    listed = first_steps(Progress(True, True, True, False))
    assert [s.id for s in listed if s.is_next] == ["first-request"]
    assert not finished(listed)
    # Someone who already sent a request has brought and picked people, flag or not.
    asked = first_steps(Progress(True, False, False, True))
    assert finished(asked) and not any(s.is_next for s in asked)


_STEPS = st.lists(
    st.builds(
        step,
        kind=st.sampled_from(ACTION_KINDS),
        key=st.text("abc", min_size=1, max_size=4),
        due=st.dates(date(2026, 11, 20), date(2026, 12, 20)),
    ),
    unique_by=lambda a: a.key,
    max_size=30,
)


@settings(max_examples=300, deadline=None)
@given(steps=_STEPS, data=st.data())
def test_steps_patched_equal_steps_sorted_afresh(steps: list[Action], data: st.DataObject) -> None:
    """Taking a few steps out and putting new ones in by bisection gives the order, and the
    parts of Today, that sorting the whole list again gives."""
    kept = data.draw(st.lists(st.sampled_from(steps), unique=True)) if steps else []
    added = [a for a in steps if a not in kept]
    removed = data.draw(st.lists(st.sampled_from(kept), unique=True)) if kept else []
    patched = Steps.of(kept, ON).patched(removed, added)
    final = [a for a in kept if a not in removed] + added
    fresh = Steps.of(final, ON)
    assert patched.actions == fresh.actions == sorted(final, key=lambda a: (a.due, a.kind, a.key))
    assert patched.arranged() == fresh.arranged()
