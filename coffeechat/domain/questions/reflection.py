"""Prompts for the short reflection that is due the same day as the conversation."""

from __future__ import annotations

from typing import Final

REFLECTION_PROMPTS: Final[tuple[tuple[str, str], ...]] = (
    ("learned", "What are the two or three most useful things you found out?"),
    ("liked", "What appealed to you about the work, the field or the organization?"),
    (
        "concerns",
        "Which new worries came up, and which advantages had you not thought of before?",
    ),
    (
        "fit",
        "How well does what you heard match your interests, your strengths, your goals and "
        "what matters to you?",
    ),
    ("open-questions", "What do you still need to find out, and who or what could tell you?"),
    ("next-steps", "What will you do next, and by when?"),
    ("who-else", "Whom will you contact next, including anyone you were referred to?"),
    (
        "as-interviewer",
        "Looking at how you ran the conversation, what would you change next time?",
    ),
)
