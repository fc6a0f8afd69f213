"""Round 7: the structures dev_heldout6's misses and false alarms showed, in new phrasings.

Each structure is tested with sentences written for it (not the corpus's own), beside
look-alikes that share its words and ask for no job.
"""

from __future__ import annotations

import pytest

from coffeechat.domain.checker.job_ask import job_asks
from tests.domain.checker.helpers import findings, greeting_findings

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

# Structures the two new development sets (dev_round7a, dev_round7b) showed, in new phrasings.
ROUND_SEVEN_NEW_SET_ASKS = [
    # Someone like the student, considered for the reader's roles.
    "Would somebody with my retail background be considered for the store manager roles?",
    # The reader telling those who decide that the student is worth a look.
    "Could you let the partners know I'd be worth interviewing for the trainee intake?",
    # Work passed the student's way.
    "If the studio ever has spare freelance briefs, would you throw a few my way?",
    # The student added to the reader's pool of people to call.
    "If your agency keeps a bank of relief carers, could you put me on it?",
    "Do you ever use freelance translators? I'd love to get on your books.",
    # Acting for the student about a job.
    "Could you mention the graduate vacancy to your manager on my behalf?",
    # The reader's team stretched, the student ready.
    "If your kitchen is ever stretched over Christmas, I'd gladly pick up shifts.",
    # Taking people on, under other verbs; absorbing the student.
    "Will your hospital be receiving new physiotherapy graduates in March? I'd love to be one "
    "of them.",
    "I'd be grateful if the firm could absorb me after my service year.",
    # An attachment in the reader's organisation.
    "I would be grateful to undergo my industrial attachment at your plant this year.",
    # A hope of working alongside the reader somewhere named.
    "I hope I can work alongside you at Ørsted some day.",
    # A post that may appear.
    "If a trainee post ever appears, I'd love to hear about it.",
    # Work under the reader's supervision.
    "A six-month internship under your supervision would mean the world to me.",
    # A named employer taking on someone like the student.
    "Any chance the Met Office would take on a graduate like me next autumn?",
]

ROUND_SEVEN_NEW_SET_LOOK_ALIKES = [
    "Could you add me to the mailing list for the seminar series?",
    "Please send the slides my way after the talk.",
    "Could you ask her on my behalf whether she has time for a call?",
    "I applied to your graduate scheme last year and learned a lot from the assessment day.",
    "I'm mapping which careers exist, for example whether research roles are open to graduates.",
    "Do keep me in mind if you ever want a student guest on the podcast.",
    "I'd love to ask how you were put forward for the bench.",
    "I wrote my dissertation under your supervision and still use your methods.",
    "Your article on onboarding nurses at the trust was brilliant.",
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


# A last batch written after the changes above, in phrasings none of them was written for, and
# scored once before any change for it: 17 of 20 asks caught, 5 false alarms in 20 look-alikes
# (docs/checker.md); the structures they showed were then handled.
ROUND_SEVEN_FRESH_ASKS = [
    "If the clinic ever has a gap in its rota, I'd love to fill it.",
    "Would your agency be open to taking a chance on a career changer like me?",
    "Should anything junior come up in your department, I'd be the first to put my hand up.",
    "Is there a way I could join your crew for the harvest season?",
    "I'd be thrilled to cut my teeth in your kitchen this summer.",
    "Might there be an opening for a junior copywriter at your agency soon?",
    "I would welcome the chance to be considered for your summer analyst intake.",
    "Do you know if the Edinburgh office is looking for graduate surveyors this year?",
    "Any chance you could pass my portfolio to whoever hires designers at your studio?",
    "I'm hoping I might earn a spot on your research team after my finals.",
    "If you're ever looking to grow the team, I'd love to throw my name into the mix.",
    "Could I help out at your practice over the holidays as a paid assistant?",
    "I'd really value your backing when I apply to your firm's training contract.",
    "If your lab has funding for a technician next year, please keep me in mind.",
    "Would it be cheeky to ask whether you'd take me on as an apprentice?",
    "I'd be grateful for a word with your hiring manager about the analyst vacancy.",
    "If any shifts come up at the restaurant, I'd happily take them.",
    "Would your newsroom consider a trainee reporter with my background?",
    "Is your team still short of a junior developer? I'd jump at the chance.",
    "If there's room on your crew next spring, count me in.",
]

ROUND_SEVEN_FRESH_LOOK_ALIKES = [
    "If the clinic ever runs an open day, I'd love to attend.",
    "Would your agency be open to sharing a case study for my dissertation?",
    "How did you first join your crew, and what was the harvest season like?",
    "I'd love to hear how your kitchen trains new chefs.",
    "What made you go for the opening at the agency back in 2015?",
    "I'd welcome the chance to hear your view on the summer analyst intake.",
    "Do you know if the Edinburgh office runs a graduate open evening?",
    "Could I send you my portfolio for feedback on the layouts?",
    "I'm hoping to earn a distinction in my finals.",
    "If you're ever in Leeds, I'd love to buy you a coffee.",
    "My sister helped out at a practice over the holidays as a paid assistant.",
    "I'd value your view on whether to apply for training contracts or a master's first.",
    "If your lab has a reading group, please keep me posted.",
    "Would it be cheeky to ask how you got taken on as an apprentice?",
    "I'd be grateful for a word about how hiring managers read a CV.",
    "If any talks come up at the restaurant festival, I'd happily attend.",
    "Would your newsroom ever cover the housing story I sent?",
    "Was your team short of developers when you joined?",
    "If there's room at your workshop next spring, I'd love to attend the session.",
    "Thank you for taking me on as a mentee last year.",
]


# A second fresh batch, likewise scored once before any change for it: 12 of 15 asks caught, 3
# false alarms in 15 look-alikes (docs/checker.md).
ROUND_SEVEN_SECOND_FRESH_ASKS = [
    "Should your practice be after a part-time bookkeeper, I'd love to be considered.",
    "I'd be over the moon if a seat in your newsroom ever came my way.",
    "Is the Manchester team open to taking a graduate on a fixed-term basis?",
    "Perhaps there's a corner of your lab where an extra pair of hands would help? I'm free "
    "from June.",
    "Could you let me know when applications open for your trainee scheme so I can apply "
    "directly to you?",
    "If the hotel is staffing up for the summer, I'm your girl.",
    "Would it help if I sent my CV so you could flag me to your talent team?",
    "I'd give anything to apprentice in your workshop.",
    "If an opening on your ward comes up, would you let me know before it's advertised?",
    "Any chance your firm sponsors visas for graduate engineers like me?",
    "I'm keen to join the crew on your next build if you'll have me.",
    "It would mean a lot if you could put a good word in for me with Sarah in recruitment.",
    "Is there any paid work going in the studio over the winter?",
    "If you need cover for maternity leave in the team, I'd love to step in.",
    "Do you think the lab would take on a summer student if I brought my own funding?",
]

ROUND_SEVEN_SECOND_FRESH_LOOK_ALIKES = [
    "Should your practice ever run a bookkeeping workshop, I'd love to attend.",
    "I'd be over the moon if a copy of your book ever came my way.",
    "Is the Manchester team open to a student visiting for a morning?",
    "How did you find your first seat in the newsroom?",
    "Could you let me know when applications open for the scholarship you mentioned?",
    "If the hotel is hosting the careers fair this summer, I'll be there.",
    "Would it help if I sent my questions so you could look at them before our call?",
    "I'd give anything to see your workshop in action.",
    "My friend says an opening on your ward came up last spring; how did you staff it?",
    "Do firms usually sponsor visas for graduate engineers?",
    "I'm keen to hear about the crew on your next build.",
    "It would mean a lot if you could introduce me to Sarah, who wrote the report on retention.",
    "Is there any reading you'd recommend before the winter term?",
    "If you need cover for a guest lecture, I know a great speaker.",
    "Do you think the lab's summer students find their projects useful?",
]


@pytest.mark.parametrize(
    "text", ROUND_SEVEN_ASKS + ROUND_SEVEN_NEW_SET_ASKS + ROUND_SEVEN_FRESH_ASKS
)
def test_asks_for_job_round_seven_reads_the_structure_of_an_ask(text: str) -> None:
    assert job_asks(text), text


@pytest.mark.parametrize("text", ROUND_SEVEN_SECOND_FRESH_ASKS)
def test_asks_for_job_round_seven_reads_fresh_asks_by_rules_or_model(text: str) -> None:
    assert findings(text, "asks-for-job"), text


@pytest.mark.parametrize(
    "text",
    ROUND_SEVEN_LOOK_ALIKES
    + ROUND_SEVEN_NEW_SET_LOOK_ALIKES
    + ROUND_SEVEN_FRESH_LOOK_ALIKES
    + ROUND_SEVEN_SECOND_FRESH_LOOK_ALIKES,
)
def test_asks_for_job_round_seven_leaves_look_alikes_alone(text: str) -> None:
    assert findings(text, "asks-for-job") == []


@pytest.mark.parametrize(
    ("greeting", "to"),
    [
        # dev_heldout6: a lone honorific, a short form with a doubled letter
        ("Good afternoon Ma,", "Ngozi Eze"),
        ("Dear Ma'am,", "Latha Varghese"),
        ("Hello Ma’am, I am Divya.", "Anjali Verma"),
        ("Hey Ollie,", "Oliver Grant"),
        ("Hi Olly!", "Oliver Grant"),
        # the new sets: honorifics after a name, other traditions
        ("Dear Suzuki-san,", "Akiko Suzuki"),
        ("Dear Ito Sensei,", "Kenji Ito"),
        ("Dear Khun Nattapong,", "Nattapong Srisuk"),
        ("Hello Ma, I am Ada.", "Ngozi Okafor"),
    ],
)
def test_greeting_leaves_honorifics_and_short_forms_alone(greeting: str, to: str) -> None:
    assert greeting_findings(greeting, to) == []


@pytest.mark.parametrize(
    ("greeting", "to"),
    [
        ("Hi Tommy,", "Tobias Weber"),
        ("Dear Ms. Ma,", "Li Wei"),
        ("Good morning Ms Ma,", "Ada Obi"),
        ("Hi Dr. van der Meer,", "Anouk van den Meer"),
        ("Hola Marta,", "Marina Ruiz"),
        ("Bonjour Mme Girard,", "Chloé Gagnon"),
        ("Dear Suzuki-san,", "Akiko Sato"),
    ],
)
def test_greeting_flags_a_wrong_name_short_form_particle_or_surname(greeting: str, to: str) -> None:
    assert greeting_findings(greeting, to)


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


# The other rules, read on the new development sets.
@pytest.mark.parametrize(
    "opening",
    [
        "My name's Ife Bello and I study nursing.",
        "I'm Tunde Bakare. I study nursing at Ibadan.",
        "I'm Dr. Ama Owusu, a registrar in Kumasi.",
        "I, Kofi Mensah, a final-year student of law, write to ask for advice.",
        "Priya Nair here, second-year law at Leeds.",
        "Kiwi law grad here (Otago).",
        "Sam from UAL (MA illustration).",
    ],
)
def test_introduction_reads_more_ways_of_saying_who_is_writing(opening: str) -> None:
    text = (
        f"Hi Jo,\n\n{opening} Your work at Arup is why I'm writing. Could we talk for 20 minutes?"
    )
    assert findings(text, "missing-introduction") == []


def test_introduction_still_fires_when_a_colleague_from_somewhere_is_named() -> None:
    text = "Hi Jo,\n\nPriya from Google suggested I write. Could we talk for 20 minutes?"
    assert findings(text, "missing-introduction")


@pytest.mark.parametrize(
    "plan",
    [
        "Will follow up next week.",
        "I'll give you a bell on Thursday if I don't hear back.",
        "I will mail you again next week.",
        "I'll give it a week and then send a gentle reminder.",
    ],
)
def test_follow_up_plan_reads_terse_and_regional_plans(plan: str) -> None:
    text = f"Hi Jo,\n\nI'm Ola, a student at Leeds. Could we talk for 20 minutes?\n\n{plan}"
    assert findings(text, "missing-follow-up-plan") == []


@pytest.mark.parametrize(
    "ask",
    ["Keen for a 20-minute yarn?", "Could we have a 15-minute online call?"],
)
def test_time_request_reads_a_length_before_a_described_meeting(ask: str) -> None:
    assert findings(f"Hi Jo,\n\n{ask}", "missing-time-request") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Could we talk for 20 minutes next week or the week after?",
        "I'll give it a week and then send a reminder.",
        "Our two-hour lab session discussed your paper, so could we talk for 20 minutes?",
    ],
)
def test_time_request_long_skips_a_week_named_as_a_date_or_waited(sentence: str) -> None:
    assert findings(f"Hi Jo,\n\n{sentence}", "time-request-long") == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Could you give me a refferal for the role?", "refferal"),
        ("I heard you're hireing apprentices.", "hireing"),
        ("I'd love to work for consultancys.", "consultancys"),
        ("wud u be up for a chat abt ur work?", "wud"),
        ("Thankyou for the chat.", "Thankyou"),
    ],
)
def test_spelling_flags_wrong_endings_shifted_letters_and_shorthand(
    text: str, flagged: str
) -> None:
    assert flagged in [text[f.start : f.end] for f in findings(text, "spelling")]


@pytest.mark.parametrize(
    "text",
    [
        "The fibre optic work and the moulder's shop were fascinating.",
        "Assistive tech and licensure rules differ for the unbanked.",
        "We covered pre- and post-contract work.",
        "I studied greywater reuse and a learnership scheme.",
        "I spent a year at U of T.",
    ],
)
def test_spelling_leaves_british_forms_derived_words_and_capital_u_alone(text: str) -> None:
    assert findings(text, "spelling") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Good shout on the RSPB volunteer scheme, I've signed up.",
        "I had no idea that most planners start in the Civil Service.",
        "Gonna call the Law Society on Monday like you said.",
        "I will definately take your advice and apply for the Arkwright scholarship.",
    ],
)
def test_thank_you_reads_more_ways_of_naming_what_was_taken_away(sentence: str) -> None:
    text = f"Hi Jo,\n\nThanks for the chat today. {sentence}\n\nBest,\nOla"
    assert findings(text, "thank-you-not-specific", kind="thank-you") == []


def test_thank_you_still_fires_on_insights_about_the_industry_during_the_conversation() -> None:
    text = (
        "Dear Jo,\n\nI am grateful for the insights you shared about the industry during our "
        "conversation.\n\nBest,\nOla"
    )
    assert findings(text, "thank-you-not-specific", kind="thank-you")


def test_referral_reads_an_everyday_name_that_opens_a_sentence_and_says_who_they_are() -> None:
    text = "Dear Ms. Obi,\n\nGrant, my lecturer at UCC, suggested I write. Could we talk?"
    assert findings(text, "missing-referral", referrer_name="Grant Byrne") == []
    text = "Dear Ms. Obi,\n\nGrant funding is my topic. Could we talk for 20 minutes?"
    assert findings(text, "missing-referral", referrer_name="Grant Byrne")
