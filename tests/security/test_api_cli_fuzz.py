"""Schemathesis' own command line, from the pinned environment, against a running coffeechat:
fuzzing and stateful sequences (create, then read, change and delete what was created), with a
real API token. The token endpoints are left out so the run can't revoke its own token.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent
ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def running(tmp_path: Path) -> Iterator[tuple[str, dict[str, str]]]:
    """coffeechat in personal mode on its own data folder, and the environment that reaches it."""
    env = {**os.environ, "COFFEECHAT_DATA_DIR": str(tmp_path), "COFFEECHAT_MODE": "personal"}
    env.pop("DATABASE_URL", None)
    port = _free_port()
    server = subprocess.Popen(
        [BIN / "coffeechat", "serve", "--no-browser", "--port", str(port)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("coffeechat did not start within 60 s")
        yield base, env | {"HOME": str(tmp_path)}
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_schemathesis_cli_finds_no_server_error_in_fuzzed_and_stateful_runs(
    running: tuple[str, dict[str, str]],
) -> None:
    base, env = running
    token = subprocess.run(
        [BIN / "coffeechat", "token"], cwd=ROOT, env=env, capture_output=True, text=True,
        check=True,
    ).stdout.strip().splitlines()[-1]  # fmt: skip
    result = subprocess.run(
        [
            BIN / "schemathesis", "run", f"{base}/api/v1/openapi.json",
            "--header", f"Authorization: Bearer {token}",
            "--phases", "fuzzing,stateful", "--max-examples", "5",
            "--checks", "not_a_server_error", "--exclude-path-regex", "tokens",
            "--seed", "1",
        ],
        # Run where schemathesis may leave its .schemathesis folder: not in the repository.
        cwd=env["COFFEECHAT_DATA_DIR"], env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    report = result.stdout[-3000:] + result.stderr[-2000:]
    assert result.returncode == 0, report
    assert "✅ Stateful" in result.stdout, report
    assert " passed" in result.stdout and " failed" not in result.stdout, report
