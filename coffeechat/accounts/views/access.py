"""Who may open which account page. Pages that don't apply to someone answer 404, as if they
didn't exist: a student never learns what the staff pages look like."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse

from coffeechat.accounts.services import role_of

View = Callable[..., HttpResponse]


def server_only(view: View) -> View:
    """Sign-up, passwords, sharing and staff pages exist only for a career centre's server."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if settings.PERSONAL:
            raise Http404("Only a career centre's coffeechat has this page.")
        return view(request, *args, **kwargs)

    return wrapped


def role_required(role: str) -> Callable[[View], View]:
    def decorate(view: View) -> View:
        @wraps(view)
        @server_only
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if role_of(request.user) != role:
                raise Http404("This page isn't part of your account.")
            return view(request, *args, **kwargs)

        return wrapped

    return decorate
