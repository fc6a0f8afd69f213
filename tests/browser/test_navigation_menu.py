"""The main navigation on a phone: folded behind a Menu button, opened as a list of large targets;
on a wide screen every room is listed."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import RunningApp

pytestmark = pytest.mark.browser


def test_a_phone_opens_the_rooms_from_a_menu_and_a_wide_screen_lists_them(
    page: Any, fresh_app: RunningApp
) -> None:
    from playwright.sync_api import expect

    page.goto(fresh_app.sign_in_url)
    menu = page.get_by_role("button", name="Menu")
    nav = page.get_by_role("navigation", name="Main")
    expect(menu).to_be_visible()
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(nav.get_by_role("link", name="Contacts")).to_be_hidden()

    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    contacts = nav.get_by_role("link", name="Contacts")
    expect(contacts).to_be_visible()
    box = contacts.bounding_box()
    assert box is not None and box["height"] >= 44, box  # a target a thumb can hit
    page.keyboard.press("Escape")
    expect(contacts).to_be_hidden()
    expect(menu).to_be_focused()

    menu.click()
    contacts.click()
    expect(page.get_by_role("heading", name="Contacts", exact=True)).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, width

    page.set_viewport_size({"width": 1280, "height": 800})
    expect(menu).to_be_hidden()
    for room in ("Today", "Contacts", "Guide", "Account"):
        expect(nav.get_by_role("link", name=room)).to_be_visible()
