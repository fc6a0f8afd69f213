"""The first run in a real browser: the time zone comes from the browser, saving the profile
goes on to the next step; and on Today, a late group is settled with one click and undone."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import RunningApp
from tests.browser.test_live_mode import coffeechat

pytestmark = pytest.mark.browser

SCRIPT = """
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo
from django.utils import timezone
from coffeechat.accounts.services import personal_owner, profile_of
from coffeechat.interviews.models import Meeting
from coffeechat.network.models import Contact
from coffeechat.outreach.models import Message
me = personal_owner()
profile = profile_of(me)
profile.display_name, profile.time_zone = 'Noor Haddad', 'America/Chicago'
profile.save()
zone = ZoneInfo('America/Chicago')
today = timezone.now().astimezone(zone).date()
for n in range(12):
    c = Contact.objects.create(owner=me, first_name=f'Mentor{n}', last_name='Lee')
    held = datetime.combine(today - timedelta(days=200 + n), time(10), tzinfo=zone)
    Meeting.objects.create(owner=me, contact=c, starts_at=held, status='held',
                           reflection={'learned': 'plenty'})
    Message.objects.create(owner=me, contact=c, kind='thank-you', status='sent',
                           sent_at=held + timedelta(hours=8))
una = Contact.objects.create(owner=me, first_name='Una', last_name='Obi')
Meeting.objects.create(owner=me, contact=una, status='scheduled',
                       starts_at=datetime.combine(today, time(12), tzinfo=zone))
"""


def _fits(page: Any) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the page scrolls sideways at phone width ({width}px)"


def test_the_first_run_presets_the_browsers_time_zone_and_leads_on(
    page: Any, fresh_app: RunningApp
) -> None:
    from playwright.sync_api import expect

    context = page.context.browser.new_context(
        viewport={"width": 375, "height": 800}, timezone_id="Asia/Tokyo"
    )
    tab = context.new_page()
    try:
        tab.goto(fresh_app.sign_in_url)
        expect(tab.get_by_role("heading", name="Welcome to coffeechat")).to_be_visible()
        expect(tab.locator(".first-step.next")).to_contain_text("Tell us about you")
        _fits(tab)
        tab.locator(".first-step.next").get_by_role("link", name="Fill in your profile").click()
        expect(tab.get_by_label("Time zone")).to_have_value("Asia/Tokyo")
        tab.get_by_label("Your name").fill("Noor Haddad")
        tab.get_by_role("button", name="Save and go on").click()
        expect(tab.get_by_role("heading", name="Welcome to coffeechat")).to_be_visible()
        expect(tab.locator(".first-step").first).to_contain_text("Done")
        expect(tab.locator(".first-step.next")).to_contain_text("Bring your contacts")
        expect(tab.get_by_role("link", name="Bring in your contacts")).to_be_visible()
        _fits(tab)
    finally:
        context.close()


def test_a_meeting_today_is_pinned_and_a_late_group_is_settled_at_once(
    page: Any, fresh_app: RunningApp
) -> None:
    from playwright.sync_api import expect

    coffeechat(fresh_app, "manage", "shell", "-c", SCRIPT)
    page.goto(fresh_app.sign_in_url)
    page.goto(f"{fresh_app.url}/today/")
    pinned = page.locator(".meeting-today")
    expect(pinned).to_contain_text("12:00")
    expect(pinned).to_contain_text("Una Obi")
    expect(pinned.get_by_role("link", name="Prep")).to_be_visible()
    expect(pinned.get_by_role("link", name="Live notes")).to_be_visible()

    group = page.locator(".late-group", has_text="Updates to keep in touch")
    expect(group.locator(".action-row")).to_have_count(10)
    expect(group).to_contain_text("2 more like these")
    _fits(page)
    group.get_by_role("button", name="Mark all 12 done").click()
    expect(group.get_by_role("status")).to_contain_text("Marked 12 done.")
    group.get_by_role("button", name="Undo").click()
    # Undo brings the page back as it was.
    expect(page.locator(".late-group", has_text="Updates to keep in touch")).to_contain_text(
        "Mark all 12 done"
    )
