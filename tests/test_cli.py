"""The CLI: command functions tested in-process, plus a few subprocess smoke tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from coffeechat.accounts.models import ApiToken
from coffeechat.cli.main import main
from coffeechat.network.models import Contact


def run(argv: list[str], capsys: Any) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_contacts_prints_json_for_the_personal_owner(db: Any, capsys: Any) -> None:
    from coffeechat.accounts.services import personal_owner

    owner = personal_owner()
    Contact.objects.create(owner=owner, first_name="Łukasz", last_name="Nowak", how_found="alumni")
    Contact.objects.create(owner=owner, first_name="Ada", last_name="Obi")
    code, out, _ = run(["contacts", "nowak", "--json"], capsys)
    assert code == 0
    rows = json.loads(out)
    assert [r["name"] for r in rows] == ["Łukasz Nowak"]
    assert rows[0]["stage"] == "identified" and rows[0]["how_found"] == "alumni"
    code, out, _ = run(["contacts"], capsys)
    assert "Ada Obi" in out and "Łukasz Nowak" in out


def test_contacts_rejects_an_unknown_stage_on_stderr(db: Any, capsys: Any) -> None:
    code, out, err = run(["contacts", "--stage", "bored"], capsys)
    assert code == 2 and out == ""
    assert "Unknown stage 'bored'" in err


def test_token_prints_a_working_token(db: Any, capsys: Any) -> None:
    code, out, _ = run(["token"], capsys)
    assert code == 0
    raw = out.strip()
    assert raw.startswith("cc_")
    assert ApiToken.user_for(raw) is not None


def test_token_for_an_unknown_user_is_an_error(db: Any, capsys: Any) -> None:
    code, _, err = run(["token", "--user", "ghost"], capsys)
    assert code == 2 and "no user called 'ghost'" in err


def test_createuser_with_and_without_a_password(db: Any, capsys: Any, monkeypatch: Any) -> None:
    code, _, _ = run(
        [
            "createuser",
            "carol",
            "--email",
            "c@example.org",
            "--password",
            "a long and fine passphrase",
        ],
        capsys,
    )
    assert code == 0
    code, _, err = run(["createuser", "carol", "--password", "another long passphrase"], capsys)
    assert code == 2 and "already exists" in err
    code, _, err = run(["createuser", "dave", "--password", "short"], capsys)
    assert code == 2 and "too short" in err
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False)
    code, _, err = run(["createuser", "erin"], capsys)
    assert code == 2 and "--password" in err


def test_link_prints_a_sign_in_url(db: Any, capsys: Any) -> None:
    code, out, _ = run(["link", "--port", "8123"], capsys)
    assert code == 0 and out.startswith("http://127.0.0.1:8123/signin/")


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "coffeechat.cli.main", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def test_help_runs_without_django(tmp_path: Path) -> None:
    result = cli("--help")
    assert result.returncode == 0
    assert "serve" in result.stdout and "contacts" in result.stdout


def test_server_mode_refuses_to_start_without_its_settings(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "COFFEECHAT_MODE": "server",
        "COFFEECHAT_DATA_DIR": str(tmp_path),
        "DATABASE_URL": "",
        "COFFEECHAT_SECRET_KEY": "",
        "COFFEECHAT_ALLOWED_HOSTS": "",
    }
    result = cli("contacts", env=env)
    assert result.returncode == 2
    assert "COFFEECHAT_SECRET_KEY" in result.stderr
    env |= {"COFFEECHAT_SECRET_KEY": "x" * 40}
    result = cli("contacts", env=env)
    assert result.returncode == 2 and "COFFEECHAT_ALLOWED_HOSTS" in result.stderr


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("COFFEECHAT_MODE", "cloud", "COFFEECHAT_MODE must be"),
        ("COFFEECHAT_DEBUG", "maybe", "COFFEECHAT_DEBUG must be true or false"),
        ("DATABASE_URL", "nosuchdb://x", "DATABASE_URL"),
    ],
)
def test_bad_settings_fail_loudly(tmp_path: Path, name: str, value: str, message: str) -> None:
    env = {**os.environ, "COFFEECHAT_DATA_DIR": str(tmp_path), name: value}
    result = cli("contacts", env=env)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_personal_mode_keeps_one_generated_secret_in_the_data_folder(tmp_path: Path) -> None:
    env = {**os.environ, "COFFEECHAT_DATA_DIR": str(tmp_path), "COFFEECHAT_SECRET_KEY": ""}
    for _ in range(2):
        assert cli("manage", "check", env=env).returncode == 0
    key = (tmp_path / "secret_key").read_text()
    assert len(key) >= 50
    assert cli("manage", "check", env=env).returncode == 0
    assert (tmp_path / "secret_key").read_text() == key
