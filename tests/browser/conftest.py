"""Browser tests: a real `coffeechat serve` in a fresh data folder, driven by headless Chromium."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
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


ASSERTION_TIMEOUT_MS = 30_000  # expect(...) waits this long (Playwright's own default: 5 s)
ACTION_TIMEOUT_MS = 30_000  # clicks, fills, locators
NAVIGATION_TIMEOUT_MS = 60_000  # page loads


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


@contextmanager
def serving(data_dir: Path) -> Iterator[RunningApp]:
    """`coffeechat serve` on a free port over `data_dir`, until the block ends."""
    port = free_port()
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
    # The link is printed just before the server binds: wait for the port (on a loaded machine
    # that can take seconds), up to the same generous deadline, then let a request say why.
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.05)
    try:
        yield RunningApp(f"http://127.0.0.1:{port}", sign_in, data_dir, process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture
def fresh_app(tmp_path: Path) -> Iterator[RunningApp]:
    with serving(tmp_path / "data") as app:
        yield app


@contextmanager
def chromium_page(width: int = 375, height: int = 800) -> Iterator[Any]:
    """A headless Chromium page; on leaving, fails if the page broke its Content-Security-Policy."""
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: `python3 dev.py test` installs it.")
    from playwright.sync_api import expect, sync_playwright

    # No fixed waits anywhere: Playwright waits for each element and each assertion by itself.
    # The limits are generous because a shared, loaded machine can take seconds per step; a
    # test that passes never waits for them.
    expect.set_options(timeout=ASSERTION_TIMEOUT_MS)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        page.set_default_timeout(ACTION_TIMEOUT_MS)
        page.set_default_navigation_timeout(NAVIGATION_TIMEOUT_MS)
        blocked: list[str] = []  # the strict Content-Security-Policy must never bite
        page.on(
            "console",
            lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None,
        )
        yield page
        context.close()
        browser.close()
        assert not blocked, f"the page broke its Content-Security-Policy: {blocked}"


@pytest.fixture
def page(fresh_app: RunningApp) -> Iterator[Any]:
    with chromium_page() as page:
        yield page


def go_to(page: Any, room: str) -> None:
    """Follow a link of the main navigation, opening More first when the room is folded under it
    (the tab bar's More on a phone, the list's More on a wide screen)."""
    link = page.get_by_role("navigation", name="Main").get_by_role("link", name=room)
    if not link.is_visible():
        page.get_by_role("button", name="More").click()
    link.click()
