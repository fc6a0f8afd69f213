"""Rows of cells with a header row (CSV or a spreadsheet) → contact rows."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, islice

from coffeechat.domain.importers.addresses import address_part, postal_and_place
from coffeechat.domain.importers.builder import Draft, RowCollector
from coffeechat.domain.importers.columns import (
    ColumnPlan,
    Profile,
    detect_profile,
    header_score,
    plan_columns,
)
from coffeechat.domain.importers.records import UnreadableFileError

Record = tuple[int, list[str]]  # (1-based line where the record starts, its cells)
_TOO_LONG: list[str] = ["(cell too long)"]  # stands in for a record csv refused to read

HEADER_SEARCH_DEPTH = 30  # LinkedIn writes a few lines of notes above its header
_DELIMITERS = (",", ";", "\t")
NO_HEADER = (
    "We couldn't find a header row naming the columns. We expected a first line (or one near "
    "the top) with names like First Name, Last Name, Email, Company and Position — "
    "as in LinkedIn's Connections.csv, a Google or Outlook export, or your own spreadsheet."
)
NOT_LINKEDIN = (
    "This doesn't look like LinkedIn's Connections.csv: we expected a header with First Name, "
    "Last Name, URL, Email Address, Company, Position and Connected On."
)
TOO_LONG = "A cell here is far too long to be contact details, so we stopped reading at this line."


@dataclass(frozen=True, slots=True)
class TableRead:
    plan: ColumnPlan
    collector: RowCollector


# The most a contact list needs; a file beyond them is refused with a message, never read whole.
MAX_ROWS = 100_000
MAX_COLUMNS = 256
TOO_MANY_ROWS = (
    "This file has more than {limit:,} rows. Split it into smaller files and import each."
)
TOO_WIDE = (
    "Line {line} has {count:,} columns, more than the {limit} we read. Keep just your contact "
    "columns (or check the file really is a CSV) and try again."
)


def csv_records(text: str, delimiter: str) -> Iterator[Record]:
    """Records with the line each starts on; a quoted cell may span several lines. Refuses
    (UnreadableFileError) more than MAX_ROWS records or more than MAX_COLUMNS filled columns."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1
    count = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error:
            # Only an absurdly long cell gets here; stop, and say where, rather than guess.
            yield start, _TOO_LONG
            return
        if len(cells) > MAX_COLUMNS:
            while cells and not cells[-1]:
                cells.pop()
            if len(cells) > MAX_COLUMNS:
                message = TOO_WIDE.format(line=start, count=len(cells), limit=MAX_COLUMNS)
                raise UnreadableFileError(message)
        count += 1
        if count > MAX_ROWS:
            raise UnreadableFileError(TOO_MANY_ROWS.format(limit=MAX_ROWS))
        yield start, cells
        start = reader.line_num + 1


def pick_delimiter(text: str, column_map: dict[str, str] | None) -> str:
    """The delimiter under which some record near the top looks most like a header."""
    scores = {
        delimiter: max(
            (_score(cells, column_map) for _, cells in csv_records_head(text, delimiter)),
            default=0,
        )
        for delimiter in _DELIMITERS
    }
    return max(_DELIMITERS, key=lambda delimiter: scores[delimiter])


def csv_records_head(text: str, delimiter: str) -> Iterator[Record]:
    # A header sits near the top, so only that part of the text is parsed three times.
    return islice(csv_records(text[:20_000], delimiter), HEADER_SEARCH_DEPTH)


def read_table(
    records: Iterable[Record],
    forced: Profile | None,
    column_map: dict[str, str] | None,
    collector: RowCollector | None = None,
) -> TableRead:
    """Rows under the best header row near the top; `collector` gathers several tables."""
    rows = iter(records)
    head = list(islice(rows, HEADER_SEARCH_DEPTH))
    scored = [(_score(cells, column_map), index) for index, (_, cells) in enumerate(head)]
    best_score, header_index = max(scored, key=lambda pair: (pair[0], -pair[1]), default=(0, 0))
    if best_score == 0:
        raise UnreadableFileError(NO_HEADER)
    headers = [cell.strip() for cell in head[header_index][1]]
    detected = detect_profile(headers)
    if forced == "linkedin" and detected != "linkedin":
        raise UnreadableFileError(NOT_LINKEDIN)
    plan = plan_columns(headers, forced or detected, column_map)
    collector = collector or RowCollector()
    collector.how_found = "linkedin" if plan.profile == "linkedin" else ""
    parts = _address_columns(headers, plan)
    for line, cells in chain(head[header_index + 1 :], rows):
        if cells is _TOO_LONG:
            collector.reject(line, TOO_LONG)
            break
        draft: Draft = {}
        for index, field_name in plan.indexed:
            if index < len(cells) and cells[index] and index not in parts:
                draft.setdefault(field_name, []).append(cells[index])
        if parts:
            _add_addresses(draft, parts, cells)
        collector.add(line, draft)
    return TableRead(plan, collector)


def _address_columns(headers: list[str], plan: ColumnPlan) -> dict[int, tuple[str, str]]:
    """{column index: (which address, which part)} for the address columns read as a postal
    address or location, such as Outlook's "Business Street" … "Business Country/Region"."""
    found: dict[int, tuple[str, str]] = {}
    for index, field_name in plan.indexed:
        if field_name in ("postal_address", "location"):
            part = address_part(headers[index])
            if part is not None:
                found[index] = part
    return found


def _add_addresses(draft: Draft, parts: dict[int, tuple[str, str]], cells: list[str]) -> None:
    """Each address put together from its columns: the first with a street is the postal
    address, the first with a city, region or country gives the location (unless a column of
    its own did), and the others go to the notes."""
    addresses: dict[str, dict[str, str]] = {}
    for index, (group, part) in parts.items():
        value = cells[index].strip() if index < len(cells) else ""
        if value:
            address = addresses.setdefault(group, {})
            address[part] = "\n".join(filter(None, (address.get(part, ""), value)))
    postal, location, others = postal_and_place(addresses.values())
    if postal:
        draft.setdefault("postal_address", []).append(postal)
    if location:
        draft.setdefault("location", []).append(location)
    draft.setdefault("notes", []).extend(f"Other address: {other}" for other in others)


def has_header(records: list[Record], column_map: dict[str, str] | None) -> bool:
    return any(_score(cells, column_map) for _, cells in records[:HEADER_SEARCH_DEPTH])


def _score(cells: list[str], column_map: dict[str, str] | None) -> int:
    score = header_score(cells)
    if column_map:
        wanted = {key.strip().casefold() for key in column_map}
        score += 10 * sum(1 for cell in cells if cell.strip().casefold() in wanted)
    return score
