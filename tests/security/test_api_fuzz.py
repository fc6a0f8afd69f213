"""Schemathesis generates requests from the OpenAPI document: none may crash the server (500).

Driven through Hypothesis directly rather than schemathesis' pytest plugin, which doesn't load
under this pytest version.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.core.result import Ok

from coffeechat.accounts.models import ApiToken
from coffeechat.accounts.services import create_user
from coffeechat.api.main import api
from coffeechat.network.models import Contact, Organization

EXAMPLES_PER_OPERATION = 12


@pytest.fixture
def connection_kept_open() -> Iterator[None]:
    """Calling the WSGI app directly would close the test's database connection after each
    request (PostgreSQL then loses the test transaction); Django's test client avoids that the
    same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_no_generated_request_makes_the_api_fail(db: Any, connection_kept_open: None) -> None:
    user = create_user("fuzzer", password="a long enough passphrase")
    org = Organization.objects.create(owner=user, name="Fuzz Labs")
    Contact.objects.create(owner=user, first_name="Ada", organization=org)
    headers = {"Authorization": f"Bearer {ApiToken.issue(user)[1]}"}
    app = get_wsgi_application()
    schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/v1"))
    results = list(schema.get_all_operations())
    assert all(isinstance(result, Ok) for result in results), "the OpenAPI document is invalid"
    operations = [result.ok() for result in results if isinstance(result, Ok)]
    assert len(operations) > 30  # every endpoint of every room is in the document

    for operation in operations:

        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy())
        def never_a_server_error(case: Any) -> None:
            response = case.call(app=app, headers=headers)
            assert response.status_code < 500, (
                case.method,
                case.formatted_path,
                case.body,
                response.text[:300],
            )

        never_a_server_error()
