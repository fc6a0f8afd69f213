"""The follow-up rules of docs/method.md §2, one generator per action kind.

Each rule reads the shared `RuleContext` and yields candidate actions; the engine then applies
the user's done/dismissed/snoozed states and sorts. Rules never look at the clock: "now" is
`ctx.on_date`. An action disappears by itself once the thing it asks for is recorded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta

from coffeechat.domain.followups.action import Action
from coffeechat.domain.followups.context import RuleContext
from coffeechat.domain.followups.excerpt import first_lines
from coffeechat.domain.followups.history import ContactHistory

Rule = Callable[[RuleContext], Iterator[Action]]


def _plural(n: int, unit: str) -> str:
    return f"{n} {unit}" if n == 1 else f"{n} {unit}s"


def send_request(ctx: RuleContext) -> Iterator[Action]:
    """Shortlisted people (flagged, or at a top LAMP organization) who haven't been asked yet."""
    for h in ctx.of_focus(ctx.active):
        contact = h.contact
        at_top_org = contact.organization_id in ctx.top_organization_ids
        if not (contact.shortlisted or at_top_org):
            continue
        if h.request_on is not None or h.meetings or contact.id in ctx.referral_origins:
            continue
        why = "is on your shortlist" if contact.shortlisted else "works at one of your top targets"
        yield Action(
            kind="send-request",
            key=f"send-request:contact={contact.id}",
            title=f"Ask {contact.name} for a short conversation",
            reason=(
                f"{contact.name} {why}. A brief, friendly note asking for 20 minutes of advice "
                "is all it takes, and most people are glad to help someone starting out."
            ),
            due=ctx.on_date,
            contact_id=contact.id,
            organization_id=contact.organization_id,
            draft_kind="request",
        )


def try_another_contact(ctx: RuleContext) -> Iterator[Action]:
    """A quiet first request at an organization: widen the door by asking a second person.

    Never a draft to the person who didn't answer: the step points to the others you know
    there or, when you know nobody else yet, to finding and adding someone.
    """
    asked_per_org = ctx.asked_per_org
    wait = ctx.settings.try_another_business_days
    for h in ctx.of_focus(ctx.active):
        org_id = h.contact.organization_id
        if org_id is None or h.request_on is None or h.responded or asked_per_org[org_id] != 1:
            continue
        org = ctx.organizations.get(org_id)
        org_name = org.name if org else "this organization"
        others = max((org.people if org else 0) - 1, 0)
        quiet = f"No answer from {h.contact.name} after {_plural(wait, 'business day')}. "
        if others:
            title = f"Try a second person at {org_name}"
            known = "1 other person" if others == 1 else f"{others} other people"
            reason = (
                f"{quiet}You know {known} at {org_name}: asking one of them in parallel keeps "
                "things moving while you wait, and it is not a snub to anyone."
            )
        else:
            title = f"Find a second person at {org_name}"
            reason = (
                f"{quiet}You don't know anyone else at {org_name} yet. An alumni search or "
                "LinkedIn usually turns up a second name, and asking in parallel keeps things "
                "moving while you wait."
            )
        yield Action(
            kind="try-another-contact",
            key=f"try-another-contact:organization={org_id}",
            title=title,
            reason=reason,
            due=ctx.calendar.add_business_days(h.request_on, wait),
            contact_id=h.contact.id,
            organization_id=org_id,
            others_known=others,
        )


def follow_up(ctx: RuleContext) -> Iterator[Action]:
    """No reply yet: nudge after the interval, up to the maximum number of follow-ups."""
    settings = ctx.settings
    wait = settings.follow_up_business_days
    for h in ctx.of_focus(ctx.active):
        if h.request_on is None or h.responded:
            continue
        follow_ups = h.follow_ups
        if len(follow_ups) >= settings.max_follow_ups:
            continue
        number = len(follow_ups) + 1
        last = follow_ups[-1] if follow_ups else h.request_on
        contact = h.contact
        reason = (
            f"{_plural(wait, 'business day')} without a reply is the usual moment for a "
            "friendly nudge: people are busy, not uninterested. Don't wait for them to call you."
        )
        if contact.has_phone:
            reason += " A quick phone call works well, and you have their number."
        if number == settings.max_follow_ups:
            reason += " This is your last planned nudge; if it stays quiet, let it rest."
        yield Action(
            kind="follow-up",
            key=f"follow-up:contact={contact.id}:n={number}",
            title=f"Follow up with {contact.name}",
            reason=reason,
            due=ctx.calendar.add_business_days(last, wait),
            contact_id=contact.id,
            organization_id=contact.organization_id,
            draft_kind="follow-up",
        )


def _met_since(ctx: RuleContext, h: ContactHistory, day: date) -> bool:
    """A conversation set for `day` or later: whatever their answer said, it was a yes."""
    return any(m.status != "cancelled" and ctx.meeting_day(m) >= day for m in h.meetings)


def note_reply(ctx: RuleContext) -> Iterator[Action]:
    """An answer came (often found in the mailbox) without a word on what it said: ask which
    it was, since a yes, some times, a no and a referral each lead somewhere else."""
    asked: set[int] = set()  # one step per message, even if a fact comes twice
    for h in ctx.of_focus(ctx.active):
        contact = h.contact
        for message in h.replies_to_note():
            replied_on = message.replied_on
            if replied_on is None or message.id in asked or _met_since(ctx, h, replied_on):
                continue
            asked.add(message.id)
            yield Action(
                kind="note-reply",
                key=f"note-reply:message={message.id}",
                title=f"Note how {contact.name} answered",
                reason=(
                    f"{contact.name} wrote back. Whether they said yes, offered some times, "
                    "said no or pointed you to someone else decides your next step, and "
                    "noting it takes a few seconds."
                ),
                due=ctx.calendar.on_or_after(replied_on),
                contact_id=contact.id,
                organization_id=contact.organization_id,
                message_id=message.id,
                quote=first_lines(message.reply_text),
            )


def schedule(ctx: RuleContext) -> Iterator[Action]:
    """They replied: settle a date while the yes is fresh."""
    wait = ctx.settings.schedule_business_days
    for h in ctx.of_focus(ctx.active):
        # A no or a referral elsewhere ends the asking; only a yes (or times) asks for a date.
        if h.first_reply_on is None or not h.wants_to_talk or h.has_live_meeting:
            continue
        contact = h.contact
        yield Action(
            kind="schedule",
            key=f"schedule:contact={contact.id}",
            title=f"Set a time with {contact.name}",
            reason=(
                f"{contact.name} replied. Answer within {_plural(wait, 'business day')} with a "
                "few concrete times and the length you asked for, and offer phone or video too."
            ),
            due=ctx.calendar.add_business_days(h.first_reply_on, wait),
            contact_id=contact.id,
            organization_id=contact.organization_id,
        )


def prepare(ctx: RuleContext) -> Iterator[Action]:
    """An upcoming meeting with no agenda yet."""
    lead = timedelta(days=ctx.settings.prepare_days)
    for meeting in ctx.meetings_of_focus():
        h = ctx.active.get(meeting.contact_id)
        day = ctx.meeting_day(meeting)
        if h is None or meeting.status not in ("proposed", "scheduled") or meeting.has_agenda:
            continue
        if day < ctx.on_date:
            continue
        yield Action(
            kind="prepare",
            key=f"prepare:meeting={meeting.id}",
            title=f"Prepare questions for {h.contact.name}",
            reason=(
                "A short agenda of open questions, most important first, helps you keep to the "
                "time you asked for and makes the conversation easier for both of you."
            ),
            due=day - lead,
            contact_id=h.contact.id,
            meeting_id=meeting.id,
            organization_id=h.contact.organization_id,
        )


def thank_you(ctx: RuleContext) -> Iterator[Action]:
    """A held meeting deserves a specific thank-you within a day."""
    hours = ctx.settings.thank_you_hours
    for meeting in ctx.meetings_of_focus():
        h = ctx.active.get(meeting.contact_id)
        if h is None or meeting.status != "held":
            continue
        # Counted from the real end when one is recorded, else from the start: a thank-you
        # written right after the goodbye belongs to this meeting.
        if h.thanked_after(meeting.ended_at or meeting.starts_at, ctx.tz):
            continue
        deadline = meeting.finished_at + timedelta(hours=hours)
        yield Action(
            kind="thank-you",
            key=f"thank-you:meeting={meeting.id}",
            title=f"Thank {h.contact.name}",
            reason=(
                f"A thank-you within {_plural(hours, 'hour')} shows you valued their time. "
                "Name one piece of advice that helped and what you plan to do next."
            ),
            due=deadline.astimezone(ctx.tz).date(),
            contact_id=h.contact.id,
            meeting_id=meeting.id,
            organization_id=h.contact.organization_id,
            draft_kind="thank-you",
        )


def thank_for_answer(ctx: RuleContext) -> Iterator[Action]:
    """A no, or a pointer to someone else, still deserves thanks: one kind note, then quiet."""
    for h in ctx.of_focus(ctx.histories):
        answered_on = h.answer_to_thank()
        contact = h.contact
        if answered_on is None or contact.excluded or contact.dormant:
            continue
        if h.turned_down:
            title = f"Thank {contact.name} and keep the door open"
            reason = (
                "They said no this time, and that's normal: people are busy. A two-line thank-"
                "you for answering at all leaves a good memory, and they may think of you later."
            )
        else:
            title = f"Thank {contact.name} for pointing you onward"
            reason = (
                "They took the time to suggest someone else. A short thank-you now, and a word "
                "later on how it went, is how introductions keep coming."
            )
        yield Action(
            kind="thank-for-answer",
            key=f"thank-for-answer:contact={contact.id}:on={answered_on.isoformat()}",
            title=title,
            reason=reason,
            due=ctx.calendar.add_business_days(answered_on, 1),
            contact_id=contact.id,
            organization_id=contact.organization_id,
            draft_kind="thank-you",
        )


def reflect(ctx: RuleContext) -> Iterator[Action]:
    """Write down what you learned the same day, while it is vivid."""
    for meeting in ctx.meetings_of_focus():
        h = ctx.active.get(meeting.contact_id)
        if h is None or meeting.status != "held" or meeting.has_reflection:
            continue
        yield Action(
            kind="reflect",
            key=f"reflect:meeting={meeting.id}",
            title=f"Reflect on your talk with {h.contact.name}",
            reason=(
                "Notes written the same day keep the details. What surprised you, what fits "
                "your goals, what would you still like to find out?"
            ),
            due=ctx.meeting_day(meeting),
            contact_id=h.contact.id,
            meeting_id=meeting.id,
            organization_id=h.contact.organization_id,
        )


def contact_referral(ctx: RuleContext) -> Iterator[Action]:
    """Someone you were pointed to and haven't asked yet."""
    days = ctx.settings.referral_days
    for contact_id, origin in ctx.origins_of_focus():
        h = ctx.active.get(contact_id)
        if h is None or h.request_on is not None or h.meetings:
            continue
        referrer = ctx.histories.get(origin.referrer_id)
        consent = h.contact.referrer_consent
        # One who asked not to be named is named nowhere, not even in this reminder.
        shown = referrer if referrer is not None and consent != "no" else None
        by = f", suggested by {shown.contact.name}" if shown else ""
        if shown is None:
            opening = "Write as you would to someone new, with a line on why them; "
        elif consent == "yes":
            opening = f"Mention {shown.contact.name} in your first lines: "
        else:
            opening = (
                f"If you haven't asked whether {shown.contact.name} is happy to be mentioned, "
                "ask first, or offer them a short note to forward. "
            )
        yield Action(
            kind="contact-referral",
            key=f"contact-referral:contact={contact_id}",
            title=f"Reach out to {h.contact.name}{by}",
            reason=(
                f"{opening}a warm introduction opens doors. Reaching out within "
                f"{_plural(days, 'day')} keeps it fresh for everyone."
            ),
            due=origin.due,
            contact_id=contact_id,
            meeting_id=origin.meeting_id,
            organization_id=h.contact.organization_id,
            draft_kind="referral-intro",
        )


def forward_introduction(ctx: RuleContext) -> Iterator[Action]:
    """A referral whose referrer hasn't said they may be named: offer the referrer a short note
    to forward. It is the route that leaves them in charge of their own name."""
    for contact_id, origin in ctx.referred_by_focus():  # the step is the referrer's
        h = ctx.active.get(contact_id)
        referrer = ctx.active.get(origin.referrer_id)
        if h is None or referrer is None or h.contact.referrer_consent != "unknown":
            continue
        if h.request_on is not None or h.meetings:
            continue
        named = ctx.meetings.get(origin.meeting_id) if origin.meeting_id is not None else None
        since = ctx.meeting_day(named) if named is not None else h.contact.created_on
        sent = referrer.last_blurb_on
        if sent is not None and sent >= since:
            continue
        yield Action(
            kind="forward-introduction",
            key=f"forward-introduction:contact={contact_id}",
            title=f"Offer {referrer.contact.name} a short note to forward to {h.contact.name}",
            reason=(
                f"You don't know yet whether {referrer.contact.name} is happy to be named. A few "
                "lines about you that they can forward lets them introduce you in their own "
                "words, and a note that arrives from someone they know is read first."
            ),
            due=origin.due,
            contact_id=referrer.contact.id,
            organization_id=referrer.contact.organization_id,
            draft_kind="introduction-blurb",
            about_id=contact_id,
        )


def close_the_loop(ctx: RuleContext) -> Iterator[Action]:
    """After meeting a referral, tell the person who suggested them how it went."""
    lead = timedelta(days=ctx.settings.close_loop_days)
    for contact_id, origin in ctx.referred_by_focus():  # the step is the referrer's
        met = ctx.histories.get(contact_id)
        referrer = ctx.active.get(origin.referrer_id)
        if met is None or referrer is None:
            continue
        told = referrer.last_close_loop_on
        for meeting in met.held_meetings():
            day = ctx.meeting_day(meeting)
            if told is not None and told >= day:
                continue  # already told, after this talk
            yield Action(
                kind="close-the-loop",
                key=f"close-the-loop:meeting={meeting.id}",
                title=f"Tell {referrer.contact.name} how it went with {met.contact.name}",
                reason=(
                    f"{referrer.contact.name} introduced you to {met.contact.name}. A short "
                    "note saying you met and what you took away is a kind thank-you, and "
                    "people like to know their help mattered."
                ),
                due=day + lead,
                contact_id=referrer.contact.id,
                meeting_id=meeting.id,
                organization_id=referrer.contact.organization_id,
                draft_kind="close-the-loop",
            )


def connect(ctx: RuleContext) -> Iterator[Action]:
    """After a first held meeting, connect on LinkedIn with a note about the conversation."""
    lead = timedelta(days=ctx.settings.connect_days)
    for h in ctx.of_focus(ctx.active):
        if not h.contact.has_linkedin or h.sent_linkedin_note:
            continue
        held = h.held_meetings()
        if not held:
            continue
        first = min(held, key=lambda m: (m.starts_at, m.id))
        yield Action(
            kind="connect",
            key=f"connect:contact={h.contact.id}",
            title=f"Connect with {h.contact.name} on LinkedIn",
            reason=(
                "A connection request with a personal line about your conversation keeps you "
                "in their network and makes the next update easy."
            ),
            due=ctx.meeting_day(first) + lead,
            contact_id=h.contact.id,
            meeting_id=first.id,
            organization_id=h.contact.organization_id,
            draft_kind="linkedin-note",
        )


def keep_in_touch(ctx: RuleContext) -> Iterator[Action]:
    """After a thank-you, a personal update every few months; any contact resets the clock.

    Each person may have their own rhythm (30, 60, 90 or 180 days, or none at all); without
    one, the user's rule settings decide.
    """
    usual = ctx.settings.keep_in_touch_days
    for h in ctx.of_focus(ctx.active):
        last = h.last_interaction_on
        if h.last_thank_you_on is None or last is None:
            continue
        days = usual if h.contact.keep_in_touch_days is None else h.contact.keep_in_touch_days
        if days <= 0:  # "don't remind me"
            continue
        yield Action(
            kind="keep-in-touch",
            key=f"keep-in-touch:contact={h.contact.id}:since={last.isoformat()}",
            title=f"Send {h.contact.name} an update",
            reason=(
                f"It has been {_plural(days, 'day')} since you were last in touch. A few lines "
                "on how their advice played out keeps the relationship alive."
            ),
            # A note about their work lands on a working day, not on a Sunday or a holiday.
            due=ctx.calendar.on_or_after(last + timedelta(days=days)),
            contact_id=h.contact.id,
            organization_id=h.contact.organization_id,
            draft_kind="update",
        )


def broaden(ctx: RuleContext) -> Iterator[Action]:
    """Fields of interest heard from too few people to draw conclusions."""
    wanted = ctx.settings.min_perspectives
    counts = ctx.held_perspectives()
    for field_name in ctx.fields_of_interest:
        heard = counts[field_name.casefold()]
        if heard >= wanted:
            continue
        so_far = {0: "no one yet", 1: "one person"}.get(heard, f"{heard} people")
        yield Action(
            kind="broaden",
            key=f"broaden:field={field_name.casefold()}",
            title=f"Talk to more people in {field_name}",
            reason=(
                f"So far you have heard from {so_far} in {field_name}. One or two voices can "
                f"mislead; aim for at least {wanted} perspectives before drawing conclusions."
            ),
            due=ctx.on_date,
            field=field_name,
            progress=(heard, wanted),
        )


RULES: tuple[Rule, ...] = (
    send_request,
    try_another_contact,
    follow_up,
    note_reply,
    schedule,
    prepare,
    thank_you,
    thank_for_answer,
    reflect,
    contact_referral,
    forward_introduction,
    close_the_loop,
    connect,
    keep_in_touch,
    broaden,
)
