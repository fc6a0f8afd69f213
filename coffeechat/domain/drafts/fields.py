"""The placeholders a template may use: what each one means, where its value comes from, and
what the reader sees when the value is missing.

A field's value is either text from the user's data, inserted as is, or a `Fragment`: a bit of
template from this module that is filled in turn. Only our own code writes fragments, so text a
user typed is never scanned for placeholders.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from coffeechat.domain.work_fields import infer_field

from .context import DEFAULT_FOLLOW_UP_WHEN, DraftContext
from .dates import long_date
from .phrases import (
    advice_phrase,
    greeting_name,
    introduction_extra,
    is_familiar,
    when_we_talked,
    with_the,
    work_from_notes,
)
from .variants import request_variant


@dataclass(frozen=True, slots=True)
class Fragment:
    template: str


Value = str | Fragment


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    description: str
    label: str  # shown in square brackets when the value is missing
    value: Callable[[DraftContext], Value]


def inline(text: str) -> str:
    """One line, single spaces: a name typed with a newline must not break a subject line."""
    return " ".join(text.split())


def clause(text: str) -> str:
    """Text placed mid-sentence: the template supplies the closing punctuation."""
    return inline(text).rstrip(" .;:!")


def block(lines: Iterable[str]) -> str:
    return "\n".join(line for line in (inline(raw) for raw in lines) if line)


def join_names(items: Iterable[str]) -> str:
    """Names as a phrase: "A", "A and B", "A, B and C"."""
    names = [name for name in (inline(item) for item in items) if name]
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def with_article(text: str) -> str:
    if text.split(" ", 1)[0].lower() in {"a", "an", "the"}:
        return text
    return ("an " if text[:1].lower() in "aeiou" else "a ") + text


def who_i_am(ctx: DraftContext) -> str:
    """Who you are in a few words ("a third-year economics student at X"), else your role."""
    user = ctx.user
    school, program, year = inline(user.school), inline(user.program), inline(user.year)
    if not (school or program):
        role = inline(user.role)
        return with_article(role) if role else ""
    described = f"{program} student" if program else "student"
    if year and not year.isdigit():
        described = f"{year} {described}"
    text = with_article(described) + (f" at {school}" if school else "")
    return f"{text}, class of {year}" if year.isdigit() else text


_HONORIFICS = frozenset({"dr", "prof", "professor", "mr", "mrs", "ms", "mx", "miss", "sir"})


def first_name_of(full_name: str) -> str:
    """The first word of a name, unless it is a title ("Dr. Ana Ruiz" stays whole)."""
    words = inline(full_name).split(" ")
    if len(words) > 1 and words[0].lower().rstrip(".") in _HONORIFICS:
        return " ".join(words)
    return words[0]


def _full_name(ctx: DraftContext) -> str:
    return inline(f"{ctx.contact.first_name} {ctx.contact.last_name}")


def _signature(ctx: DraftContext) -> Fragment:
    """Name, then program and school (or role), then a phone number when known. An e-mail
    carries its own reply address; a LinkedIn message gets the e-mail line too."""
    email = "[[\n{my_email}]]" if (ctx.channel or "email") != "email" else ""
    return Fragment("{my_name}[[\n{my_affiliation}]]" + email + "[[\n{my_phone}]]")


def _affiliation(ctx: DraftContext) -> str:
    """The line under your name: "Urban planning, Lakeside University", else your role."""
    user = ctx.user
    program, school = inline(user.program), inline(user.school)
    program = program[:1].upper() + program[1:]
    return ", ".join(p for p in (program, school) if p) or inline(user.role)


def _alumni_source(ctx: DraftContext) -> Value:
    source = inline(ctx.contact.source)
    return source or Fragment("[[the {my_school} alumni network||our alumni network]]")


_CIRCLE = {
    "family": "my family",
    "friend": "friends we have in common",
    "neighbour": "our neighbourhood",
    "colleague": "work",
}


def _how_we_know(ctx: DraftContext) -> Value:
    source = inline(ctx.contact.source)
    if source:
        return source
    how_found = ctx.contact.how_found.strip().lower()
    if how_found == "faculty" and inline(ctx.user.school):
        return Fragment("{my_school}")
    return _CIRCLE.get(how_found, "")


_HOW_FOUND_LINES = {
    "referred": "{referrer} suggested I get in touch with you",
    "unnamed": "I got your name in a conversation about [[{topic}||my next steps]]",
    "alumni": "I found your name through {alumni_source}",
    "warm": "We know each other through {how_we_know}",
    "cold": "[[I read {their_work}||I came across your work through {source}]]",
}


def _how_found_line(ctx: DraftContext) -> Fragment:
    variant = request_variant(ctx.contact)
    return Fragment(_HOW_FOUND_LINES.get(variant, _HOW_FOUND_LINES["cold"]))


def _referrer(ctx: DraftContext) -> str:
    """Empty when the referrer asked not to be named: then no draft can name them."""
    return "" if ctx.contact.referrer_consent == "no" else inline(ctx.contact.referrer)


def _their_field(ctx: DraftContext) -> str:
    """Their own field, else one their title and organization point to, else the field of the
    conversation in which they were suggested."""
    contact = ctx.contact
    return inline(
        contact.field
        or infer_field(contact.title, contact.organization, ctx.user.interests)
        or contact.referral_field
    )


def _topic(ctx: DraftContext) -> str:
    """What the student is learning about: their field when known, else the student's own."""
    return _their_field(ctx) or join_names(ctx.user.interests)


def _salutation(ctx: DraftContext) -> str:
    name = inline(greeting_name(ctx.contact, ctx.user))
    if not name:
        return "Hello"
    return f"Hi {name}" if is_familiar(ctx.contact, ctx.user) else f"Dear {name}"


def _your_experience(ctx: DraftContext) -> Fragment:
    return Fragment("your experience[[ as {title}]][[ at {organization}]]")


def _mention_promise(ctx: DraftContext) -> Fragment:
    """The end of "I'll get in touch with them this week": whether to say who sent you, as
    they agreed. A fragment, so that saying nothing more is a value rather than a gap."""
    consents = {r.consent for r in ctx.meeting.referrals if inline(r.name)}
    if consents == {"yes"}:
        return Fragment(" and tell them you sent me.")
    if "no" in consents:
        return Fragment(".")
    return Fragment(". May I tell them you suggested it?")


def _takeaway(ctx: DraftContext) -> Fragment:
    """One specific thing from the conversation: their advice, else what they pointed you to.
    With nothing noted, a blank for it: only the student knows what they took away."""
    meeting = ctx.meeting
    if advice_phrase(meeting.advice):
        return Fragment(" I keep coming back to {advice_phrase}, and I'm already acting on it.")
    if any(inline(r) for r in meeting.resources):
        return Fragment(" I'll follow your suggestion to look at {resources}.")
    if any(inline(r.name) for r in meeting.referrals):
        return Fragment("")  # the next paragraph names the people they suggested
    return Fragment(" I keep coming back to {advice_phrase}.")


def _their_address_block(ctx: DraftContext) -> str:
    """Name, title, organization and address, one to a line: the inside address of a letter."""
    contact = ctx.contact
    return block([_full_name(ctx), contact.title, contact.organization, *contact.address])


def _today(ctx: DraftContext) -> str:
    return long_date(ctx.today) if ctx.today else ""


FIELDS: dict[str, Field] = {
    f.name: f
    for f in (
        # You
        Field("my_name", "Your name", "your name", lambda c: inline(c.user.name)),
        Field("my_school", "Your school", "your school", lambda c: inline(c.user.school)),
        Field("my_program", "Your program", "your program", lambda c: inline(c.user.program)),
        Field("my_role", "Your current role", "your current role", lambda c: inline(c.user.role)),
        Field(
            "my_intro",
            "Your self-introduction, from your profile",
            "a sentence or two about you",
            lambda c: inline(c.user.introduction),
        ),
        Field(
            "my_intro_extra",
            "The sentences of your introduction that don't repeat your name, school or program",
            "a sentence or two about you",
            lambda c: introduction_extra(c.user),
        ),
        Field(
            "my_interests",
            "Your fields of interest, joined with “and”",
            "your fields of interest",
            lambda c: join_names(c.user.interests),
        ),
        Field("my_email", "Your e-mail address", "your e-mail", lambda c: inline(c.user.email)),
        Field("my_phone", "Your phone number", "your phone number", lambda c: inline(c.user.phone)),
        Field(
            "my_address",
            "Your postal address, one line each",
            "your postal address",
            lambda c: block(c.user.address),
        ),
        Field(
            "who_i_am",
            "Who you are in a few words: year, program and school, or your current role",
            "your school or program",
            who_i_am,
        ),
        Field(
            "my_affiliation",
            "Your program and school (or your role), for under your name",
            "your school or program",
            _affiliation,
        ),
        Field(
            "signature",
            "Your name, then program and school (or role), and your phone when known",
            "your name",
            _signature,
        ),
        # Them
        Field(
            "salutation",
            "“Dear Ms. Okoye”, “Dear Grace Okoye”, or “Hi Grace” for people you know",
            "Dear …",
            _salutation,
        ),
        Field(
            "first_name",
            "Their first name",
            "their first name",
            lambda c: inline(c.contact.first_name),
        ),
        Field(
            "last_name", "Their last name", "their last name", lambda c: inline(c.contact.last_name)
        ),
        Field("full_name", "Their full name", "their name", _full_name),
        Field("title", "Their title", "their title", lambda c: inline(c.contact.title)),
        Field(
            "organization",
            "Their organization, as it reads after “at” (“the City of Chicago”)",
            "their organization",
            lambda c: with_the(inline(c.contact.organization)),
        ),
        Field(
            "organization_name",
            "Their organization's name on its own (for an address)",
            "their organization",
            lambda c: inline(c.contact.organization),
        ),
        Field(
            "their_field",
            "Their field: as you noted it, else worked out from their title or from the "
            "conversation in which they were suggested",
            "their field",
            _their_field,
        ),
        Field(
            "topic",
            "What you are learning about: their field, else your own fields of interest",
            "your field of interest",
            _topic,
        ),
        Field(
            "your_experience",
            "“your experience as Senior Planner at Metro Transit”, with what is known",
            "your experience",
            _your_experience,
        ),
        Field(
            "their_work",
            "A piece of their work from your notes (“your article on bus rapid transit”)",
            "a piece of their work",
            lambda c: work_from_notes(c.contact.notes),
        ),
        Field(
            "source",
            "Where you found them, read after “through” (a group, their article, a talk)",
            "where you found them",
            lambda c: inline(c.contact.source),
        ),
        Field(
            "alumni_source",
            "The alumni group where you found them; your school's network by default",
            "where you found them",
            _alumni_source,
        ),
        Field(
            "how_we_know",
            "How you are connected (a class, your family, an event)",
            "how you know them",
            _how_we_know,
        ),
        Field(
            "how_found_line",
            "One sentence on how you found them: the referrer when they may be named",
            "how you found them",
            _how_found_line,
        ),
        Field(
            "referrer",
            "The full name of the person who referred you (empty if they'd rather not be named)",
            "who referred you",
            _referrer,
        ),
        Field(
            "referrer_first_name",
            "The referrer's first name (empty if they'd rather not be named)",
            "who referred you",
            lambda c: first_name_of(_referrer(c)) if _referrer(c) else "",
        ),
        Field(
            "their_address",
            "Their postal address, one line each",
            "their postal address",
            lambda c: block(c.contact.address),
        ),
        Field(
            "their_address_block",
            "Their name, title, organization and postal address, one to a line",
            "their name and address",
            _their_address_block,
        ),
        Field(
            "their_linkedin",
            "Their LinkedIn profile",
            "their LinkedIn profile",
            lambda c: inline(c.contact.linkedin),
        ),
        # The conversation
        Field(
            "meeting_date", "When you talked", "when you talked", lambda c: inline(c.meeting.date)
        ),
        Field(
            "when_we_talked",
            "“today”, “yesterday” or “on Tuesday 24 November”",
            "when you talked",
            lambda c: when_we_talked(c.meeting.day, c.today, inline(c.meeting.date)),
        ),
        Field(
            "advice",
            "The advice that helped most, as you noted it",
            "the advice that helped most",
            lambda c: clause(c.meeting.advice),
        ),
        Field(
            "advice_phrase",
            "That advice in your words: “your advice to learn GIS first”",
            "one thing you'll act on",
            lambda c: advice_phrase(c.meeting.advice),
        ),
        Field(
            "takeaway",
            "A sentence on one specific thing from your conversation",
            "one thing you'll act on",
            _takeaway,
        ),
        Field(
            "referrals",
            "The people they suggested you talk to",
            "the people they suggested",
            lambda c: join_names(r.name for r in c.meeting.referrals),
        ),
        Field(
            "mention_promise",
            "Whether you'll tell those people who sent you, as they agreed",
            "",
            _mention_promise,
        ),
        Field(
            "referrals_met",
            "The people they suggested whom you have talked with since",
            "the people you've talked with since",
            lambda c: join_names(c.meeting.referrals_met),
        ),
        Field(
            "topics",
            "What you talked about",
            "what you talked about",
            lambda c: join_names(clause(t) for t in c.meeting.topics),
        ),
        Field(
            "next_step",
            "Your next step",
            "your next step",
            lambda c: clause(c.meeting.next_step),
        ),
        Field(
            "resources",
            "Resources they mentioned",
            "resources they mentioned",
            lambda c: join_names(c.meeting.resources),
        ),
        Field("news", "What is new with you", "your news", lambda c: inline(c.news)),
        # The request itself
        Field("minutes", "The length you ask for, in minutes", "minutes", lambda c: str(c.minutes)),
        Field(
            "follow_up_when",
            "When you will follow up, in words (“next Tuesday”)",
            "when you will follow up",
            lambda c: inline(c.follow_up_when) or DEFAULT_FOLLOW_UP_WHEN,
        ),
        Field("today", "Today's date, written out", "today's date", _today),
    )
}

# Only the student can supply these: a draft may leave them as a [bracket] to fill in.
STUDENT_ONLY = frozenset({"advice_phrase", "news", "next_step"})


def template_fields() -> dict[str, str]:
    """Placeholder name → one-line description, in a sensible reading order (editor help)."""
    return {name: f.description for name, f in FIELDS.items()}
