"""Replies with an outcome, a corrected sent time and a meeting ended before its date, clicked
through in a real browser at phone width."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.browser.conftest import RunningApp
from tests.browser.test_live_mode import coffeechat

pytestmark = pytest.mark.browser


def a_sent_request_and_a_meeting_next_week(app: RunningApp) -> tuple[int, int, int]:
    script = "\n".join(
        [
            "from datetime import timedelta",
            "from django.utils import timezone",
            "from coffeechat.accounts.services import personal_owner",
            "from coffeechat.interviews.models import Meeting",
            "from coffeechat.network.models import Contact",
            "from coffeechat.outreach.models import Message",
            "me = personal_owner()",
            "c = Contact.objects.create(owner=me, first_name='Priya', last_name='Raman')",
            "m = Message.objects.create(owner=me, contact=c, kind='request', status='sent',"
            " subject='Advice?', sent_at=timezone.now() - timedelta(days=3))",
            "t = Meeting.objects.create(owner=me, contact=c,"
            " starts_at=timezone.now() + timedelta(days=6), minutes=20)",
            "print(c.pk, m.pk, t.pk)",
        ]
    )
    contact, message, meeting = coffeechat(app, "manage", "shell", "-c", script).split()[-3:]
    return int(contact), int(message), int(meeting)


def signed_in(page: Any, app: RunningApp) -> tuple[int, int, int]:
    """The seeded ids (contact, message, meeting), with the browser signed in."""
    ids = a_sent_request_and_a_meeting_next_week(app)
    page.goto(app.sign_in_url)
    return ids


def no_wider_than_the_screen(page: Any) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_reply_that_refers_you_onward_adds_the_person(page: Any, fresh_app: RunningApp) -> None:
    from playwright.sync_api import expect

    contact, message, _ = signed_in(page, fresh_app)
    page.goto(f"{fresh_app.url}/messages/{message}/")
    page.get_by_role("link", name="Reply received").click()
    expect(page.get_by_role("heading", name="Reply received")).to_be_visible()
    no_wider_than_the_screen(page)
    page.get_by_label("Referred me to someone else").check()
    page.get_by_label("Their reply (optional)").fill("Not me, but ask Noor Haddad.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Who did Priya suggest?")).to_be_visible()
    no_wider_than_the_screen(page)
    page.get_by_label("Name").fill("Noor Haddad")
    page.get_by_role("button", name="Add them").click()
    expect(page.get_by_role("heading", name="Noor Haddad")).to_be_visible()
    expect(page.get_by_text("Suggested by Priya Raman in their reply")).to_be_visible()

    page.goto(f"{fresh_app.url}/contacts/{contact}/")
    expect(page.get_by_text("Reply received: referred me to someone else")).to_be_visible()
    expect(page.get_by_text("Not me, but ask Noor Haddad.")).to_be_visible()
    expect(page.get_by_role("link", name="Noor Haddad").first).to_be_visible()
    no_wider_than_the_screen(page)


def test_a_no_closes_kindly_and_the_sent_time_can_be_corrected(
    page: Any, fresh_app: RunningApp
) -> None:
    from playwright.sync_api import expect

    contact, message, _ = signed_in(page, fresh_app)
    page.goto(f"{fresh_app.url}/messages/{message}/")
    page.get_by_role("link", name="Change sent time").click()
    expect(page.get_by_role("heading", name="Change the sent time")).to_be_visible()
    page.get_by_label("When").fill("2026-01-05T09:15:30")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Sent time corrected.")).to_be_visible()
    # The year shows only when it isn't this one.
    expect(page.get_by_text(re.compile(r"Sent 5 Jan( 2026)?, 09:15"))).to_be_visible()

    page.get_by_role("link", name="Reply received").click()
    page.get_by_label("Declined").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("They said no this time — that's normal.")).to_be_visible()
    page.goto(f"{fresh_app.url}/contacts/{contact}/")
    expect(page.get_by_text("thank them and keep the door open")).to_be_visible()
    page.goto(f"{fresh_app.url}/today/")
    expect(page.get_by_text("Thank Priya Raman and keep the door open")).to_be_visible()
    expect(page.get_by_text("Follow up with Priya Raman")).to_have_count(0)


def test_ending_a_meeting_set_for_next_week_asks_first(page: Any, fresh_app: RunningApp) -> None:
    from playwright.sync_api import expect

    _, _, meeting = signed_in(page, fresh_app)
    page.goto(f"{fresh_app.url}/meetings/{meeting}/")
    page.get_by_role("button", name="Mark held").click()
    expect(page.get_by_role("heading", name="did it happen earlier?")).to_be_visible()
    no_wider_than_the_screen(page)
    page.get_by_role("link", name="Cancel, it hasn't happened yet").click()
    expect(page.locator(".stage")).to_have_text("Scheduled")

    page.get_by_role("button", name="Mark held").click()
    page.get_by_label("Start time").fill("00:00")  # today, just after midnight: in the past
    page.get_by_role("button", name="Record the real time").click()
    expect(page.get_by_text("Marked as held.")).to_be_visible()
    expect(page.get_by_role("link", name="Write the thank-you")).to_be_visible()
