"""Formats for the Insights page: rates as percentages, spans as days, rule sets by name."""

from __future__ import annotations

from django import template

from coffeechat.domain.checker import RULE_SETS

register = template.Library()


@register.filter
def percent(value: float | None) -> str:
    return "–" if value is None else f"{round(value * 100)} %"


@register.filter
def days(value: float | None) -> str:
    if value is None:
        return "–"
    shown = f"{value:.1f}".removesuffix(".0")
    return f"{shown} day" if shown == "1" else f"{shown} days"


@register.filter
def rule_set_name(rule_set_id: str) -> str:
    """The name people know a rule set by ("Career office"), never its stored id."""
    if not rule_set_id:
        return "Not recorded"
    known = RULE_SETS.get(rule_set_id)
    return known.label if known else rule_set_id.replace("-", " ").replace("_", " ").capitalize()
