"""Round 7: the structures dev_heldout6's misses and false alarms showed, in new phrasings.

Each structure is tested with sentences written for it (not the corpus's own), beside
look-alikes that share its words and ask for no job.
"""

from __future__ import annotations

import pytest

from coffeechat.domain.checker.job_ask import job_asks
from tests.domain.checker.helpers import findings

ROUND_SEVEN_ASKS = [
    # The reader's need of someone, and the student ready for it.
    "If your unit ever needs a healthcare assistant over the holidays, I'd be glad to step in.",
    "Should the studio be crewing up for a junior animator, count me in!",
    "If you're ever looking for a runner on a shoot, I'm free most weekends.",
    "If Arup ever needs a graduate planner I'm ready to start tomorrow.",
    # Whether the student would be competitive for the role.
    "Would a graduate with my lab background be competitive for the technician post you "
    "advertised?",
    # A way into the reader's team, through them.
    "I'm hoping you might know a route into your data team for someone finishing a master's.",
    "Secretly I'd love a way into the events team through you one day.",
    # A named organisation of several words asked whether it is taking people on.
    "Is the Leeds branch of your firm recruiting trainee surveyors this year?",
    # Whether the reader (or a named employer) would take someone like the student.
    "Would your ward ever take on a newly qualified nurse like me?",
    "I'd love to know whether Great Ormond Street would look at a new graduate like me.",
    # A workplace like the reader's, whenever they are short.
    "I'd love to start out on a site like yours next spring.",
    "Happy to start with a practice like yours whenever you're short.",
    # The student's name or application moved up a shortlist.
    "Could you nudge my application up the shortlist for the analyst intake?",
    # A hope of working under the reader.
    "I'm hopeful an opportunity to train under you at the practice will come up.",
    # The reader taking the student (back) on.
    "Would the restaurant have me back for the summer season?",
    "Any chance your team would take me on again after graduation?",
    # The student placed in the reader's organisation as one of its staff.
    "Could I join your clinic as a paid healthcare assistant this summer?",
    # A post named by who fills it.
    "If a staff midwife post comes up on your unit, please think of me.",
    "I'm hoping to land a junior doctor post there after I qualify, so any word would help.",
    # Round 6's leftovers in dev_heldout5: a hedge that is no withdrawal, a room asked for when
    # the student's own course ends, consideration requested, a post that may open.
    "I hope you don't mind me asking whether Siemens' rail team could find room for an intern.",
    "Might your garage have a place for an apprentice once I finish my course in June?",
    "May I respectfully ask for your kind consideration for a pupillage in your set?",
    "PS if a lab manager post is advertised, I'd be so keen.",
]

ROUND_SEVEN_LOOK_ALIKES = [
    "If you need any more details before we talk, I'm happy to send them.",
    "If your lab ever needs participants for a study, I'd be glad to sign up.",
    "My cousin told me her company is hiring graduates this spring, so I'll apply through "
    "their site.",
    "Do practices like yours usually take on Part 1 students in the summer?",
    "Before I start applying for graduate roles, I'd like to understand the field.",
    "Would you have me back for another talk with your students next term?",
    "Could I sit in on your ward round as a student observer?",
    "I wonder if employers would even look at a graduate like me without a placement year.",
    "Thank you for the opportunity to work under you during the pilot.",
    "When I was looking for placements last year, your blog helped a lot.",
    "I'd love to hear how you found a way into the club's analysis team.",
    "I'd like to ask what makes a referral pathway between clinics work well.",
    "Spring is your busy time, with the festival and hiring for the front of house, so no rush.",
    "Could we talk after your course on the design of hiring panels?",
]


@pytest.mark.parametrize("text", ROUND_SEVEN_ASKS)
def test_asks_for_job_round_seven_reads_the_structure_of_an_ask(text: str) -> None:
    assert job_asks(text), text


@pytest.mark.parametrize("text", ROUND_SEVEN_LOOK_ALIKES)
def test_asks_for_job_round_seven_leaves_look_alikes_alone(text: str) -> None:
    assert findings(text, "asks-for-job") == []


@pytest.mark.parametrize(
    ("greeting", "to"),
    [
        ("Good afternoon Ma,", "Ngozi Eze"),
        ("Dear Ma'am,", "Latha Varghese"),
        ("Hello Ma’am, I am Divya.", "Anjali Verma"),
        ("Hey Ollie,", "Oliver Grant"),
        ("Hi Olly!", "Oliver Grant"),
    ],
)
def test_greeting_leaves_a_lone_honorific_and_a_doubled_short_form_alone(
    greeting: str, to: str
) -> None:
    assert (
        findings(
            f"{greeting}\n\nThanks for your time.", "greeting-name-mismatch", recipient_name=to
        )
        == []
    )


@pytest.mark.parametrize(
    ("greeting", "to"),
    [("Hi Tommy,", "Tobias Weber"), ("Dear Ms. Ma,", "Li Wei"), ("Good morning Ms Ma,", "Ada Obi")],
)
def test_greeting_still_flags_a_wrong_short_form_and_a_titled_surname(
    greeting: str, to: str
) -> None:
    assert findings(
        f"{greeting}\n\nThanks for your time.", "greeting-name-mismatch", recipient_name=to
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "I heard you on the Rural Voices podcast talking about soil carbon on your farm.",
        "I found your name in the hospital bulletin article about the new stroke pathway.",
        "Your reels about fitting heat pumps in old terraces are how I found you.",
    ],
)
def test_why_you_reads_their_work_met_in_a_medium(sentence: str) -> None:
    text = f"Hi Sam,\n\nI'm Ola, a student at Leeds. {sentence} Could we talk for 20 minutes?"
    assert findings(text, "missing-why-you", recipient_name="Sam Hill") == []


def test_why_you_still_fires_when_only_the_medium_is_named() -> None:
    text = "Hi Sam,\n\nI'm Ola, a student at Leeds. I like podcasts. Could we talk for 20 minutes?"
    assert findings(text, "missing-why-you", recipient_name="Sam Hill")
