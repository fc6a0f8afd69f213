"""Small helpers for thin views."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    """A request as the htmx middleware leaves it (typed, as django-htmx recommends)."""

    htmx: HtmxDetails


def render_form(
    request: HttpRequest, template: str, context: dict[str, Any], *, valid: bool = True
) -> HttpResponse:
    """An invalid form POST answers 422 so it re-renders in place with what the user typed."""
    return render(request, template, context, status=200 if valid else 422)


# The largest id a row can have (BigAutoField); SQLite can't even compare a larger number.
MAX_ID = 2**63 - 1


def parse_id(value: str) -> int | None:
    """A typed id, or None when it can't name a row (not plain digits, or out of range)."""
    if not (value.isascii() and value.isdigit()):
        return None
    number = int(value)
    return number if number <= MAX_ID else None


def int_param(request: HttpRequest, name: str) -> int | None:
    return parse_id(request.GET.get(name, ""))


def page_of(request: HttpRequest, items: Any, per_page: int = 50) -> Page[Any]:
    return Paginator(items, per_page).get_page(request.GET.get("page"))


def query_without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()
