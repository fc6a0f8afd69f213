"""`spelling`: unknown English words, tuned to stay quiet about names and jargon."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from spellchecker import SpellChecker

from coffeechat.domain.checker.content import name_parts
from coffeechat.domain.checker.context import CheckContext
from coffeechat.domain.checker.text import Doc
from coffeechat.domain.findings import Finding

# Everyday words of job-search and industry writing that the general dictionary lacks. Kept
# short and curated: words a student really writes, never a guess at what a typo might be.
_EXTRA_WORDS_TEXT = """
    analytics backend bootcamp bootcamps cofounder cofounders cybersecurity dataset datasets
    edtech fintech healthtech biotech medtech proptech insurtech cleantech climatetech govtech
    frontend fullstack github hackathon hackathons linkedin meetup meetups mentee mentees ngo
    ngos nonprofit nonprofits onboarding offboarding organisation organisations résumé résumés
    upskill upskilling webinar webinars inbox inboxes figma saas paas iaas ios android api apis
    ui ux gis sql cpa mba phd jd md msw mph mfa llm llms ai ml devops devrel kanban roadmap
    roadmaps workflow workflows substack podcast podcasts covid zoom slack canva miro asana
    jira notion airtable hubspot salesforce tableau powerbi looker excel javascript typescript
    kubernetes docker wordpress squarespace shopify etsy youtube tiktok instagram
    startup startups scaleup scaleups internship internships externship externships
    coworker coworkers cowork coworking skillset skillsets mindset wellbeing
    postdoc postdocs preprint preprints microfinance microfinancing fundraiser fundraisers
    nonclinical preclinical biostatistics bioinformatics geospatial cleantech esg dei
    stakeholder stakeholders ecommerce e-commerce multifamily underwriting fullstack
    copywriting copyediting copyeditor ghostwriting omnichannel influencer influencers
    telehealth telemedicine pharma biopharma medtech fieldwork casework caseload caseloads
    paralegal paralegals clerkship clerkships practicum practicums capstone capstones
    sophomore sophomores alum alums alumna alumnae coop co-op pre-med pre-law
    tech app apps repo repos mailroom funder funders lmk grad grads admin ok okay fyi asap btw
    dev devs ops qa gpa biz info infos prepped
"""
_TOKEN = re.compile(r"[\w'’]+(?:-[\w'’]+)*")
_SKIPPED_SPANS = re.compile(r"https?://\S+|www\.\S+|\S+@\S+\.\S+|\S+\.(?:com|org|edu|io)\b")
# Suggestions cost about half a millisecond a word; past this many, a note needs a rewrite more
# than a list of corrections, and checking stays fast.
_MAX_WORDS_WITH_SUGGESTIONS = 10
# A capitalized word is read as a name unless it is a typo of a word at least this common
# (pyspellchecker's usage frequency; "sincerely" is about 5e-6, "belly" 1e-5).
_COMMON = 1e-6
_SHORTEST_CAPITALIZED_TYPO = 5
_SHORTEST_CAPITALIZED_SUBSTITUTION = 7
_SHORT = 3
# British spellings, spelt the American way: colour -> color, organise -> organize.
_BRITISH = (
    ("our", "or"), ("ours", "ors"), ("oured", "ored"), ("ouring", "oring"), ("ourite", "orite"),
    ("ourites", "orites"), ("ourful", "orful"), ("ise", "ize"), ("ised", "ized"),
    ("ises", "izes"), ("ising", "izing"), ("isation", "ization"), ("isations", "izations"),
    ("yse", "yze"), ("ysed", "yzed"), ("ysing", "yzing"), ("tre", "ter"), ("tres", "ters"),
    ("ogue", "og"), ("ogues", "ogs"), ("mme", "m"), ("mmes", "ms"), ("ence", "ense"),
    ("ences", "enses"), ("que", "ck"), ("ques", "cks"), ("lled", "led"), ("lling", "ling"),
    ("ller", "ler"), ("llers", "lers"), ("ement", "ment"), ("aemia", "emia"), ("oe", "e"),
    ("ae", "e"),
)  # fmt: skip


@cache
def speller() -> SpellChecker:
    """The English dictionary, loaded on first use (about 0.2 s) and shared after that."""
    checker = SpellChecker()
    checker.word_frequency.load_words(_EXTRA_WORDS_TEXT.split())
    return checker


def spelling(doc: Doc, context: CheckContext) -> list[Finding]:
    """Misspelt words, one finding per occurrence.

    A lower-case word is misspelt when the dictionary lacks it but knows a word an edit or two
    away (a jargon word with no near neighbour is left alone). A capitalized word, wherever it
    stands, is taken for a name unless it is plainly a typo of a common word: same first
    letter, one slip away (a swap, a missing or doubled letter; a changed letter only in a long
    word). That catches "Sincerly" and "Univeristy" but never "Okoye" or "Whitaker".
    """
    ignored = _ignored_words(context)
    skipped = [m.span() for m in _SKIPPED_SPANS.finditer(doc.text)]
    flagged: list[tuple[str, int]] = []
    if doc.greeting is not None:  # "Dear Ms. Abernathy-Quist,": the names in a greeting
        skipped.append((doc.greeting.start, doc.greeting.end))
    for token in _TOKEN.finditer(doc.text):
        if any(start <= token.start() < end for start, end in skipped):
            continue
        parts = token.group().split("-")
        if len(parts) > 1 and (
            _known(token.group().lower()) or sum(p[:1].isupper() for p in parts) > 1
        ):
            continue  # "co-op", "pre-med"; "Abernathy-Quist" is a name
        offset = token.start()
        for part in parts:
            if (len(parts) == 1 or len(part) > _SHORT) and _misspelt(part, ignored):
                flagged.append((part, offset))
            offset += len(part) + 1
    flagged = _without_foreign_phrases(doc.text, flagged)
    return [
        _finding(word, offset, suggest=index < _MAX_WORDS_WITH_SUGGESTIONS)
        for index, (word, offset) in enumerate(flagged)
    ]


def _without_foreign_phrases(text: str, flagged: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Two unknown words side by side are a phrase in another language ("go raibh maith
    agat"), not two typos, unless a word is a plain slip of a common word ("definately")."""
    keep = []
    for index, (word, offset) in enumerate(flagged):
        neighbours = flagged[max(0, index - 1) : index] + flagged[index + 1 : index + 2]
        if _plain_typo(word.lower().replace("’", "'")) or not any(
            _adjacent(text, (word, offset), other) for other in neighbours
        ):
            keep.append((word, offset))
    return keep


def _adjacent(text: str, a: tuple[str, int], b: tuple[str, int]) -> bool:
    first, second = sorted((a, b), key=lambda item: item[1])
    between = text[first[1] + len(first[0]) : second[1]]
    return 0 < len(between) <= 2 and not between.strip(" ")


def _ignored_words(context: CheckContext) -> frozenset[str]:
    words = {w.lower() for w in context.personal_words}
    names = (*context.known_names, context.referrer_name or "", context.recipient_name or "")
    for name in names:
        words.update(part.lower().replace("’", "'") for part in name_parts(name))
        words.add(name.lower())
    return frozenset(words)


def _misspelt(word: str, ignored: frozenset[str]) -> bool:
    word = word.replace("’", "'").strip("'")
    if word.lower().endswith("'s"):
        word = word[:-2]
    if len(word) < 2 or any(ch.isdigit() or ch == "_" for ch in word):
        return False
    if word.isupper() or any(ch.isupper() for ch in word[1:]):
        return False  # acronyms (UX, CPA) and brand casing (iOS, LinkedIn, SaaS, McKinsey)
    lower = word.lower()
    if lower in ignored or _known(lower):
        return False
    if word[0].isupper():
        return _plain_typo(lower)
    if len(lower) <= _SHORT + 1:  # "teh", "adn": only a swapped pair is a sure slip
        return _plain_typo(lower, shortest=3)
    return bool(_suggestions(lower))


def _known(lower: str) -> bool:
    checker = speller()
    if checker.known([lower]) or checker.known([lower.split("'")[0]]):
        return True
    plain = unicodedata.normalize("NFKD", lower)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    if plain != lower and checker.known([plain]):
        return True
    return any(
        lower.endswith(british) and checker.known([lower[: -len(british)] + american])
        for british, american in _BRITISH
    )


@lru_cache(maxsize=4096)
def _plain_typo(lower: str, shortest: int = _SHORTEST_CAPITALIZED_TYPO) -> bool:
    """An unknown word one plain slip from a common word: "Sincerly", "Thier", "Buisness".

    Plain slips: two letters swapped; a letter dropped inside the word; a letter doubled or
    undoubled ("Untill"); a letter changed, in a long word ("Oppertunity"). Names differ from
    words in other ways (an extra or dropped last letter: "Grande", "Mathematica", "Angeles").
    """
    if len(lower) < shortest:
        return False
    checker = speller()
    for candidate in checker.known(checker.edit_distance_1(lower)):
        if candidate[0] != lower[0] or "'" in candidate:
            continue
        if checker.word_usage_frequency(candidate) < _COMMON:
            continue
        if len(candidate) == len(lower):
            if _is_swap(lower, candidate):
                return True
            changed_inside = candidate[-1] == lower[-1]
            if len(lower) >= _SHORTEST_CAPITALIZED_SUBSTITUTION and shortest > 3 and changed_inside:
                return True
        elif (shortest > 3 and _dropped_inside(lower, candidate)) or (
            shortest > 3 and _doubling(lower, candidate)
        ):
            return True
    return False


def _dropped_inside(word: str, candidate: str) -> bool:
    """`word` is `candidate` with one letter missing, not at either end: "sincerly"."""
    if len(candidate) != len(word) + 1 or len(word) < _SHORTEST_CAPITALIZED_TYPO + 1:
        return False
    return any(candidate[:i] + candidate[i + 1 :] == word for i in range(1, len(candidate) - 1))


def _doubling(word: str, candidate: str) -> bool:
    """One letter doubled or undoubled: "untill", "ocurred"."""
    longer, shorter = (word, candidate) if len(word) > len(candidate) else (candidate, word)
    if len(longer) != len(shorter) + 1:
        return False
    return any(
        longer[i] == longer[i + 1] and longer[:i] + longer[i + 1 :] == shorter
        for i in range(len(longer) - 1)
    )


def _is_swap(a: str, b: str) -> bool:
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]


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
