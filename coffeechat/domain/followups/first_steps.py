"""The first run: four steps from an empty account to a first request, each done or not by
what the data says (never by a box the user ticks).

Career offices teach the same order: know what you're looking for and how to introduce
yourself, gather the people you already know, pick a handful to ask first, then write.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

StepId = Literal["about-you", "contacts", "shortlist", "first-request"]


@dataclass(frozen=True, slots=True)
class Progress:
    """What the account holds, as far as the first steps care."""

    has_profile: bool  # a name to sign drafts with
    has_contacts: bool
    has_shortlist: bool  # anyone flagged to ask first (or already asked)
    has_request: bool  # a first request sent


@dataclass(frozen=True, slots=True)
class Step:
    id: StepId
    title: str
    why: str
    done: bool
    is_next: bool = False


_STEPS: tuple[tuple[StepId, str, str], ...] = (
    (
        "about-you",
        "Tell us about you",
        "Your name, school and a few lines about what you're exploring: every draft "
        "introduces you with them, and dates follow your time zone.",
    ),
    (
        "contacts",
        "Bring your contacts",
        "Start from people you already know of: a LinkedIn or address-book export, or a "
        "few names typed in. Warm connections answer far more often than strangers.",
    ),
    (
        "shortlist",
        "Pick the first people",
        "Put three to five people on your shortlist: the ones whose work you are most "
        "curious about. A short list keeps the first week manageable.",
    ),
    (
        "first-request",
        "Write the first request",
        "A brief, friendly note asking for 20 minutes of advice. Most people are glad to "
        "help a student; once it's sent, Today tells you when to follow up.",
    ),
)


def first_steps(progress: Progress) -> tuple[Step, ...]:
    """The four steps in order, each marked done from the data; the first one not done is next.

    A later step being done makes the earlier ones count as done too: someone who has sent a
    request has clearly picked a person, even without the shortlist flag.
    """
    done = [
        progress.has_profile,
        progress.has_contacts or progress.has_shortlist or progress.has_request,
        progress.has_shortlist or progress.has_request,
        progress.has_request,
    ]
    next_index = next((i for i, d in enumerate(done) if not d), None)
    return tuple(
        Step(step_id, title, why, done[i], is_next=i == next_index)
        for i, (step_id, title, why) in enumerate(_STEPS)
    )


def finished(steps: tuple[Step, ...]) -> bool:
    return all(step.done for step in steps)
