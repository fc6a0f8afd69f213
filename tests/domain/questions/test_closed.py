import pytest

from coffeechat.domain.questions import check_question, is_open
from coffeechat.domain.questions.rephrase import rephrase

# (question, True when it invites a yes/no answer)
LABELLED = [
    ("Do you like your job?", True),
    ("Is it hard to get in?", True),
    ("Are there many jobs in this field?", True),
    ("Can I get into this field without a degree?", True),
    ("Should I get a master's degree first?", True),
    ("Have you ever thought about leaving?", True),
    ("Would you say the field is growing?", True),
    ("Did you study economics?", True),
    ("Was it difficult to switch careers?", True),
    ("Does your team work remotely?", True),
    ("Do you think AI will change this work?", True),
    ("Is there anything else I should know?", True),
    ("Are you happy with your career choice?", True),
    ("Could I send you my resume?", True),
    ("Do you know anyone at the city planning office?", True),
    ("Do you have any advice for me?", True),
    ("Will the industry keep growing?", True),
    ("Has the field changed much since you started?", True),
    ("Is a graduate degree necessary?", True),
    ("In your experience, is networking important?", True),
    ("So, do you travel a lot?", True),
    ("Can you tell me whether the pay is good?", True),
    ("Would you mind if I took notes?", True),
    ("Were you nervous in your first job?", True),
    ("Don't you find the hours long?", True),
    ("What do you enjoy most about your work?", False),
    ("How did you get started?", False),
    ("Why did you choose this organization?", False),
    ("Which skills matter most?", False),
    ("Tell me about your first year.", False),
    ("Could you walk me through a typical week?", False),
    ("Would you tell me about your path?", False),
    ("Can you describe the culture on your team?", False),
    ("Could you explain how projects get staffed?", False),
    ("Would you mind telling me how you got your first role?", False),
    ("Who else should I talk to?", False),
    ("Where do you see the field in five years?", False),
    ("When did you know this was the right field?", False),
    ("If you were in my place, what would you do next?", False),
    ("Looking back, what would you change?", False),
    ("Describe the best project you've worked on.", False),
    ("Could you say more about that?", False),
    ("Can you give me an example of a hard week?", False),
    ("Walk me through how you prepare for a launch.", False),
    ("What's the biggest misconception about your role?", False),
    ("Knowing what you know now, how would you prepare?", False),
    ("Could you please share how you found your mentor?", False),
    ("Thank you for meeting with me today.", False),
]


def test_at_least_40_labelled_examples():
    assert len(LABELLED) >= 40
    assert sum(closed for _, closed in LABELLED) >= 20


def test_precision_and_recall_are_at_least_90_percent():
    predicted = {question: bool(check_question(question)) for question, _ in LABELLED}
    true_positives = sum(1 for q, closed in LABELLED if closed and predicted[q])
    flagged = sum(predicted.values())
    actual = sum(closed for _, closed in LABELLED)
    assert true_positives / flagged >= 0.9
    assert true_positives / actual >= 0.9


@pytest.mark.parametrize(
    ("question", "suggestion"),
    [
        ("Do you like your job?", "What do you enjoy most about your work?"),
        ("Is it hard to get in?", "What makes it hard to get in, and how did you manage it?"),
        (
            "Was it tough to move cities?",
            "What made it tough to move cities, and how did you handle it?",
        ),
        ("Is it worth it?", "What makes it worth it?"),
        ("Is it true that pay is low?", "What is your view on whether pay is low?"),
        (
            "Are there any internships for students?",
            "What can you tell me about internships for students?",
        ),
        ("Is there anything else I should know?", "What else should I know?"),
        ("Is there something I need to prepare?", "What do I need to prepare?"),
        ("Can I send you my resume?", "How would you suggest I send you my resume?"),
        (
            "Should I get a master's degree?",
            "What would you weigh in deciding whether to get a master's degree?",
        ),
        ("Have you ever been laid off?", "Tell me about a time you were laid off."),
        ("Have you worked abroad?", "Tell me about a time you worked abroad."),
        (
            "Would you say the field is growing?",
            "What is your view on whether the field is growing?",
        ),
        (
            "Do you think that I could switch later?",
            "What is your view on whether I could switch later?",
        ),
        ("Do you know anyone at Acme?", "Which people at Acme would you suggest I talk to?"),
        ("Do you know anyone?", "Who would you suggest I talk to?"),
        ("Do you have any advice for me?", "What advice do you have for me?"),
        ("Did you study business?", "How did you come to study business?"),
        ("Did you enjoy your first job?", "What did you enjoy most about your first job?"),
        ("Can you tell me if it pays well?", "What is your view on whether it pays well?"),
        ("Would you mind if I take notes?", "How would you feel if I take notes?"),
        ("Are you happy in your role?", "To what extent are you happy in your role, and why?"),
    ],
)
def test_rephrasing_suggestions_are_concrete(question, suggestion):
    assert rephrase(question) == suggestion
    [finding] = check_question(question)
    assert finding.message.endswith(f'"{suggestion}"')


def test_finding_shape_and_span_cover_the_leading_words():
    [finding] = check_question("Do you like your job?")
    assert finding.rule == "closed-question"
    assert finding.severity == "hint"
    assert (finding.start, finding.end) == (0, 6)
    assert '"yes" or "no"' in finding.message


def test_span_includes_ever_and_say():
    text = "Have you ever failed? Would you say so?"
    spans = [text[f.start : f.end] for f in check_question(text)]
    assert spans == ["Have you ever", "Would you say"]


def test_each_sentence_is_checked_separately():
    text = "How did you start? Was it worth it? Why?"
    [finding] = check_question(text)
    assert text[finding.start : finding.end] == "Was it"
    assert finding.message.endswith('"What made it worth it?"')


def test_lead_in_is_kept_in_the_suggestion():
    [finding] = check_question("In your experience, are there jobs for juniors?")
    assert finding.message.endswith(
        '"In your experience, what can you tell me about jobs for juniors?"'
    )
    assert finding.start == len("In your experience, ")


def test_curly_apostrophes_are_understood():
    assert check_question("Don\u2019t you miss research?")
    assert is_open("What\u2019s the hardest part?")


def test_open_text_and_empty_text_give_nothing():
    assert check_question("") == []
    assert check_question("What surprised you most?") == []
    assert is_open("   ")


def test_tell_me_whether_is_still_closed():
    assert check_question("Could you tell me whether it pays well?")
    assert is_open("Could you tell me how it pays?")
