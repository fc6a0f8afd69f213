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
        ("Would you pass my resume to HR?", "pass my resume to HR"),
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


# Job asks as students write them: hedged, with words in between, with typos.
JOB_ASKS = [
    "Are there any openings on your team?",
    "I am looking for a summer internship.",
    "Could you refer me for the analyst role?",
    "I would like to be hired by your firm.",
    "Would you pass my resume to HR?",
    "Is your company hiring?",
    "I was wondering whether your team might be hiring this summer.",
    "Any chance you're hiring interns?",
    "I'd be grateful if you could keep me in mind for future openings.",
    "I hope you'll keep me in mind.",
    "If you could put in a good word for me with the hiring manager, I'd appreciate it.",
    "I'm applying for the Product Management Intern role and would love to know whether I'd be"
    " a good fit.",
    "Would you be willing to forward my resume to your recruiter?",
    "I'd love to get my resume in front of the right person on your team.",
    "I'm hoping to get in at Deloitte after graduation.",
    "I'm hoping to get my foot in the door.",
    "I'm currently looking for an entry-level position and would welcome any leads.",
    "If you hear of anything, please let me know.",
    "Do you know of any openings for new grads?",
    "I'd love to be considered for the role.",
    "Would you consider me for a summer internship?",
    "I would like to apply for the junior researcher position on your team.",
    "I'm calling to ask about any internships you might have this summer.",
    "Please also let me know if there are any openings for harvest interns.",
    "If any design internships open up at Wayfair this summer, I hope you'll keep me in mind.",
    "I am seeking a summer internship in your office.",
    "I'd love the chance to join your team.",
    "Does your team have any summer internships?",
    "Are there internship opportunities at your company?",
    "Could you reccomend me for the intership?",
    "Are there any oppertunities on your team?",
    "I dont suppose your team is hirng right now?",
    "I'm not sure if your team is hiring, but I'd love to hear.",
    "Would it be possible for you to refer me?",
    "I'd really appreciate a referral for the data analyst position.",
    "I think I'd be a great fit for your team.",
    "Could you share my resume with your colleagues?",
    "I am on the job market and would appreciate any leads.",
    "Would you be able to pass along my application?",
    "I was hoping you could put my name forward.",
    "I'd be happy to interview for any roles you have open.",
    "I'm wondering if you might have a spot for me on your team.",
    "I'm graduating in May; are there any openings at the Urban Institute for research assistants?",
    "Could you tell me if there are positions available at your firm?",
    "I'd love to work for your company.",
    "Could you help me land an internship at your firm?",
    "I saw that Symbotic is hiring and I'm applying for the controls internship; could you refer"
    " me to the hiring manager?",
]
# Innocent look-alikes: offering a resume, asking how hiring works, one's own past internship,
# which roles exist, a search years away, a negated ask.
NOT_JOB_ASKS = [
    "I'm not asking for a job.",
    "I'm not looking for a position at this time.",
    "I'd love to hear how you reached your current position.",
    "Your job as an editor sounds fascinating.",
    "I wonder what an entry-level job looks like today.",
    "Any advice for someone applying for jobs in this field?",
    "Do you have any job search tips?",
    "I'm glad to send my resume beforehand if it would be useful.",
    "I can send my resume ahead of time if that helps.",
    "My resume is available if you would find it useful.",
    "I can share my resume if you would find it helpful.",
    "I've attached my resume for context.",
    "How did you get your first job in publishing?",
    "How does hiring work in your field?",
    "What do hiring managers look for in new analysts?",
    "Last summer I interned at a small accounting firm.",
    "My internship at the county planning office taught me a lot.",
    "Which entry-level roles exist in UX research?",
    "What kinds of positions do new graduates usually start in?",
    "I won't be on the job market for another two years.",
    "I'll start applying for jobs in a few years, after grad school.",
    "Thank you for the referral to Dr. Feldman.",
    "Could you refer me to anyone else I should talk to?",
    "Would you recommend any books or podcasts?",
    "I know how quickly an inbox fills up.",
    "When I was looking for internships last year, your article helped.",
    "How did you get into consulting?",
    "What advice would you give someone hoping to get into the field?",
    "I'm exploring whether this field would be a good fit for me.",
    "Thank you for your time and for all the advice on breaking in.",
    "Could you tell me how you got your current role?",
    "I'm not expecting an interview or a job offer, only your honest view of the field.",
    "I'd love to learn what the day-to-day looks like in your role.",
    "To be clear, I'm not asking for a job; I'm hoping for your perspective as I choose a"
    " concentration.",
    "I'm here to learn from your experience and advice, not to ask about openings.",
    "What was the hiring process like when you joined?",
    "Is the industry hiring much these days?",
    "I'd welcome your thoughts on which roles suit someone with a biology background.",
    "Your team's work on fraud detection is impressive.",
    "I'd love to get in touch.",
    "What does it take to get hired in this industry?",
    "Would you be open to a 20-minute call?",
    "I hope to work at a firm like yours one day.",
    "I'd love to hear about your path into the role.",
    "Could you look over my resume and tell me what you'd change?",
    "I'm applying to graduate programs in public health this fall.",
    "How did you know you were a good fit for the company?",
    "Would you suggest I apply for internships this summer or focus on research?",
    "I'm a recent graduate working as a paralegal.",
    "Could you recommend someone else I could talk to?",
]


@pytest.mark.parametrize("text", JOB_ASKS)
def test_asks_for_job_catches_real_asks(text: str) -> None:
    assert len(findings(text, "asks-for-job")) == 1


@pytest.mark.parametrize("text", NOT_JOB_ASKS)
def test_asks_for_job_stays_quiet_on_look_alikes(text: str) -> None:
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
    assert pointed(text, "referral-late", referrer_name="Tom Whitaker") == ["Tom Whitaker"]


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


def test_spelling_never_flags_a_name_even_at_the_start_of_a_sentence() -> None:
    assert pointed("Wojciechowski told me about you.", "spelling") == []
    assert pointed("Reyes and Okoye met in Lagos.", "spelling") == []


@pytest.mark.parametrize(
    "text",
    [
        "I use Figma, Canva, SaaS, iOS and LinkedIn, and I know SQL, GIS and UX.",
        "My inbox fills up; I'm a CPA studying for an MBA in fintech.",
        "The colour of the organisation's programme centre, analysed.",
        "I studied microfinance and kubernetes at Deloitte in Reykjavík.",
        "Dear Ms. Nwachukwu,\nThank you.\nBest,\nSiobhán Ní Bhriain",
    ],
)
def test_spelling_leaves_jargon_brands_and_british_spellings_alone(text: str) -> None:
    assert pointed(text, "spelling") == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Thank you again.\n\nSincerly,\nMaya Chen", "Sincerly"),
        ("I study at the Univeristy of Michigan.", "Univeristy"),
        ("I saw an Oppertunity there.", "Oppertunity"),
        ("Best regrads,\nMaya", "regrads"),
    ],
)
def test_spelling_flags_capitalized_and_sign_off_typos(text: str, word: str) -> None:
    assert pointed(text, "spelling") == [word]


def test_spelling_knows_the_recipient_and_referrer() -> None:
    text = "Hi Tiwalade, Ngozika suggested I write."
    assert (
        pointed(text, "spelling", recipient_name="Tiwalade Adeyemi", referrer_name="Ngozika") == []
    )


@pytest.mark.parametrize(
    ("greeting", "wrong"),
    [
        ("Dear Mr. Johnson,", "Johnson"),
        ("Dear Ms. Belo,", "Belo"),
        ("Hi Tom,", "Tom"),
        ("Hello Dr. Aisha Bellow,", "Bellow"),
    ],
)
def test_greeting_name_mismatch(greeting: str, wrong: str) -> None:
    text = f"{greeting}\n\nI'm a junior at Howard."
    found = findings(text, "greeting-name-mismatch", recipient_name="Aisha Bello",
                     referrer_name="Tom Whitaker")  # fmt: skip
    assert [(f.severity, text[f.start : f.end]) for f in found if f.start] == [("error", wrong)]
    assert "Aisha Bello" in found[0].message


@pytest.mark.parametrize(
    ("greeting", "to"),
    [
        ("Dear Ms. Okoye,", "Grace Okoye"),
        ("Dear Grace Okoye,", "Grace Okoye"),
        ("Hi Liz,", "Elizabeth Warren-Hale"),
        ("Dear Ms. Warren-Hale,", "Elizabeth Warren-Hale"),
        ("Hi Alex!", "Alexandra Kim"),
        ("Dear Mr. Jose Garcia,", "José García"),
        ("Dear Ms. O'Brien,", "Siobhan O’Brien"),
        ("Hello,", "Grace Okoye"),
        ("Hi there,", "Grace Okoye"),
        ("Dear Hiring Manager,", "Grace Okoye"),
        ("Good morning Dr. de la Cruz,", "María de la Cruz"),
    ],
)
def test_greeting_that_names_the_recipient_is_fine(greeting: str, to: str) -> None:
    text = f"{greeting}\n\nI'm a junior at Howard."
    assert findings(text, "greeting-name-mismatch", recipient_name=to) == []


def test_greeting_is_only_checked_when_the_recipient_is_known() -> None:
    assert findings("Dear Mr. Johnson,\nHello.", "greeting-name-mismatch") == []


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


# --- round 2: general mechanisms ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I use pytorch, numpy and jupyter, and I've built dashboards in tableau.",
        "We rebranded our wetlab and studied walkability and placemaking.",
        "The neighbourhood paediatric clinic was organisational gold.",
        "I met Tunde Bakare and Dr. Tunde Okafor near the Blasket Islands.",
        "Grazie mille,\nLuca",
        "Cofion cynnes,\nSiân",
        "I texted my cofounder about the offsite.",
    ],
)
def test_spelling_round_two_leaves_names_jargon_and_other_languages_alone(text: str) -> None:
    assert pointed(text, "spelling") == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("I'll work around your calender.", "calender"),
        ("I read your book, wich I loved.", "wich"),
        ("It is the kind of Reaserch-led work I want to do.", "Reaserch"),
        ("I'm in the Buisness Analytics program.", "Buisness"),
        ("See you tommorow.", "tommorow"),
    ],
)
def test_spelling_round_two_still_flags_typos(text: str, word: str) -> None:
    assert pointed(text, "spelling") == [word]


def test_spelling_of_a_long_unknown_word_stays_fast() -> None:
    import time

    start = time.perf_counter()
    pointed("I love qzxvbnmlkjhgf and wpoeiruty.", "spelling")
    assert time.perf_counter() - start < 0.1


@pytest.mark.parametrize(
    ("text", "vague"),
    [
        ("Thank you for all your wonderful insights. I'll keep in touch.", True),
        ("The resources you shared were so helpful and I'm excited to dig in.", True),
        ("I'll look into everything you mentioned, and I'm sure it will help.", True),
        ("You gave me so much great advice that I filled three pages of notes.", True),
        ("Thank you for suggesting I take the Coursera SQL course; I signed up today.", False),
        ("Your line that every PM job is 40% writing has stuck with me.", False),
        ("I've signed up for the Welsh for Adults course you recommended.", False),
        ("The tip about tailoring each cover letter to the posting's keywords was gold.", False),
    ],
)
def test_thank_you_specificity_reads_what_the_advice_points_at(text: str, vague: bool) -> None:
    assert bool(findings(text, "thank-you-not-specific", kind="thank-you")) is vague


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("Could I spend an afternoon with you next week?", 180),
        ("Would it be possible to shadow you for a day this summer?", 480),
        ("Would you be able to spare forty-five minutes?", 45),
        ("Would you have a few hours one morning?", 120),
    ],
)
def test_time_request_long_reads_lengths_in_words(text: str, minutes: int) -> None:
    from coffeechat.domain.checker.timing import durations

    assert max(d.minutes for d in durations(text)) == minutes


@pytest.mark.parametrize(
    "text",
    [
        "We're about an hour's drive from campus. Would you have 15 to 20 minutes?",
        "You kindly offered 45 minutes, but 20 would be plenty.",
        "I'll be in Boston for a week and would love 20 minutes of your time.",
    ],
)
def test_time_request_long_skips_lengths_about_something_else(text: str) -> None:
    assert findings(text, "time-request-long") == []


@pytest.mark.parametrize(
    "text",
    [
        "And if a spot ever opens up on your team, I'd jump at it.",
        "If your kitchen ever needs an extra pair of hands for the summer, I'm available.",
        "I was wondering whether you might have room for a summer field assistant.",
        "Would you be willing to mention me to your recruiting team?",
        "If the apprenticeship comes round again next spring, please think of me.",
        "I'm on the hunt for GIS analyst roles, so if you spot anything going, send it my way.",
    ],
)
def test_asks_for_job_round_two_catches_subtle_asks(text: str) -> None:
    assert findings(text, "asks-for-job") != []


@pytest.mark.parametrize(
    "text",
    [
        "Please keep me in mind if a 20-minute window frees up after you're back.",
        "On her advice I've put my name forward for the volunteer coordinator role.",
        "I'll apply for internships in October as you suggested.",
        "Your suggestion to apply for the NHS graduate scheme made a lot of sense.",
        "I'm applying to graduate programs in forestry.",
        "Is anything going on at the conference that you'd recommend?",
        "If you need any help with the alumni panel, I'd be glad to volunteer.",
    ],
)
def test_asks_for_job_round_two_leaves_look_alikes_alone(text: str) -> None:
    assert findings(text, "asks-for-job") == []


@pytest.mark.parametrize(
    "text",
    [
        # An ask aimed at the reader (could you, if you, any chance, I'd be grateful) whose
        # object is employment, however it is worded.
        "I would be so grateful for any work experience at your practice.",
        "Any chance your team could use an intern over the summer?",
        "Would you have space for an intern in the spring?",
        "Do you think you could bring me on for the summer?",
        "I'd love the chance to work with you on your team next year.",
        "Is there any scope for a paid summer placement in your planning department?",
        "Could I shadow you for a month and then join as a regulatory officer?",
        "I'm also hoping your team might sponsor a work visa for me to join after graduation.",
        "I wondered whether you'd be willing to act as my referee.",
        "Is your lab looking for a research technician at the moment, by any chance?",
        "Your team isn't by any chance looking for a data analyst, is it?",
        # British, Australian and Indian idioms.
        "Would you be willing to put a word in for me with the graduate recruitment team?",
        "Could you keep my CV on file in case something opens up?",
        "I'm after a bit of casual work over the summer break.",
        "Reckon there'd be any gigs going on your next shoot for a camera assistant?",
        "And if a spot ever comes free on your crew, I'm your guy.",
        "Please do the needful and forward my resume to your HR team.",
        "Shall I send through my CV so you can pass it on to your talent team?",
    ],
)
def test_asks_for_job_round_three_reads_the_structure_of_an_ask(text: str) -> None:
    assert findings(text, "asks-for-job") != []


@pytest.mark.parametrize(
    "text",
    [
        "Could you tell me about your role at the firm?",
        "I'd love to hear about your placement year and what you took from it.",
        "Would you recommend taking a placement year?",
        "I'd really like to thank you for the opportunity.",
        "If you are in a position to share your slides, I'd be grateful.",
        "If you were hiring a new graduate today, what would you look for?",
        "If anything comes up on the day, please don't hesitate to move our call.",
        "I read that Sunnybrook is hiring 300 nurses this year.",
        "If you'd ever like to speak to our students, I'd be glad to put a word in with our "
        "careers office.",
        "I'm looking forward to joining your team's public webinar on model risk.",
        "My apprenticeship doesn't finish until 2028, so I'm nowhere near job hunting.",
        "Please keep in mind that I'm on placement Monday to Thursday.",
        "Could we set up a quick call, and are there particular job boards you'd recommend?",
        "I've already put my name forward for the analyst role.",
        "I'd love to join your Thursday reading group if it's open to students.",
    ],
)
def test_asks_for_job_round_three_leaves_look_alikes_alone(text: str) -> None:
    assert findings(text, "asks-for-job") == []


@pytest.mark.parametrize(
    "text",
    [
        "Thank you for staying after your guest lecture on Tuesday.",
        "Your name came up when I asked my adviser about urban planning.",
        "I looked you up after the panel.",
    ],
)
def test_missing_source_accepts_any_way_of_coming_across_them(text: str) -> None:
    assert findings(text, "missing-source") == []


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        ("She said you know more about community solar financing than anyone.", False),
        ("You're one of the few people who has worked in both government and a startup.", False),
        ("I'd love your advice on the field.", True),
    ],
)
def test_missing_why_you_reads_expertise_not_advice(text: str, missing: bool) -> None:
    assert bool(findings(text, "missing-why-you")) is missing


@pytest.mark.parametrize(
    "text",
    [
        # Round 4: who asks whom for what, however indirectly.
        "If your lab ever has space for someone like me, even for a few hours a week, I'd jump "
        "at it.",
        "I was also wondering whether, and please say no if this is awkward, your office might "
        "have room for a paralegal over the summer.",
        "To be upfront, I'm hoping this chat could lead to a placement with you.",
        "I'd be very grateful for any update on whether your team could take me from January.",
        "Would you mind letting me know if your team takes students for co-op terms in the fall?",
        "Does your restaurant group take on commis chefs?",
        "Is St Vincent's recruiting for the ICU this year?",
        "Would my background fit that role, or would I need a couple of years in banking first?",
        "Now that I've done that, do you think I'd be competitive for your team's graduate "
        "intake this year?",
        "Could you tell me whether your office accepts fellows, and would you consider "
        "sponsoring my application?",
        "Are you looking for any summer help at the practice?",
        "I'd be a great asset to your company.",
        "Would your team be interested in someone with my skills?",
        "I'd happily work for free for a few weeks to prove myself.",
        "I'm writing to express my interest in the marketing assistant position.",
        "I know you mentioned the team might grow next year; I'd love to be part of that growth.",
        "Could you let your hiring team know I'm interested?",
        "Would it help if I sent you my CV for the apprenticeship you advertised?",
        "I was hoping our chat could be a first step towards a role at your firm.",
        "I'm between jobs and would gladly take any work your office could offer.",
        "Would it be possible to do my placement year with your team?",
        "I'd love to be your next intern!",
        "Is the junior analyst role on your website still open?",
        "If your newsroom has any freelance shifts, I'd love to pick some up.",
        "Does your firm offer summer internships to second-year students, and could I be "
        "considered?",
    ],
)
def test_asks_for_job_round_four_reads_indirect_asks(text: str) -> None:
    assert findings(text, "asks-for-job") != []


def test_asks_for_job_reads_it_as_the_cv_the_message_attached() -> None:
    ask = "If you think it's a fit, would you mind forwarding it to your graduate recruitment team?"
    assert findings(f"I've attached my CV.\n\n{ask}", "asks-for-job") != []
    assert findings(f"I've attached my notes.\n\n{ask}", "asks-for-job") == []


@pytest.mark.parametrize(
    "text",
    [
        "Your explanation of how the employee referral programme at Arup works cleared up a lot.",
        "As you suggested, I applied for the summer analyst programme through the public portal.",
        "I have already applied for intern pharmacist positions through the state-wide round.",
        "When you were hiring for your team last year, what stood out?",
        "I read that your company is hiring 300 nurses this year; how do new nurses settle in?",
        "I'm trying to understand how hiring works: is it mostly campus recruiting?",
        "Your talk on hiring for potential, not polish, really stuck with me.",
        "Our student consultancy is recruiting new members for next term.",
        "Do you think an internship is necessary before applying for graduate schemes?",
        "Which companies would you say hire the most graduates in this field?",
        "I'm interested in the role of data in public health.",
        "What position do you take on remote work for junior staff?",
        "I'll be applying for graduate schemes next autumn, so I'm learning as much as I can.",
        "I'd love to hear about your path into the role.",
        "Does your lab recruit participants for its sleep studies?",
        "What advice would you give someone with my background?",
        "Would there be room for a student at the back of your lecture?",
        "Do you think there's space for someone like me in the industry?",
        "Could you offer me any advice on placements?",
        "Could you connect me with the team lead for the climate project?",
        "I hope our conversation could lead to a collaboration.",
    ],
)
def test_asks_for_job_round_four_leaves_look_alikes_alone(text: str) -> None:
    assert findings(text, "asks-for-job") == []


@pytest.mark.parametrize(
    ("greeting", "to"),
    [
        ("Good day Ma'am Santos,", "Liza Santos"),
        ("Dear Engr. Nwosu,", "Chukwudi Nwosu"),
        ("Dear Sister Okeke,", "Ngozi Okeke"),
        ("Hi Chef Russo,", "Antonio Russo"),
        ("Hi Seun,", "Oluwaseun Adebayo"),
        ("Hi Tobi,", "Oluwatobi Adewale"),
    ],
)
def test_greeting_allows_titles_and_short_forms_from_the_end_of_a_name(
    greeting: str, to: str
) -> None:
    text = f"{greeting}\n\nI'm a nursing student at Hertfordshire."
    assert findings(text, "greeting-name-mismatch", recipient_name=to) == []
    wrong = greeting.rsplit(" ", 1)[0] + " Johnson,"  # the title kept, the name wrong
    assert findings(f"{wrong}\n\nHello.", "greeting-name-mismatch", recipient_name=to) != []


@pytest.mark.parametrize(
    ("text", "vague"),
    [
        ("Your explanation of how band 5 posts are advertised on NHS Jobs helped me plan.", False),
        ("Hearing how you redesigned the intake form showed me what service design can do.", False),
        ("Learning that you spent your first two years counting fish made me feel better.", False),
        ("I've taken your advice and started a log of story ideas every week.", False),
        ("Hearing about your experience in logistics was eye-opening.", True),
        ("I've taken your advice to heart.", True),
    ],
)
def test_thank_you_round_four_reads_explanations_and_actions(text: str, vague: bool) -> None:
    assert bool(findings(text, "thank-you-not-specific", kind="thank-you")) is vague


@pytest.mark.parametrize(
    "text",
    [
        "Dr. Korhonen cautions against reading too much into league tables.",
        "I'd like to ask how you work with farmers who are sceptical of rewilding.",
        "I spent three months on the garde manger section.",
        "Your work on brain organoids at Wellcome Sanger is why I'm writing.",
        "I saw your talk with Sanne Visser at the Symbotic offices near Scripps.",
        "With kind regards,\nSanne de Vries",
    ],
)
def test_spelling_round_four_leaves_names_and_real_words_alone(text: str) -> None:
    assert findings(text, "spelling") == []


def test_spelling_still_flags_a_slip_of_a_common_word_mid_sentence() -> None:
    text = "I'm a student in the Enviromental Science programme at the Provincial Goverment."
    assert pointed(text, "spelling") == ["Enviromental", "Goverment"]


def test_round_four_introductions_why_you_and_follow_up_plans() -> None:
    assert findings("Newly qualified nurse here, Amy from UCD!", "missing-introduction") == []
    intro = "I am writing as a final-year student of Medical Laboratory Science at Benin."
    assert findings(intro, "missing-introduction") == []
    for why in (
        "I read your chapter on workplace burnout.",
        "She spoke so highly of your mooting workshops.",
        "I found you while reading about your oncology trials.",
        "I heard you talked about immigration clinics in East LA.",
    ):
        assert findings(why, "missing-why-you") == [], why
    plan = "If I haven't heard back by the 14th, I'll send a gentle reminder."
    assert findings(plan, "missing-follow-up-plan") == []


def test_a_short_form_from_the_end_of_a_name_is_a_name_of_its_own_below_four_letters() -> None:
    text = "Hi Ian,\n\nI'm a student at Leeds."
    assert findings(text, "greeting-name-mismatch", recipient_name="Christian Berg") != []


@pytest.mark.parametrize(
    "text",
    [
        "I'm free from June and eager to start somewhere like your studio.",
        "Could I drop off my CV at the salon?",
        "If you're ever short-staffed, I'd love to help out.",
        "Any chance of a foot in the door?",
        "Is your company open to hiring international students?",
        "I hope I can count on your support when applications open.",
        "It would be amazing to gain experience on your team.",
        "Are you the right person to speak to about joining the firm?",
        "I'd love the chance to learn on the job at your practice.",
        "Is there any way I could get involved with your team's work this summer, paid or "
        "otherwise?",
        "I'd be so grateful if you could recommend me to your colleagues in the trading team.",
        "Do you have any availability for a work experience student in August?",
    ],
)
def test_asks_for_job_round_four_reads_offers_to_work_and_hopes(text: str) -> None:
    assert findings(text, "asks-for-job") != []


@pytest.mark.parametrize(
    "text",
    [
        "How did your team cope when it was short-staffed during Covid?",
        "I'd love to work somewhere like your studio one day.",
        "Could I ask for your help with my thesis?",
        "Do you think firms are open to hiring people without degrees?",
        "I'd love to learn on the job rather than do a master's.",
        "Should I take a paid or unpaid internship first?",
        "Are you the right person to talk to about joining the alumni network?",
    ],
)
def test_asks_for_job_round_four_leaves_their_look_alikes_alone(text: str) -> None:
    assert findings(text, "asks-for-job") == []


@pytest.mark.parametrize(
    "text",
    [
        "I'm working somewhere like your studio, but much smaller, and I'd love to compare notes.",
        "If you were in my shoes, would you apply for the graduate scheme or a master's?",
    ],
)
def test_asks_for_job_leaves_the_readers_choice_and_the_students_own_work_alone(
    text: str,
) -> None:
    assert findings(text, "asks-for-job") == []
