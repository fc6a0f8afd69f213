"""One number per user that changes whenever any of their data changes.

Work derived from all of a user's data (the follow-up plan behind Today, the navigation badge,
the digest and the API) is cached under it. Every write path to owned data passes through
`touch`: `Owned.save` and `Owned.delete`, the owned querysets' `update`, `delete`,
`bulk_create` and `bulk_update`, `Profile.save`, and the import's raw `INSERT`. The bump runs
in the same transaction as the write, so the two become visible together.

A reader takes the number *before* it reads the data: if a write lands in between, the work
is cached under the old number and the next read, seeing the new one, redoes it. The cache can
hold work that is too new, never work that is too old.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F, QuerySet


def touch(owner_ids: Iterable[int | None]) -> None:
    """Mark the data of these users as changed."""
    from coffeechat.accounts.models import DataStamp  # accounts' models build on this package

    ids = sorted({pk for pk in owner_ids if pk is not None})
    if ids:
        DataStamp.objects.filter(user_id__in=ids).update(version=F("version") + 1)


def version_of(user: Any) -> int:
    """The user's current number; the first call makes their stamp."""
    from coffeechat.accounts.models import DataStamp

    version = DataStamp.objects.filter(user_id=user.pk).values_list("version", flat=True).first()
    if version is not None:
        return int(version)
    try:
        with transaction.atomic():
            return DataStamp.objects.create(user_id=user.pk).version
    except IntegrityError:  # another request made it first
        return int(DataStamp.objects.values_list("version", flat=True).get(user_id=user.pk))


class _Counts:
    """Row counts of owner-scoped lists, kept while the owner's stamp is unchanged.

    Counting walks every matching row, so it is the one cost of a list page that grows with
    the data; the same list, unchanged, has the same length. Bounded to the recent lists.
    """

    def __init__(self, size: int = 512) -> None:
        self._size = size
        self._known: OrderedDict[tuple[int, str], tuple[int, int]] = OrderedDict()
        self._lock = threading.Lock()

    def count(self, owner: Any, queryset: QuerySet[Any]) -> int:
        version = version_of(owner)
        key = (owner.pk, str(queryset.query))
        with self._lock:
            known = self._known.get(key)
            if known is not None and known[0] == version:
                self._known.move_to_end(key)
                return known[1]
        total = queryset.count()
        with self._lock:
            self._known[key] = (version, total)
            self._known.move_to_end(key)
            while len(self._known) > self._size:
                self._known.popitem(last=False)
        return total


COUNTS = _Counts()


def stamped_count(owner: Any, queryset: QuerySet[Any]) -> int:
    """`queryset.count()`, remembered until `owner`'s data changes; `queryset` must be
    scoped to `owner` (the key is its SQL, the owner's id among the parameters)."""
    return COUNTS.count(owner, queryset)
