"""`missing-time-request` and `time-request-long`: ask for a specific, modest length of time."""

from __future__ import annotations

import re
from dataclasses import dataclass

from coffeechat.domain.checker.context import CheckContext
from coffeechat.domain.checker.text import Doc
from coffeechat.domain.findings import Finding

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "five": 5, "ten": 10, "fifteen": 15, "twenty": 20,
    "twenty-five": 25, "twenty five": 25, "thirty": 30, "forty": 40, "forty-five": 45,
    "forty five": 45, "fifty": 50, "sixty": 60, "ninety": 90, "four": 4, "six": 6,
    "twelve": 12, "eight": 8, "thirty-five": 35, "thirty five": 35,
    "fifty-five": 55, "seventy": 70, "seventy-five": 75, "a couple of": 2, "a couple": 2,
}  # fmt: skip
_NUM = r"(?:\d+(?:\.\d+)?|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + ")"
_MINUTES = r"\s*-?\s*(?:minutes?|mins?)\b"
_HOURS = r"\s*-?\s*(?:hours?|hrs?)\b"
_DURATION = re.compile(
    rf"\b(?P<lo_m>{_NUM})\s*(?:-|–|to|or)\s*(?P<hi_m>{_NUM}){_MINUTES}"
    rf"|\b(?P<lo_h>{_NUM})\s*(?:-|–|to|or)\s*(?P<hi_h>{_NUM}){_HOURS}"
    rf"|\b(?P<m>{_NUM}){_MINUTES}"
    r"|\b(?P<quarter>(?:a\s+)?quarter\s+(?:of\s+)?an?\s+hour|quarter-?\s?hour)\b"
    r"|\b(?P<three_quarters>three[\s-]quarters\s+of\s+an\s+hour)\b"
    r"|\b(?P<half>half\s+an\s+hour|half-?\s?hour|half\s+of\s+an\s+hour)\b"
    r"|\b(?P<hour_half>(?:an|one|1)\s+hour\s+and\s+a\s+half)\b"
    rf"|\b(?P<h>an|one|{_NUM}){_HOURS}"
    r"|\b(?P<full_hour>(?:a|one)\s+(?:full|whole|solid|good|entire)\s+hour|the\s+better\s+part\s+"
    r"of\s+an\s+hour)\b"
    r"|\b(?P<period>(?:an?|the)\s+(?:(?:whole|full|entire|long)\s+)?(?:afternoon|morning|evening|"
    r"day|week|weekend|workday|working\s+day)|half\s+a\s+day|(?:a\s+)?half[\s-]day|"
    r"(?:a\s+few|several|some|a\s+couple\s+of)\s+hours)\b",
    re.IGNORECASE,
)
# A part of a day asked for ("spend an afternoon with you", "shadow you for a day") counts
# only after words that ask for someone's time, and not in plans of the student's own.
_PERIOD_ASK_BEFORE = re.compile(
    r"\b(?:spend|spare|shadow|join|accompany|give|have|take|visit|with\s+you|devote|"
    r"set\s+aside|block\s+out|borrow|free\s+up)\b",
    re.IGNORECASE,
)
_PERIOD_OWN_PLAN = re.compile(
    r"\bI(?:['’]ll|\s+will|\s+am|['’]m)\s+(?:be|in|away|visiting)\b", re.I
)
_PERIOD_MINUTES = {
    "afternoon": 180, "morning": 180, "evening": 180, "day": 480, "workday": 480,
    "working day": 480, "week": 2400, "weekend": 960, "half": 240, "hours": 120,
}  # fmt: skip
# Durations that describe something else: "I spent an hour on your blog", "ten minutes ago".
# ("Would you spend 20 minutes" is an ask, so only the past tense is excluded.)
_NOT_A_REQUEST_BEFORE = re.compile(
    r"\b(?:spent|every|each|per|within)\s+$"
    # a length they offered or named: "you kindly offered 45 minutes, but 20 is plenty"
    r"|\byou\s+(?:\w+\s+)?(?:offered|suggested|proposed|mentioned|said|gave\s+me|spent)\s+"
    r"(?:me\s+)?(?:up\s+to\s+|about\s+|almost\s+|nearly\s+)?$",
    re.I,
)
_NOT_A_REQUEST_AFTER = re.compile(
    r"^(?:['’]s?)?\s*(?:ago|drive|walk|commute|away|flight|train|ride|journey|trip|bus|"
    r"from|outside|north|south|east|west|early|late|behind|ahead)\b",
    re.IGNORECASE,
)
# Hours the student's course requires: "I need 400 hours for my BSW", "I must log 120 hours".
_REQUIRED_BEFORE = re.compile(
    r"\b(?:i|we)\s+(?:still\s+)?(?:need|have\s+to\s+(?:complete|log|do)|must\s+(?:complete|log|"
    r"do))\s+(?:about\s+|around\s+|at\s+least\s+|another\s+)?$",
    re.IGNORECASE,
)
# "your 45-minute webinar", "a three-hour lab": a length that describes a thing, not the ask.
_OWNER_BEFORE = re.compile(r"\b(?:your|his|her|their|my|our|the|this|that|its)\s+$", re.I)
_THING_AFTER = re.compile(r"^\s*([a-z]+)", re.IGNORECASE)
_MEETING_NOUNS = frozenset(
    [
        "call",
        "calls",
        "chat",
        "chats",
        "conversation",
        "conversations",
        "meeting",
        "meetings",
        "coffee",
        "zoom",
        "video",
        "phone",
        "talk",
        "informational",
        "interview",
        "slot",
        "window",
        "session",
        "sit-down",
        "sitdown",
        "catch-up",
        "catchup",
        "appointment",
        "visit",
        "lunch",
        "break",
        "yarn",
        "natter",
        "chinwag",
        "convo",
        "hangout",
        "facetime",
        "teams",
        "skype",
        "meet",
    ]
)
# A day or week named as a date, not asked for: "next week or the week after"; "I'll give it a
# week and then send a reminder" (the student waiting).
_PERIOD_AS_DATE = re.compile(
    r"^\s+(?:after|before|of|following|beginning|starting|commencing)\b", re.I
)
_WAITING_BEFORE = re.compile(r"\bgive\s+(?:it|them|you)\s+(?:a|one|another)?\s*$", re.I)
_VAGUE = re.compile(
    r"\b(?:a\s+few|a\s+couple(?:\s+of)?|some)\s+(?:minutes|moments)\b"
    r"|\bsome\s+(?:of\s+your\s+)?time\b"
    r"|\b(?:a\s+)?(?:little|bit)\s+of\s+your\s+time\b"
    r"|\b(?:chat|talk|meet|connect|speak)\s+(?:sometime|some\s+time|soon)\b"
    r"|\ba\s+(?:quick|brief|short)\s+(?:chat|call|conversation|meeting|talk)\b"
    # open-ended in time as well as length: "a chat whenever you are free"
    r"|\ba\s+(?:chat|call|conversation|meeting|talk)\s+(?:whenever|at\s+your\s+convenience|"
    r"when\s+you(?:['’]re|\s+are)\s+free)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Duration:
    minutes: float
    start: int
    end: int


def durations(text: str) -> list[Duration]:
    """Every length of time the text asks for, in minutes (a range counts as its upper end)."""
    found = []
    for match in _DURATION.finditer(text):
        before = text[max(0, match.start() - 20) : match.start()]
        if _NOT_A_REQUEST_BEFORE.search(before) or _NOT_A_REQUEST_AFTER.match(text[match.end() :]):
            continue
        if _REQUIRED_BEFORE.search(text[max(0, match.start() - 40) : match.start()]):
            continue
        if match.group("period") and (
            not _PERIOD_ASK_BEFORE.search(text[max(0, match.start() - 40) : match.start()])
            or _PERIOD_OWN_PLAN.search(text[max(0, match.start() - 60) : match.start()])
            or _PERIOD_AS_DATE.match(text[match.end() :])
            or _WAITING_BEFORE.search(before)
        ):
            continue
        singular = re.search(r"(?:minute|min|hour|hr)$", match.group(), re.IGNORECASE)
        if singular and _about_something_else(before, text[match.end() :]):
            continue
        found.append(Duration(_minutes(match), match.start(), match.end()))
    return found


def _about_something_else(before: str, after: str) -> bool:
    """A length that describes a thing ("your 45-minute talk", "a two-hour lab") rather than
    the time asked for ("a 20-minute call", "20 minutes of your time")."""
    thing = _THING_AFTER.match(after)
    if thing is None or thing.group(1).lower() in ("of", "or", "to", "and", "by", "for", "on"):
        return False
    noun = thing.group(1).lower()
    second = re.match(r"^\s*[a-z]+\s+([a-z]+)", after, re.IGNORECASE)
    if noun not in _MEETING_NOUNS and second and second.group(1).lower() in _MEETING_NOUNS:
        # "a 20-minute virtual chat" is asked for; "our two-hour lab session" is a thing
        return bool(_OWNER_BEFORE.search(before))
    if noun in _MEETING_NOUNS:
        return bool(_OWNER_BEFORE.search(before)) and noun == "talk"
    return bool(re.match(r"^\s*[a-z]", after, re.IGNORECASE)) and not re.match(
        r"^\s*(?:of|or|to|and|by|for|on|in|at|with|this|next|sometime|some|over|per|so|if|"
        r"when|that|would|could|max|maximum|tops|at\s+most|is|was|would|should|of\s+your|"
        r"or\s+so|before|after|during|between|from|either|whenever|whichever|any|i|you|we|"
        r"together|one|a|an|the|later|soon|early|each|every|total|tomorrow|today|tonight|"
        r"please|just|only|or\s+two|sometime|anytime|whenever|here|there|then|too|as|but)\b",
        after,
        re.IGNORECASE,
    )


_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy")


def _minutes(match: re.Match[str]) -> float:
    groups = match.groupdict()
    if groups.get("period"):
        words = groups["period"].lower().replace("-", " ").split()
        key = next((w for w in reversed(words) if w in _PERIOD_MINUTES), "hours")
        if "half" in words:
            key = "half"
        if " ".join(words[-2:]) == "working day":
            key = "working day"
        return _PERIOD_MINUTES[key]
    for lo, hi in (("lo_m", "hi_m"), ("lo_h", "hi_h")):
        # "forty-five" is one number, not a range from forty to five
        if groups[lo] and groups[lo].lower() in _TENS and _number(groups[hi]) < 10:
            total = _number(groups[lo]) + _number(groups[hi])
            return total if lo == "lo_m" else total * 60
    if groups.get("full_hour"):
        return 60
    if groups.get("quarter"):
        return 15
    if groups.get("three_quarters"):
        return 45
    if groups["hi_m"]:
        return max(_number(groups["lo_m"]), _number(groups["hi_m"]))
    if groups["hi_h"]:
        return max(_number(groups["lo_h"]), _number(groups["hi_h"])) * 60
    if groups["m"]:
        return _number(groups["m"])
    if groups["half"]:
        return 30
    if groups["hour_half"]:
        return 90
    return _number(groups["h"]) * 60


def _number(word: str) -> float:
    word = word.lower()
    if word in ("an", "one"):
        return 1
    return float(_NUMBER_WORDS.get(word) or word)


def missing_time_request(doc: Doc, context: CheckContext) -> list[Finding]:
    if durations(doc.text) or context.minutes is not None:
        return []
    vague = _VAGUE.search(doc.text)
    if vague is None and context.kind != "request":
        return []
    message = (
        "Ask for a specific length of time, such as 20 minutes. A clear, small request is easy "
        "to fit into a busy week; an open-ended one sounds like it could take all afternoon."
    )
    if vague is None:
        return [Finding("missing-time-request", "warning", message)]
    return [Finding("missing-time-request", "warning", message, vague.start(), vague.end())]


def time_request_long(doc: Doc, context: CheckContext) -> list[Finding]:
    """The length stated in the text wins; `context.minutes` is the fallback."""
    rules = context.rules
    found = durations(doc.text)
    if found:
        longest = max(found, key=lambda d: d.minutes)
        minutes, start, end = longest.minutes, longest.start, longest.end
    elif context.minutes is not None:
        minutes, start, end = context.minutes, None, None
    else:
        return []
    if minutes <= rules.long_minutes:
        return []
    asked = f"{minutes:g} minutes"
    if minutes > rules.max_minutes:
        message = (
            f"{asked} is a lot to ask of someone you haven't met. First conversations usually "
            f"run 15 to {rules.long_minutes} minutes; a short ask gets a yes far more often, and "
            "a good chat can always run over if they wish."
        )
        return [Finding("time-request-long", "error", message, start, end)]
    message = (
        f"{asked} is on the long side. 15 to {rules.long_minutes} minutes is the usual first "
        "ask: easy to say yes to, and if they're enjoying it they can offer more."
    )
    return [Finding("time-request-long", "warning", message, start, end)]
