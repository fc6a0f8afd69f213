"""The product agrees with itself: every built-in draft passes our own checker.

Over generated students and contacts (missing e-mail, phone, field, organization, title; names
with accents, apostrophes and one-word names; held meetings with and without notes; referrals
the referrer may, may not, or hasn't said they may be named in), for every kind, every variant
and all three rule sets, a draft has no error or warning and no `[bracket]` that the data could
have filled. The only blanks allowed are the ones only the student can fill (`STUDENT_ONLY`),
and then only the findings those blanks themselves cause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st

from coffeechat.domain.checker import RULE_SETS, CheckContext, check
from coffeechat.domain.drafts import (
    KINDS,
    Draft,
    DraftContext,
    MeetingRecap,
    Recipient,
    Referral,
    Sender,
    render,
)
from coffeechat.domain.drafts.checking import draft_check_context
from coffeechat.domain.drafts.fields import FIELDS, STUDENT_ONLY
from coffeechat.domain.findings import Finding

NAMES = [
    ("Grace", "Okoye"), ("Aisha", "Bello"), ("José", "Núñez"), ("Siobhán", "O'Brien"),
    ("Nguyễn", "Thị Lan"), ("Cher", ""), ("", "Okafor"), ("Ana-María", "López"), ("Wei", "Zhang"),
    ("Priya", "Raman"), ("Kwame", "Mensah"), ("Zoë", "D’Angelo"), ("Mary", "Grant"),
    ("Hope", "Williams"), ("Dmitri", "Vasiliev"), ("Aroha", "Te Rangi"),
]  # fmt: skip
ORGANIZATIONS = [
    "", "City of Chicago Department of Transportation", "Metro Transit", "Figma", "Arup",
    "Deloitte", "University of Michigan", "Mercy Hospital", "The Washington Post",
    "Center for Neighborhood Technology", "Banco Santander", "Ørsted",
]  # fmt: skip
TITLES = [
    "", "Senior Transportation Planner", "Product Designer", "Staff Nurse", "Data Analyst",
    "Associate", "Policy Director", "GIS Specialist", "Reporter", "Founder",
]  # fmt: skip
FIELDS_OF_WORK = ["", "", "transportation planning", "UX design", "public health", "journalism"]
SCHOOLS = ["", "Lakeside University", "Université de Montréal", "Georgia Tech"]
PROGRAMS = ["", "urban planning", "MPH", "computer science", "economics"]
YEARS = ["", "third-year", "2027", "senior"]
INTERESTS = [(), ("urban planning",), ("public health", "data journalism"), ("UX design",)]
INTROS = [
    "",
    "I spent three years in retail management and I'm moving into design.",
    "My name is Sam and I study planning. I grew up riding the bus to school.",
]
NOTES = [
    "",
    "Read her article on bus rapid transit in CityLab.",
    "Heard his talk at GeoConf about open data.",
    "Met at the spring career fair.",
]
ADVICE = [
    "Learn ArcGIS Network Analyst first.",
    "Networking matters more than grades.",
    "Talk to people in transit agencies, not just consultancies",
    "Don't skip the portfolio review",
    "Portfolio over GPA",
    "Pointed me to two newsletters worth reading every week",
    "Suggested I join the APA's student chapter.",
]
HOW_FOUND = ["referral", "alumni", "faculty", "family", "friend", "event", "linkedin", "online"]


@st.composite
def people(draw: st.DrawFn) -> tuple[str, str]:
    return draw(st.sampled_from(NAMES))


@st.composite
def senders(draw: st.DrawFn) -> Sender:
    first, last = draw(people())
    return Sender(
        name=f"{first} {last}".strip(),
        school=draw(st.sampled_from(SCHOOLS)),
        program=draw(st.sampled_from(PROGRAMS)),
        year=draw(st.sampled_from(YEARS)),
        role=draw(st.sampled_from(["", "retail manager", "paralegal"])),
        introduction=draw(st.sampled_from(INTROS)),
        interests=draw(st.sampled_from(INTERESTS)),
        email=draw(st.sampled_from(["", "sam.lee@example.edu"])),
        phone=draw(st.sampled_from(["", "+1 312 555 0100"])),
        address=draw(st.sampled_from([(), ("12 Elm Street", "Springfield, IL 62701")])),
        rule_set=draw(st.sampled_from(sorted(RULE_SETS))),
        prefer_first_names=draw(st.booleans()),
    )


@st.composite
def recipients(draw: st.DrawFn) -> Recipient:
    first, last = draw(people())
    how_found = draw(st.sampled_from(HOW_FOUND))
    referred = how_found == "referral" or draw(st.booleans())
    referrer = " ".join(draw(people())).strip() if referred else ""
    return Recipient(
        first_name=first,
        last_name=last,
        honorific=draw(st.sampled_from(["", "", "Ms.", "Dr.", "Mx."])),
        title=draw(st.sampled_from(TITLES)),
        organization=draw(st.sampled_from(ORGANIZATIONS)),
        field=draw(st.sampled_from(FIELDS_OF_WORK)),
        how_found=how_found,
        source="LinkedIn" if how_found == "linkedin" else "",
        referrer=referrer,
        referrer_consent=draw(st.sampled_from(["yes", "no", "unknown"])),
        referral_field=draw(st.sampled_from(["", "urban planning"])),
        notes=draw(st.sampled_from(NOTES)),
        address=draw(st.sampled_from([(), ("1 Transit Plaza", "Chicago, IL 60601")])),
        linkedin=draw(st.sampled_from(["", "https://www.linkedin.com/in/someone"])),
        email=draw(st.sampled_from(["", "them@example.org"])),
    )


TODAY = date(2026, 11, 20)


@st.composite
def meetings(draw: st.DrawFn) -> MeetingRecap:
    day = TODAY - timedelta(days=draw(st.sampled_from([0, 1, 6, 40])))
    if not draw(st.booleans()):  # held, but nothing was noted
        return MeetingRecap(date=f"{day.day} November", day=day)
    referrals = draw(
        st.lists(
            st.builds(
                Referral,
                name=st.sampled_from(["Kim Lee", "Raj Patel", "Lena Fischer"]),
                consent=st.sampled_from(["yes", "no", "unknown"]),
            ),
            max_size=2,
        )
    )
    return MeetingRecap(
        date=f"{day.day} November",
        day=day,
        advice=draw(st.sampled_from(["", *ADVICE])),
        referrals=tuple(referrals),
        topics=draw(st.sampled_from([(), ("career path", "a typical day")])),
        next_step=draw(st.sampled_from(["", "sign up for the spring GIS course"])),
        resources=draw(st.sampled_from([(), ("American Planning Association",)])),
        referrals_met=draw(st.sampled_from([(), ("Kim Lee",)])),
    )


@dataclass(frozen=True)
class Case:
    kind: str
    ctx: DraftContext


@st.composite
def cases(draw: st.DrawFn) -> Case:
    kind = draw(st.sampled_from(KINDS))
    contact = draw(recipients())
    meeting = MeetingRecap()
    if kind in {"thank-you", "update", "close-the-loop"} or (
        kind == "linkedin-note" and draw(st.booleans())
    ):
        meeting = draw(meetings())
    if kind in {"close-the-loop", "introduction-blurb"}:
        # Written to the person who suggested them, who may of course be named to themselves.
        contact = replace(contact, referrer=" ".join(draw(people())).strip() or "Ben Ode")
        contact = replace(contact, referrer_consent="yes")
    channel = None
    if kind not in {"letter", "linkedin-note", "phone-script"} and not contact.email:
        channel = "linkedin" if contact.linkedin else None
    ctx = DraftContext(
        user=draw(senders()),
        contact=contact,
        meeting=meeting,
        today=TODAY,
        channel=channel,
        news=draw(st.sampled_from(["", "I started a GIS course at the library."])),
    )
    return Case(kind, ctx)


BRACKET = re.compile(r"\[[^\[\]\n]+\]")
ALLOWED_LABELS = {f"[{FIELDS[name].label}]" for name in STUDENT_ONLY}


def serious(findings: list[Finding], draft: Draft) -> list[tuple[str, str]]:
    """Errors and warnings, less those a student-only blank causes by design."""
    gaps = set(draft.missing) & STUDENT_ONLY
    allowed = set()
    if gaps:
        allowed.add("placeholder")
    if "advice_phrase" in gaps:
        allowed.add("thank-you-not-specific")
    return [
        (f.rule, draft.body[f.start : f.end] if f.start is not None else f.message)
        for f in findings
        if f.severity in ("error", "warning") and f.rule not in allowed
    ]


@settings(max_examples=600, deadline=None)
@given(case=cases())
def test_every_built_in_draft_passes_our_own_checker(case: Case) -> None:
    draft = render(case.kind, case.ctx)
    text = (draft.subject or "") + "\n" + draft.body
    assert set(draft.missing) <= STUDENT_ONLY, draft.missing
    assert set(BRACKET.findall(text)) <= ALLOWED_LABELS, text
    for with_names in (True, False):
        # As the composer sees it (the people involved known), and as `POST /check` sees a
        # pasted text (only the student's own profile known).
        rules = RULE_SETS[case.ctx.user.rule_set]
        context = draft_check_context(draft, case.ctx, rules, contact_known=with_names)
        findings = check(draft.body, context)
        assert serious(findings, draft) == [], draft.body


@settings(max_examples=300, deadline=None)
@given(case=cases())
def test_a_referrer_who_declined_is_named_nowhere(case: Case) -> None:
    contact = case.ctx.contact
    if case.kind in {"close-the-loop", "introduction-blurb"} or not contact.referrer:
        return
    ctx = replace(case.ctx, contact=replace(contact, referrer_consent="no"))
    draft = render(case.kind, ctx)
    text = (draft.subject or "") + "\n" + draft.body
    others = f"{contact.first_name} {contact.last_name} {ctx.user.name} {contact.organization}"
    for word in set(contact.referrer.split()) - set(others.split()):
        assert not re.search(rf"\b{re.escape(word)}\b", text), (word, text)


WORDINGS = [
    *((kind, None) for kind in KINDS),
    *(
        ("request", v)
        for v in ("referred", "unnamed", "alumni", "warm", "cold", "2hjs-5", "2hjs-6")
    ),
    ("referral-intro", "unnamed"),
    ("linkedin-note", "after"),
]


@pytest.mark.parametrize(("kind", "variant"), WORDINGS)
def test_the_generated_drafts_reach_every_kind_and_wording(kind: str, variant: str | None) -> None:
    """The property above is only as good as its inputs: they reach every wording."""
    found = find(
        cases(),
        lambda c: c.kind == kind and variant in (None, render(c.kind, c.ctx).variant),
        settings=settings(max_examples=20_000, database=None),
    )
    assert found.kind == kind


def test_a_thank_you_says_yesterday_and_gives_the_advice_back_in_the_students_words() -> None:
    ended = datetime(2026, 11, 19, 15, 0, tzinfo=UTC)
    ctx = DraftContext(
        user=Sender(name="Sam Lee", school="Lakeside University"),
        contact=Recipient(first_name="Grace", last_name="Okoye", honorific="Ms."),
        meeting=MeetingRecap(date="19 November", day=ended.date(), advice="Learn GIS first."),
        today=TODAY,
    )
    draft = render("thank-you", ctx)
    assert "yesterday" in draft.body
    assert "your advice to learn GIS first" in draft.body
    assert draft.body.startswith("Dear Ms. Okoye,")


@pytest.mark.parametrize("name", sorted(STUDENT_ONLY))
def test_a_blank_only_the_student_can_fill_is_caught_before_sending(name: str) -> None:
    """The blanks a draft may leave are ones our checker flags, so none goes out unfilled."""
    body = f"Dear Ms. Okoye,\n\nThank you again. [{FIELDS[name].label}]\n\nSam Lee"
    findings = check(body, CheckContext(kind="thank-you", channel="email", subject="Thanks"))
    assert "placeholder" in {f.rule for f in findings}
