from collections.abc import Hashable

from hypothesis import given, settings
from hypothesis import strategies as st

from coffeechat.domain.insights import STOP_WORDS, Note, Phrase, phrases_in, recurring_phrases


def test_phrases_skip_stop_words_and_stay_within_a_clause():
    found = phrases_in("Learn the SQL basics. Then Python!")
    assert {"learn", "sql", "basics", "learn sql", "sql basics", "learn sql basics"} <= found
    assert "basics python" not in found  # across a full stop
    assert not found & STOP_WORDS


def test_a_phrase_counts_once_per_person():
    notes = [
        Note(1, "Ana", "Networking matters. Networking, networking."),
        Note(1, "Ana", "Really, networking."),
    ]
    assert recurring_phrases(notes) == []


def test_shared_phrases_name_the_people_and_prefer_the_longer_phrase():
    notes = [
        Note(1, "Ana", "Learn SQL early."),
        Note(2, "Ben", "You should learn SQL; and read widely."),
        Note(3, "Cy", "Read widely, and learn SQL too."),
    ]
    phrases = recurring_phrases(notes)
    assert [(p.text, p.people) for p in phrases] == [
        ("learn sql", ("Ana", "Ben", "Cy")),
        ("read widely", ("Ben", "Cy")),
    ]


def test_a_shorter_phrase_stays_when_more_people_used_it():
    notes = [
        Note(1, "Ana", "Build a portfolio site"),
        Note(2, "Ben", "Build a portfolio"),
        Note(3, "Cy", "A portfolio helps"),
    ]
    texts = [p.text for p in recurring_phrases(notes)]
    assert texts == ["portfolio", "build portfolio"]


def test_curly_apostrophes_and_accents_are_words_too():
    assert "café culture" in phrases_in("The café culture isn’t for everyone")
    assert "isn't" not in phrases_in("It isn’t easy")


@given(st.lists(st.tuples(st.integers(0, 4), st.text(max_size=60)), max_size=12))
def test_every_recurring_phrase_has_at_least_two_different_people(rows):
    notes = [Note(person, f"P{person}", text) for person, text in rows]
    for phrase in recurring_phrases(notes, limit=100):
        assert len(set(phrase.people)) == len(phrase.people) >= 2
        assert 1 <= len(phrase.text.split()) <= 3


def _every_pair(notes: list[Note]) -> list[Phrase]:
    """The rule as first written, comparing every shared phrase with every other."""
    said_by: dict[str, dict[Hashable, str]] = {}
    for note in notes:
        for phrase in phrases_in(note.text):
            said_by.setdefault(phrase, {}).setdefault(note.person, note.name)
    shared = {p: people for p, people in said_by.items() if len(people) >= 2}
    kept = [
        p
        for p, people in shared.items()
        if not any(
            other != p and f" {p} " in f" {other} " and shared[other].keys() == people.keys()
            for other in shared
        )
    ]
    kept.sort(key=lambda p: (-len(shared[p]), -len(p.split()), p))
    return [Phrase(p, tuple(shared[p].values())) for p in kept[:12]]


_WORDS = st.sampled_from(["learn", "sql", "field", "work", "data", "the", "policy", "maps", "."])


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 4), st.lists(_WORDS, min_size=1, max_size=8)),
        min_size=1,
        max_size=12,
    )
)
def test_comparing_within_the_same_people_finds_what_every_pair_found(
    raw: list[tuple[int, list[str]]],
) -> None:
    notes = [Note(person, f"P{person}", " ".join(words)) for person, words in raw]
    assert recurring_phrases(notes) == _every_pair(notes)
