"""The navigation: every room one click away, and a badge for what's late or due today."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import time_machine
from django.utils.html import strip_tags

from coffeechat.network.models import Contact
from coffeechat.outreach.models import Message

NEW_YORK = ZoneInfo("America/New_York")


def test_every_room_is_in_the_navigation(client_alice: Any) -> None:
    page = client_alice.get("/contacts/").content.decode()
    for path in (
        "/today/",
        "/contacts/",
        "/organizations/",
        "/messages/",
        "/questions/",
        "/insights/",
        "/import/",
        "/profile/",
        "/account/",
    ):
        assert f'href="{path}"' in page, path
    assert 'hx-get="/today/counts"' in page
    assert 'href="/advisers/"' not in page
    assert 'href="/staff/"' not in page


def test_advisers_and_staff_find_their_pages(db: Any) -> None:
    from coffeechat.accounts.services import create_user
    from tests.conftest import signed_in

    staff = create_user("sam", password="a long staff passphrase")
    staff.is_staff = True
    staff.save()
    assert 'href="/staff/"' in signed_in(staff).get("/profile/").content.decode()


def test_the_home_page_is_today_once_the_profile_has_a_name(client_alice: Any, bob: Any) -> None:
    from tests.conftest import signed_in

    assert client_alice.get("/")["Location"] == "/today/"
    assert signed_in(bob).get("/")["Location"] == "/welcome/"  # the first run leads


def test_the_badge_counts_late_and_due_actions(client_alice: Any, alice: Any) -> None:
    late = Contact.objects.create(owner=alice, first_name="Late")
    Message.objects.create(
        owner=alice,
        contact=late,
        kind="request",
        status="sent",
        sent_at=datetime(2026, 11, 2, 10, tzinfo=NEW_YORK),
    )
    with time_machine.travel(datetime(2026, 11, 20, 9, tzinfo=NEW_YORK), tick=False):
        badge = strip_tags(client_alice.get("/today/counts").content.decode())
    assert "1 late" in badge and "today" not in badge
    with time_machine.travel(datetime(2026, 11, 3, 9, tzinfo=NEW_YORK), tick=False):
        assert client_alice.get("/today/counts").content.decode().strip() == ""
