"""A user's RuleSettings: the method's defaults, their country and zone, and their overrides.

`Profile.rule_settings` is shared with other features, so only keys named like RuleSettings
fields are read here; a value of the wrong type or out of range is ignored (the default stands)
rather than breaking the Today page.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from coffeechat.accounts.models import Profile
from coffeechat.common.validators import time_zone_names
from coffeechat.domain.followups import RuleSettings

# Sensible bounds for each whole-number setting: (lowest, highest).
RANGES: dict[str, tuple[int, int]] = {
    "follow_up_business_days": (1, 60),
    "max_follow_ups": (0, 5),
    "try_another_business_days": (1, 60),
    "thank_you_hours": (1, 168),
    "referral_days": (1, 90),
    "close_loop_days": (0, 60),
    "connect_days": (0, 60),
    "keep_in_touch_days": (7, 730),
    "prepare_days": (0, 30),
    "schedule_business_days": (0, 30),
    "min_perspectives": (1, 20),
    "shortlist_top_n": (0, 50),
}


def overrides(stored: Any) -> dict[str, Any]:
    """The valid overrides among whatever the profile's JSON holds."""
    if not isinstance(stored, dict):
        return {}
    valid: dict[str, Any] = {}
    for name, (low, high) in RANGES.items():
        value = stored.get(name)
        # bool is an int in Python; `true` days is not a setting anyone meant.
        if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
            valid[name] = value
    subdivision = stored.get("subdivision")
    if isinstance(subdivision, str) and 0 < len(subdivision.strip()) <= 10:
        valid["subdivision"] = subdivision.strip().upper()
    return valid


def rule_settings_for(profile: Profile) -> RuleSettings:
    base = RuleSettings()
    zone = profile.time_zone if profile.time_zone in time_zone_names() else base.time_zone
    country = (profile.country or base.country).upper()
    return replace(base, country=country, time_zone=zone, **overrides(profile.rule_settings))
