"""The follow-up defaults of docs/method.md §2: the one place these numbers live."""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

# The keep-in-touch rhythms a contact may have, in days; 0 means "don't remind me".
KEEP_IN_TOUCH_RHYTHMS = (30, 60, 90, 180)
NO_KEEP_IN_TOUCH = 0


@dataclass(frozen=True, slots=True)
class RuleSettings:
    """A user's timing settings, plus the country and time zone their dates are measured in.

    `country` is an ISO 3166-1 alpha-2 code (holidays for business days); `time_zone` an IANA
    name. Both are validated by the profile; an unknown country falls back to weekends only.
    """

    follow_up_business_days: int = 7
    max_follow_ups: int = 2
    try_another_business_days: int = 3
    thank_you_hours: int = 24
    referral_days: int = 7
    close_loop_days: int = 2
    connect_days: int = 2
    keep_in_touch_days: int = 90
    prepare_days: int = 2
    schedule_business_days: int = 1
    min_perspectives: int = 3
    shortlist_top_n: int = 5
    country: str = "US"
    subdivision: str | None = None
    time_zone: str = "UTC"

    @property
    def tzinfo(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)
