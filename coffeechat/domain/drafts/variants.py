"""Which wording a draft uses, chosen from the data rather than asked of the user."""

from __future__ import annotations

from .context import DraftContext, Recipient

DEFAULT_VARIANT = "default"
REQUEST_VARIANTS = ("referred", "alumni", "warm", "cold")
LINKEDIN_VARIANTS = ("before", "after", "before-short", "after-short")

# People the user reaches through their own circle: the request can be friendlier.
WARM_SOURCES = frozenset({"faculty", "family", "friend", "neighbour", "colleague", "event"})


def request_variant(contact: Recipient) -> str:
    """A named referrer outweighs every other source: it is the strongest reason to reply."""
    how_found = contact.how_found.strip().lower()
    if contact.referrer.strip() or how_found == "referral":
        return "referred"
    if how_found == "alumni":
        return "alumni"
    if how_found in WARM_SOURCES:
        return "warm"
    return "cold"


def linkedin_variant(ctx: DraftContext) -> str:
    """After a conversation the note refers to it; before, it asks for one."""
    met = ctx.meeting.date.strip() or ctx.meeting.advice.strip()
    return "after" if met else "before"


def choose_variant(kind: str, ctx: DraftContext) -> str:
    """The variant `render` uses for `kind` when no template is given."""
    if kind == "request":
        return request_variant(ctx.contact)
    if kind == "linkedin-note":
        return linkedin_variant(ctx)
    return DEFAULT_VARIANT
