"""Upload a LinkedIn export, read the preview, confirm, and find the people on the list."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import RunningApp

pytestmark = pytest.mark.browser
LINKEDIN = (
    Path(__file__).parents[1] / "domain" / "importers" / "samples" / "linkedin_connections.csv"
)


def test_a_linkedin_export_goes_in_after_a_preview(page: Any, fresh_app: RunningApp) -> None:
    from playwright.sync_api import expect

    page.goto(fresh_app.sign_in_url)
    page.goto(f"{fresh_app.url}/import/")
    expect(page.get_by_role("heading", name="Import and export")).to_be_visible()
    page.get_by_label("File", exact=True).set_input_files(str(LINKEDIN))
    page.get_by_role("button", name="Preview").click()

    expect(page.get_by_role("heading", name="Preview: linkedin_connections.csv")).to_be_visible()
    counts = page.get_by_role("list", name="What this import would do")
    expect(counts).to_contain_text("6 new")
    expect(counts).to_contain_text("2 skipped")
    expect(page.get_by_text("Line 10:")).to_be_visible()
    expect(page.get_by_label("Company", exact=True)).to_have_value("organization")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the preview scrolls sideways at phone width ({width}px)"

    page.get_by_role("button", name="Import 6 new and 0 filled in").click()
    expect(page.get_by_role("heading", name="Import of linkedin_connections.csv")).to_be_visible()
    expect(page.get_by_role("link", name="Zoë Ñúñez")).to_be_visible()

    page.goto(f"{fresh_app.url}/contacts/")
    expect(page.get_by_text("6 contacts", exact=True)).to_be_visible()


def test_an_export_says_it_is_being_prepared_then_that_it_started(
    page: Any, fresh_app: RunningApp
) -> None:
    from playwright.sync_api import expect

    page.goto(fresh_app.sign_in_url)
    page.goto(f"{fresh_app.url}/import/")
    status = page.get_by_role("status")
    with page.expect_download() as download:
        page.get_by_role("link", name="Contacts (.csv)").click()
    assert download.value.suggested_filename.endswith(".csv")
    expect(status).to_have_text(
        "Your download has started: your browser shows it with your other downloads."
    )
    assert "export_ready" not in page.evaluate("document.cookie")  # cleared once read
