"""Read paths for contacts and organizations: owner-scoped, filtered, and cheap at 30,000 rows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.lookups import Exact

from coffeechat.common.owned import get_owned_or_404
from coffeechat.domain import vocab
from coffeechat.interviews.models import AgendaItem, Meeting
from coffeechat.network.models import Contact, Organization, clean_tag
from coffeechat.network.search import search
from coffeechat.outreach.models import Message


def _sent(kinds: frozenset[str] | set[str]) -> Exists:
    return Exists(
        Message.objects.filter(contact=OuterRef("pk"), status="sent", kind__in=sorted(kinds))
    )


def _meeting(**lookup: Any) -> Exists:
    return Exists(Meeting.objects.filter(contact=OuterRef("pk"), **lookup))


def _said_no() -> Q:
    """Their latest answer to an ask was a no, and no conversation was arranged after all."""
    latest = (
        Message.objects.filter(
            contact=OuterRef("pk"),
            replied_at__isnull=False,
            kind__in=sorted(vocab.REQUEST_KINDS | {"follow-up"}),
        )
        .order_by("-replied_at", "-pk")
        .values("reply_outcome")[:1]
    )
    said: Exact[str] = Exact(Subquery(latest, output_field=CharField()), Value("declined"))
    return Q(said) & ~Q(_meeting(status__in=["proposed", "scheduled", "held"]))


def with_stage(contacts: QuerySet[Contact]) -> QuerySet[Any]:
    """Annotate `stage` (docs/method.md §1) from messages and meetings, in SQL; never stored."""
    prepared = Exists(
        AgendaItem.objects.filter(
            meeting__contact=OuterRef("pk"), meeting__status__in=["proposed", "scheduled"]
        )
    )
    replied = Exists(Message.objects.filter(contact=OuterRef("pk"), replied_at__isnull=False))
    return contacts.annotate(
        stage=Case(
            When(~Q(closed_reason=""), then="closed_reason"),
            When(_said_no(), then=Value("declined")),
            When(_sent({"update"}) & _sent({"thank-you"}), then=Value("keep-in-touch")),
            When(_sent({"thank-you"}), then=Value("thanked")),
            When(_meeting(status="held"), then=Value("held")),
            When(prepared, then=Value("prepared")),
            When(_meeting(status__in=["proposed", "scheduled"]), then=Value("scheduled")),
            When(replied, then=Value("replied")),
            When(_sent(vocab.REQUEST_KINDS), then=Value("requested")),
            When(~Q(notes=""), then=Value("researched")),
            default=Value("identified"),
            output_field=CharField(),
        )
    )


CONTACT_SORTS = {
    "name": ("last_name", "first_name", "id"),
    "-name": ("-last_name", "-first_name", "-id"),
    "organization": ("organization__name", "last_name", "id"),
    "-updated": ("-updated_at", "-id"),
    "created": ("created_at", "id"),
}


@dataclass(frozen=True)
class ContactFilters:
    q: str = ""
    stage: str = ""
    how_found: str = ""
    organization: int | None = None
    field: str = ""
    tag: str = ""
    shortlisted: bool = False
    sort: str = "name"


def _stage_narrowing(user: Any, stage: str) -> Q | None:
    """The contacts that *can* be in `stage`, through an index (None: anyone can be)."""
    sent = Message.objects.filter(owner_id=user.pk, status="sent")
    if stage == "declined":  # closed as declined, or said no in a reply
        said_no = sent.filter(reply_outcome="declined").values("contact_id")
        return Q(closed_reason=stage) | Q(pk__in=said_no)
    if stage in {"cancelled", "dormant"}:
        return Q(closed_reason=stage)
    if stage in {"thanked", "keep-in-touch"}:
        return Q(pk__in=sent.filter(kind="thank-you").values("contact_id"))
    if stage in {"scheduled", "prepared", "held"}:
        return Q(pk__in=Meeting.objects.filter(owner_id=user.pk).values("contact_id"))
    if stage in {"requested", "replied"}:
        return Q(pk__in=sent.values("contact_id"))
    return None


def in_stages(contacts: QuerySet[Any], user: Any, stages: tuple[str, ...]) -> QuerySet[Any]:
    """The contacts (annotated `with_stage`) in any of `stages`. They are first narrowed to the
    ones that *can* be there through an index, so rare stages (held, thanked…) cost what they
    match, not the whole list."""
    narrowing = [_stage_narrowing(user, stage) for stage in stages]
    known = [q for q in narrowing if q is not None]
    if known and len(known) == len(narrowing):
        either = Q()
        for q in known:
            either |= q
        contacts = contacts.filter(either)
    return contacts.filter(stage__in=stages)


def contact_list(user: Any, filters: ContactFilters) -> QuerySet[Any]:
    """The matching contacts with their stage and organization, in the chosen order."""
    return contact_ids(user, filters, with_stage(Contact.objects.owned_by(user))).select_related(
        "organization"
    )


def contact_ids(
    user: Any, filters: ContactFilters, contacts: QuerySet[Any] | None = None
) -> QuerySet[Any]:
    """The matching contacts in the chosen order. The stage is worked out only when it is
    filtered on: a page finds its 50 ids without it (`contacts_in_order` adds it to those)."""
    if contacts is None:
        contacts = Contact.objects.owned_by(user)
        if filters.stage:
            contacts = with_stage(contacts)
    if filters.q:
        contacts = search(contacts, filters.q)
    if filters.stage:
        contacts = in_stages(contacts, user, (filters.stage,))
    if filters.how_found:
        contacts = contacts.filter(how_found=filters.how_found)
    if filters.organization:
        contacts = contacts.filter(organization_id=filters.organization)
    if filters.field:
        contacts = contacts.filter(field__iexact=filters.field)
    if filters.tag:
        contacts = contacts.filter(tags_text__icontains="," + clean_tag(filters.tag) + ",")
    if filters.shortlisted:
        contacts = contacts.filter(shortlisted=True)
    return contacts.order_by(*CONTACT_SORTS.get(filters.sort, CONTACT_SORTS["name"]))


def contacts_in_order(user: Any, ids: list[int]) -> list[Any]:
    """The contacts with these ids, with their stage and organization, in the order given."""
    found = with_stage(Contact.objects.owned_by(user)).select_related("organization")
    by_id = {c.pk: c for c in found.filter(pk__in=ids)}
    return [by_id[pk] for pk in ids if pk in by_id]


def contact_detail(user: Any, pk: int) -> Any:
    return get_owned_or_404(
        with_stage(Contact.objects.all()).select_related("organization", "referred_by"), user, pk=pk
    )


def talked_with() -> Q:
    """Contacts you have really talked with: met, thanked, or heard back from."""
    replied = Exists(Message.objects.filter(contact=OuterRef("pk"), replied_at__isnull=False))
    return Q(replied) | Q(_meeting(status="held")) | Q(_sent({"thank-you"}))


def _knows_someone() -> Q:
    """'Know someone there', worked out from the data: someone there you have talked with.
    The stored yes/no counts only while nobody there is on the list (the data says nothing)."""
    people = Contact.objects.filter(organization=OuterRef("pk"))
    return Q(Exists(people.filter(talked_with()))) | (Q(advocacy=True) & ~Q(Exists(people)))


ORGANIZATION_SORTS: dict[str, tuple[Any, ...]] = {
    # The LAMP list: advocacy first, then motivation, then posting (The 2-Hour Job Search).
    "lamp": ("-advocacy", F("motivation").desc(nulls_last=True), "-posting", "name_key"),
    "name": ("name_key",),
    "-contacts": ("-contact_count", "name_key"),
}


def organization_list(user: Any, q: str = "", sort: str = "lamp") -> QuerySet[Organization]:
    orgs = Organization.objects.owned_by(user)
    if sort == "-contacts":  # only this sort needs every organization's count
        orgs = orgs.annotate(contact_count=Count("contacts"))
    if q:
        orgs = orgs.filter(Q(name__icontains=q) | Q(industry__icontains=q))
    if sort == "lamp":  # the list ranks on whom you know there, worked out from the data
        orgs = orgs.annotate(knows_someone=_knows_someone())
        return orgs.order_by("-knows_someone", *ORGANIZATION_SORTS["lamp"][1:])
    return orgs.order_by(*ORGANIZATION_SORTS.get(sort, ORGANIZATION_SORTS["lamp"]))


def count_contacts(orgs: list[Organization]) -> None:
    """Set `contact_count` and `talked_count` (the people there you have talked with) on one
    page of organizations with a single grouped query."""
    counts = {
        org: (n, talked)
        for org, n, talked in Contact.objects.filter(organization__in=orgs)
        .annotate(has_talked=talked_with())
        .values_list("organization")
        .annotate(n=Count("id"), talked=Count("id", filter=Q(has_talked=True)))
        .values_list("organization", "n", "talked")
    }
    for org in orgs:
        org.contact_count, org.talked_count = counts.get(org.pk, (0, 0))  # type: ignore[attr-defined]
