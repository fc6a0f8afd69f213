"""A strict Content-Security-Policy on every response: scripts and styles only from our own
static files, no inline code, no framing. Names and notes people type can't become code."""

from __future__ import annotations

import json
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse

from coffeechat.domain import limits

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


def client_address(request: HttpRequest) -> str:
    """The address sign-in attempts are counted under (django-axes asks this).

    Behind the reverse proxy (server mode, COFFEECHAT_BEHIND_TLS_PROXY), REMOTE_ADDR is the
    proxy's for everyone, so the client's is the last X-Forwarded-For entry: nginx appends the
    address it saw, and anything before it came from the client and can't be trusted.
    """
    if getattr(settings, "TRUST_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        last = forwarded.rsplit(",", 1)[-1].strip()
        if last:
            return last
    return str(request.META.get("REMOTE_ADDR", ""))


# JSON bodies deeper than this are refused before any parser recurses into them.
MAX_JSON_DEPTH = 32
NUL_MESSAGE = (
    "The request contained a NUL character (\\x00), which no field can hold. "
    "Remove it and try again."
)
SURROGATE_MESSAGE = (
    "The request contained a broken Unicode character (a lone surrogate such as \\ud800), "
    "which no field can hold. Remove it and try again."
)
NOT_UTF8_MESSAGE = "The request body isn't UTF-8 text. Send JSON encoded as UTF-8."
TOO_DEEP_MESSAGE = (
    "The JSON in the request nests deeper than any of our endpoints accepts "
    f"({MAX_JSON_DEPTH} levels). Send the fields the endpoint describes."
)
NOT_AN_OBJECT_MESSAGE = (
    'Send the fields as one JSON object, like {"first_name": "Ada"}; this body was not an object.'
)
TOO_BIG_MESSAGE = (
    "The request is larger than we accept ({limit}). Send less at once, or import a file "
    "from the Import page."
)


class InputGuardMiddleware:
    """Refuse, up front, text no field can hold: NUL characters in the path, the query string,
    url-encoded form fields and JSON bodies, lone surrogates and undecodable bytes in JSON
    bodies, JSON nested absurdly deep, and bodies over DATA_UPLOAD_MAX_MEMORY_SIZE (413). The
    API answers in JSON, pages in plain text; nothing reaches a view (or PostgreSQL) to fail.

    PostgreSQL can't store or even compare text containing NUL, so a stray `%00` in a URL or a
    search would otherwise end in a server error. The per-field rules (one-line names, dates in
    range) live in `common.forms`; this catches what would break before a form ever runs.
    Uploaded files may legitimately hold any byte and are left alone.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            problem = self._problem(request)
        except RequestDataTooBig:
            limit = f"{settings.DATA_UPLOAD_MAX_MEMORY_SIZE // (1024 * 1024)} MB"
            return self._refuse(request, TOO_BIG_MESSAGE.format(limit=limit), 413)
        if problem:
            return self._refuse(request, problem, 400)
        if request.path.startswith("/api/") and _not_an_object(request):
            return self._refuse(request, NOT_AN_OBJECT_MESSAGE, 422)
        return self.get_response(request)

    @staticmethod
    def _refuse(request: HttpRequest, message: str, status: int) -> HttpResponse:
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": message}, status=status)
        return HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")

    @staticmethod
    def _problem(request: HttpRequest) -> str | None:
        if "\x00" in request.path:
            return NUL_MESSAGE
        query = request.META.get("QUERY_STRING", "")
        if "%00" in query or "\x00" in query or any("\x00" in v for v in request.GET.values()):
            return NUL_MESSAGE
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return None
        if request.content_type == "application/json":
            return _json_problem(request.body)
        # A large multipart body (an upload) is left to its view, which checks the declared
        # size before anything is read; every smaller form body is looked at here.
        if request.content_type == "application/x-www-form-urlencoded" or (
            request.content_type == "multipart/form-data"
            and _declared_length(request) <= settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        ):
            for _, values in request.POST.lists():
                if any("\x00" in value for value in values):
                    return NUL_MESSAGE
        return None


def _json_problem(body: bytes) -> str | None:
    if not body:
        return None
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return NOT_UTF8_MESSAGE
    if _nesting(text) > MAX_JSON_DEPTH:
        return TOO_DEEP_MESSAGE
    try:
        document = json.loads(text)
    except ValueError:
        return None  # not JSON at all: the API says so with its own 400
    for value in limits.strings_in(document):
        if "\x00" in value:
            return NUL_MESSAGE
        if limits.text_problem(value):
            return SURROGATE_MESSAGE
    return None


def _declared_length(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def _not_an_object(request: HttpRequest) -> bool:
    """Every API body is an object of fields; a list, a string or null is not one."""
    if request.method in ("GET", "HEAD", "OPTIONS") or request.content_type != "application/json":
        return False
    if not request.body.strip():
        return False
    try:
        return not isinstance(json.loads(request.body), dict)
    except ValueError:
        return False  # not JSON: the API's own 400 says so


def _nesting(text: str) -> int:
    """How deep brackets nest, counted without parsing (strings' brackets are skipped)."""
    if text.count("[") + text.count("{") <= MAX_JSON_DEPTH:
        return 0
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
            if deepest > MAX_JSON_DEPTH:
                return deepest
        elif char in "]}":
            depth -= 1
    return deepest
