"""A complete context to render from, and small helpers shared by the draft tests."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Any

from coffeechat.domain.drafts import DraftContext, MeetingRecap, Recipient, Referral, Sender

BANNED = re.compile(r"\b(jobs?|internships?|positions?|openings?|hir(?:e|ed|es|ing))\b", re.I)


def full_context(**changes: Any) -> DraftContext:
    ctx = DraftContext(
        user=Sender(
            name="Jane Doe",
            school="Lakeside University",
            program="economics",
            year="third-year",
            introduction="I spent last summer mapping flood risk for my town council.",
            interests=("urban planning", "public health"),
            email="jane@example.org",
            phone="+1 555 0100",
            address=("12 Elm Street", "Springfield, IL 62701"),
        ),
        contact=Recipient(
            first_name="Ana",
            last_name="Ruiz",
            title="Senior Planner",
            organization="Metro Transit",
            field="transportation planning",
            how_found="referral",
            source="the Lakeside alumni group",
            referrer="Ben Ode",
            address=("1 Transit Plaza", "Chicago, IL 60601"),
            linkedin="https://www.linkedin.com/in/ana-ruiz",
        ),
        meeting=MeetingRecap(
            date="Tuesday 24 November",
            advice="Learn GIS before anything else.",
            referrals=(Referral("Kim Lee", "yes"), Referral("Raj Patel", "yes")),
            topics=("bus network redesign", "public meetings"),
            next_step="sign up for the spring GIS course",
            resources=("American Planning Association",),
        ),
        today=date(2026, 11, 20),
        news="I finished the GIS course and now volunteer on the city's bike-lane survey.",
    )
    return replace(ctx, **changes)


def with_contact(ctx: DraftContext, **changes: Any) -> DraftContext:
    return replace(ctx, contact=replace(ctx.contact, **changes))


def sentences(text: str) -> list[str]:
    """The sentences of a message body after its greeting line."""
    after_greeting = text.split("\n", 1)[1]
    return [s for s in re.split(r"(?<=[.?!])\s+", after_greeting.strip()) if s]
