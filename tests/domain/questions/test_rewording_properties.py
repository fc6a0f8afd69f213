"""Properties of the question checker over the whole bank: no bank question is flagged, job asks
are warned about and never reworded, and every rewording is a well-formed open question."""

from __future__ import annotations

import re
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from coffeechat.domain.checker.job_ask import job_asks
from coffeechat.domain.questions import BUILTIN_QUESTIONS, check_question, fill, is_open
from coffeechat.domain.questions.rephrase import rephrase

FIELDS = st.sampled_from(["urban planning", "UX research", "public health", "data journalism"])
ORGS = st.sampled_from(["the Urban Institute", "Acme", "your organization", "Mass General"])
ROLES = st.sampled_from(["policy analyst", "product designer", "nurse practitioner"])
BANK = st.sampled_from(BUILTIN_QUESTIONS)

# Closed questions a student might write: an opening that takes a noun phrase or a verb
# phrase, completed by a phrase from the bank's own topics.
NOUN_OPENINGS = st.sampled_from(
    [
        "Do you like", "Did you enjoy", "Are there any", "Is there anything I should know about",
        "Can I ask about", "Should I study", "Would you say that", "Do you know anyone in",
        "Do you have any advice about", "Did you study", "Were you nervous about",
        "Is your work in", "Do you think", "Do you enjoy", "Was it worth studying",
    ]
)  # fmt: skip
NOUN_TOPICS = st.sampled_from(
    [
        "your work", "{field}", "the first year in {field}", "the people you work with",
        "a master's degree", "the hours", "conferences in {field}", "your job",
        "networking events", "the culture at {organization}", "public speaking",
    ]
)  # fmt: skip
VERB_OPENINGS = st.sampled_from(
    [
        "Is it hard to", "Was it difficult to", "Have you ever", "Should I", "Can I",
        "Did you ever", "Could I", "Will you", "Did you", "Do people", "Would it help to",
        "Is it possible to",
    ]
)  # fmt: skip
VERB_TOPICS = st.sampled_from(
    [
        "work in {field}", "switch into {field}", "study {field}", "move to a new city",
        "become a {role}", "visit {organization}", "think about leaving",
        "take a gap year", "learn statistics first", "find a mentor",
    ]
)  # fmt: skip
CLOSED = st.one_of(
    st.tuples(NOUN_OPENINGS, NOUN_TOPICS), st.tuples(VERB_OPENINGS, VERB_TOPICS)
).map(" ".join)
JOB_ASKS = st.sampled_from(
    [
        "Is your company hiring?", "Are there any openings on your team?",
        "Could you refer me for the analyst role?", "Would you pass my resume to HR?",
        "Do you have any internships available this summer?",
        "Would you keep me in mind for future openings?", "Is {organization} hiring right now?",
    ]
)  # fmt: skip
_WELL_FORMED = re.compile(
    r"^[A-Z][^?.!]*(?:, and (?:why|how did you \w+ it|how did you manage it))?[?.]$"
)


def _filled(text: str, field: str, organization: str, role: str) -> str:
    return fill(text, field=field, organization=organization, role=role)


@settings(max_examples=150, deadline=None)
@given(question=BANK, field=FIELDS, organization=ORGS, role=ROLES)
def test_no_bank_question_is_flagged(question, field, organization, role) -> None:
    text = _filled(question.text, field, organization, role)
    assert check_question(text) == []
    assert job_asks(text) == []


@settings(max_examples=300, deadline=None)
@given(closed=CLOSED, field=FIELDS, organization=ORGS, role=ROLES)
def test_every_rewording_is_a_well_formed_open_question(closed, field, organization, role) -> None:
    question = _filled(f"{closed}?", field, organization, role)
    suggestion = rephrase(question)
    assert _WELL_FORMED.match(suggestion), suggestion
    assert "  " not in suggestion and " ," not in suggestion
    words = suggestion.lower().split()
    assert all(a != b for a, b in pairwise(words)), suggestion
    assert is_open(suggestion), suggestion
    assert job_asks(suggestion) == []
    for finding in check_question(question):
        if finding.rule == "closed-question":
            assert finding.message.endswith(f'"{suggestion}"') or "what, how or why" in (
                finding.message
            )


@settings(max_examples=100, deadline=None)
@given(ask=JOB_ASKS, organization=ORGS, lead=st.sampled_from(["", "So, ", "Also, "]))
def test_job_asks_are_warned_about_and_never_reworded(ask, organization, lead) -> None:
    question = lead + _filled(ask, "design", organization, "analyst")
    findings = check_question(question)
    assert [f.rule for f in findings] == ["asks-for-job"]
    assert findings[0].severity == "warning"
    assert "You could try" not in findings[0].message


def test_is_your_company_hiring() -> None:
    [finding] = check_question("Is your company hiring?")
    assert (finding.rule, finding.severity) == ("asks-for-job", "warning")
