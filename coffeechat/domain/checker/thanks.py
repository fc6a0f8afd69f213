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
    enjoyed hearing speak spoke talked taking going things thing
"""
_GENERIC = frozenset(_GENERIC_TEXT.split())
_CONCRETE = re.compile(
    r"\b(?:introduc(?:e|ing)\s+me\s+to|(?:introduction|intro)\s+to)\s+[A-Z]"  # a named person
    r"|(?i:\byour\s+(?:advice|suggestion|recommendation|tip|idea|point|story)\s+"
    r"(?:to|about|on|that|of)\s+(?!heart\b|(?:the|my|this|your)\s+(?:career|future|field|"
    r"industry|job\s+search|search|journey|path)\b)"
    r"|\byou\s+(?:suggested|recommended|reccomended|recomended|reccommended|mentioned|named|"
    r"listed|pointed\s+out|described|explained|told\s+me|said|shared|gave\s+me|flagged)"
    r"|\bI\s+(?:just\s+|already\s+|also\s+)?(?:ordered|bought|borrowed|signed\s+up|joined|"
    r"contacted|emailed|messaged|wrote\s+to|reached\s+out|registered|enrolled|subscribed|"
    r"downloaded|booked|applied\s+to\s+the|followed\s+your|asked\s+my|tried\s+the|set\s+up|"
    r"started\s+(?:the|on|reading)|updated\s+my|finished\s+the)"
    r"|\bI(?:['’]m|\s+am)\s+(?:now\s+|already\s+)?(?:reaching\s+out\s+to|signing\s+up|"
    r"reading\s+the|looking\s+into\s+the|going\s+to\s+(?:try|set\s+up|read|join|contact|"
    r"email|reach\s+out|sign\s+up|look\s+into|take\s+the|apply\s+to\s+the))"
    r"|\bwhen\s+you\s+(?:said|talked|spoke|described|explained)"
    r"|\bI(?:['’]ve|\s+have)\s+(?:already\s+)?(?:signed\s+up|joined|contacted|emailed|written|"
    r"reached\s+out|started|ordered|registered|updated|read|applied\s+to\s+the)"
    r"|\bI(?:['’]ll|\s+will|\s+plan\s+to)\s+(?:contact|email|reach\s+out\s+to|look\s+into|read|"
    r"join|sign\s+up|register|follow\s+your|take\s+your))",
)


def _content_words(text: str, names: frozenset[str]) -> set[str]:
    """Distinctive words, crudely stemmed; the people's own names don't count as specifics."""
    words = set()
    for word in _WORD.findall(text.lower().replace("’", "'")):
        word = word.removesuffix("'s")
        if len(word) >= 4 and word not in _GENERIC and word not in names:
            words.add(word.removesuffix("s"))
    return words


def thank_you_not_specific(doc: Doc, context: CheckContext) -> list[Finding]:
    # Naming a concrete thing counts whatever was noted; so do words shared with the notes.
    if _CONCRETE.search(doc.text):
        return []
    if context.meeting_notes:
        names = frozenset(p.lower() for n in context.known_names for p in name_parts(n))
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
