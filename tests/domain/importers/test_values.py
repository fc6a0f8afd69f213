from datetime import date

import pytest

from coffeechat.domain.importers.values import (
    parse_date,
    split_emails,
    split_full_name,
    split_list,
    split_phones,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("21 Nov 2026", date(2026, 11, 21)),
        ("1 September 2025", date(2025, 9, 1)),
        ("11/21/26", date(2026, 11, 21)),
        ("11/21/2026", date(2026, 11, 21)),
        ("2026-11-21", date(2026, 11, 21)),
        ("2026-11-21 00:00:00", date(2026, 11, 21)),
        ("Nov 21, 2026", date(2026, 11, 21)),
        ("31 Feb 2025", None),
        ("soon", None),
        ("", None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


def test_split_emails():
    assert split_emails("A@X.example; b@y.example ::: mailto:c@z.example") == (
        ["a@x.example", "b@y.example", "c@z.example"],
        [],
    )
    assert split_emails("Ana Ruiz <ana@x.example>") == (["ana@x.example"], [])
    assert split_emails("ana(at)x.example, bad@") == ([], ["ana(at)x.example", "bad@"])


def test_split_full_name():
    assert split_full_name("Ana María Ruiz") == ("Ana María", "Ruiz")
    assert split_full_name("Ruiz, Ana") == ("Ana", "Ruiz")
    assert split_full_name("Madonna") == ("Madonna", "")
    assert split_full_name("") == ("", "")


def test_split_list_and_phones():
    assert split_list("a, b;c ::: d") == ["a", "b", "c", "d"]
    assert split_phones("+1 555 0100, ext 2 ::: +1 555 0101") == [
        "+1 555 0100, ext 2",
        "+1 555 0101",
    ]
