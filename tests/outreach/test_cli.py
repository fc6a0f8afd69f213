"""`coffeechat check`, in-process."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from coffeechat.cli.main import main

GOOD = """Subject: Advice on health data work

Dear Priya,

Tomás Ibáñez suggested I write to you. I'm Alice, a public health student at Lakeside
University, and your work on outbreak analytics at Acme Health is the path I hope to follow.
Could you spare 20 minutes in the coming weeks, by phone or video, to share your advice?
I'd love to hear how you moved from the lab into analytics and what you would do in my place.
I'll follow up next week if I haven't heard back.

Thank you,
Alice
"""


def run(argv: list[str], capsys: Any) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path: Path, text: str | bytes) -> str:
    path = tmp_path / "message.txt"
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return str(path)


def test_a_good_message_exits_0_and_reads_the_subject(tmp_path: Path, capsys: Any) -> None:
    code, out, _ = run(
        ["check", write(tmp_path, GOOD), "--referrer", "Tomás Ibáñez", "--json"], capsys
    )
    data = json.loads(out)
    assert code == 0, data
    assert not any(f["rule"] == "missing-subject" for f in data["findings"])
    assert data["words"] > 50


def test_an_error_exits_1_and_points_at_line_and_column(tmp_path: Path, capsys: Any) -> None:
    text = "Subject: Hello\n\nDear Sam,\nAre there any openings on your team?\n"
    code, out, _ = run(["check", write(tmp_path, text)], capsys)
    assert code == 1
    assert "4:1" in out and "asks-for-job" in out  # line 4 of the file, column 1


def test_without_subject_line_the_email_misses_one(tmp_path: Path, capsys: Any) -> None:
    code, out, _ = run(["check", write(tmp_path, "Dear Sam,\nHi.\n"), "--json"], capsys)
    rules = [f["rule"] for f in json.loads(out)["findings"]]
    assert "missing-subject" in rules and code == 1


def test_reads_stdin(monkeypatch: Any, capsys: Any) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(GOOD.encode())))
    code, out, _ = run(["check", "-", "--json", "--rules", "2hjs-6"], capsys)
    assert code == 0  # too long is a warning
    rules = [f["rule"] for f in json.loads(out)["findings"]]
    assert "too-long" in rules  # 75 words is the 6-point limit


def test_linkedin_notes_and_questions(tmp_path: Path, capsys: Any) -> None:
    path = write(tmp_path, "Do you enjoy your work?")
    code, out, _ = run(["check", path, "--kind", "question", "--json"], capsys)
    assert [f["rule"] for f in json.loads(out)["findings"]] == ["closed-question"]
    assert code == 0  # a hint, not an error


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--kind", "job-ask"], "Unknown kind"),
        (["--channel", "fax"], "Unknown channel"),
        (["--rules", "strict"], "Unknown rule set"),
        (["--minutes", "0"], "--minutes"),
    ],
)
def test_unusable_options_exit_2(
    tmp_path: Path, capsys: Any, extra: list[str], message: str
) -> None:
    code, out, err = run(["check", write(tmp_path, "Hi"), *extra], capsys)
    assert code == 2 and message in err and out == ""


def test_unreadable_or_undecodable_input_exits_2(tmp_path: Path, capsys: Any) -> None:
    code, _, err = run(["check", str(tmp_path / "missing.txt")], capsys)
    assert code == 2 and "Can't read" in err
    code, _, err = run(["check", write(tmp_path, b"\xff\xfe\x00bad")], capsys)
    assert code == 2 and "UTF-8" in err


def test_check_does_not_set_up_django(tmp_path: Path, capsys: Any, monkeypatch: Any) -> None:
    import coffeechat.cli.main as cli

    def refuse() -> None:
        raise AssertionError("check must not need Django")

    monkeypatch.setattr(cli, "setup_django", refuse)
    code, out, _ = run(["check", write(tmp_path, GOOD), "--referrer", "Tomás Ibáñez"], capsys)
    assert (code == 0 and "Nothing to flag" in out) or "finding" in out


def test_to_and_referrer_name_the_people_for_the_greeting_and_spelling(
    tmp_path: Path, capsys: Any
) -> None:
    text = "Subject: Hello\n\nDear Mr. Johnson,\nTiwalade suggested I write. Could we talk?\n"
    path = write(tmp_path, text)
    code, out, _ = run(
        ["check", path, "--json", "--to", "Aisha Bello", "--referrer", "Tiwalade Adeyemi"], capsys
    )
    rules = [f["rule"] for f in json.loads(out)["findings"]]
    assert code == 1 and "greeting-name-mismatch" in rules and "spelling" not in rules
    code, out, _ = run(["check", path, "--json", "--to", "Sam Johnson"], capsys)
    assert "greeting-name-mismatch" not in [f["rule"] for f in json.loads(out)["findings"]]
