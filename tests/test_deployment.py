"""The reference deployment in deploy/ runs as written, as far as this machine allows: the
environment file, the migrate unit, the unit's pre-start deploy check, gunicorn workers answering
/healthz over plain http and pages over the proxy's https, and the digest and mailbox units."""

from __future__ import annotations

import os
import secrets
import shlex
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.browser.conftest import free_port

DEPLOY = Path(__file__).resolve().parent.parent / "deploy"
INSTALLED = "/opt/coffeechat/.venv/bin/coffeechat"


def unit_commands(name: str) -> dict[str, list[str]]:
    """ExecStart/ExecStartPre of a unit, with the installed binary replaced by this checkout."""
    commands: dict[str, list[str]] = {}
    for line in (DEPLOY / name).read_text().splitlines():
        key, _, value = line.partition("=")
        if key in {"ExecStart", "ExecStartPre"}:
            words = shlex.split(value)
            assert words[0] == INSTALLED, line
            commands[key] = [sys.executable, "-m", "coffeechat.cli.main", *words[1:]]
    return commands


def environment(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    for line in (DEPLOY / "coffeechat.env.example").read_text().splitlines():
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            env[key] = value
    return env | {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",  # stands in for PostgreSQL
        "COFFEECHAT_SECRET_KEY": secrets.token_urlsafe(50),
        "COFFEECHAT_ALLOWED_HOSTS": "coffeechat.example.edu,127.0.0.1",
        "COFFEECHAT_SMTP_HOST": "127.0.0.1",
        "COFFEECHAT_SMTP_PORT": str(free_port()),  # nothing listens: no digest is due anyway
        "COFFEECHAT_DATA_DIR": str(tmp_path),
    }


@pytest.mark.skipif(sys.platform == "win32", reason="the reference deployment is Linux")
def test_the_reference_deployment_runs_as_written(tmp_path: Path) -> None:
    env = environment(tmp_path)

    def call(command: list[str]) -> subprocess.CompletedProcess[str]:
        return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)

    assert call(unit_commands("coffeechat-migrate.service")["ExecStart"]).returncode == 0
    service = unit_commands("coffeechat.service")
    check = call(service["ExecStartPre"])
    assert check.returncode == 0, check.stderr
    digest = call(unit_commands("coffeechat-digest.service")["ExecStart"])
    assert digest.returncode == 0, digest.stderr
    mailboxes = call(unit_commands("coffeechat-mail.service")["ExecStart"])
    assert mailboxes.returncode == 0, mailboxes.stderr  # nobody has connected one yet

    port = free_port()
    start = [*service["ExecStart"]]
    start[start.index("--port") + 1] = str(port)
    start[start.index("--workers") + 1] = "2"
    process = subprocess.Popen(start, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.2)
        plain = urllib.request.Request(
            f"http://127.0.0.1:{port}/healthz", headers={"Host": "coffeechat.example.edu"}
        )
        with urllib.request.urlopen(plain, timeout=10) as response:  # the load balancer's probe
            assert response.read().decode().strip() == "ok"
        page = urllib.request.Request(
            f"http://127.0.0.1:{port}/login/",
            headers={"Host": "coffeechat.example.edu", "X-Forwarded-Proto": "https"},
        )
        with urllib.request.urlopen(page, timeout=10) as response:
            assert response.status == 200
            assert "max-age=31536000" in response.headers["Strict-Transport-Security"]
            assert "Secure" in response.headers["Set-Cookie"]
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_the_proxy_config_forwards_the_scheme_and_allows_the_upload_limit() -> None:
    nginx = (DEPLOY / "nginx.conf").read_text()
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in nginx
    assert "location = /healthz" in nginx
    assert "client_max_body_size 12m;" in nginx
