"""The student's choices over an import's fields of work, between preview and confirm."""

from __future__ import annotations

from coffeechat.domain.field_choices import FieldChoices


def test_guesses_stand_until_the_student_says_otherwise() -> None:
    choices = FieldChoices()
    assert choices.field_for(2, "UX design") == "UX design"
    one_row = choices.revised(None, {3: "  user   research "})
    assert one_row.field_for(3, "UX design") == "user research"
    assert one_row.field_for(2, "UX design") == "UX design"


def test_a_new_whole_import_choice_starts_over_and_rows_changed_with_it_win() -> None:
    choices = FieldChoices(None, {3: "user research"})
    everyone = choices.revised("GIS", {4: ""})
    assert everyone.rows == {4: ""}
    assert (everyone.field_for(3, "UX design"), everyone.field_for(4, "UX design")) == ("GIS", "")
    same = everyone.revised("GIS", {5: "law"})
    assert same.rows == {4: "", 5: "law"}  # the same whole choice keeps the rows changed before
    assert FieldChoices().revised("", {}).field_for(2, "UX design") == ""


def test_choices_survive_json_and_malformed_json_keeps_the_guesses() -> None:
    choices = FieldChoices("GIS", {7: "law"})
    assert FieldChoices.from_json(choices.as_json()) == choices
    assert FieldChoices.from_json(FieldChoices().as_json()) == FieldChoices()
    assert FieldChoices.from_json({"whole": 3, "rows": {"x": "a", "8": 9}}) == FieldChoices()
    assert FieldChoices.from_json(None) == FieldChoices()
