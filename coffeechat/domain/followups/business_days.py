"""Business days: weekends and the public holidays of the user's country are skipped."""

from __future__ import annotations

from datetime import date, timedelta

import holidays

_SATURDAY = 5


class BusinessCalendar:
    """Answers "is this a working day?" for one country (and optional subdivision).

    An unknown country code falls back to weekends only, and an unknown subdivision to the
    country's national holidays: the profile validates codes, so the rules engine never raises
    over one. Holidays are computed once per year and cached.
    """

    def __init__(self, country: str, subdivision: str | None = None) -> None:
        self.country = country.upper()
        self.subdivision = subdivision
        self._holidays_by_year: dict[int, frozenset[date]] = {}
        self.knows_country = self._resolve_subdivision()

    def _resolve_subdivision(self) -> bool:
        for subdiv in (self.subdivision, None):
            try:
                holidays.country_holidays(self.country, subdiv=subdiv, years=())
            except NotImplementedError:
                continue
            self.subdivision = subdiv
            return True
        self.subdivision = None
        return False

    def holidays_in(self, year: int) -> frozenset[date]:
        cached = self._holidays_by_year.get(year)
        if cached is None:
            cached = frozenset()
            if self.knows_country:
                found = holidays.country_holidays(self.country, subdiv=self.subdivision, years=year)
                cached = frozenset(found.keys())
            self._holidays_by_year[year] = cached
        return cached

    def is_business_day(self, d: date) -> bool:
        return d.weekday() < _SATURDAY and d not in self.holidays_in(d.year)

    def add_business_days(self, d: date, n: int) -> date:
        """The n-th business day after `d` (before it when n < 0); `d` itself when n == 0."""
        step = timedelta(days=1 if n >= 0 else -1)
        remaining = abs(n)
        while remaining:
            d += step
            if self.is_business_day(d):
                remaining -= 1
        return d

    def on_or_after(self, d: date) -> date:
        """`d` when it is a business day, else the next one."""
        return d if self.is_business_day(d) else self.add_business_days(d, 1)

    def business_days_between(self, a: date, b: date) -> int:
        """Business days in (a, b]; negative when b is before a.

        It is the inverse of `add_business_days`: between(a, add_business_days(a, n)) == n.
        """
        if b < a:
            return -self.business_days_between(b, a)
        return sum(
            1
            for offset in range(1, (b - a).days + 1)
            if self.is_business_day(a + timedelta(offset))
        )
