"""What every page's navigation needs to know about the signed-in person."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from coffeechat.accounts.services import role_of


def navigation(request: HttpRequest) -> dict[str, Any]:
    return {"role": role_of(request.user)}
