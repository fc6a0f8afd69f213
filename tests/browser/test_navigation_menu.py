"""The main navigation. On a phone: a tab bar (Today with its late count, People, Write,
Meetings) whose More opens every room as a sheet of large targets, and content never hidden
behind it. On a wide screen: the rooms up top, the less used ones under More. Without
JavaScript every room stays reachable."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import RunningApp
from tests.browser.test_live_mode import coffeechat

pytestmark = pytest.mark.browser

TABS = ("Today", "People", "Write", "Meetings", "More")


def _tall_enough(locator: Any) -> None:
    box = locator.bounding_box()
    assert box is not None and box["height"] >= 44 and box["width"] >= 44, box  # a thumb's target


def test_a_phone_has_a_tab_bar_and_a_wide_screen_lists_the_rooms(
    page: Any, fresh_app: RunningApp
) -> None:
    from playwright.sync_api import expect

    coffeechat(fresh_app, "demo")  # late steps, so Today has a count to show
    page.goto(fresh_app.sign_in_url)
    page.goto(f"{fresh_app.url}/contacts/")
    tabs = page.get_by_role("navigation", name="Tabs")
    nav = page.get_by_role("navigation", name="Main")
    expect(tabs).to_be_visible()
    for tab in TABS[:-1]:
        _tall_enough(tabs.get_by_role("link", name=tab))
    expect(tabs.get_by_role("link", name="People")).to_have_attribute("aria-current", "page")

    today = tabs.get_by_role("link", name="Today")
    badge = today.locator(".badge.late")
    expect(badge).to_be_visible()  # the late count rides on the tab, not in a folded menu
    expect(today).to_contain_text("late")  # the word is there for screen readers
    tab_box, badge_box = today.bounding_box(), badge.bounding_box()
    assert tab_box and badge_box
    assert tab_box["x"] <= badge_box["x"] and badge_box["x"] + badge_box["width"] <= (
        tab_box["x"] + tab_box["width"]
    ), (tab_box, badge_box)

    more = tabs.get_by_role("button", name="More")
    _tall_enough(more)
    expect(more).to_have_attribute("aria-expanded", "false")
    expect(nav.get_by_role("link", name="Guide")).to_be_hidden()
    more.click()
    expect(more).to_have_attribute("aria-expanded", "true")
    guide = nav.get_by_role("link", name="Guide")
    expect(guide).to_be_visible()
    _tall_enough(guide)
    page.keyboard.press("Escape")
    expect(guide).to_be_hidden()
    expect(more).to_be_focused()
    more.click()
    nav.get_by_role("link", name="Questions").click()
    expect(page.get_by_role("heading", name="Your questions")).to_be_visible()

    # The page ends above the tab bar: nothing to read is left behind it.
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    last = page.locator("main > *").last.bounding_box()
    bar = tabs.bounding_box()
    assert last and bar and last["y"] + last["height"] <= bar["y"] + 1, (last, bar)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, width

    tabs.get_by_role("link", name="Meetings").click()
    expect(page.get_by_role("heading", name="Meetings", exact=True)).to_be_visible()
    _tall_enough(page.get_by_role("main").locator("a.primary").first)  # primary buttons too

    page.set_viewport_size({"width": 1280, "height": 800})
    expect(tabs).to_be_hidden()
    for room in ("Today", "Contacts", "Organizations", "Meetings", "Messages", "Insights"):
        expect(nav.get_by_role("link", name=room)).to_be_visible()
    expect(nav.get_by_role("link", name="Today").locator(".badge.late")).to_contain_text("late")
    list_more = nav.get_by_role("button", name="More")
    expect(guide).to_be_hidden()
    list_more.click()
    for room in ("Questions", "Guide", "Profile", "Account"):
        expect(nav.get_by_role("link", name=room)).to_be_visible()
    page.keyboard.press("Escape")
    expect(guide).to_be_hidden()
    expect(list_more).to_be_focused()
    expect(page.get_by_role("link", name="Write")).to_be_visible()  # the main action, up top


def test_without_javascript_every_room_stays_reachable_on_a_phone(
    page: Any, fresh_app: RunningApp
) -> None:
    from playwright.sync_api import expect

    page.goto(fresh_app.sign_in_url)
    context = page.context.browser.new_context(
        java_script_enabled=False, viewport={"width": 375, "height": 800}
    )
    context.add_cookies(page.context.cookies())
    plain = context.new_page()
    plain.goto(f"{fresh_app.url}/profile/")
    tabs = plain.get_by_role("navigation", name="Tabs")
    expect(tabs.get_by_role("link", name="More")).to_have_attribute("href", "#main-nav")
    tabs.get_by_role("link", name="More").click()
    nav = plain.get_by_role("navigation", name="Main")
    guide = nav.get_by_role("link", name="Guide")
    guide.scroll_into_view_if_needed()
    expect(guide).to_be_visible()
    guide.click()
    expect(plain).to_have_url(f"{fresh_app.url}/guide/")
    context.close()


def test_a_toast_says_what_happened_and_can_be_put_away(page: Any, fresh_app: RunningApp) -> None:
    import re

    from playwright.sync_api import expect

    page.goto(fresh_app.sign_in_url)
    page.goto(f"{fresh_app.url}/profile/")
    page.get_by_label("Your name").fill("Noor Haddad")
    page.get_by_role("button", name=re.compile(r"^Save")).click()
    toast = page.get_by_role("status").locator(".toast")
    expect(toast).to_contain_text("Profile saved")
    box, heading = toast.bounding_box(), page.get_by_role("heading", level=1).bounding_box()
    assert box and heading and box["y"] + box["height"] <= heading["y"], "it covers the page"
    toast.get_by_role("button", name="Dismiss").click()
    expect(page.locator(".flash")).to_have_count(0)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
