"""Every URL pattern and every API operation, enumerated (not listed by hand): alice's ids,
requested by mallory (another signed-in student), are not found, and alice's rows don't change.

A new endpoint with a parameter fails here until `routes.py` says what the parameter names.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.security import routes
from tests.security.conftest import signed_in
from tests.security.world import ALICE_MARK, World, cross_links, fingerprint

WEB = routes.web_routes()
WITH_IDS = [r for r in WEB if r.params and not r.public]
WITHOUT_IDS = [r for r in WEB if not r.params and not r.public]
OPERATIONS = routes.api_operations()
REFUSED = {404, 405}


def _text(response: Any) -> str:
    content = getattr(response, "content", b"")
    return content.decode("utf-8", "replace") if isinstance(content, bytes) else ""


def _refused(response: Any, what: str, failures: list[str]) -> None:
    if response.status_code not in REFUSED:
        failures.append(f"{what}: {response.status_code}, expected 404")
    elif ALICE_MARK in _text(response):
        failures.append(f"{what}: the 404 page shows alice's data")


def test_the_public_patterns_are_exactly_the_deliberate_ones(db: Any) -> None:
    public = {r.name for r in WEB if r.public}
    assert public == routes.PUBLIC_ROUTES, (
        "A page answers without signing in but isn't listed as deliberately public (or the "
        f"reverse): {public ^ routes.PUBLIC_ROUTES}"
    )


def test_every_pattern_with_an_id_is_in_the_map() -> None:
    mapped = routes.OBJECT_ROUTES.keys() | routes.SLOT_ROUTES.keys() | routes.ROLE_ROUTES.keys()
    missing = sorted(f"{r.name} ({r.route})" for r in WITH_IDS if r.name not in mapped)
    assert not missing, f"Say in tests/security/routes.py what these parameters name: {missing}"
    assert set(mapped) <= {r.name for r in WITH_IDS}, "the map names patterns that are gone"
    unmapped = {p for op in OPERATIONS for p in op.path_params} - routes.API_PARAMS.keys()
    assert not unmapped, f"Say in routes.API_PARAMS what these API parameters name: {unmapped}"


def test_every_api_route_is_in_the_openapi_document() -> None:
    documented = {op.path.removeprefix("/") for op in OPERATIONS}
    as_django = {
        path.replace("{", "<").replace("}", ">").replace("<key>", "<path:key>")
        for path in documented
    }
    undocumented = routes.api_resolver_routes() - as_django - {"api/v1/", "api/v1/openapi.json"}
    assert not undocumented, f"API routes missing from the OpenAPI document: {undocumented}"
    assert len(OPERATIONS) >= 45


@pytest.mark.parametrize("route", WITH_IDS, ids=lambda r: r.name)
def test_another_students_ids_are_not_found(
    route: routes.Route, alice_world: World, mallory_world: World, other_adviser: Any
) -> None:
    alice, mallory = alice_world, mallory_world
    before = fingerprint(alice.user)
    failures: list[str] = []
    if route.name in routes.OBJECT_ROUTES:
        _check_object_route(route, alice, mallory, failures)
    elif route.name in routes.ROLE_ROUTES:
        _check_role_route(route, alice, mallory, other_adviser, failures)
    else:
        _check_slot_route(route, alice, mallory, failures)
    assert not failures, "\n".join(failures)
    assert fingerprint(alice.user) == before, f"{route.name} changed alice's data"
    assert not cross_links(mallory.user, alice.user), cross_links(mallory.user, alice.user)


def _check_object_route(
    route: routes.Route, alice: World, mallory: World, failures: list[str]
) -> None:
    own_url = routes.url(route, routes.OBJECT_ROUTES[route.name](alice))
    # Control: the ids are real. Alice herself is not told "not found".
    assert alice.client.get(own_url).status_code != 404, f"fixture id not found: {own_url}"
    for kwargs in routes.object_variants(route, alice, mallory):
        target = routes.url(route, kwargs)
        _refused(mallory.client.get(target), f"GET {target}", failures)
        for body in routes.web_bodies(alice):
            _refused(mallory.client.post(target, body), f"POST {target}", failures)
    # Her own object with alice's ids in the form: nothing of alice's gets linked or shown.
    mine = routes.url(route, routes.OBJECT_ROUTES[route.name](mallory))
    for response in (
        mallory.client.get(mine, routes.web_query(alice)),
        *(mallory.client.post(mine, body) for body in routes.web_bodies(alice)),
    ):
        assert response.status_code < 500, (mine, response.status_code)
        if ALICE_MARK in _text(response):
            failures.append(f"{mine} (mallory's own) shows alice's data")


def _check_role_route(
    route: routes.Route, alice: World, mallory: World, other_adviser: Any, failures: list[str]
) -> None:
    target = routes.url(route, routes.ROLE_ROUTES[route.name](alice))
    assert alice.share is not None
    shared = signed_in(alice.share.adviser).get(target)
    assert shared.status_code == 200 and ALICE_MARK in _text(shared), "control: shared adviser"
    _refused(mallory.client.get(target), f"GET {target} as a student", failures)
    _refused(mallory.client.post(target, {}), f"POST {target} as a student", failures)
    _refused(signed_in(other_adviser).get(target), f"GET {target} as an unshared adviser", failures)


def _check_slot_route(
    route: routes.Route, alice: World, mallory: World, failures: list[str]
) -> None:
    for kwargs in routes.SLOT_ROUTES[route.name](alice):
        target = routes.url(route, kwargs)
        for method, response in (
            ("GET", mallory.client.get(target)),
            *(("POST", mallory.client.post(target, body)) for body in routes.web_bodies(alice)),
        ):
            assert response.status_code < 500, (method, target, response.status_code)
            if ALICE_MARK.encode() in getattr(response, "content", b""):
                failures.append(f"{method} {target} (mallory's own slot) shows alice's data")


@pytest.mark.parametrize("route", WITHOUT_IDS, ids=lambda r: r.name)
def test_pages_without_ids_show_and_change_nothing_of_alices(
    route: routes.Route, alice_world: World, mallory_world: World
) -> None:
    """Lists, forms and settings, with alice's ids in the query string and in every form field."""
    alice, mallory = alice_world, mallory_world
    before = fingerprint(alice.user)
    target = routes.url(route, {})
    client: Client = mallory.client
    requests: list[tuple[str, dict[str, Any]]] = [("GET", routes.web_query(alice))]
    requests += [("POST", body) for body in routes.web_bodies(alice)]
    for method, data in requests:
        client.force_login(mallory.user)  # a logout page would sign her out
        response = client.get(target, data) if method == "GET" else client.post(target, data)
        assert response.status_code < 500, (method, target, response.status_code)
        assert ALICE_MARK not in _text(response), f"{method} {target} shows alice's data"
    assert fingerprint(alice.user) == before, f"{route.name} changed alice's data"
    assert not cross_links(mallory.user, alice.user), cross_links(mallory.user, alice.user)


def _api(client: Client, token: str, method: str, path: str, body: Any, query: Any) -> Any:
    headers = {"Authorization": f"Bearer {token}"}
    if method == "get":
        return client.get(path, query, headers=headers)
    call = getattr(client, method)
    return call(path, body, content_type="application/json", headers=headers)


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.label)
def test_api_operations_refuse_another_students_ids(
    op: routes.Operation, alice_world: World, mallory_world: World
) -> None:
    alice, mallory = alice_world, mallory_world
    before = fingerprint(alice.user)
    failures: list[str] = []
    body, query = routes.api_body(op, alice), routes.api_query(op, alice)
    api = Client()
    if op.path_params:
        if op.method == "get":  # control: the ids are alice's and real
            own = routes.api_path(op, routes.api_variants(op, alice, alice)[0])
            assert _api(api, alice.token, "get", own, None, {}).status_code == 200, own
        for values in routes.api_variants(op, alice, mallory):
            path = routes.api_path(op, values)
            response = _api(api, mallory.token, op.method, path, body, query)
            _refused(response, f"{op.method.upper()} {path}", failures)
            if response.status_code == 404 and "detail" not in response.json():
                failures.append(f"{path}: the 404 isn't a JSON error")
        own_values = routes.api_variants(op, mallory, mallory)[0]
        target = routes.api_path(op, own_values)
    else:
        target = op.path
    # Mallory's own rows (or a list or create), with alice's ids in the body and query.
    response = _api(api, mallory.token, op.method, target, body, query)
    assert response.status_code < 500, (op.label, response.status_code)
    if ALICE_MARK in _text(response):
        failures.append(f"{op.label} on mallory's own rows shows alice's data")
    assert not failures, "\n".join(failures)
    assert fingerprint(alice.user) == before, f"{op.label} changed alice's data"
    assert not cross_links(mallory.user, alice.user), cross_links(mallory.user, alice.user)
