"""The board's columns and moves, as pure rules."""

from __future__ import annotations

from datetime import date, timedelta

from coffeechat.domain import board, vocab
from coffeechat.domain.followups import Action

TODAY = date(2026, 12, 3)


def step(kind: str, due: date, key: str = "k") -> Action:
    return Action(kind=kind, key=f"{kind}:{key}", title=kind, reason="", due=due)  # type: ignore[arg-type]


def test_every_stage_rests_in_exactly_one_column() -> None:
    for stage in vocab.ids(vocab.STAGES):
        assert sum(stage in c.stages for c in board.COLUMNS) == 1, stage
    assert board.column_of("researched").id == "identified"
    assert board.column_of("prepared").id == "scheduled"
    assert board.column_of("dormant") is board.CLOSED


def test_column_counts_add_up_the_stages_resting_there() -> None:
    counts = board.column_counts({"identified": 3, "researched": 2, "declined": 1, "dormant": 4})
    assert counts["identified"] == 5
    assert counts["closed"] == 5
    assert counts["held"] == 0


def test_a_waiting_request_offers_the_follow_up_only_once_it_is_due() -> None:
    soon = [step("follow-up", TODAY + timedelta(days=2))]
    assert board.move("requested", soon, TODAY) == "log-reply"
    assert board.move("requested", [step("follow-up", TODAY)], TODAY) == "follow-up"
    assert board.move("requested", [step("connect", TODAY - timedelta(days=1))], TODAY) == (
        "log-reply"
    )


def test_each_stage_has_its_move() -> None:
    moves = {stage: board.move(stage, [], TODAY) for stage in vocab.ids(vocab.STAGES)}
    assert moves["identified"] == moves["researched"] == "write-request"
    assert moves["replied"] == "schedule"
    assert moves["scheduled"] == moves["prepared"] == "prepare"
    assert moves["held"] == "thank"
    assert moves["thanked"] == "keep-in-touch"
    assert moves["keep-in-touch"] == "update"
    assert moves["declined"] == moves["cancelled"] == moves["dormant"] == "open"
    assert all(move in board.MOVE_LABELS for move in moves.values())


def test_the_next_step_is_the_earliest_due_and_never_a_goal() -> None:
    later = step("keep-in-touch", TODAY + timedelta(days=9))
    sooner = step("connect", TODAY + timedelta(days=1))
    urgent_same_day = step("thank-you", TODAY + timedelta(days=1))
    goal = step("broaden", TODAY - timedelta(days=5))
    assert board.next_step([later, sooner, urgent_same_day, goal]) == urgent_same_day
    assert board.next_step([goal]) is None
    assert board.next_step([]) is None
