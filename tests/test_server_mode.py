"""Server mode's process model: migrations are a deploy step; gunicorn workers serve."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.browser.conftest import free_port


def server_env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "COFFEECHAT_MODE": "server",
        "COFFEECHAT_SECRET_KEY": "s" * 50,
        "COFFEECHAT_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'server.sqlite3'}",
        "COFFEECHAT_DATA_DIR": str(tmp_path),
    }


def coffeechat(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "coffeechat.cli.main", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.skipif(sys.platform == "win32", reason="gunicorn serves server mode on Unix")
def test_server_mode_refuses_pending_migrations_then_serves_with_workers(tmp_path: Path) -> None:
    env = server_env(tmp_path)
    port = free_port()
    refused = coffeechat("serve", "--port", str(port), env=env)
    assert refused.returncode == 2
    assert "coffeechat manage migrate" in refused.stderr
    assert coffeechat("manage", "migrate", "-v0", env=env).returncode == 0

    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "coffeechat.cli.main",
            "serve",
            "--port",
            str(port),
            "--workers",
            "2",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.2)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=10) as response:
            assert response.status == 200
            assert response.read().decode().strip() == "ok"
        opener = urllib.request.build_opener(NoRedirect)
        with pytest.raises(urllib.error.HTTPError) as refused_page:
            opener.open(  # as the TLS-terminating proxy forwards it
                urllib.request.Request(
                    f"http://127.0.0.1:{port}/contacts/", headers={"X-Forwarded-Proto": "https"}
                ),
                timeout=10,
            )
        assert refused_page.value.code == 302
        assert refused_page.value.headers["Location"].startswith("/login/")
    finally:
        process.terminate()
        process.wait(timeout=20)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def test_personal_mode_refuses_workers(tmp_path: Path) -> None:
    env = {**os.environ, "COFFEECHAT_DATA_DIR": str(tmp_path), "COFFEECHAT_MODE": "personal"}
    env.pop("DATABASE_URL", None)
    result = coffeechat("serve", "--workers", "3", "--port", str(free_port()), env=env)
    assert result.returncode == 2
    assert "server mode" in result.stderr


def test_the_documented_server_settings_pass_djangos_deploy_check(tmp_path: Path) -> None:
    env = server_env(tmp_path) | {
        "COFFEECHAT_SECRET_KEY": "Xk2_9vQ-7mLpZr4Tn8Yw1Hc6Jb3Fd0Gs5Ae-Uq7Oi2Ke9Rx4Mz1Vy8Nw3Pt6",
        "COFFEECHAT_ALLOWED_HOSTS": "coffeechat.example.edu",
    }
    result = coffeechat("manage", "check", "--deploy", env=env)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
