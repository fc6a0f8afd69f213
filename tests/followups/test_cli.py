"""`coffeechat today`, in-process: grouped text for people, JSON for scripts."""

from __future__ import annotations

import json
from typing import Any

import pytest
import time_machine
from django.test import override_settings

from coffeechat.accounts.services import personal_owner
from coffeechat.cli.main import main
from coffeechat.network.models import Contact
from tests.followups.conftest import ny, person, sent


def run(argv: list[str], capsys: Any) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def owner(db: Any) -> Any:
    user = personal_owner("Sam")
    sent(person(user, "Kit"), "request", ny(2026, 3, 6))  # follow-up due Tue 17 March
    sent(person(user, "Lou"), "request", ny(2026, 3, 4))  # due Fri 13 March
    return user


@time_machine.travel(ny(2026, 3, 17, 9), tick=False)
def test_today_groups_what_is_late_and_due(owner: Any, capsys: Any) -> None:
    code, out, _ = run(["today"], capsys)
    assert code == 0
    # In Today's order: what is due today first, then what is late.
    assert out.index("Today, Tuesday 17 March (1)") < out.index("Follow up with Kit")
    assert (
        out.index("Follow up with Kit") < out.index("Overdue (1)") < out.index("Follow up with Lou")
    )
    assert "  Tue 17 Mar " in out and "2026" not in out  # this year: no year


@time_machine.travel(ny(2026, 3, 17, 9), tick=False)
def test_today_prints_json_for_another_day(owner: Any, capsys: Any) -> None:
    code, out, _ = run(["today", "--json", "--on", "2026-03-13"], capsys)
    assert code == 0
    [action] = json.loads(out)
    lou = Contact.objects.get(first_name="Lou")
    assert action["contact"] == lou.pk and action["contact_name"] == "Lou Example"
    assert action["due"] == "2026-03-13" and action["overdue"] is False
    assert {"kind", "key", "meeting", "organization", "reason", "draft_kind"} <= action.keys()


def test_a_quiet_day_says_so(owner: Any, capsys: Any) -> None:
    code, out, _ = run(["today", "--on", "2026-03-05"], capsys)
    assert code == 0 and "Nothing due on Thursday 5 March" in out


def test_a_bad_date_exits_2_with_a_hint(owner: Any, capsys: Any) -> None:
    code, out, err = run(["today", "--on", "next tuesday"], capsys)
    assert code == 2 and out == "" and "Use YYYY-MM-DD" in err


@override_settings(PERSONAL=False)
def test_server_mode_needs_a_user(alice: Any, capsys: Any) -> None:
    code, _, err = run(["today"], capsys)
    assert code == 2 and "--user" in err
    code, out, _ = run(["today", "--user", "alice", "--json"], capsys)
    assert code == 0 and json.loads(out) == []
