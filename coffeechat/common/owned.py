"""The one path to user data: every owned row is fetched through `scope`.

Views, commands and API endpoints never filter owned models by hand; they call
`Model.objects.owned_by(user)` or `get_owned_or_404`, both of which go through `scope`, so
another person's id is simply not found.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar, TypeVar

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.http import Http404

from coffeechat.common.fields import BoundedDateTimeField
from coffeechat.common.stamps import quiet_topics, touch

M = TypeVar("M", bound=models.Model)


def scope(queryset: models.QuerySet[M], user: Any) -> models.QuerySet[M]:
    """Only the rows `user` owns; nothing at all for an anonymous user."""
    if user is None or not getattr(user, "is_authenticated", False):
        return queryset.none()
    return queryset.filter(owner_id=user.pk)


class OwnedQuerySet(models.QuerySet[M]):
    """Owner-scoped reads, and writes that mark their owners' data as changed (`stamps`)."""

    def owned_by(self, user: Any) -> models.QuerySet[M]:
        return scope(self, user)

    def _owners(self) -> list[int]:
        return list(self.order_by().values_list("owner_id", flat=True).distinct())

    def update(self, **kwargs: Any) -> int:
        owners = self._owners()
        wide = _writes_wide_fields(self.model, kwargs, adding=False)
        contacts = _plan_contacts_of(self) if len(owners) == 1 and not wide else None
        count = super().update(**kwargs)
        touch(owners, _quiet(self.model, kwargs), contacts)
        return count

    update.alters_data = True  # type: ignore[attr-defined]

    def delete(self) -> tuple[int, dict[str, int]]:
        owners = self._owners()
        result = super().delete()
        touch(owners, _quiet(self.model))
        return result

    # As Django marks its own: never `Model.objects.delete()`, which would empty the table.
    delete.alters_data = True  # type: ignore[attr-defined]
    delete.queryset_only = True  # type: ignore[attr-defined]

    def bulk_create(self, objs: Iterable[M], *args: Any, **kwargs: Any) -> list[M]:
        created = super().bulk_create(objs, *args, **kwargs)
        touch((getattr(o, "owner_id", None) for o in created), _quiet(self.model))
        return created

    bulk_create.alters_data = True  # type: ignore[attr-defined]

    def bulk_update(self, objs: Iterable[M], *args: Any, **kwargs: Any) -> int:
        objs = list(objs)
        count = super().bulk_update(objs, *args, **kwargs)
        touch((getattr(o, "owner_id", None) for o in objs), _quiet(self.model))
        return count

    bulk_update.alters_data = True  # type: ignore[attr-defined]


class Owned(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = BoundedDateTimeField(auto_now_add=True)
    updated_at = BoundedDateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()
    # Per stamp topic (`stamps.TOPICS`), the fields it never reads: a save of only these (with
    # `update_fields`, as live mode's autosave does) leaves that topic's stamp alone.
    QUIET_FIELDS: ClassVar[dict[str, frozenset[str]]] = {}
    # The topics that never read this model at all, nor anything its deletion cascades to.
    QUIET_TOPICS: ClassVar[frozenset[str]] = frozenset()
    # The lookup from a row to the contact whose plan facts it is ("pk" for a contact), when
    # it feeds Today's rules: a save then tells the plan cache whose steps to work out again.
    PLAN_CONTACT: ClassVar[str | None] = None
    # Fields whose change reaches other people's plan facts in ways the row can't tell (a
    # contact moved between organizations): an update of them changes anyone's.
    PLAN_WIDE_FIELDS: ClassVar[frozenset[str]] = frozenset()

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        adding = self._state.adding
        super().save(*args, **kwargs)
        written = kwargs.get("update_fields")
        quiet = _quiet(type(self), written)
        anyone = "plan" in quiet or _writes_wide_fields(type(self), written, adding)
        touch([self.owner_id], quiet, None if anyone else _plan_contacts_of(self))

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        # Rows a cascade deletes belong to the owner of the row that started it.
        owner = self.owner_id
        result = super().delete(*args, **kwargs)
        touch([owner], _quiet(type(self)))
        return result


# A bulk change of more rows than this is logged as a change to anyone (`stamps.touch`).
_MANY_CONTACTS = 50


def _plan_contacts_of(rows: Owned | models.QuerySet[Any]) -> list[int | None] | None:
    """The contacts whose plan facts a write to `rows` changes (`Owned.PLAN_CONTACT`), or None
    when that can't be told: a model without the lookup, or a change to many rows."""
    model = rows.model if isinstance(rows, models.QuerySet) else type(rows)
    lookup = getattr(model, "PLAN_CONTACT", None)
    if lookup is None:
        return None
    if isinstance(rows, models.QuerySet):
        queryset = rows
    elif "__" not in lookup:
        return [getattr(rows, lookup)]
    else:
        queryset = models.QuerySet(model).filter(pk=rows.pk)
    found = queryset.order_by().values_list(lookup, flat=True).distinct()[: _MANY_CONTACTS + 1]
    people = list(found)
    return None if len(people) > _MANY_CONTACTS else people


def _writes_wide_fields(model: Any, written: Iterable[str] | None, adding: bool) -> bool:
    """A write to an existing row that changes, or may change (a save of every field), one
    of the model's `PLAN_WIDE_FIELDS`."""
    wide: frozenset[str] = getattr(model, "PLAN_WIDE_FIELDS", frozenset())
    if not wide or adding:
        return False
    return written is None or not wide.isdisjoint(written)


def _quiet(model: Any, written: Iterable[str] | None = None) -> set[str]:
    """The stamp topics a write to `model` (of only the `written` fields, when known) leaves
    alone (`coffeechat.common.stamps`)."""
    quiet = set(getattr(model, "QUIET_TOPICS", ()))
    if written:
        quiet |= quiet_topics(getattr(model, "QUIET_FIELDS", {}), written)
    return quiet


def get_owned_or_404(source: type[M] | models.QuerySet[M], user: Any, **lookup: Any) -> M:
    """Fetch by lookup *and* owner; anything else (missing, or someone else's) is a 404.

    `source` is a model or a queryset of it (e.g. with annotations); the owner filter is applied
    here either way, so no caller can forget it.
    """
    queryset = source._default_manager.all() if isinstance(source, type) else source
    try:
        return scope(queryset, user).get(**lookup)
    except (ObjectDoesNotExist, ValueError, TypeError) as exc:
        name = queryset.model._meta.verbose_name
        raise Http404(f"No {name} with that id.") from exc
