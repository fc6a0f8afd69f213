"""Small pieces of English the drafts are built from: articles, greetings, advice said back in
the student's own voice, "yesterday", a piece of their work from the student's notes."""

from __future__ import annotations

import re
from datetime import date

from .context import Recipient, Sender
from .dates import weekday_and_date

# Organizations read "at the City of Chicago" but "at Metro Transit" and "at Bank of America".
_THE_BEFORE_OF = frozenset(
    {
        "city",
        "county",
        "state",
        "university",
        "department",
        "office",
        "bureau",
        "ministry",
        "institute",
        "museum",
        "council",
        "board",
        "commission",
        "agency",
        "centre",
        "center",
        "society",
        "association",
        "foundation",
        "port",
        "library",
        "government",
        "college",
        "school",
        "academy",
        "federation",
        "league",
    }
)
_THE_FIRST_WORDS = frozenset({"united", "world", "federal", "european", "international"})
_THE_BEFORE_FOR = frozenset(
    {"center", "centre", "institute", "society", "association", "foundation", "council"}
)
_ARTICLES = frozenset({"the", "a", "an"})


def with_the(organization: str) -> str:
    """The organization as it reads after "at" or "with": "the University of Michigan"."""
    words = organization.split()
    if not words or words[0].lower() in _ARTICLES:
        return organization
    first = words[0].lower()
    second = words[1].lower() if len(words) > 1 else ""
    if (
        (first in _THE_BEFORE_OF and second == "of")
        or (first in _THE_BEFORE_FOR and second in {"for", "on"})
        or (first in _THE_FIRST_WORDS and len(words) > 1)
    ):
        return "the " + organization
    return organization


HONORIFICS = ("Ms.", "Mr.", "Mx.", "Dr.", "Prof.")
# People the student knows personally are greeted by first name.
FIRST_NAME_SOURCES = frozenset({"family", "friend", "neighbour", "colleague"})


def greeting_name(contact: Recipient, user: Sender) -> str:
    """ "Ms. Okoye", "Grace Okoye" or "Grace": how the greeting names them ("" if unnamed)."""
    first, last = " ".join(contact.first_name.split()), " ".join(contact.last_name.split())
    if is_familiar(contact, user) and first:
        return first
    honorific = contact.honorific.strip()
    if honorific and last:
        return f"{honorific} {last}"
    return " ".join(p for p in (first, last) if p)


def is_familiar(contact: Recipient, user: Sender) -> bool:
    return user.prefer_first_names or contact.how_found.strip().lower() in FIRST_NAME_SOURCES


_ADVICE_VERBS = frozenset(
    {
        "learn",
        "start",
        "join",
        "take",
        "talk",
        "read",
        "apply",
        "build",
        "get",
        "look",
        "try",
        "focus",
        "keep",
        "find",
        "reach",
        "consider",
        "ask",
        "volunteer",
        "network",
        "practice",
        "practise",
        "use",
        "attend",
        "go",
        "make",
        "write",
        "spend",
        "think",
        "sign",
        "register",
        "study",
        "work",
        "aim",
        "lean",
        "be",
        "stay",
        "treat",
        "follow",
        "contact",
        "email",
        "call",
        "visit",
        "set",
        "save",
        "pick",
        "choose",
        "prioritize",
        "prioritise",
        "skip",
        "put",
        "bring",
        "collect",
        "document",
        "publish",
        "share",
        "create",
        "develop",
        "improve",
        "brush",
        "pursue",
        "seek",
        "check",
        "research",
        "shadow",
        "sit",
        "come",
        "stop",
    }
)
_NEGATIVE_STARTS = (
    ("don't ", "that I shouldn't "),
    ("do not ", "that I shouldn't "),
    ("never ", "that I should never "),
)
_STATEMENT_WORDS = re.compile(
    r"\b(?:is|are|was|were|matters?|helps?|counts?|pays\s+off|beats?|opens?|comes?|makes?|"
    r"takes?|needs?|can|will|should|must)\b",
    re.IGNORECASE,
)
# Notes written as what the person did, with "they" left out: "Suggested I join the APA".
_REPORTED_VERBS = frozenset(
    {"pointed", "suggested", "recommended", "told", "said", "gave", "showed", "sent",
     "mentioned", "explained", "encouraged", "urged", "warned", "offered", "introduced",
     "shared", "stressed", "emphasised", "emphasized", "advised"}
)  # fmt: skip
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n")


def advice_phrase(advice: str) -> str:
    """The advice as the student says it back: "your advice to learn GIS first", "your point
    that portfolios matter more than grades", "how you pointed me to …" for a note of what
    they did, else "your advice about “…”". "" when none."""
    first = next((s for s in _SENTENCE.split(advice.strip()) if s.strip()), "")
    text = " ".join(first.split()).strip(" .;:!“”\"'")
    if not text:
        return ""
    lowered = _lower_first(text)
    for start, lead in _NEGATIVE_STARTS:
        if lowered.lower().startswith(start):
            return "your advice " + lead + lowered[len(start) :]
    first_word = text.split(" ", 1)[0].lower()
    if first_word in _ADVICE_VERBS:
        return "your advice to " + lowered
    if first_word in _REPORTED_VERBS:  # the student's note of what they did: "Pointed me to…"
        return "how you " + lowered
    if _STATEMENT_WORDS.search(text):
        return "your point that " + lowered
    return f"your advice about “{text}”"


def _lower_first(text: str) -> str:
    """ "Learn GIS" → "learn GIS", but "GIS first" and "iOS" keep their capitals."""
    word = text.split(" ", 1)[0]
    if len(word) > 1 and word[0].isupper() and word[1:].islower():
        return text[0].lower() + text[1:]
    return text


def when_we_talked(day: date | None, today: date | None, written: str) -> str:
    """ "today", "yesterday", else "on Tuesday 24 November" (the formatted date as given)."""
    if day is not None and today is not None:
        if day == today:
            return "today"
        if (today - day).days == 1:
            return "yesterday"
        if 1 < (today - day).days < 300:
            return "on " + weekday_and_date(day)
    return f"on {written}" if written.strip() else ""


_WORK_NOUNS = (
    r"article|piece|talk|post|blog\s+post|podcast|episode|panel|paper|book|interview|"
    r"presentation|webinar|keynote|newsletter|essay|op-ed|column|thread|video|session|"
    r"lecture|report|study|project|case\s+study"
)
_WORK_IN_NOTES = re.compile(
    rf"\b(?:(?:her|his|their|the|a|an)\s+)?(?P<noun>{_WORK_NOUNS})\s+"
    r"(?P<rest>(?:on|about|at|in|for)\s+[^.;!?\n]{3,70}?)(?=\s*(?:[.;!?\n]|$|,|\s+-\s))",
    re.IGNORECASE,
)


def work_from_notes(notes: str) -> str:
    """A piece of their work the student noted, as it reads in a letter to them: "your
    article on bus rapid transit". "" when the notes name none."""
    match = _WORK_IN_NOTES.search(notes)
    if match is None:
        return ""
    noun = " ".join(match.group("noun").lower().split())
    return f"your {noun} {' '.join(match.group('rest').split())}"


_SELF_INTRO = re.compile(
    r"^\s*(?:my\s+name\s+is|i\s+am\s+an?\b|i['’]m\s+an?\b|i\s+am\s+a\s+student|"
    r"i\s+study\b|i['’]m\s+studying|hi\b|hello\b)",
    re.IGNORECASE,
)


def introduction_extra(user: Sender) -> str:
    """The sentences of the user's own introduction that add to "I'm Name, a student at
    School": the ones restating name, school or program are left out (said once is enough)."""
    repeats = [
        part.lower() for part in (user.name, user.school, user.program) if len(part.strip()) > 2
    ]
    kept = []
    for sentence in re.split(r"(?<=[.!?])\s+", " ".join(user.introduction.split())):
        lower = sentence.lower()
        if not sentence or _SELF_INTRO.match(sentence) or any(r in lower for r in repeats):
            continue
        kept.append(sentence if sentence[-1] in ".!?" else sentence + ".")
    return " ".join(kept[:2])
