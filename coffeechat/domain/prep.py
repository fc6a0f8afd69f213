"""What to sort out before a conversation, by how it is held: video, phone or in person.

Career offices give the same practical advice every term: on video, check the link, camera and
sound ten minutes before, somewhere quiet; in person, arrive 10-15 minutes early, dress one step
above the workplace's everyday, and bring a few copies of your resume (offered only if asked)
and a notebook; on the phone, a quiet room, their number to hand, and you make the call, since
you asked for it. Each tip says why, so it reads as advice rather than a rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

MODES: Final = ("video", "phone", "in-person")


@dataclass(frozen=True, slots=True)
class Tip:
    text: str  # what to do
    why: str  # the reason, in a sentence


def logistics(mode: str, *, place: str = "", phone: str = "", name: str = "") -> tuple[Tip, ...]:
    """The checklist for a conversation held in `mode`.

    `place` is the meeting's place or link as recorded, `phone` the contact's number and `name`
    what to call them ("Priya"); any may be empty. An unknown mode gets only the tips that
    suit every conversation.
    """
    name = " ".join(name.split()) or "them"
    tips = [
        Tip(
            "Confirm the day before with a short, friendly note.",
            f"It shows you're organised, and gives {name} an easy moment to move the time if "
            "their day has changed.",
        )
    ]
    if mode == "video":
        tips += _video(place)
    elif mode == "phone":
        tips += _phone(place, phone, name)
    elif mode == "in-person":
        tips += _in_person(place)
    return tuple(tips)


def _video(link: str) -> list[Tip]:
    where = (
        "Open the link and test your camera and sound 10 minutes before."
        if link
        else "Ask for the link when you confirm, then test your camera and sound 10 minutes before."
    )
    return [
        Tip(where, "Sorting out settings early means the first minutes go on the conversation."),
        Tip(
            "Sit somewhere quiet, with a plain background and light on your face.",
            "They'll remember what you said rather than what was going on behind you.",
        ),
        Tip(
            "Keep this agenda and a notebook beside the screen, and silence your phone.",
            "Writing notes by hand keeps your eyes on them instead of on another window.",
        ),
    ]


def _phone(place: str, phone: str, name: str) -> list[Tip]:
    number = phone.strip()
    if number:
        reach = Tip(
            f"{name}'s number: {number}. Unless you agreed otherwise, you make the call.",
            "You asked for the conversation, so ringing on time is part of respecting theirs.",
        )
    else:
        reach = Tip(
            f"There's no number on file for {name}: ask who calls whom, and on which number, "
            "when you confirm.",
            "Usually you make the call, since you asked for the conversation.",
        )
    tips = [
        Tip(
            "Find a quiet room with good reception, and keep this sheet and a pen in front of you.",
            "Without faces, your voice carries everything, and you'll catch names and advice "
            "as they come.",
        ),
        reach,
    ]
    if place.strip():
        tips.append(Tip(f"Agreed: {place.strip()}.", "What you arranged beats any habit."))
    return tips


def _in_person(place: str) -> list[Tip]:
    where = place.strip()
    arrive = (
        f"Arrive 10–15 minutes early at {where}."
        if where
        else "Arrive 10–15 minutes early. The place isn't on file yet: check it when you confirm."
    )
    return [
        Tip(arrive, "You'll find the spot, settle in, and start calm and on time."),
        Tip(
            "Dress one step above what people there wear every day.",
            "It shows you take their time seriously, without looking out of place.",
        ),
        Tip(
            "Bring a few copies of your resume and a notebook.",
            "Offer the resume only if they ask; a notebook lets you write down names and "
            "advice without a screen between you.",
        ),
    ]
