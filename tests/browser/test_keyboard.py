"""Keyboard shortcuts (keys.js) on the demo data: j / k move between rows and Enter opens the
one you are on, / finds the search, c writes a message, ? lists them (Escape closes the list),
and none of them fires while you type. And Today's compact rows: one main action in sight, the
rest in a small menu."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.conftest import RunningApp, chromium_page
from tests.browser.test_live_mode import coffeechat

pytestmark = pytest.mark.browser


@pytest.fixture
def wide(fresh_app: RunningApp) -> Iterator[Any]:
    """A laptop-wide page, signed in, over the demo data."""
    coffeechat(fresh_app, "demo")
    with chromium_page(width=1280) as page:
        page.goto(fresh_app.sign_in_url)
        yield page


def test_j_and_k_move_between_rows_and_enter_opens_that_one(
    wide: Any, fresh_app: RunningApp
) -> None:
    from playwright.sync_api import expect

    wide.goto(f"{fresh_app.url}/messages/")
    rows = wide.locator("[data-row]")
    expect(rows.first).to_be_visible()
    wide.keyboard.press("j")
    expect(rows.nth(0)).to_have_attribute("aria-current", "true")
    expect(rows.nth(0).locator("[data-row-link]")).to_be_focused()
    wide.keyboard.press("j")
    wide.keyboard.press("j")
    wide.keyboard.press("k")
    second = rows.nth(1)
    expect(second).to_have_attribute("aria-current", "true")
    expect(rows.nth(0)).not_to_have_attribute("aria-current", "true")
    expect(rows.nth(2)).not_to_have_attribute("aria-current", "true")
    href = second.locator("[data-row-link]").get_attribute("href")
    wide.keyboard.press("Enter")
    expect(wide).to_have_url(f"{fresh_app.url}{href}")


def test_slash_finds_the_search_and_c_writes_a_message(wide: Any, fresh_app: RunningApp) -> None:
    from playwright.sync_api import expect

    wide.goto(f"{fresh_app.url}/contacts/")
    search = wide.get_by_role("searchbox")
    expect(wide.locator("[data-row]").first).to_be_visible()
    wide.keyboard.press("/")
    expect(search).to_be_focused()
    expect(search).to_have_value("")  # the slash itself is not typed
    # Today has no search of its own: / goes to the contact search, ready to type.
    wide.goto(f"{fresh_app.url}/today/")
    expect(wide.locator("[data-row]").first).to_be_visible()
    wide.keyboard.press("/")
    expect(wide).to_have_url(re.compile(r"/contacts/#search$"))
    expect(wide.get_by_role("searchbox")).to_be_focused()

    wide.goto(f"{fresh_app.url}/today/")
    expect(wide.locator("[data-row]").first).to_be_visible()
    wide.keyboard.press("c")
    expect(wide).to_have_url(re.compile(r"/compose/$"))


def test_a_j_typed_in_a_field_is_a_letter(wide: Any, fresh_app: RunningApp) -> None:
    from playwright.sync_api import expect

    wide.goto(f"{fresh_app.url}/contacts/")
    search = wide.get_by_role("searchbox")
    search.click()
    wide.keyboard.type("jk/c?")
    expect(search).to_have_value("jk/c?")
    expect(wide).to_have_url(re.compile(r"/contacts/"))
    expect(wide.locator("[data-row][aria-current]")).to_have_count(0)
    expect(wide.get_by_role("dialog")).to_have_count(0)
    # Ctrl held is the browser's, not ours.
    wide.keyboard.press("Escape")
    wide.locator("h1").click()
    wide.keyboard.press("Control+j")
    expect(wide.locator("[data-row][aria-current]")).to_have_count(0)


def test_question_mark_lists_the_shortcuts_and_escape_closes_them(
    wide: Any, fresh_app: RunningApp
) -> None:
    from playwright.sync_api import expect

    wide.goto(f"{fresh_app.url}/today/")
    hint = wide.get_by_role("button", name="Keyboard shortcuts: ?")
    expect(hint).to_be_visible()
    wide.keyboard.press("?")
    help = wide.get_by_role("dialog", name="Keyboard shortcuts")
    expect(help).to_be_visible()
    expect(help).to_contain_text("Write a message")
    wide.keyboard.press("Escape")
    expect(help).to_be_hidden()
    # On a phone the hint is left out: there is no keyboard to remind of.
    wide.set_viewport_size({"width": 375, "height": 800})
    expect(hint).to_be_hidden()


def test_a_today_row_shows_one_main_action_and_keeps_the_rest_in_its_menu(
    wide: Any, fresh_app: RunningApp
) -> None:
    from playwright.sync_api import expect

    wide.goto(f"{fresh_app.url}/today/")
    row = wide.locator(".action-row").first
    expect(row.locator(".primary")).to_have_count(1)
    expect(row.locator(".primary")).to_be_visible()
    for hidden in ("Snooze", "Done", "Dismiss"):
        expect(row.get_by_role("button", name=hidden)).to_be_hidden()
    menu = row.locator("summary")
    expect(menu).to_contain_text(re.compile(r"More actions for \w+"))
    box = menu.bounding_box()
    assert box is not None and box["height"] >= 36 and box["width"] >= 36
    menu.click()
    for shown in ("Snooze", "Done", "Dismiss"):
        expect(row.get_by_role("button", name=shown)).to_be_visible()
    expect(row.get_by_role("link", name="Why it helps")).to_be_visible()
    # Escape closes the menu and leaves you on it.
    row.get_by_role("button", name="Done").focus()
    wide.keyboard.press("Escape")
    expect(row.get_by_role("button", name="Done")).to_be_hidden()
    expect(menu).to_be_focused()
    # So does a click anywhere else.
    menu.click()
    expect(row.get_by_role("button", name="Done")).to_be_visible()
    wide.get_by_role("heading", name="Today", exact=True).click()
    expect(row.get_by_role("button", name="Done")).to_be_hidden()
    # And moving on with j.
    menu.click()
    expect(row.get_by_role("button", name="Done")).to_be_visible()
    wide.keyboard.press("j")
    expect(row.get_by_role("button", name="Done")).to_be_hidden()


def test_a_menu_near_the_foot_of_a_phone_opens_upward_above_the_tab_bar(
    wide: Any, fresh_app: RunningApp
) -> None:
    from playwright.sync_api import expect

    wide.set_viewport_size({"width": 375, "height": 800})
    wide.goto(f"{fresh_app.url}/today/")
    last = wide.locator(".action-row").nth(3)
    expect(last).to_be_visible()
    # The row just above the tab bar: no room for the menu below it.
    last.evaluate("r => window.scrollBy(0, r.getBoundingClientRect().bottom - (innerHeight - 70))")
    last.locator("summary").click()
    done = last.get_by_role("button", name="Done")
    expect(done).to_be_visible()
    tabs = wide.get_by_role("navigation", name="Tabs").bounding_box()
    panel = last.locator(".menu-panel").bounding_box()
    assert tabs and panel and panel["y"] + panel["height"] <= tabs["y"], (panel, tabs)
    done.click()
    expect(wide.get_by_text("Marked done.")).to_be_visible()
