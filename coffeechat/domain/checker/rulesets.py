"""Rule sets: every number the checker uses lives here, and only here.

A user's own settings are a `dataclasses.replace` of one of these, e.g.
`replace(RULE_SETS["career-office"], max_words=120)`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RuleSet:
    """The thresholds behind the rules; `id` is stored with a user's settings."""

    id: str
    label: str
    max_words: int
    long_minutes: int = 30
    max_minutes: int = 60
    linkedin_char_limit: int = 300
    about_you_share: bool = False
    thank_you_within_hours: int = 24
    mass_message_similarity: float = 0.9


RULE_SETS: dict[str, RuleSet] = {
    "career-office": RuleSet(id="career-office", label="Career office", max_words=150),
    "2hjs-5": RuleSet(
        id="2hjs-5",
        label="2-Hour Job Search, 5-point (100 words)",
        max_words=100,
        about_you_share=True,
    ),
    "2hjs-6": RuleSet(
        id="2hjs-6",
        label="2-Hour Job Search, 6-point (75 words)",
        max_words=75,
        about_you_share=True,
    ),
}

DEFAULT_RULE_SET = RULE_SETS["career-office"]
