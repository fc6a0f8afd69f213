"""Connecting a mailbox, checking it, and undoing what it found, in a real browser at phone
width, against a real Dovecot."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.browser.conftest import RunningApp, chromium_page, serving
from tests.browser.test_live_mode import coffeechat
from tests.outreach.mailbox_helpers import PASSWORD, Mailbox, mail
from tests.servers import Dovecot

pytestmark = pytest.mark.browser


@pytest.fixture
def app_trusting_dovecot(tmp_path: Path, trusted: Dovecot) -> Iterator[RunningApp]:
    """coffeechat serve, started after `trusted`, so it trusts the test certificate too."""
    with serving(tmp_path / "data") as app:
        yield app


def test_connect_check_mail_and_undo(app_trusting_dovecot: RunningApp, trusted: Dovecot) -> None:
    from playwright.sync_api import expect

    app = app_trusting_dovecot
    box = Mailbox(trusted, "alice")
    box.put("Sent", mail(sender="me@uni.example", to="Priya <priya@acme.example>",
                         subject="Twenty minutes of advice?", body="Dear Priya, …",
                         when=datetime(2026, 11, 2, 9, 0, tzinfo=UTC)))  # fmt: skip
    contact = coffeechat(app, "manage", "shell", "-c", "\n".join([
        "from coffeechat.accounts.services import personal_owner",
        "from coffeechat.network.models import Contact",
        "c = Contact.objects.create(owner=personal_owner(), first_name='Priya',"
        " email='priya@acme.example')",
        "print(c.pk)",
    ])).split()[-1]  # fmt: skip

    with chromium_page() as page:
        page.goto(app.sign_in_url)
        page.goto(f"{app.url}/outreach/settings/")
        page.get_by_label("IMAP server").fill("localhost")
        page.get_by_label("Port").last.fill(str(trusted.port))
        page.get_by_label("Encryption").last.select_option("starttls")
        page.get_by_label("User name").last.fill("alice")
        page.get_by_label("App password").fill(PASSWORD)
        page.get_by_role("button", name="Connect mailbox").click()
        expect(page.get_by_role("status")).to_contain_text("Mailbox saved. Connected.")
        expect(page.get_by_label("App password")).to_have_value("")

        page.get_by_role("button", name="Check mail now").click()
        expect(page.get_by_role("status")).to_contain_text("1 sent message and 0 replies found")

        page.goto(f"{app.url}/contacts/{contact}/")
        expect(page.get_by_text("Found in your mailbox")).to_be_visible()
        page.get_by_role("button", name="Undo: I didn't send this").click()
        expect(page.get_by_role("status")).to_contain_text("won't be picked up")
        expect(page.get_by_text("Found in your mailbox")).to_have_count(0)
