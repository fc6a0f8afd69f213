"""Small helpers for thin views."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import SafeString, mark_safe
from django_htmx.middleware import HtmxDetails

from coffeechat.common.stamps import StampedCache, stamped_count


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


class OwnedPaginator(Paginator):
    """Counts an owner's list once per change of their data (`stamps.stamped_count`)."""

    def __init__(self, items: QuerySet[Any], per_page: int, owner: Any) -> None:
        super().__init__(items, per_page)
        self.items = items
        self.owner = owner

    @cached_property
    def count(self) -> int:
        return stamped_count(self.owner, self.items)


def page_of(request: HttpRequest, items: Any, per_page: int = 50, owner: Any = None) -> Page[Any]:
    """One page of `items`; with `owner`, `items` is that owner's and its count is kept."""
    paginator = (
        Paginator(items, per_page) if owner is None else OwnedPaginator(items, per_page, owner)
    )
    return paginator.get_page(request.GET.get("page"))


def query_without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


# Lists drawn from one user's data and the query string alone, kept until the data changes:
# paging back and forth, or going back to a list, then costs no query and no drawing.
FRAGMENTS: StampedCache[SafeString] = StampedCache("fragments", 256)


def stamped_fragment(request: HttpRequest, name: str, draw: Callable[[], str]) -> SafeString:
    """`draw()`, or what it drew last for this user, list and query string, if the user's data
    hasn't changed since. `draw` must read nothing but the user's data and `request.GET`."""
    key = (name, request.GET.urlencode())
    return FRAGMENTS.get(request.user, key, lambda: mark_safe(draw()))
