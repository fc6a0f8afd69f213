"""Turning uploaded bytes into clean text: encodings, control characters, whitespace."""

from __future__ import annotations

import codecs

from coffeechat.domain.importers.records import UnreadableFileError

# Control characters (C0, DEL, C1) become spaces so a pasted name can never carry a line break,
# a tab or an escape sequence into the app; whitespace is then collapsed.
_CONTROL_TO_SPACE: dict[int, str] = dict.fromkeys([*range(0, 32), *range(127, 160)], " ")
_CONTROL_EXCEPT_NEWLINE = {code: " " for code in _CONTROL_TO_SPACE if code != 0x0A}
_CONTROL_EXCEPT_NEWLINE[0x2028] = "\n"
_CONTROL_EXCEPT_NEWLINE[0x2029] = "\n"
_CONTROL_TO_SPACE.update({0x2028: " ", 0x2029: " ", 0xFEFF: "", 0x200B: ""})
# Bidirectional overrides can make a name display as something else ("Trojan Source").
_CONTROL_TO_SPACE.update(dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)], ""))

_BINARY_CONTROL_SHARE = 0.05


def clean_line(value: str) -> str:
    """One line of text: control characters and runs of whitespace become one space."""
    if not value.isprintable():  # a fast check first: nearly every cell is printable
        value = value.translate(_CONTROL_TO_SPACE)
    return " ".join(value.split())


def clean_multiline(value: str) -> str:
    """Text that may keep its line breaks (notes): each line cleaned, at most one blank line."""
    text = value.replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROL_EXCEPT_NEWLINE)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    return "\n".join(kept).strip("\n")


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). UTF-8 (with or without BOM), UTF-16, else cp1252."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[len(codecs.BOM_UTF8) :], "utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16"), "utf-16"
    guessed_utf16 = _utf16_without_bom(data)
    if guessed_utf16:
        return _strict(data, guessed_utf16), guessed_utf16
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        # cp1252 leaves five byte values undefined; replacing them keeps an old Excel file usable.
        text, encoding = data.decode("cp1252", errors="replace"), "cp1252"
    _refuse_binary(text)
    return text, encoding


def _strict(data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise UnreadableFileError(
            f"This file says it is {encoding.upper()} text, but part of it isn't. "
            "Please export it again as CSV (UTF-8) or vCard."
        ) from None
    text = text.removeprefix("\ufeff")
    _refuse_binary(text)
    return text


def _utf16_without_bom(data: bytes) -> str:
    """Spot UTF-16 text without a BOM by its zero bytes in every other position."""
    head = data[:400]
    if len(head) < 4 or len(head) % 2:
        return ""
    even_zeros = head[0::2].count(0)
    odd_zeros = head[1::2].count(0)
    half = len(head) // 2
    if odd_zeros > half * 0.6 and even_zeros == 0:
        return "utf-16-le"
    if even_zeros > half * 0.6 and odd_zeros == 0:
        return "utf-16-be"
    return ""


def _refuse_binary(text: str) -> None:
    sample = text[:4000]
    controls = sum(1 for ch in sample if ch < " " and ch not in "\r\n\t") + sample.count("\ufffd")
    if sample and controls / len(sample) > _BINARY_CONTROL_SHARE:
        raise UnreadableFileError(
            "This looks like a binary file rather than a contact list. "
            "We can read LinkedIn's Connections.csv, vCard (.vcf), CSV and Excel (.xlsx) files."
        )
