from hypothesis import given
from hypothesis import strategies as st

from coffeechat.domain.insights import STOP_WORDS, Note, phrases_in, recurring_phrases


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
