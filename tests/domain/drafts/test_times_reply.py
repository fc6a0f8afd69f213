"""Times offered in a new short reply, named in words in both zones when the contact's is known."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from coffeechat.domain.drafts.times import Slot, format_slot_in_zones, times_reply, zone_label

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
TOKYO = ZoneInfo("Asia/Tokyo")
TUESDAY = Slot(datetime(2026, 12, 8, 15, tzinfo=UTC), datetime(2026, 12, 8, 15, 20, tzinfo=UTC))
NEXT_YEAR = Slot(datetime(2027, 1, 4, 15, tzinfo=UTC), datetime(2027, 1, 4, 15, 20, tzinfo=UTC))


def test_zones_are_named_in_words():
    assert zone_label("Europe/London") == "London time"
    assert zone_label("America/Argentina/Buenos_Aires") == "Buenos Aires time"
    assert zone_label("UTC") == "UTC"


def test_one_zone_is_named_explicitly():
    assert format_slot_in_zones(TUESDAY, LONDON) == "Tue 8 Dec, 15:00–15:20 (London time)"


def test_both_zones_when_the_second_is_known_and_different():
    assert (
        format_slot_in_zones(TUESDAY, LONDON, NEW_YORK)
        == "Tue 8 Dec, 15:00–15:20 London time (10:00–10:20 New York time)"
    )
    assert format_slot_in_zones(TUESDAY, LONDON, LONDON) == "Tue 8 Dec, 15:00–15:20 (London time)"


def test_the_other_day_is_named_when_it_differs():
    assert format_slot_in_zones(TUESDAY, LONDON, TOKYO).endswith(
        "(Wed 9 Dec, 00:00–00:20 Tokyo time)"
    )


def test_the_year_appears_only_when_it_is_not_this_year():
    assert "2027" in format_slot_in_zones(NEXT_YEAR, LONDON, this_year=2026)
    assert "2026" not in format_slot_in_zones(TUESDAY, LONDON, this_year=2026)


def test_the_reply_greets_them_and_lists_their_time_first_with_mine_in_brackets():
    text = times_reply([TUESDAY], LONDON, NEW_YORK, name="Priya", this_year=2026)
    assert text.startswith("Hi Priya,\n\n")
    assert "- Tue 8 Dec, 10:00–10:20 New York time (15:00–15:20 London time)" in text
    assert "name a time that does" in text


def test_without_their_zone_the_reply_names_mine():
    text = times_reply([TUESDAY], LONDON, this_year=2026)
    assert text.startswith("Hello,")
    assert "- Tue 8 Dec, 15:00–15:20 (London time)" in text


def test_no_free_slots_still_gives_a_warm_flexible_reply():
    text = times_reply([], LONDON, name="Priya")
    assert "flexible" in text and "Tue" not in text
