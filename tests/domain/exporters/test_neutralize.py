import pytest

from coffeechat.domain.exporters import FORMULA_STARTS, neutralize


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_each_dangerous_start_is_neutralized(start):
    assert neutralize(f"{start}cmd|' /C calc'!A0") == f"'{start}cmd|' /C calc'!A0"


@pytest.mark.parametrize("value", ["Ana Ruiz", "", "a=b", "'already quoted", "café"])
def test_ordinary_text_is_untouched(value):
    assert neutralize(value) == value


def test_phone_numbers_are_neutralized_too():
    assert neutralize("+1 555 0100") == "'+1 555 0100"


def test_all_six_characters_are_covered():
    assert set(FORMULA_STARTS) == {"=", "+", "-", "@", "\t", "\r"}
