"""Filling a question's blanks ({field}, {organization}, {role}) with what the user knows."""

from __future__ import annotations

import re
from typing import Final

BLANKS: Final[tuple[str, ...]] = ("field", "organization", "role")

# Fallbacks read naturally in the bank's sentences ("in your field", "at your organization").
FALLBACKS: Final[dict[str, str]] = {
    "field": "your field",
    "organization": "your organization",
    "role": "your role",
}

BLANK_PATTERN: Final[re.Pattern[str]] = re.compile(r"\{\s*([A-Za-z_]+)\s*\}")
_SENTENCE_START: Final[re.Pattern[str]] = re.compile(r"(?:^|[.!?]\s+)\s*$")


def blanks_in(text: str) -> frozenset[str]:
    """The blank names used in a text, lower-cased."""
    return frozenset(match.group(1).lower() for match in BLANK_PATTERN.finditer(text))


def fill(
    text: str,
    *,
    field: str | None = None,
    organization: str | None = None,
    role: str | None = None,
) -> str:
    """Fill every `{blank}` in a question so that no brace is ever shown to the person.

    A missing value uses a natural fallback ("your field"); an unknown blank such as `{team}`
    becomes "your team". `role` reads best as a noun phrase ("a data analyst").
    """
    values = {"field": field, "organization": organization, "role": role}

    def replace(match: re.Match[str]) -> str:
        name = match.group(1).lower()
        value = (values.get(name) or "").replace("{", "").replace("}", "").strip()
        filled = value or FALLBACKS.get(name, "your " + name.replace("_", " "))
        if not value and _SENTENCE_START.search(text[: match.start()]):
            return filled[0].upper() + filled[1:]
        return filled

    return BLANK_PATTERN.sub(replace, text)
