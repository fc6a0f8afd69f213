"""A strict Content-Security-Policy on every response: scripts and styles only from our own
static files, no inline code, no framing. Names and notes people type can't become code."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse

POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", POLICY)
        return response


NUL_MESSAGE = (
    "The request contained a NUL character (\\x00), which no field can hold. "
    "Remove it and try again."
)


class NulCharacterGuardMiddleware:
    """Refuse NUL characters in query strings and JSON bodies with a 400, up front.

    PostgreSQL can't store or even compare text containing NUL, so a stray `%00` in a search
    would otherwise end in a server error. Form fields are covered by Django's own validator;
    file uploads may legitimately hold NUL bytes and are left alone.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._has_nul(request):
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": NUL_MESSAGE}, status=400)
            return HttpResponseBadRequest(NUL_MESSAGE, content_type="text/plain; charset=utf-8")
        return self.get_response(request)

    @staticmethod
    def _has_nul(request: HttpRequest) -> bool:
        query = request.META.get("QUERY_STRING", "")
        if "%00" in query or "\x00" in query or any("\x00" in v for v in request.GET.values()):
            return True
        if request.content_type == "application/json":
            body = request.body
            return b"\x00" in body or b"\\u0000" in body
        return False
