"""What a request must say: who you are, how you found them, why them, a question, a plan."""

from __future__ import annotations

import re

from coffeechat.domain.checker.context import CheckContext
from coffeechat.domain.checker.text import Doc
from coffeechat.domain.findings import Finding

_TITLES = {"mr", "mrs", "ms", "mx", "dr", "prof", "professor", "sir", "madam"}

_SOURCE = re.compile(
    r"\b(?:alumn(?:i|a|us|ae)|alums?|linkedin|directory|panel(?:ist)?s?|handshake|"
    r"career\s+(?:center|centre|office|fair|services)|conference|webinar|podcast|"
    r"came\s+across|come\s+across|found\s+(?:your|you)|(?:got|have)\s+your\s+(?:name|email)|"
    r"(?:read|saw|seen|heard|watched|listened\s+to|attended|enjoyed|follow(?:ed)?)\s+your|"
    r"your\s+(?:article|talk|blog|post|presentation|profile|book|interview|paper|newsletter|"
    r"website|piece|essay|lecture|keynote|session|op-ed|column)|"
    r"gave\s+me\s+your|passed\s+(?:along|on)\s+your|(?:suggested|recommended)\s+(?:that\s+)?I|"
    r"(?:we|I)\s+met|met\s+you|through\s+(?:the|our|my)\s+\w+)",
    re.IGNORECASE,
)
_INTRODUCTION = re.compile(
    r"(?i:\bmy\s+name\s+is)\b|\b(?i:this\s+is)\s+[A-Z][a-z]+|\bI['’]m\s+(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*,|"
    r"(?i:\bI(?:['’]m|\s+am)\s+(?:an?|currently|in\s+my|studying|majoring|pursuing|completing|"
    r"finishing|working|a\s+recent)\b(?!\s+(?:big\s+|huge\s+|long-?time\s+)?(?:fan|admirer))|"
    r"\bI\s+(?:study|work\s+as|recently\s+graduated|graduated|teach|lead|manage)\b|"
    r"\bas\s+an?\s+(?:\w+\s+){0,2}(?:student|major|junior|senior|sophomore|freshman|graduate)\b)"
)
_WHY_YOU = re.compile(
    r"\byour\s+(?:\w+\s+)?(?:work|experience|career|role|position|background|expertise|"
    r"research|path|journey|transition|move|company|organization|organisation|firm|team|"
    r"agency|lab|department|field|industry|projects?|practice|studio|newsroom|program|years|"
    r"reporting|writing|coverage|leadership|business|clinic|startup|specialty|beat)\b|"
    r"\byou(?:['’]ve|\s+have)?\s+(?:worked|spent|been\s+working|built|led|moved|made|founded|"
    r"started|run|managed|work|lead|manage|run)\b|"
    r"\b(?:in|at)\s+your\s+(?:field|company|organization|firm|team)\b",
    re.IGNORECASE,
)
_QUESTION = re.compile(
    r"\?|\bwould\s+you\s+be\s+(?:willing|open|available|able)|\bcould\s+we\b|"
    r"\bI\s+wonder(?:ed)?\s+(?:if|whether)|\bI\s+was\s+wondering|\bmight\s+you\b|"
    r"\bwould\s+it\s+be\s+possible|\bif\s+you\s+(?:would|['’]d)\s+be\s+(?:willing|open|available)",
    re.IGNORECASE,
)
_FOLLOW_UP_PLAN = re.compile(
    r"\bI(?:['’]ll|\s+will|\s+plan\s+to|\s+intend\s+to|['’]d\s+like\s+to|\s+would\s+like\s+to)\s+"
    r"(?:\w+\s+){0,2}?(?:follow\s+up|call|phone|ring|reach\s+out\s+again|check\s+in|"
    r"touch\s+base|try\s+(?:your|you)|email\s+you\s+again|be\s+in\s+touch)\b",
    re.IGNORECASE,
)


def name_parts(name: str) -> list[str]:
    """The words of a person's name a reader would recognise: "Dr. Ana Ortiz" -> Ana, Ortiz."""
    words = re.findall(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*", name)
    return [w for w in words if len(w) > 1 and w.lower() not in _TITLES]


def referral(doc: Doc, context: CheckContext) -> list[Finding]:
    """`missing-referral` and `referral-late`: name the person who sent you, and name them early."""
    if not context.referrer_name or not name_parts(context.referrer_name):
        return []
    pattern = r"\b(?:" + "|".join(re.escape(p) for p in name_parts(context.referrer_name)) + r")\b"
    mentions = [
        m
        for m in re.finditer(pattern, doc.text, re.IGNORECASE)
        if doc.sentence_index(m.start()) >= 0
    ]
    if not mentions:
        message = (
            f"Mention {context.referrer_name}. A mutual contact is the strongest reason for a "
            "stranger to say yes, and leaving the name out wastes the introduction you were given."
        )
        return [Finding("missing-referral", "error", message)]
    first = mentions[0]
    if doc.sentence_index(first.start()) < 2:
        return []
    message = (
        f"Name {context.referrer_name} in your first sentence or two. Busy people skim; a familiar "
        "name at the top tells them at once that this note is worth reading."
    )
    return [Finding("referral-late", "warning", message, first.start(), first.end())]


def missing_source(doc: Doc, context: CheckContext) -> list[Finding]:
    if context.referrer_name or _SOURCE.search(doc.text):
        return []
    message = (
        "Say how you found them: the alumni network, LinkedIn, an article or talk of theirs. "
        "It shows you chose them on purpose and makes your note feel less like a cold call."
    )
    return [Finding("missing-source", "hint", message)]


def missing_introduction(doc: Doc, context: CheckContext) -> list[Finding]:
    if _INTRODUCTION.search(doc.text):
        return []
    message = (
        "Introduce yourself briefly: your name and your school, program or current role. "
        "A reader who knows who is asking finds it much easier to help."
    )
    return [Finding("missing-introduction", "warning", message)]


def missing_why_you(doc: Doc, context: CheckContext) -> list[Finding]:
    if _WHY_YOU.search(doc.text):
        return []
    message = (
        "Add a line on why you're writing to this person in particular: their field, "
        "organization, role or experience. It tells them their story is the one you want to hear."
    )
    return [Finding("missing-why-you", "warning", message)]


def missing_question(doc: Doc, context: CheckContext) -> list[Finding]:
    if _QUESTION.search(doc.text):
        return []
    message = (
        'Phrase your request as a question, such as "Would you be open to a 20-minute call?" '
        "A question is easy to answer and leaves the choice with them."
    )
    return [Finding("missing-question", "hint", message)]


def missing_follow_up_plan(doc: Doc, context: CheckContext) -> list[Finding]:
    if context.channel != "email" or _FOLLOW_UP_PLAN.search(doc.text):
        return []
    message = (
        "Say how and when you'll follow up, for example \"I'll call your office next Tuesday.\" "
        "It keeps the next step in your hands, so they never have to chase you."
    )
    return [Finding("missing-follow-up-plan", "hint", message)]
