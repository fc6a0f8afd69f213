"""Browser tests: a real `coffeechat serve` in a fresh data folder, driven by headless Chromium."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("COFFEECHAT_CHROMIUM", "/usr/bin/chromium")
# Without these, Chromium dials out at start (updates, sync) and this sandbox refuses it.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass
class RunningApp:
    url: str
    sign_in_url: str
    data_dir: Path
    process: subprocess.Popen[str]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def fresh_app(tmp_path: Path) -> Iterator[RunningApp]:
    port = free_port()
    data_dir = tmp_path / "data"
    env = {**os.environ, "COFFEECHAT_DATA_DIR": str(data_dir), "COFFEECHAT_MODE": "personal"}
    env.pop("DATABASE_URL", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "coffeechat.cli.main", "serve", "--no-browser", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    assert process.stdout is not None
    sign_in = ""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not sign_in:
        line = process.stdout.readline()
        if not line and process.poll() is not None:
            break
        if "/signin/" in line:
            sign_in = line.strip()
    if not sign_in:
        process.kill()
        pytest.fail("coffeechat serve did not print a sign-in link")
    for _ in range(100):  # the link is printed just before the server binds
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    app = RunningApp(f"http://127.0.0.1:{port}", sign_in, data_dir, process)
    yield app
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture
def page(fresh_app: RunningApp) -> Iterator[Any]:
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: `python3 dev.py test` installs it.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        context = browser.new_context(viewport={"width": 375, "height": 800})
        page = context.new_page()
        page.set_default_timeout(15000)
        blocked: list[str] = []  # the strict Content-Security-Policy must never bite
        page.on(
            "console",
            lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None,
        )
        yield page
        context.close()
        browser.close()
        assert not blocked, f"the page broke its Content-Security-Policy: {blocked}"
