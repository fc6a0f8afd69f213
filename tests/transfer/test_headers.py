"""The header table of docs/import-formats.md, checked: each header an address book writes
goes into the field the page says, and the profiles are recognised."""

from __future__ import annotations

import pytest

from coffeechat.domain.importers.columns import IGNORE, detect_profile, guess_field

HEADERS = {
    "phones": [
        *("Work Phone", "Home Phone", "Mobile Number", "Phone Numbers", "PhoneNumbers"),
        *("Business Phone 2", "Primary Phone", "Company Main Phone", "Mobile", "iPhone"),
        *("Telefon geschäftlich 2", "Telefon (privat)", "Telefon (privat 2)", "Mobiltelefon 2"),
        *("Haupttelefon", "Téléphone bureau 2", "Tél. mobile", "Téléphone domicile"),
        *("Teléfono del trabajo", "Teléfono móvil", "Telefono movil", "Otro teléfono"),
    ],
    "emails": [
        *("Primary Email", "Secondary Email", "Second Email", "Other Email", "Home Email"),
        *("E-mail 2 Address", "E-mail 3 - Value", "E-Mail-Adresse", "E-Mail 2: Adresse"),
        *("Adresse de messagerie", "Adresse de messagerie 2", "Emails"),
        *("Dirección de correo electrónico", "Dirección de correo electrónico 3"),
    ],
    "website": ["Web Page 1", "Web Page 2", "Webseite", "Page Web", "Página Web", "Home Page"],
    "middle_name": ["Middle Name", "MiddleName", "Additional Name", "Weitere Vornamen"],
    "honorific": ["Name Prefix", "NamePrefix", "Anrede", "Tratamiento"],
    "organization": ["Organisation", "Firma", "Société", "Compañía", "Organization Name"],
    "title": ["Job Title", "Position", "Fonction", "Puesto", "Organization Title"],
    "department": ["Abteilung", "Service", "Departamento", "Organization Department"],
    "location": [
        "Work City",
        "Home City",
        "Ort geschäftlich",
        "Ville (bureau)",
        "Ciudad de trabajo",
    ],
    "postal_address": [
        *("Address 1 - Formatted", "Business Street", "Home Street 2", "Business Postal Code"),
        *("Business Country/Region", "Home Address", "Work ZipCode", "Work State"),
        *("Straße geschäftlich", "Postleitzahl privat", "Land/Region geschäftlich"),
        *("Rue (bureau)", "Code postal (bureau)", "Pays/Région (bureau)"),
        *("Calle del trabajo", "Código postal del trabajo", "País o región del trabajo"),
    ],
    "tags": ["Kategorien", "Catégories", "Categorías", "Labels", "Group Membership"],
    "notes": ["Notizen", "Notas", "Note"],
    IGNORE: ["Fax Number", "Pager Number", "E-Mail-Typ", "E-Mail: Angezeigter Name", "Nickname"],
}


@pytest.mark.parametrize(
    ("header", "field"), [(h, field) for field, headers in HEADERS.items() for h in headers]
)
def test_a_known_header_goes_into_its_field(header, field):
    assert guess_field(header) == field


def test_outlook_title_is_the_honorific_in_every_language():
    assert guess_field("Title", "outlook-csv") == "honorific"
    assert guess_field("Titre", "outlook-csv") == "honorific"
    assert guess_field("Title") == "title"  # in a sheet of one's own, a job title


@pytest.mark.parametrize(
    ("headers", "profile"),
    [
        (
            ["First Name", "Last Name", "Email Address", "Company", "Position", "Connected On"],
            "linkedin",
        ),
        (
            [
                "First Name",
                "Last Name",
                "URL",
                "Email Address",
                "Company",
                "Position",
                "Connected On",
            ],
            "linkedin",
        ),
        (["First Name", "Last Name", "Connected On"], "csv"),
        (["Vorname", "Nachname", "E-Mail-Adresse", "Mobiltelefon"], "outlook-csv"),
        (["Prénom", "Nom", "Adresse de messagerie", "Téléphone bureau"], "outlook-csv"),
        (
            ["Nombre", "Apellidos", "Dirección de correo electrónico", "Teléfono móvil"],
            "outlook-csv",
        ),
        (["First Name", "Last Name", "Primary Email", "Work Phone"], "csv"),
    ],
)
def test_profiles_are_recognised(headers, profile):
    assert detect_profile(headers) == profile


def test_an_outlook_row_with_two_addresses_keeps_both():
    from coffeechat.domain.importers import read_contacts

    data = (
        b"First Name,Last Name,E-mail Address,Business Phone,Business Street,Business City,"
        b"Business Postal Code,Business Country/Region,Home Street,Home City,Home Country/Region\n"
        b"Ana,Ruiz,ana@example.org,,1 Main St,Leeds,LS1 1AA,UK,2 Side Rd,York,UK\n"
    )
    (ana,) = read_contacts(data, filename="outlook.csv").rows
    assert ana.postal_address == "1 Main St\nLeeds LS1 1AA\nUK"
    assert ana.location == "Leeds, UK"
    assert ana.notes == "Other address: 2 Side Rd, York, UK"
