from __future__ import annotations

from dataclasses import replace

import pytest

from coffeechat.domain.drafts import MeetingRecap, Template, render
from coffeechat.domain.drafts.render import trim_to

from .factories import full_context, with_contact

LONG = "Bartholomew-Alexander Featherstonehaugh-Montgomery Wolfeschlegelsteinhausen"
LONG_ORG = "The International Association of Municipal and Regional Transportation Planners"


def test_before_a_meeting_the_note_asks_for_a_conversation() -> None:
    draft = render("linkedin-note", replace(full_context(), meeting=MeetingRecap()))
    assert draft.variant == "before"
    assert "20 minutes" in draft.body
    assert "Ben Ode" in draft.body
    assert len(draft.body) <= 300


def test_after_a_meeting_the_note_refers_to_it() -> None:
    draft = render("linkedin-note", full_context())
    assert draft.variant == "after"
    assert "Tuesday 24 November" in draft.body


@pytest.mark.parametrize("limit", [300, 200, 120])
@pytest.mark.parametrize("met", [True, False])
def test_note_fits_the_limit_with_long_names(limit: int, met: bool) -> None:
    ctx = full_context(linkedin_char_limit=limit)
    if not met:
        ctx = replace(ctx, meeting=MeetingRecap())
    user = replace(ctx.user, name=LONG, school=LONG_ORG, program=LONG_ORG)
    ctx = with_contact(
        replace(ctx, user=user), first_name=LONG, organization=LONG_ORG, field=LONG_ORG
    )
    assert len(render("linkedin-note", ctx).body) <= limit


def test_a_shorter_wording_is_chosen_before_trimming() -> None:
    ctx = replace(full_context(), meeting=MeetingRecap(), linkedin_char_limit=200)
    draft = render("linkedin-note", ctx)
    assert draft.variant == "before-short"
    assert not draft.body.endswith("…")
    assert len(draft.body) <= 200


def test_user_template_is_trimmed_not_replaced() -> None:
    template = Template("linkedin-note", "mine", None, "Hello {first_name}! " + "really " * 80)
    draft = render("linkedin-note", full_context(), template)
    assert draft.variant == "mine"
    assert draft.body.startswith("Hello Ana! really")
    assert draft.body.endswith("really…")
    assert len(draft.body) <= 300


def test_trim_cuts_between_words() -> None:
    text = "Thank you so much for your generous time yesterday"
    trimmed = trim_to(text, 24)
    assert trimmed == "Thank you so much for…"
    assert len(trimmed) <= 24


def test_trim_also_cuts_at_line_breaks() -> None:
    assert trim_to("Hi Ana,\nthanks again", 12) == "Hi Ana…"


def test_trim_leaves_short_text_alone() -> None:
    assert trim_to("Hi there", 8) == "Hi there"


def test_trim_keeps_a_placeholder_whole() -> None:
    assert trim_to("Hi Ana, I work at [their organization] now", 30) == "Hi Ana, I work at…"


def test_trim_drops_trailing_punctuation_before_the_ellipsis() -> None:
    assert trim_to("Hi Ana, thanks again for everything", 10) == "Hi Ana…"


def test_trim_of_one_giant_word_still_fits() -> None:
    assert len(trim_to("x" * 50, 10)) == 10


def test_trim_to_a_tiny_limit() -> None:
    assert trim_to("Hello there", 1) == "…"


def test_missing_only_counts_placeholders_left_after_trimming() -> None:
    template = Template(
        "linkedin-note", "mine", None, "Hi {first_name}, " + "word " * 80 + "{news}"
    )
    ctx = with_contact(full_context(), first_name="")
    draft = render("linkedin-note", ctx, template)
    assert draft.missing == ("first_name",)
