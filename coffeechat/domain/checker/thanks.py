"""`thank-you-not-specific` and `thank-you-late`: a thank-you that is prompt and personal."""

from __future__ import annotations

import re
from datetime import timedelta

from coffeechat.domain.checker.content import name_parts
from coffeechat.domain.checker.context import CheckContext
from coffeechat.domain.checker.text import Doc
from coffeechat.domain.findings import Finding

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Words every thank-you shares; overlap on these says nothing about *this* conversation.
_GENERIC_TEXT = """
    about advice again also appreciate appreciated back being career chat conversation could
    dear enjoyed forward from generous given great have help helpful hope insight insights
    into just know learn learned learning meeting more much next really same should speaking
    spending suggested taking talk talking thank thanks that their them then there these they
    this time today very week were what when will with would yesterday your yours mentioned
    told said sharing shared kind kindly truly sincerely best regards warm wishes industry
    field perspective perspectives invaluable valuable definitely heart wonderful amazing
    useful informative honest candid experience experiences story stories path role work
    company everything anything something truly greatly conversation call coffee chat
    monday tuesday wednesday thursday friday saturday sunday morning afternoon evening
    enjoyed hearing speak spoke talked taking going things thing look looking keep touch
    sure grateful inspiring inspired hear heard glad happy excited able discussion discussions
    pleasure super hugely extremely incredibly genuinely
"""
_GENERIC = frozenset(_GENERIC_TEXT.split())
# Words that name nothing in particular: "all your insights", "the resources you shared",
# "so much great advice", "everything you mentioned".
_VAGUE_TEXT = """
    everything anything all everything's lots much many some several plenty tons loads bunch
    resources resource tips tip ideas idea suggestions suggestion recommendations pointers
    points point thoughts guidance wisdom knowledge information info lessons takeaways notes
    note pages page stuff things thing practice mind heart words word great good excellent
    practical helpful useful valuable invaluable insightful amazing wonderful fantastic
    incredible awesome brilliant fabulous terrific thoughtful generous kind honest candid
    encouraging inspiring motivating clear detailed concrete actionable specific next steps
    step options option avenues paths directions direction places place people contacts
    names name ways future plans plan questions question answers answer feedback input
    ahead going forward soon later today tomorrow week month year weeks months years while
    again also still really truly definitely certainly surely absolutely further more most
    other others those these them they their there here which whatever whenever
    january february march april may june july august september october november december
    during before after since until through without within around across between among upon
    onto over under above below because while whilst though although throughout
"""
_VAGUE = frozenset(_VAGUE_TEXT.split())
# Where a thank-you names what it took away: an advice word, a suggestion or next step. What
# follows (or, for "the course you recommended", what comes before) must name something.
_ANCHOR = re.compile(
    r"\b(?:introduc(?:e|ed|ing)\s+me\s+to|(?:introduction|intro)\s+to|put\s+me\s+in\s+touch\s+with|"
    r"connect(?:ed|ing)?\s+me\s+with)\b"
    r"|\b(?:suggesting|recommending|pointing\s+me\s+(?:to|towards?)|telling\s+me\s+about|"
    r"mentioning|explaining|walking\s+me\s+through|showing\s+me)\b"
    r"|(?P<restated>\b(?:your|the|that|this)\s+(?:(?:frank|honest|candid|detailed|blunt)\s+)?"
    r"(?:advice|suggestion|recommendation|tip|idea|"
    r"pointer|nudge|push|encouragement|point|story|line|explanation|breakdown|description|"
    r"account|overview|rundown|walkthrough|walk-through|summary|answer|"
    r"comment|remark|reminder|observation|take|framing|question|warning|insight|words|note|"
    r"example|rule|test|trick|approach|method|framework|analogy)\s+(?:to|about|on|that|of|"
    r"regarding)\b)"
    r"|(?P<relative>\b(?:(?:like|as)\s+you\s+said|you\s+(?:suggested|recommended|reccomended|recomended|reccommended|"
    r"mentioned|named|listed|pointed\s+out|pointed\s+me\s+to|described|explained|flagged|"
    r"shared|sent|gave\s+me|told\s+me\s+about|brought\s+up|raised|walked\s+me\s+through|"
    r"showed\s+(?:me|us)|taught\s+(?:me|us))))\b"
    r"|\bwhen\s+you\s+(?:said|talked|spoke|described|explained|mentioned|told\s+me|suggested)\b"
    # British praise of a pointer: "Good shout on the Scottish Water graduate blog"
    r"|\b(?:good|great|nice|handy)\s+(?:shout|call|steer|tip)\s+(?:on|about|re)\b"
    r"|\b(?:learned|learnt|realized|realised|(?:did\s+not|didn['’]t)\s+know|never\s+knew|"
    r"took\s+away|had\s+no\s+idea|was\s+surprised\s+(?:to\s+(?:learn|hear)\s+)?)\s+(?:that|how)\b"
    r"|\b(?:hearing|learning|seeing|knowing|finding\s+out|discovering|understanding)\s+"
    r"(?:how|that|why|what|where)\b"
    r"|\b(?:what|how)\s+you\s+(?:said|described|explained)\s+about\b"
    r"|\bI\s+(?:just\s+|already\s+|also\s+|finally\s+)?(?:ordered|bought|borrowed|signed\s+up|"
    r"joined|contacted|emailed|messaged|wrote\s+to|reached\s+out|registered|enrolled|"
    r"subscribed|downloaded|booked|applied\s+to\s+the|followed\s+your|asked\s+my|tried\s+the|"
    r"set\s+up|started|updated\s+my|finished|rewrote|revised|drafted|listened\s+to|read|"
    r"watched|found|looked\s+up|put\s+together|made|created|added|scheduled)\b"
    r"|\bI(?:['’]m|\s+am)\s+(?:now\s+|already\s+|also\s+|[a-z]+ly\s+|defin[ai]tely\s+)?"
    r"(?:reaching\s+out\s+to|signing\s+up|"
    r"reading|looking\s+into|starting|planning\s+to|going\s+to|taking|joining|applying\s+to\s+the|"
    r"working\s+on|adding|rewriting|revising|registering|enrolling)\b"
    r"|\bI(?:['’]ve|\s+have)\s+(?:already\s+|just\s+|now\s+|also\s+)?(?:signed\s+up|joined|"
    r"taken\s+your\s+(?:advice|suggestion|tip)\s+and|attached|"
    r"contacted|emailed|written|reached\s+out|started|ordered|registered|updated|read|booked|"
    r"applied\s+to\s+the|enrolled|downloaded|subscribed|listened|watched|found|rewritten|"
    r"revised|drafted|added|scheduled|set\s+up|bought|borrowed)\b"
    r"|(?:\bI(?:['’]ll|\s+will|\s+plan\s+to|\s+intend\s+to|['’]d\s+like\s+to|['’]m\s+going\s+to|"
    r"\s+am\s+going\s+to)|(?:^|(?<=[.!?]\s)|(?<=\n))(?:gonna|going\s+to|will))\s+"
    r"(?:[a-z]+ly\s+|definately\s+|defin[ai]tely\s+|be\s+sure\s+to\s+|now\s+|also\s+)?"
    r"(?:contact|email|e-mail|message|reach\s+out\s+to|look\s+into|look\s+up|read|join|"
    r"sign\s+up|register|follow\s+your|take\s+your|try|start|apply\s+to\s+the|enrol|enroll|"
    r"listen\s+to|watch|check\s+out|use|add|rewrite|revise|update|book|attend|order|buy|"
    r"borrow|download|subscribe|set\s+up|practice|practise|write\s+to|ask|ring|call|phone)\b",
    re.IGNORECASE,
)
# The end of the phrase an anchor points at: a clause break or a new subject.
_PHRASE_END = re.compile(
    r"[.!?;:\n—–(]|,|\b(?:and\s+I|but|so|because|since|which|as\s+I|and\s+(?:it|that|this)|"
    r"that\s+I|when\s+I|if\s+I|it|who)\b",
    re.IGNORECASE,
)
# A quoted phrase: "…", “…”, or ‘…’ / '…' not inside a word (an apostrophe is no quote).
# A verb right after "you shared" ends the relative clause: what comes next is said about it.
_PREDICATE = re.compile(
    r"\s+(?:really\s+|truly\s+|all\s+)?(?:was|were|is|are|has|have|had|will|would|made|"
    r"helped|gave|meant|felt|sounded|seemed|resonated|stuck)\b",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[\"“][^\"“”\n]{6,}[\"”]|(?<!\w)[‘'][^'‘’\n]{6,}[’'](?!\w)")
_CAPITALISED = re.compile(r"\b[A-Z][\w'’&.-]*")
_DIGIT = re.compile(r"\d")


def _names_something(phrase: str, names: frozenset[str], sentence_start: bool) -> bool:
    """The phrase names a person, organisation, title or resource (a capitalised word that
    isn't the first of a sentence, "I" or the people's own names), a number, or something
    more definite than the words of any thank-you ("so much great advice", "everything")."""
    if _QUOTED.search(phrase) or _DIGIT.search(phrase):
        return True
    for index, match in enumerate(_CAPITALISED.finditer(phrase)):
        word = match.group().rstrip(".").lower().removesuffix("'s").removesuffix("’s")
        if index == 0 and sentence_start and match.start() == len(phrase) - len(phrase.lstrip()):
            continue
        if word in ("i", "i'm", "i'll", "i've", "i'd") or word in names or word in _VAGUE:
            continue
        if word in _GENERIC:
            continue
        return True
    return any(
        len(word) >= 4
        and "'" not in word  # "I'll", "you've"
        and word not in _GENERIC
        and word not in _VAGUE
        and word not in names
        for word in (w.removesuffix("'s") for w in _WORD.findall(phrase.lower().replace("’", "'")))
    )


def _concrete(text: str, names: frozenset[str]) -> bool:
    """Whether the thank-you names something from the conversation (see _ANCHOR)."""
    if _QUOTED.search(text):
        return True
    for match in _ANCHOR.finditer(text):
        after = text[match.end() : match.end() + 120]
        end = _PHRASE_END.search(after)
        phrase = after[: end.start()] if end else after
        # "Everything you shared was super valuable": what follows a verb judges, not names
        judged = match.group("relative") and _PREDICATE.match(after)
        if not judged and _names_something(phrase, names, sentence_start=False):
            return True
        if match.group("relative"):  # "the Welsh course at Cardiff University you recommended"
            before = text[max(0, match.start() - 120) : match.start()]
            starts = list(re.finditer(r"[.!?;\n,]|\b(?:and|but|so|for)\b", before))
            clause = before[starts[-1].end() :] if starts else before
            at_start = not starts or starts[-1].group() in ".!?\n"
            if _names_something(clause, names, sentence_start=at_start):
                return True
    return False


def _content_words(text: str, names: frozenset[str]) -> set[str]:
    """Distinctive words, crudely stemmed; the people's own names don't count as specifics."""
    words = set()
    for word in _WORD.findall(text.lower().replace("’", "'")):
        word = word.removesuffix("'s")
        if len(word) >= 4 and word not in _GENERIC and word not in _VAGUE and word not in names:
            words.add(word.removesuffix("s"))
    return words


def thank_you_not_specific(doc: Doc, context: CheckContext) -> list[Finding]:
    # Naming a concrete thing counts whatever was noted; so do words shared with the notes.
    people = (*context.known_names, context.recipient_name or "", context.referrer_name or "")
    names = frozenset(p.lower() for n in people for p in name_parts(n))
    body = doc.text[doc.greeting.end :] if doc.greeting else doc.text
    if _concrete(body, names):
        return []
    if context.meeting_notes:
        notes = _content_words(" ".join(context.meeting_notes), names)
        if notes & _content_words(doc.text, names):
            return []
    message = (
        "Mention something specific from your conversation: a piece of advice you'll act on, "
        "a person they suggested, your next step. It shows you listened, and it is what makes "
        "them glad they gave you their time."
    )
    return [Finding("thank-you-not-specific", "warning", message)]


def thank_you_late(doc: Doc, context: CheckContext) -> list[Finding]:
    if context.meeting_ended_at is None or context.recorded_at is None:
        return []
    hours = context.rules.thank_you_within_hours
    if context.recorded_at - context.meeting_ended_at <= timedelta(hours=hours):
        return []
    message = (
        f"This thank-you is going out more than {hours} hours after your conversation. Send it "
        "anyway; a late thank-you is far better than none. Next time, a note the same day "
        "keeps you fresh in their mind."
    )
    return [Finding("thank-you-late", "warning", message)]
