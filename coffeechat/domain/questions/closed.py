"""Spotting questions that can be answered with a plain yes or no.

Open questions (what, how, why, tell me about...) get people telling stories, and stories are
where the useful advice is (docs/method.md §4). A question that opens with an auxiliary verb
("Do you...", "Is it...", "Have you ever...") invites a one-word answer, so it gets a hint with
a concrete rewording. Polite requests ("Could you walk me through...", "Can you describe...")
are open in practice and are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from coffeechat.domain.checker.job_ask import job_asks
from coffeechat.domain.findings import Finding
from coffeechat.domain.questions.rephrase import rephrase

RULE_ID: Final = "closed-question"
JOB_ASK_RULE_ID: Final = "asks-for-job"
JOB_ASK_MESSAGE: Final = (
    "This asks about a job, not for advice. Asked in an informational interview, it changes "
    "the conversation from learning to applying, and people open up less. Leave it out; if "
    "they know of openings, they will usually mention them."
)


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


AUXILIARIES: Final[frozenset[str]] = _word_set(
    "do does did is are was were am can could will would should shall have has had may might "
    "must don't doesn't didn't isn't aren't wasn't weren't can't couldn't won't wouldn't "
    "shouldn't haven't hasn't"
)
OPEN_STARTERS: Final[frozenset[str]] = _word_set(
    "what what's how how's why which who who's whom whose where when tell describe walk share "
    "explain talk imagine please"
)
# Words that can precede the real start of a question without changing it ("So, is it...").
_FILLERS: Final[frozenset[str]] = _word_set("and so also but then now ok okay well just")
# "Could you <verb> ..." is a polite request for an explanation, not a yes/no question.
_POLITE_VERBS: Final[frozenset[str]] = _word_set(
    "describe explain tell walk talk share give outline elaborate expand paint help name list "
    "sketch summarize summarise"
)
_POLITE_GERUNDS: Final[frozenset[str]] = _word_set(
    "describing explaining telling walking talking sharing giving outlining elaborating "
    "expanding sketching summarizing summarising"
)
_REQUEST_AUXILIARIES: Final[frozenset[str]] = frozenset({"can", "could", "would", "will"})
_MAX_LEAD_INS: Final = 3

_SEGMENT = re.compile(r"[^.?!]+[.?!]*")
_WORD = re.compile(r"[A-Za-z']+")


@dataclass(frozen=True, slots=True)
class _Word:
    text: str  # lower-cased, straight apostrophes
    start: int
    end: int


def check_question(text: str) -> list[Finding]:
    """A warning for each sentence of `text` that asks about a job (never reworded), and hints
    for each other sentence that invites a yes/no answer.

    A hint's `start`/`end` cover the leading words ("Do you", "Have you ever"); a warning's
    cover the job ask.
    """
    findings: list[Finding] = []
    normalized = text.replace("\u2019", "'")
    asks = job_asks(text)
    for segment in _SEGMENT.finditer(normalized):
        ask = next((a for a in asks if segment.start() <= a.start < segment.end()), None)
        if ask is not None:
            phrase = " ".join(text[ask.start : ask.end].split())
            findings.append(
                Finding(
                    rule=JOB_ASK_RULE_ID,
                    severity="warning",
                    message=f'"{phrase}": {JOB_ASK_MESSAGE}',
                    start=ask.start,
                    end=ask.end,
                )
            )
            continue
        words = [
            _Word(m.group().lower(), m.start(), m.end())
            for m in _WORD.finditer(normalized, segment.start(), segment.end())
        ]
        start = _closed_start(normalized, words)
        if start is None:
            continue
        lead_end = _leading_words_end(words, start)
        lead_in = _lead_in(text, segment.start(), words[start].start)
        core = text[words[start].start : segment.end()]
        findings.append(
            Finding(
                rule=RULE_ID,
                severity="hint",
                message=_message(lead_in, core),
                start=words[start].start,
                end=words[lead_end].end,
            )
        )
    return findings


def is_open(text: str) -> bool:
    """True when no sentence of `text` invites a yes/no answer (or asks about a job)."""
    return not check_question(text)


def _closed_start(text: str, words: list[_Word]) -> int | None:
    """Index of the auxiliary that opens a closed question, or None for an open sentence."""
    index = 0
    for _ in range(_MAX_LEAD_INS + 1):
        while index < len(words) and words[index].text in _FILLERS:
            index += 1
        if index >= len(words) or words[index].text in OPEN_STARTERS:
            return None
        if words[index].text in AUXILIARIES:
            return None if _is_polite_request(words[index:]) else index
        # Skip a lead-in clause such as "In your experience," and look again.
        comma = text.find(",", words[index].end, words[-1].end)
        if comma == -1:
            return None
        index = next((i for i, word in enumerate(words) if word.start > comma), len(words))
    return None


def _is_polite_request(words: list[_Word]) -> bool:
    texts = [word.text for word in words if word.text != "please"] + ["", "", ""]
    auxiliary, subject, verb, after = texts[0], texts[1], texts[2], texts[3]
    if auxiliary not in _REQUEST_AUXILIARIES or subject != "you":
        return False
    if verb == "mind":
        return after in _POLITE_GERUNDS
    if verb == "tell":
        # "Can you tell me whether..." still asks for a yes or no.
        return not {"if", "whether"} & set(texts[3:5])
    if verb == "say":
        return after == "more"
    return verb in _POLITE_VERBS


def _leading_words_end(words: list[_Word], start: int) -> int:
    end = min(start + 1, len(words) - 1)
    if end + 1 < len(words) and words[end + 1].text in {"ever", "say"}:
        end += 1
    return end


def _lead_in(text: str, segment_start: int, question_start: int) -> str:
    """A lead-in clause worth keeping in the suggestion ("In your experience,"), else ""."""
    lead = text[segment_start:question_start].strip()
    return lead if lead.endswith(",") else ""


def _message(lead_in: str, core: str) -> str:
    suggestion = rephrase(core)
    if lead_in:
        suggestion = f"{lead_in} {suggestion[0].lower()}{suggestion[1:]}"
    advice = (
        'This one can be answered with a quick "yes" or "no". Open questions invite stories, '
        "and stories are where the useful advice is."
    )
    if job_asks(suggestion):  # never polish a question into a job ask
        return f"{advice} Try opening with what, how or why."
    return f'{advice} You could try: "{suggestion}"'
