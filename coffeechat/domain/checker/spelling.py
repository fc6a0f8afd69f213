"""`spelling`: unknown English words, tuned to stay quiet about names and jargon."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from spellchecker import SpellChecker

from coffeechat.domain.checker.content import name_parts
from coffeechat.domain.checker.context import CheckContext
from coffeechat.domain.checker.text import Doc
from coffeechat.domain.findings import Finding

# Everyday words of job-search writing that the general dictionary lacks.
_EXTRA_WORDS_TEXT = (
    "analytics backend bootcamp cofounder cybersecurity dataset datasets edtech fintech "
    "frontend fullstack github hackathon hackathons linkedin meetup meetups mentee mentees "
    "ngo ngos nonprofit nonprofits onboarding organisation organisations résumé résumés "
    "upskill upskilling webinar webinars"
)
_TOKEN = re.compile(r"[\w'’]+(?:-[\w'’]+)*")
_SKIPPED_SPANS = re.compile(r"https?://\S+|www\.\S+|\S+@\S+\.\S+|\S+\.(?:com|org|edu|io)\b")
# A short line of capitalized words with no full stop is a signature or a name: "Maya Chen".
# A short line of capitalized words with no full stop is a signature, a name or a sign-off:
# "Maya Chen", "Merci,".
_NAME_LINE = re.compile(r"^[ \t]*(?:[A-Z][\w'’.-]*[ \t]*){1,4}[,!]?[ \t]*$", re.MULTILINE)
_SENTENCE_START_BEFORE = re.compile(r"(?:^|[.!?:]\s*|\n\s*)[\"'“‘(]*$")
# Suggestions cost about half a millisecond a word; past this many, a note needs a rewrite more
# than a list of corrections, and checking stays fast.
_MAX_WORDS_WITH_SUGGESTIONS = 10
_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|St)\.\s*$")


@cache
def speller() -> SpellChecker:
    """The English dictionary, loaded on first use (about 0.2 s) and shared after that."""
    checker = SpellChecker()
    checker.word_frequency.load_words(_EXTRA_WORDS_TEXT.split())
    return checker


def spelling(doc: Doc, context: CheckContext) -> list[Finding]:
    ignored = _ignored_words(context)
    skipped = [m.span() for m in _SKIPPED_SPANS.finditer(doc.text)]
    skipped += [m.span() for m in _NAME_LINE.finditer(doc.text)]
    findings: list[Finding] = []
    for token in _TOKEN.finditer(doc.text):
        if any(start <= token.start() < end for start, end in skipped):
            continue
        offset = token.start()
        for part in token.group().split("-"):
            if _unknown(part, doc.text, offset, ignored):
                suggest = len(findings) < _MAX_WORDS_WITH_SUGGESTIONS
                findings.append(_finding(part, offset, suggest))
            offset += len(part) + 1
    return findings


def _ignored_words(context: CheckContext) -> frozenset[str]:
    words = {w.lower() for w in context.personal_words}
    for name in context.known_names:
        words.update(part.lower() for part in name_parts(name))
        words.add(name.lower())
    return frozenset(words)


def _unknown(word: str, text: str, offset: int, ignored: frozenset[str]) -> bool:
    word = word.replace("’", "'").strip("'")
    if word.lower().endswith("'s"):
        word = word[:-2]
    if len(word) < 2 or any(ch.isdigit() or ch == "_" for ch in word) or word.isupper():
        return False
    if word.lower() in ignored:
        return False
    before = text[max(0, offset - 8) : offset]
    if word[0].isupper() and (
        not _SENTENCE_START_BEFORE.search(before) or _TITLE_BEFORE.search(before)
    ):
        return False  # capitalized mid-sentence or after a title: most likely a name
    checker = speller()
    lower = word.lower()
    return not checker.known([lower]) and not checker.known([lower.split("'")[0]])


def _finding(word: str, offset: int, suggest: bool) -> Finding:
    suggestions = _suggestions(word.replace("’", "'").lower()) if suggest else []
    hint = f" Did you mean {_or_list(suggestions)}?" if suggestions else ""
    message = (
        f'"{word}" may be misspelt.{hint} A clean note reads as careful and professional, '
        "and that is the first impression you get to make."
    )
    return Finding("spelling", "warning", message, offset, offset + len(word))


@lru_cache(maxsize=2048)
def _suggestions(word: str) -> list[str]:
    """Up to three likely intended words, commonest first.

    Most typos are one edit away; the slower two-edit search runs only when that finds nothing.
    """
    checker = speller()
    candidates = checker.known(checker.edit_distance_1(word))
    if not candidates and len(word) <= 12:
        candidates = checker.known(checker.edit_distance_2(word))
    candidates -= {word}
    ranked = sorted(candidates, key=lambda w: (-checker.word_usage_frequency(w), w))
    return ranked[:3]


def _or_list(words: list[str]) -> str:
    quoted = [f'"{w}"' for w in words]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
