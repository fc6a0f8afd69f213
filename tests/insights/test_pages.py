"""The Insights page and the journal: figures shown, isolation, empty state, query counts."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coffeechat.interviews.models import AgendaItem, Meeting
from coffeechat.network.models import Contact
from coffeechat.outreach.models import Message

pytestmark = pytest.mark.usefixtures("frozen")


def test_the_page_shows_every_chart_with_its_table(
    client_alice: Any, search: SimpleNamespace
) -> None:
    response = client_alice.get("/insights/")
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count('<svg class="chart') == 3  # funnel, referral tree, weekly activity
    assert page.count('role="img"') == 3 and page.count("<title id=") == 3
    headings = ("Who answers", "Who led you to whom", "Perspectives per field", "What people said")
    for heading in (*headings, "Activity over the last 26 weeks", "Your target list"):
        assert heading in page
    assert "Funnel: Identified 10, Asked for a conversation 6, Replied 4, Met 3, Thanked 2" in page
    assert "67 %" in page and "1.5 days" in page and "1.7 days" in page
    assert "learn sql" in page and "Zoe Lindqvist" in page
    assert 'class="node waiting"' in page
    assert "a few more voices would round it out" in page
    assert "Booster found" in page


def test_a_new_user_is_encouraged_not_shown_empty_charts(client_outsider: Any) -> None:
    page = client_outsider.get("/insights/").content.decode()
    assert "fills in as your search grows" in page
    assert "<svg" not in page


def test_the_outsider_sees_nothing_of_alices(client_outsider: Any, search: SimpleNamespace) -> None:
    for url in ("/insights/", "/insights/journal/", "/insights/journal.md"):
        body = client_outsider.get(url).content.decode()
        for name in ("Priya", "Ken", "Acme", "SQL", "portfolio"):
            assert name not in body, (url, name)


def test_signed_out_visitors_are_sent_to_sign_in(client: Any, search: SimpleNamespace) -> None:
    for url in ("/insights/", "/insights/journal/", "/insights/journal.md"):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"], url


def test_the_journal_page_shows_each_conversation(
    client_alice: Any, search: SimpleNamespace
) -> None:
    page = client_alice.get("/insights/journal/").content.decode()
    assert page.count('class="journal-entry"') == 3
    headings = [page.index(f'">{name} <span') for name in ("Priya Raman", "Ken Sato", "Lena Vogel")]
    assert headings == sorted(headings)  # oldest first
    assert "10 March 2025" in page and "Data analyst" in page and "Acme Analytics" in page
    assert "referred by Priya Raman" in page
    assert "Learn SQL early and often." in page and "Say yes to messy data." in page
    assert "What are the two or three most useful things you found out?" in page
    assert "Data Science Association" in page and "Thank you for Tuesday" in page
    assert 'href="/insights/journal.md"' in page


def test_the_journal_downloads_as_markdown(client_alice: Any, search: SimpleNamespace) -> None:
    response = client_alice.get("/insights/journal.md")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/markdown")
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode()
    assert text.startswith("# Conversation journal: Alice Moreau\n")
    assert "## Priya Raman, 10 March 2025" in text
    assert "- **How you found them:** Referral (referred by Priya Raman)" in text
    assert "### People they suggested\n\n- Lena Vogel" in text
    assert "- 11 March 2025: Thank-you (Thank you for Tuesday)" in text
    assert "- 18 March 2025: Close the loop" in text


def _contacts(owner: Any, n: int) -> None:
    Contact.objects.bulk_create(
        Contact(owner=owner, first_name=f"P{n}-{i}", field=f"f{i % 7}", how_found="alumni")
        for i in range(n)
    )
    people = list(Contact.objects.filter(owner=owner, first_name__startswith=f"P{n}-"))
    Message.objects.bulk_create(
        Message(owner=owner, contact=c, kind="request", status="sent", sent_at=search_time())
        for c in people[::2]
    )
    meetings = Meeting.objects.bulk_create(
        Meeting(owner=owner, contact=c, starts_at=search_time(), status="held", advice="Go on")
        for c in people[::5]
    )
    AgendaItem.objects.bulk_create(
        AgendaItem(owner=owner, meeting=m, category="skills", text="Skills?", notes="SQL again")
        for m in meetings
    )


def search_time() -> Any:
    from tests.insights.conftest import NOW

    return NOW


@pytest.mark.parametrize("url", ["/insights/", "/insights/journal/", "/insights/journal.md"])
def test_the_query_count_does_not_grow_with_contacts(
    client_alice: Any, alice: Any, search: SimpleNamespace, url: str
) -> None:
    _contacts(alice, 10)
    with CaptureQueriesContext(connection) as small:
        assert client_alice.get(url).status_code == 200
    _contacts(alice, 190)
    with CaptureQueriesContext(connection) as large:
        assert client_alice.get(url).status_code == 200
    assert len(large) == len(small)


def test_a_quiet_half_year_is_said_in_words(
    client_alice: Any, alice: Any, search: SimpleNamespace
) -> None:
    with time_machine.travel(datetime(2026, 1, 15, 12, tzinfo=UTC), tick=False):
        client_alice.force_login(alice)  # the test session would have expired by then
        page = client_alice.get("/insights/").content.decode()
    assert "No requests, conversations or thank-yous in the last six months" in page
    assert page.count('<svg class="chart') == 2  # the funnel and the tree still show


def test_the_page_draws_a_bounded_part_of_a_long_tree_and_the_latest_notes(client_alice, alice):
    from datetime import timedelta

    from django.utils import timezone

    from coffeechat.insights.perspectives import NOTES_SHOWN
    from coffeechat.insights.report import PAGE_TREE_PEOPLE
    from coffeechat.interviews.models import AgendaItem, Meeting
    from coffeechat.network.models import Contact

    root = Contact.objects.create(owner=alice, first_name="Root")
    Contact.objects.bulk_create(
        Contact(owner=alice, first_name=f"Ref{i:03d}", referred_by=root, how_found="referral")
        for i in range(PAGE_TREE_PEOPLE + 20)
    )
    meeting = Meeting.objects.create(
        owner=alice, contact=root, status="held", starts_at=timezone.now() - timedelta(days=3)
    )
    AgendaItem.objects.bulk_create(
        AgendaItem(
            owner=alice,
            meeting=meeting,
            category="skills",
            text="Skills?",
            order=i,
            notes=f"note number {i}",
        )
        for i in range(NOTES_SHOWN + 5)
    )
    page = client_alice.get("/insights/").content.decode()
    assert f"the first {PAGE_TREE_PEOPLE} of the {PAGE_TREE_PEOPLE + 21} people" in page
    assert page.count("<circle") == PAGE_TREE_PEOPLE
    assert "5 earlier ones are in" in page
    assert f"note number {NOTES_SHOWN + 4}" in page and "note number 0<" not in page
    figures = client_alice.get("/api/v1/insights").json()  # the API keeps every chain
    assert len(figures["referral_tree"]) == PAGE_TREE_PEOPLE + 21


def test_the_page_is_worked_out_again_only_after_a_change(
    client_alice: Any, alice: Any, search: SimpleNamespace
) -> None:
    client_alice.get("/insights/")
    with CaptureQueriesContext(connection) as unchanged:
        first = client_alice.get("/insights/").content.decode()
    _contacts(alice, 3)
    with CaptureQueriesContext(connection) as changed:
        second = client_alice.get("/insights/").content.decode()
    assert len(unchanged) < len(changed) - 5  # nothing but the session, user and stamp
    assert first != second  # three more people in the funnel
