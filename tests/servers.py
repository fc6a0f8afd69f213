"""Real servers for the tests, each on its own loopback port and gone afterwards: Radicale (CalDAV
and CardDAV, no login) and Redis (the shared cache of server mode, keeping nothing on disk)."""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.followups.conftest import free_port


@contextlib.contextmanager
def serving(
    command: list[str], port: int, name: str, env: dict[str, str] | None = None
) -> Iterator[None]:
    server = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError(f"{name} did not start") from None
                time.sleep(0.1)
        yield
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def radicale(tmp_path: Path) -> Iterator[str]:
    port = free_port()
    command = [sys.executable, "-m", "radicale", f"--storage-filesystem-folder={tmp_path / 'dav'}"]
    command += [f"--server-hosts=127.0.0.1:{port}", "--auth-type=none"]
    with serving(command, port, "Radicale"):
        yield f"http://127.0.0.1:{port}/"


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    binary = shutil.which("redis-server") or "/usr/bin/redis-server"  # dev.py installs it
    port = free_port()
    command = [binary, "--bind", "127.0.0.1", "--port", str(port), "--save", ""]
    command += ["--appendonly", "no", "--dir", str(tmp_path)]
    with serving(command, port, "Redis"):
        yield f"redis://127.0.0.1:{port}/0"
