"""Every URL pattern and API operation, enumerated from the resolver and the OpenAPI document,
and the explicit map from each path parameter to the object of a `World` it names.

A pattern with a parameter that is in none of the maps below fails the isolation test: whoever
adds an endpoint must say here what its parameter names, so it gets checked like the rest.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from urllib.parse import quote

from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from coffeechat.api.main import api
from coffeechat.domain.board import COLUMNS as BOARD_COLUMNS
from coffeechat.network.transfer.exports import KINDS as EXPORT_KINDS
from tests.security.world import TEMPLATE_SLOT, World

API_PREFIX = "api/v1/"


@dataclass(frozen=True)
class Route:
    name: str
    route: str
    params: tuple[str, ...]
    public: bool  # answers without signing in (`login_not_required`)


def _walk(patterns: list[Any], prefix: str = "") -> Iterator[tuple[str, URLPattern]]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern))
        else:
            yield prefix + str(entry.pattern), entry


def resolver_patterns() -> list[tuple[str, URLPattern]]:
    return list(_walk(get_resolver().url_patterns))


def web_routes() -> list[Route]:
    """The pages (everything outside the JSON API), in URLconf order."""
    found = []
    for route, pattern in resolver_patterns():
        if route.startswith(API_PREFIX):
            continue
        assert pattern.name, f"{route} has no name; name it so the security map can refer to it"
        found.append(
            Route(
                name=pattern.name,
                route=route,
                params=tuple(pattern.pattern.converters),
                public=getattr(pattern.callback, "login_required", True) is False,
            )
        )
    return found


def api_resolver_routes() -> set[str]:
    return {route for route, _ in resolver_patterns() if route.startswith(API_PREFIX)}


@dataclass(frozen=True)
class Operation:
    method: str
    path: str  # with {name} placeholders, as in the OpenAPI document
    path_params: tuple[str, ...]
    query_params: tuple[str, ...]
    body: dict[str, Any] | None  # the request body's JSON schema, resolved

    @property
    def label(self) -> str:
        return f"{self.method.upper()} {self.path}"


def openapi() -> dict[str, Any]:
    return api.get_openapi_schema(path_prefix="/api/v1")


def api_operations() -> list[Operation]:
    document = openapi()
    schemas = document["components"]["schemas"]
    found = []
    for path, methods in document["paths"].items():
        for method, op in methods.items():
            params = op.get("parameters", [])
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {})
            ref = body.get("schema", {}).get("$ref", "")
            found.append(
                Operation(
                    method=method,
                    path=path,
                    path_params=tuple(p["name"] for p in params if p["in"] == "path"),
                    query_params=tuple(p["name"] for p in params if p["in"] == "query"),
                    body=schemas[ref.rsplit("/", 1)[-1]] if ref else None,
                )
            )
    return found


# ---------------------------------------------------------------------------------------------
# Pages: route name → the parameters that name one of the world's objects.
# `pk` means something else on every page, so the map is by route name.

ObjectMap = Callable[[World], dict[str, Any]]


def _contact(w: World) -> dict[str, Any]:
    return {"pk": w.referrer.pk}  # the contact with messages, meetings and a referral


def _organization(w: World) -> dict[str, Any]:
    return {"pk": w.org.pk}


def _message(w: World) -> dict[str, Any]:
    return {"pk": w.request.pk}  # a sent request with a reply


def _meeting(w: World) -> dict[str, Any]:
    return {"pk": w.held.pk}  # held: agenda with notes, advice, a resource, a reflection


def _agenda_item(w: World) -> dict[str, Any]:
    return {"pk": w.held.pk, "item_pk": w.item.pk}


def _batch(w: World) -> dict[str, Any]:
    return {"pk": w.batch.pk}


def _question(w: World) -> dict[str, Any]:
    return {"ref": str(w.question.pk)}  # the user's own question (built-ins are per-user slots)


OBJECT_ROUTES: dict[str, ObjectMap] = {
    **dict.fromkeys(("contact-detail", "contact-edit", "contact-delete"), _contact),
    **dict.fromkeys(
        ("organization-detail", "organization-edit", "organization-delete"), _organization
    ),
    # An upload waiting for confirmation: a random key in the uploader's session and folder.
    "import-preview": lambda w: {"key": w.stash_key},
    **dict.fromkeys(("import-batch", "import-undo"), _batch),
    "duplicate-keep-both": lambda w: {"pk": w.flag.pk},
    "contact-merge": lambda w: {"pk": w.referral.pk, "other": w.twin.pk},
    **dict.fromkeys(
        (
            *("message-detail", "message-sent", "message-replied", "message-referral"),
            *("message-delete", "message-eml", "message-autosave", "message-copy"),
        ),
        _message,
    ),
    **dict.fromkeys(
        (
            *("meeting-detail", "meeting-edit", "meeting-status", "meeting-ics", "meeting-prep"),
            *("agenda-plan", "agenda-add", "meeting-live", "meeting-reflect"),
            *("meeting-objective", "meeting-times-reply"),
        ),
        _meeting,
    ),
    **dict.fromkeys(("agenda-move", "agenda-remove"), _agenda_item),
    **dict.fromkeys(
        ("question-edit", "question-hide", "question-move", "question-delete"), _question
    ),
    "account-token-revoke": lambda w: {"pk": w.api_token.pk},
    "finding-undo": lambda w: {"pk": w.finding.pk if w.finding else 0},
    "account-sharing-revoke": lambda w: {"pk": w.share.pk if w.share else 0},
}

# Parameters that name a per-user slot, not an object: everyone has their own, so another
# user's request reaches *their* slot and must show and change nothing of alice's.
SLOT_ROUTES: dict[str, Callable[[World], list[dict[str, Any]]]] = {
    "export": lambda w: [{"kind": kind} for kind in EXPORT_KINDS],
    "template-edit": lambda w: [dict(zip(("kind", "variant"), TEMPLATE_SLOT, strict=True))],
    "template-reset": lambda w: [dict(zip(("kind", "variant"), TEMPLATE_SLOT, strict=True))],
    # The verb is a word; the action's key travels in the body (alice's key, see web_bodies).
    "action-state": lambda w: [{"verb": verb} for verb in ("done", "dismiss", "snooze")],
    # The verb is a word; the kind of late steps travels in the body.
    "group-state": lambda w: [{"verb": verb} for verb in ("done", "snooze")],
    # A column of the board is a stage name: everyone's board has the same columns.
    "board-column": lambda w: [{"column": column.id} for column in BOARD_COLUMNS],
}

# A student's id, readable only by an adviser the student shares with.
ROLE_ROUTES: dict[str, ObjectMap] = {"adviser-student": lambda w: {"pk": w.user.pk}}

# Deliberately public: no sign-in. Their parameters are secrets (a link's key, a reset token,
# the calendar feed's secret), checked in test_public_pages.py.
PUBLIC_ROUTES = {
    "healthz",
    "favicon",  # a redirect to the static icon: browsers ask for it before anyone signs in
    "login",
    "signin-link",
    "signup",
    "signup-invited",
    "verify-email",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "calendar-feed",
}


def object_variants(route: Route, target: World, own: World) -> list[dict[str, Any]]:
    """The target's ids, then (for several parameters) each mixed with one of `own`'s ids:
    mallory's meeting with alice's agenda item must be refused as firmly as alice's meeting."""
    theirs, mine = OBJECT_ROUTES[route.name](target), OBJECT_ROUTES[route.name](own)
    variants = [theirs]
    if len(theirs) > 1:
        variants += [theirs | {name: mine[name]} for name in theirs]
    return variants


def url(route: Route, kwargs: dict[str, Any]) -> str:
    return reverse(route.name, kwargs=kwargs)


def web_bodies(target: World) -> list[dict[str, Any]]:
    """Plausible form posts for any page, every id in them one of the target's."""
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    base: dict[str, Any] = {
        **{"first_name": "Mallory", "last_name": "Was Here", "name": "Mallory Inc"},
        **{"subject": "Mine now", "body": "Mine now", "text": "Mine now?", "notes": "Mine now"},
        **{"title": "Mine", "how_found": "other", "kind": "request", "channel": "email"},
        **{"category": "advice", "minutes": "20", "priority": "2", "mode": "video"},
        **{"starts_on": tomorrow, "starts_at": f"{tomorrow}T10:00", "starts_time": "10:00"},
        **{"until": tomorrow, "direction": "up", "hidden": "1", "enabled": "on"},
        **{"status": "cancelled", "ended_time": "10:20", "next_step": "Mine"},
        # Ids of the target's rows wherever a form takes an id.
        "contact": target.referrer.pk,
        "organization": target.org.pk,
        "referred_by": target.referrer.pk,
        "meeting": target.held.pk,
        "keep": target.org.pk,
        "merge": [target.org_twin.pk],
        "key": target.open_action_key,
        "ref": str(target.question.pk),
        "adviser": target.share.adviser_id if target.share else "",
    }
    return [base | {"action": "confirm"}, base | {"action": "save"}]


def web_query(target: World) -> dict[str, Any]:
    """Query-string ids a page may read (composer, scheduling, filters)."""
    return {
        "contact": target.referrer.pk,
        "meeting": target.held.pk,
        "organization": target.org.pk,
        "q": "Surname",  # alice's contacts have it too; the leak tests search her unique names
    }


# ---------------------------------------------------------------------------------------------
# API: path parameter name → the world's objects it may name.

API_PARAMS: dict[str, Callable[[World], list[Any]]] = {
    "contact_id": lambda w: [w.referrer.pk],
    "organization_id": lambda w: [w.org.pk],
    "message_id": lambda w: [w.request.pk],
    "meeting_id": lambda w: [w.held.pk],
    "item_id": lambda w: [w.item.pk],
    # An action still open, and one alice already settled (undo must not reach hers).
    "key": lambda w: [w.open_action_key, w.settled_action_key],
    "token_id": lambda w: [w.api_token.pk],
}


def api_path(op: Operation, values: dict[str, Any]) -> str:
    path = op.path
    for name, value in values.items():
        path = path.replace("{" + name + "}", quote(str(value), safe=""))
    return path


def api_variants(op: Operation, target: World, own: World) -> list[dict[str, Any]]:
    choices = [API_PARAMS[name](target) for name in op.path_params]
    variants = [
        dict(zip(op.path_params, combo, strict=True)) for combo in itertools.product(*choices)
    ]
    if len(op.path_params) > 1:
        first = variants[0]
        variants += [first | {name: API_PARAMS[name](own)[0]} for name in op.path_params]
    return variants


def _api_value(name: str, schema: dict[str, Any], target: World) -> Any:
    ids = {
        "contact": target.referrer.pk,
        "organization": target.org.pk,
        "referred_by": target.referrer.pk,
        "meeting": target.held.pk,
        "referrer": target.referrer.pk,
        "items": [target.item.pk],
    }
    kinds = {s.get("type") for s in schema.get("anyOf", [schema])} - {"null", None}
    if name in ids and kinds & {"integer", "array"}:
        return ids[name]
    choices = [value for s in schema.get("anyOf", [schema]) for value in s.get("enum", [])]
    if choices:
        return choices[0]
    if name == "until":
        return (timezone.localdate() + timedelta(days=2)).isoformat()
    fmt = {s.get("format") for s in schema.get("anyOf", [schema])}
    if "date-time" in fmt:
        return (timezone.now() + timedelta(days=2)).isoformat()
    if "date" in fmt:
        return (timezone.localdate() + timedelta(days=2)).isoformat()
    if "boolean" in kinds:
        return True
    if "integer" in kinds or "number" in kinds:
        return 20
    if "array" in kinds:
        return []
    return "Mallory was here"


def api_body(op: Operation, target: World) -> dict[str, Any]:
    if op.body is None:
        return {}
    return {
        name: _api_value(name, schema, target)
        for name, schema in op.body.get("properties", {}).items()
    }


def api_query(op: Operation, target: World) -> dict[str, Any]:
    ids = {"contact": target.referrer.pk, "organization": target.org.pk, "all": "true"}
    return {name: ids[name] for name in op.query_params if name in ids}
