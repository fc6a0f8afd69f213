"""`about-you-share` and `mass-message`: write about them, and write to them in particular."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from coffeechat.domain.checker.content import name_parts
from coffeechat.domain.checker.context import CheckContext
from coffeechat.domain.checker.text import GREETING, Doc
from coffeechat.domain.findings import Finding

_YOU = re.compile(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE)
_ME = re.compile(r"\b(?:I|me|my|mine|myself)\b", re.IGNORECASE)  # "I'm" counts through its "I"
_WORD = re.compile(r"\w+(?:['’]\w+)*")


def about_you_share(doc: Doc, context: CheckContext) -> list[Finding]:
    if not context.rules.about_you_share:
        return []
    you = len(_YOU.findall(doc.text))
    me = len(_ME.findall(doc.text))
    if you >= me:
        return []
    message = (
        f"Most of this note is about you ({me} mentions of I, me or my against {you} of you or "
        "your). Tip the balance toward them: people respond to notes about their own work."
    )
    return [Finding("about-you-share", "hint", message)]


def mass_message(doc: Doc, context: CheckContext) -> list[Finding]:
    if not context.other_bodies:
        return []
    mine = _normalized(doc.text, context.known_names)
    threshold = context.rules.mass_message_similarity
    for other in context.other_bodies:
        theirs = _normalized(other, context.known_names)
        matcher = SequenceMatcher(None, mine, theirs, autojunk=False)
        if min(matcher.real_quick_ratio(), matcher.quick_ratio(), matcher.ratio()) >= threshold:
            message = (
                "This is nearly the same note you sent someone else. People can tell a form "
                "letter; a sentence or two written for this person makes a reply much likelier."
            )
            return [Finding("mass-message", "warning", message)]
    return []


def _normalized(text: str, known_names: tuple[str, ...]) -> list[str]:
    """Words in lower case, minus the greeting line, with known names made alike."""
    lines = text.strip().splitlines()
    if lines and GREETING.match(lines[0].strip()):
        lines = lines[1:]
    names = {part.lower() for name in known_names for part in name_parts(name)}
    words = _WORD.findall(" ".join(lines).lower())
    return ["<name>" if word in names else word for word in words]
