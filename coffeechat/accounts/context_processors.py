"""What every page's navigation needs to know about the signed-in person."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from coffeechat.accounts.services import role_of


def navigation(request: HttpRequest) -> dict[str, Any]:
    # A request refused before the authentication middleware (a 400 for a bad Host) has no user.
    return {"role": role_of(getattr(request, "user", None))}
