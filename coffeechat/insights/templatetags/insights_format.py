"""Number formats for the Insights page: rates as percentages, spans as days."""

from __future__ import annotations

from django import template

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
