"""Outreach drafts and proposed meeting times: pure functions over plain data.

render(kind, ctx, template=None) -> Draft
builtin_templates() -> {(kind, variant): Template};  template_fields() -> {name: help}
propose_times(...) -> [Slot];  format_slot(slot, tz);  slots_paragraph(slots, tz)
"""

from .context import (
    DEFAULT_FOLLOW_UP_WHEN,
    DEFAULT_LINKEDIN_CHAR_LIMIT,
    DEFAULT_MINUTES,
    DraftContext,
    MeetingRecap,
    Recipient,
    Referral,
    Sender,
)
from .fields import template_fields
from .render import Draft, render
from .templates import KINDS, Template, builtin_templates, default_channel
from .times import (
    DEFAULT_WEEKLY_HOURS,
    Slot,
    WeeklyHours,
    format_slot,
    propose_times,
    slots_paragraph,
)
from .variants import (
    LINKEDIN_VARIANTS,
    REFERRAL_INTRO_VARIANTS,
    REQUEST_VARIANTS,
    choose_variant,
)

__all__ = [
    "DEFAULT_FOLLOW_UP_WHEN",
    "DEFAULT_LINKEDIN_CHAR_LIMIT",
    "DEFAULT_MINUTES",
    "DEFAULT_WEEKLY_HOURS",
    "KINDS",
    "LINKEDIN_VARIANTS",
    "REFERRAL_INTRO_VARIANTS",
    "REQUEST_VARIANTS",
    "Draft",
    "DraftContext",
    "MeetingRecap",
    "Recipient",
    "Referral",
    "Sender",
    "Slot",
    "Template",
    "WeeklyHours",
    "builtin_templates",
    "choose_variant",
    "default_channel",
    "format_slot",
    "propose_times",
    "render",
    "slots_paragraph",
    "template_fields",
]
