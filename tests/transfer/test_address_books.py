"""Real address-book files in through `coffeechat import FILE --json`, read back through
`coffeechat export FILE.json`: the path the testers' 44 files took. The files are in
tests/transfer/files/ (SOURCES.md says where each came from)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from coffeechat.cli.main import main

FILES = Path(__file__).parent / "files"


def run(argv: list[str], capsys: Any) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def import_json(path: Path, capsys: Any) -> dict[str, Any]:
    code, out, err = run(["import", str(path), "--json"], capsys)
    assert code == 0, err
    result: dict[str, Any] = json.loads(out)
    return result


def exported_people(tmp_path: Path, capsys: Any) -> dict[str, dict[str, Any]]:
    """Everyone in a fresh `coffeechat export backup.json`, by full name, with the
    organization's name in place of its position in the backup."""
    target = tmp_path / "backup.json"
    code, _, err = run(["export", str(target)], capsys)
    assert code == 0, err
    data = json.loads(target.read_text())["data"]
    orgs = [org["name"] for org in data["network.organization"]]
    people: dict[str, dict[str, Any]] = {}
    for person in data["network.contact"]:
        org = person["organization"]
        person["organization"] = orgs[org - 1] if org else ""
        people[f"{person['first_name']} {person['last_name']}".strip()] = person
    return people


# Per file: who must arrive, with what (a subset of the exported contact's fields).
EXPECTED: dict[str, dict[str, dict[str, Any]]] = {
    "thunderbird.csv": {
        "Priya Raman": {
            "email": "priya.raman@tidewater.example",
            "phone": "+44 20 7946 0018",
            "organization": "Tidewater Analytics",
            "title": "Data Analyst",
            "linkedin_url": "https://www.linkedin.com/in/priya-raman-example",
            "location": "Bristol, United Kingdom",
            "postal_address": "1 Quay Street\nBristol BS1 4DJ\nUnited Kingdom",
        },
        "Tomás Ortega": {"email": "tomas@ortega.example", "phone": "+34 612 34 56 78"},
    },
    "linkedin_2018.csv": {
        "Amara Okafor": {
            "email": "amara.okafor@lagoswater.example",
            "organization": "Lagos Water Trust",
            "title": "Programme Officer",
            "connected_on": "2018-01-08",
            "how_found": "linkedin",
        },
        "Lukas Brandt": {"connected_on": "2017-12-24", "how_found": "linkedin"},
    },
    "linkedin_imported_contacts.csv": {
        "Grace Abena Mensah": {
            "honorific": "Dr.",
            "email": "grace.mensah@univ.example",
            "phone": "+233 30 221 3850",
            "title": "Research Fellow",
            "location": "Accra",
        },
        "Olu Adeyemi": {"email": "olu@adeyemi.example", "phone": "+234 803 123 4567"},
    },
    "outlook_de.csv": {
        "Katrin Maria Vogel": {
            "honorific": "Ms.",
            "email": "katrin.vogel@rheinwerk.example",
            "phone": "+49 221 5550170",
            "organization": "Rheinwerk Stiftung",
            "title": "Referentin",
            "location": "Köln, NRW, Deutschland",
            "postal_address": "Domplatz 3\nKöln, NRW 50667\nDeutschland",
        },
    },
    "outlook_fr.csv": {
        "Élodie Marchand": {
            "honorific": "Ms.",
            "email": "elodie.marchand@lumiere.example",
            "phone": "+33 4 72 00 00 00",
            "organization": "Atelier Lumière",
            "title": "Cheffe de projet",
            "postal_address": "14 rue des Arts\nLyon 69002\nFrance",
            "notes": (
                "Rencontrée au salon\nDepartment: Design\nWebsite: https://lumiere.example\n"
                "Other phone numbers: +33 6 12 34 56 78"
            ),
        },
    },
    "outlook_es.csv": {
        "Javier Ruiz Torres": {
            "honorific": "Mr.",
            "email": "javier.ruiz@sol.example",
            "phone": "+34 963 12 34 56",
            "organization": "Cooperativa Sol",
            "title": "Tesorero",
            "location": "Valencia, España",
        },
    },
    "google_india.csv": {
        "Ananya Iyer": {
            "email": "ananya.iyer@example.in",
            "phone": "098450 12345",
            "organization": "Infosys",
            "linkedin_url": "https://www.linkedin.com/in/ananya-iyer-example",
        },
    },
    "android_2.1.vcf": {
        "Ñ Ñ Ñ Ñ Ñ": {"email": "bob@company.com", "organization": "ÑÑÑÑÑÑÑÑÑÑÑÑ"},
    },
    "android_qp_blank_line.vcf": {
        "Jürgen Müller": {
            "email": "juergen@baeckerei.example",
            "phone": "+49 170 1234567",
            "organization": "Bäckerei Müller & Söhne Gesellschaft mit beschränkter",
            "notes": "Kennt sich mit Ausbildungsplätzen aus",
        },
    },
    "iphone.vcf": {
        "John Richter James Doe": {
            "honorific": "Mr.",
            "email": "john.doe@ibm.com",
            "phone": "+1 905-555-1234",
            "organization": "IBM",
            "title": "Money Counter",
            "location": "New York, New York, United States of America",
            "postal_address": (
                "Silicon Alley 5,\nNew York, New York 12345\nUnited States of America"
            ),
        },
    },
    "macos.vcf": {
        "John Richter James Doe": {"email": "john.doe@ibm.com", "organization": "IBM"},
    },
    "outlook_2007.vcf": {
        "Michael Angstadt": {
            "honorific": "Mr.",
            "email": "mike.angstadt@gmail.com",
            "phone": "(111) 555-1111",  # no such area code: kept as written
            "organization": "TheCompany",
            "title": "TheJobTitle",
            "postal_address": "TheOffice\n222 Broadway\nNew York, NY 99999\nUSA",
        },
    },
    "outlook_2010.vcf": {
        "John Richter James Doe": {"email": "john.doe@ibm.cm", "phone": "+1 905-555-1234"},
    },
    "apple_and_rfc6350.vcf": {
        "Li Wang": {
            "email": "li.wang@tsinghua.example",
            "phone": "010 6278 5001",
            "organization": "Tsinghua University",
            "title": "Lecturer",
            "linkedin_url": "https://www.linkedin.com/in/li-wang-econ",
            "location": "Beijing, China",
        },
        "Yasmin Noor Haddad": {"honorific": "Dr.", "phone": "+961 3 123 456"},
    },
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_real_address_book_arrives_whole(name, db, capsys, tmp_path):
    result = import_json(FILES / name, capsys)
    assert result["rejected"] == []
    people = exported_people(tmp_path, capsys)
    for who, fields in EXPECTED[name].items():
        assert who in people, f"{who} is missing; got {sorted(people)}"
        got = {field: people[who][field] for field in fields}
        assert got == fields


def test_every_web_address_of_a_card_is_kept_and_the_escape_is_gone(db, capsys, tmp_path):
    import_json(FILES / "apple_and_rfc6350.vcf", capsys)
    li = exported_people(tmp_path, capsys)["Li Wang"]
    # The card's own page is the website (Twitter doesn't push it out); every other one is
    # kept in the notes, none with Apple's "http\:".
    assert "Website: http://www.tsinghua.example/en" in li["notes"]
    for url in ("https://liwang.example", "http://twitter.com/liwang", "github.com/liwang"):
        assert url in li["notes"]
    assert "\\:" not in li["notes"]
    assert li["postal_address"] == "30 Shuangqing Road\nHaidian District\nBeijing 100084\nChina"


def test_a_second_address_and_a_name_suffix_go_to_the_notes(db, capsys, tmp_path):
    import_json(FILES / "iphone.vcf", capsys)
    john = exported_people(tmp_path, capsys)["John Richter James Doe"]
    assert "Other address: Street4, Building 6, Floor 8, New York 12345, USA" in john["notes"]
    assert "Name suffix: Sr." in john["notes"]


def test_a_quoted_printable_value_ending_the_line_does_not_swallow_the_next(db, capsys):
    result = import_json(FILES / "android_qp_blank_line.vcf", capsys)
    assert result["created"] == 1
    leaked = [w for w in result["warnings"] if "QUOTED-PRINTABLE" in w["reason"]]
    assert leaked == []


def test_json_lists_the_columns_that_went_into_no_field(db, capsys):
    result = import_json(FILES / "thunderbird.csv", capsys)
    ignored = result["ignored_columns"]
    assert "Fax Number" in ignored and "Birth Year" in ignored
    for used in ("Primary Email", "Secondary Email", "Work Phone", "Mobile Number", "Web Page 1"):
        assert used not in ignored
    cards = import_json(FILES / "outlook_2007.vcf", capsys)
    assert "BDAY" in cards["ignored_columns"] and "EMAIL" not in cards["ignored_columns"]


def test_the_plain_summary_names_the_columns_left_out_too(db, capsys):
    code, out, _ = run(["import", str(FILES / "thunderbird.csv")], capsys)
    assert code == 0
    assert "Not brought in (no field for them): Nickname, Screen Name, Fax Number" in out


def test_phones_we_cannot_place_are_kept_and_namesakes_stay_apart(db, capsys, tmp_path):
    result = import_json(FILES / "google_india.csv", capsys)
    # Two Rahul Sharmas, told apart only by their (Indian, no +91) mobile numbers.
    assert result["created"] + result["possible_duplicates"] == 3
    assert result["possible_duplicates"] == 1
    kept = [w["reason"] for w in result["warnings"] if w["line"] == 0]
    assert kept and kept[0].startswith("We kept 3 phone numbers just as written")
    target = tmp_path / "backup.json"
    run(["export", str(target)], capsys)
    phones = sorted(c["phone"] for c in json.loads(target.read_text())["data"]["network.contact"])
    assert phones == ["098450 12345", "98765 43210", "99876 54321"]
    cards = tmp_path / "cards.vcf"
    run(["export", str(cards)], capsys)
    assert "99876 54321" in cards.read_text() and "98765 43210" in cards.read_text()


def test_a_card_in_the_shape_of_our_own_export_fills_the_same_fields(db, capsys, tmp_path):
    """The round-trip contract with the vCard export (docs/import-formats.md)."""
    import_json(FILES / "coffeechat_export.vcf", capsys)
    chidi = exported_people(tmp_path, capsys)["Chidi Emeka Okonkwo"]
    expected = {
        "honorific": "Dr.",
        "first_name": "Chidi Emeka",
        "last_name": "Okonkwo",
        "email": "chidi.okonkwo@example.org",
        "phone": "0113 496 0000",
        "organization": "Leeds Teaching Hospitals",
        "title": "Registrar",
        "linkedin_url": "https://www.linkedin.com/in/chidi-okonkwo-example",
        "postal_address": "12 Park Row\nLeeds LS1 5HD\nUnited Kingdom",
        "location": "Leeds, UK",
        "notes": "Met at the careers fair, talked about foundation years.",
        "tags_text": ",medicine,mentors,",
    }
    assert {field: chidi[field] for field in expected} == expected


def _numbers_workbook(path: Path) -> None:
    """Like an Apple Numbers export: one table per sheet, the header in the first row."""
    book = openpyxl.Workbook()
    first = book.active
    first.title = "Mentors"
    first.append(["First Name", "Last Name", "Email", "Company", "Phone"])
    first.append(["Ada", "Obi", "ada@obi.example", "Obi & Co", "+44 7700 900456"])
    alumni = book.create_sheet("Alumni 2019")
    alumni.append(["Name", "Email Address", "Organisation", "Second Email"])
    alumni.append(["Bo Chen", "bo@chen.example", "Harbour Bank", "bo.chen@home.example"])
    alumni.append(["Cy Diaz", "cy@diaz.example", "Sol Coop", ""])
    totals = book.create_sheet("Totals")
    totals.append([12, 40])
    book.save(path)


def test_every_sheet_of_a_workbook_is_read(db, capsys, tmp_path):
    path = tmp_path / "people.xlsx"
    _numbers_workbook(path)
    result = import_json(path, capsys)
    assert result["created"] == 3
    notes = [w["reason"] for w in result["warnings"] if w["line"] == 0]
    assert any("“Totals”" in note and "left out" in note for note in notes)
    people = exported_people(tmp_path, capsys)
    assert people["Bo Chen"]["organization"] == "Harbour Bank"
    assert "bo.chen@home.example" in people["Bo Chen"]["notes"]
    assert people["Ada Obi"]["phone"] == "+44 7700 900456"


def test_a_text_file_named_xlsx_exits_2_and_says_why(db, capsys, tmp_path):
    fake = tmp_path / "contacts.xlsx"
    fake.write_text("First Name,Last Name\nAda,Obi\n")
    code, out, err = run(["import", str(fake), "--json"], capsys)
    assert code == 2 and out == ""
    assert "named like an Excel workbook (contacts.xlsx), but it holds text" in err


def test_a_connection_date_with_a_time_is_read(db, capsys, tmp_path):
    result = import_json(FILES / "linkedin_2018.csv", capsys)
    assert result["format"] == "linkedin"
    assert result["warnings"] == []
    assert exported_people(tmp_path, capsys)["Mei Lin"]["connected_on"] == "2018-03-02"
