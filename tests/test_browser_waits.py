"""The browser tests wait for what they need, never for a fixed time, and their limits are
generous enough for a shared, loaded machine (a 5 s assertion timeout once failed a newcomer)."""

from __future__ import annotations

import re
from pathlib import Path

from tests.browser import conftest

BROWSER_TESTS = Path(conftest.__file__).parent


def test_no_browser_test_waits_a_fixed_time() -> None:
    for path in BROWSER_TESTS.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "wait_for_timeout(" not in text, path.name
        sleeps = re.findall(r"time\.sleep\(", text)
        # The one poll: the server's port, inside a deadline loop.
        assert len(sleeps) <= (1 if path.name == "conftest.py" else 0), path.name


def test_browser_timeouts_are_generous() -> None:
    assert conftest.ASSERTION_TIMEOUT_MS >= 30_000
    assert conftest.ACTION_TIMEOUT_MS >= 30_000
    assert conftest.NAVIGATION_TIMEOUT_MS >= 60_000
    text = (BROWSER_TESTS / "conftest.py").read_text(encoding="utf-8")
    assert "expect.set_options(timeout=ASSERTION_TIMEOUT_MS)" in text
