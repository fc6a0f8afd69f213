"""Today's plan and the Insights figures are kept under their own stamps: a write of only fields
they never read (live mode's notes, saved every few seconds) keeps them, and whatever else
changes shows at once. The equivalence test below changes generated data at random and checks,
after every change, that what is kept equals what a fresh computation gives."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import fields
from datetime import date
from types import SimpleNamespace
from typing import Any
from unittest import mock

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from coffeechat.common import stamps
from coffeechat.common.stamps import INSIGHTS, PLAN, version_of
from coffeechat.demo.generate import Scale, fill_account
from coffeechat.domain import vocab
from coffeechat.domain.followups import BusinessCalendar, outcome
from coffeechat.domain.followups.ordering import arrange
from coffeechat.followups import queries, services
from coffeechat.followups.models import ActionState
from coffeechat.followups.snapshot import gather, gather_facts, refresh_facts
from coffeechat.insights.views import overview
from coffeechat.interviews import services as interviews
from coffeechat.interviews.models import AgendaItem, Meeting
from coffeechat.network.models import Contact, Organization
from coffeechat.outreach.models import Message
from tests.followups.conftest import meeting, ny, person

NOON = "2026-03-16 12:00 -04:00"  # a Monday


@pytest.fixture(autouse=True)
def empty_caches() -> None:
    queries.PLANS.clear()
    overview.DRAWN.clear()


def _moved(user: Any, write: Callable[[], object]) -> set[str]:
    """Which stamps a write moved: "all" for the whole data's, and each topic's."""
    topics: dict[str, str | None] = {"all": None, PLAN: PLAN, INSIGHTS: INSIGHTS}
    before = {name: version_of(user, topic) for name, topic in topics.items()}
    write()
    return {name for name, topic in topics.items() if version_of(user, topic) != before[name]}


@time_machine.travel(NOON, tick=False)
def test_live_mode_notes_leave_the_plan_and_the_figures_alone(alice: Any) -> None:
    talk = meeting(person(alice, "Kit"), ny(2026, 3, 16, 10))
    item = AgendaItem.objects.create(owner=alice, meeting=talk, text="How?", category="path")
    every = {"all", PLAN, INSIGHTS}
    meetings = Meeting.objects.owned_by(alice).filter(pk=talk.pk)
    assert _moved(alice, lambda: interviews.update_meeting(talk, {"notes": "n"})) == {"all"}
    assert _moved(alice, lambda: meetings.update(notes="again")) == {"all"}
    advice = _moved(alice, lambda: interviews.update_meeting(talk, {"advice": "Ask early."}))
    assert advice == {"all", INSIGHTS}  # quoted on Insights, not read by any rule
    assert _moved(alice, lambda: interviews.update_item(item, {"notes": "n"})) == {"all", INSIGHTS}
    assert _moved(alice, lambda: interviews.update_item(item, {"asked": True})) == {"all"}
    # Anything else moves every stamp: a field a rule reads, a whole save, a new or gone row.
    assert _moved(alice, lambda: interviews.update_meeting(talk, {"status": "held"})) == every
    assert _moved(alice, lambda: meetings.update(notes="n", status="held")) == every
    assert _moved(alice, talk.save) == every
    assert _moved(alice, item.delete) == every


def test_a_contact_saved_whole_writes_only_what_changed(alice: Any, api_alice: Any) -> None:
    """A form or the API saves the whole contact; only the changed fields are written, so a
    title edit leaves Today's facts alone and a stale copy overwrites nobody's change."""
    made = person(alice, "Ria", shortlisted=False)
    every = {"all", PLAN, INSIGHTS}
    ria = Contact.objects.get(pk=made.pk)
    ria.title = "Hydrologist"
    assert _moved(alice, ria.save) == {"all"}  # neither a rule nor a figure reads a title
    ria.shortlisted = True
    assert _moved(alice, ria.save) == {"all", PLAN}  # a rule reads it, no figure does
    ria.how_found = "alumni"
    assert _moved(alice, ria.save) == {"all", INSIGHTS}  # a figure reads it, no rule does
    ria.last_name = "Okafor"
    assert _moved(alice, ria.save) == every
    assert _moved(alice, ria.save) == {"all"}  # nothing changed: the whole stamp only
    stale = Contact.objects.get(pk=made.pk)
    ria.shortlisted = False
    ria.save()
    stale.notes = "Met at the careers fair."
    stale.save()
    stored = Contact.objects.get(pk=made.pk)
    assert (stored.shortlisted, stored.notes) == (False, "Met at the careers fair.")
    partial = Contact.objects.only("first_name").get(pk=made.pk)
    partial.field = "Hydrology"  # a field not read: still written
    assert _moved(alice, partial.save) == every
    assert Contact.objects.get(pk=made.pk).field == "Hydrology"
    moved_org = Contact.objects.get(pk=made.pk)
    moved_org.organization = Organization.objects.create(owner=alice, name="Tidewater")
    with mock.patch.object(stamps, "_log_plan_change", wraps=stamps._log_plan_change) as logged:
        moved_org.save()  # how many are left to ask at the old place moves too: anyone's
    assert logged.call_args.args[1] is None
    assert PLAN not in _moved(
        alice, lambda: api_alice.patch(f"/api/v1/contacts/{made.pk}", {"title": "Head"})
    )
    assert PLAN in _moved(
        alice, lambda: api_alice.patch(f"/api/v1/contacts/{made.pk}", {"shortlisted": True})
    )


def test_what_is_done_with_a_step_leaves_the_rules_and_figures_alone(alice: Any) -> None:
    states = ActionState.objects.owned_by(alice)
    only_the_whole = {"all"}
    assert (
        _moved(alice, lambda: ActionState.objects.create(owner=alice, key="k", state="done"))
        == only_the_whole
    )
    assert _moved(alice, lambda: states.update(state="dismissed")) == only_the_whole
    assert _moved(alice, lambda: states.delete()) == only_the_whole


@time_machine.travel(NOON, tick=False)
def test_the_autosave_and_a_step_marked_done_keep_what_was_worked_out(
    alice: Any, client_alice: Client
) -> None:
    kit = person(alice, "Kit", shortlisted=True)  # a step for Kit: send the request
    talk = meeting(person(alice, "Sol"), ny(2026, 3, 16, 10))
    client_alice.get("/today/")
    client_alice.get("/insights/")
    with (
        mock.patch.object(queries, "gather_facts", wraps=gather_facts) as gathered,
        mock.patch.object(queries, "outcome", wraps=outcome) as ran,
        mock.patch.object(overview.report, "build", wraps=overview.report.build) as built,
        mock.patch.object(queries, "refresh_facts", wraps=refresh_facts) as refreshed,
    ):
        saved = client_alice.patch(
            f"/api/v1/meetings/{talk.pk}/notes", {"notes": "…"}, content_type="application/json"
        )
        assert saved.status_code == 200
        assert client_alice.get("/today/").status_code == 200
        assert client_alice.get("/insights/").status_code == 200
        step = next(a for a in queries.plan(alice).actions if a.contact_id == kit.pk)
        assert step.title in client_alice.get("/today/").content.decode()
        assert client_alice.post(f"/api/v1/actions/{step.key}/done").status_code == 200
        assert step.title not in client_alice.get("/today/").content.decode()
        assert client_alice.get("/insights/").status_code == 200
        assert (gathered.call_count, ran.call_count, built.call_count) == (0, 0, 0)
        kit.title = "Hydrologist"  # read by no rule and no figure: both pages are kept
        kit.shortlisted = False  # read by a rule, by no figure
        kit.save()
        client_alice.get("/insights/")
        assert built.call_count == 0
        kit.how_found = "alumni"  # read by a figure, by no rule: Today keeps its plan
        kit.save()
        client_alice.get("/today/")
        client_alice.get("/insights/")
        assert (gathered.call_count, ran.call_count, built.call_count) == (0, 0, 1)
        assert refreshed.call_count == 1  # the shortlist: Kit's steps only
        kit.field = "Hydrology"  # a fact a rule reads: Today works out Kit's steps again
        kit.save()
        client_alice.get("/today/")
        assert (gathered.call_count, ran.call_count, refreshed.call_count) == (0, 0, 2)
        assert step.title not in client_alice.get("/today/").content.decode()  # still done
        # A new organization could change anyone's steps: Today is worked out whole.
        Organization.objects.create(owner=alice, name="Riverbank Trust")
        client_alice.get("/today/")
        assert (gathered.call_count, ran.call_count, refreshed.call_count) == (1, 1, 2)


def _fresh_plan(user: Any, day: date) -> tuple[Any, ...]:
    gathered = gather(user)
    settings = gathered.settings
    calendar = BusinessCalendar(settings.country, settings.subdivision)
    ran = outcome(gathered.snapshot, settings, day, calendar)
    return gathered.snapshot, ran.pending(gathered.snapshot.action_states), ran.dormant


def _facts(snapshot: Any) -> dict[str, list[str]]:
    """The snapshot's facts in a fixed order: PostgreSQL returns rows in the order they lie on
    disk, which an update of another column (a quiet one) changes."""
    return {f.name: sorted(map(repr, getattr(snapshot, f.name))) for f in fields(snapshot)}


def _changes(user: Any, rng: random.Random) -> list[Callable[[], object]]:
    """Writes the app makes, quiet for some stamp or not, on people and meetings picked at
    random when called."""

    def a_meeting() -> Meeting:
        return rng.choice(list(Meeting.objects.owned_by(user).order_by("pk")))

    def an_item() -> AgendaItem | None:
        items = list(AgendaItem.objects.owned_by(user).order_by("pk"))
        return rng.choice(items) if items else None

    def a_contact() -> Contact:
        return rng.choice(list(Contact.objects.owned_by(user).order_by("pk")))

    def word() -> str:
        return rng.choice(["Ask early.", "Read the report.", "Join the society.", ""])

    def item_change(changes: Callable[[], dict[str, Any]]) -> Callable[[], object]:
        def change() -> None:
            item = an_item()
            if item is not None:
                interviews.update_item(item, changes())

        return change

    def add_item() -> None:
        talk = a_meeting()
        AgendaItem.objects.create(owner=user, meeting=talk, text=word() or "Why?", category="path")

    def delete_item() -> None:
        item = an_item()
        if item is not None:
            item.delete()

    def contact_change() -> None:
        contact = a_contact()
        contact.field = rng.choice(["Hydrology", "Policy", "", "Ecology"])
        contact.shortlisted = rng.random() < 0.5
        contact.save()

    def one_detail() -> None:
        """One field of a contact, read by Insights (a name, how they were found, how
        responsive) or not (a title, the shortlist, an e-mail), as the contact form saves it."""
        contact = a_contact()
        details: list[tuple[str, list[Any]]] = [
            ("title", ["Hydrologist", "", "Analyst"]),
            ("shortlisted", [True, False]),
            ("email", ["kit@example.org", ""]),
            ("first_name", ["Ana", "Kit", ""]),
            ("how_found", [how for how, _ in vocab.HOW_FOUND[:4]]),
            ("responsiveness", [kind for kind, _ in vocab.RESPONSIVENESS]),
        ]
        name, values = rng.choice(details)
        setattr(contact, name, rng.choice(values))
        contact.save()

    def referral_change() -> None:
        contact, referrer = a_contact(), rng.choice([None, a_contact()])
        contact.referred_by = referrer if referrer != contact else None
        named_in = Meeting.objects.owned_by(user).filter(contact=referrer).first()
        contact.referred_in = named_in if referrer is not None else None
        contact.save()

    def move_or_close() -> None:
        contact = a_contact()
        organizations = list(Organization.objects.owned_by(user).order_by("pk"))
        contact.organization = rng.choice([None, *organizations])
        contact.closed_reason = rng.choice(["", "", "declined", "dormant"])
        contact.do_not_contact = rng.random() < 0.2
        contact.save()

    def ask() -> None:
        Message.objects.create(
            owner=user, contact=a_contact(), kind="request", status="sent", sent_at=timezone.now()
        )

    def reply() -> None:
        waiting = Message.objects.owned_by(user).filter(status="sent", replied_at__isnull=True)
        pks = list(waiting.order_by("pk").values_list("pk", flat=True))
        if pks:
            waiting.filter(pk=rng.choice(pks)).update(
                replied_at=timezone.now(),
                reply_outcome=rng.choice(["yes", "declined", "referred"]),
            )

    def settle_an_action() -> None:
        current = queries.plan(user)
        if current.actions:
            key = rng.choice(current.actions).key
            services.set_action_state(user, current, key, rng.choice(["done", "dismiss"]))

    return [
        lambda: interviews.update_meeting(a_meeting(), {"notes": word()}),
        lambda: Meeting.objects.owned_by(user).filter(pk=a_meeting().pk).update(notes=word()),
        lambda: interviews.update_meeting(a_meeting(), {"advice": word()}),
        lambda: interviews.update_meeting(a_meeting(), {"next_step": word()}),
        item_change(lambda: {"notes": word()}),
        item_change(lambda: {"asked": rng.random() < 0.5}),
        item_change(lambda: {"text": word() or "What surprised you?"}),
        lambda: interviews.update_meeting(
            a_meeting(), {"status": rng.choice(["held", "scheduled", "cancelled"])}
        ),
        add_item,
        delete_item,
        contact_change,
        one_detail,
        referral_change,
        move_or_close,
        ask,
        reply,
        settle_an_action,
    ]


@pytest.mark.parametrize("seed", [1, 2, 3])
@time_machine.travel(NOON, tick=False)
def test_what_is_kept_equals_a_fresh_computation_after_random_changes(
    alice: Any, client_alice: Client, seed: int
) -> None:
    rng = random.Random(seed)
    today = timezone.localdate()
    fill_account(alice, Scale(contacts=60, organizations=8, messages=50, meetings=12), rng, today)
    changes = _changes(alice, rng)
    with mock.patch.object(queries, "refresh_facts", wraps=refresh_facts) as refreshed:
        for _ in range(60):
            rng.choice(changes)()
            kept = queries.plan(alice)  # through the cache, as every page asks
            snapshot, steps, dormant = _fresh_plan(alice, kept.on_date)
            assert _facts(kept.gathered.snapshot) == _facts(snapshot)
            # The kept steps were patched, not sorted again: the same order all the same.
            assert (kept.actions, kept.dormant) == (steps, dormant)
            assert kept.arranged == arrange(steps, kept.on_date)
            assert client_alice.get("/insights/").status_code == 200
            zone = overview.report.zone_of(alice)
            key = (str(zone), timezone.now().astimezone(zone).date())
            drawn = overview.DRAWN.peek(alice, key)
            assert drawn == overview._drawn(SimpleNamespace(user=alice), zone, key[1])  # type: ignore[arg-type]
    assert refreshed.call_count >= 15  # most writes took the short way, and it held
