"""The student's say over the field of work an import gives each new person.

An import guesses each person's field from their title and organization (`work_fields`). In
the preview the student can keep the guesses, set one field for the whole import, clear it for
everyone, or change single rows. `FieldChoices` holds those choices between the preview and
the confirm, as plain JSON (`as_json` / `from_json`), so any app server can confirm what
another one previewed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

FIELD_MAX = 120  # Contact.field's length


@dataclass(frozen=True)
class FieldChoices:
    # None keeps each row's guess; "" leaves everyone's field empty; anything else is the field
    # for the whole import.
    whole: str | None = None
    # Rows the student changed one by one (line in the file → field, "" for none); they win.
    rows: Mapping[int, str] = field(default_factory=dict)

    def field_for(self, line: int, guess: str) -> str:
        if line in self.rows:
            return self.rows[line]
        return guess if self.whole is None else self.whole

    def revised(self, whole: str | None, edits: Mapping[int, str]) -> FieldChoices:
        """The choices after one submission of the preview: a new whole-import choice starts
        over (it is about every row), then the rows the student changed this time apply."""
        rows = dict(self.rows) if whole == self.whole else {}
        rows.update({line: clean_field(value) for line, value in edits.items()})
        return FieldChoices(None if whole is None else clean_field(whole), rows)

    def as_json(self) -> dict[str, Any]:
        return {"whole": self.whole, "rows": {str(k): v for k, v in self.rows.items()}}

    @classmethod
    def from_json(cls, data: Any) -> FieldChoices:
        """Kept choices back; anything malformed reads as "keep the guesses"."""
        if not isinstance(data, dict):
            return cls()
        whole = data.get("whole")
        rows = data.get("rows")
        kept = {
            int(line): clean_field(value)
            for line, value in (rows.items() if isinstance(rows, dict) else ())
            if str(line).isdigit() and isinstance(value, str)
        }
        return cls(clean_field(whole) if isinstance(whole, str) else None, kept)


def clean_field(value: str) -> str:
    """One line, single spaces, within the column's length."""
    return " ".join(value.split())[:FIELD_MAX]
