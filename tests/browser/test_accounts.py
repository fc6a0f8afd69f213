"""Personal mode in a real browser at phone width: a token made and revoked, the data taken
away, and everything deleted, with no Content-Security-Policy complaint on the way."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import RunningApp

pytestmark = pytest.mark.browser


def test_tokens_download_and_starting_over(page: Any, fresh_app: RunningApp) -> None:
    from playwright.sync_api import expect

    page.goto(fresh_app.sign_in_url)
    page.goto(fresh_app.url + "/account/")
    expect(page.get_by_role("heading", name="Your account")).to_be_visible()
    expect(page.get_by_role("link", name="Sharing")).to_have_count(0)  # server mode only

    page.get_by_role("link", name="API tokens").click()
    page.get_by_label("Name").fill("laptop script")
    page.get_by_role("button", name="Create token").click()
    expect(page.get_by_text("Copy it now")).to_be_visible()
    expect(page.get_by_role("cell", name="laptop script", exact=True)).to_be_visible()
    page.get_by_role("button", name="Revoke laptop script").click()
    expect(page.get_by_text("Revoked “laptop script”")).to_be_visible()

    page.goto(fresh_app.url + "/account/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download all my data").click()
    assert download.value.suggested_filename.endswith(".json")

    page.get_by_role("link", name="Delete my data").click()
    page.get_by_label("Type “delete my data” to confirm").fill("delete my data")
    page.get_by_role("button", name="Delete everything").click()
    expect(page.get_by_role("heading", name="Done: it's all deleted")).to_be_visible()
