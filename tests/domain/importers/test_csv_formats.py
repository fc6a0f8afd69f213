import pytest

from coffeechat.domain.importers import IGNORE, read_contacts


def test_google_csv_new_layout(sample):
    result = sample("google_contacts.csv")
    assert result.format == "google-csv"
    tomasz, ines = result.rows
    assert (tomasz.first_name, tomasz.last_name) == ("Tomasz", "Kowalczyk")
    assert tomasz.organization == "Northwind Ledger"
    assert tomasz.title == "Controller"
    assert tomasz.department == "Finance"
    assert tomasz.emails == ("tomasz@northwind.example", "tk@mail.example")
    # Google joins several values in one cell with " ::: ".
    assert tomasz.phones == ("+48 600 100 200", "+48 600 100 201", "+48 22 555 0100")
    assert tomasz.linkedin_url == "https://www.linkedin.com/in/tomasz-k"
    assert tomasz.website == "https://tomasz.example/blog"
    assert tomasz.location == "Warsaw"
    assert tomasz.tags == ("Alumni",)
    assert tomasz.notes == "Met at the alumni mixer; wants to talk about audit careers"
    assert ines.organization == "Lumen, Cole & Partners"
    assert ines.location == "Lyon"
    assert result.columns["E-mail 1 - Label"] == IGNORE
    assert result.columns["Phone 2 - Value"] == "phones"


def test_google_csv_older_layout(sample):
    result = sample("google_contacts_old.csv")
    assert result.format == "google-csv"
    (grace,) = result.rows
    assert (grace.first_name, grace.last_name) == ("Grace", "Oduya")
    assert (grace.organization, grace.title, grace.department) == (
        "Savanna Labs",
        "CTO",
        "Platform",
    )
    assert grace.emails == ("grace@savanna.example",)
    assert grace.phones == ("+254 700 000 111",)
    assert grace.linkedin_url == "https://www.linkedin.com/in/grace-oduya"
    assert grace.tags == ("Mentors",)


def test_outlook_csv_in_cp1252(sample):
    result = sample("outlook_contacts.csv")
    assert result.format == "outlook-csv"
    assert result.encoding == "cp1252"
    rene, siobhan = result.rows
    assert (rene.first_name, rene.last_name) == ("René", "Côté")
    assert rene.title == "Principal"  # "Job Title", not Outlook's "Title" (Mr./Ms.)
    assert result.columns["Title"] == "honorific"  # Outlook's "Title" is Mr./Ms.
    assert (rene.honorific, siobhan.honorific) == ("Mr.", "Ms.")
    assert result.columns["E-mail Display Name"] == IGNORE
    assert rene.organization == "Érable Consulting"
    assert rene.department == "Strategy"
    assert rene.emails == ("rene.cote@erable.example", "rene@home.example")
    assert rene.phones == ("+1 514 555 0199", "+1 514 555 0142")
    assert rene.website == "https://erable.example"
    assert rene.location == "Montréal"
    assert rene.notes == "Prefers mornings, en français"
    assert rene.tags == ("Mentors", "Quebec")
    assert siobhan.last_name == "Ní Bhriain"


def test_generic_csv_with_bom_full_names_and_unknown_columns(sample):
    result = sample("generic_bom.csv")
    assert result.format == "csv"
    assert result.encoding == "utf-8-sig"
    assert result.columns["Favourite Colour"] == IGNORE
    chidi, madonna, formula = result.rows
    assert (chidi.first_name, chidi.last_name) == ("Chidi", "Okafor")  # "Okafor, Chidi"
    assert chidi.emails == ("chidi@ember.example", "c.okafor@mail.example")
    assert chidi.organization == "Ember Energy"
    assert chidi.title == "Analyst"
    assert chidi.linkedin_url == "https://www.linkedin.com/in/chidi-okafor"
    assert chidi.tags == ("energy", "alumni")
    assert (madonna.first_name, madonna.last_name) == ("Madonna", "")
    # Kept as typed: the exporters, not the importer, make such text harmless.
    assert formula.first_name.startswith("=HYPERLINK")


def test_semicolon_csv_from_a_european_excel(sample):
    result = sample("europe_semicolon.csv")
    assert result.encoding == "cp1252"
    amelie, jurgen = result.rows
    assert (amelie.first_name, amelie.last_name) == ("Amélie", "Lefèvre")
    assert amelie.organization == "Cerisier SARL"
    assert amelie.title == "Chargée de projet"
    assert amelie.phones == ("+33 6 12 34 56 78",)
    assert jurgen.organization == "Stahl; Söhne GmbH"
    assert jurgen.last_name == "Weiß"


def test_excel_unicode_text_is_utf16_tab_separated(sample):
    result = sample("excel_unicode.txt")
    assert result.encoding == "utf-16"
    kwame, yuki = result.rows
    assert (kwame.first_name, kwame.last_name) == ("Kwame", "Mensah")
    assert kwame.emails == ("kwame@adinkra.example",)
    assert yuki.organization == "Sakura Rail"


def test_utf16_without_bom_is_recognized():
    data = "Name\tEmail\r\nYuki Tanaka\tyuki@sakura.example\r\n".encode("utf-16-le")
    result = read_contacts(data)
    assert result.encoding == "utf-16-le"
    assert result.rows[0].emails == ("yuki@sakura.example",)


def test_column_map_overrides_the_guess():
    data = b"Who,Reach me at,Org,Title\nAna Ruiz,ana@x.example,Solano,Mr\n"
    result = read_contacts(
        data, column_map={"Who": "name", "Reach me at": "email", "Title": "ignore"}
    )
    (ana,) = result.rows
    assert (ana.first_name, ana.last_name) == ("Ana", "Ruiz")
    assert ana.emails == ("ana@x.example",)
    assert ana.title == ""
    assert ana.organization == ""
    assert result.columns == {
        "Who": "name",
        "Reach me at": "emails",
        "Org": IGNORE,
        "Title": IGNORE,
    }


def test_column_map_finds_a_header_no_guess_would():
    data = b"Who,Where\nAna Ruiz,Solano\n"
    result = read_contacts(data, column_map={"who": "name", "where": "organization"})
    assert result.rows[0].organization == "Solano"


def test_column_map_rejects_an_unknown_field():
    with pytest.raises(ValueError, match="Unknown field"):
        read_contacts(b"Name\nAna\n", column_map={"Name": "shoe size"})


def test_columns_round_trip_as_a_column_map(sample):
    first = sample("outlook_contacts.csv")
    again = sample("outlook_contacts.csv", column_map=first.columns)
    assert again.rows == first.rows


def test_forced_formats():
    data = b"First Name,Last Name,Email\nAna,Ruiz,ana@x.example\n"
    assert read_contacts(data, fmt="outlook-csv").format == "outlook-csv"
    assert read_contacts(data, fmt="google-csv").format == "google-csv"
    assert read_contacts(data, fmt="csv").format == "csv"


def test_quoted_cells_spanning_lines_keep_later_line_numbers_right():
    data = b'Name,Notes\r\nAna Ruiz,"first\r\nsecond"\r\nYuki Tanaka,\r\n'
    ana, yuki = read_contacts(data).rows
    assert ana.notes == "first\nsecond"
    assert (ana.line, yuki.line) == (2, 4)


def test_extra_and_missing_cells_are_tolerated():
    data = b"Name,Email,Company\nAna Ruiz\nYuki Tanaka,yuki@sakura.example,Sakura,extra\n"
    ana, yuki = read_contacts(data).rows
    assert ana.emails == ()
    assert yuki.organization == "Sakura"


def test_control_characters_never_reach_a_name():
    data = 'Name,Email\n"Ana\x07 \x1b[31mRuiz\u2028Jr",ana@x.example\n'.encode()
    (ana,) = read_contacts(data).rows
    assert ana.first_name + " " + ana.last_name == "Ana [31mRuiz Jr"


def test_bidirectional_overrides_are_removed_from_names():
    data = "Name,Email\nAna \u202eziuR,ana@x.example\n".encode()
    (ana,) = read_contacts(data).rows
    assert ana.last_name == "ziuR"


def test_a_csv_mentioning_vcards_in_a_note_is_still_a_csv():
    data = b"Name,Notes\nAna Ruiz,sent me BEGIN:VCARD by mistake\n"
    assert read_contacts(data).format == "csv"


def test_results_are_hashable_despite_the_columns_dict():
    result = read_contacts(b"Name\nAna Ruiz\n")
    assert hash(result) == hash(read_contacts(b"Name\nAna Ruiz\n"))
