"""/api/v1/tokens: the caller's own API tokens (never their secret), and revoking one."""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest
from ninja import Router, Schema, Status

from coffeechat.accounts import queries, services
from coffeechat.accounts.models import ApiToken

router = Router(tags=["tokens"])


class TokenOut(Schema):
    id: int
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None


@router.get("", response=list[TokenOut])
def list_tokens(request: HttpRequest) -> list[ApiToken]:
    return list(queries.tokens_of(request.user))


@router.delete("/{token_id}", response={204: None})
def revoke_token(request: HttpRequest, token_id: int) -> Status:
    services.revoke_token(queries.token_or_404(request.user, token_id))
    return Status(204, None)
