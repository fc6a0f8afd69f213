"""Which column holds what: header names from LinkedIn, Google, Outlook and hand-made sheets."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from coffeechat.domain.importers.addresses import address_part
from coffeechat.domain.importers.normalize import fold

Profile = Literal["linkedin", "google-csv", "outlook-csv", "csv"]

IGNORE = "ignore"
# "name" is a full name that gets split, "middle_name" follows the first name; every other
# value is a ContactRow field.
FIELDS: tuple[str, ...] = (
    "honorific",
    "first_name",
    "middle_name",
    "last_name",
    "name",
    "emails",
    "phones",
    "linkedin_url",
    "organization",
    "department",
    "title",
    "website",
    "location",
    "postal_address",
    "notes",
    "how_found",
    "connected_on",
    "tags",
)
_FIELD_ALIASES = {"email": "emails", "phone": "phones", "tag": "tags", "company": "organization"}

# Headers as address books write them (English, German, French and Spanish Outlook, Google,
# Thunderbird, Apple Numbers, LinkedIn); docs/import-formats.md has the table. Case, spaces and
# punctuation don't count: "E-mail Address", "EmailAddress" and "email address" are one header.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "honorific": ("name prefix", "prefix", "anrede", "tratamiento", "civilité", "salutation"),
    "first_name": (
        *("first name", "given name", "first", "forename", "prénom", "vorname", "nombre"),
        "nom de baptême",
    ),
    "middle_name": (
        *("middle name", "additional name", "middle names", "weitere vornamen"),
        *("deuxième prénom", "autres prénoms", "segundo nombre"),
    ),
    "last_name": (
        *("last name", "family name", "surname", "last", "nom", "nachname", "apellidos"),
        *("nom de famille", "apellido"),
    ),
    "name": (
        *("name", "full name", "fullname", "contact", "contact name", "display name"),
        *("anzeigename", "nom complet", "nombre completo"),
    ),
    "emails": (
        *("email", "mail", "email address", "emails", "courriel", "correo", "adresse e-mail"),
        *("primary email", "secondary email", "second email", "other email", "work email"),
        *("home email", "personal email", "email addresses", "e-mail-adresse"),
        *("adresse de messagerie", "adresse électronique", "correo electrónico"),
        *("dirección de correo electrónico", "email de la casa", "email del trabajo"),
    ),
    "phones": (
        *("phone", "telephone", "tel", "mobile", "cell", "phone number", "téléphone"),
        *("telefon", "phone numbers", "work phone", "home phone", "mobile number"),
        *("mobile phone", "cell phone", "main phone", "other phone", "business phone"),
        *("company main phone", "primary phone", "iphone"),
        *("telefon geschäftlich", "telefon privat", "mobiltelefon", "haupttelefon"),
        *("weiteres telefon", "telefon firma", "autotelefon"),
        *("téléphone bureau", "téléphone domicile", "tél mobile", "téléphone mobile"),
        *("téléphone principal", "autre téléphone", "téléphone société", "téléphone voiture"),
        *("teléfono del trabajo", "teléfono particular", "teléfono móvil", "móvil"),
        *("teléfono principal", "otro teléfono", "teléfono de la compañía", "teléfono"),
    ),
    "linkedin_url": ("linkedin", "linkedin url", "profile url", "linkedin profile", "profile"),
    "organization": (
        *("company", "organization", "organisation", "employer", "organization name"),
        *("company name", "firm", "société", "entreprise", "firma", "unternehmen", "empresa"),
        *("companies", "compañía", "organización", "organisme"),
    ),
    "department": (
        *("department", "organization department", "team", "abteilung", "service"),
        "departamento",
    ),
    "title": (
        *("title", "position", "job title", "role", "organization title", "job", "fonction"),
        *("poste", "cargo", "puesto", "jobtitel", "titre du poste"),
    ),
    "website": (
        *("website", "web page", "url", "web site", "homepage", "personal website"),
        *("web page 1", "web page 2", "personal web page", "business web page", "sites"),
        *("profiles", "webseite", "homepage privat", "page web", "página web", "sitio web"),
    ),
    "location": (
        *("location", "city", "address", "region", "country", "business city", "work city"),
        *("home city", "ort", "ort geschäftlich", "ort privat", "ville", "ville bureau"),
        *("ville domicile", "ciudad", "ciudad de trabajo", "ciudad particular"),
        *("home address city", "work address city"),
    ),
    "notes": ("notes", "note", "comments", "comment", "remarks", "notizen", "notas"),
    "how_found": ("how found", "how we met", "source", "met through"),
    "connected_on": ("connected on", "connected", "connection date", "date added"),
    "tags": (
        *("tags", "labels", "group membership", "groups", "categories", "category"),
        *("kategorien", "catégories", "categorías"),
    ),
}
_NOT_WORD = re.compile(r"[\W_]+")


def _key(label: str) -> str:
    """ "Teléfono móvil", "Telefono movil" and "TELEFONO-MOVIL" give one key."""
    return _NOT_WORD.sub("", fold(label))


_HEADER_TO_FIELD = {
    _key(synonym): field_name for field_name, synonyms in _SYNONYMS.items() for synonym in synonyms
}
# Numbered columns from Google and Outlook exports, e.g. "E-mail 2 - Value", "Business Phone 2".
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(?:e-?mail) ?\d*(?: - value| address|: ?adresse)?$"), "emails"),
    (re.compile(r"^(?:adresse de messagerie|dirección de correo electrónico) \d$"), "emails"),
    (re.compile(r"^phone \d+ - value$"), "phones"),
    (re.compile(r"^(?:business|home|mobile|other|car|primary) phone ?\d*$"), "phones"),
    (re.compile(r"^(?:telefon|téléphone|teléfono|mobiltelefon)\b.*\d\)?$"), "phones"),
    (re.compile(r"^organization \d+ - name$"), "organization"),
    (re.compile(r"^organization \d+ - title$"), "title"),
    (re.compile(r"^organization \d+ - department$"), "department"),
    (re.compile(r"^website \d+ - value$"), "website"),
    (re.compile(r"^address 1 - formatted$"), "postal_address"),
    (re.compile(r"^address 1 - city$"), "location"),
)
_PROFILE_OVERRIDES: dict[Profile, dict[str, str]] = {
    "linkedin": {"url": "linkedin_url"},
    # In Outlook "Title" (Titre) is Mr/Ms, and the display name repeats the email.
    "outlook-csv": {
        "title": "honorific",
        "titre": "honorific",
        "e-mail display name": IGNORE,
    },
    "google-csv": {},
    "csv": {},
}
_LINKEDIN_NAMES = ("first name", "last name", "connected on")
# The 2018 file has no URL column, but it has these two next to the names.
_LINKEDIN_ANY = (("url",), ("company", "position"))


@dataclass(frozen=True, slots=True)
class ColumnPlan:
    profile: Profile
    columns: dict[str, str]  # header → field or IGNORE, in source order
    indexed: tuple[tuple[int, str], ...]  # (column index, field) for the mapped columns only


def canonical_field(name: str) -> str:
    """The field a `column_map` value names; raises ValueError for an unknown one."""
    key = name.strip().lower().replace(" ", "_")
    key = _FIELD_ALIASES.get(key, key)
    if key != IGNORE and key not in FIELDS:
        raise ValueError(f"Unknown field {name!r}; choose one of {', '.join(FIELDS)} or ignore.")
    return key


def guess_field(header: str, profile: Profile = "csv") -> str:
    """The field a header most likely holds, or IGNORE."""
    label = " ".join(header.lower().split())
    overrides = _PROFILE_OVERRIDES[profile]
    if label in overrides:
        return overrides[label]
    found = _HEADER_TO_FIELD.get(_key(label))
    if found:
        return found
    for pattern, field_name in _PATTERNS:
        if pattern.match(label):
            return field_name
    if address_part(label):  # "Business Street", "Code postal (bureau)"
        return "postal_address"
    return IGNORE


def header_score(cells: list[str]) -> int:
    """How many cells look like known headers: the header row is the one scoring best."""
    return sum(1 for cell in cells if cell.strip() and guess_field(cell) != IGNORE)


_OUTLOOK_EMAIL = {
    "e-mail address",
    "e-mail-adresse",
    "adresse de messagerie",
    "dirección de correo electrónico",
}
_OUTLOOK_OTHER = {
    *("business phone", "mobile phone", "job title", "telefon geschäftlich", "mobiltelefon"),
    *("téléphone bureau", "tél. mobile", "teléfono del trabajo", "teléfono móvil"),
}


def ignored_columns(columns: dict[str, str]) -> tuple[str, ...]:
    """The headers whose column goes into no field, in source order."""
    return tuple(header for header, field_name in columns.items() if field_name == IGNORE)


def detect_profile(headers: list[str]) -> Profile:
    labels = {" ".join(header.lower().split()) for header in headers}
    if all(label in labels for label in _LINKEDIN_NAMES) and any(
        all(label in labels for label in group) for group in _LINKEDIN_ANY
    ):
        return "linkedin"
    if labels & {"e-mail 1 - value", "given name", "organization 1 - name", "phone 1 - value"}:
        return "google-csv"
    if labels & _OUTLOOK_EMAIL and labels & _OUTLOOK_OTHER:
        return "outlook-csv"
    return "csv"


def plan_columns(
    headers: list[str], profile: Profile, column_map: dict[str, str] | None
) -> ColumnPlan:
    chosen = column_map or {}
    overrides = {key.strip().casefold(): canonical_field(value) for key, value in chosen.items()}
    columns: dict[str, str] = {}
    indexed: list[tuple[int, str]] = []
    for index, header in enumerate(headers):
        label = header.strip()
        if not label:
            continue
        field_name = overrides.get(label.casefold()) or guess_field(label, profile)
        columns.setdefault(label, field_name)
        if field_name != IGNORE:
            indexed.append((index, field_name))
    return ColumnPlan(profile, columns, tuple(indexed))
