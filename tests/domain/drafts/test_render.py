from __future__ import annotations

import re
from dataclasses import replace

import pytest

from coffeechat.domain.drafts import (
    KINDS,
    DraftContext,
    MeetingRecap,
    Referral,
    Template,
    builtin_templates,
    choose_variant,
    render,
    template_fields,
)
from coffeechat.domain.drafts.context import Consent
from coffeechat.domain.drafts.fields import FIELDS
from coffeechat.domain.drafts.render import PLACEHOLDER

from .factories import BANNED, full_context, sentences, with_contact


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_renders_completely_with_full_data(kind: str) -> None:
    draft = render(kind, full_context())
    assert draft.kind == kind
    assert draft.missing == ()
    assert "[" not in draft.body
    assert "{" not in draft.body
    assert "Jane Doe" in draft.body


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_marks_missing_data_visibly(kind: str) -> None:
    draft = render(kind, DraftContext())
    text = (draft.subject or "") + draft.body
    assert draft.missing
    assert "[your name]" in text
    for name in draft.missing:
        assert f"[{FIELDS[name].label}]" in text


def test_a_letter_leaves_out_the_lines_it_has_nothing_for() -> None:
    draft = render("letter", DraftContext())
    assert draft.missing == ("my_name",)
    assert "\n\n\n\n" not in draft.body
    assert "  " not in draft.body


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("ctx", [full_context(), DraftContext()], ids=["full", "empty"])
def test_no_draft_talks_about_jobs(kind: str, ctx: DraftContext) -> None:
    draft = render(kind, ctx)
    assert not BANNED.search((draft.subject or "") + "\n" + draft.body)


def test_no_template_or_label_talks_about_jobs() -> None:
    texts = [t.body + (t.subject or "") for t in builtin_templates().values()]
    texts += [f"{f.label} {f.description}" for f in FIELDS.values()]
    assert not any(BANNED.search(text) for text in texts)


@pytest.mark.parametrize(
    ("how_found", "referrer", "variant"),
    [
        ("referral", "Ben Ode", "referred"),
        ("referral", "", "unnamed"),
        ("alumni", "Ben Ode", "referred"),
        ("alumni", "", "alumni"),
        ("faculty", "", "warm"),
        ("family", "", "warm"),
        ("friend", "", "warm"),
        ("neighbour", "", "warm"),
        ("colleague", "", "warm"),
        ("event", "", "warm"),
        ("linkedin", "", "cold"),
        ("online", "", "cold"),
        ("other", "", "cold"),
        ("", "", "cold"),
        (" Alumni ", "", "alumni"),
    ],
)
def test_request_variant_follows_how_they_were_found(
    how_found: str, referrer: str, variant: str
) -> None:
    ctx = with_contact(full_context(), how_found=how_found, referrer=referrer)
    assert choose_variant("request", ctx) == variant
    assert render("request", ctx).variant == variant


def test_referred_request_names_the_referrer_in_the_first_two_sentences() -> None:
    draft = render("request", full_context())
    assert "Ben Ode" in " ".join(sentences(draft.body)[:2])
    assert draft.subject is not None
    assert "Ben Ode" in draft.subject


def test_referred_request_without_a_name_reads_well_without_it() -> None:
    ctx = with_contact(full_context(), referrer="")
    draft = render("request", ctx)
    assert sentences(draft.body)[0].startswith("I got your name in a conversation about")
    assert draft.missing == ()


@pytest.mark.parametrize("kind", ["request", "referral-intro", "follow-up", "phone-script",
                                  "letter", "linkedin-note"])  # fmt: skip
def test_a_referrer_who_said_no_is_named_nowhere(kind: str) -> None:
    ctx = with_contact(full_context(), referrer_consent="no")
    draft = render(kind, ctx)
    assert "Ben" not in (draft.subject or "") + draft.body
    assert draft.missing == ()
    if kind in ("request", "referral-intro"):
        assert draft.variant == "unnamed"
        assert draft.tips == ("Ben Ode would rather not be named, so this note leaves them out.",)


def test_a_referrer_not_yet_asked_is_named_with_a_reminder_to_check() -> None:
    draft = render("request", with_contact(full_context(), referrer_consent="unknown"))
    assert draft.variant == "referred"
    assert "Ben Ode" in draft.body
    assert any("check that they're happy to be mentioned" in tip for tip in draft.tips)


def test_an_introduction_to_forward_goes_to_the_referrer_about_the_person() -> None:
    draft = render("introduction-blurb", full_context())
    assert draft.body.startswith("Hi Ben,")
    assert "Ana Ruiz" in draft.body
    assert "20 minutes" in draft.body
    assert draft.subject == "A short note you could forward to Ana Ruiz"


def test_referral_intro_names_the_mutual_connection_in_the_first_sentence() -> None:
    draft = render("referral-intro", full_context())
    assert "Ben Ode" in sentences(draft.body)[0]


@pytest.mark.parametrize("how_found", ["alumni", "event", "online"])
def test_request_contains_what_the_method_asks_for(how_found: str) -> None:
    ctx = with_contact(full_context(), how_found=how_found, referrer="")
    draft = render("request", ctx)
    body = draft.body
    assert draft.subject
    assert "Jane Doe" in body
    assert "Lakeside University" in body
    assert "the Lakeside alumni group" in body
    assert "Metro Transit" in body
    assert "transportation planning" in body
    assert "advice" in body
    assert "20 minutes" in body or "20-minute" in body
    assert re.search(r"phone|call", body)
    assert "in about a week" in body
    assert "resume" in body


@pytest.mark.parametrize("how_found", ["referral", "alumni", "event", "online"])
def test_request_stays_short(how_found: str) -> None:
    ctx = with_contact(full_context(), how_found=how_found)
    assert len(render("request", ctx).body.split()) <= 150


def test_request_uses_the_agreed_length_and_follow_up_day() -> None:
    ctx = replace(full_context(), minutes=15, follow_up_when="next Tuesday")
    body = render("request", ctx).body
    assert "15 minutes" in body
    assert "next Tuesday" in body


def test_alumni_request_falls_back_to_the_school_network() -> None:
    ctx = with_contact(full_context(), how_found="alumni", referrer="", source="")
    assert "the Lakeside University alumni network" in render("request", ctx).body


def test_warm_request_says_how_you_are_connected() -> None:
    ctx = with_contact(full_context(), how_found="family", referrer="", source="")
    draft = render("request", ctx)
    assert "through my family" in draft.body
    assert draft.body.startswith("Hi Ana,")


def test_event_request_without_a_place_leaves_the_place_out() -> None:
    ctx = with_contact(full_context(), how_found="event", referrer="", source="")
    draft = render("request", ctx)
    assert "This is Jane Doe. I'm now a third-year economics student" in draft.body
    assert draft.missing == ()


def test_who_you_are_falls_back_to_the_current_role() -> None:
    user = replace(full_context().user, school="", program="", year="", role="data analyst")
    body = render("request", replace(full_context(), user=user)).body
    assert "My name is Jane Doe, a data analyst," in body


def test_class_year_reads_as_a_class() -> None:
    user = replace(full_context().user, year="2027")
    body = render("request", replace(full_context(), user=user)).body
    assert "an economics student at Lakeside University, class of 2027" in body


def test_follow_up_restates_the_ask_and_offers_the_phone() -> None:
    body = render("follow-up", full_context()).body
    assert "20 minutes" in body
    assert "+1 555 0100" in body
    assert "Ben Ode" in body


def test_phone_script_has_a_live_and_a_voicemail_part() -> None:
    draft = render("phone-script", full_context())
    assert draft.channel == "phone"
    assert draft.subject is None
    live, voicemail = draft.body.split("IF YOU REACH VOICEMAIL")
    assert "WHEN THEY ANSWER" in live
    assert "Ben Ode" in live
    assert voicemail.count("+1 555 0100") == 2


def test_letter_has_business_layout() -> None:
    draft = render("letter", full_context())
    assert draft.channel == "letter"
    assert draft.subject is None
    blocks = draft.body.split("\n\n")
    assert (
        blocks[0] == "Jane Doe\n12 Elm Street\nSpringfield, IL 62701\njane@example.org\n+1 555 0100"
    )
    assert blocks[1] == "20 November 2026"
    assert (
        blocks[2] == "Ana Ruiz\nSenior Planner\nMetro Transit\n1 Transit Plaza\nChicago, IL 60601"
    )
    assert blocks[3] == "Dear Ana Ruiz:"
    assert draft.body.rstrip().endswith("Sincerely,\n\n\nJane Doe")


def test_letter_without_today_leaves_the_date_line_out() -> None:
    draft = render("letter", replace(full_context(), today=None))
    assert "2026" not in draft.body
    assert draft.missing == ()
    assert draft.body.split("\n\n")[1].startswith("Ana Ruiz\nSenior Planner")


def test_thank_you_is_specific() -> None:
    draft = render("thank-you", full_context())
    assert "your advice to learn GIS before anything else" in draft.body
    assert "Kim Lee and Raj Patel" in draft.body
    assert "tell them you sent me" in draft.body
    assert "sign up for the spring GIS course" in draft.body
    assert "Tuesday 24 November" in draft.body


def test_thank_you_names_every_referral() -> None:
    names = ("A Ng", "B Oh", "C Li")
    meeting = replace(full_context().meeting, referrals=tuple(Referral(n) for n in names))
    body = render("thank-you", replace(full_context(), meeting=meeting)).body
    assert "A Ng, B Oh and C Li" in body


def test_close_the_loop_writes_to_the_referrer_about_the_meeting() -> None:
    draft = render("close-the-loop", full_context())
    assert draft.body.startswith("Hi Ben,")
    assert "Ana Ruiz" in draft.body
    assert "bus network redesign and public meetings" in draft.body


def test_referrer_title_is_kept_in_the_greeting() -> None:
    ctx = with_contact(full_context(), referrer="Dr. Ben Ode")
    assert render("close-the-loop", ctx).body.startswith("Hi Dr. Ben Ode,")


def test_update_shares_news_and_recalls_the_advice() -> None:
    body = render("update", full_context()).body
    assert "bike-lane survey" in body
    assert "your advice to learn GIS before anything else" in body


@pytest.mark.parametrize(
    ("kind", "channel"),
    [
        ("request", "email"),
        ("thank-you", "email"),
        ("letter", "letter"),
        ("linkedin-note", "linkedin"),
        ("phone-script", "phone"),
    ],
)
def test_default_channels(kind: str, channel: str) -> None:
    assert render(kind, full_context()).channel == channel


def test_subject_only_for_email() -> None:
    draft = render("request", replace(full_context(), channel="in-person"))
    assert draft.channel == "in-person"
    assert draft.subject is None


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown draft kind"):
        render("apology", full_context())


def test_template_of_another_kind_is_refused() -> None:
    template = builtin_templates()[("thank-you", "default")]
    with pytest.raises(ValueError, match="cannot render"):
        render("request", full_context(), template)


def test_user_template_with_unknown_placeholder_shows_and_lists_it() -> None:
    template = Template(
        kind="request",
        variant="mine",
        subject="Hello from {my_name}",
        body="Hi { first_name }, {favourite colour} and {pet} again: {pet}.",
    )
    draft = render("request", full_context(), template)
    assert draft.subject == "Hello from Jane Doe"
    assert (
        draft.body
        == "Hi Ana, [unknown: favourite colour] and [unknown: pet] again: [unknown: pet]."
    )
    assert draft.missing == ("favourite colour", "pet")
    assert draft.variant == "mine"


def test_values_are_never_scanned_for_placeholders() -> None:
    ctx = with_contact(full_context(), first_name="{my_name}", organization="[draft]")
    draft = render("thank-you", ctx)
    assert draft.body.startswith("Dear {my_name} Ruiz,")


def test_names_with_newlines_stay_on_one_line_in_the_subject() -> None:
    ctx = with_contact(full_context(), referrer="Ben\nOde\r\n")
    draft = render("request", ctx)
    assert draft.subject == "Ben Ode suggested I get in touch"


def test_builtin_templates_use_only_known_fields() -> None:
    for template in builtin_templates().values():
        for text in (template.subject or "", template.body):
            for name in PLACEHOLDER.findall(text):
                assert name in FIELDS, (template.kind, template.variant, name)


def test_builtin_templates_cover_every_kind_and_are_a_fresh_copy() -> None:
    templates = builtin_templates()
    assert {kind for kind, _ in templates} == set(KINDS)
    templates.clear()
    assert builtin_templates()


def test_template_fields_describe_every_field() -> None:
    fields = template_fields()
    assert set(fields) == set(FIELDS)
    assert all(description and "\n" not in description for description in fields.values())


def test_empty_meeting_leaves_thank_you_placeholders() -> None:
    draft = render("thank-you", replace(full_context(), meeting=MeetingRecap()))
    assert draft.missing == ("advice_phrase",)
    assert "[one thing you'll act on]" in draft.body
    assert draft.tips and "Name one thing from your conversation" in draft.tips[0]


@pytest.mark.parametrize(
    ("consents", "ending"),
    [
        (("yes", "yes"), "this week and tell them you sent me."),
        (("yes", "no"), "this week."),
        (("yes", "unknown"), "this week. May I tell them you suggested it?"),
    ],
)
def test_thank_you_promises_to_mention_them_only_as_agreed(
    consents: tuple[Consent, Consent], ending: str
) -> None:
    referrals = tuple(
        Referral(n, c) for n, c in zip(("Kim Lee", "Raj Patel"), consents, strict=True)
    )
    meeting = replace(full_context().meeting, referrals=referrals)
    assert ending in render("thank-you", replace(full_context(), meeting=meeting)).body
