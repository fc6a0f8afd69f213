"""A Google export with Indian mobiles: the preview says which columns stay behind, and the
number kept as typed shows as "not checked" on the person's page, at phone width."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import RunningApp

pytestmark = pytest.mark.browser
FILES = Path(__file__).parents[1] / "transfer" / "files"
# Set COFFEECHAT_SCREENSHOTS to a folder to keep the pages as PNGs (375 and 1280 px wide).
SHOTS = os.environ.get("COFFEECHAT_SCREENSHOTS", "")


def _fits(page: Any, name: str) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"{name} scrolls sideways at phone width ({width}px)"
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}-375.png", full_page=True)
        page.set_viewport_size({"width": 1280, "height": 800})
        page.screenshot(path=f"{SHOTS}/{name}-1280.png", full_page=True)
        page.set_viewport_size({"width": 375, "height": 800})


def test_left_out_columns_and_unchecked_phones_are_shown(page: Any, fresh_app: RunningApp) -> None:
    from playwright.sync_api import expect

    page.goto(fresh_app.sign_in_url)
    page.goto(f"{fresh_app.url}/import/")
    page.get_by_label("File", exact=True).set_input_files(str(FILES / "google_india.csv"))
    page.get_by_role("button", name="Preview").click()

    left_out = page.get_by_role("region", name="Not brought in")
    expect(left_out).to_contain_text("Nickname")
    expect(left_out).to_contain_text("Birthday")
    expect(left_out).not_to_contain_text("Phone 1 - Value")
    expect(page.get_by_text("We kept 3 phone numbers just as written")).to_be_visible()
    _fits(page, "preview")

    page.get_by_role("button", name="Import 3 new and 0 filled in").click()
    page.get_by_role("link", name="Ananya Iyer").click()
    expect(page.get_by_text("098450 12345")).to_be_visible()
    expect(page.get_by_text("not checked", exact=False)).to_be_visible()
    _fits(page, "contact")
