from hypothesis import given
from hypothesis import strategies as st

from coffeechat.domain.questions import BUILTIN_QUESTIONS, blanks_in, fill


def test_fills_known_values():
    text = "How did you join {organization} as {role} in {field}?"
    filled = fill(text, field="urban planning", organization="Acme", role="a planner")
    assert filled == "How did you join Acme as a planner in urban planning?"


def test_missing_values_use_natural_fallbacks():
    text = "What is it like at {organization} in {field} for {role}?"
    assert fill(text) == "What is it like at your organization in your field for your role?"


def test_blank_or_whitespace_value_counts_as_missing():
    assert fill("Why {field}?", field="   ") == "Why your field?"
    assert fill("Why {field}?", field="") == "Why your field?"


def test_fallback_is_capitalized_at_the_start_of_a_sentence():
    assert fill("{field} is changing. {organization} too.") == (
        "Your field is changing. Your organization too."
    )


def test_given_value_keeps_its_own_case_at_sentence_start():
    assert fill("{field} is changing.", field="iOS development") == "iOS development is changing."


def test_unknown_blank_becomes_a_your_phrase():
    assert fill("How does {team_lead} help?") == "How does your team lead help?"


def test_blank_names_are_case_and_space_tolerant():
    assert fill("Why { Field }?", field="law") == "Why law?"
    assert blanks_in("Why { Field } at {organization}?") == {"field", "organization"}


def test_braces_in_values_are_not_shown():
    assert fill("Why {field}?", field="{weird}") == "Why weird?"


def test_text_without_blanks_is_unchanged():
    assert fill("What do you enjoy most?") == "What do you enjoy most?"


values = st.one_of(st.none(), st.text(max_size=20))


@given(
    question=st.sampled_from(BUILTIN_QUESTIONS),
    field=values,
    organization=values,
    role=values,
)
def test_no_blank_is_ever_left(question, field, organization, role):
    filled = fill(question.text, field=field, organization=organization, role=role)
    assert "{" not in filled
    assert "}" not in filled
