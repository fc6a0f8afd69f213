"""Drafts through the API, the way a student's data really arrives, checked by `POST /check`.

Realistic people: an alumna met last week who gave advice and two referrals (one who may not be
named), a cold contact with research notes, a LinkedIn import with nothing but a title. Every
draft comes back with no error or warning from our own checker and no blank the data could
fill, and the referral whose referrer asked not to be named never sees that name.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from coffeechat.domain.drafts import KINDS
from tests.conftest import ApiClient

BRACKET = re.compile(r"\[[^\[\]\n]+\]")
# Kinds written after a conversation: drafted for the person met.
AFTER_MEETING = {"thank-you", "update", "close-the-loop"}


@pytest.fixture
def world(api_alice: ApiClient) -> dict[str, Any]:
    profile = api_alice.patch(
        "/api/v1/profile",
        {
            "display_name": "Sam Rivera",
            "school": "Lakeside University",
            "program": "urban planning",
            "year": "second-year",
            "fields_of_interest": ["transportation planning"],
            "email": "sam.rivera@example.edu",
            "phone": "+1 312 555 0147",
            "postal_address": "12 Elm Street\nSpringfield, IL 62701",
            "time_zone": "America/Chicago",
        },
    )
    assert profile.status_code == 200, profile.content

    def contact(**fields: Any) -> int:
        response = api_alice.post("/api/v1/contacts", fields)
        assert response.status_code == 201, response.content
        return int(response.json()["id"])

    grace = contact(
        first_name="Grace", last_name="Okoye", honorific="Ms.", how_found="alumni",
        title="Senior Transportation Planner",
        organization_name="City of Chicago Department of Transportation",
        email="grace.okoye@example.org",
    )  # fmt: skip
    cold = contact(
        first_name="Dmitri", last_name="Vasiliev", how_found="online", title="Data Journalist",
        organization_name="Streetsblog", email="dmitri@example.org",
        notes="Read his article on bus lanes and delays in Streetsblog.",
    )  # fmt: skip
    imported = contact(
        first_name="Aisha", last_name="Bello", how_found="linkedin", title="Transit Planner",
        organization_name="Metro Transit",
        linkedin_url="https://www.linkedin.com/in/aisha-bello",
    )  # fmt: skip
    started = timezone.now() - timedelta(days=1)
    meeting = api_alice.post(
        "/api/v1/meetings",
        {"contact": grace, "starts_at": started.isoformat(), "minutes": 20, "status": "held"},
    )
    assert meeting.status_code == 201, meeting.content
    meeting_id = meeting.json()["id"]
    advice = api_alice.post(
        f"/api/v1/meetings/{meeting_id}/advice",
        {"text": "Learn ArcGIS Network Analyst first"},
    )
    assert advice.status_code == 200, advice.content
    referred = {}
    for name, may_mention in (("Kim Lee", "yes"), ("Raj Patel", "no")):
        response = api_alice.post(
            f"/api/v1/meetings/{meeting_id}/referrals",
            {"name": name, "organization": "Metro Transit", "may_mention": may_mention},
        )
        assert response.status_code == 201, response.content
        assert response.json()["may_mention"] == may_mention
        referred[may_mention] = response.json()["id"]
    return {
        "grace": grace, "cold": cold, "imported": imported, "meeting": meeting_id,
        "named": referred["yes"], "unnamed": referred["no"],
    }  # fmt: skip


def draft_and_check(api: ApiClient, contact: int, kind: str) -> tuple[dict[str, Any], list[Any]]:
    draft = api.post("/api/v1/messages/draft", {"contact": contact, "kind": kind})
    assert draft.status_code == 200, draft.content
    made = draft.json()
    checked = api.post(
        "/api/v1/check",
        {"text": made["body"], "subject": made["subject"], "kind": kind,
         "channel": made["channel"]},
    )  # fmt: skip
    assert checked.status_code == 200, checked.content
    serious = [f for f in checked.json()["findings"] if f["severity"] in ("error", "warning")]
    return made, serious


def drafts_for() -> list[tuple[str, str]]:
    """Every kind for the person met; the kinds written before a talk for everyone else.
    (close-the-loop needs a talk with someone Grace suggested: see the last test.)"""
    cases = [("grace", kind) for kind in KINDS if kind != "close-the-loop"]
    for who in ("cold", "imported", "named", "unnamed"):
        cases += [(who, kind) for kind in KINDS if kind not in AFTER_MEETING]
    return cases


def test_every_draft_for_realistic_people_passes_our_own_check(
    api_alice: ApiClient, world: dict[str, Any]
) -> None:
    failures = []
    for who, kind in drafts_for():
        made, serious = draft_and_check(api_alice, world[who], kind)
        text = (made["subject"] or "") + "\n" + made["body"]
        if serious or BRACKET.search(text) or made["missing"]:
            failures.append((who, kind, serious, made["missing"], made["body"]))
    assert failures == []


def test_a_referral_who_may_not_be_named_hears_nothing_of_the_referrer(
    api_alice: ApiClient, world: dict[str, Any]
) -> None:
    for kind in ("request", "referral-intro", "follow-up", "phone-script", "letter"):
        made, serious = draft_and_check(api_alice, world["unnamed"], kind)
        text = (made["subject"] or "") + "\n" + made["body"]
        assert "Grace" not in text and "Okoye" not in text, (kind, text)
        assert serious == []
    named, _ = draft_and_check(api_alice, world["named"], "request")
    assert "Grace Okoye" in named["subject"]


def test_the_thank_you_is_specific_and_keeps_each_referral_promise(
    api_alice: ApiClient, world: dict[str, Any]
) -> None:
    made, serious = draft_and_check(api_alice, world["grace"], "thank-you")
    assert serious == []
    assert made["body"].startswith("Dear Ms. Okoye,")
    assert "yesterday" in made["body"]
    assert "your advice to learn ArcGIS Network Analyst first" in made["body"]
    assert "Kim Lee and Raj Patel" in made["body"]
    assert "tell them you sent me" not in made["body"]  # Raj's referrer asked not to be named


def test_a_linkedin_only_contact_gets_a_linkedin_message_with_the_email_to_reply_to(
    api_alice: ApiClient, world: dict[str, Any]
) -> None:
    made, serious = draft_and_check(api_alice, world["imported"], "request")
    assert made["channel"] == "linkedin"
    assert made["subject"] is None
    assert "sam.rivera@example.edu" in made["body"]
    assert "transportation planning" in made["body"] or "transit" in made["body"].lower()
    assert serious == []


def test_a_cold_request_names_their_work_from_the_notes(
    api_alice: ApiClient, world: dict[str, Any]
) -> None:
    made, _ = draft_and_check(api_alice, world["cold"], "request")
    assert "I read your article on bus lanes and delays in Streetsblog" in made["body"]


def test_the_profile_keeps_the_new_contact_details(api_alice: ApiClient) -> None:
    patch = {"email": "me@example.edu", "phone": "+44 20 7946 0018", "postal_address": "1 A St"}
    assert api_alice.patch("/api/v1/profile", patch).status_code == 200
    profile = api_alice.get("/api/v1/profile").json()
    assert {k: profile[k] for k in patch} == patch
    bad = api_alice.patch("/api/v1/profile", {"email": "not an address"})
    assert bad.status_code == 422


def test_an_introduction_to_forward_goes_to_the_referrer_about_the_person(
    api_alice: ApiClient, world: dict[str, Any]
) -> None:
    made = api_alice.post(
        "/api/v1/messages/draft",
        {"contact": world["grace"], "kind": "introduction-blurb", "about": world["named"]},
    ).json()
    assert made["body"].startswith("Hi Grace,")
    assert "Kim Lee" in made["body"]
    missing = api_alice.post(
        "/api/v1/messages/draft",
        {"contact": world["grace"], "kind": "introduction-blurb", "about": 999999},
    )
    assert missing.status_code == 422


def test_closing_the_loop_after_meeting_a_referral(
    api_alice: ApiClient, world: dict[str, Any]
) -> None:
    now = timezone.now()
    started = now - timedelta(hours=3)
    # In the student's zone three hours ago may be yesterday (early hours UTC): the draft says so.
    chicago = ZoneInfo("America/Chicago")
    same_day = started.astimezone(chicago).date() == now.astimezone(chicago).date()
    meeting = api_alice.post(
        "/api/v1/meetings",
        {"contact": world["named"], "starts_at": started.isoformat(), "minutes": 20,
         "status": "held"},
    )  # fmt: skip
    assert meeting.status_code == 201, meeting.content
    made, serious = draft_and_check(api_alice, world["grace"], "close-the-loop")
    assert made["body"].startswith("Hi Grace,")
    assert "Kim Lee" in made["body"] and ("today" if same_day else "yesterday") in made["body"]
    assert serious == []
