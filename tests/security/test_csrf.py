"""Every form that changes something carries the CSRF token, and a POST without it is refused:
for every URL pattern (enumerated), and for the API when it is called with a session cookie."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client

from tests.security import routes
from tests.security.conftest import signed_in
from tests.security.html_checks import inspect
from tests.security.test_xss import pages_of
from tests.security.world import World, fingerprint


def test_every_post_form_carries_the_token(alice_world: World, staff: Any) -> None:
    assert alice_world.share is not None
    visits: list[tuple[Client, str]] = [
        (alice_world.client, url) for _, url in pages_of(alice_world)
    ]
    adviser = signed_in(alice_world.share.adviser)
    visits += [(adviser, "/advisers/"), (adviser, f"/advisers/students/{alice_world.user.pk}/")]
    visits += [(signed_in(staff), "/staff/"), (signed_in(staff), "/staff/invitations/")]
    visits += [(Client(), page) for page in ("/login/", "/account/password-reset/")]
    forms = 0
    unguarded = []
    for client, page in visits:
        response = client.get(page)
        if "text/html" not in response.get("Content-Type", ""):
            continue
        for form in inspect(response.content.decode()).post_forms:
            forms += 1
            if not form.has_token:
                unguarded.append(f"{page}: form posting to {form.action!r}")
    assert not unguarded, "\n".join(unguarded)
    assert forms > 50  # the walk found the forms (sign-out alone is on every page)


def test_htmx_requests_send_the_token_from_the_body(alice_world: World) -> None:
    html = alice_world.client.get("/today/").content.decode()
    token = json.loads(html.split("hx-headers='", 1)[1].split("'", 1)[0])["X-CSRFToken"]
    assert len(token) >= 32


def test_a_post_without_the_token_is_refused_everywhere(alice_world: World) -> None:
    guarded = Client(enforce_csrf_checks=True)
    guarded.force_login(alice_world.user)
    before = fingerprint(alice_world.user)
    checked = 0
    for route in routes.web_routes():
        if route.name in routes.OBJECT_ROUTES:
            variants = [routes.OBJECT_ROUTES[route.name](alice_world)]
        elif route.name in routes.SLOT_ROUTES:
            variants = routes.SLOT_ROUTES[route.name](alice_world)
        elif route.name in routes.ROLE_ROUTES:
            variants = [routes.ROLE_ROUTES[route.name](alice_world)]
        elif route.params:  # public secrets: any value reaches the view
            variants = [dict.fromkeys(route.params, "made-up")]
        else:
            variants = [{}]
        for kwargs in variants:
            target = routes.url(route, kwargs)
            for body in routes.web_bodies(alice_world):
                response = guarded.post(target, body)
                assert response.status_code == 403, (target, response.status_code)
                checked += 1
    assert checked > 100
    assert fingerprint(alice_world.user) == before


def test_the_api_with_a_session_cookie_wants_the_token(alice_world: World) -> None:
    """live.js calls the API with the session; a forged cross-site call must not get through."""
    guarded = Client(enforce_csrf_checks=True)
    guarded.force_login(alice_world.user)
    before = fingerprint(alice_world.user)
    for op in routes.api_operations():
        if op.method == "get":
            continue
        values = routes.api_variants(op, alice_world, alice_world)[0] if op.path_params else {}
        call = getattr(guarded, op.method)
        response = call(
            routes.api_path(op, values),
            routes.api_body(op, alice_world),
            content_type="application/json",
        )
        assert response.status_code in (401, 403), (op.label, response.status_code)
    assert fingerprint(alice_world.user) == before
    # Control: the same session with the token is let through.
    guarded.get("/today/")
    token = guarded.cookies["csrftoken"].value
    response = guarded.patch(
        "/api/v1/profile", {"goals": "With the token"}, content_type="application/json",
        headers={"X-CSRFToken": token},
    )  # fmt: skip
    assert response.status_code == 200
