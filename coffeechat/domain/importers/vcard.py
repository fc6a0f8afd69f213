"""vCard 2.1, 3.0 and 4.0 files (Google, Apple, Outlook) → contact rows, one card at a time."""

from __future__ import annotations

import quopri
import re
from collections.abc import Callable, Iterator

import vobject

from coffeechat.domain.importers.addresses import PARTS, postal_and_place
from coffeechat.domain.importers.builder import Draft, RowCollector
from coffeechat.domain.importers.records import UnreadableFileError

NO_CARDS = (
    "We couldn't find any contact card in this file. A vCard (.vcf) file has cards that start "
    "with BEGIN:VCARD and end with END:VCARD; try exporting your contacts again as vCard."
)
BROKEN_CARD = (
    "We couldn't read the contact card that starts on this line, so it was skipped; "
    "the other cards were imported."
)
# Properties read into a field, or bookkeeping that says nothing about the person (Apple's
# labels, Outlook's card design, LABEL repeating an ADR).
_READ = frozenset(
    {
        *("n", "fn", "email", "tel", "org", "title", "note", "url", "x-socialprofile", "adr"),
        *("categories", "version", "prodid", "uid", "rev", "label", "x-ablabel", "x-abadr"),
        *("x-abuid", "x-ms-ol-design", "x-ms-ol-default-postal-address"),
    }
)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_PROPERTY_START = re.compile(r"^[A-Za-z0-9_.-]+[;:]")
_BINARY_PROPERTIES = frozenset({"PHOTO", "LOGO", "SOUND", "KEY"})
# PROFILE:VCARD says nothing, and vobject refuses the card when it is written "VCard".
_DROPPED_PROPERTIES = _BINARY_PROPERTIES | {"PROFILE"}
# A line starting like a property a card has: where a quoted-printable value can't go on.
_KNOWN = re.compile(
    r"^(?:[A-Za-z0-9-]+\.)?(?:BEGIN|END|VERSION|N|FN|TEL|EMAIL|ORG|TITLE|ROLE|NOTE|URL|ADR"
    r"|LABEL|BDAY|CATEGORIES|PHOTO|UID|REV|NICKNAME|X-[A-Za-z0-9-]+)[;:]",
    re.IGNORECASE,
)
_DROPPED_PARAMS = frozenset({"ENCODING=QUOTED-PRINTABLE", "QUOTED-PRINTABLE", "ENCODING=8BIT"})
# Values whose ";" separates parts; CATEGORIES is the one whose "," separates items.
_STRUCTURED = frozenset({"N", "ADR", "ORG", "GENDER", "CLIENTPIDMAP"})
_BARE_COMMA = re.compile(r"(?<!\\),")
_BARE_SEMICOLON = re.compile(r"(?<!\\);")


def looks_like_vcard(text: str) -> bool:
    return text.lstrip()[:11].upper() == "BEGIN:VCARD"


def read_vcards(text: str) -> tuple[RowCollector, tuple[str, ...]]:
    """The rows of the cards, and the properties the cards hold that we keep nowhere (sorted)."""
    collector = RowCollector()
    cards = 0
    ignored: set[str] = set()
    for start, lines in _cards(text):
        cards += 1
        try:
            card = vobject.readOne("\r\n".join(_clean_card(lines)))
            draft = _draft(card.contents)
        except Exception:  # vobject raises many kinds on quirky cards; one card must not sink all
            collector.reject(start, BROKEN_CARD)
            continue
        ignored.update(name.upper() for name in card.contents if name not in _READ)
        collector.add(start, draft)
    if not cards:
        raise UnreadableFileError(NO_CARDS)
    return collector, tuple(sorted(ignored))


def _cards(text: str) -> Iterator[tuple[int, list[str]]]:
    """Each card's first line number and its lines, END:VCARD included (added if missing)."""
    start = 0
    lines: list[str] = []
    for number, line in enumerate(_LINE_BREAK.split(text), start=1):
        marker = line.strip().upper()
        if marker == "BEGIN:VCARD":
            if lines:
                yield start, [*lines, "END:VCARD"]
            start, lines = number, [line.strip()]
        elif lines:
            lines.append(line)
            if marker == "END:VCARD":
                yield start, lines
                lines = []
    if lines:
        yield start, [*lines, "END:VCARD"]


def _clean_card(raw_lines: list[str]) -> list[str]:
    """Unfold lines, decode vCard 2.1 QUOTED-PRINTABLE values and drop photos, for vobject."""
    logical: list[str] = []
    for line in raw_lines:
        if not line.strip():
            if logical and logical[-1].endswith("=") and _is_quoted_printable(logical[-1]):
                logical[-1] = logical[-1][:-1]  # a blank line ends a quoted-printable value
            continue
        previous = logical[-1] if logical else ""
        if previous.endswith("=") and _is_quoted_printable(previous) and _KNOWN.match(line):
            # Android ends a value with "=" and a blank line: the value ends, the next
            # property is not part of it.
            logical[-1] = previous[:-1]
            logical.append(line)
        elif previous.endswith("=") and _is_quoted_printable(previous):
            # A soft line break: the value goes on, indented or not.
            logical[-1] = previous[:-1] + (line[1:] if line[0] in " \t" else line)
        elif previous and (line[0] in " \t" or not _PROPERTY_START.match(line)):
            # A folded line; 2.1 exporters also leave base64 photo lines unindented.
            logical[-1] = previous + (line[1:] if line[0] in " \t" else line)
        else:
            logical.append(line)
    return [cleaned for line in logical if (cleaned := _clean_property(line))]


def _clean_property(line: str) -> str:
    head, _, value = line.partition(":")
    name, *params = head.split(";")
    kind = name.rpartition(".")[2].upper()
    if kind in _DROPPED_PROPERTIES:
        return ""
    upper_params = [param.upper() for param in params]
    if "ENCODING=QUOTED-PRINTABLE" in upper_params or "QUOTED-PRINTABLE" in upper_params:
        value = _escape(_decode_quoted_printable(value, _charset(upper_params)))
    # Many exporters leave "," and ";" in a note or title unescaped, and vobject would then
    # keep only the text before the first one.
    if kind != "CATEGORIES":
        value = _BARE_COMMA.sub(r"\\,", value)
    if kind not in _STRUCTURED:
        value = _BARE_SEMICOLON.sub(r"\\;", value)
    kept = [
        param
        for param, upper in zip(params, upper_params, strict=True)
        if upper not in _DROPPED_PARAMS and not upper.startswith("CHARSET=")
    ]
    return ";".join([name, *kept]) + ":" + value


def _is_quoted_printable(line: str) -> bool:
    return "QUOTED-PRINTABLE" in line.partition(":")[0].upper()


def _charset(upper_params: list[str]) -> str:
    for param in upper_params:
        if param.startswith("CHARSET="):
            return param.removeprefix("CHARSET=").strip('"')
    return "UTF-8"


def _decode_quoted_printable(value: str, charset: str) -> str:
    raw = quopri.decodestring(value.encode("utf-8"))
    try:
        return raw.decode(charset)
    except LookupError:
        charset = "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        if charset.replace("-", "").lower() == "utf8":
            # A stray byte (Android cuts long values mid-character) is dropped, not garbled.
            return raw.decode("utf-8", errors="ignore")
        return raw.decode("cp1252", errors="replace")


def _escape(value: str) -> str:
    """Decoded text goes back in as a 3.0-style value: backslashes and newlines escaped."""
    return (
        value.replace("\\", "\\\\").replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    )


def _draft(contents: dict[str, list[vobject.base.ContentLine]]) -> Draft:
    draft: Draft = {}

    def put(field_name: str, value: object) -> None:
        text = _text(value)
        if text.strip():
            draft.setdefault(field_name, []).append(text)

    for line in contents.get("n", [])[:1]:
        put("honorific", getattr(line.value, "prefix", ""))
        put("first_name", getattr(line.value, "given", ""))
        put("middle_name", _text(getattr(line.value, "additional", "")).replace(",", " "))
        put("last_name", getattr(line.value, "family", ""))
        put("notes", _labelled("Name suffix", getattr(line.value, "suffix", "")))
    for line in contents.get("fn", [])[:1]:
        put("name", line.value)
    for line in contents.get("email", []):
        put("emails", line.value)
    for line in contents.get("tel", []):
        put("phones", _text(line.value).removeprefix("tel:"))
    for number, line in enumerate(contents.get("org", [])):
        parts = line.value if isinstance(line.value, list) else [line.value]
        if number == 0:
            put("organization", parts[0] if parts else "")
            put("department", " ".join(_text(part) for part in parts[1:]))
        else:
            put("notes", _labelled("Also at", ", ".join(map(_text, parts))))
    for key, field_name in (("title", "title"), ("note", "notes")):
        for line in contents.get(key, []):
            put(field_name, line.value)
    # The card's own web addresses first, then social profiles: a LinkedIn one goes to the
    # LinkedIn field wherever it is, and none pushes out the person's web page.
    for key in ("url", "x-socialprofile"):
        for line in contents.get(key, []):
            put("website", line.value)
    _addresses(contents.get("adr", []), put)
    for line in contents.get("categories", []):
        items = line.value if isinstance(line.value, list) else [line.value]
        put("tags", ",".join(_text(item) for item in items))
    return draft


def _addresses(lines: list[vobject.base.ContentLine], put: Callable[[str, object], None]) -> None:
    """Postal address: the first ADR with a street; location: city, region and country of the
    first ADR with any of them; every other address is kept in the notes."""
    postal, location, others = postal_and_place(
        {part: _text(getattr(line.value, part, "")).strip() for part in PARTS} for line in lines
    )
    put("postal_address", postal)
    put("location", location)
    for other in others:
        put("notes", _labelled("Other address", other))


def _labelled(label: str, value: object) -> str:
    text = _text(value).strip()
    return f"{label}: {text}" if text else ""


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(_text(item) for item in value)
    text = value if isinstance(value, str) else str(value)
    # Apple escapes the colon of a web address (http\://…); vobject leaves it.
    return text.replace("\\:", ":")
