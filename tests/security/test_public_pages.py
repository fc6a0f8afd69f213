"""The deliberately public patterns: their secret parameters open nothing when wrong, and every
other pattern and operation gives an anonymous visitor nothing but the way to sign in."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.security import routes
from tests.security.world import ALICE_MARK, MALLORY_MARK, World, fingerprint

PRIVATE = [r for r in routes.web_routes() if not r.public]


def test_the_calendar_feed_answers_only_to_its_own_secret(
    alice_world: World, mallory_world: World
) -> None:
    anonymous = Client()
    assert anonymous.get("/calendar/not-the-secret.ics").status_code == 404
    wrong = alice_world.calendar_secret[:-1] + (
        "A" if alice_world.calendar_secret[-1] != "A" else "B"
    )
    assert anonymous.get(f"/calendar/{wrong}.ics").status_code == 404
    feed = anonymous.get(f"/calendar/{alice_world.calendar_secret}.ics").content.decode()
    assert ALICE_MARK in feed and MALLORY_MARK not in feed
    theirs = anonymous.get(f"/calendar/{mallory_world.calendar_secret}.ics").content.decode()
    assert MALLORY_MARK in theirs and ALICE_MARK not in theirs


def test_secret_links_open_nothing_when_wrong(alice_world: World) -> None:
    before = fingerprint(alice_world.user)
    anonymous = Client()
    assert anonymous.get("/signin/made-up-key").status_code == 403
    assert anonymous.get("/signup/made-up-key").status_code == 403
    assert anonymous.post("/signup/made-up-key", {"password1": "x" * 20}).status_code == 403
    assert anonymous.get("/account/verify/made-up-token").status_code == 400
    reset = f"/account/password-reset/{alice_world.user.pk}/made-up-token/"
    anonymous.post(
        reset, {"new_password1": "taken over 12345", "new_password2": "taken over 12345"}
    )
    assert fingerprint(alice_world.user) == before
    assert not anonymous.session.get("_auth_user_id"), "a wrong link signed someone in"


def test_the_health_check_shows_no_data(alice_world: World) -> None:
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert ALICE_MARK not in response.content.decode()


@pytest.mark.parametrize("route", PRIVATE, ids=lambda r: r.name)
def test_anonymous_visitors_are_sent_to_sign_in(
    route: routes.Route, alice_world: World, mallory_world: World
) -> None:
    kwargs: dict[str, Any] = {}
    if route.name in routes.OBJECT_ROUTES:
        kwargs = routes.OBJECT_ROUTES[route.name](alice_world)
    elif route.name in routes.ROLE_ROUTES:
        kwargs = routes.ROLE_ROUTES[route.name](alice_world)
    elif route.name in routes.SLOT_ROUTES:
        kwargs = routes.SLOT_ROUTES[route.name](alice_world)[0]
    target = routes.url(route, kwargs)
    for response in (
        Client().get(target),
        Client().post(target, routes.web_bodies(alice_world)[0]),
    ):
        assert response.status_code == 302, (target, response.status_code)
        assert response["Location"].startswith("/login/"), response["Location"]


def test_every_api_operation_wants_a_token(alice_world: World, mallory_world: World) -> None:
    before = fingerprint(alice_world.user)
    for op in routes.api_operations():
        values = routes.api_variants(op, alice_world, alice_world)[0] if op.path_params else {}
        path = routes.api_path(op, values)
        call = getattr(Client(), op.method)
        response = call(path, routes.api_body(op, alice_world), content_type="application/json")
        assert response.status_code == 401, (op.label, response.status_code)
        bad = call(
            path, {}, content_type="application/json", headers={"Authorization": "Bearer cc_nope"}
        )
        assert bad.status_code == 401, (op.label, bad.status_code)
    assert Client().get("/api/v1/openapi.json").status_code == 401
    assert fingerprint(alice_world.user) == before
