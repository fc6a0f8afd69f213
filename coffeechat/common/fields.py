"""Date and time columns that can't hand a reader a date outside `domain.limits`' range.

Forms, the API, the CLI, import and restore refuse such dates, and the migration
`interviews.0004_clamp_out_of_range_dates` repaired the ones stored before. Should one still
reach the database (written by hand, or by an older version), it is read as the nearest date in
range, so no page or calendar file fails on a year 1 or a year 9999.

To migrations these are plain DateTimeField and DateField (see `deconstruct`): the columns and
the migration history are exactly Django's.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import models

from coffeechat.domain import limits


class BoundedDateTimeField(models.DateTimeField):
    def from_db_value(self, value: dt.datetime | None, expression: Any, connection: Any) -> Any:
        return limits.clamp_moment(value) if value is not None else None

    def deconstruct(self) -> Any:
        name, _, args, kwargs = super().deconstruct()
        return name, "django.db.models.DateTimeField", args, kwargs


class BoundedDateField(models.DateField):
    def from_db_value(self, value: dt.date | None, expression: Any, connection: Any) -> Any:
        return limits.clamp_date(value) if value is not None else None

    def deconstruct(self) -> Any:
        name, _, args, kwargs = super().deconstruct()
        return name, "django.db.models.DateField", args, kwargs
