"""Live mode: the focused page used during the conversation. Its writes go to the JSON API
(`coffeechat/api/agenda.py`) from live.js, which saves as you type."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from coffeechat.domain import vocab
from coffeechat.interviews import queries
from coffeechat.interviews.forms import ReferralForm, ResourceForm


def live(request: HttpRequest, pk: int) -> HttpResponse:
    context = queries.live_page(request.user, pk)
    context["referral_form"] = ReferralForm(auto_id="referral_%s")
    context["resource_form"] = ResourceForm(auto_id="resource_%s")
    context["resource_kinds"] = dict(vocab.RESOURCE_KINDS)
    return render(request, "interviews/live.html", context)
