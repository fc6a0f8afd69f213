"""Possible duplicates: merge two contacts (choosing which values win) or keep both;
organizations that differ only by a legal form, offered for merging."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coffeechat.common.http import page_of, parse_id
from coffeechat.common.owned import get_owned_or_404
from coffeechat.network.models import Contact, DuplicateFlag, Organization
from coffeechat.network.transfer import merge


@require_GET
def duplicate_list(request: HttpRequest) -> HttpResponse:
    page = page_of(request, merge.possible_duplicates(request.user))
    return render(request, "transfer/duplicates.html", {"page": page})


@require_POST
def duplicate_keep_both(request: HttpRequest, pk: int) -> HttpResponse:
    flag = get_owned_or_404(DuplicateFlag, request.user, pk=pk)
    merge.dismiss_flag(flag)
    messages.success(request, "Kept both. We won't ask about these two again.")
    return redirect("duplicate-list")


@require_http_methods(["GET", "POST"])
def contact_merge(request: HttpRequest, pk: int, other: int) -> HttpResponse:
    mine = Contact.objects.select_related("organization", "referred_by")
    keep = get_owned_or_404(mine, request.user, pk=pk)
    duplicate = get_owned_or_404(mine, request.user, pk=other)
    if keep.pk == duplicate.pk:
        messages.error(request, "Pick two different people to merge.")
        return redirect("duplicate-list")
    choices = merge.field_choices(keep, duplicate)
    if request.method == "POST":
        take = {c.name for c in choices if request.POST.get(c.name) == "other"}
        name = duplicate.full_name
        merged = merge.merge_contacts(request.user, keep, duplicate, take)
        messages.success(
            request, f"Merged {name} into {merged.full_name}; their history moved along."
        )
        return redirect("contact-detail", pk=merged.pk)
    counts = {
        "messages": _count(request, "messages", keep, duplicate),
        "meetings": _count(request, "meetings", keep, duplicate),
    }
    context = {"keep": keep, "other": duplicate, "choices": choices, "counts": counts}
    return render(request, "transfer/merge_contacts.html", context)


def _count(request: HttpRequest, relation: str, *contacts: Contact) -> list[int]:
    return [getattr(contact, relation).filter(owner=request.user).count() for contact in contacts]


@require_http_methods(["GET", "POST"])
def organization_merge(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        keep = get_owned_or_404(Organization, request.user, pk=request.POST.get("keep", ""))
        ids = [i for i in map(parse_id, request.POST.getlist("merge")) if i is not None]
        others = list(
            Organization.objects.owned_by(request.user).filter(Q(pk__in=ids) & ~Q(pk=keep.pk))
        )
        if not others:
            messages.error(request, "Tick at least one other name to fold into the one you keep.")
            return redirect("organization-merge")
        merged = merge.merge_organizations(request.user, keep, others)
        messages.success(
            request, f"Merged {merged} organization{'s' if merged != 1 else ''} into {keep.name}."
        )
        return redirect("organization-merge")
    groups = merge.organization_merge_offers(request.user)
    return render(request, "transfer/merge_organizations.html", {"groups": groups})
