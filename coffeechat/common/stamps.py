"""One number per user that changes whenever any of their data changes.

Work derived from all of a user's data is kept under it: the follow-up plan (Today, the
navigation badge, the digest, the API), list counts, and the drawn lists and Insights figures
(`StampedCache`). Every write path to owned data passes through
`touch`: `Owned.save` and `Owned.delete`, the owned querysets' `update`, `delete`,
`bulk_create` and `bulk_update`, `Profile.save`, and the import's raw `INSERT`. The bump runs
in the same transaction as the write, so the two become visible together.

Beside that number, one per *topic* (`TOPICS`): the facts Today's rules read (not what was
done with each step, which the plan cache reads under the whole number), and the figures of
Insights. A write that changes only fields a topic never reads (a model's `QUIET_FIELDS`,
such as the general notes live mode saves every few seconds) leaves that topic's number alone,
so the plan and the figures are not worked out again for it.

A reader takes the number *before* it reads the data: if a write lands in between, the work
is cached under the old number and the next read, seeing the new one, redoes it. The cache can
hold work that is too new, never work that is too old.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import Any, Generic, TypeVar

from django.conf import settings
from django.core.cache import caches
from django.db import IntegrityError, transaction
from django.db.models import F, QuerySet

SHARED_CACHE = "shared"  # Django cache alias set up when COFFEECHAT_CACHE_URL names a Redis
logger = logging.getLogger(__name__)

T = TypeVar("T")


# The facts Today's follow-up rules read, and what the Insights figures read.
PLAN = "plan"
INSIGHTS = "insights"
TOPICS = (PLAN, INSIGHTS)


def _column(topic: str | None) -> str:
    if topic is None:
        return "version"
    if topic not in TOPICS:
        raise ValueError(f"no such stamp topic: {topic!r}")
    return f"{topic}_version"


def quiet_topics(quiet_fields: Mapping[str, frozenset[str]], written: Iterable[str]) -> set[str]:
    """The topics that none of the `written` fields belongs to (`updated_at` never counts)."""
    fields = set(written) - {"updated_at"}
    return {topic for topic, quiet in quiet_fields.items() if fields <= quiet}


# How many moves of the plan stamp the change log keeps per user: a cache further behind than
# this works the plan out whole.
PLAN_LOG_KEPT = 256


def touch(
    owner_ids: Iterable[int | None],
    quiet: Iterable[str] = (),
    contacts: Iterable[int | None] | None = None,
) -> None:
    """Mark the data of these users as changed, for every topic but the `quiet` ones.

    `contacts`: the only people whose plan facts the write changed, when the writer knows them
    (one contact, message or meeting saved); None when it could be anyone's."""
    from coffeechat.accounts.models import DataStamp  # accounts' models build on this package

    ids = sorted({pk for pk in owner_ids if pk is not None})
    if not ids:
        return
    moved = [None, *(t for t in TOPICS if t not in set(quiet))]
    changes = {_column(t): F(_column(t)) + 1 for t in moved}
    with transaction.atomic():  # the number logged is the one this write moved the stamp to
        DataStamp.objects.filter(user_id__in=ids).update(**changes)
        if PLAN in moved:
            _log_plan_change(ids, None if contacts is None or len(ids) > 1 else set(contacts))


def _log_plan_change(owner_ids: list[int], contacts: set[int | None] | None) -> None:
    from coffeechat.accounts.models import DataStamp, PlanChange

    known = None if contacts is None or None in contacts else sorted(c for c in contacts if c)
    people: list[int | None] = [None] if known is None else list(known)
    stamps = DataStamp.objects.filter(user_id__in=owner_ids).values_list("user_id", "plan_version")
    for user_id, version in stamps:
        PlanChange.objects.bulk_create(
            PlanChange(user_id=user_id, version=version, contact_id=pk) for pk in people
        )
        if version % 64 == 0:  # now and then, forget what no cache can still be behind on
            forgotten = version - PLAN_LOG_KEPT
            PlanChange.objects.filter(user_id=user_id, version__lte=forgotten).delete()


def changed_contacts(user: Any, since: int, until: int) -> frozenset[int] | None:
    """The people whose plan facts changed between two plan stamps, or None when that isn't
    known (a write that could touch anyone, or a gap the log no longer covers)."""
    from coffeechat.accounts.models import PlanChange

    if not 0 < until - since <= PLAN_LOG_KEPT:
        return None
    rows = PlanChange.objects.filter(user_id=user.pk, version__gt=since, version__lte=until)
    seen: set[int] = set()
    people: set[int] = set()
    for version, contact_id in rows.values_list("version", "contact_id"):
        if contact_id is None:
            return None
        seen.add(version)
        people.add(contact_id)
    return frozenset(people) if len(seen) == until - since else None


def version_of(user: Any, topic: str | None = None) -> int:
    """The user's current number (of one topic's, when given)."""
    return versions_of(user, (topic,))[0]


def versions_of(user: Any, topics: Sequence[str | None]) -> tuple[int, ...]:
    """Several of the user's numbers in one query (None: the whole data's). Every user gets a
    stamp when created (`accounts.apps`); one that has none, say after a hand-edited database,
    gets it here."""
    from coffeechat.accounts.models import DataStamp

    columns = [_column(t) for t in topics]
    stamps = DataStamp.objects.filter(user_id=user.pk)
    found = stamps.values_list(*columns).first()
    if found is None:
        try:
            with transaction.atomic():
                DataStamp.objects.create(user_id=user.pk)
        except IntegrityError:  # another request made it first
            pass
        found = stamps.values_list(*columns).get()
    return tuple(int(v) for v in found)


class StampedCache(Generic[T]):
    """Values worked out from one owner's data, kept until the owner's stamp changes.

    Each process keeps the most recently used `size` keys. With a shared cache (server mode
    with COFFEECHAT_CACHE_URL, a Redis), what one process works out is also kept there under the
    stamp, so the other processes and machines reuse it instead of each working it out again.
    With a `topic`, values are kept under that topic's number instead of the whole data's.
    """

    def __init__(self, name: str, size: int, topic: str | None = None) -> None:
        _column(topic)  # a topic that doesn't exist fails here, at import
        self._name = name
        self._size = size
        self._topic = topic
        self._known: OrderedDict[tuple[int, Hashable], tuple[int, T]] = OrderedDict()
        self._lock = threading.Lock()

    def get(
        self,
        owner: Any,
        key: Hashable,
        compute: Callable[[], T],
        version: int | None = None,
        refresh: Callable[[T, int, int], T | None] | None = None,
    ) -> T:
        """The value kept for `key`, or `compute`'s. `version` is this cache's topic's number
        when the caller read it already (`versions_of`, several in one query), before reading
        anything else. `refresh(old value, its number, the new number)` may bring a value kept
        under an older number up to date for less than `compute` costs (None: it can't)."""
        if version is None:
            version = version_of(owner, self._topic)  # first, before `compute` reads anything
        full_key = (owner.pk, key)
        with self._lock:
            known = self._known.get(full_key)
            if known is not None and known[0] == version:
                self._known.move_to_end(full_key)
                return known[1]
        shared_key = self._shared_key(owner, key, version) if settings.SHARED_CACHE_URL else ""
        value = _shared_get(shared_key) if shared_key else None
        if value is None:
            if known is not None and refresh is not None:
                value = refresh(known[1], known[0], version)
            if value is None:
                value = compute()
            if shared_key:
                _shared_set(shared_key, value)
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

    def _shared_key(self, owner: Any, key: Hashable, version: int) -> str:
        # Python's hash() differs between processes; a digest of the key's text does not.
        digest = hashlib.sha256(repr(key).encode()).hexdigest()[:32]
        return f"{self._name}:{owner.pk}:{version}:{digest}"


def _shared_get(key: str) -> Any:
    try:
        return caches[SHARED_CACHE].get(key)
    except Exception:  # a cache that is down must never take a page down: work it out here
        logger.warning("The shared cache could not be read; working it out here.", exc_info=True)
        return None


def _shared_set(key: str, value: Any) -> None:
    if value is None:
        return
    try:
        caches[SHARED_CACHE].set(key, value)
    except Exception:
        logger.warning("The shared cache could not be written.", exc_info=True)


# Counting walks every matching row, so it is the one cost of a list page that grows with the
# data; the same list, unchanged, has the same length.
COUNTS: StampedCache[int] = StampedCache("counts", 512)


def stamped_count(owner: Any, queryset: QuerySet[Any]) -> int:
    """`queryset.count()`, remembered until `owner`'s data changes; `queryset` must be
    scoped to `owner` (the key is its SQL, the owner's id among the parameters)."""
    return COUNTS.get(owner, str(queryset.query), queryset.count)
