"""Indexes the pages rely on, checked in SQLite's query plans (SQLite keeps no statistics, so
the plan follows from the indexes alone; PostgreSQL plans from its statistics)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.db.models import QuerySet

from coffeechat.interviews.models import Meeting
from coffeechat.network.models import Contact
from coffeechat.outreach.queries import message_list

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite's plans; PostgreSQL's depend on statistics"
)


def _plan(queryset: QuerySet[Any]) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return "\n".join(str(row[-1]) for row in cursor.fetchall())


def test_people_met_through_a_meeting_are_found_by_owner_and_meeting(alice: Any) -> None:
    plan = _plan(Contact.objects.owned_by(alice).filter(referred_in=Meeting(pk=1)))
    assert "owner_id=? AND referred_in_id=?" in plan


def test_the_messages_page_walks_the_latest_first_without_sorting(alice: Any) -> None:
    plan = _plan(message_list(alice)[:50])
    assert "USE TEMP B-TREE" not in plan
