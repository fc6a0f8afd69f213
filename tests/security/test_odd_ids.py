"""Ids that can't name a row (beyond the database's integer range, non-ASCII digits, negative)
in query strings and form fields are simply not found: never a server error, on any page."""

from __future__ import annotations

from typing import Any

import pytest

from tests.security import routes
from tests.security.test_xss import pages_of
from tests.security.world import World

ODD_IDS = ("9223372036854775808", "²", "-1", "1e3", "٣")
ID_FIELDS = ("contact", "organization", "meeting", "referred_by", "keep", "merge", "ref", "key")


@pytest.mark.parametrize("odd", ODD_IDS)
def test_odd_ids_never_crash_a_page(alice_world: World, odd: str) -> None:
    client = alice_world.client
    client.raise_request_exception = False  # collect every failure, not just the first
    failures = []
    for route, target in pages_of(alice_world):
        if route.name in ("logout", "account-delete"):
            continue
        query: dict[str, Any] = dict.fromkeys(ID_FIELDS, odd) | {"page": odd}
        body = routes.web_bodies(alice_world)[1] | dict.fromkeys(ID_FIELDS, odd)
        body |= {"field": [odd], "order": odd, "items": odd}
        for method, response in (
            ("GET", client.get(target, query)),
            ("POST", client.post(target, body)),
        ):
            if response.status_code >= 500:
                failures.append(f"{method} {target}: {response.status_code}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("odd", [9223372036854775808, -1])
def test_odd_ids_never_crash_the_api(alice_world: World, odd: int) -> None:
    client, headers = alice_world.client, {"Authorization": f"Bearer {alice_world.token}"}
    client.raise_request_exception = False
    failures = []
    for op in routes.api_operations():
        values = dict.fromkeys(op.path_params, odd) | (
            {"key": "x"} if "key" in op.path_params else {}
        )
        query = {name: odd for name in op.query_params if name in ("contact", "organization")}
        body = routes.api_body(op, alice_world)
        body |= {k: odd for k in ("contact", "organization", "referred_by", "meeting") if k in body}
        path = routes.api_path(op, values)
        if op.method == "get":
            response = client.get(path, query, headers=headers)
        else:
            call = getattr(client, op.method)
            response = call(path, body, content_type="application/json", headers=headers)
        if response.status_code >= 500:
            failures.append(f"{op.label} {path} {query} {body}: {response.status_code}")
    assert not failures, "\n".join(failures)
