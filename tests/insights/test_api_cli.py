"""GET /api/v1/insights, `coffeechat insights` and `coffeechat journal`."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from coffeechat.cli.main import main

pytestmark = pytest.mark.usefixtures("frozen")


def run(argv: list[str], capsys: Any) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_the_api_returns_the_figures(api_alice: Any, search: SimpleNamespace) -> None:
    response = api_alice.get("/api/v1/insights")
    assert response.status_code == 200
    body = response.json()
    funnel = body["funnel"]
    assert [funnel[s] for s in ("identified", "requested", "replied", "met", "thanked")] == [
        10, 6, 4, 3, 2,
    ]  # fmt: skip
    assert funnel["rates"]["requested"] == 0.6 and funnel["rates"]["met"] == 0.75
    assert funnel["median_days"] == {"replied": 1.5, "met": 5.0, "thanked": 2.5}
    assert body["reply_rate"] == 0.667 and body["median_reply_days"] == 1.7
    assert {r["how_found"]: r["met"] for r in body["by_source"]}["alumni"] == 2
    assert {r["rule_set"]: r["requested"] for r in body["by_rule_set"]} == {
        "five-point": 3, "standard": 3,
    }  # fmt: skip
    tree = {n["name"]: n for n in body["referral_tree"]}
    assert tree["Omar Haddad"] == {
        "id": search.omar.pk, "name": "Omar Haddad", "parent": search.lena.pk, "depth": 2,
        "pursued": True,
    }  # fmt: skip
    assert tree["Zoe Lindqvist"]["pursued"] is False
    assert body["fields"][0] == {
        "field": "Data Science", "interest": True, "conversations": 2, "people": 2,
        "few_voices": True,
    }  # fmt: skip
    assert body["weekly"][-1] == {
        "week": "2025-W12", "starts": "2025-03-17", "requests": 1, "meetings": 1,
        "thank_yous": 0,
    }  # fmt: skip
    assert body["organizations"][0]["name"] == "Acme Analytics"


def test_the_api_shows_the_outsider_only_their_own(
    api_outsider: Any, search: SimpleNamespace
) -> None:
    body = api_outsider.get("/api/v1/insights").json()
    assert body["funnel"]["identified"] == 0
    assert body["referral_tree"] == [] and body["organizations"] == [] and body["by_source"] == []
    assert "Priya" not in json.dumps(body)


def test_the_api_needs_a_token(client: Any) -> None:
    assert client.get("/api/v1/insights").status_code == 401


def test_insights_command_prints_a_summary_and_json(
    alice: Any, search: SimpleNamespace, capsys: Any
) -> None:
    code, out, _ = run(["insights", "--user", "alice"], capsys)
    assert code == 0
    assert "requested      6  60 % of the step before" in out
    assert "replied        4  67 % of the step before, median 1.5 days" in out
    assert "not contacted yet: Zoe Lindqvist" in out
    assert "Field Data Science: 2 conversation(s)  (fewer than 3 people so far)" in out
    code, out, _ = run(["insights", "--json", "--user", "alice"], capsys)
    assert code == 0 and json.loads(out)["funnel"]["thanked"] == 2


def test_insights_command_encourages_a_new_user(outsider: Any, capsys: Any) -> None:
    code, out, _ = run(["insights", "--user", "outsider"], capsys)
    assert code == 0 and "No contacts yet" in out


def test_insights_command_names_an_unknown_user(db: Any, capsys: Any) -> None:
    code, _, err = run(["insights", "--user", "ghost"], capsys)
    assert code == 2 and "no user called 'ghost'" in err


def test_journal_command_writes_markdown_and_keeps_existing_files(
    alice: Any, search: SimpleNamespace, capsys: Any, tmp_path: Path
) -> None:
    target = tmp_path / "journal.md"
    code, _, err = run(["journal", str(target), "--user", "alice"], capsys)
    assert code == 0 and "Wrote 3 conversation(s)" in err
    text = target.read_text(encoding="utf-8")
    assert "## Ken Sato, 12 March 2025" in text and "Build a portfolio of real projects." in text

    target.write_text("my own notes", encoding="utf-8")
    code, _, err = run(["journal", str(target), "--user", "alice"], capsys)
    assert code == 2 and "--force" in err
    assert target.read_text(encoding="utf-8") == "my own notes"
    code, _, _ = run(["journal", str(target), "--force", "--user", "alice"], capsys)
    assert code == 0 and target.read_text(encoding="utf-8").startswith("# Conversation journal")


def test_journal_command_reports_an_unwritable_path(
    alice: Any, capsys: Any, tmp_path: Path
) -> None:
    code, _, err = run(["journal", str(tmp_path / "missing" / "j.md"), "--user", "alice"], capsys)
    assert code == 2 and "Can't write" in err


def test_journal_for_the_outsider_holds_none_of_alices(
    outsider: Any, search: SimpleNamespace, capsys: Any, tmp_path: Path
) -> None:
    target = tmp_path / "j.md"
    assert run(["journal", str(target), "--user", "outsider"], capsys)[0] == 0
    text = target.read_text(encoding="utf-8")
    assert "No conversations held yet" in text and "Priya" not in text
