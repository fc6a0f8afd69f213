"""Round 8: the structures dev_heldout7's (and dev_round8a's) misses and false alarms showed, in
new phrasings.

Each structure is tested with sentences written for it (not the corpus's own), beside
look-alikes that share its words and ask for no job, greetings right and wrong, and words that
are and are not typos.
"""

from __future__ import annotations

import pytest

from coffeechat.domain.checker.job_ask import job_asks
from tests.domain.checker.helpers import findings, greeting_findings, pointed

ROUND_EIGHT_ASKS = [
    # The reader's organisation taking the student, for a rotation or a placement.
    "I still need a spring placement and would be delighted if your pharmacy could take me.",
    # Paid work for the reader's desk or title.
    "If you ever need extra hands I'd happily freelance for your newsroom.",
    "I would love to write for your magazine on a freelance basis.",
    # The student's own way into the reader's team, asked as a question.
    "What would it take for me to join your studio after my diploma?",
    # Help getting in the door, or finding a post in the reader's team.
    "I'm set on Arup, so any help getting in the door would mean the world.",
    "Perhaps you could help me find one in your lab, if there's funding.",
    # A search told in a learner's English.
    "At the moment I search an internship for the summer semester.",
    # Nothing open now, but word wanted if that changes.
    "You said there's nothing going at the agency at the moment; if that changes, a heads-up "
    "would be wonderful.",
    # dev_round8a: the student offering themselves as one of the reader's staff; a visit that
    # may lead to a job; room for a barrister's pupil.
    "I would gladly help on your next shoot as a runner, unpaid if need be.",
    "If the week goes well, perhaps it might lead to a graduate post.",
    "Does your set have room for a pupil in October?",
]

ROUND_EIGHT_LOOK_ALIKES = [
    # A referral as the subject of a general statement.
    "You said a referral only matters when the referrer has seen your work.",
    # Work as a noun: what the reader's team will get.
    "The new contract should mean more exciting work for your team next year.",
    # A heads-up about something that is not a post.
    "If the reading list changes, a heads-up would be great.",
    # Help with the door of a building, the way into the field.
    "Could you help me find the door to the seminar room?",
]


@pytest.mark.parametrize("text", ROUND_EIGHT_ASKS)
def test_asks_for_job_round_eight_reads_the_structure_of_an_ask(text: str) -> None:
    assert job_asks(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Tomás is a final-year civil engineering student at UCD. He is looking for a junior "
        "site engineer role and would love to be considered for your team.",
        "Mira is an MSc student at Edinburgh. She'd welcome being considered for the analyst "
        "intake.",
    ],
)
def test_asks_for_job_reads_the_student_in_the_third_person_in_an_introduction_blurb(
    text: str,
) -> None:
    assert findings(text, "asks-for-job", kind="introduction-blurb")
    assert findings(text, "missing-introduction", kind="introduction-blurb") == []


def test_asks_for_job_still_reads_a_colleague_in_the_third_person_outside_a_blurb() -> None:
    text = "My sister is looking for a junior role and would love to be considered for it."
    assert findings(text, "asks-for-job") == []


@pytest.mark.parametrize("text", ROUND_EIGHT_LOOK_ALIKES)
def test_asks_for_job_round_eight_leaves_look_alikes_alone(text: str) -> None:
    assert findings(text, "asks-for-job") == []


@pytest.mark.parametrize(
    ("greeting", "to"),
    [
        # a title with the surname of a name written surname-first
        ("Dear Ms. Chen,", "Chen Xiaoling"),
        ("Dear Mr. Lim,", "Lim Wei Jie"),
        # the given name without a title, and names in Western order
        ("Hi Xiaoling,", "Chen Xiaoling"),
        ("Dear Mr. Zhang,", "Wei Zhang"),
        ("Dear Ms. Smith,", "Kim Smith"),
        # the whole double-barrelled surname, or its first half (Spanish usage)
        ("Dear Dr. Lloyd-Jones,", "Rhiannon Lloyd-Jones"),
        ("Estimado Sr. García,", "Luis García-López"),
        # short forms that are no name of their own
        ("Hey Bec,", "Rebecca Moore"),
        ("Hi Dan,", "Danielle Fox"),
        ("Hi Alex,", "Alexandra Kim"),
        # a bare greeting followed by the student's own name
        ("Hello, I'm Priya Nair from IIT Delhi.", "Kenji Mori"),
        # given names other traditions put after a title; a surname that is also a first name
        ("Dear Dr. Tsion,", "Tsion Gebremedhin"),
        ("Dear Mr. Hossam,", "Hossam El-Sayed"),
        ("Dear Sister Mary,", "Mary Wambui"),
        ("Dear Mr. Owen,", "Gareth Owen"),
        # short forms from a spelling variant or the end of the name; offices, not names
        ("Hi Sasha!", "Aleksandra Petrova"),
        ("Hi Tasha!", "Natasha Ivanova"),
        ("Dear Permanent Secretary,", "Rose Namusoke"),
    ],
)
def test_greeting_round_eight_leaves_right_names_alone(greeting: str, to: str) -> None:
    assert greeting_findings(greeting, to) == []


@pytest.mark.parametrize(
    ("greeting", "to"),
    [
        ("Dear Ms. Xiaoling,", "Chen Xiaoling"),
        ("Dear Dr. Jones,", "Rhiannon Lloyd-Jones"),
        ("Dear Ms. Hale,", "Elizabeth Warren-Hale"),
        ("Hi Paul,", "Paula Reyes"),
        ("Dear Louis,", "Louise Martin"),
        # an English first name where the surname goes
        ("Dear Mr. Owen,", "Owen Pritchard"),
        ("Dear Ms. Sarah,", "Sarah Kimani"),
    ],
)
def test_greeting_round_eight_flags_a_given_name_or_half_a_surname(greeting: str, to: str) -> None:
    assert greeting_findings(greeting, to)


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("I enjoyed your Article about river restoration.", "Article"),
        ("I am a Student at Makerere University.", "Student"),
        ("I hope to become a Project Manager like you.", "Manager"),
        ("The strongest arguement goes first.", "arguement"),
    ],
)
def test_spelling_flags_a_common_noun_capitalised_mid_sentence(text: str, flagged: str) -> None:
    assert flagged in pointed(text, "spelling")


@pytest.mark.parametrize(
    "text",
    [
        "I read your Medium post on churn.",
        "I'm a Master of Architecture candidate at the AA.",
        "I heard your talk at our Women in Data society.",
        "My brother joined the Army in May.",
        "I finished Doug Lemov's Teach Like a Champion.",
        "We studied rewetting of peat and preprocessing of scans.",
        "Her speciality is paediatric nursing.",
        "I've used the ubuntu-centred approach and your blockout method.",
        "I wrote a position paper for the Ministry. My Department agreed.",
        "The judgement was upheld.",
    ],
)
def test_spelling_leaves_names_titles_prefixed_and_british_words_alone(text: str) -> None:
    assert findings(text, "spelling") == []


@pytest.mark.parametrize(
    "body",
    [
        "Thank you for all your time. Everything you shared was really helpful.",
        "Thank you for our talk this morning about careers in logistics. I found our "
        "discussion very informative.",
    ],
)
def test_thank_you_round_eight_still_fires_on_praise_without_a_specific(body: str) -> None:
    text = f"Dear Ms. Kariuki,\n\n{body}\n\nBest,\nPeter"
    assert findings(text, "thank-you-not-specific", kind="thank-you")


def test_thank_you_still_reads_a_named_thing_before_you_shared() -> None:
    text = (
        "Dear Ms. Kariuki,\n\nThe Incoterms cheat sheet you shared was really helpful.\n\n"
        "Best,\nPeter"
    )
    assert findings(text, "thank-you-not-specific", kind="thank-you") == []


@pytest.mark.parametrize(
    "opening",
    ["I'm Grace Ho from SMU.", "Josh from UW here, studying econ."],
)
def test_introduction_reads_a_name_with_the_school_it_is_from(opening: str) -> None:
    text = f"Hi Mei, {opening} Loved your talk on risk at DBS. Up for a 15-min chat?"
    assert findings(text, "missing-introduction", kind="linkedin-note", channel="linkedin") == []


def test_why_you_reads_what_the_student_read_about_them() -> None:
    text = (
        "Dear Ms. Muller,\n\nI'm Jakub, a student at Innsbruck. I found your name after "
        "reading about your hydrogen bus trial. Could we talk for 20 minutes?"
    )
    assert findings(text, "missing-why-you") == []


def test_time_request_reads_a_chat_whenever_you_are_free_as_vague() -> None:
    text = "Hi Dr. Bose,\n\nFollowing up on my note. I'd still love a chat whenever you're free."
    assert findings(text, "missing-time-request", kind="follow-up")


def test_spelling_reads_the_subject_line() -> None:
    found = findings("Hi Ben,\n\nThanks.", "spelling", subject="A wierd question")
    assert found
    assert "wierd" in found[0].message
    assert found[0].start is None


@pytest.mark.parametrize(
    "subject", ["Seguimiento: 15 minutos", "Aardman and stop-motion", "Estudiante - 20 minutos"]
)
def test_spelling_leaves_a_subject_in_another_language_or_with_a_name_alone(subject: str) -> None:
    assert findings("Hi Ben,\n\nThanks.", "spelling", subject=subject) == []


def test_referral_late_skips_the_full_stops_of_titles() -> None:
    text = (
        "Dear Engr. Balogun,\n\nI'm Ife, a student at UNILAG. My lecturer, Rev. Dr. Funmi "
        "Ajayi, suggested I contact you. Could we talk for 20 minutes?"
    )
    assert findings(text, "referral-late", referrer_name="Funmi Ajayi") == []


def test_source_reads_a_work_of_theirs_named_by_its_title() -> None:
    text = (
        "Dear Ms. Okafor,\n\nI'm Chidera, a film student. I saw 'The Weaver's Daughter' at "
        "AFRIFF and loved the edit. Could you spare 20 minutes?"
    )
    assert findings(text, "missing-source") == []


@pytest.mark.parametrize(
    "line",
    [
        "Your time running the Taj front office is what I'd love to hear about.",
        "My aunt still talks about your mentorship.",
    ],
)
def test_why_you_reads_their_time_running_something_and_their_mentorship(line: str) -> None:
    text = f"Dear Ms. Rao,\n\nI'm Anjali, a student at IHM. {line} Could we talk for 20 minutes?"
    assert findings(text, "missing-why-you") == []


def test_thank_you_reads_what_they_showed_you_and_a_plan_with_an_adverb() -> None:
    text = (
        "Hi Jess,\n\nThanks for the chat. I'm definitely going to try the case notes you "
        "showed me.\n\nMia"
    )
    assert findings(text, "thank-you-not-specific", kind="thank-you") == []
