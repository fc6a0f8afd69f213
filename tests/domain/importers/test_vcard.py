from coffeechat.domain.importers import read_contacts


def test_google_vcard_fields(sample):
    result = sample("google.vcf")
    assert result.format == "vcard"
    assert result.columns == {}
    zoe, solo = result.rows
    assert zoe.line == 1
    assert (zoe.first_name, zoe.last_name) == ("Zoë", "Ñúñez")
    assert zoe.emails == ("zoe@blueheron.example", "zoe.nunez@mail.example")
    assert zoe.phones == ("+1 206 555 0123", "+1 206 555 0456")
    assert zoe.organization == "Blue Heron Analytics, Inc."
    assert zoe.department == "Insights; Research"
    assert zoe.title.endswith("Open Government Projects")  # a folded line, joined back
    assert zoe.linkedin_url == "https://www.linkedin.com/in/zoe-nunez-4821"
    assert zoe.website == "https://zoe.example"
    assert zoe.notes == "Met at the data meetup, very generous with time.\nFollow up in spring."
    assert zoe.location == "Seattle, WA, USA"
    assert zoe.tags == ("Data",)  # Google's own "myContacts" group is left out
    assert solo.line == 18
    assert (solo.first_name, solo.last_name) == ("Solo", "Person")  # from FN, no N


def test_apple_vcard_with_groups_and_photo(sample):
    (lukasz,) = sample("apple.vcf").rows
    assert (lukasz.first_name, lukasz.last_name) == ("Łukasz", "Wiśniewski")
    assert lukasz.emails == ("lukasz@vistula.example",)
    assert lukasz.phones == ("+48 501 222 333",)
    assert lukasz.organization == "Vistula Robotics"
    assert lukasz.department == ""
    assert lukasz.linkedin_url == "https://www.linkedin.com/in/lukasz-w"


def test_outlook_vcard_21_quoted_printable(sample):
    result = sample("outlook.vcf")
    (rene,) = result.rows
    assert (rene.first_name, rene.last_name) == ("René", "Côté")
    assert rene.organization == "Érable Consulting"
    assert rene.department == "Stratégie"
    assert rene.notes == (
        "Prefers mornings.\nAsk about the consulting track, and the case interviews."
    )
    assert rene.emails == ("rene.cote@erable.example",)
    assert rene.phones == ("+1 514 555 0199", "+1 514 555 0142")
    assert rene.website == "https://erable.example"
    assert result.rejects == ()


def test_one_broken_card_is_a_reject_not_a_failed_file(sample):
    result = sample("mixed_versions.vcf")
    assert [row.line for row in result.rows] == [1, 16]
    chen = result.rows[0]
    assert (chen.first_name, chen.last_name) == ("小明", "陈")  # vCard 4.0
    assert chen.phones == ("+86-21-5555-0100",)  # "tel:" URI prefix dropped
    assert [reject.line for reject in result.rejects] == [9]
    assert "couldn't read the contact card" in result.rejects[0].reason


def test_unescaped_commas_in_text_are_kept():
    card = (
        "BEGIN:VCARD\nVERSION:3.0\nFN:Ana Ruiz\nNOTE:Kind, direct; helpful\n"
        "TITLE:Director, Research\nEND:VCARD\n"
    )
    (row,) = read_contacts(card.encode()).rows
    assert row.notes == "Kind, direct; helpful"
    assert row.title == "Director, Research"


def test_card_without_end_is_still_read():
    (row,) = read_contacts(b"BEGIN:VCARD\nVERSION:3.0\nFN:Ana Ruiz\n").rows
    assert (row.first_name, row.last_name) == ("Ana", "Ruiz")


def test_card_with_only_an_organization_is_rejected():
    result = read_contacts(b"BEGIN:VCARD\nVERSION:3.0\nFN:\nORG:Acme\nEND:VCARD\n")
    assert result.rows == ()
    assert [reject.line for reject in result.rejects] == [1]


def test_vcard_detected_from_content_and_by_vcf_name():
    card = b"BEGIN:VCARD\nVERSION:3.0\nFN:Ana Ruiz\nEND:VCARD\n"
    assert read_contacts(card, filename="contacts.csv").format == "vcard"
    assert read_contacts(b"\n\n" + card, filename="x.vcf").format == "vcard"
