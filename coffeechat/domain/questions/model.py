"""The question a user may ask in an informational interview, and its vocabularies."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Category = Literal[
    "opener",
    "path",
    "day",
    "skills",
    "entry",
    "rewards",
    "trends",
    "culture",
    "organization",
    "advice",
    "resources",
    "referrals",
    "closing",
]

# (id, label) in the natural order of a conversation: their path, their work, the field,
# the organization, advice, then the wrap-up.
CATEGORIES: tuple[tuple[Category, str], ...] = (
    ("opener", "Opening"),
    ("path", "Career path and first steps"),
    ("day", "A typical day or week"),
    ("skills", "Skills, education and experience"),
    ("entry", "Entry-level roles"),
    ("rewards", "Rewards and frustrations"),
    ("trends", "Trends and the future of the field"),
    ("culture", "Culture"),
    ("organization", "The organization: goals, training, paths"),
    ("advice", "Advice"),
    ("resources", "Resources and professional organizations"),
    ("referrals", "Referrals"),
    ("closing", "Closing"),
)
CATEGORY_IDS: tuple[Category, ...] = tuple(category for category, _ in CATEGORIES)

# Questions about one organization only make sense when the person works at one we know.
ORGANIZATION_CATEGORIES: frozenset[Category] = frozenset({"culture", "organization"})

Tiara = Literal["trends", "insights", "advice", "resources", "assignments"]
# The 2-Hour Job Search's TIARA framework, in the order it asks them.
TIARA_TAGS: tuple[Tiara, ...] = ("trends", "insights", "advice", "resources", "assignments")

Priority = Literal[1, 2, 3]
PRIORITIES: tuple[tuple[Priority, str], ...] = (
    (1, "Must ask"),
    (2, "Good to ask"),
    (3, "Nice to ask"),
)

# What a closing question does. Two closers of one kind ask the same thing twice ("who else
# should I talk to?" and "whose perspective would round out my picture?"), so an agenda holds
# at most one of each kind. Built-in closers carry their kind in the bank; a question the user
# files under Referrals is a referral ask.
Closer = Literal["your-position", "referral", "stay-in-touch"]
CLOSERS: tuple[Closer, ...] = ("your-position", "referral", "stay-in-touch")

# The method ends every conversation with these two (see docs/method.md §4), in this order, so
# they cannot be hidden; the stay-in-touch closer follows them when there is time.
REFERRAL_ASK_KEY = "referrals-ask"
POSITION_KEY = "closing-your-position"
STAY_IN_TOUCH_KEY = "closing-stay-in-touch"
ENDING_KEYS: tuple[str, str] = (POSITION_KEY, REFERRAL_ASK_KEY)
PROTECTED_KEYS: frozenset[str] = frozenset(ENDING_KEYS)


@dataclass(frozen=True, slots=True)
class Question:
    """One question. Built-in questions use their `key` as `id`; stored rows use their row id.

    `key` is a stable slug for built-in questions (and the user's copies of them); a question
    the user wrote may have an empty key. `user_order` is the user's own position for it.
    """

    id: int | str
    key: str
    category: Category
    text: str
    minutes: int
    priority: Priority = 2
    tiara: Tiara | None = None
    user_order: int | None = None
    hidden: bool = False
    closer: Closer | None = None

    def __post_init__(self) -> None:
        if self.category not in CATEGORY_IDS:
            raise ValueError(f"Unknown question category {self.category!r}.")
        if self.minutes < 1:
            raise ValueError("A question needs at least 1 minute.")
        if self.priority not in (1, 2, 3):
            raise ValueError("Priority is 1 (must ask), 2 (good to ask) or 3 (nice to ask).")
        if self.tiara is not None and self.tiara not in TIARA_TAGS:
            raise ValueError(f"Unknown TIARA tag {self.tiara!r}.")
        if self.closer is not None and self.closer not in CLOSERS:
            raise ValueError(f"Unknown kind of closing question {self.closer!r}.")
        if not self.text.strip():
            raise ValueError("A question needs some text.")

    @property
    def closer_kind(self) -> Closer | None:
        """What this question does at the close, if it is a closing question at all."""
        if self.closer is not None:
            return self.closer
        return "referral" if self.category == "referrals" else None
