"""Plain-text helpers shared by the rules: words, sentences, the greeting line."""

from __future__ import annotations

import re
from dataclasses import dataclass

WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
# A greeting line ("Dear Ms. Ortiz," / "Hi Sam!") is not a sentence of the message proper.
GREETING = re.compile(
    r"(?:dear|hi|hello|hey|greetings|good (?:morning|afternoon|evening))\b[^\n]{0,60}$",
    re.IGNORECASE,
)
# Titles and abbreviations whose full stop does not end a sentence.
ABBREVIATION = re.compile(
    r"\b(?:mr|mrs|ms|mx|dr|prof|st|jr|sr|vs|etc|e\.g|i\.e|no|inc|ltd|co|rev|engr|eng|hon|fr|"
    r"sgt|capt|col|gen|lt|adv|cllr|supt|dept|assoc)\.$",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"[.!?]+[\"')\]]*(?=\s)|\n")


def word_count(text: str) -> int:
    """Words as a reader counts them: "don't" and "20-minute" are one word each."""
    return sum(1 for _ in WORD.finditer(text))


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Doc:
    """A message body split once, for all the rules to share."""

    text: str
    greeting: Sentence | None
    sentences: tuple[Sentence, ...]  # without the greeting line

    @classmethod
    def of(cls, text: str) -> Doc:
        pieces = split_sentences(text)
        greeting = None
        if pieces and GREETING.match(pieces[0].text) and word_count(pieces[0].text) <= 6:
            greeting = pieces[0]
            pieces = pieces[1:]
        return cls(text=text, greeting=greeting, sentences=tuple(pieces))

    def sentence_index(self, offset: int) -> int:
        """Which sentence (0-based, greeting excluded) holds `offset`; -1 for the greeting."""
        if self.greeting and offset < self.greeting.end:
            return -1
        for index, sentence in enumerate(self.sentences):
            if offset < sentence.end:
                return index
        return len(self.sentences)


def split_sentences(text: str) -> list[Sentence]:
    """Sentences and lines, with offsets; blank pieces dropped."""
    pieces: list[Sentence] = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        if match.group() != "\n" and ABBREVIATION.search(text[start : match.end()]):
            continue
        _add(pieces, text, start, match.end())
        start = match.end()
    _add(pieces, text, start, len(text))
    return pieces


def _add(pieces: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = start + (len(chunk) - len(chunk.lstrip()))
        pieces.append(Sentence(lead, lead + len(stripped), stripped))
