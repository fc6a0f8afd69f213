"""The question bank: built-in questions merged with the user's own; add, edit, hide, reorder."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from coffeechat.accounts.services import profile_of
from coffeechat.common.http import render_form
from coffeechat.domain.questions import check_question, fill
from coffeechat.interviews import bank
from coffeechat.interviews.forms import QuestionForm


def question_bank(request: HttpRequest) -> HttpResponse:
    fields = profile_of(request.user).fields_of_interest or []
    field = fields[0] if fields else None
    groups = [
        (category, label, [(e, fill(e.question.text, field=field)) for e in group])
        for category, label, group in bank.by_category(bank.entries(request.user))
    ]
    return render(
        request,
        "interviews/question_bank.html",
        {"groups": groups, "protected_reason": bank.PROTECTED_REASON},
    )


@require_http_methods(["GET", "POST"])
def question_create(request: HttpRequest) -> HttpResponse:
    return _edit(request, None)


@require_http_methods(["GET", "POST"])
def question_edit(request: HttpRequest, ref: str) -> HttpResponse:
    return _edit(request, bank.entry(request.user, ref))


def _edit(request: HttpRequest, entry: bank.BankEntry | None) -> HttpResponse:
    builtin = entry is not None and entry.builtin
    initial: dict[str, Any] = {}
    if entry is not None:
        q = entry.question
        initial = {"text": q.text, "category": q.category, "minutes": q.minutes}
        initial["priority"] = q.priority
    form = QuestionForm(request.POST or None, initial=initial, builtin=builtin)
    if request.method == "POST" and form.is_valid():
        bank.save_question(request.user, entry.ref if entry else None, form.cleaned_data)
        findings = check_question(form.cleaned_data["text"])
        if findings:  # a hint, never a block
            messages.info(request, f"Saved. One thought: {findings[0].message}")
        else:
            messages.success(request, "Saved to your question bank.")
        return redirect("question-bank")
    hints = check_question(form["text"].value() or "")
    return render_form(
        request,
        "interviews/question_form.html",
        {"form": form, "entry": entry, "hints": hints},
        valid=request.method != "POST",
    )


@require_POST
def question_check(request: HttpRequest) -> HttpResponse:
    """The closed-question hints for what is typed so far (htmx, debounced)."""
    text = request.POST.get("text", "")[:1000]
    return render(request, "interviews/question_form.html#hints", {"hints": check_question(text)})


@require_POST
def question_hide(request: HttpRequest, ref: str) -> HttpResponse:
    hidden = request.POST.get("hidden", "1") == "1"
    try:
        bank.set_hidden(request.user, ref, hidden)
    except bank.ProtectedQuestion as exc:
        messages.info(request, str(exc))
    return redirect(f"/questions/#q-{ref}")


@require_POST
def question_move(request: HttpRequest, ref: str) -> HttpResponse:
    bank.move(request.user, ref, -1 if request.POST.get("direction") == "up" else 1)
    return redirect(f"/questions/#q-{ref}")


@require_POST
def question_delete(request: HttpRequest, ref: str) -> HttpResponse:
    bank.delete_own(request.user, ref)
    messages.success(request, "Question deleted.")
    return redirect("question-bank")
