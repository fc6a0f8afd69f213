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
    "introduction-blurb",
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


# A sentence on who you are that reads well with whatever the profile holds.
_ME = "My name is {my_name}[[, {who_i_am}]]"
_LEARNING = "[[learning about {topic}||finding my way toward my first career steps]]"

_REQUEST_REFERRED = (
    """\
{salutation},

{referrer} suggested I get in touch with you. """
    + _ME
    + """, and I'm """
    + _LEARNING
    + """\
[[; {referrer_first_name} thought {your_experience} would help me understand the field]].

I would value your advice on how you got where you are and what you would do in my place. \
Could you spare {minutes} minutes at a time that suits you? A phone or video call works for me, \
or coffee if that is easier.

I'll follow up {follow_up_when} if I haven't heard back by then. I'm glad to send my resume \
beforehand if it would be useful.

Thank you,
{signature}
"""
)

_REQUEST_UNNAMED = (
    """\
{salutation},

I got your name in a conversation about [[{topic}||my next steps]], and I was told \
{your_experience} is well worth hearing about. """
    + _ME
    + """\
, and I'm """
    + _LEARNING
    + """.[[ {my_intro_extra}]]

Would you be open to a {minutes}-minute conversation at a time that suits you, by phone, video \
or in person? I'd like to hear how your path unfolded and what you would suggest to someone \
starting out.

I'll follow up {follow_up_when} in case my note gets buried. I'm glad to send my resume \
beforehand if it would help.

With thanks,
{signature}
"""
)

_REQUEST_ALUMNI = (
    """\
{salutation},

I found your name through {alumni_source}[[, and it was good to see someone from {my_school} \
doing this work]]. """
    + _ME
    + """, and I'm """
    + _LEARNING
    + """.

Would you be willing to share {minutes} minutes of advice about {your_experience} and how you \
built your career? Whenever suits you is fine, by phone, video or in person. I would mostly like \
to hear what you wish you had known at the start.

If I don't hear back, I'll write again {follow_up_when}. I can send my resume ahead of time if \
that helps.

With thanks,
{signature}
"""
)

_REQUEST_WARM = (
    """\
{salutation},

This is {my_name}[[; we know each other through {how_we_know}]]. I'm now[[ {who_i_am}, and \
I'm]] """
    + _LEARNING
    + """.

Given {your_experience}, I'd love your advice and your view of the field. Could we find \
{minutes} minutes for a chat, whenever it suits you? A call, a video chat or a coffee all work \
for me.

I'll get back in touch {follow_up_when} to see what works. I can also send my resume if that \
would help.

Thanks so much,
{signature}
"""
)

_REQUEST_COLD = (
    """\
{salutation},

[[I read {their_work}, and it sharpened my interest in {topic}. ||I came across your work \
through {source}, and it sharpened my interest in {topic}. ]]"""
    + _ME
    + """.\
[[ {my_intro_extra}]]

Hearing about {your_experience} would teach me what reading can't. Would you be open to a \
{minutes}-minute conversation at your convenience, by phone, video or in person? I'd like to ask \
how you got started and what advice you would give someone exploring the field.

I'll follow up {follow_up_when} in case my note gets buried. I'm glad to send my resume \
beforehand if you would like to see it.

Best regards,
{signature}
"""
)

# The 2-Hour Job Search's e-mails: the connection first, a narrow and a broad interest, a
# question that asks for insight rather than leads, and more of the words about them.
_CONNECTION = "[[{how_found_line}. ]]"
_REQUEST_2HJS_5 = (
    """\
{salutation},

"""
    + _CONNECTION
    + _ME
    + """.

Your work[[ at {organization}]] interests me. Would you have {minutes} minutes to share your \
insights on [[{topic}||your field]] and your advice for someone starting out? I'll follow up \
{follow_up_when}.

Thank you,
{signature}
"""
)
_REQUEST_2HJS_6 = (
    """\
{salutation},

"""
    + _CONNECTION
    + _ME
    + """.

Would you have {minutes} minutes to share what your work[[ at {organization}]] \
has taught you, and your advice? I'll follow up {follow_up_when}.

Thank you,
{signature}
"""
)

_FOLLOW_UP = (
    """\
{salutation},

I wrote recently to ask whether you could spare {minutes} minutes to share your advice[[ about \
{topic}]]; I know how quickly an inbox fills up. """
    + _ME
    + """.[[ {how_found_line}.]]

I would still value hearing about {your_experience}. [[If talking is easier than writing, you \
can call me at {my_phone}, or tell me a good time and number and I'll ring you.||If a call is \
easier than writing, tell me a good time and number and I'll ring you.]] Any day that suits you \
suits me.

I'll try you once more {follow_up_when}. Thank you for considering it.

Kind regards,
{signature}
"""
)

_PHONE_SCRIPT = (
    """\
Before you dial: have your first questions ready, in case they would like to talk right away.

WHEN THEY ANSWER

Hello, is this {full_name}? My name is {my_name}[[; I'm {who_i_am}]].[[ {how_found_line}.]]

I'm """
    + _LEARNING
    + """, and given {your_experience} I would value your advice. Would you \
have {minutes} minutes to talk, either now or at a time that's better for you?

- If now is good: thank them, say again that you are after advice, and ask your first question.
- If later is better: offer two or three times, and agree on the number and who calls whom.

IF YOU REACH VOICEMAIL

Hello[[ {first_name}]], this is {my_name}[[, {who_i_am}]].[[ {how_found_line}.]] I'm hoping \
for {minutes} minutes of your advice[[ about {topic}]], by phone or in person, whenever suits \
you. [[My number is {my_phone}; again, that's {my_phone}. ]]I'll also try you again \
{follow_up_when}. Thank you, and have a good day.
"""
)

_LETTER = (
    """\
{my_name}[[
{my_address}]][[
{my_email}]][[
{my_phone}]][[

{today}]][[

{their_address_block}]]

{salutation}:

[[{how_found_line}. ]]"""
    + _ME
    + """, and I'm writing to ask for your advice as I \
"""
    + _LEARNING.replace("learning", "learn").replace("finding", "find")
    + """.

Hearing about {your_experience} would help me understand how the field works from the inside. \
I would be grateful for {minutes} minutes of your time, at your convenience: by phone, by \
video, or in person at your office.

I will [[telephone your office||write again]] {follow_up_when} to see whether a time might suit \
you.[[ If it is easier, you can reach me at {my_email} or {my_phone}.|| If it is easier, you \
can reach me at {my_email}.|| If it is easier, you can reach me at {my_phone}.]] I can share my \
resume if you would find it useful.

Sincerely,


{my_name}
"""
)

_LINKEDIN_BEFORE = (
    "[[Hi {first_name}||{salutation}]], this is {my_name}[[, {who_i_am}]], exploring "
    "[[{topic}||your field]]."
    "[[ {how_found_line}.]] Your work[[ at {organization}]] interests me, and I'd be grateful "
    "for {minutes} minutes of your advice whenever suits you. Thank you!"
)
_LINKEDIN_BEFORE_SHORT = (
    "[[Hi {first_name}||{salutation}]], this is {my_name}, exploring [[{topic}||your field]]. "
    "Could I ask you for {minutes} minutes of advice about your path? Thank you!"
)
_LINKEDIN_AFTER = (
    "[[Hi {first_name}||{salutation}]], this is {my_name}. Thank you again for talking with me"
    "[[ {when_we_talked}]]; "
    "[[I keep thinking about {advice_phrase}.||your advice is already shaping my next steps.]] "
    "I'd be glad to stay in touch here."
)
_LINKEDIN_AFTER_SHORT = (
    "[[Hi {first_name}||{salutation}]], this is {my_name}: thanks again for our talk"
    "[[ {when_we_talked}]] "
    "and for your advice. I'd be glad to stay in touch."
)

_THANK_YOU = """\
{salutation},

Thank you for taking the time to talk with me[[ {when_we_talked}]].{takeaway}

[[You suggested I speak with {referrals}. I'll get in touch with them this \
week{mention_promise}

]][[My next step: {next_step}. ]]I'll let you know how it goes.

With gratitude,
{signature}
"""

_REFERRAL_INTRO = (
    """\
{salutation},

{referrer} suggested I contact you[[ about {their_field}]]. """
    + _ME
    + """\
[[, and {referrer_first_name} thought {your_experience} would be especially helpful to me]].

Would you have {minutes} minutes in the coming weeks for a conversation? I'd value your advice \
and your view of the field; my schedule is flexible, and phone, video or in person all work.

I'll follow up {follow_up_when} if I haven't heard from you. Thank you for considering it.

Best regards,
{signature}
"""
)

_REFERRAL_INTRO_UNNAMED = (
    """\
{salutation},

I got your name in a conversation about [[{topic}||my next steps]], and I'd be grateful to \
hear about {your_experience}. """
    + _ME
    + """.

Would you have {minutes} minutes in the coming weeks for a conversation? I'd value your advice \
and your view of the field; my schedule is flexible, and phone, video or in person all work.

I'll follow up {follow_up_when} if I haven't heard from you. Thank you for considering it.

Best regards,
{signature}
"""
)

_CLOSE_THE_LOOP = """\
Hi {referrer_first_name},

I wanted to let you know that I talked with {full_name}[[ {when_we_talked}]], thanks to your \
introduction. It was a generous and useful conversation[[: we covered {topics}]][[, and I'm \
taking away {advice_phrase}]].

Thank you again for connecting us.[[ My next step: {next_step}.]] I'll keep you posted.

Warm regards,
{signature}
"""

_UPDATE = """\
{salutation},

It's been a while since we talked[[ {when_we_talked}]], and I wanted to share how things are \
going.[[ {news}]][[ Since then I've talked with {referrals_met}, as you suggested; thank you \
again for pointing me their way.]]

[[I still think about {advice_phrase}. ]]I hope all is well[[ at {organization}]]. No need to \
reply; I simply wanted to keep you posted.

All the best,
{signature}
"""

# Sent to the person who suggested a contact, for them to forward (or adapt) as they like:
# the gentlest way to be introduced, and the one that leaves them in charge of their name.
_INTRODUCTION_BLURB = (
    """\
Hi {referrer_first_name},

Thank you again for [[suggesting I talk with {full_name}||offering to introduce me to people \
in your field]]. In case it makes things easier, here is a short note about me that you could \
forward[[ to {first_name}]] or adapt as you like:

“"""
    + _ME
    + """, and I'm """
    + _LEARNING
    + """. I'd be grateful for {minutes} minutes of \
[[{first_name}'s||their]] advice at whatever time suits them, by phone, video or in \
person.[[ I can be reached at {my_email}.]]”

If you'd rather I wrote to them myself, just say so, and let me know whether I may mention \
you. Thank you!

Best,
{signature}
"""
)

_BUILTIN = (
    Template("request", "referred", "{referrer} suggested I get in touch", _REQUEST_REFERRED),
    Template(
        "request",
        "unnamed",
        "[[Could I ask your advice about {topic}?||Could I ask your advice?]]",
        _REQUEST_UNNAMED,
    ),
    Template(
        "request",
        "alumni",
        "[[{my_school} connection: ||A fellow alum: ]]"
        "[[a question about {topic}||could I ask your advice?]]",
        _REQUEST_ALUMNI,
    ),
    Template(
        "request",
        "warm",
        "[[Could I ask your advice about {topic}?||Could I ask your advice?]]",
        _REQUEST_WARM,
    ),
    Template(
        "request",
        "cold",
        "[[Question about your work in {their_field}||Could I ask your advice about {topic}?"
        "||Could I ask your advice?]]",
        _REQUEST_COLD,
    ),
    Template("request", "2hjs-5", "[[Your advice on {topic}?||Your advice?]]", _REQUEST_2HJS_5),
    Template("request", "2hjs-6", "[[Your advice on {topic}?||Your advice?]]", _REQUEST_2HJS_6),
    Template(
        "follow-up",
        DEFAULT_VARIANT,
        "Following up: {minutes} minutes of advice[[ on {topic}]]",
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
        "referral-intro",
        "unnamed",
        "[[Could I ask your advice about {topic}?||Could I ask your advice?]]",
        _REFERRAL_INTRO_UNNAMED,
    ),
    Template(
        "close-the-loop",
        DEFAULT_VARIANT,
        "I spoke with {full_name}: thank you",
        _CLOSE_THE_LOOP,
    ),
    Template("update", DEFAULT_VARIANT, "An update from {my_name}", _UPDATE),
    Template(
        "introduction-blurb",
        DEFAULT_VARIANT,
        "[[A short note you could forward to {full_name}||A short note about me, to forward]]",
        _INTRODUCTION_BLURB,
    ),
)


def builtin_templates() -> dict[tuple[str, str], Template]:
    """(kind, variant) → the project's own wording; a fresh dict, safe to modify."""
    return {(t.kind, t.variant): t for t in _BUILTIN}


def default_channel(kind: str) -> str:
    return KIND_CHANNELS.get(kind, DEFAULT_CHANNEL)
