"""The Today page end to end: facts in the database, frozen clocks, and the user's choices."""

from __future__ import annotations

from datetime import date
from typing import Any

import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from coffeechat.accounts.services import profile_of
from coffeechat.followups.models import ActionState
from coffeechat.followups.queries import open_action_counts
from coffeechat.network.models import Contact, Organization
from tests.conftest import signed_in
from tests.followups.conftest import meeting, ny, person, sent


def page(user: Any) -> str:
    """The Today page for `user`, signed in at the (frozen) current time."""
    response = signed_in(user).get("/today/")
    assert response.status_code == 200
    return response.content.decode()


def test_a_request_sent_before_thanksgiving_is_followed_up_after_the_holiday(alice: Any) -> None:
    priya = person(alice, "Priya", "Raman")
    sent(priya, "request", ny(2026, 11, 25, 16))  # Wednesday; Thursday is Thanksgiving
    with time_machine.travel(ny(2026, 12, 4, 9), tick=False):  # 7 days without the holiday
        html = page(alice)
        assert "Due Mon 7 Dec" in html and "Due today" not in html
    with time_machine.travel(ny(2026, 12, 7, 9), tick=False):
        html = page(alice)
        assert "Follow up with Priya Raman" in html and "Due today" in html
        assert f"/compose/?contact={priya.pk}&amp;kind=follow-up" in html
        assert open_action_counts(alice) == {"overdue": 0, "today": 1}
    with time_machine.travel(ny(2026, 12, 8, 9), tick=False):
        assert "Overdue" in page(alice)
        assert open_action_counts(alice) == {"overdue": 1, "today": 0}


def test_a_follow_up_skips_the_weekend(alice: Any) -> None:
    kit = person(alice, "Kit")
    sent(kit, "request", ny(2026, 3, 6))  # a Friday
    with time_machine.travel(ny(2026, 3, 13, 9), tick=False):  # calendar week later
        html = page(alice)
        assert "Follow up with Kit" in html and "This week" in html
    with time_machine.travel(ny(2026, 3, 17, 9), tick=False):  # 7th business day: Tuesday
        assert "Due today" in page(alice)


def test_today_is_the_users_local_date(alice: Any) -> None:
    kit = person(alice, "Kit")
    sent(kit, "request", ny(2026, 3, 6))
    # 01:00 UTC on the 18th is still the evening of the 17th in New York.
    with time_machine.travel("2026-03-18 01:00 +00:00", tick=False):
        html = page(alice)
        assert "Tuesday 17 March" in html and "Due today" in html


@time_machine.travel(ny(2026, 3, 20, 9), tick=False)
def test_excluded_contacts_get_no_actions(alice: Any) -> None:
    for first, fields in (
        ("Nadia", {"do_not_contact": True}),
        ("Dora", {"closed_reason": "declined"}),
        ("Cyril", {"closed_reason": "cancelled"}),
    ):
        someone = person(alice, first, shortlisted=True, **fields)
        sent(someone, "request", ny(2026, 3, 2))
    assert "Nothing is waiting on you today" in page(alice)
    assert open_action_counts(alice) == {"overdue": 0, "today": 0}


def _follow_up_key(contact: Contact) -> str:
    return f"follow-up:contact={contact.pk}:n=1"


@time_machine.travel(ny(2026, 3, 17, 9), tick=False)
def test_done_dismiss_and_undo_persist(client_alice: Client, alice: Any) -> None:
    kit, lou = person(alice, "Kit"), person(alice, "Lou")
    sent(kit, "request", ny(2026, 3, 6))
    sent(lou, "request", ny(2026, 3, 6))
    response = client_alice.post(
        "/today/actions/done", {"key": _follow_up_key(kit)}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200 and "Marked done." in response.content.decode()
    assert "Undo" in response.content.decode()
    response = client_alice.post("/today/actions/dismiss", {"key": _follow_up_key(lou)})
    assert response.status_code == 302 and response["Location"] == "/today/"
    assert Client().get("/today/").status_code == 302  # not signed in: no page at all
    html = page(alice)
    assert "Follow up with Kit" not in html and "Follow up with Lou" not in html
    assert ActionState.objects.get(key=_follow_up_key(kit)).state == "done"
    response = client_alice.post(
        "/today/actions/undo", {"key": _follow_up_key(kit)}, headers={"HX-Request": "true"}
    )
    assert "Follow up with Kit" in response.content.decode()
    assert "Follow up with Kit" in page(alice)
    assert client_alice.post("/today/actions/undo", {"key": "nope"}).status_code == 404


def test_a_snoozed_action_comes_back_on_its_day(client_alice: Client, alice: Any) -> None:
    kit = person(alice, "Kit")
    sent(kit, "request", ny(2026, 3, 6))
    with time_machine.travel(ny(2026, 3, 17, 9), tick=False):
        response = client_alice.post(
            "/today/actions/snooze",
            {"key": _follow_up_key(kit), "until": "2026-03-17"},
            headers={"HX-Request": "true"},
        )
        assert "Pick a day after today" in response.content.decode()
        response = client_alice.post(
            "/today/actions/snooze", {"key": _follow_up_key(kit), "until": "2026-03-19"}
        )
        assert response.status_code == 302
        html = page(alice)
        assert "Follow up with Kit" in html and "Due today" not in html  # now later this week
    with time_machine.travel(ny(2026, 3, 19, 9), tick=False):
        assert "Due today" in page(alice)
    state = ActionState.objects.get(key=_follow_up_key(kit))
    assert (state.state, state.until) == ("snoozed", date(2026, 3, 19))


@time_machine.travel(ny(2026, 3, 17, 9), tick=False)
def test_completing_the_thing_completes_the_action(alice: Any) -> None:
    kit = person(alice, "Kit")
    sent(kit, "request", ny(2026, 3, 6))
    assert "Follow up with Kit" in page(alice)
    sent(kit, "follow-up", ny(2026, 3, 17, 8))
    assert "Follow up with Kit" not in page(alice)


@time_machine.travel(ny(2026, 3, 17, 9), tick=False)
def test_each_action_links_to_where_it_gets_done(alice: Any) -> None:
    profile = profile_of(alice)
    profile.fields_of_interest = ["Data journalism"]
    profile.save()
    replied = person(alice, "Rey")
    sent(replied, "request", ny(2026, 3, 2), replied_at=ny(2026, 3, 3))
    upcoming = meeting(person(alice, "Una"), ny(2026, 3, 18, 15))
    html = page(alice)
    assert f"/meetings/new?contact={replied.pk}" in html
    assert f"/meetings/{upcoming.pk}/" in html  # prepare, and the meetings list
    assert "/contacts/?field=Data+journalism" in html
    assert "Coming up" in html and "Wed 18 Mar, 15:00" in html


@time_machine.travel(ny(2026, 3, 17, 9), tick=False)
def test_other_peoples_keys_are_not_found(
    client_outsider: Client, alice: Any, outsider: Any
) -> None:
    kit = person(alice, "Kit")
    sent(kit, "request", ny(2026, 3, 6))
    for verb in ("done", "dismiss", "snooze"):
        response = client_outsider.post(
            f"/today/actions/{verb}", {"key": _follow_up_key(kit), "until": "2026-04-01"}
        )
        assert response.status_code == 404, verb
    assert client_outsider.post("/today/actions/explode", {"key": "x"}).status_code == 404
    signed_in(alice).post("/today/actions/done", {"key": _follow_up_key(kit)})
    undo = client_outsider.post("/today/actions/undo", {"key": _follow_up_key(kit)})
    assert undo.status_code == 404 and ActionState.objects.count() == 1
    ActionState.objects.all().delete()
    assert not ActionState.objects.exists()
    assert "Kit" not in page(outsider)


def test_the_today_page_costs_the_same_at_any_size(alice: Any, acme: Organization) -> None:
    def add(count: int) -> None:
        for n in range(count):
            someone = person(alice, f"P{len(Contact.objects.all())}", organization=acme)
            sent(someone, "request", ny(2026, 3, 2 + n % 3))
            meeting(someone, ny(2026, 3, 18 + n % 5, 10))

    with time_machine.travel(ny(2026, 3, 17, 9), tick=False):
        add(3)
        page(alice)  # settles what there is to settle
        with CaptureQueriesContext(connection) as small:
            page(alice)
        add(30)
        page(alice)
        with CaptureQueriesContext(connection) as large:
            page(alice)
    assert len(large.captured_queries) == len(small.captured_queries)


def test_a_flood_of_steps_is_drawn_fifty_at_a_time_with_a_way_to_see_all(alice: Any) -> None:
    from coffeechat.followups.queries import GROUP_LIMIT

    contacts = [person(alice, f"Shortlisted{i:03d}") for i in range(GROUP_LIMIT + 7)]
    Contact.objects.filter(pk__in=[c.pk for c in contacts]).update(shortlisted=True)
    with time_machine.travel(ny(2026, 12, 7, 9), tick=False):
        html = page(alice)
        assert html.count("Ask Shortlisted") == GROUP_LIMIT
        assert "7 more steps due this week" in html and "?all=1" in html
        client = Client()
        client.force_login(alice)
        every = client.get("/today/?all=1").content.decode()
        assert every.count("Ask Shortlisted") == GROUP_LIMIT + 7


def test_a_referrer_not_yet_asked_is_offered_a_note_to_forward_and_one_who_said_no_is_not_named(
    alice: Any,
) -> None:
    ana = person(alice, "Ana", "Ruiz")
    talk = meeting(ana, ny(2026, 3, 2, 15), status="held")
    kim = person(alice, "Kim", "Lee", referred_by=ana, referred_in=talk, how_found="referral")
    person(alice, "Raj", "Patel", referred_by=ana, referred_in=talk, how_found="referral",
           referrer_consent="no")  # fmt: skip
    with time_machine.travel(ny(2026, 3, 9, 9), tick=False):
        html = page(alice)
        assert "Offer Ana Ruiz a short note to forward to Kim Lee" in html
        assert f"/compose/?contact={ana.pk}&amp;kind=introduction-blurb&amp;about={kim.pk}" in html
        assert "Reach out to Raj Patel" in html
        assert "Reach out to Raj Patel, suggested by" not in html
        assert "Offer Ana Ruiz a short note to forward to Raj Patel" not in html
        composer = signed_in(alice).get(
            f"/compose/?contact={ana.pk}&kind=introduction-blurb&about={kim.pk}"
        )
        body = composer.context["form"].initial["body"]
        assert body.startswith("Hi Ana,") and "Kim Lee" in body
    sent(ana, "introduction-blurb", ny(2026, 3, 9, 10))
    with time_machine.travel(ny(2026, 3, 9, 11), tick=False):
        assert "a short note to forward to Kim Lee" not in page(alice)


@time_machine.travel(ny(2026, 3, 17, 9), tick=False)
def test_a_row_escapes_its_text_and_carries_its_menu(client_alice: Client, alice: Any) -> None:
    """Each step's row (drawn by `{% today_row %}`): the name escaped, where they work,
    its badge, a menu naming the person for screen readers, and a form that posts the step's
    key with the CSRF token; a snooze date that doesn't fit opens the menu with the error."""
    kit = person(
        alice, "<b>Kit</b>", "Ng", organization=Organization.objects.create(owner=alice, name="A&B")
    )
    sent(kit, "request", ny(2026, 3, 6))
    key = _follow_up_key(kit)
    html = page(alice)
    assert "<b>Kit" not in html and "Follow up with &lt;b&gt;Kit&lt;/b&gt; Ng" in html
    assert '<span class="row-sub">A&amp;B</span>' in html
    assert '<p class="row-when"><span class="badge due-today">Due today</span></p>' in html
    assert "More actions for &lt;b&gt;Kit&lt;/b&gt; Ng</span>" in html
    assert f'<input type="hidden" name="key" value="{key}">' in html
    assert 'name="until" value="2026-03-18" min="2026-03-18"' in html
    assert html.count('name="csrfmiddlewaretoken"') >= 2 and '<details class="row-menu">' in html
    response = client_alice.post(
        "/today/actions/snooze", {"key": key, "until": "2026-03-17"}, headers={"HX-Request": "true"}
    )
    row = response.content.decode()
    assert '<details class="row-menu" open>' in row
    assert '<p class="error" role="alert">Pick a day after today' in row
