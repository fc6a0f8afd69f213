"""Everything the Insights page, the API and the CLI show, gathered once per request."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.utils import timezone

from coffeechat.accounts.services import profile_of
from coffeechat.domain import insights
from coffeechat.insights import perspectives, queries, referrals
from coffeechat.insights.queries import Step


def zone_of(user: Any) -> tzinfo:
    try:
        return ZoneInfo(profile_of(user).time_zone or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


@dataclass(frozen=True)
class Report:
    funnel: list[Step]
    by_source: list[dict[str, Any]]
    by_rule_set: list[dict[str, Any]]
    median_reply_days: float | None
    tree: insights.TreeLayout
    tree_total: int  # people in referral chains; the page may draw fewer
    fields: list[dict[str, Any]]
    field_organizations: list[dict[str, Any]]
    said: list[perspectives.CategoryNotes]
    weekly: list[dict[str, Any]]
    organizations: list[dict[str, Any]]

    @property
    def empty(self) -> bool:
        return self.funnel[0].count == 0

    @property
    def reply_rate(self) -> float | None:
        return self.step("replied").rate

    def step(self, step_id: str) -> Step:
        return next(s for s in self.funnel if s.id == step_id)


# The page draws at most this many people of the referral tree: a drawing of thousands helps
# nobody and costs seconds. The API, the CLI and each contact's page keep every chain.
PAGE_TREE_PEOPLE = 150


def build(user: Any, *, today: date | None = None, for_page: bool = False) -> Report:
    zone = zone_of(user)
    today = today or timezone.now().astimezone(zone).date()
    tree, tree_total = referrals.tree(user, PAGE_TREE_PEOPLE if for_page else None)
    by_source = queries.by_source(user)
    return Report(
        funnel=queries.funnel(user, zone, by_source),
        by_source=by_source,
        by_rule_set=queries.by_rule_set(user),
        median_reply_days=queries.median_reply_days(user),
        tree=tree,
        tree_total=tree_total,
        fields=perspectives.fields(user, list(profile_of(user).fields_of_interest or [])),
        field_organizations=perspectives.organizations(user),
        said=perspectives.said(user, zone),
        weekly=queries.weekly(user, zone, today),
        organizations=queries.organizations(user),
    )


def as_json(report: Report) -> dict[str, Any]:
    """The figures for scripts: the API's body and `coffeechat insights --json`."""
    funnel: dict[str, Any] = {s.id: s.count for s in report.funnel}
    funnel["rates"] = {s.id: _round(s.rate) for s in report.funnel[1:]}
    funnel["median_days"] = {s.id: s.median_days for s in report.funnel[2:]}
    return {
        "funnel": funnel,
        "by_source": [{k: v for k, v in row.items() if k != "label"} for row in report.by_source],
        "by_rule_set": [
            {**row, "reply_rate": _round(row["reply_rate"])} for row in report.by_rule_set
        ],
        "reply_rate": _round(report.reply_rate),
        "median_reply_days": report.median_reply_days,
        "referral_tree": referrals.as_json(report.tree),
        "fields": report.fields,
        "weekly": [{**w, "starts": w["starts"].isoformat()} for w in report.weekly],
        "organizations": report.organizations,
    }


def _round(value: float | None) -> float | None:
    return round(value, 3) if value is not None else None
