"""One or more focused tests per rule of the message checker."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from coffeechat.domain.checker import RULE_SETS
from coffeechat.domain.checker.spelling import speller
from tests.domain.checker.helpers import findings, pointed

GOOD = (
    "Dear Ms. Ortiz,\n\nI'm a junior at Grinnell studying economics, and I found you through the "
    "Grinnell alumni group. Your work at the Urban Institute is what I hope to do. Would you be "
    "open to a 20-minute call? I'll follow up next Wednesday.\n\nBest,\nMaya Chen"
)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Are there any openings on your team?", "Are there any openings"),
        ("I am looking for a summer internship.", "looking for a summer internship"),
        ("Could you refer me for the analyst role?", "refer me for the analyst role"),
        ("I would like to be hired by your firm.", "be hired"),
        ("Would you pass my resume to HR?", "pass my resume"),
    ],
)
def test_asks_for_job_points_at_the_ask(text: str, phrase: str) -> None:
    assert pointed(text, "asks-for-job") == [phrase]
    assert findings(text, "asks-for-job")[0].severity == "error"


@pytest.mark.parametrize(
    "text",
    [
        "I'm not asking for a job.",
        "I'm not looking for a position at this time.",
        "I'd love to hear how you reached your current position.",
        "Your job as an editor sounds fascinating.",
        "I wonder what an entry-level job looks like today.",
        "Any advice for someone applying for jobs in this field?",
        "Do you have any job search tips?",
    ],
)
def test_asks_for_job_ignores_negations_and_innocent_uses(text: str) -> None:
    assert findings(text, "asks-for-job") == []


def test_missing_referral_when_the_referrer_is_not_named() -> None:
    found = findings(GOOD, "missing-referral", referrer_name="Tom Whitaker")
    assert [f.severity for f in found] == ["error"]
    assert "Tom Whitaker" in found[0].message


def test_referrer_last_name_is_enough_in_any_case() -> None:
    text = GOOD.replace("I'm a junior", "WHITAKER suggested I write. I'm a junior")
    assert findings(text, "missing-referral", referrer_name="Dr. Tom Whitaker") == []
    assert findings(text, "referral-late", referrer_name="Dr. Tom Whitaker") == []


def test_referral_late_points_at_a_name_in_the_third_sentence() -> None:
    text = (
        "Dear Ms. Ortiz,\n\nI'm a junior. I study economics. Tom Whitaker sent me. Could we talk?"
    )
    assert pointed(text, "referral-late", referrer_name="Tom Whitaker") == ["Tom"]


def test_referral_in_the_second_sentence_after_a_greeting_is_on_time() -> None:
    text = "Dear Ms. Ortiz,\n\nI'm a junior at Grinnell. Tom Whitaker sent me. I study economics."
    assert findings(text, "referral-late", referrer_name="Tom Whitaker") == []


def test_referral_rules_only_read_requests_and_referral_intros() -> None:
    assert findings("Thanks!", "missing-referral", kind="thank-you", referrer_name="Tom") == []
    assert findings("Hi.", "missing-referral", kind="referral-intro", referrer_name="Tom") != []


def test_missing_source_is_a_hint_unless_there_is_a_referrer_or_a_source() -> None:
    text = "I'm a junior at Grinnell. Your work at Acme inspires me."
    assert [f.severity for f in findings(text, "missing-source")] == ["hint"]
    assert findings(text, "missing-source", referrer_name="Tom Whitaker") == []
    assert findings(text + " I came across your blog.", "missing-source") == []


def test_missing_introduction() -> None:
    assert findings("Your work at Acme inspires me.", "missing-introduction") != []
    assert findings("My name is Maya.", "missing-introduction") == []
    assert findings("I'm a big fan of your work.", "missing-introduction") != []
    assert findings("Hello, this is Maya Chen.", "missing-introduction", kind="phone-script") == []
    assert findings("Thanks so much!", "missing-introduction", kind="thank-you") == []


def test_missing_why_you() -> None:
    assert findings("I'm a junior. Could we talk?", "missing-why-you") != []
    assert findings("Your career in law interests me.", "missing-why-you") == []
    assert findings("You've worked in Ghana for years.", "missing-why-you") == []


def test_missing_time_request_points_at_a_vague_ask() -> None:
    text = "Could I have a few minutes of your time?"
    assert pointed(text, "missing-time-request") == ["a few minutes"]
    assert findings("Could we talk for 20 minutes?", "missing-time-request") == []
    assert findings("Could we talk?", "missing-time-request") != []
    assert findings("Could we talk?", "missing-time-request", minutes=20) == []


def test_follow_up_needs_a_time_length_only_when_it_asks_vaguely() -> None:
    assert findings("Just checking in on my note.", "missing-time-request", kind="follow-up") == []
    text = "Would you have some time to talk soon?"
    assert findings(text, "missing-time-request", kind="follow-up") != []


@pytest.mark.parametrize(
    ("text", "phrase", "severity"),
    [
        ("Could we talk for 45 minutes?", "45 minutes", "warning"),
        ("Could we talk for 20-40 minutes?", "20-40 minutes", "warning"),
        ("Could we meet for an hour?", "an hour", "warning"),
        ("Could we meet for 1 hour?", "1 hour", "warning"),
        ("Could we meet for 90 min?", "90 min", "error"),
        ("Could we meet for two hours?", "two hours", "error"),
    ],
)
def test_time_request_long(text: str, phrase: str, severity: str) -> None:
    found = findings(text, "time-request-long")
    assert [text[f.start : f.end] for f in found if f.start is not None] == [phrase]
    assert found[0].severity == severity


@pytest.mark.parametrize(
    "text",
    ["Could we talk for half an hour?", "A 15 min call?", "Twenty minutes?", "I spent an hour."],
)
def test_time_request_within_the_norm(text: str) -> None:
    assert findings(text, "time-request-long") == []


def test_time_request_long_falls_back_to_context_minutes_and_respects_settings() -> None:
    found = findings("Could we talk?", "time-request-long", minutes=75)
    assert [(f.severity, f.start) for f in found] == [("error", None)]
    custom = RULE_SETS["career-office"].__class__(id="x", label="x", max_words=150, long_minutes=45)
    assert findings("Could we talk for 40 minutes?", "time-request-long", rules=custom) == []


def test_missing_question() -> None:
    assert findings("I would like 20 minutes.", "missing-question") != []
    assert findings("Would you be open to a call", "missing-question") == []
    assert findings("Is Tuesday good?", "missing-question") == []


def test_missing_follow_up_plan_only_for_email() -> None:
    assert findings("Could we talk?", "missing-follow-up-plan") != []
    assert findings("Could we talk?", "missing-follow-up-plan", channel="linkedin") == []
    assert findings("I will call your office on Tuesday.", "missing-follow-up-plan") == []


def test_missing_subject() -> None:
    assert [f.severity for f in findings("Hi.", "missing-subject")] == ["error"]
    assert findings("Hi.", "missing-subject", subject="Advice?") == []
    assert findings("Hi.", "missing-subject", kind="letter", channel="email") == []
    assert findings("Hi.", "missing-subject", channel="linkedin") == []


def test_too_long_uses_the_rule_sets_limit() -> None:
    text = " ".join(["word"] * 120)
    assert findings(text, "too-long") == []
    assert findings(text, "too-long", rules=RULE_SETS["2hjs-5"]) != []
    assert findings(text, "too-long", kind="thank-you", rules=RULE_SETS["2hjs-5"]) == []


def test_over_char_limit_points_at_the_overflow() -> None:
    text = "a" * 300
    assert findings(text, "over-char-limit", kind="linkedin-note", channel="linkedin") == []
    found = findings(text + "bc", "over-char-limit", kind="linkedin-note", channel="linkedin")
    assert [(f.severity, f.start, f.end) for f in found] == [("error", 300, 302)]


@pytest.mark.parametrize(
    "blank",
    ["____", "[Name]", "[their company]", "(Last Name)", "(First Name)", "(Company)",
     "{{ first_name }}", "XXXX", "Mr./Ms."],
)  # fmt: skip
def test_placeholder_points_at_each_blank(blank: str) -> None:
    text = f"Dear {blank}, hello."
    assert pointed(text, "placeholder") == [blank]


def test_placeholder_signature_and_innocent_parentheses() -> None:
    assert pointed("Thanks,\nYour Name\n", "placeholder") == ["Your Name"]
    assert findings("I enclose my notes (see attached) and (the team) page.", "placeholder") == []
    assert findings("Your name came up.", "placeholder") == []


def test_spelling_points_at_the_word_with_suggestions() -> None:
    text = "I would definately recieve it."
    found = findings(text, "spelling")
    assert [text[f.start : f.end] for f in found if f.start is not None] == [
        "definately",
        "recieve",
    ]
    assert '"definitely"' in found[0].message
    assert '"receive"' in found[1].message


def test_spelling_checks_a_capitalized_word_that_starts_a_sentence() -> None:
    assert pointed("It was fine. Thier team was kind.", "spelling") == ["Thier"]


def test_spelling_leaves_names_acronyms_links_and_numbers_alone() -> None:
    text = (
        "Dear Dr. Wojciechowski,\nI met Zylbersztajn at the NGOX fair. See https://exmple.io/abc "
        "or write to mayaa@exmple.com. I wrote Python3 code for qwertz.\nBest,\nAoife Bhriain"
    )
    found = pointed(text, "spelling", known_names=("Aoife Bhriain",), personal_words=("qwertz",))
    assert found == []


def test_spelling_treats_a_name_at_sentence_start_as_known_when_listed() -> None:
    text = "Wojciechowski told me about you."
    assert pointed(text, "spelling") == ["Wojciechowski"]
    assert pointed(text, "spelling", known_names=("Marek Wojciechowski",)) == []


NOTES = ("Join the AIGA chapter", "Talk to Devon Price in research ops")


def test_thank_you_with_notes_needs_overlap() -> None:
    vague = "Thank you for your time and advice today. It was a great conversation."
    specific = "Thank you! I joined the AIGA chapter this morning."
    kw = {"kind": "thank-you", "meeting_notes": NOTES}
    assert findings(vague, "thank-you-not-specific", **kw) != []
    assert findings(specific, "thank-you-not-specific", **kw) == []


def test_thank_you_names_do_not_count_as_specifics() -> None:
    text = "Dear Devon, thank you for your time today."
    kw = {"kind": "thank-you", "meeting_notes": NOTES, "known_names": ("Devon Price",)}
    assert findings(text, "thank-you-not-specific", **kw) != []


def test_thank_you_without_notes_looks_for_a_concrete_reference() -> None:
    assert findings("Thanks for your time!", "thank-you-not-specific", kind="thank-you") != []
    text = "Thanks! When you described your first year, it helped."
    assert findings(text, "thank-you-not-specific", kind="thank-you") == []


def test_thank_you_late_after_24_hours() -> None:
    ended = datetime(2025, 3, 4, 15, 0, tzinfo=UTC)
    kw = {"kind": "thank-you", "meeting_ended_at": ended}
    on_time = findings("Thanks!", "thank-you-late", recorded_at=ended + timedelta(hours=24), **kw)
    late = findings("Thanks!", "thank-you-late", recorded_at=ended + timedelta(hours=25), **kw)
    assert on_time == []
    assert [f.severity for f in late] == ["warning"]
    assert findings("Thanks!", "thank-you-late", kind="thank-you") == []


def test_about_you_share_only_with_2hjs_rule_sets() -> None:
    text = "I am a student and I love my field. Could you help me?"
    assert findings(text, "about-you-share") == []
    assert findings(text, "about-you-share", rules=RULE_SETS["2hjs-6"]) != []
    balanced = "Your work on your team impressed me. Could you share your path?"
    assert findings(balanced, "about-you-share", rules=RULE_SETS["2hjs-6"]) == []


def test_mass_message_ignores_names_and_greetings() -> None:
    body = "I'm a student at Grinnell and Ana, your work on housing is why I write. Could we talk?"
    mine = "Dear Ana Ortiz,\n" + body
    other = "Hi Mr. Kim,\n" + body.replace("Ana", "Jo")
    kw = {"known_names": ("Ana Ortiz",)}
    assert findings(mine, "mass-message", other_bodies=(other,), **kw) != []
    assert findings(mine, "mass-message", other_bodies=("Something else.",), **kw) == []
    assert findings(mine, "mass-message") == []


def test_spelling_suggests_for_the_first_ten_words_only() -> None:
    text = " ".join(["recieve"] * 11)
    messages = [f.message for f in findings(text, "spelling")]
    assert len(messages) == 11
    assert all("Did you mean" in m for m in messages[:10])
    assert "Did you mean" not in messages[10]


def test_the_dictionary_is_loaded_once() -> None:
    assert speller() is speller()
