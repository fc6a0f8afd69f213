"""Words and phrases that recur across different people's answers.

One person repeating a phrase five times is still one voice; a phrase counts once per person,
and only phrases that two or more people used are worth pointing at.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

_STOP_WORDS_TEXT = """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each even ever few
    for from further get gets got had has have having he her here hers herself him himself his
    how i if in into is it its itself just like lot lots many me more most much must my myself
    no nor not now of off on once one only or other our ours ourselves out over own really
    said say says same she should so some such than that the their theirs them themselves then
    there these they this those through to too under until up us very was way we well were what
    when where which while who whom why will with would you your yours yourself yourselves
    don't doesn't didn't isn't aren't wasn't can't won't it's that's i'm you're they're we're
    thing things kind sort
"""
STOP_WORDS: frozenset[str] = frozenset(_STOP_WORDS_TEXT.split())

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# Phrases never run across a sentence or clause boundary.
_CLAUSE = re.compile(r"[.!?;:\n()\[\]\"“”]+|,\s|\s[-–—]\s")


@dataclass(frozen=True, slots=True)
class Note:
    """One person's words: `person` identifies them (two notes from one person share it)."""

    person: Hashable
    name: str
    text: str


@dataclass(frozen=True, slots=True)
class Phrase:
    text: str
    people: tuple[str, ...]  # names, in the order they first said it


def phrases_in(text: str, longest: int = 3) -> set[str]:
    """Every 1- to `longest`-word phrase of `text`, after the stop words are taken out."""
    found: set[str] = set()
    for clause in _CLAUSE.split(text.casefold()):
        words = [
            w.replace("’", "'")
            for w in _WORD.findall(clause)
            if w.replace("’", "'") not in STOP_WORDS and not w.isdigit() and len(w) > 1
        ]
        for n in range(1, longest + 1):
            for start in range(len(words) - n + 1):
                found.add(" ".join(words[start : start + n]))
    return found


def recurring_phrases(
    notes: Iterable[Note], *, min_people: int = 2, longest: int = 3, limit: int = 12
) -> list[Phrase]:
    """Phrases at least `min_people` different people used, the most widely shared first.

    A shorter phrase is dropped when a longer one containing it was said by the same people:
    "learn sql" says more than "learn" and "sql" apart.
    """
    said_by: dict[str, dict[Hashable, str]] = {}
    for note in notes:
        for phrase in phrases_in(note.text, longest):
            said_by.setdefault(phrase, {}).setdefault(note.person, note.name)
    shared = {p: people for p, people in said_by.items() if len(people) >= min_people}
    # Only a phrase said by exactly the same people can make another redundant: compare within
    # those groups instead of every pair (thousands of notes share thousands of phrases).
    same_people: dict[frozenset[Hashable], list[str]] = {}
    for p, people in shared.items():
        same_people.setdefault(frozenset(people), []).append(p)
    kept = [
        p
        for p, people in shared.items()
        if not any(
            other != p and f" {p} " in f" {other} " for other in same_people[frozenset(people)]
        )
    ]
    kept.sort(key=lambda p: (-len(shared[p]), -len(p.split()), p))
    return [Phrase(p, tuple(shared[p].values())) for p in kept[:limit]]
