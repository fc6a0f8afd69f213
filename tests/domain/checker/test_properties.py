"""Properties that hold for any text: `check` never raises and offsets stay inside the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from coffeechat.domain.checker import KINDS, RULE_SETS, CheckContext, check
from coffeechat.domain.findings import SEVERITIES

# Text built from pieces the rules care about, so the interesting paths get exercised.
PIECES = st.sampled_from(
    [
        "Dear Ms. Ortiz,\n", "I'm a junior. ", "an hour", "20-30 minutes", "____", "[Name]",
        "(Last Name)", "{{ x }}", "XXXX", "Your Name", "looking for a job", "not ", "?",
        "Tom Whitaker", "thier", "Hi Aisha,", "Dear Mr. Johnson,", "hiring", "refer me",
 "https://a.b/c", "é", "\n", " ", ".", "’", "-", "Mr./Ms.",
    ]
)  # fmt: skip
TEXT = st.one_of(
    st.text(max_size=400), st.lists(st.one_of(PIECES, st.text(max_size=8))).map("".join)
)


@settings(max_examples=200, deadline=None)
@given(
    text=TEXT,
    kind=st.sampled_from(KINDS),
    rules=st.sampled_from(list(RULE_SETS.values())),
    referrer=st.one_of(st.none(), st.text(max_size=20), st.just("Tom Whitaker")),
    to=st.one_of(st.none(), st.text(max_size=20), st.just("Aisha Bello")),
    minutes=st.one_of(st.none(), st.integers(min_value=0, max_value=300)),
    other=st.lists(st.text(max_size=100), max_size=2),
)
def test_check_never_raises_and_offsets_are_inside_the_text(
    text: str,
    kind: str,
    rules: object,
    referrer: str | None,
    minutes: int | None,
    other: list[str],
    to: str | None,
) -> None:
    context = CheckContext(
        kind=kind,  # type: ignore[arg-type]
        channel="email",
        referrer_name=referrer,
        minutes=minutes,
        rules=rules,  # type: ignore[arg-type]
        other_bodies=tuple(other),
        meeting_notes=(text[:20],),
        recipient_name=to,
    )
    findings = check(text, context)
    for finding in findings:
        assert finding.severity in SEVERITIES
        assert finding.message
        if finding.start is not None:
            assert finding.end is not None
            assert 0 <= finding.start < finding.end <= len(text)
    keys = [(SEVERITIES.index(f.severity), -1 if f.start is None else f.start) for f in findings]
    assert keys == sorted(keys)
    spans = [(f.rule, f.start, f.end) for f in findings]
    assert len(spans) == len(set(spans))
