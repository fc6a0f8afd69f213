import pytest

from coffeechat.domain.importers import (
    is_linkedin_url,
    normalize_linkedin_url,
    normalize_name,
    normalize_org,
    org_base,
)


def test_normalize_name_folds_case_accents_and_spaces():
    assert normalize_name("  Zoë ", "ÑÚÑEZ") == "zoe nunez"
    assert normalize_name("Łukasz", "Wiśniewski") == "lukasz wisniewski"
    assert normalize_name("Jürgen", "Weiß") == "jurgen weiss"
    assert normalize_name("陈", "小明") == "陈 小明"
    assert normalize_name("", "Ruiz") == "ruiz"


def test_normalize_org_ignores_punctuation_and_spacing():
    assert normalize_org("Blue-Heron  Analytics, Inc.") == normalize_org("blue heron analytics inc")
    assert normalize_org("Érable") == "erable"
    assert normalize_org("Acme Inc.") != normalize_org("Acme")


@pytest.mark.parametrize(
    "name",
    [
        "Acme",
        "ACME Inc.",
        "Acme, Inc",
        "Acme LLC",
        "Acme Ltd.",
        "Acme GmbH",
        "Acme Corp.",
        "Acme Co.",
        "Acme S.A.",
        "Acme Co. Ltd",
    ],
)
def test_org_base_strips_legal_suffixes(name):
    assert org_base(name) == "acme"


def test_org_base_keeps_a_name_that_is_only_a_suffix():
    assert org_base("Company") == "company"
    assert org_base("") == ""


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("https://www.linkedin.com/in/Jane-Doe-123/", "https://www.linkedin.com/in/jane-doe-123"),
        ("http://linkedin.com/in/jane?trk=abc#x", "https://www.linkedin.com/in/jane"),
        ("uk.linkedin.com/in/jane", "https://www.linkedin.com/in/jane"),
        (" HTTPS://WWW.LINKEDIN.COM/IN/JANE ", "https://www.linkedin.com/in/jane"),
        ("https://www.linkedin.com/in/zo%C3%AB", "https://www.linkedin.com/in/zo%C3%AB"),
        ("https://www.linkedin.com/in/zoë", "https://www.linkedin.com/in/zo%C3%AB"),
        ("https://example.com/in/jane/", "https://example.com/in/jane/"),
        ("", ""),
    ],
)
def test_normalize_linkedin_url(raw, expected):
    assert normalize_linkedin_url(raw) == expected


def test_is_linkedin_url():
    assert is_linkedin_url("linkedin.com/in/x")
    assert not is_linkedin_url("https://notlinkedin.com/in/x")
    assert not is_linkedin_url("https://linkedin.com.evil.example/in/x")
    assert not is_linkedin_url("http://[broken")
