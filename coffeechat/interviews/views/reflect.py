"""After the conversation: a short reflection and the next step."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from coffeechat.common.http import render_form
from coffeechat.interviews import queries, services
from coffeechat.interviews.forms import ReflectionForm


@require_http_methods(["GET", "POST"])
def reflect(request: HttpRequest, pk: int) -> HttpResponse:
    context = queries.reflection_page(request.user, pk)
    meeting = context["meeting"]
    reflection = meeting.reflection if isinstance(meeting.reflection, dict) else {}
    form = ReflectionForm(
        request.POST or None, initial=ReflectionForm.initial_for(reflection, meeting.next_step)
    )
    if request.method == "POST" and form.is_valid():
        services.save_reflection(meeting, form.answers(), form.cleaned_data["next_step"])
        messages.success(request, "Reflection saved. Writing it down is how the lessons stick.")
        return redirect("meeting-reflect", pk=pk)
    context["form"] = form
    context["compose_url"] = f"/compose/?contact={meeting.contact_id}&kind=thank-you"
    return render_form(request, "interviews/reflect.html", context, valid=request.method != "POST")
