"""/api/v1/actions: the computed next steps, and done / snooze / dismiss / undo by key.

Keys look like `follow-up:contact=12:n=1`; URL-encode them in the path.
"""

from datetime import date
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status

from coffeechat.api.forms import validated
from coffeechat.domain import limits
from coffeechat.followups import queries, services
from coffeechat.followups.forms import SnoozeForm

router = Router(tags=["actions"])


class ActionOut(Schema):
    key: str
    kind: str
    title: str
    contact: int | None
    contact_name: str
    meeting: int | None
    organization: int | None
    due: date
    overdue: bool
    reason: str
    draft_kind: str | None
    message: int | None = Field(
        None, description='For "note-reply": the message they answered (POST its /reply).'
    )
    quote: str = Field("", description='For "note-reply": the first lines of their answer.')


class ListParams(Schema):
    on: str | None = Field(
        None, description="A day as YYYY-MM-DD (1900–2200); today on your clock when left out."
    )
    all: bool = False


def _day(text: str | None) -> date | None:
    """Only a real YYYY-MM-DD in range: `?on=0` is not 1 January 1970."""
    from coffeechat.api.main import FormErrors

    if text is None:
        return None
    try:
        day = date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        day = None
    problem = "Give the day as YYYY-MM-DD, e.g. 2026-11-30." if day is None else None
    problem = problem or limits.date_problem(day)  # type: ignore[arg-type]
    if problem:
        raise FormErrors({"on": [problem]})
    return day


class SnoozeIn(Schema):
    until: str


class StateOut(Schema):
    key: str
    state: str
    until: date | None


@router.get("", response=list[ActionOut])
def list_actions(request: HttpRequest, params: Query[ListParams]) -> list[dict[str, Any]]:
    """Open actions due on or before `on` (the caller's today); `all=true` adds upcoming ones."""
    current = queries.plan(request.user, _day(params.on))
    chosen = current.actions if params.all else current.due()
    return [queries.action_json(r) for r in queries.action_rows(current, chosen)]


def _set(request: HttpRequest, key: str, verb: str, until: date | None = None) -> Any:
    current = queries.plan(request.user)
    return services.set_action_state(request.user, current, key, verb, until)


@router.post("/{path:key}/done", response=StateOut)
def mark_done(request: HttpRequest, key: str) -> Any:
    return _set(request, key, "done")


@router.post("/{path:key}/dismiss", response=StateOut)
def dismiss(request: HttpRequest, key: str) -> Any:
    return _set(request, key, "dismiss")


@router.post("/{path:key}/snooze", response=StateOut)
def snooze(request: HttpRequest, key: str, payload: SnoozeIn) -> Any:
    current = queries.plan(request.user)
    form = validated(SnoozeForm(payload.dict(), today=current.on_date))
    return services.set_action_state(
        request.user, current, key, "snooze", form.cleaned_data["until"]
    )


@router.post("/{path:key}/undo", response={204: None})
def undo(request: HttpRequest, key: str) -> Status:
    services.clear_action_state(request.user, key)
    return Status(204, None)
