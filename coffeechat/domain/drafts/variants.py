"""Which wording a draft uses, chosen from the data rather than asked of the user."""

from __future__ import annotations

from .context import DraftContext, Recipient

DEFAULT_VARIANT = "default"
# "unnamed": they were suggested by someone who would rather not be named (or whose name we
# don't have): the request reads as a warm first note, without the name.
REQUEST_VARIANTS = ("referred", "unnamed", "alumni", "warm", "cold", "2hjs-5", "2hjs-6")
REFERRAL_INTRO_VARIANTS = ("default", "unnamed")
LINKEDIN_VARIANTS = ("before", "after", "before-short", "after-short")
# The 2-Hour Job Search's e-mails: one wording each, under 100 and under 75 words.
SHORT_RULE_SETS = frozenset({"2hjs-5", "2hjs-6"})

# When each wording is used, in the words the templates page shows ("Used when").
_VARIANT_LABELS = {
    "referred": "Someone suggested them and is happy to be named",
    "unnamed": "Someone suggested them but isn't named",
    "alumni": "They went to your school",
    "warm": "You know them through your own circle",
    "cold": "You have no connection yet",
    "2hjs-5": "You chose the 2-Hour Job Search 5-point style",
    "2hjs-6": "You chose the 2-Hour Job Search 6-point style",
    "before": "Before you have talked",
    "after": "After your conversation",
    "before-short": "Before you have talked, with a tight character limit",
    "after-short": "After your conversation, with a tight character limit",
}
_REFERRAL_INTRO_DEFAULT = "The person who suggested them is happy to be named"


def variant_label(kind: str, variant: str) -> str:
    """When the wording `variant` of `kind` is used, in plain words."""
    if variant == DEFAULT_VARIANT:
        return _REFERRAL_INTRO_DEFAULT if kind == "referral-intro" else "Always"
    return _VARIANT_LABELS.get(variant, variant.replace("-", " ").capitalize())


# People the user reaches through their own circle: the request can be friendlier.
WARM_SOURCES = frozenset({"faculty", "family", "friend", "neighbour", "colleague", "event"})


def may_name_referrer(contact: Recipient) -> bool:
    return bool(contact.referrer.strip()) and contact.referrer_consent != "no"


def request_variant(contact: Recipient) -> str:
    """A referrer who may be named outweighs every other source: it is the strongest reason
    to reply. One who asked not to be named is kept out of the note altogether."""
    how_found = contact.how_found.strip().lower()
    if may_name_referrer(contact):
        return "referred"
    if contact.referrer.strip() or how_found == "referral":
        return "unnamed"
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
        if ctx.user.rule_set in SHORT_RULE_SETS:
            return ctx.user.rule_set
        return request_variant(ctx.contact)
    if kind == "referral-intro":
        return DEFAULT_VARIANT if may_name_referrer(ctx.contact) else "unnamed"
    if kind == "linkedin-note":
        return linkedin_variant(ctx)
    return DEFAULT_VARIANT
