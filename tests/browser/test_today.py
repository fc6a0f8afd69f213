"""Today in a real browser: facts written by another process show up on the next view (the
plan cache follows the data stamp), and Done, Undo and Snooze work in place through htmx, from
each row's small menu."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from tests.browser.conftest import RunningApp
from tests.browser.test_live_mode import coffeechat

pytestmark = pytest.mark.browser


def two_unanswered_requests(app: RunningApp) -> None:
    """Written by a separate process, as another tab or `coffeechat import` would."""
    script = "\n".join(
        [
            "from datetime import timedelta",
            "from django.utils import timezone",
            "from coffeechat.accounts.services import personal_owner",
            "from coffeechat.network.models import Contact",
            "from coffeechat.outreach.models import Message",
            "me = personal_owner()",
            "for first in ('Kit', 'Sol'):",
            "    c = Contact.objects.create(owner=me, first_name=first, last_name='Okafor')",
            "    Message.objects.create(owner=me, contact=c, kind='request', status='sent',"
            " sent_at=timezone.now() - timedelta(days=20))",
        ]
    )
    coffeechat(app, "manage", "shell", "-c", script)


def test_done_undo_and_snooze_in_place(page: Any, fresh_app: RunningApp) -> None:
    from playwright.sync_api import expect

    page.goto(fresh_app.sign_in_url)
    page.goto(f"{fresh_app.url}/today/")
    expect(page.get_by_role("heading", name="Your first steps")).to_be_visible()

    two_unanswered_requests(fresh_app)
    page.reload()
    kit = page.locator(".action-row", has_text="Follow up with Kit Okafor")
    sol = page.locator(".action-row", has_text="Follow up with Sol Okafor")
    expect(kit).to_be_visible()
    expect(sol).to_be_visible()

    # One main action in sight; Done, Snooze and Dismiss wait in the row's menu.
    expect(kit.get_by_role("button", name="Done")).to_be_hidden()
    kit.locator("summary", has_text="More actions for Kit Okafor").click()
    kit.get_by_role("button", name="Done").click()
    settled = page.locator(".action-row", has_text="Marked done.")
    expect(settled).to_be_visible()
    settled.get_by_role("button", name="Undo").click()
    expect(page.locator(".action-row", has_text="Follow up with Kit Okafor")).to_be_visible()

    later = date.today() + timedelta(days=3)
    sol.locator("summary", has_text="More actions for Sol Okafor").click()
    until = sol.get_by_label("Snooze until")
    until.fill(later.isoformat())
    until.press("Enter")  # the first button of the row's form is Snooze
    expect(page.get_by_text(f"Snoozed until {later:%a} {later.day} {later:%b}")).to_be_visible()

    page.reload()
    expect(page.locator(".action-row", has_text="Follow up with Kit Okafor")).to_be_visible()
    # A snoozed step comes back on the chosen day.
    expect(sol).to_contain_text(f"Due {later:%a} {later.day} {later:%b}")


def test_a_found_reply_is_noted_from_today_on_a_phone(page: Any, fresh_app: RunningApp) -> None:
    from playwright.sync_api import expect

    script = "\n".join(
        [
            "from datetime import timedelta",
            "from django.utils import timezone",
            "from coffeechat.accounts.services import personal_owner",
            "from coffeechat.network.models import Contact",
            "from coffeechat.outreach import services",
            "from coffeechat.outreach.models import Message",
            "me = personal_owner()",
            "c = Contact.objects.create(owner=me, first_name='Ana', last_name='Ruiz')",
            "m = Message.objects.create(owner=me, contact=c, kind='request', status='sent',"
            " sent_at=timezone.now() - timedelta(days=3))",
            "services.mark_replied(m, timezone.now() - timedelta(minutes=5),"
            " text='Happy to help!\\nThursday at 3 or Friday at 10?\\nBest, Ana')",
        ]
    )
    coffeechat(fresh_app, "manage", "shell", "-c", script)
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(fresh_app.sign_in_url)
    page.goto(f"{fresh_app.url}/today/")
    row = page.locator(".action-row", has_text="Note how Ana Ruiz answered")
    expect(row.locator("blockquote")).to_have_text(
        "Happy to help!Thursday at 3 or Friday at 10?Best, Ana"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 375

    row.get_by_role("link", name="Note their answer").click()
    expect(page.get_by_label("Their reply (optional)")).to_contain_text("Thursday at 3")
    page.get_by_label("Proposed times").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Pick one of their times")).to_be_visible()
    page.goto(f"{fresh_app.url}/today/")
    expect(page.get_by_text("Set a time with Ana Ruiz")).to_be_visible()
    expect(page.get_by_text("Note how Ana Ruiz answered")).to_have_count(0)
