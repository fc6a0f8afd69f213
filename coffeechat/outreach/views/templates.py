"""The user's own wording: every built-in template, customizable and resettable."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from coffeechat.common.http import render_form
from coffeechat.domain import vocab
from coffeechat.domain.drafts import Template, builtin_templates, template_fields
from coffeechat.domain.drafts.variants import variant_label
from coffeechat.outreach import queries, services
from coffeechat.outreach.forms import TemplateForm
from coffeechat.outreach.review import review_template


def _builtin(kind: str, variant: str) -> Template:
    found = builtin_templates().get((kind, variant))
    if found is None:
        raise Http404("There is no such template.")
    return found


def template_list(request: HttpRequest) -> HttpResponse:
    customized = queries.customized_keys(request.user)
    rows = [
        {
            "kind": t.kind,
            "variant": t.variant,
            "label": vocab.label(vocab.MESSAGE_KINDS, t.kind),
            "used_when": variant_label(t.kind, t.variant),
            "customized": (t.kind, t.variant) in customized,
        }
        for t in builtin_templates().values()
    ]
    return render(request, "outreach/template_list.html", {"rows": rows})


@require_http_methods(["GET", "POST"])
def template_edit(request: HttpRequest, kind: str, variant: str) -> HttpResponse:
    builtin = _builtin(kind, variant)
    own = queries.user_template(request.user, kind, variant)
    current = own or builtin
    form = TemplateForm(
        request.POST or None, initial={"subject": current.subject or "", "body": current.body}
    )
    if builtin.subject is None:
        del form.fields["subject"]
    tried = None
    if request.method == "POST" and form.is_valid():
        subject, body = form.cleaned_data.get("subject", ""), form.cleaned_data["body"]
        services.customize_template(request.user, kind, variant, subject, body)
        tried = review_template(request.user, kind, variant, subject or None, body, timezone.now())
        if not tried.findings:
            messages.success(request, "Saved. New drafts of this kind use your wording.")
            return redirect("template-list")
        # Saved all the same: the student decides. The notes show what a reader would meet.
        messages.success(request, "Saved. Before you use it, have a look at the notes below.")
        return render(
            request,
            "outreach/template_form.html",
            _page(kind, variant, form, customized=True) | {"tried": tried},
        )
    return render_form(
        request,
        "outreach/template_form.html",
        _page(kind, variant, form, customized=own is not None),
        valid=request.method != "POST",
    )


def _page(kind: str, variant: str, form: TemplateForm, *, customized: bool) -> dict[str, Any]:
    return {
        "form": form,
        "kind": kind,
        "variant": variant,
        "label": vocab.label(vocab.MESSAGE_KINDS, kind),
        "used_when": variant_label(kind, variant),
        "customized": customized,
        "fields": template_fields(),
    }


@require_POST
def template_reset(request: HttpRequest, kind: str, variant: str) -> HttpResponse:
    _builtin(kind, variant)
    services.reset_template(request.user, kind, variant)
    messages.success(request, "Back to the built-in wording.")
    return redirect("template-list")
