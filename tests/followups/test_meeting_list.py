"""The Meetings page (the phone's Meetings tab): what's ahead soonest first, then what came
before, latest first; only your own; and a way forward when there is none yet."""

from __future__ import annotations

from typing import Any

import time_machine
from django.test import Client

from tests.conftest import signed_in
from tests.followups.conftest import meeting, ny, person

NOW = ny(2026, 12, 3, 12)


def _order(html: str, section: str) -> list[str]:
    """The first names in a section of the page, in the order they appear."""
    part = html.split(f'id="{section}-heading"', 1)[1].split("</section>", 1)[0]
    return sorted((n for n in ("Ana", "Ben", "Cleo", "Dev", "Eve") if n in part), key=part.index)


def test_ahead_soonest_first_then_before_latest_first(alice: Any, bob: Any) -> None:
    meeting(person(alice, "Ben"), ny(2026, 12, 10, 15))
    meeting(person(alice, "Ana"), ny(2026, 12, 4, 9), status="proposed")
    meeting(person(alice, "Cleo"), ny(2026, 12, 3, 10))  # began two hours ago: under way
    meeting(person(alice, "Dev"), ny(2026, 11, 20, 9), status="held")
    meeting(person(alice, "Eve"), ny(2026, 11, 28, 9), status="cancelled")
    meeting(person(bob, "Zed", "Outsider"), ny(2026, 12, 5, 9))
    with time_machine.travel(NOW, tick=False):
        html = signed_in(alice).get("/meetings/").content.decode()
    assert _order(html, "ahead") == ["Cleo", "Ana", "Ben"]
    assert _order(html, "before") == ["Eve", "Dev"]
    assert "Zed" not in html  # Bob's meeting is Bob's
    assert "Thu 10 Dec, 15:00" in html  # on Alice's clock
    assert html.count("Reflect") == 1  # only the held one is ready to reflect on


def test_no_meetings_yet_says_how_to_get_one(client_alice: Client) -> None:
    html = client_alice.get("/meetings/").content.decode()
    assert "No conversations yet" in html
    assert 'href="/contacts/"' in html and "Choose who to meet" in html
    assert 'id="ahead-heading"' not in html


def test_the_meetings_tab_leads_here(client_alice: Client) -> None:
    html = client_alice.get("/today/").content.decode()
    tabs = html.split('aria-label="Tabs"', 1)[1].split("</nav>", 1)[0]
    for label, path in (
        ("Today", "/today/"),
        ("People", "/contacts/"),
        ("Write", "/compose/"),
        ("Meetings", "/meetings/"),
    ):
        assert f'href="{path}"' in tabs and f"<span>{label}</span>" in tabs
    assert 'hx-get="/today/counts"' in tabs  # the late count rides on the Today tab
