"""The pipeline board in a real browser, on demo data: columns with counts, a card's move opens
the right page, "Show more" brings the next cards into the column, filters narrow the board,
and a phone's screen never scrolls sideways."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.browser.conftest import RunningApp, go_to
from tests.browser.test_live_mode import coffeechat

pytestmark = pytest.mark.browser

# 25 people nobody has written to yet (the demo's people are all further along), three tagged.
NEW_PEOPLE = "\n".join(
    [
        "from coffeechat.accounts.services import personal_owner",
        "from coffeechat.network.models import Contact",
        "me = personal_owner()",
        "Contact.objects.bulk_create(Contact(owner=me, first_name=f'Pat{n:02}', last_name='Aalto',"
        " tags_text=',rivers,' if n < 3 else '') for n in range(25))",
    ]
)


def test_the_board_on_demo_data(page: Any, fresh_app: RunningApp) -> None:
    from playwright.sync_api import expect

    coffeechat(fresh_app, "demo")
    coffeechat(fresh_app, "manage", "shell", "-c", NEW_PEOPLE)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(fresh_app.sign_in_url)
    go_to(page, "Board")
    expect(page).to_have_url(f"{fresh_app.url}/board/")

    first = page.locator("#column-identified")
    expect(first.get_by_role("heading", name="Identified")).to_contain_text("25")
    expect(page.locator("#column-thanked h2 .count")).not_to_have_text("0")
    cards = first.get_by_role("listitem").filter(has=page.get_by_role("link", name="Write request"))
    expect(cards).to_have_count(20)

    first.get_by_role("link", name="Show more").click()
    expect(cards).to_have_count(25)
    # The focus goes on with the first card brought, not back to the top of the page.
    expect(cards.nth(20).get_by_role("link", name="Pat20 Aalto", exact=True)).to_be_focused()
    expect(first.get_by_role("link", name="Show more")).to_have_count(0)

    page.get_by_role("textbox", name="Tag").fill("rivers")
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(f"{fresh_app.url}/board/?field=&tag=rivers&org=")
    expect(first.get_by_role("heading", name="Identified")).to_contain_text("3")
    expect(cards).to_have_count(3)
    expect(page.locator("#column-thanked")).to_contain_text("Nobody at this stage matches")

    cards.first.get_by_role("link", name="Write request").click()
    expect(page).to_have_url(re.compile(r"/compose/\?contact=\d+&kind=request$"))
    expect(page.get_by_role("main")).to_contain_text("Pat00 Aalto")

    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{fresh_app.url}/board/")
    picker = page.get_by_role("navigation", name="Jump to a stage")
    picker.get_by_role("link", name="Thanked").click()
    expect(page.locator("#column-thanked")).to_be_in_viewport()
    wide, screen = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert wide <= screen, f"{wide} px wide on a {screen} px screen"
