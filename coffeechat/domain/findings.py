"""What a checker says about a text: shared by the message and question checkers."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning", "hint"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "hint")


@dataclass(frozen=True, slots=True)
class Finding:
    """One observation. `rule` ids are public (API, CLI); `start`/`end` point into the text."""

    rule: str
    severity: Severity
    message: str
    start: int | None = None
    end: int | None = None

    def as_dict(self) -> dict[str, object]:
        return asdict(self)
