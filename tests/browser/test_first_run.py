"""From an empty data folder: first run, profile, a contact with a referrer, search, detail."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import RunningApp, go_to

pytestmark = pytest.mark.browser


def test_a_newcomer_gets_from_empty_folder_to_a_referral_chain(
    page: Any, fresh_app: RunningApp
) -> None:
    from playwright.sync_api import expect

    assert (fresh_app.data_dir / "coffeechat.sqlite3").exists()
    page.goto(fresh_app.sign_in_url)
    expect(page.get_by_role("heading", name="Welcome to coffeechat")).to_be_visible()
    page.get_by_role("link", name="Fill in your profile").click()
    expect(page.get_by_role("heading", name="About you")).to_be_visible()

    page.get_by_label("Your name").fill("Noor Haddad")
    page.get_by_label("School or employer").fill("Riverside College")
    page.get_by_label("Country").fill("us")
    page.get_by_label("Time zone").select_option("America/Chicago")
    page.get_by_label("Fields of interest").fill("urban planning, transit")
    page.get_by_role("button", name="Save and go on").click()
    expect(page.get_by_text("Profile saved. Next: bring in the people you know.")).to_be_visible()
    go_to(page, "Profile")
    expect(page.get_by_label("Country")).to_have_value("US")
    expect(page.get_by_label("Time zone")).to_have_value("America/Chicago")

    go_to(page, "Contacts")
    expect(page.get_by_text("Your list is empty")).to_be_visible()
    page.get_by_role("link", name="Add your first contact").click()
    page.get_by_label("First name").fill("Priya")
    page.get_by_label("Last name").fill("Raman")
    page.get_by_label("Organization").fill("Metro Transit Authority")
    page.get_by_label("How found").select_option("alumni")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Priya Raman")).to_be_visible()

    go_to(page, "Contacts")
    page.get_by_role("link", name="Add a contact").click()
    page.get_by_label("First name").fill("Tomás")
    page.get_by_label("Last name").fill("Ibáñez")
    page.get_by_label("How found").select_option("referral")
    page.get_by_label("Referred by").fill("Priya Raman")
    page.get_by_label("Notes").fill("Designs bus networks; Priya says he loves mentoring.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Tomás Ibáñez")).to_be_visible()

    go_to(page, "Contacts")
    page.get_by_role("searchbox").fill("bus networks")
    results = page.locator("#contact-results")
    expect(results.get_by_text("1 contact", exact=True)).to_be_visible()
    expect(results.get_by_role("link", name="Priya Raman")).to_have_count(0)
    assert "q=bus%20networks" in page.url  # htmx pushed the search into the address bar
    results.get_by_role("link", name="Tomás Ibáñez").click()

    expect(page.get_by_role("heading", name="Tomás Ibáñez")).to_be_visible()
    chain = page.locator("ol.chain")
    expect(chain.get_by_role("link", name="Priya Raman")).to_be_visible()
    expect(page.get_by_text("Researched", exact=True)).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the page scrolls sideways at phone width ({width}px)"
