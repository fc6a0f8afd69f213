"""Staff see anonymous figures for the term, with groups under five students suppressed."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import time_machine
from django.test import Client

from coffeechat.accounts.aggregates import six_months_before
from coffeechat.accounts.services import create_user
from coffeechat.interviews.models import Meeting
from coffeechat.network.models import Contact

TODAY = datetime(2025, 10, 15, 12, tzinfo=UTC)


def students_talking(count: int, field: str, when: datetime, prefix: str) -> list[Any]:
    people = []
    for n in range(count):
        student = create_user(f"{prefix}{n}", display_name=f"Secret Name {prefix}{n}")
        contact = Contact.objects.create(
            owner=student, first_name=f"Hidden{prefix}{n}", field=field
        )
        Meeting.objects.create(owner=student, contact=contact, starts_at=when, status="held")
        people.append(student)
    return people


def test_six_months_back_keeps_to_real_dates() -> None:
    assert six_months_before(date(2025, 8, 31)) == date(2025, 2, 28)
    assert six_months_before(date(2025, 3, 15)) == date(2024, 9, 15)


def test_staff_see_counts_per_field_and_never_a_name(
    server: Any, adviser: Any, client_staff: Client
) -> None:
    in_term = datetime(2025, 9, 1, 15, tzinfo=UTC)
    students_talking(6, "Public Health ", in_term, "ph")
    students_talking(2, "marine biology", in_term, "mb")
    students_talking(5, "law", datetime(2025, 3, 1, tzinfo=UTC), "old")  # before the term
    with time_machine.travel(TODAY, tick=False):
        response = client_staff.get("/staff/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "15 April 2025" in html  # the term: the last six months
    assert "<td>public health</td><td>6</td><td>6</td>" in html
    assert "marine biology" not in html and ">law<" not in html
    assert "1 smaller field not shown" in html
    assert "Secret Name" not in html and "Hidden" not in html
    assert "<dt>Conversations held this term</dt><dd>8</dd>" in html
    assert "<dt>Adviser accounts</dt><dd>fewer than 5</dd>" in html
    assert "could point to one person" in html


def test_a_configured_term_start_is_used(server: Any, client_staff: Client) -> None:
    server.TERM_START = date(2025, 9, 15)
    students_talking(5, "law", datetime(2025, 9, 1, tzinfo=UTC), "early")
    with time_machine.travel(TODAY, tick=False):
        html = client_staff.get("/staff/").content.decode()
    assert "15 September 2025" in html
    assert "<dt>Conversations held this term</dt><dd>0</dd>" in html


def test_too_few_students_hide_even_the_total(server: Any, client_staff: Client) -> None:
    students_talking(3, "law", datetime(2025, 9, 1, tzinfo=UTC), "few")
    with time_machine.travel(TODAY, tick=False):
        html = client_staff.get("/staff/").content.decode()
    assert "<dt>Conversations held this term</dt><dd>fewer than 5</dd>" in html


def test_the_staff_page_is_404_for_everyone_else(
    server: Any, client_alice: Client, client_adviser: Client, client_outsider: Client
) -> None:
    for client in (client_alice, client_adviser, client_outsider):
        assert client.get("/staff/").status_code == 404


def test_the_staff_page_is_404_in_personal_mode(client_staff: Client) -> None:
    assert client_staff.get("/staff/").status_code == 404
