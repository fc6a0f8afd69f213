"""Whatever people type, rendering finishes and fills every placeholder of the template."""

from __future__ import annotations

import re
from dataclasses import astuple

from hypothesis import given, settings
from hypothesis import strategies as st

from coffeechat.domain.drafts import (
    KINDS,
    DraftContext,
    MeetingRecap,
    Recipient,
    Referral,
    Sender,
    render,
)
from coffeechat.domain.drafts.variants import WARM_SOURCES

PLACEHOLDER_LIKE = re.compile(r"\{[a-z_]+\}")

tricky = st.sampled_from(["{", "}", "[", "]", "\n", "\r\n", " ", "{my_name}", "{x", "_", "."])


def texts(extra: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.lists(st.one_of(st.text(max_size=8), extra), max_size=6).map("".join)


def lines(extra: st.SearchStrategy[str]) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(texts(extra), max_size=3).map(tuple)


def contexts(extra: st.SearchStrategy[str]) -> st.SearchStrategy[DraftContext]:
    how_found = st.sampled_from(["", "referral", "alumni", "online", *sorted(WARM_SOURCES)])
    return st.builds(
        DraftContext,
        user=st.builds(
            Sender,
            name=texts(extra),
            school=texts(extra),
            program=texts(extra),
            year=texts(extra),
            role=texts(extra),
            introduction=texts(extra),
            interests=lines(extra),
            email=texts(extra),
            phone=texts(extra),
            address=lines(extra),
        ),
        contact=st.builds(
            Recipient,
            first_name=texts(extra),
            last_name=texts(extra),
            title=texts(extra),
            organization=texts(extra),
            field=texts(extra),
            how_found=how_found | texts(extra),
            source=texts(extra),
            referrer=texts(extra),
            address=lines(extra),
            linkedin=texts(extra),
        ),
        meeting=st.builds(
            MeetingRecap,
            date=texts(extra),
            advice=texts(extra),
            referrals=lines(extra).map(lambda names: tuple(Referral(n) for n in names)),
            topics=lines(extra),
            next_step=texts(extra),
            resources=lines(extra),
        ),
        minutes=st.integers(1, 90),
        today=st.none() | st.dates(),
        follow_up_when=texts(extra),
        linkedin_char_limit=st.integers(1, 400),
        news=texts(extra),
    )


def typed_values(ctx: DraftContext) -> str:
    parts: list[str] = []
    for record in (ctx.user, ctx.contact, ctx.meeting):
        for value in astuple(record):
            for item in value if isinstance(value, tuple) else [value]:
                parts.extend(i for i in (item if isinstance(item, tuple) else [item]))
    parts = [p for p in parts if isinstance(p, str)]
    parts += [ctx.follow_up_when, ctx.news]
    return "\n".join(parts)


@settings(max_examples=150, deadline=None)
@given(kind=st.sampled_from(KINDS), ctx=contexts(tricky))
def test_render_never_fails_and_leaves_only_what_was_typed(kind: str, ctx: DraftContext) -> None:
    draft = render(kind, ctx)
    typed = typed_values(ctx)
    for text in (draft.subject or "", draft.body):
        for token in PLACEHOLDER_LIKE.findall(text):
            assert token in typed
    if draft.subject is not None:
        assert "\n" not in draft.subject
        assert "\r" not in draft.subject
    if kind == "linkedin-note":
        assert len(draft.body) <= ctx.linkedin_char_limit


no_braces = st.sampled_from(["[", "]", "\n", " ", "_", "."])


@settings(max_examples=150, deadline=None)
@given(
    kind=st.sampled_from(KINDS),
    ctx=contexts(no_braces).filter(
        lambda c: "{" not in typed_values(c) and "}" not in typed_values(c)
    ),
)
def test_without_braces_typed_no_brace_reaches_the_draft(kind: str, ctx: DraftContext) -> None:
    draft = render(kind, ctx)
    assert "{" not in (draft.subject or "") + draft.body
    assert "}" not in (draft.subject or "") + draft.body
