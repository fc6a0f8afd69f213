"""Form rules: subject line, length, the LinkedIn character limit, unfilled placeholders."""

from __future__ import annotations

import re

from coffeechat.domain.checker.context import CheckContext
from coffeechat.domain.checker.text import Doc, word_count
from coffeechat.domain.findings import Finding

_WORDS = (
    "name", "company", "organi[sz]ation", "org", "school", "university", "college", "title",
    "date", "day", "time", "field", "industry", "role", "position", "major", "program", "city",
    "phone", "email", "number", "year", "team", "department",
)  # fmt: skip
_PLACEHOLDER_WORDS = "|".join(_WORDS)
_CAPITALIZED_WORDS = "|".join(word.capitalize() for word in _WORDS)
PLACEHOLDER = re.compile(
    r"_{3,}"
    r"|\[[^\[\]\n]{1,40}\]"
    r"|\{\{[^\n]{0,60}?\}\}"
    r"|\b[Xx]{3,}\b"
    r"|(?-i:\bXX(?:/XX)*\b)"
    r"|<[^<>\n@]{1,40}>"
    r"|\bMrs?\.?\s*/\s*Ms\.?"
    # "(Last Name)", "(Company)", "(your school)": short, and built around a placeholder word.
    rf"|\((?:(?:insert|your|their|contact['’]?s?|first|last|full|job|company)\s+)?"
    rf"(?:{_PLACEHOLDER_WORDS})\)"
    rf"|(?-i:\((?:[A-Z]\w*\s+){{0,2}}(?:{_CAPITALIZED_WORDS})\))"
    r"|^[ \t]*(?:your|my)\s+(?:full\s+)?name[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_SUBJECTLESS_KINDS = frozenset({"phone-script", "letter", "linkedin-note"})


def missing_subject(doc: Doc, context: CheckContext) -> list[Finding]:
    if context.channel != "email" or context.kind in _SUBJECTLESS_KINDS:
        return []
    if context.subject and context.subject.strip():
        return []
    message = (
        'Add a subject line. A short, specific one (say, "Advice for a new designer") '
        "helps your note get opened rather than skipped or filtered."
    )
    return [Finding("missing-subject", "error", message)]


def too_long(doc: Doc, context: CheckContext) -> list[Finding]:
    words, limit = word_count(doc.text), context.rules.max_words
    if words <= limit:
        return []
    message = (
        f"This is {words} words; try to keep it under {limit}. A note that fits on one phone "
        "screen gets read to the end, and brevity shows you respect their time."
    )
    return [Finding("too-long", "warning", message)]


def over_char_limit(doc: Doc, context: CheckContext) -> list[Finding]:
    limit = context.rules.linkedin_char_limit
    body = doc.text.strip()
    if len(body) <= limit:
        return []
    lead = len(doc.text) - len(doc.text.lstrip())
    message = (
        f"This note is {len(body)} characters; LinkedIn cuts invitation notes off at {limit}. "
        "Trim it so the part that matters, your request, isn't the part that gets lost."
    )
    return [Finding("over-char-limit", "error", message, lead + limit, lead + len(body))]


def placeholders(doc: Doc, context: CheckContext) -> list[Finding]:
    return [
        Finding(
            "placeholder",
            "error",
            f'Fill in "{match.group().strip()}" before sending. A leftover blank shows the note '
            "came from a template, and a personal note is what earns a reply.",
            match.start(),
            match.end(),
        )
        for match in PLACEHOLDER.finditer(doc.text)
    ]
