from coffeechat.domain.exporters import VCardData, to_vcards
from coffeechat.domain.importers import read_contacts

PEOPLE = (
    VCardData(
        first_name="Zoë",
        last_name="Ñúñez",
        emails=("zoe@blueheron.example", "zoe.nunez@mail.example"),
        phones=("+1 206 555 0123",),
        organization="Blue Heron Analytics, Inc.",
        department="Insights; Research",
        title="Data Analyst, Civic Projects",
        website="https://zoe.example",
        linkedin_url="https://www.linkedin.com/in/zoe-nunez-4821",
        notes="Generous with time.\nFollow up in spring; ask about the fellowship.",
        tags=("data", "alumni"),
    ),
    VCardData(first_name="陈", last_name="小明", emails=("chen@harbor.example",)),
    VCardData(first_name="Łukasz", last_name="Wiśniewski", title="A" * 120),
)


def test_vcards_round_trip_through_the_importer():
    result = read_contacts(to_vcards(PEOPLE))
    assert result.format == "vcard"
    assert result.rejects == ()
    for card, row in zip(PEOPLE, result.rows, strict=True):
        assert (row.first_name, row.last_name) == (card.first_name, card.last_name)
        assert row.emails == card.emails
        assert row.phones == card.phones
        assert (row.organization, row.department) == (card.organization, card.department)
        assert row.title == card.title
        assert row.website == card.website
        assert row.linkedin_url == card.linkedin_url
        assert row.notes == card.notes
        assert row.tags == card.tags


def test_vcards_are_version_3_with_crlf_and_folded_lines():
    text = to_vcards(PEOPLE).decode("utf-8")
    assert text.count("BEGIN:VCARD") == 3
    assert "VERSION:3.0\r\n" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert "FN:Zoë Ñúñez\r\n" in text


def test_a_card_without_a_name_still_has_a_display_name():
    text = to_vcards([VCardData(organization="Solano Health")]).decode()
    assert "FN:Solano Health" in text
    assert "FN:Unnamed contact" in to_vcards([VCardData()]).decode()
