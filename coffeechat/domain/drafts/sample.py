"""A made-up person to try a template on: how a user's own wording reads once filled in.

The student is the real one (their profile); the contact, their referrer and the conversation
are invented, shaped so that `choose_variant` would pick the wording being tried.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from .checking import WRITTEN_TO_REFERRER
from .context import DraftContext, MeetingRecap, Recipient, Referral, Sender
from .dates import long_date

SAMPLE_CONTACT = Recipient(
    first_name="Grace",
    last_name="Okoye",
    honorific="Ms.",
    title="Senior Transportation Planner",
    organization="Metro Transit",
    field="transportation planning",
    how_found="online",
    notes="Read her article on bus rapid transit.",
    address=("1 Transit Plaza", "Chicago, IL 60601"),
    email="grace.okoye@example.org",
)
SAMPLE_REFERRER = "Ben Ode"
_VARIANT_CONTACTS = {
    "referred": {"how_found": "referral", "referrer": SAMPLE_REFERRER, "referrer_consent": "yes"},
    "unnamed": {"how_found": "referral", "referrer": SAMPLE_REFERRER, "referrer_consent": "no"},
    "alumni": {"how_found": "alumni"},
    "warm": {"how_found": "family"},
    "cold": {"how_found": "online"},
}


def sample_context(kind: str, variant: str, user: Sender, today: date) -> DraftContext:
    """A context for trying `kind`/`variant` with the user's own details."""
    contact = replace(SAMPLE_CONTACT, **_VARIANT_CONTACTS.get(variant, {}))  # type: ignore[arg-type]
    if kind in WRITTEN_TO_REFERRER or (kind == "referral-intro" and variant != "unnamed"):
        contact = replace(contact, referrer=SAMPLE_REFERRER, referrer_consent="yes")
    if variant in ("2hjs-5", "2hjs-6"):
        user = replace(user, rule_set=variant)
    met = kind in ("thank-you", "update", "close-the-loop") or variant.startswith("after")
    day = today - timedelta(days=1)
    meeting = MeetingRecap(
        date=long_date(day),
        day=day,
        advice="Learn GIS before anything else.",
        referrals=(Referral("Kim Lee", "yes"),),
        next_step="sign up for the spring GIS course",
    )
    return DraftContext(
        user=user,
        contact=contact,
        meeting=meeting if met else MeetingRecap(),
        today=today,
        news="I finished a GIS course and now volunteer on the city's bike-lane survey.",
    )
