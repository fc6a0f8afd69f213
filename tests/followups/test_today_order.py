"""Today in order of urgency, end to end: meetings today pinned first, then due today, then
late steps grouped by kind with batch buttons, goals as a panel, and the first run's steps."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import time_machine
from django.test import Client
from django.utils.html import escape

from coffeechat.accounts.services import create_user, profile_of
from coffeechat.domain.followups.first_steps import Progress, first_steps
from coffeechat.followups.models import ActionState
from coffeechat.followups.queries import open_action_counts
from coffeechat.network.models import Contact, Organization
from tests.conftest import signed_in
from tests.followups.conftest import meeting, ny, person, sent


def page(user: Any, path: str = "/today/") -> str:
    response = signed_in(user).get(path)
    assert response.status_code == 200
    return response.content.decode()


def thanked(owner: Any, first: str, held_on: date) -> Contact:
    someone = person(owner, first)
    meeting(someone, ny(held_on.year, held_on.month, held_on.day, 10), status="held",
            reflection={"learned": "a lot"})  # fmt: skip
    sent(someone, "thank-you", ny(held_on.year, held_on.month, held_on.day, 18))
    return someone


@time_machine.travel(ny(2026, 12, 2, 9), tick=False)
def test_a_meeting_today_comes_first_with_prep_and_live_links_in_the_users_time(
    alice: Any,
) -> None:
    for n in range(3):
        thanked(alice, f"Old{n}", date(2025, 6, 2 + n))
    una = person(alice, "Una", "Obi")
    talk = meeting(una, ny(2026, 12, 2, 15, 30))
    tomorrow = meeting(person(alice, "Ty"), ny(2026, 12, 3, 11))
    html = page(alice)
    pinned = html.index("Your conversations today")
    assert pinned < html.index("Overdue")
    assert "15:30" in html  # New York time, not UTC's 20:30
    assert f"/meetings/{talk.pk}/prep/" in html and f"/meetings/{talk.pk}/live/" in html
    # Tomorrow's meeting is in Coming up, not pinned.
    pinned_section = html[pinned : html.index("</section>", pinned)]
    assert "Una Obi" in pinned_section and "Ty Example" not in pinned_section
    assert html.index(f'href="/meetings/{tomorrow.pk}/"') > html.index("Coming up")
    # An old date carries its year; this year's doesn't.
    assert "Was due Tue 2 Sep 2025" in html
    assert "Thu 3 Dec, 11:00" in html


@time_machine.travel(ny(2026, 12, 2, 9), tick=False)
def test_late_keep_in_touch_reminders_are_one_group_settled_together(
    client_alice: Client, alice: Any
) -> None:
    people = [thanked(alice, f"Mentor{n}", date(2026, 6, 1 + n)) for n in range(12)]
    late_thanks = person(alice, "Tam")
    meeting(late_thanks, ny(2026, 11, 30, 10), status="held", reflection={"x": "y"})
    html = page(alice)
    assert html.count('class="late-group"') == 2
    assert html.index("Thank-yous to send") < html.index("Updates to keep in touch")
    assert "Mark all 12 done" in html and "Snooze all a week" in html
    assert html.count("an update") == 10  # ten drawn, the rest a click away
    assert "2 more like these" in html
    response = client_alice.post(
        "/today/groups/done", {"kind": "keep-in-touch"}, headers={"HX-Request": "true"}
    )
    assert "Marked 12 done." in response.content.decode()
    assert ActionState.objects.owned_by(alice).filter(state="done").count() == 12
    html = page(alice)
    assert "an update" not in html and "Thank Tam" in html
    since = re.search(r'name="since" value="([^"]+)"', response.content.decode())
    assert since is not None
    undo = client_alice.post("/today/groups/undo", {"kind": "keep-in-touch", "since": since[1]})
    assert undo.status_code == 302
    assert page(alice).count("an update") == 10
    client_alice.post("/today/groups/snooze", {"kind": "keep-in-touch"})
    states = ActionState.objects.owned_by(alice).filter(key__startswith="keep-in-touch:")
    assert {(s.state, s.until) for s in states} == {("snoozed", date(2026, 12, 9))}
    assert len(states) == len(people)


@time_machine.travel(ny(2026, 12, 2, 9), tick=False)
def test_group_buttons_refuse_what_isnt_late_and_other_peoples_steps(
    client_alice: Client, client_outsider: Client, alice: Any
) -> None:
    thanked(alice, "Mentor", date(2026, 6, 1))
    assert client_alice.post("/today/groups/explode", {"kind": "keep-in-touch"}).status_code == 404
    assert client_alice.post("/today/groups/done", {"kind": "follow-up"}).status_code == 404
    assert client_outsider.post("/today/groups/done", {"kind": "keep-in-touch"}).status_code == 404
    bad_undo = {"kind": "keep-in-touch", "since": "yesterday"}
    assert client_alice.post("/today/groups/undo", bad_undo).status_code == 404
    assert not ActionState.objects.exists()


def test_a_new_account_sees_its_first_steps_not_nags(db: Any) -> None:
    newcomer = create_user("newcomer")
    profile = profile_of(newcomer)
    profile.fields_of_interest = ["urban planning", "transit"]
    profile.save()
    html = page(newcomer)
    assert "Your first steps" in html and "Tell us about you" in html
    assert "Talk to more people" not in html and "Your goals" not in html
    assert "Nothing is waiting" not in html
    assert open_action_counts(newcomer) == {"overdue": 0, "today": 0}
    # One thing to read at a time: only the next step explains itself; the others are a line.
    steps = first_steps(Progress(False, False, False, False))
    assert steps[0].is_next and escape(steps[0].why) in html
    assert all(escape(later.why) not in html for later in steps[1:])
    assert "Bring in your contacts" in html  # but each still links to where it is done


@time_machine.travel(ny(2026, 12, 2, 9), tick=False)
def test_field_coverage_is_a_goal_panel_with_progress_once_the_first_steps_are_done(
    alice: Any,
) -> None:
    profile = profile_of(alice)
    profile.fields_of_interest = ["Transit"]
    profile.save()
    planner = person(alice, "Pia", field="Transit")
    sent(planner, "request", ny(2026, 11, 2))
    meeting(planner, ny(2026, 11, 10), status="held")
    html = page(alice)
    assert "Your first steps" not in html
    assert "Your goals" in html and "hear from 3 people in each field" in html
    assert '<progress value="1" max="3"' in html and "1 of 3 so far" in html
    assert "/contacts/?field=Transit" in html
    assert "Talk to more people in Transit" not in html  # no daily card
    assert open_action_counts(alice)["today"] == 0


@time_machine.travel(ny(2026, 3, 11, 9), tick=False)
def test_try_a_second_person_links_to_the_others_there_or_to_adding_one(
    alice: Any, acme: Organization
) -> None:
    quiet = person(alice, "Quinn", organization=acme)
    sent(quiet, "request", ny(2026, 3, 6))
    html = page(alice)
    assert "Find a second person at" in html
    assert f"/contacts/new?organization={acme.pk}" in html
    assert f"/compose/?contact={quiet.pk}&amp;kind=request" not in html
    form = signed_in(alice).get(f"/contacts/new?organization={acme.pk}")
    assert form.context["form"].initial["organization_name"] == acme.name
    person(alice, "Rae", organization=acme)
    html = page(alice)
    assert "Try a second person at" in html and "You know 1 other person" in html
    assert f"/contacts/?organization={acme.pk}" in html


@time_machine.travel(ny(2026, 12, 2, 9), tick=False)
def test_a_goal_alone_sends_no_digest_and_late_dates_carry_their_year(alice: Any) -> None:
    from coffeechat.followups.digest import compose
    from coffeechat.followups.queries import plan

    profile = profile_of(alice)
    profile.fields_of_interest = ["Transit"]
    profile.save()
    assert compose(plan(alice)) is None
    thanked(alice, "Old", date(2025, 6, 2))
    message = compose(plan(alice))
    assert message is not None
    assert "due Tue 2 Sep 2025" in message[1] and "Talk to more people" not in message[1]
