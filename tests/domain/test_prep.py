"""The logistics checklist of the prep sheet, by how the conversation is held."""

import pytest

from coffeechat.domain.prep import MODES, logistics


def texts(tips):
    return " ".join(f"{tip.text} {tip.why}" for tip in tips)


def test_video_means_testing_the_link_camera_and_sound_and_a_quiet_background():
    found = texts(logistics("video", place="https://meet.example.org/abc", name="Priya"))
    assert "test your camera and sound 10 minutes before" in found
    assert "quiet" in found and "background" in found
    assert "resume" not in found
    assert "Arrive" not in found


def test_video_without_a_link_says_to_ask_for_it():
    assert "Ask for the link when you confirm" in texts(logistics("video"))


def test_in_person_means_arriving_early_where_dress_resume_copies_and_a_notebook():
    found = texts(logistics("in-person", place="Blue Bottle, 5th Street"))
    assert "Arrive 10–15 minutes early at Blue Bottle, 5th Street." in found
    assert "Dress one step above what people there wear every day" in found
    assert "a few copies of your resume and a notebook" in found
    assert "camera" not in found


def test_in_person_without_a_place_says_to_check_it():
    assert "The place isn't on file yet" in texts(logistics("in-person"))


def test_phone_means_a_quiet_room_their_number_and_who_calls_whom():
    found = texts(logistics("phone", phone="+1 212 555 0100", name="Priya"))
    assert "quiet room" in found
    assert "Priya's number: +1 212 555 0100" in found
    assert "you make the call" in found
    assert "resume" not in found


def test_phone_without_a_number_asks_for_one_and_names_them():
    found = texts(logistics("phone", name="  Priya "))
    assert "no number on file for Priya" in found
    assert "who calls whom" in found


@pytest.mark.parametrize("mode", MODES)
def test_every_mode_confirms_the_day_before_and_explains_each_tip(mode):
    tips = logistics(mode, name="Priya")
    assert tips[0].text.startswith("Confirm the day before")
    assert len(tips) >= 3
    assert all(tip.text and tip.why for tip in tips)


def test_an_unknown_mode_gets_only_the_general_tip():
    assert [tip.text for tip in logistics("carrier pigeon")] == [
        "Confirm the day before with a short, friendly note."
    ]
