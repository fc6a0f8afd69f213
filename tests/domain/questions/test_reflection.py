from coffeechat.domain.questions import REFLECTION_PROMPTS, is_open


def test_prompts_cover_the_reflection_in_order():
    assert [key for key, _ in REFLECTION_PROMPTS] == [
        "learned",
        "liked",
        "concerns",
        "fit",
        "open-questions",
        "next-steps",
        "who-else",
        "as-interviewer",
    ]


def test_prompts_are_open_questions():
    for _, prompt in REFLECTION_PROMPTS:
        assert prompt.endswith("?")
        assert is_open(prompt)


def test_fit_prompt_names_interests_strengths_goals_and_values():
    fit = dict(REFLECTION_PROMPTS)["fit"]
    for word in ("interests", "strengths", "goals", "matters to you"):
        assert word in fit
