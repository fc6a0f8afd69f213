"""Follow-up rules, business days and calendar files: pure functions over plain facts."""

from coffeechat.domain.followups.action import ACTION_KINDS, Action, ActionKind
from coffeechat.domain.followups.business_days import BusinessCalendar
from coffeechat.domain.followups.calendar_files import (
    MeetingEvent,
    action_uid,
    feed_ics,
    meeting_event,
    meeting_ics,
    meeting_uid,
)
from coffeechat.domain.followups.engine import (
    Outcome,
    actions,
    dormant_contacts,
    outcome,
    responsiveness,
)
from coffeechat.domain.followups.facts import (
    ActionStateFacts,
    ContactFacts,
    MeetingFacts,
    MessageFacts,
    OrganizationFacts,
    ReferralFacts,
    Snapshot,
)
from coffeechat.domain.followups.rule_settings import RuleSettings

__all__ = [
    "ACTION_KINDS",
    "Action",
    "ActionKind",
    "ActionStateFacts",
    "BusinessCalendar",
    "ContactFacts",
    "MeetingEvent",
    "MeetingFacts",
    "MessageFacts",
    "OrganizationFacts",
    "Outcome",
    "ReferralFacts",
    "RuleSettings",
    "Snapshot",
    "action_uid",
    "actions",
    "dormant_contacts",
    "feed_ics",
    "meeting_event",
    "meeting_ics",
    "meeting_uid",
    "outcome",
    "responsiveness",
]
