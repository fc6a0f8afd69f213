"""One number per user that changes whenever any of their data changes.

Work derived from all of a user's data is kept under it: the follow-up plan (Today, the
navigation badge, the digest, the API), list counts, and the drawn lists and Insights figures
(`StampedCache`). Every write path to owned data passes through
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
from collections.abc import Callable, Hashable, Iterable
from typing import Any, Generic, TypeVar

from django.db import IntegrityError, transaction
from django.db.models import F, QuerySet

T = TypeVar("T")


def touch(owner_ids: Iterable[int | None]) -> None:
    """Mark the data of these users as changed."""
    from coffeechat.accounts.models import DataStamp  # accounts' models build on this package

    ids = sorted({pk for pk in owner_ids if pk is not None})
    if ids:
        DataStamp.objects.filter(user_id__in=ids).update(version=F("version") + 1)


def version_of(user: Any) -> int:
    """The user's current number. Every user gets a stamp when created (`accounts.apps`); one
    that has none, say after a hand-edited database, gets it here."""
    from coffeechat.accounts.models import DataStamp

    version = DataStamp.objects.filter(user_id=user.pk).values_list("version", flat=True).first()
    if version is not None:
        return int(version)
    try:
        with transaction.atomic():
            return DataStamp.objects.create(user_id=user.pk).version
    except IntegrityError:  # another request made it first
        return int(DataStamp.objects.values_list("version", flat=True).get(user_id=user.pk))


class StampedCache(Generic[T]):
    """Values worked out from one owner's data, kept until the owner's stamp changes.

    Bounded to the most recently used `size` keys; each process keeps its own.
    """

    def __init__(self, size: int) -> None:
        self._size = size
        self._known: OrderedDict[tuple[int, Hashable], tuple[int, T]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, owner: Any, key: Hashable, compute: Callable[[], T]) -> T:
        version = version_of(owner)  # first, before `compute` reads anything
        full_key = (owner.pk, key)
        with self._lock:
            known = self._known.get(full_key)
            if known is not None and known[0] == version:
                self._known.move_to_end(full_key)
                return known[1]
        value = compute()
        with self._lock:
            self._known[full_key] = (version, value)
            self._known.move_to_end(full_key)
            while len(self._known) > self._size:
                self._known.popitem(last=False)
        return value

    def peek(self, owner: Any, key: Hashable) -> T | None:
        """What was last kept for `key`, whatever the stamp now says (no query)."""
        with self._lock:
            known = self._known.get((owner.pk, key))
        return None if known is None else known[1]

    def clear(self) -> None:
        with self._lock:
            self._known.clear()


# Counting walks every matching row, so it is the one cost of a list page that grows with the
# data; the same list, unchanged, has the same length.
COUNTS: StampedCache[int] = StampedCache(512)


def stamped_count(owner: Any, queryset: QuerySet[Any]) -> int:
    """`queryset.count()`, remembered until `owner`'s data changes; `queryset` must be
    scoped to `owner` (the key is its SQL, the owner's id among the parameters)."""
    return COUNTS.get(owner, str(queryset.query), queryset.count)
