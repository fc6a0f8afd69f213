"""The placeholders a template may use: what each one means, where its value comes from, and
what the reader sees when the value is missing.

A field's value is either text from the user's data, inserted as is, or a `Fragment`: a bit of
template from this module that is filled in turn. Only our own code writes fragments, so text a
user typed is never scanned for placeholders.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .context import DEFAULT_FOLLOW_UP_WHEN, DraftContext
from .dates import long_date
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
    """The name is required; the lines under it appear only when known."""
    user = ctx.user
    school, program = inline(user.school), inline(user.program)
    if school or program:
        affiliation = ", ".join(
            f"{{{n}}}" for n, v in (("my_program", program), ("my_school", school)) if v
        )
    else:
        affiliation = "{my_role}" if inline(user.role) else ""
    contact_lines = [
        f"{{{n}}}" for n, v in (("my_email", user.email), ("my_phone", user.phone)) if inline(v)
    ]
    lines = ["{my_name}", affiliation, *contact_lines]
    return Fragment("\n".join(line for line in lines if line))


def _alumni_source(ctx: DraftContext) -> Value:
    source = inline(ctx.contact.source)
    return source or Fragment("the {my_school} alumni network")


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
    "alumni": "I found your name through {alumni_source}",
    "warm": "We know each other through {how_we_know}",
    "cold": "I came across your work through {source}",
}


def _how_found_line(ctx: DraftContext) -> Fragment:
    return Fragment(_HOW_FOUND_LINES[request_variant(ctx.contact)])


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
            "A sentence or two about you, from your profile",
            "a sentence or two about you",
            lambda c: inline(c.user.introduction),
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
            "signature",
            "Your name, then program and school (or role), e-mail and phone when known",
            "your name",
            _signature,
        ),
        # Them
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
            "Their organization",
            "their organization",
            lambda c: inline(c.contact.organization),
        ),
        Field("their_field", "Their field", "their field", lambda c: inline(c.contact.field)),
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
            "One sentence on how you found them: the referrer when there is one",
            "how you found them",
            _how_found_line,
        ),
        Field(
            "referrer",
            "The full name of the person who referred you",
            "who referred you",
            lambda c: inline(c.contact.referrer),
        ),
        Field(
            "referrer_first_name",
            "The referrer's first name",
            "who referred you",
            lambda c: first_name_of(c.contact.referrer),
        ),
        Field(
            "their_address",
            "Their postal address, one line each",
            "their postal address",
            lambda c: block(c.contact.address),
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
            "advice",
            "The advice that helped most, as you noted it",
            "the advice that helped most",
            lambda c: clause(c.meeting.advice),
        ),
        Field(
            "referrals",
            "The people they suggested you talk to",
            "the people they suggested",
            lambda c: join_names(c.meeting.referrals),
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


def template_fields() -> dict[str, str]:
    """Placeholder name → one-line description, in a sensible reading order (editor help)."""
    return {name: f.description for name, f in FIELDS.items()}
