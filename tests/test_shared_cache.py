"""Server mode's shared cache: what one process works out, another reuses, through a real Redis."""

from __future__ import annotations

from typing import Any

from coffeechat.common.stamps import SHARED_CACHE, StampedCache, touch
from coffeechat.followups.queries import PlanCache
from coffeechat.network.models import Contact
from tests.followups.conftest import free_port


def _share(settings: Any, url: str) -> None:
    settings.SHARED_CACHE_URL = url
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        SHARED_CACHE: {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        },
    }


class Counting:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> str:
        self.calls += 1
        return f"worked out {self.calls} time(s)"


def test_a_second_process_reuses_what_the_first_worked_out(
    settings: Any, redis_url: str, alice: Any, bob: Any
) -> None:
    _share(settings, redis_url)
    first, second = StampedCache[str]("test", 8), StampedCache[str]("test", 8)  # two processes
    work = Counting()
    assert first.get(alice, "figures", work) == "worked out 1 time(s)"
    assert second.get(alice, "figures", work) == "worked out 1 time(s)"
    assert work.calls == 1
    assert second.get(bob, "figures", work) == "worked out 2 time(s)"  # each owner their own
    touch([alice.pk])  # a change anywhere: both processes see it
    assert second.get(alice, "figures", work) == "worked out 3 time(s)"
    assert first.get(alice, "figures", work) == "worked out 3 time(s)"
    assert work.calls == 3


def test_without_redis_each_process_works_it_out_and_nothing_fails(
    settings: Any, alice: Any
) -> None:
    _share(settings, f"redis://127.0.0.1:{free_port()}/0")  # nobody listens there
    work = Counting()
    assert StampedCache[str]("test", 8).get(alice, "figures", work) == "worked out 1 time(s)"
    assert StampedCache[str]("test", 8).get(alice, "figures", work) == "worked out 2 time(s)"


def test_a_follow_up_plan_travels_whole_between_processes(
    settings: Any, redis_url: str, alice: Any, referrer: Contact, django_assert_num_queries: Any
) -> None:
    _share(settings, redis_url)
    worked_out = PlanCache().plan(alice, None)
    with django_assert_num_queries(1):  # the stamp; the facts come from Redis
        reused = PlanCache().plan(alice, None)
    assert [a.key for a in reused.actions] == [a.key for a in worked_out.actions]
    assert reused.actions, "the referrer gives the plan something to do"


def test_personal_mode_keeps_everything_in_the_process(settings: Any, alice: Any) -> None:
    settings.SHARED_CACHE_URL = ""
    work = Counting()
    StampedCache[str]("test", 8).get(alice, "figures", work)
    StampedCache[str]("test", 8).get(alice, "figures", work)
    assert work.calls == 2
