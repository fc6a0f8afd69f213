"""A person's field of work, worked out from their title and organization.

Imported contacts rarely come with a field, yet "I'm learning about transportation planning"
reads far better than a blank. The student's own fields of interest are tried first (they are
the words the student uses); then a small table of common titles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# (pattern over "title organization", field). First match wins, so specific before general.
_TABLE: tuple[tuple[str, str], ...] = (
    (r"\b(?:ux|user experience|interaction|product designer|service designer|ui/ux)\b",
     "UX design"),
    (r"\bux research|user research", "user research"),
    (r"\b(?:game|level) (?:designer|developer|artist)|\bgame studio", "game design"),
    (r"\bgraphic design|visual design|brand design|illustrat", "graphic design"),
    (r"\btransportation|transit|mobility planner", "transportation planning"),
    (r"\b(?:urban|city|regional|land.use) plann|\bplanner\b|\bplanning department",
     "urban planning"),
    (r"\bgis\b|geospatial|cartograph", "GIS"),
    (r"\bdata scien|machine learning|\bml engineer|\bai research", "data science"),
    (r"\bdata (?:analyst|engineer)|analytics|business intelligence", "data analytics"),
    (r"\bsecurity (?:engineer|analyst)|cyber", "cybersecurity"),
    (r"\b(?:software|backend|frontend|full.?stack|web|mobile|ios|android) "
     r"(?:engineer|developer)|\bprogrammer\b|\bsre\b|devops", "software engineering"),
    (r"\bproduct (?:manager|owner|lead)|\bproduct management", "product management"),
    (r"\bepidemiolog|public health|health department", "public health"),
    (r"\bnurs(?:e|ing)\b", "nursing"),
    (r"\bphysician|\bsurgeon|\bdoctor\b|\bresident physician|\bmd\b", "medicine"),
    (r"\bpharmac", "pharmacy"),
    (r"\btherap|counsel(?:l)?or|social worker|psycholog", "mental health"),
    (r"\bpolicy|legislat|government affairs", "public policy"),
    (r"\battorney|lawyer|paralegal|counsel\b|law firm|\blegal\b", "law"),
    (r"\baccountant|accounting|\bcpa\b|\baudit|\btax\b", "accounting"),
    (r"\binvestment|private equity|venture capital|financial analyst|\bfinance\b|\bbank",
     "finance"),
    (r"\bconsult", "consulting"),
    (r"\bmarketing|brand manager|growth|seo\b|content strateg", "marketing"),
    (r"\bjournalis|reporter|correspondent|newsroom|\beditor\b", "journalism"),
    (r"\bcommunications|public relations|\bpr\b", "communications"),
    (r"\brecruit|talent acquisition|human resources|\bhr\b|people operations",
     "human resources"),
    (r"\bteacher|educator|curriculum|school principal|instructional", "education"),
    (r"\bprofessor|lecturer|postdoc|research scientist|\bphd\b", "academic research"),
    (r"\b(?:software|solutions?|cloud|data|enterprise) architect", "software engineering"),
    (r"\barchitect|architecture firm", "architecture"),
    (r"\bcivil engineer|structural engineer", "civil engineering"),
    (r"\bmechanical engineer|electrical engineer|hardware engineer", "engineering"),
    (r"\benvironmental|sustainab|climate|conservation", "environmental work"),
    (r"\bnonprofit|non-profit|fundrais|development director|program officer", "nonprofit work"),
    (r"\bsupply chain|logistics|procurement|operations manager", "operations"),
    (r"\bsales|account executive|business development", "sales"),
    (r"\bmuseum|curator|archiv", "museum work"),
    (r"\bfilm|producer|animator|\bvfx\b", "film and animation"),
)  # fmt: skip
_COMPILED = tuple((re.compile(p, re.IGNORECASE), f) for p, f in _TABLE)
_WORD = re.compile(r"[^\W\d_]+")
# Words too general to tie a title to one of the student's fields ("senior", "manager").
_GENERAL = frozenset(
    [
        "and",
        "the",
        "of",
        "in",
        "for",
        "at",
        "senior",
        "junior",
        "lead",
        "manager",
        "director",
        "associate",
        "assistant",
        "head",
        "chief",
        "officer",
        "specialist",
        "analyst",
        "coordinator",
        "intern",
        "student",
        "work",
        "design",
    ]
)


def infer_field(title: str, organization: str = "", interests: Iterable[str] = ()) -> str:
    """The field a title and organization point to, or "" when nothing fits."""
    text = f"{title} {organization}".strip()
    if not text:
        return ""
    for interest in interests:
        if _shares_a_distinctive_word(interest, text):
            return " ".join(interest.split())
    for pattern, field in _COMPILED:
        if pattern.search(text):
            return field
    return ""


def _shares_a_distinctive_word(interest: str, text: str) -> bool:
    """ "transportation planning" fits "Senior Transportation Planner" (a shared stem)."""
    theirs = {_stem(w) for w in _WORD.findall(text.lower())}
    mine = {_stem(w) for w in _WORD.findall(interest.lower()) if w not in _GENERAL}
    return bool(mine) and bool(mine & theirs)


def _stem(word: str) -> str:
    """A crude stem, enough to match "planner" with "planning" and "nurse" with "nursing"."""
    for _ in range(2):
        for suffix in ("ists", "ism", "ist", "ing", "ers", "er", "s"):
            if len(word) > len(suffix) + 3 and word.endswith(suffix):
                word = word[: -len(suffix)]
                break
    word = word.removesuffix("e")
    if len(word) > 3 and word[-1] == word[-2]:
        word = word[:-1]
    return word


# Every field the table can give, in its order: suggestions wherever a field is typed.
FIELDS: tuple[str, ...] = tuple(dict.fromkeys(field for _, field in _TABLE))
