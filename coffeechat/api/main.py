"""The JSON API at /api/v1: bearer tokens, JSON errors with the right status, OpenAPI."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import HttpBearer, SessionAuth

from coffeechat.accounts.models import ApiToken


class BearerToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = ApiToken.user_for(token)
        if user is not None:
            request.user = user  # type: ignore[assignment]
        return user


bearer = BearerToken()


class SignedInSession(SessionAuth):
    """The browser's session (live mode's autosave). Its CSRF check applies only to a signed-in
    session: without one the request is simply unauthenticated, answered 401 like a missing
    token, not 403 "CSRF check failed"."""

    def _get_key(self, request: HttpRequest) -> str | None:
        if not request.user.is_authenticated:
            return None
        return super()._get_key(request)


session = SignedInSession()


def require_auth(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The OpenAPI document is not public either: a token or a signed-in session."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not (request.user.is_authenticated or bearer(request)):
            return JsonResponse({"detail": "Sign in or send an API token."}, status=401)
        return view(request, *args, **kwargs)

    return wrapped


ERROR_SCHEMA = {
    "type": "object",
    "description": "Every error: a message for people, and for 422 the messages per field.",
    "properties": {
        "detail": {"type": "string"},
        "errors": {
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    },
    "required": ["detail"],
}
_ERRORS = {
    "400": "The request can't be read: not JSON, a NUL or broken Unicode character, too deep.",
    "401": "Missing or invalid API token.",
    "404": "No such item among yours.",
    "413": "The body is larger than 2 MB.",
    "422": "Some values need a second look (`errors` says which, per field).",
}


class CoffeechatAPI(NinjaAPI):
    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        """Ninja's document, plus the JSON errors every operation can answer."""
        schema = super().get_openapi_schema(*args, **kwargs)
        schema.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
        reference = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
        for path, operations in schema.get("paths", {}).items():
            for method, operation in operations.items():
                codes = ["400", "401", "422"]
                codes += ["404"] if "{" in path else []
                codes += ["413"] if method in ("post", "put", "patch") else []
                responses = operation.setdefault("responses", {})
                for code in codes:
                    responses.setdefault(code, {"description": _ERRORS[code], "content": reference})
        return schema


api = CoffeechatAPI(
    title="coffeechat API",
    version="1",
    description="Your contacts, organizations and profile. Send `Authorization: Bearer <token>`;"
    " `coffeechat token` prints one.",
    auth=[bearer, session],
    urls_namespace="api",
    docs_url=None,
    docs_decorator=require_auth,
)


@api.exception_handler(AuthenticationError)
def unauthorized(request: HttpRequest, exc: Exception) -> HttpResponse:
    return api.create_response(
        request,
        {"detail": "Missing or invalid API token. Run `coffeechat token` for one."},
        status=401,
    )


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc) or "Not found."}, status=404)


@api.exception_handler(ValidationError)
def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    return api.create_response(
        request, {"detail": "Some fields need a second look.", "errors": exc.errors}, status=422
    )


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return api.create_response(request, {"detail": exc.message}, status=exc.status_code)


class FormErrors(Exception):
    """A Django form said no: answered as 422 with the form's messages per field."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("invalid")
        self.errors = errors


@api.exception_handler(FormErrors)
def form_errors(request: HttpRequest, exc: FormErrors) -> HttpResponse:
    return api.create_response(
        request, {"detail": "Some fields need a second look.", "errors": exc.errors}, status=422
    )


from coffeechat.api import (  # noqa: E402  (routers need `api`)
    actions,
    agenda,
    checks,
    contacts,
    insights,
    meetings,
    messages,
    organizations,
    profile,
    tokens,
)

api.add_router("/contacts", contacts.router)
api.add_router("/organizations", organizations.router)
api.add_router("/profile", profile.router)
api.add_router("/messages", messages.router)
api.add_router("/check", checks.router)
api.add_router("/meetings", meetings.router)
api.add_router("/meetings", agenda.router)
api.add_router("/actions", actions.router)
api.add_router("/insights", insights.router)
api.add_router("/tokens", tokens.router)
