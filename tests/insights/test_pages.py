"""The Insights page and the journal: figures shown, isolation, empty state, query counts."""

from __future__ import annotations

import re
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
    assert page.count('<svg class="chart') == 2  # the funnel and the weeks
    assert page.count('role="img"') == 2 and page.count("<title id=") == 2
    headings = ("Who answers", "Who led you to whom", "Perspectives per field", "What people said")
    for heading in (*headings, "Week by week", "Your target list"):
        assert heading in page
    assert (
        "Funnel: Identified 10, Asked for a conversation 6, Replied 4, Conversation booked 3,"
        " Met 3, Thanked 2" in page
    )
    assert "67 %</td>" in page and "75 % of those who replied" in page
    assert "1.5 days" in page and "1.7 days" in page and "5 days after the reply" in page
    assert "learn sql" in page and "Zoe Lindqvist" in page
    assert "not contacted yet" in page and "1 person is marked" in page
    assert "a few more voices would round it out" in page
    assert "Booster found" in page and "2 people: 1 booster, 1 obligate" in page


def test_a_contents_bar_links_to_every_section_and_each_section_folds(
    client_alice: Any, search: SimpleNamespace
) -> None:
    page = client_alice.get("/insights/").content.decode()
    sections = re.findall(r'<details class="insight" id="([a-z]+)"[^>]* open>', page)
    assert sections == ["funnel", "activity", "response", "tree", "targets", "fields", "said"]
    contents = page[
        page.index('<nav class="contents"') : page.index("</nav>", page.index("contents"))
    ]
    assert re.findall(r'href="#([a-z]+)"', contents) == sections
    assert 'src="/static/coffeechat/insights.js"' in page


def test_the_referral_tree_nests_whole_names_in_folding_branches(
    client_alice: Any, alice: Any, search: SimpleNamespace
) -> None:
    Contact.objects.filter(owner=alice, first_name="Omar").update(
        last_name="Haddad-Featherstonehaugh al-Rashidi"
    )
    client_alice.get("/insights/")  # drawn once, then again after the change
    page = client_alice.get("/insights/").content.decode()
    tree = page[page.index('class="referrals"') : page.index("</ul>\n  \n")]
    assert ">Omar Haddad-Featherstonehaugh al-Rashidi</a>" in tree
    priya = tree.index(">Priya Raman</a>")
    lena, omar = tree.index(">Lena Vogel</a>"), tree.index(">Omar Haddad")
    assert priya < lena < omar and tree.count("<details open>") == 3  # Priya, Lena, Ken
    assert "Priya Raman </span>led you to 2" in tree  # Lena, and Omar through her
    assert "where it started" in tree[tree.index("Ken Sato") :]


def test_the_weekly_chart_draws_each_week_to_scale_with_dates_and_a_table(
    client_alice: Any, search: SimpleNamespace
) -> None:
    page = client_alice.get("/insights/").content.decode()
    chart = page[
        page.index('<svg class="chart activity"') : page.index("</svg>", page.index("activity-t"))
    ]
    assert (
        "<title>Week of 10 Mar 2025: messages sent 3, replies 1, conversations held 2</title>"
        in chart
    )
    assert (
        "<title>Week of 3 Mar 2025: messages sent 4, replies 2, conversations held 0</title>"
        in chart
    )
    ticks = re.findall(r'text-anchor="end">(\d+)</text>', chart)
    assert ticks == ["0", "2", "4", "6"]  # the busiest weeks had 6 things in them
    assert ">17 Mar</text>" in chart and "Week starting" in chart and "Per week" in chart
    heights = {
        float(h): series
        for series, h in re.findall(r'class="series-(\d)"[^>]*height="([\d.]+)"', chart)
    }
    sent_this_week = float(re.findall(r'class="series-0"[^>]*height="([\d.]+)"', chart)[-1])
    sent_before = float(re.findall(r'class="series-0"[^>]*height="([\d.]+)"', chart)[-2])
    assert sent_before == pytest.approx(sent_this_week * 3 / 2, abs=0.05)  # 3 sent, then 2
    assert len(set(heights)) > 1
    assert "messages sent 9, replies 4, conversations held 3" in chart  # the <desc>
    table = page[page.index("The weeks in figures") :]
    assert (
        '<time datetime="2025-03-10">10 Mar 2025</time></th>'
        "<td>3</td><td>1</td><td>2</td><td>1</td><td>2</td>" in table
    )


def test_a_new_user_is_encouraged_not_shown_empty_charts(client_outsider: Any) -> None:
    page = client_outsider.get("/insights/").content.decode()
    assert "fills in as your search grows" in page
    assert '<svg class="chart' not in page


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
    assert "No messages, replies or conversations in the last six months" in page
    assert page.count('<svg class="chart') == 1  # the funnel still shows


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
    assert len(re.findall(r">Ref\d{3}</a>", page)) == PAGE_TREE_PEOPLE - 1  # under Root
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
