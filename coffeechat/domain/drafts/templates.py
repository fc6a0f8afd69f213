"""The built-in wording of every draft kind, written for this project.

A user edits a copy of one of these (stored by the app) and can always reset to the original.
Placeholders are `{field}` names from `fields.FIELDS`; a missing value shows as `[label]`.
Drafts never name a job, internship or opening: the ask is advice, and the checker would flag it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .variants import DEFAULT_VARIANT

KINDS = (
    "request",
    "follow-up",
    "phone-script",
    "letter",
    "linkedin-note",
    "thank-you",
    "referral-intro",
    "close-the-loop",
    "update",
)

KIND_CHANNELS = {
    "letter": "letter",
    "linkedin-note": "linkedin",
    "phone-script": "phone",
}
DEFAULT_CHANNEL = "email"


@dataclass(frozen=True, slots=True)
class Template:
    """`subject` is None for kinds that are not e-mail (letter, phone script, LinkedIn note)."""

    kind: str
    variant: str
    subject: str | None
    body: str


_REQUEST_REFERRED = """\
Dear {full_name},

{referrer} suggested I get in touch with you. I'm {my_name}, {who_i_am}, and \
{referrer_first_name} thought your experience as {title} at {organization} would help me as I \
learn about {their_field}.

I would value your advice on how you got where you are and what you would do in my shoes. \
Could you spare {minutes} minutes at a time that suits you? A phone or video call works for me, \
or coffee in person if that is easier.

I'll follow up {follow_up_when} if I haven't heard back by then. I'm glad to send my resume \
beforehand if it would be useful.

Thank you,
{signature}
"""

_REQUEST_ALUMNI = """\
Dear {full_name},

I found your name through {alumni_source}, and it was good to see someone from {my_school} \
working as {title} at {organization}. I'm {my_name}, {who_i_am}, and I'm exploring \
{their_field}.

Would you be willing to share {minutes} minutes of advice about how you built your career? \
Whenever suits you is fine, by phone, video or in person. I would mostly like to hear what you \
wish you had known at the start.

If I don't hear back, I'll write again {follow_up_when}. I can send my resume ahead of time if \
that helps.

With thanks,
{signature}
"""

_REQUEST_WARM = """\
Hi {first_name},

This is {my_name}; we know each other through {how_we_know}. I'm now {who_i_am}, and I've \
become curious about {their_field}.

Given your role as {title} at {organization}, I'd love your advice and your view of the \
field. Could we find {minutes} minutes for a chat, whenever it suits you? A call, a video chat \
or a coffee all work for me.

I'll get back in touch {follow_up_when} to see what works. I can also send my resume if that \
would help.

Thanks so much,
{signature}
"""

_REQUEST_COLD = """\
Dear {full_name},

I came across your work through {source}, and it sharpened my interest in {their_field}. I'm \
{my_name}, {who_i_am}. {my_intro}

Your experience as {title} at {organization} is the kind of view I can't get from reading. \
Would you be open to a {minutes}-minute conversation at your convenience, by phone, video or in \
person? I'd like to ask how you got started and what advice you would give someone exploring the \
field.

I'll follow up {follow_up_when} in case my note gets buried. My resume is available if you \
would like to see it.

Best regards,
{signature}
"""

_FOLLOW_UP = """\
Dear {full_name},

I wrote recently to ask whether you could spare {minutes} minutes to share your advice about \
{their_field}; I know how quickly an inbox fills up. I'm {my_name}, {who_i_am}. \
{how_found_line}.

I would still value hearing how you approach your work at {organization}. If talking is easier \
than writing, you can call me at {my_phone}, or tell me a good time and number and I'll ring \
you. Any day that suits you suits me.

I'll try you once more {follow_up_when}. Thank you for considering it.

Kind regards,
{signature}
"""

_PHONE_SCRIPT = """\
Before you dial: have your first questions ready, in case they would like to talk right away.

WHEN THEY ANSWER

Hello, is this {full_name}? My name is {my_name}; I'm {who_i_am}. {how_found_line}.

I'm learning about {their_field}, and given your work at {organization} I would value your \
advice. Would you have {minutes} minutes to talk, either now or at a time that's better for you?

- If now is good: thank them, say again that you are after advice, and ask your first question.
- If later is better: offer two or three times, and agree on the number and who calls whom.

IF YOU REACH VOICEMAIL

Hello {first_name}, this is {my_name}, {who_i_am}. {how_found_line}. I'm hoping for \
{minutes} minutes of your advice about {their_field}, by phone or in person, whenever suits you. \
My number is {my_phone}; again, that's {my_phone}. I'll also try you again {follow_up_when}. \
Thank you, and have a good day.
"""

_LETTER = """\
{my_name}
{my_address}
{my_email}
{my_phone}

{today}

{full_name}
{title}
{organization}
{their_address}

Dear {full_name}:

{how_found_line}. I'm {my_name}, {who_i_am}, and I'm writing to ask for your advice as I learn \
about {their_field}.

Your experience as {title} at {organization} would help me understand how the field works from \
the inside. I would be grateful for {minutes} minutes of your time, at your convenience: by \
phone, by video, or in person at your office.

I will telephone your office {follow_up_when} to see whether a time might suit you. If it is \
easier, you can reach me at {my_email} or {my_phone}. I can share my resume if you would find \
it useful.

Sincerely,


{my_name}
"""

_LINKEDIN_BEFORE = (
    "Hi {first_name}, I'm {my_name}, {who_i_am}, exploring {their_field}. {how_found_line}. "
    "I'd be grateful for {minutes} minutes of your advice whenever suits you. Thank you!"
)
_LINKEDIN_BEFORE_SHORT = (
    "Hi {first_name}, I'm {my_name}, exploring {their_field}. "
    "Could I ask you for {minutes} minutes of advice sometime? Thanks!"
)
_LINKEDIN_AFTER = (
    "Hi {first_name}, thank you again for talking with me on {meeting_date}; your advice is "
    "already helping me plan what comes next. I'd be glad to stay in touch here. {my_name}"
)
_LINKEDIN_AFTER_SHORT = (
    "Hi {first_name}, thanks again for our talk on {meeting_date}. "
    "I'd be glad to stay in touch. {my_name}"
)

_THANK_YOU = """\
Dear {first_name},

Thank you for taking the time to talk with me on {meeting_date}. One piece of your advice keeps \
coming back to me: “{advice}”.

You also suggested I speak with {referrals}. I'll contact them this week and tell them you sent \
me.

My next step: {next_step}. I'll let you know how it goes.

With gratitude,
{signature}
"""

_REFERRAL_INTRO = """\
Dear {full_name},

I recently spoke with {referrer}, who suggested I contact you about {their_field}. I'm \
{my_name}, {who_i_am}, and {referrer_first_name} thought your experience at {organization} \
would be especially helpful to me.

Would you have {minutes} minutes in the coming weeks for a conversation? I'd value your advice \
and your view of the field; my schedule is flexible, and phone, video or in person all work.

I'll follow up {follow_up_when} if I haven't heard from you. Thank you for considering it.

Best regards,
{signature}
"""

_CLOSE_THE_LOOP = """\
Hi {referrer_first_name},

I wanted to let you know that I talked with {full_name} on {meeting_date}, thanks to your \
introduction. It was a generous and useful conversation: we covered {topics}, and the advice \
I'm taking away is “{advice}”.

Thank you again for connecting us. My next step: {next_step}. I'll keep you posted.

Warm regards,
{signature}
"""

_UPDATE = """\
Hi {first_name},

It's been a while since we talked on {meeting_date}, and I wanted to share some news. {news}

Your advice, “{advice}”, has stayed with me along the way. I hope all is well at \
{organization}. No need to reply; I simply wanted to keep you posted.

All the best,
{signature}
"""

_BUILTIN = (
    Template("request", "referred", "{referrer} suggested I get in touch", _REQUEST_REFERRED),
    Template(
        "request",
        "alumni",
        "{my_school} connection: a question about {their_field}",
        _REQUEST_ALUMNI,
    ),
    Template("request", "warm", "Could I ask your advice about {their_field}?", _REQUEST_WARM),
    Template("request", "cold", "Question about your work in {their_field}", _REQUEST_COLD),
    Template(
        "follow-up",
        DEFAULT_VARIANT,
        "Following up: {minutes} minutes of advice on {their_field}",
        _FOLLOW_UP,
    ),
    Template("phone-script", DEFAULT_VARIANT, None, _PHONE_SCRIPT),
    Template("letter", DEFAULT_VARIANT, None, _LETTER),
    Template("linkedin-note", "before", None, _LINKEDIN_BEFORE),
    Template("linkedin-note", "before-short", None, _LINKEDIN_BEFORE_SHORT),
    Template("linkedin-note", "after", None, _LINKEDIN_AFTER),
    Template("linkedin-note", "after-short", None, _LINKEDIN_AFTER_SHORT),
    Template("thank-you", DEFAULT_VARIANT, "Thank you for your advice", _THANK_YOU),
    Template(
        "referral-intro", DEFAULT_VARIANT, "{referrer} suggested I contact you", _REFERRAL_INTRO
    ),
    Template(
        "close-the-loop", DEFAULT_VARIANT, "I spoke with {full_name}: thank you", _CLOSE_THE_LOOP
    ),
    Template("update", DEFAULT_VARIANT, "An update from {my_name}", _UPDATE),
)


def builtin_templates() -> dict[tuple[str, str], Template]:
    """(kind, variant) → the project's own wording; a fresh dict, safe to modify."""
    return {(t.kind, t.variant): t for t in _BUILTIN}


def default_channel(kind: str) -> str:
    return KIND_CHANNELS.get(kind, DEFAULT_CHANNEL)
