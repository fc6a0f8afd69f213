"""`asks-for-job`: an informational interview asks for advice, never for a job."""

from __future__ import annotations

import re

from coffeechat.domain.checker.context import CheckContext
from coffeechat.domain.checker.text import Doc
from coffeechat.domain.findings import Finding

_NOUN = (
    r"(?:jobs?|internships?|positions?|openings?|vacanc(?:y|ies)|roles?|employment|co-?ops?)\b"
    # "job search tips" and "job titles" are topics, not asks.
    r"(?!\s*(?:search|hunt|seekers?|market|titles?|descriptions?|boards?|fairs?|shadow))"
)
# Up to three words between the ask and the noun ("any open junior", "a summer"), but never a
# preposition or a possessive: "looking for advice on the role" and "your role" are innocent.
_FILLER = (
    r"(?:(?!(?:on|about|of|in|into|for|to|how|what|regarding|around|with|from|at|and|or|"
    r"your|his|her|their|advice|information|insights?|perspectives?|tips)\b)[\w-]+\s+){0,3}"
)
_ASKS_BEFORE_NOUN = (
    r"ask(?:ing)?\s+(?:you\s+)?(?:for|about)",
    r"(?:looking|searching|hunting|hoping)\s+for",
    r"seeking",
    r"appl(?:y|ying)\s+(?:for|to)",
    r"consider(?:ed|ing)?\s+(?:me\s+)?for",
    r"(?:refer|recommend|put)\s+me\s+(?:forward\s+|in\s+)?for",
    r"referral\s+for",
    r"(?:would|['’]d)\s+(?:like|love)",
    r"(?:want|need|interested\s+in)",
    r"(?:help\s+me|to)\s+(?:land|secure|get|find|obtain)",
    r"(?:are|is)\s+there",
    r"(?:do|does)\s+(?:you|your\s+\w+)\s+have",
    r"(?:know\s+of|aware\s+of|hear\s+of|let\s+me\s+know\s+(?:if|when|about|of))",
    r"keep\s+me\s+in\s+mind\s+for",
)
_ASKS_ON_THEIR_OWN = (
    r"\bhire\s+me\b",
    r"\bhiring\s+me\b",
    r"\b(?:be|get|getting)\s+hired\b",
    r"\bkeep\s+me\s+in\s+mind\b",
    r"\bif\s+(?:anything|something)\s+opens\s+up\b",
    r"\b(?:pass|forward|send)\s+(?:along\s+|on\s+)?my\s+(?:resume|résumé|cv)\b",
    r"\brefer\s+me\s+(?:to|with)\s+(?:the\s+|your\s+)?(?:hiring|recruit)",
)
JOB_ASK = re.compile(
    r"\b(?:"
    + "|".join(_ASKS_BEFORE_NOUN)
    + r")\s+"
    + _FILLER
    + _NOUN
    + "|"
    + "|".join(_ASKS_ON_THEIR_OWN),
    re.IGNORECASE,
)
# Words that, shortly before the ask in the same clause, turn it into its opposite or a topic:
# "I'm not asking for a job", "how you went about applying for positions", "advice for
# someone applying for jobs".
_NEGATION = re.compile(
    r"\b(?:not|never|no|rather\s+than|instead\s+of|how|whether|advice|tips|someone|people|"
    r"students|others)\b|n['’]t\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[,;:—–.!?\n]|\bbut\b", re.IGNORECASE)

MESSAGE = (
    "This reads as asking for a job. An informational interview is a request for advice; "
    "people say yes far more readily when they aren't being asked to hire, and the "
    "conversation stays relaxed. If they know of openings they will usually bring them up."
)


def asks_for_job(doc: Doc, context: CheckContext) -> list[Finding]:
    return [
        Finding("asks-for-job", "error", MESSAGE, match.start(), match.end())
        for match in JOB_ASK.finditer(doc.text)
        if not _negated(doc.text, match.start())
    ]


def _negated(text: str, start: int) -> bool:
    before = text[max(0, start - 60) : start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    clause = before[breaks[-1].end() :] if breaks else before
    return bool(_NEGATION.search(clause))
