"""Concrete open rewordings for yes/no questions ("Do you like X?" -> "What do you enjoy...").

Each pattern matches the whole question from its auxiliary verb on; the first that matches
writes the suggestion. The last resort, "To what extent ..., and why?", fits any yes/no
question, so there is always something concrete to offer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

_DIFFICULTY: Final = "hard|difficult|tough|challenging|stressful|competitive"
_QUANTIFIERS: Final = r"(?:(?:any|many|some|enough|lots of|a lot of|plenty of)\s+)*"
# Past participles whose simple past differs ("Have you ever been..." -> "a time you were...").
_SIMPLE_PAST: Final[dict[str, str]] = {
    "been": "were",
    "gone": "went",
    "done": "did",
    "seen": "saw",
    "taken": "took",
    "given": "gave",
    "written": "wrote",
    "spoken": "spoke",
    "known": "knew",
    "chosen": "chose",
    "begun": "began",
    "grown": "grew",
    "driven": "drove",
    "gotten": "got",
    "shown": "showed",
    "flown": "flew",
    "broken": "broke",
    "become": "became",
    "come": "came",
    "run": "ran",
}

_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]


def _rule(pattern: str, build: Callable[[re.Match[str]], str]) -> _Rule:
    return re.compile(pattern, re.IGNORECASE), build


def _enjoy(m: re.Match[str]) -> str:
    topic = re.sub(r"\byour job\b", "your work", m["topic"], flags=re.IGNORECASE)
    tense = "did" if m["aux"].lower() == "did" else "do"
    return f"What {tense} {m['who'].lower()} enjoy most about {topic}?"


def _difficulty(m: re.Match[str]) -> str:
    rest = f" {m['rest']}" if m["rest"] else ""
    if m["aux"].lower() == "was":
        return f"What made it {m['adj']}{rest}, and how did you handle it?"
    return f"What makes it {m['adj']}{rest}, and how did you manage it?"


def _makes_it(m: re.Match[str]) -> str:
    verb = "made" if m["aux"].lower() == "was" else "makes"
    return f"What {verb} it {m['rest']}?"


def _anything_else(m: re.Match[str]) -> str:
    other = "else " if m["other"] else ""
    pronoun = m["pronoun"] if m["pronoun"] == "I" else m["pronoun"].lower()
    modal = m["modal"].lower()
    if modal == "need to":
        return f"What {other}do {pronoun} need to {m['rest']}?"
    return f"What {other}{modal} {pronoun} {m['rest']}?"


def _tell_me_about(m: re.Match[str]) -> str:
    return f"What can you tell me about {m['rest']}?"


def _suggest_how(m: re.Match[str]) -> str:
    pronoun = "I" if m["pronoun"].lower() == "i" else "we"
    return f"How would you suggest {pronoun} {m['rest']}?"


def _feel_if(m: re.Match[str]) -> str:
    return f"How would you feel if {m['rest']}?"


def _weigh(m: re.Match[str]) -> str:
    return f"What would you weigh in deciding whether to {m['rest']}?"


def _a_time(m: re.Match[str]) -> str:
    first, _, rest = m["rest"].partition(" ")
    past = _SIMPLE_PAST.get(first.lower(), first)
    if first.lower() == "been" and re.match(r"(?:to|abroad|back)\b", rest, re.IGNORECASE):
        past = "went"  # "Have you been to Japan?" -> "a time you went to Japan"
    return f"Tell me about a time {m['who'].lower()} {past}{' ' + rest if rest else ''}."


def _view(m: re.Match[str]) -> str:
    return f"What is your view on whether {m['rest']}?"


def _who(m: re.Match[str]) -> str:
    if m["rest"]:
        return f"Which people {m['rest']} would you suggest I talk to?"
    return "Who would you suggest I talk to?"


def _what_noun(m: re.Match[str]) -> str:
    return f"What {m['noun'].lower()} do you have{m['rest']}?"


def _come_to(m: re.Match[str]) -> str:
    return f"How did you come to {m['rest']}?"


def _to_what_extent(m: re.Match[str]) -> str:
    return f"To what extent {m['all'][0].lower()}{m['all'][1:]}, and why?"


_RULES: Final[tuple[_Rule, ...]] = (
    _rule(
        r"(?P<aux>do|did) (?P<who>you|they|people) (?:really )?(?:like|enjoy|love) (?P<topic>.+)",
        _enjoy,
    ),
    _rule(
        rf"(?P<aux>is|was) it (?:really |very |too |so )?(?P<adj>{_DIFFICULTY})"
        r"(?: (?P<rest>(?:to|for) .+))?",
        _difficulty,
    ),
    _rule(r"(?:is|was) it true that (?P<rest>.+)", _view),
    _rule(r"(?P<aux>is|was) it (?P<rest>.+)", _makes_it),
    _rule(
        r"(?:is|are) there (?:anything|something) (?P<other>else )?(?:that )?"
        r"(?P<pronoun>I|you|we) (?P<modal>should|could|would|can|might|need to) (?P<rest>.+)",
        _anything_else,
    ),
    _rule(rf"(?:is|are) there {_QUANTIFIERS}(?P<rest>.+)", _tell_me_about),
    _rule(r"(?:can|could|would|will) you tell me (?:if|whether) (?P<rest>.+)", _view),
    _rule(r"would you mind if (?P<rest>.+)", _feel_if),
    _rule(r"(?:can|could|may) (?P<pronoun>I|we) (?P<rest>.+)", _suggest_how),
    _rule(r"should (?:I|we) (?P<rest>.+)", _weigh),
    _rule(
        r"(?:have you got|do you have) (?:any )?(?P<noun>advice|tips|suggestions|recommendations"
        r"|thoughts|ideas|regrets|resources|concerns)(?P<rest>.*)",
        _what_noun,
    ),
    _rule(r"(?:do|did) you (?:happen to )?know (?:if|whether) (?P<rest>.+)", _view),
    _rule(r"did you ever (?P<rest>.+)", _come_to),
    _rule(r"have (?P<who>you|they) (?:ever )?(?P<rest>.+)", _a_time),
    _rule(
        r"(?:would|do|did) you (?:say|think|believe|feel|reckon) (?:that |like )?(?P<rest>.+)",
        _view,
    ),
    _rule(
        r"do you know (?:anyone|anybody|someone|somebody|any people|other people|people)"
        r"(?: (?P<rest>.+))?",
        _who,
    ),
    _rule(r"did you (?P<rest>.+)", _come_to),
    _rule(r"(?P<all>.+)", _to_what_extent),
)


def rephrase(question: str) -> str:
    """An open rewording of a yes/no question that starts with its auxiliary verb."""
    core = " ".join(question.split()).rstrip(" ?.!")
    for pattern, build in _RULES:
        match = pattern.fullmatch(core)
        if match:
            return build(match)
    raise AssertionError("the last rule matches any text")  # pragma: no cover
