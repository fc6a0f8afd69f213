"""The prep sheet and its agenda: plan it, then reorder, add or remove questions by hand."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from coffeechat.interviews import bank, queries, services
from coffeechat.interviews.forms import NewItemForm, ObjectiveForm, PlanForm


def _render(
    request: HttpRequest,
    pk: int,
    new_item_form: NewItemForm,
    status: int = 200,
    objective_form: ObjectiveForm | None = None,
) -> HttpResponse:
    context = queries.prep_sheet(request.user, pk)
    context["objective_form"] = objective_form or ObjectiveForm(
        initial={"objective": context["meeting"].objective}
    )
    context["plan_form"] = PlanForm()
    context["new_item_form"] = new_item_form
    context["bank"] = [e for e in bank.entries(request.user) if not e.question.hidden]
    meeting = context["meeting"]
    if meeting.status == "proposed":
        context["suggested"] = services.suggested_time_lines(meeting, timezone.now())
    return render(request, "interviews/prep.html", context, status=status)


def prep_sheet(request: HttpRequest, pk: int) -> HttpResponse:
    return _render(request, pk, NewItemForm())


def _back(pk: int, anchor: str = "agenda") -> HttpResponse:
    return redirect(f"/meetings/{pk}/prep/#{anchor}")


@require_POST
def save_objective(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = queries.meeting_for(request.user, pk)
    form = ObjectiveForm(request.POST)
    if not form.is_valid():
        return _render(request, pk, NewItemForm(), status=422, objective_form=form)
    services.update_meeting(meeting, {"objective": form.cleaned_data["objective"]})
    if meeting.objective:
        messages.success(request, "Saved. You'll see it in live mode too, to keep you on course.")
    return _back(pk, "objective")


@require_POST
def times_reply(request: HttpRequest, pk: int) -> HttpResponse:
    """The time isn't agreed yet: offer a few as a new short reply, never by changing the
    request that has already gone out."""
    meeting = queries.meeting_for(request.user, pk)
    draft = services.times_reply_draft(meeting, timezone.now())
    messages.success(
        request,
        "Here's a short reply with a few times. Check it and send it when it reads right; "
        "the request you already sent stays as it was.",
    )
    return redirect("message-detail", pk=draft.pk)


@require_POST
def plan_agenda(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = queries.meeting_for(request.user, pk)
    form = PlanForm(request.POST)
    try:
        agenda = services.plan_agenda(meeting, form.chosen_order())
    except services.AgendaInUse as exc:
        messages.info(request, str(exc))
        return _back(pk)
    messages.success(
        request,
        f"Your agenda is ready: {agenda.question_count} questions in about "
        f"{agenda.total_minutes} of your {meeting.minutes} minutes.",
    )
    for note in agenda.notes:
        messages.info(request, note.message)
    return _back(pk)


@require_POST
def add_item(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = queries.meeting_for(request.user, pk)
    ref = request.POST.get("ref", "")
    if ref:
        services.add_from_bank(meeting, ref)
        return _back(pk)
    form = NewItemForm(request.POST)
    if not form.is_valid():
        return _render(request, pk, form, status=422)
    services.add_item(meeting, **form.cleaned_data)
    return _back(pk)


@require_POST
def move_item(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    meeting = queries.meeting_for(request.user, pk)
    item = queries.item_for(meeting, item_pk)
    services.move_item(meeting, item, -1 if request.POST.get("direction") == "up" else 1)
    return _back(pk)


@require_POST
def remove_item(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    meeting = queries.meeting_for(request.user, pk)
    item = queries.item_for(meeting, item_pk)
    if item.notes.strip():
        messages.info(request, "That question holds your notes, so it stays on the agenda.")
    else:
        item.delete()
    return _back(pk)
