"""A hand-built search whose figures are known (see each test for the arithmetic).

10 contacts; 6 asked (3 under "five-point", 3 under "standard"); 4 replied; 3 met; 2 thanked.
Referral chain Priya → Lena → Omar (depth 2) and Ken → Zoe (Zoe not yet asked).
Alice lives in New York: two timestamps sit just after midnight UTC, the evening before there.
"""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import pytest
import time_machine

from coffeechat.accounts.services import profile_of
from coffeechat.interviews.models import AgendaItem, Meeting, Resource
from coffeechat.network.models import Contact, Organization
from coffeechat.outreach.models import Message

NOW = datetime(2025, 3, 20, 16, 0, tzinfo=UTC)  # a Thursday, ISO week 2025-W12


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.fixture
def frozen() -> Any:
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def search(alice: Any) -> SimpleNamespace:
    profile = profile_of(alice)
    profile.fields_of_interest = ["Data Science", "UX research"]
    profile.save()

    def org(name: str, **kw: Any) -> Organization:
        return Organization.objects.create(owner=alice, name=name, **kw)

    acme = org("Acme Analytics", advocacy=True, motivation=3)
    delta = org("Delta Health", motivation=3)
    fjord = org("Fjord Labs", motivation=2, posting=True)
    beacon = org("Beacon Care", motivation=2)
    elm = org("Elm Street Studio", motivation=1)
    org("Corvid Media")

    def person(first: str, last: str, **kw: Any) -> Contact:
        return Contact.objects.create(owner=alice, first_name=first, last_name=last, **kw)

    priya = person(
        "Priya", "Raman", how_found="alumni", field="Data science", organization=acme,
        title="Data analyst", responsiveness="booster",
    )  # fmt: skip
    ken = person(
        "Ken", "Sato", how_found="alumni", field="data science", organization=acme,
        responsiveness="obligate",
    )  # fmt: skip
    lena = person(
        "Lena", "Vogel", how_found="referral", referred_by=priya, field="Public health",
        organization=delta,
    )  # fmt: skip
    omar = person(
        "Omar", "Haddad", how_found="referral", referred_by=lena, organization=fjord,
        responsiveness="booster",
    )  # fmt: skip
    sam = person(
        "Sam", "Okafor", how_found="online", organization=beacon, responsiveness="curmudgeon"
    )
    ruth = person("Ruth", "Nkemelu", how_found="online")
    zoe = person("Zoe", "Lindqvist", how_found="referral", referred_by=ken)
    person("Hana", "Kim", how_found="friend", organization=elm)
    person("Ivo", "Petrov", how_found="event")
    person("Jo", "March", how_found="other")

    def message(contact: Contact, kind: str, sent: str | None, **kw: Any) -> Message:
        return Message.objects.create(
            owner=alice,
            contact=contact,
            kind=kind,
            status="sent" if sent else "draft",
            sent_at=at(sent) if sent else None,
            **kw,
        )

    message(
        priya,
        "request",
        "2025-03-03T15:00",
        rule_set="five-point",
        replied_at=at("2025-03-06T02:00"),
    )
    message(
        ken, "request", "2025-03-03T15:00", rule_set="five-point", replied_at=at("2025-03-06T15:00")
    )
    message(
        lena,
        "referral-intro",
        "2025-03-12T15:00",
        rule_set="standard",
        replied_at=at("2025-03-13T15:00"),
    )
    message(
        omar, "request", "2025-03-18T15:00", rule_set="standard", replied_at=at("2025-03-19T15:00")
    )
    message(sam, "request", "2025-03-04T15:00", rule_set="standard")
    message(ruth, "request", "2025-03-05T15:00", rule_set="five-point")
    message(zoe, "request", None, rule_set="standard")  # a draft: Zoe is still waiting
    message(priya, "thank-you", "2025-03-11T15:00", subject="Thank you for Tuesday")
    message(ken, "thank-you", "2025-03-17T03:00")  # Sunday evening in New York
    message(priya, "close-the-loop", "2025-03-18T15:00")

    def meeting(contact: Contact, starts: str, status: str = "held", **kw: Any) -> Meeting:
        return Meeting.objects.create(
            owner=alice, contact=contact, starts_at=at(starts), status=status, **kw
        )

    m_priya = meeting(
        priya, "2025-03-10T15:00", advice="Say yes to messy data.", minutes=20,
        reflection={"learned": "SQL matters more than I thought.", "as-interviewer": ""},
    )  # fmt: skip
    m_ken = meeting(ken, "2025-03-12T15:00", advice="Build a portfolio of real projects.")
    m_lena = meeting(lena, "2025-03-17T15:00")
    meeting(sam, "2025-03-14T15:00", status="cancelled")
    Contact.objects.filter(pk=lena.pk).update(referred_in=m_priya)

    def note(m: Meeting, category: str, text: str, notes: str, order: int) -> None:
        AgendaItem.objects.create(
            owner=alice, meeting=m, category=category, text=text, notes=notes, order=order,
            asked=True,
        )  # fmt: skip

    note(m_priya, "skills", "Which skills matter most?", "Learn SQL early and often.", 1)
    note(m_priya, "advice", "What would you do in my place?", "Talk to public health people.", 2)
    note(
        m_ken,
        "skills",
        "Which skills matter most?",
        "Teams expect you to learn SQL; Python helps.",
        1,
    )
    note(
        m_lena, "advice", "What would you do in my place?", "Keep a portfolio of small projects.", 1
    )
    AgendaItem.objects.create(
        owner=alice, meeting=m_priya, category="day", text="What is a typical week?", order=3
    )
    Resource.objects.create(
        owner=alice, meeting=m_priya, kind="organization", title="Data Science Association",
        url="https://example.org/dsa",
    )  # fmt: skip
    return SimpleNamespace(
        priya=priya, ken=ken, lena=lena, omar=omar, sam=sam, ruth=ruth, zoe=zoe,
        acme=acme, m_priya=m_priya, m_ken=m_ken, m_lena=m_lena,
    )  # fmt: skip
