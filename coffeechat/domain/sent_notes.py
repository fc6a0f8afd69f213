"""What we say once a message is out. Only a request starts the follow-up clock, so only a
request is promised a reminder; a thank-you or an update asks for nothing and expects nothing.
"""

from __future__ import annotations

from coffeechat.domain.vocab import REQUEST_KINDS

# After the send, in a word or two of why it matters (career-office reasoning, never a scold).
_AFTER: dict[str, str] = {
    "follow-up": "Today keeps count of your follow-ups, so you don't have to.",
    "thank-you": "A prompt thank-you is what people remember; nothing more to do for now.",
    "linkedin-note": "Staying connected keeps the door open for later.",
    "close-the-loop": "Telling them how it went is what makes people glad they helped.",
    "update": "A short update now and then keeps the relationship warm.",
    "introduction-blurb": "Now it's in their hands; no need to chase it.",
}
_REQUEST_AFTER = "We'll remind you to follow up if it goes quiet."


def starts_follow_up_clock(kind: str) -> bool:
    return kind in REQUEST_KINDS


def after_sending(kind: str) -> str:
    """The sentence that follows "Sent" for a message of `kind`."""
    if starts_follow_up_clock(kind):
        return _REQUEST_AFTER
    return _AFTER.get(kind, "Nothing more to do for now.")


def marked_sent_note(kind: str) -> str:
    """The flash after "Mark as sent"."""
    return f"Marked as sent. {after_sending(kind)}"


def sent_note(kind: str, name: str) -> str:
    """The flash after the app sent the message itself."""
    return f"Sent to {name}. {after_sending(kind)}"


def mark_sent_explanation(kind: str) -> str:
    """What the "Mark as sent" page says about the moment it asks for."""
    if starts_follow_up_clock(kind):
        return (
            "The follow-up clock starts from this moment. If no reply comes, we'll suggest a "
            "friendly nudge after about a week of business days."
        )
    return "Noting when it went out keeps your history with them in order."
