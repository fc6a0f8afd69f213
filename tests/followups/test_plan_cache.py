"""The follow-up plan is cached under each user's data stamp: every write changes the stamp, so
a cached plan is never older than the data, and one user's writes never touch another's."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
import time_machine
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coffeechat.accounts.models import DataStamp
from coffeechat.accounts.services import profile_of
from coffeechat.common.owned import Owned, OwnedQuerySet
from coffeechat.common.stamps import version_of
from coffeechat.followups import queries
from coffeechat.followups.models import ActionState
from coffeechat.network.models import Contact, Organization
from coffeechat.network.transfer.imports import run_import
from coffeechat.outreach.models import Message
from tests.followups.conftest import ny, person, sent

NOON = ny(2026, 3, 16, 12)  # a Monday


@pytest.fixture(autouse=True)
def empty_cache() -> None:
    queries.PLANS.clear()


def _titles(user: Any) -> list[str]:
    return [a.title for a in queries.plan(user).actions]


def _bumps(user: Any, write: Callable[[], object]) -> bool:
    before = version_of(user)
    write()
    return version_of(user) != before


def test_every_owned_model_writes_through_the_stamping_queryset() -> None:
    owned = [m for m in apps.get_models() if issubclass(m, Owned)]
    assert len(owned) >= 10
    for model in owned:
        assert isinstance(model._default_manager.all(), OwnedQuerySet), model.__name__


def test_the_stamping_queryset_keeps_djangos_guards() -> None:
    assert not hasattr(Contact.objects, "delete")  # `Contact.objects.delete()` would empty it
    queryset = Contact.objects.all()
    for write in (queryset.delete, queryset.update, queryset.bulk_create, queryset.bulk_update):
        assert getattr(write, "alters_data", False), write  # templates can't call it


def test_every_user_has_a_stamp_from_the_start(alice: Any) -> None:
    assert DataStamp.objects.filter(user=alice).exists()
    DataStamp.objects.filter(user=alice).delete()  # e.g. lost to a hand-edited database
    version = version_of(alice)
    assert DataStamp.objects.get(user=alice).version == version


def test_each_kind_of_write_changes_the_stamp(alice: Any) -> None:
    kit = person(alice, "Kit")
    org = Organization.objects.create(owner=alice, name="Harbor Lab", name_key="harbor lab")
    owned = Contact.objects.owned_by(alice)
    writes: dict[str, Callable[[], object]] = {
        "save": lambda: person(alice, "Ada"),
        "save again": lambda: kit.save(),
        "queryset update": lambda: owned.filter(pk=kit.pk).update(title="Planner"),
        "bulk_create": lambda: Contact.objects.bulk_create([Contact(owner=alice, first_name="B")]),
        "bulk_update": lambda: Contact.objects.bulk_update([kit], ["title"]),
        "a message": lambda: sent(kit, "request", NOON),
        "profile": lambda: profile_of(alice).save(),
        "queryset delete": lambda: owned.filter(first_name="Ada").delete(),
        "instance delete": lambda: org.delete(),
        "raw import": lambda: run_import(
            alice, b"First Name,Last Name\nNell,Ortiz\n", filename="people.csv"
        ),
        "cascade": lambda: kit.delete(),
    }
    for name, write in writes.items():
        assert _bumps(alice, write), name


def test_a_users_writes_leave_other_users_stamps_alone(alice: Any, bob: Any) -> None:
    bobs = version_of(bob)
    kit = person(alice, "Kit")
    sent(kit, "request", NOON)
    Contact.objects.owned_by(alice).update(title="Planner")
    assert version_of(bob) == bobs


def test_a_cached_plan_is_served_until_something_changes(alice: Any) -> None:
    kit = person(alice, "Kit")
    with time_machine.travel(ny(2026, 3, 25), tick=False):
        first = queries.plan(alice)
        with CaptureQueriesContext(connection) as seen:
            again = queries.plan(alice)
        assert again is first
        assert len(seen) == 1  # the stamp, nothing else
        assert not any("Follow up with Kit" in t for t in _titles(alice))
        sent(kit, "request", ny(2026, 3, 6))
        assert queries.plan(alice) is not first
        assert any("Follow up with Kit" in t for t in _titles(alice))


def test_marking_an_action_done_takes_it_off_the_cached_plan(alice: Any) -> None:
    kit = person(alice, "Kit")
    sent(kit, "request", ny(2026, 3, 6))
    with time_machine.travel(ny(2026, 3, 25), tick=False):
        action = next(a for a in queries.plan(alice).actions if "Kit" in a.title)
        ActionState.objects.create(owner=alice, key=action.key, state="done")
        assert queries.plan(alice).find(action.key) is None


def test_a_new_day_gets_a_new_plan_from_the_same_facts(alice: Any) -> None:
    sent(person(alice, "Kit"), "request", ny(2026, 3, 6))
    with time_machine.travel(ny(2026, 3, 13), tick=False):
        friday = queries.plan(alice)
    with time_machine.travel(ny(2026, 3, 17), tick=False):
        tuesday = queries.plan(alice)
    assert (friday.on_date, tuesday.on_date) == (date(2026, 3, 13), date(2026, 3, 17))
    assert tuesday.gathered is friday.gathered
    assert friday.due() == []  # the follow-up falls due on the 7th business day, Tuesday
    assert [a.title for a in tuesday.due()] == ["Follow up with Kit Example"]


def test_plans_are_kept_per_user(alice: Any, bob: Any) -> None:
    sent(person(alice, "Kit"), "request", ny(2026, 3, 6))
    with time_machine.travel(ny(2026, 3, 25), tick=False):
        assert _titles(alice)
        assert _titles(bob) == []
        assert _titles(alice)


def test_the_cache_keeps_only_the_most_recent_users(alice: Any, bob: Any, outsider: Any) -> None:
    cache = queries.PlanCache(users=2)
    first = cache.plan(alice, None)
    cache.plan(bob, None)
    cache.plan(outsider, None)  # alice was the least recent: she is dropped
    assert cache.plan(alice, None) is not first


def test_today_records_quiet_people_once_per_plan(alice: Any, client_alice: Any) -> None:
    kit = person(alice, "Kit")
    sent(kit, "request", ny(2026, 3, 2))
    sent(kit, "follow-up", ny(2026, 3, 11))
    sent(kit, "follow-up", ny(2026, 3, 20))
    with time_machine.travel(ny(2026, 4, 15), tick=False):
        assert client_alice.get("/today/").status_code == 200
        kit.refresh_from_db()
        assert kit.closed_reason == "dormant"  # asked, followed up twice, never answered
        # Settling wrote, so the next view works the plan out again and settles it once more
        # (writing nothing this time); after that the same plan is only shown.
        assert client_alice.get("/today/").status_code == 200
        current = queries.plan(alice)
        assert queries.PLANS.to_settle(alice, current) == frozenset()  # nobody
        # A change to Kit's facts: only Kit is settled again, not everyone.
        Message.objects.owned_by(alice).update(replied_at=ny(2026, 1, 6))
        assert queries.PLANS.to_settle(alice, queries.plan(alice)) == {kit.pk}
        queries.PLANS.clear()
        assert queries.PLANS.to_settle(alice, queries.plan(alice)) is None  # everyone
