"""What our checker knows about a draft made from a `DraftContext`: the one place that says so,
for trying a user's template on a made-up person and for proving every built-in draft passes."""

from __future__ import annotations

from coffeechat.domain.checker import CheckContext, RuleSet

from .context import DraftContext
from .render import Draft

# Kinds written to the person who suggested the contact, about the contact.
WRITTEN_TO_REFERRER = frozenset({"close-the-loop", "introduction-blurb"})


def draft_check_context(
    draft: Draft, ctx: DraftContext, rules: RuleSet, *, contact_known: bool = True
) -> CheckContext:
    """The checker's context for `draft`. The student's own names are always known; with
    `contact_known=False` nothing else is, as for a text pasted into `POST /check`."""
    user, contact, meeting = ctx.user, ctx.contact, ctx.meeting
    them = " ".join(f"{contact.first_name} {contact.last_name}".split())
    names = [user.name, user.school, user.program, *user.interests]
    notes: list[str] = []
    if contact_known:
        names += [them, contact.organization, contact.referrer]
        notes = [meeting.advice, meeting.next_step, *(r.name for r in meeting.referrals)]
    nameable = contact.referrer.strip() and contact.referrer_consent != "no"
    return CheckContext(
        kind=draft.kind,  # type: ignore[arg-type]
        channel=draft.channel,  # type: ignore[arg-type]
        subject=draft.subject,
        referrer_name=contact.referrer if nameable else None,
        rules=rules,
        known_names=tuple(n for n in names if n),
        meeting_notes=tuple(n for n in notes if n),
        recipient_name=(contact.referrer if draft.kind in WRITTEN_TO_REFERRER else them) or None,
    )
