"""Organization pages: the target list (sortable by LAMP), detail with the people there."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from coffeechat.common.http import page_of, query_without_page, render_form
from coffeechat.common.owned import get_owned_or_404
from coffeechat.network import queries
from coffeechat.network.forms import OrganizationForm
from coffeechat.network.models import Organization
from coffeechat.network.queries import with_stage


def organization_list(request: HttpRequest) -> HttpResponse:
    sort = request.GET.get("sort", "lamp")
    sort = sort if sort in queries.ORGANIZATION_SORTS else "lamp"
    q = request.GET.get("q", "").strip()[:200]
    page = page_of(request, queries.organization_list(request.user, q, sort), owner=request.user)
    page.object_list = list(page.object_list)
    queries.count_contacts(page.object_list)
    return render(
        request,
        "network/organization_list.html",
        {
            "page": page,
            "sort": sort,
            "q": q,
            "query": query_without_page(request),
        },
    )


def organization_detail(request: HttpRequest, pk: int) -> HttpResponse:
    org = get_owned_or_404(Organization, request.user, pk=pk)
    people = with_stage(org.contacts.all()).order_by("last_name", "first_name")[:200]
    queries.count_contacts([org])
    return render(request, "network/organization_detail.html", {"org": org, "people": people})


@require_http_methods(["GET", "POST"])
def organization_create(request: HttpRequest) -> HttpResponse:
    return _edit(request, Organization())


@require_http_methods(["GET", "POST"])
def organization_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _edit(request, get_owned_or_404(Organization, request.user, pk=pk))


def _edit(request: HttpRequest, org: Organization) -> HttpResponse:
    form = OrganizationForm(request.POST or None, instance=org, owner=request.user)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        messages.success(request, f"Saved {saved.name}.")
        return redirect("organization-detail", pk=saved.pk)
    return render_form(
        request,
        "network/organization_form.html",
        {"form": form, "org": org},
        valid=request.method != "POST",
    )


@require_http_methods(["GET", "POST"])
def organization_delete(request: HttpRequest, pk: int) -> HttpResponse:
    org = get_owned_or_404(Organization, request.user, pk=pk)
    if request.method == "POST":
        name = org.name
        org.delete()
        messages.success(request, f"Deleted {name}. The people who worked there stay on your list.")
        return redirect("organization-list")
    return render(
        request,
        "network/organization_confirm_delete.html",
        {"org": org, "people_count": org.contacts.count()},
    )
