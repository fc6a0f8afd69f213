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
    startup startups scaleup scaleups internship internships externship externships comms
    coworker coworkers cowork coworking skillset skillsets mindset wellbeing regen
    postdoc postdocs preprint preprints microfinance microfinancing fundraiser fundraisers
    speciality specialities
    nonclinical preclinical biostatistics bioinformatics geospatial cleantech esg dei
    cofounded cofounding stakeholder stakeholders ecommerce e-commerce multifamily underwriting
    copywriting copyediting copyeditor ghostwriting omnichannel influencer influencers
    telehealth telemedicine pharma biopharma medtech fieldwork casework caseload caseloads
    paralegal paralegals clerkship clerkships practicum practicums capstone capstones
    sophomore sophomores alum alums alumna alumnae coop co-op pre-med pre-law
    tech app apps repo repos mailroom funder funders lmk grad grads admin ok okay fyi asap btw
    dev devs ops qa gpa biz info infos prepped commis garde mise brunoise chiffonade
    rewilding rewild rewilded
    pytorch numpy scipy scikit jupyter matlab stata rstudio dataviz postgres postgresql mysql
    nosql mongodb graphql devsecops ansible serverless terraform kubectl golang rust haskell
    crypto wireframe wireframes wireframing standup standups reskilling async gamification
    proteomics genomics crispr pipetting wetlab drylab clinicals predoctoral regtech agtech
    renewables microgrid microgrids placemaking walkability barista baristas amicus
    pitchbook capiq bloomberg refinitiv factset vlookup xlookup martech adtech podcaster
    podcasters vlog vlogs vlogger vloggers videography animatic previs mograph gamedev
    playtest playtesting esports grantmaking grantwriting cerner hipaa phlebotomist
    phlebotomy sonography sonographer prelaw premed predental prevet lsat mcat gmat gre pcat
    nclex usmle gmail calendly genai chatbot chatbots onprem infosec pentest pentesting
    appsec verilog autocad revit arcgis qgis kaizen sourcer sourcers convo convos intro intros
    approx prereq prereqs postgrad undergrad undergrads biochem ochem orgo neuro neurosci
    compsci polisci anthro econ stats calc deliverable deliverables learnings offsite onsite
    rebrand rebranding repost retweet livestream livestreams webcast webcasts followup
    followups timeslot timeslots timezone timezones whiteboarding workstream workstreams
    upskilled reskill microservice microservices middleware blockchain fintechs startup's
    thx pls tbh imo lol btw gonna wanna kinda sorta y'all yall tho
    maths aluminium sceptical manoeuvre pyjamas draught jewellery paediatric paediatrics
    haematology gynaecology orthopaedics anaesthesia anaesthetist oncologist oncology
    rotation rotations preceptor preceptorship clerkship subinternship
    ehr emr epic sas spss alteryx dbt airflow snowflake bigquery redshift databricks
    powerbi lookml figjam framer webflow zapier jira confluence trello notion github gitlab
    dataops mlops llmops fullstack ux-ui omnichannel programmatic ugc seo sem ppc cro
    casemix caseworker caseworkers telehealth biostat biostats epi epidemiologist
    cna cnas lede ledes scada lidar familia aroha sensei senpai chisme latinx latine
"""
# Greetings and thanks in other languages that students write; a word beside one of these
# ("Grazie mille", "Diolch yn fawr") is part of the same phrase, not a typo.
_FOREIGN_TEXT = """
    merci gracias danke ciao namaste shukran asante salaam shalom obrigado obrigada grazie
    arigato spasibo mahalo aloha hola bonjour salut diolch cofion bore nos kia ora slainte
    saludos cordiales atentamente abrazos mit freundlichen grussen gruss viele herzliche
    cordialement bien amicalement cordiali saluti distinti grazie mille tak hilsen med venlig
    vennlig groeten hartelijk dank groetjes pozdrawiam serdecznie dziekuje salam alaikum
    assalamu inshallah habibi tusen takk tack hej hallo
"""
_FOREIGN = frozenset(_FOREIGN_TEXT.split())
_EXTRA_WORDS = frozenset(_EXTRA_WORDS_TEXT.split())
# A capitalised word just before one of these is part of a name ("Blasket Islands", "Sutter
# Health"), whether or not it looks like a slip of a word.
_NAME_NOUNS_TEXT = """
    island islands isle river street st avenue ave road bay hall health labs lab group
    university college institute foundation partners capital press club park lake mountain
    mountains valley center centre hospital school museum gallery studio studios inc llc ltd
    corp bank media records books review times post journal county city state heights beach
    springs falls creek hills square ventures consulting associates solutions systems
    technologies analytics design designs architects law clinic society trust fund council
    academy theatre theater orchestra company
"""
_NAME_NOUNS = frozenset(_NAME_NOUNS_TEXT.split())
_TOKEN = re.compile(r"[\w'’]+(?:-[\w'’]+)*")
# Links, addresses, file names, hashtags and handles: not words.
_SKIPPED_SPANS = re.compile(
    r"https?://\S+|www\.\S+|\S+@\S+\.\S+|\S+\.(?:com|org|edu|io|net|gov|co|ai|dev)\b|"
    r"\S+\.(?:pdf|docx?|pptx?|xlsx?|csv|png|jpe?g|key|pages|ipynb|py|md)\b|(?<![\w@])[#@]\w+"
)
# Suggestions cost about half a millisecond a word; past this many, a note needs a rewrite more
# than a list of corrections, and checking stays fast.
_MAX_WORDS_WITH_SUGGESTIONS = 10
# A capitalized word is read as a name unless it is a typo of a word at least this common
# (pyspellchecker's usage frequency; "sincerely" is about 5e-6, "belly" 1e-5).
_COMMON = 1e-6
_COMMON_FOR_A_NAME = 5e-6
_SHORTEST_CAPITALIZED_TYPO = 5
# A lower-case slip is read towards a word at least this common; a two-letter slip only towards
# a common word ("tommorow" -> "tomorrow") in a word long enough to carry two slips.
_RARE = 1e-7
_COMMON_LONG = 1e-6
_VERY_COMMON = 1e-4
# Everyday words ("block", "out", "hand", "sight"), not fragments such as "ing" or "writ".
_EVERYDAY = 1e-5
_FAR_COMMONER = 30
_SHORTEST_TWO_EDIT_TYPO = 8
_LONGEST_TWO_EDIT_SEARCH = 14
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
    ("ller", "ler"), ("llers", "lers"), ("dgement", "dgment"), ("dgements", "dgments"),
    ("aemia", "emia"), ("oe", "e"), ("ae", "e"), ("bre", "ber"), ("bres", "bers"), ("gre", "ger"),
    ("gres", "gers"), ("tred", "tered"), ("tring", "tering"),
)  # fmt: skip
# Shorthand of text messages and phrases run together: a slip in a professional note, though no
# dictionary slip ("ur", "wud", "abt", "Thankyou", "alot").
_SHORTHAND_TEXT = """
    u ur wud shud cud abt pls plz thx thnx tmrw tmr ppl msg cuz coz tho thankyou alot infact
    aswell atleast eachother incase inspite ontop
"""
_SHORTHAND = frozenset(_SHORTHAND_TEXT.split())


@cache
def speller() -> SpellChecker:
    """The English dictionary, loaded on first use (about 0.2 s) and shared after that."""
    checker = SpellChecker()
    checker.word_frequency.load_words(_EXTRA_WORDS_TEXT.split())
    checker.word_frequency.load_words(_FOREIGN)
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
    # "Dear Ms. Abernathy-Quist,": the names in a greeting
    greeting = [(doc.greeting.start, doc.greeting.end)] if doc.greeting is not None else []
    flagged = _typos(doc.text, ignored, greeting)
    findings = [
        _finding(word, offset, suggest=index < _MAX_WORDS_WITH_SUGGESTIONS)
        for index, (word, offset) in enumerate(flagged)
    ]
    typos = {offset for _, offset in flagged}
    capitals = [item for item in _stray_capitals(doc.text, ignored) if item[1] not in typos]
    findings += [_capital_finding(word, offset) for word, offset in capitals]
    subject = context.subject or ""
    in_subject = [] if _another_language(subject) else _typos(subject, ignored, [])
    if in_subject:
        findings.append(_subject_finding([word for word, _ in in_subject]))
    return findings


def _typos(
    text: str, ignored: frozenset[str], skipped: list[tuple[int, int]]
) -> list[tuple[str, int]]:
    """The misspelt words of `text` and their offsets, outside the `skipped` spans."""
    skipped = skipped + [m.span() for m in _SKIPPED_SPANS.finditer(text)]
    flagged: list[tuple[str, int]] = []
    unknown: list[tuple[str, int]] = []  # words the dictionary lacks, flagged or not
    for token in _TOKEN.finditer(text):
        if any(start <= token.start() < end for start, end in skipped):
            continue
        if text[token.end() : token.end() + 1] == "-" and token.group().lower() in _PREFIXES:
            continue  # "pre- and post-contract work"
        parts = token.group().split("-")
        if len(parts) > 1 and (
            _known(token.group().lower()) or sum(p[:1].isupper() for p in parts) > 1
        ):
            continue  # "co-op", "pre-med"; "Abernathy-Quist" is a name
        offset = token.start()
        for part in parts:
            before = text[max(0, offset - 40) : offset]
            mid_sentence = not _SENTENCE_START.search(before[-4:]) or bool(_SIGNED.search(before))
            if (len(parts) == 1 or len(part) > _SHORT) and _misspelt(part, ignored, mid_sentence):
                flagged.append((part, offset))
            line_start = not text[:offset].rsplit("\n", 1)[-1].strip()
            if _unknown(part, ignored, line_start):
                unknown.append((part, offset))
            offset += len(part) + 1
    flagged = _without_foreign_phrases(text, flagged, unknown)
    return [item for item in flagged if not _part_of_a_name(text, *item, ignored)]


# A common noun capitalised mid-sentence where it heads its own phrase: "your Article about",
# "a Student at", "my Internship at", "a Site Engineer like you". Not a name's word ("the
# Army", "your Medium post", "a Master of Architecture", "an Economics student"): those either
# follow "the", are followed by another noun, lead into a capitalised "of" or "in" phrase
# ("Women in Data"), or sit in a title ("Teach Like a Champion").
_STRAY_CAPITALS = re.compile(
    r"\b(?:a|an|my|your|his|her|our|their)[ \t]+((?:[A-Z][a-z]+[ \t]+)?[A-Z][a-z]+)"
    r"(?=[ \t]+(?:at|about|on|like|for|with|from|to|who|that|which|(?:in|of)(?![ \t]+[A-Z]))\b"
    r"|[,;.!?])"
)


# Institutions a letter capitalises when it means one in particular: "a position in your
# Ministry", "my Department".
_INSTITUTIONS_TEXT = """
    ministry department government church army navy court parliament senate board firm
    committee faculty division agency office unit ward team practice chambers embassy
"""
_INSTITUTIONS = frozenset(_INSTITUTIONS_TEXT.split())


def _stray_capitals(text: str, ignored: frozenset[str]) -> list[tuple[str, int]]:
    checker = speller()
    found = []
    for match in _STRAY_CAPITALS.finditer(text):
        if re.search(r"\b(?!I\b|I['’])[A-Z][\w'’]*[ \t]+$", text[: match.start()]):
            continue  # a title in title case
        words = [(w.group(), match.start(1) + w.start()) for w in re.finditer(r"\w+", match[1])]
        if all(
            w.lower() not in ignored
            and w.lower() not in _DATE_WORDS
            and w.lower() not in _NAME_NOUNS
            and w.lower() not in _INSTITUTIONS
            and checker.word_usage_frequency(w.lower()) >= _COMMON
            for w, _ in words
        ):
            found.extend(words)
    return found


def _another_language(line: str) -> bool:
    """A subject written in another language: its first word unknown and no slip of an English
    word ("Seguimiento: 15 minutos", "Estudiante de Guadalajara - 20 minutos…"), or half or
    more of its lower-case words unknown, two at least."""
    words = re.findall(r"[^\W\d_]+", line)
    first = words[0].lower() if words else ""
    if first.isascii() and len(first) > _SHORT and not _known(first) and not _plain_typo(first):
        return True
    lower = [w for w in words if w.islower()]
    unknown = [w for w in lower if not _known(w)]
    return len(unknown) >= 2 and 2 * len(unknown) >= len(lower)


def _subject_finding(words: list[str]) -> Finding:
    """One finding for the subject line's typos (the subject has no span in the body)."""
    fixes = []
    for word in words:
        suggestions = _suggestions(word.replace("’", "'").lower())
        fixes.append(f'"{word}"' + (f" ({_or_list(suggestions)}?)" if suggestions else ""))
    message = (
        f"The subject line may have a misspelling: {', '.join(fixes)}. It is the first thing "
        "they read, before they decide to open the note."
    )
    return Finding("spelling", "warning", message)


def _capital_finding(word: str, offset: int) -> Finding:
    message = (
        f'"{word}" takes a capital only in a name or a title; here "{word.lower()}" reads '
        "right. A clean note reads as careful and professional, and that is the first "
        "impression you get to make."
    )
    return Finding("spelling", "warning", message, offset, offset + len(word))


def _without_foreign_phrases(
    text: str, flagged: list[tuple[str, int]], unknown: list[tuple[str, int]]
) -> list[tuple[str, int]]:
    """A word beside an unknown word that is no typo ("raibh") is part of a phrase in another
    language ("go raibh maith agat"), unless it is a plain slip of a common word
    ("definately"). Two typos side by side are both flagged."""
    typos = {offset for _, offset in flagged}
    keep = []
    for word, offset in flagged:
        beside = [other for other in unknown if _adjacent(text, (word, offset), other)]
        if any(other[0].lower() in _FOREIGN for other in beside):
            continue
        if _plain_typo(word.lower().replace("’", "'")) or not any(
            other[1] not in typos for other in beside
        ):
            keep.append((word, offset))
    return keep


_NAME_AFTER = re.compile(r"^[ \t]([A-Z][\w'’-]*)")


def _part_of_a_name(text: str, word: str, offset: int, ignored: frozenset[str]) -> bool:
    """A capitalised word beside a title or another name word, or before a word such as
    Islands, Health or Labs, is part of a name: "Dr. Tunde", "Tunde Bakare", "Blasket
    Islands", "Sutter Health" (a slip of a common word sits among ordinary words)."""
    if not word[:1].isupper():
        return False
    before = text[max(0, offset - 30) : offset]
    title = re.search(r"\b(?:mr|mrs|ms|mx|dr|prof|professor|dean|judge)\.?[ \t]$", before, re.I)
    if title:
        return True
    if _swapped_common(word.lower().replace("’", "'")):
        return False
    neighbours = []
    previous = re.search(r"\b([A-Z][\w'’-]*)[ \t]$", before)
    if previous:
        neighbours.append(previous.group(1))
    following = _NAME_AFTER.match(text[offset + len(word) : offset + len(word) + 30])
    if following:
        if following.group(1).lower().rstrip(".") in _NAME_NOUNS:
            return True
        neighbours.append(following.group(1))
    return any(_name_word(n, ignored) for n in neighbours)


def _name_word(word: str, ignored: frozenset[str]) -> bool:
    lower = word.replace("’", "'").lower().removesuffix("'s")
    if lower in ignored:
        return True
    if _plain_typo(lower):
        return False
    # Unknown, or a word so rare that capitalised it is far likelier a name ("Wellcome Sanger").
    return not _known(lower) or speller().word_usage_frequency(lower) < _RARE


def _unknown(word: str, ignored: frozenset[str], line_start: bool) -> bool:
    """A word of another language, for spotting phrases: a word the dictionary lacks, or one
    of the greetings and thanks in _FOREIGN. A capitalised word counts only at the start of a
    line ("Cofion cynnes,"); elsewhere it is a name."""
    word = word.replace("’", "'").strip("'")
    lower = word.lower().removesuffix("'s")
    if lower in _FOREIGN:
        return True
    if not lower.isalpha() or not (word[:1].islower() or line_start):
        return False
    return len(lower) >= 2 and lower not in ignored and not _known(lower)


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


_SENTENCE_START = re.compile(r"(?:\A|[.!?:]\s+|\n\s*|\A\s*)\Z")
# The line after a sign-off is a name: "With kind regards,\nSanne de Vries".
_SIGNED = re.compile(
    r"(?i:regards|wishes|sincerely|best|thanks|thank you|cheers|faithfully|truly|gratitude|"
    r"respectfully|warmly|cordially|appreciation|yours)\s*[,!.]?[ \t]*\n\s*\Z"
)


def _misspelt(word: str, ignored: frozenset[str], mid_sentence: bool = False) -> bool:
    word = word.replace("’", "'").strip("'")
    if word.lower().endswith("'s"):
        word = word[:-2]
    if word.lower() in _SHORTHAND and (word.islower() or len(word) > 3):
        return word.lower() not in ignored  # "ur", "Thankyou"; not "U" as in "U of T"
    if len(word) < 2 or any(ch.isdigit() or ch == "_" for ch in word):
        return False
    if word.isupper() or any(ch.isupper() for ch in word[1:]):
        return False  # acronyms (UX, CPA) and brand casing (iOS, LinkedIn, SaaS, McKinsey)
    if not word.isascii():
        return False  # "Ngā", "Łódź", "crème": a name or a word of another language
    lower = word.lower()
    if lower in ignored:
        return False
    if _known(lower):
        return word[0].islower() and _rare_slip_of_common(lower)
    if word[0].isupper() and _slip_of_a_date_word(lower):
        return True  # "Febuary", "Wensday": no name sits that close to a month or a weekday
    if word[0].isupper() and not mid_sentence and _extra_letter_in_everyday(lower):
        return True  # "Truely, thank you": a sentence's first word, not a name
    if word[0].isupper():
        # Mid-sentence, a capitalised word is most often a name ("Sanne", "Symbotic",
        # "Scripps"): only a slip of a fairly common word ("Goverment") is read as a typo.
        return _plain_typo(lower, common=_COMMON_FOR_A_NAME if mid_sentence else _COMMON)
    if len(lower) <= _SHORT + 1:  # "teh", "adn": a swapped pair, or "wich" for "which"
        return _plain_typo(lower, shortest=3) or _short_dropped_letter(lower)
    return _lower_case_typo(lower)


@lru_cache(maxsize=4096)
def _rare_slip_of_common(lower: str) -> bool:
    """A rare dictionary word that is a plain slip of a far commoner one: "calender" for
    "calendar". (Rare words a student means, like "sutler", are seldom one slip from a word
    thirty times as common.)"""
    checker = speller()
    frequency = checker.word_usage_frequency(lower)
    if _inflected_common(lower) or _inflected_known(lower, shortest_base=5):
        return False  # "cautions", "splinting": a form of a word, not a slip of another
    if (
        frequency >= _RARE
        or not checker.known([lower])  # known as a British spelling or a plural, not as is
        or lower in _EXTRA_WORDS
        or len(lower) < _SHORTEST_CAPITALIZED_SUBSTITUTION
        or "'" in lower
    ):
        return False
    return any(
        candidate[0] == lower[0]
        and checker.word_usage_frequency(candidate) >= max(_COMMON, frequency * _FAR_COMMONER)
        and _one_plain_slip(lower, candidate)
        for candidate in checker.known(checker.edit_distance_1(lower))
        if candidate != lower
    )


def _inflected_common(lower: str) -> bool:
    """`lower` is a plural, past or -ing form of a common word: "cautions", "tabled"."""
    checker = speller()
    return any(
        lower.endswith(suffix)
        and checker.word_usage_frequency(lower[: -len(suffix)] + restored) >= _COMMON
        for suffix, restored in (("s", ""), ("es", ""), ("ed", ""), ("ed", "e"), ("ing", ""),
                                 ("ing", "e"), ("d", ""))
    )  # fmt: skip


_DATE_WORDS = (
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday",
)  # fmt: skip


@lru_cache(maxsize=4096)
def _slip_of_a_date_word(lower: str) -> bool:
    """An unknown word one or two slips from a month or a weekday: "Febuary", "Wensday"."""
    return (
        len(lower) >= 5
        and not _known(lower)
        and any(
            # two slips only in a long word: "Marel" and "Sanjay" are names, two from "march"
            # and "sunday"
            _within(lower, date, 1 if len(lower) < 7 else 2)
            for date in _DATE_WORDS
            if date[0] == lower[0]
        )
    )


def _inflected_known(lower: str, shortest_base: int = 4) -> bool:
    """`lower` is a regular plural, past or -ing form of a dictionary word: "expiries" (expiry),
    "splinting" (splint)."""
    checker = speller()
    return any(
        lower.endswith(suffix)
        and len(lower) - len(suffix) + len(restored) >= shortest_base
        and checker.known([lower[: -len(suffix)] + restored])
        for suffix, restored in (("ies", "y"), ("ied", "y"), ("s", ""), ("es", ""), ("ed", ""),
                                 ("ed", "e"), ("ing", ""), ("ing", "e"))
    )  # fmt: skip


def _one_plain_slip(word: str, candidate: str) -> bool:
    """Two letters swapped or one inner letter changed: the slips that turn a word into
    another real one ("calender"); a dropped letter more often makes a different word."""
    if len(candidate) != len(word):
        return False
    return _is_swap(word, candidate) or (
        candidate[-1] == word[-1] and sum(x != y for x, y in zip(word, candidate, strict=True)) == 1
    )


def _short_dropped_letter(lower: str) -> bool:
    """A four-letter word that is one of the commonest words with an inner letter dropped:
    "wich", "whe"."""
    checker = speller()
    return len(lower) == _SHORT + 1 and any(
        checker.word_usage_frequency(candidate) >= _VERY_COMMON
        and len(candidate) == len(lower) + 1
        and any(candidate[:i] + candidate[i + 1 :] == lower for i in range(1, len(candidate) - 1))
        for candidate in checker.known(checker.edit_distance_1(lower))
    )


@lru_cache(maxsize=4096)
def _lower_case_typo(lower: str) -> bool:
    """An unknown lower-case word is a typo when it is one slip from a word (keeping its first
    letter, as typos do), or two slips from a common long word ("tommorow", "reccomend").

    An unknown word that is not a plain slip but is built of known parts ("rebrand",
    "walkability", "wetlab", "texted") is jargon, not a typo.
    """
    if _prefixed_word(lower) or _two_common_words(lower):
        return False  # "rewetting" is re + wetting, "blockout" block + out: not slips
    if _loanword_ending(lower):
        return False  # "omena", "grado": a word of another language, not "omen" + a slip
    if _plain_typo(lower, common=_RARE):
        return True
    if _wrong_inflection(lower):
        return True  # "hireing", "consultancys": a regular ending put on the wrong way
    if _inflected_known(lower):
        return False  # "expiries": the plural of a dictionary word the dictionary lacks
    if _extra_letter_in_common(lower):
        return True  # "truely" for "truly", before "true" + "ly" reads as a compound
    if _framed_like_common(lower) and not _compound(lower, shortest_part=4):
        return True  # "refferal" is not "ref" + "feral": two slips inside "referral"
    if _compound(lower):
        return False
    checker = speller()
    for candidate in checker.known(checker.edit_distance_1(lower)):
        if "'" in candidate or checker.word_usage_frequency(candidate) < _RARE:
            continue
        if candidate[0] == lower[0] or candidate[:2] == lower[1::-1]:
            return True
    if len(lower) < _SHORTEST_TWO_EDIT_TYPO or len(lower) > _LONGEST_TWO_EDIT_SEARCH:
        return False
    return bool(_two_slips_from_common(lower))


def _prefixed_word(lower: str) -> bool:
    """A prefix before a dictionary word of six letters or more: "rewetting", "preprocessing"
    (a shorter rest, as in "untill", proves nothing)."""
    checker = speller()
    return any(
        lower.startswith(prefix)
        and len(lower) - len(prefix) >= 6
        and checker.word_usage_frequency(lower[len(prefix) :]) >= _RARE
        for prefix in _PREFIXES
    )


def _two_common_words(lower: str) -> bool:
    """Two common words run together, the first of four letters or more: "blockout",
    "handover", "sightline" (trade words, not a slip of "blackout")."""
    checker = speller()
    return any(
        min(checker.word_usage_frequency(lower[:i]), checker.word_usage_frequency(lower[i:]))
        >= _EVERYDAY
        for i in range(4, len(lower) - 2)
    )


def _wrong_inflection(lower: str) -> bool:
    """A silent e kept before -ing ("hireing" for "hiring") or -s after a consonant and y
    ("consultancys" for "consultancies"), where the right form is a word."""
    checker = speller()
    if lower.endswith("eing") and checker.known([lower[:-4] + "ing"]):
        return True
    return (
        lower.endswith("ys")
        and lower[-3:-2] not in ("a", "e", "i", "o", "u", "")
        and bool(checker.known([lower[:-2] + "ies"]))
    )


def _framed_like_common(lower: str) -> bool:
    """Two slips inside a common long word of the same length, keeping its first three and last
    two letters: "refferal" (referral). Read before the compound test, which would split it as
    ref + feral; "greywater" and "learnership" differ in length from their neighbours."""
    if len(lower) < _SHORTEST_TWO_EDIT_TYPO or len(lower) > _LONGEST_TWO_EDIT_SEARCH:
        return False
    framed = _words_by_frame().get((lower[:3], lower[-2:], len(lower)), ())
    return any(_within(lower, word, 2) for word in framed)


@cache
def _words_by_frame() -> dict[tuple[str, str, int], tuple[str, ...]]:
    """Dictionary words that are not rare, by first three letters, last two and length."""
    frequency = speller().word_frequency
    least = _RARE * frequency.total_words
    index: dict[tuple[str, str, int], list[str]] = {}
    for word, count in frequency.dictionary.items():
        if count >= least and word.isalpha() and len(word) >= _SHORTEST_TWO_EDIT_TYPO:
            index.setdefault((word[:3], word[-2:], len(word)), []).append(word)
    return {key: tuple(words) for key, words in index.items()}


def _extra_letter_in_everyday(lower: str) -> bool:
    """One letter too many inside an everyday word of five letters or more: "truely"."""
    checker = speller()
    return len(lower) > _SHORTEST_CAPITALIZED_TYPO and any(
        checker.word_usage_frequency(lower[:i] + lower[i + 1 :]) >= _EVERYDAY
        for i in range(1, len(lower) - 1)
    )


# Words of Spanish, Italian, Portuguese, Swahili, Luo or Māori end in a vowel where the English
# word one letter shorter does not ("grado" beside "grad", "omena" beside "omen"); an English
# typo rarely adds a last a, i, o or u.
_LOANWORD_ENDINGS = ("a", "i", "o", "u")


def _loanword_ending(lower: str) -> bool:
    return (
        len(lower) > _SHORT + 1
        and lower.endswith(_LOANWORD_ENDINGS)
        and speller().word_usage_frequency(lower[:-1]) > 0
    )


def _extra_letter_in_common(lower: str) -> bool:
    """One letter too many inside a common word: "truely", "arguement"."""
    checker = speller()
    return any(
        checker.word_usage_frequency(lower[:i] + lower[i + 1 :]) >= _COMMON
        for i in range(1, len(lower) - 1)
    )


@cache
def _common_words() -> dict[tuple[str, int], tuple[str, ...]]:
    """Common words (frequency at least _COMMON_LONG) by first letter and length, for the
    two-slip search: generating every string two edits away and looking each up takes about
    a second a word; comparing with the few hundred common words of a similar shape takes a
    millisecond or two."""
    frequency = speller().word_frequency
    least = _COMMON_LONG * frequency.total_words
    index: dict[tuple[str, int], list[str]] = {}
    for word, count in frequency.dictionary.items():
        if count >= least and word.isalpha() and len(word) > _SHORT:
            index.setdefault((word[0], len(word)), []).append(word)
    return {key: tuple(words) for key, words in index.items()}


@lru_cache(maxsize=4096)
def _two_slips_from_common(lower: str) -> tuple[str, ...]:
    """Common words with the same first letter within two slips of `lower` (Damerau edits)."""
    index = _common_words()
    letters = set(lower)
    found = []
    for length in range(len(lower) - 2, len(lower) + 3):
        for word in index.get((lower[0], length), ()):
            if len(letters.symmetric_difference(word)) <= 4 and _within(lower, word, 2):
                found.append(word)
    return tuple(found)


def _within(a: str, b: str, limit: int) -> bool:
    """Damerau-Levenshtein distance (an adjacent swap counts once) of at most `limit`."""
    if abs(len(a) - len(b)) > limit:
        return False
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return False
        previous2, previous = previous, current
    return previous[-1] <= limit


_PREFIXES = (
    "re", "co", "pre", "post", "non", "multi", "inter", "intra", "micro", "macro", "sub",
    "super", "bio", "neuro", "cyber", "tele", "off", "on", "over", "under", "cross", "self",
    "semi", "mid", "meta", "anti", "auto", "geo", "eco", "agri", "agro", "nano", "hyper",
    "out", "up", "down", "mis", "de", "dis", "trans", "ultra", "mega", "socio", "psycho",
    "electro", "hydro", "photo", "thermo", "mini", "un",
)  # fmt: skip
_SUFFIXES = (
    ("s", ""), ("es", ""), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e"),
    ("er", ""), ("ers", ""), ("er", "e"), ("ers", "e"), ("ly", ""), ("ness", ""),
    ("ability", ""), ("ability", "e"), ("able", ""), ("able", "e"), ("ist", ""),
    ("ists", ""), ("ism", ""), ("ize", ""), ("ise", ""), ("ization", ""), ("isation", ""),
    ("ify", ""), ("ful", ""), ("less", ""), ("ship", ""), ("ships", ""), ("ive", ""),
    ("ive", "e"), ("ure", ""), ("ure", "e"),
)  # fmt: skip


@lru_cache(maxsize=4096)
def _compound(lower: str, shortest_part: int = 3) -> bool:
    """`lower` is a known word with a prefix or suffix ("rebrand", "texted", "walkability"),
    or two known words of three letters or more run together ("wetlab", "placemaking")."""
    checker = speller()

    def word(part: str, minimum: int = 3) -> bool:
        return len(part) >= minimum and bool(checker.known([part]))

    if any(lower.startswith(p) and word(lower[len(p) :], 4) for p in _PREFIXES):
        return True
    for suffix, restored in _SUFFIXES:
        if lower.endswith(suffix) and word(lower[: -len(suffix)] + restored, 4):
            return True
    return any(
        word(lower[:i], shortest_part)
        and (word(lower[i:], shortest_part) or (len(lower) - i >= 6 and _compound(lower[i:])))
        and min(checker.word_usage_frequency(lower[:i]), checker.word_usage_frequency(lower[i:]))
        >= _RARE
        for i in range(3, len(lower) - 2)
    )


def _known(lower: str) -> bool:
    checker = speller()
    if checker.known([lower]) or checker.known([lower.split("'")[0]]):
        return True
    plain = unicodedata.normalize("NFKD", lower)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    if plain != lower and checker.known([plain]):
        return True
    if any(
        lower.endswith(british) and checker.known([lower[: -len(british)] + american])
        for british, american in _BRITISH
    ):
        return True
    return _british_inside(lower)


_BRITISH_INSIDE = (
    ("our", "or"), ("ae", "e"), ("oe", "e"), ("is", "iz"), ("ys", "yz"), ("tre", "ter"),
    ("ogue", "og"), ("sc", "sk"), ("mme", "m"), ("ence", "ense"), ("ould", "old"), ("oult", "olt"),
)  # fmt: skip


@lru_cache(maxsize=4096)
def _british_inside(lower: str) -> bool:
    """A British spelling inside a longer word: "neighbourhood", "paediatrician",
    "organisational", "travelled"."""
    checker = speller()
    for british, american in _BRITISH_INSIDE:
        start = lower.find(british, 1)
        while start != -1:
            variant = lower[:start] + american + lower[start + len(british) :]
            if checker.known([variant]) or any(
                variant.endswith(b) and checker.known([variant[: -len(b)] + a]) for b, a in _BRITISH
            ):
                return True
            start = lower.find(british, start + 1)
    return False


@lru_cache(maxsize=4096)
def _plain_typo(
    lower: str, shortest: int = _SHORTEST_CAPITALIZED_TYPO, common: float = _COMMON
) -> bool:
    """An unknown word one plain slip from a common word: "Sincerly", "Thier", "Buisness".

    Plain slips: two letters swapped; a letter dropped inside the word; a letter doubled or
    undoubled ("Untill"); a letter changed, in a long word ("Oppertunity"). Names differ from
    words in other ways (an extra or dropped last letter: "Grande", "Mathematica", "Angeles").
    """
    if len(lower) < shortest:
        return False
    checker = speller()
    for candidate in checker.known(checker.edit_distance_1(lower)) | _swap_candidates(lower):
        if candidate[0] != lower[0] or "'" in candidate:
            continue
        if checker.word_usage_frequency(candidate) < common:
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
    """Two neighbouring letters swapped ("thier"), or, in a long word, a letter moved two
    places ("reaserch")."""
    if len(a) != len(b) or a == b:
        return False
    return b in _moves(a, 2 if len(a) >= _SHORTEST_CAPITALIZED_SUBSTITUTION else 1)


def _moves(lower: str, reach: int) -> set[str]:
    """`lower` with one letter moved up to `reach` places."""
    found = set()
    for i in range(len(lower)):
        rest = lower[:i] + lower[i + 1 :]
        for j in range(max(0, i - reach), min(len(lower), i + reach + 1)):
            if j != i:
                found.add(rest[:j] + lower[i] + rest[j:])
    found.discard(lower)
    return found


@lru_cache(maxsize=4096)
def _swapped_common(lower: str) -> bool:
    """`lower` is a common word with two inner letters swapped (or a letter moved): a typo
    even beside a name word. A name can end like a swapped word ("Tunde", "tuned"); a
    typo's slip is as often inside."""
    checker = speller()
    return any(
        candidate[-1] == lower[-1] and checker.word_usage_frequency(candidate) >= _COMMON
        for candidate in _swap_candidates(lower)
    )


def _swap_candidates(lower: str) -> set[str]:
    reach = 2 if len(lower) >= _SHORTEST_CAPITALIZED_SUBSTITUTION else 1
    return speller().known(_moves(lower, reach))


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

    Most typos are one edit away; the two-edit search (common words only) runs only when that
    finds nothing.
    """
    checker = speller()
    candidates = checker.known(checker.edit_distance_1(word))
    if not candidates and len(word) > _SHORT + 1:
        candidates = set(_two_slips_from_common(word))
    candidates -= {word}
    ranked = sorted(candidates, key=lambda w: (-checker.word_usage_frequency(w), w))
    return ranked[:3]


def _or_list(words: list[str]) -> str:
    quoted = [f'"{w}"' for w in words]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
