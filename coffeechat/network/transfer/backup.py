"""A complete, versioned JSON backup of everything one person owns, and its restore.

Generic on purpose: every model built on `Owned` is included (plus the profile), so rooms added
later are backed up without a change here. Rows are written in primary-key order and foreign
keys refer to a row's position in its list ("natural order"), so a backup restored into another
database, where ids differ, exports to the very same document.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable, Iterator
from decimal import Decimal
from graphlib import TopologicalSorter
from typing import Any, TextIO

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from coffeechat.accounts.services import profile_of
from coffeechat.common import validators
from coffeechat.common.owned import Owned
from coffeechat.domain import limits

FORMAT = "coffeechat-backup"
VERSION = 1
_BATCH = 500


class BackupRefused(Exception):
    """The backup can't be restored here; the message says why and what to do."""


class RowRefused(ValueError):
    """One row breaks a rule the forms keep; the message names the row and the field."""

    def __init__(self, where: str, field: str, problem: str):
        super().__init__(
            f"{where}, {field}: {problem.rstrip('.')}. Nothing was restored; correct that row "
            "(or use the .json file exactly as coffeechat wrote it) and try again."
        )


# Text columns that may hold several lines; every other text column (names, titles, subjects,
# tags, time zones…) keeps to one line, as the forms require.
MULTILINE_CHAR_FIELDS = frozenset({"next_step", "last_error", "password"})
# Rules some columns keep beyond their type, as the forms apply them.
FIELD_RULES = {"time_zone": validators.time_zone, "country": validators.country_code}


def owned_models() -> list[type[models.Model]]:
    found = [m for m in apps.get_models() if issubclass(m, Owned)]
    return sorted(found, key=lambda model: model._meta.label_lower)


def _schema() -> dict[str, list[str]]:
    """Applied migrations of coffeechat's own apps: what the rows' shape depends on."""
    ours = {
        config.label for config in apps.get_app_configs() if config.name.startswith("coffeechat")
    }
    applied: dict[str, list[str]] = {label: [] for label in sorted(ours)}
    for app, name in MigrationRecorder.Migration.objects.values_list("app", "name"):
        if app in applied:
            applied[app].append(name)
    return {label: sorted(names) for label, names in applied.items()}


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal | uuid.UUID):
        return str(value)
    return value


def _data_fields(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    return [f for f in model._meta.concrete_fields if not f.primary_key and f.name != "owner"]


def _is_owned(model: Any) -> bool:
    return isinstance(model, type) and issubclass(model, Owned)


# Left out of every backup: a copied file must not carry the keys to the student's mailbox
# or calendar feed. After a restore they set the mail password again and make a new feed link.
SECRET_FIELDS = {"outreach.smtpaccount": frozenset({"password"})}
SECRET_PROFILE_FIELDS = frozenset({"calendar_secret"})


def export_backup(owner: Any) -> dict[str, Any]:
    """The whole backup as one document (for tests and small accounts; `write_backup` streams)."""
    data = {label: list(rows) for label, rows in _sections(owner)}
    return {**_header(owner), "data": data}


def write_backup(owner: Any, into: TextIO) -> None:
    """The backup as JSON text, row by row: memory stays flat however many rows there are.

    The text is exactly `json.dump(export_backup(owner), into, ensure_ascii=False, indent=1)`:
    each row is dumped on its own and indented to its depth (a dumped row's only line breaks
    are its own layout, as JSON escapes those inside strings).
    """
    header = json.dumps(_header(owner), ensure_ascii=False, indent=1)
    into.write(header.removesuffix("\n}") + ',\n "data": {')
    section = ""
    for label, rows in _sections(owner):
        into.write(f"{section}\n  {json.dumps(label)}: [")
        section, row_end = ",", "]"
        for n, row in enumerate(rows):
            text = json.dumps(row, ensure_ascii=False, indent=1).replace("\n", "\n   ")
            into.write(f"{',' if n else ''}\n   {text}")
            row_end = "\n  ]"
        into.write(row_end)
    into.write("\n }\n}" if section else "}\n}")


def _header(owner: Any) -> dict[str, Any]:
    profile = profile_of(owner)
    return {
        "format": FORMAT,
        "version": VERSION,
        "owner": owner.get_username(),
        "exported_at": timezone.now().isoformat(),
        "schema": _schema(),
        "profile": {
            f.name: _plain(f.value_from_object(profile))
            for f in _profile_fields()
            if f.name not in SECRET_PROFILE_FIELDS
        },
    }


def _sections(owner: Any) -> Iterator[tuple[str, Iterator[dict[str, Any]]]]:
    """(model label, its rows as plain dicts) for every owned model, rows in primary-key order.

    Rows are read as values in chunks, never as model instances all at once; foreign keys to
    owned rows become positions, for which only each model's ids are held.
    """
    models_ = owned_models()
    position = {
        m: {pk: n for n, pk in enumerate(_owned_rows(m, owner).values_list("pk", flat=True), 1)}
        for m in models_
    }
    for model in models_:
        secret = SECRET_FIELDS.get(model._meta.label_lower, frozenset())
        fields = [field for field in _data_fields(model) if field.name not in secret]
        names = [field.name for field in fields]
        values = [_value_of(field, position) for field in fields]
        rows = _owned_rows(model, owner).values_list(*(field.attname for field in fields))
        yield (
            model._meta.label_lower,
            (
                {name: value(raw) for name, value, raw in zip(names, values, row, strict=True)}
                for row in rows.iterator(chunk_size=_BATCH * 4)
            ),
        )


def _owned_rows(model: type[models.Model], owner: Any) -> models.QuerySet[Any]:
    return model._default_manager.filter(owner=owner).order_by("pk")


def _value_of(field: Any, position: dict[Any, dict[Any, int]]) -> Callable[[Any], Any]:
    """How a stored value of `field` is written: a position for a link to an owned row,
    "owner" for a link to the account, plain JSON for the rest."""
    target = field.related_model if field.is_relation else None
    if target is not None and target is get_user_model():
        return lambda raw: None if raw is None else "owner"
    if _is_owned(target):
        positions = position[target]
        return lambda raw: None if raw is None else positions.get(raw)
    return _plain


def _profile_fields() -> list[Any]:
    profile_model = apps.get_model("accounts", "Profile")
    return [
        f for f in profile_model._meta.concrete_fields if not f.primary_key and f.name != "user"
    ]


def check_restorable(owner: Any, document: Any) -> None:
    """Raise BackupRefused unless `document` is our backup, of this person, for this version."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BackupRefused("This isn't a coffeechat backup (the .json file `export` makes).")
    version = document.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise BackupRefused(
            "This backup was made by a newer coffeechat. Update coffeechat, then restore it."
        )
    if document.get("owner") != owner.get_username():
        raise BackupRefused(
            f"This backup belongs to {document.get('owner')!r}, not {owner.get_username()!r}. "
            "Backups restore only into the account they came from, so nobody's network ends up "
            "in someone else's hands."
        )
    known = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    schema = document.get("schema")
    data = document.get("data")
    if not isinstance(schema, dict) or not isinstance(data, dict):
        raise BackupRefused("This backup is incomplete: its schema or data section is missing.")
    unknown = [
        f"{app}.{name}"
        for app, names in schema.items()
        for name in (names if isinstance(names, list) else [])
        if (app, name) not in known
    ]
    labels = {m._meta.label_lower for m in owned_models()}
    if unknown or set(data) - labels:
        raise BackupRefused(
            "This backup was made by a newer coffeechat. Update coffeechat, then restore it."
        )
    nonempty = [m._meta.verbose_name_plural for m in owned_models() if _has_rows(m, owner)]
    if nonempty:
        raise BackupRefused(
            "A backup restores into an empty account only, so nothing you have now gets mixed "
            f"up or lost. This account already has {', '.join(map(str, nonempty))}."
        )


def _has_rows(model: type[models.Model], owner: Any) -> bool:
    return model._default_manager.filter(owner=owner).exists()


def restore_backup(owner: Any, document: Any) -> int:
    """Recreate everything in the backup for `owner` (an empty account); returns rows restored.

    All or nothing: a damaged backup restores nothing and says so.
    """
    check_restorable(owner, document)
    try:
        return _restore(owner, document)
    except RowRefused as exc:
        raise BackupRefused(str(exc)) from exc
    except (TypeError, ValueError, KeyError, IndexError, AttributeError, ValidationError) as exc:
        raise BackupRefused(_DAMAGED) from exc
    except IntegrityError as exc:
        raise BackupRefused(_DAMAGED) from exc


_DAMAGED = (
    "This backup is damaged (a value doesn't fit or a link points nowhere), so nothing was "
    "restored. Use the .json file exactly as coffeechat wrote it."
)


@transaction.atomic
def _restore(owner: Any, document: dict[str, Any]) -> int:
    models_by_label = {m._meta.label_lower: m for m in owned_models()}
    order = _insertion_order(list(models_by_label.values()))
    new_pks: dict[Any, list[Any]] = {}
    later: list[tuple[type[models.Model], list[Any], list[str]]] = []
    total = 0
    for model in order:
        rows = document["data"].get(model._meta.label_lower, [])
        if not isinstance(rows, list):
            raise RowRefused(f"The {model._meta.verbose_name_plural} section", "rows", _NOT_A_LIST)
        objects, deferred = _build(model, rows, owner, new_pks)
        for start in range(0, len(objects), _BATCH):
            model._default_manager.bulk_create(objects[start : start + _BATCH])
        new_pks[model] = [obj.pk for obj in objects]
        later.append((model, objects, [*deferred, *_stamps(model)]))
        total += len(objects)
    for model, objects, fields in later:
        for n, obj in enumerate(objects, start=1):
            for attname, value in getattr(obj, "_restore_later", {}).items():
                if isinstance(value, tuple):
                    value = _pk(new_pks, value, _where(model, n), attname.removesuffix("_id"))
                setattr(obj, attname, value)
        if fields and objects:
            model._default_manager.bulk_update(objects, fields, batch_size=_BATCH)
    profile = profile_of(owner)
    saved = document.get("profile", {})
    if not isinstance(saved, dict):
        raise RowRefused("The profile", "profile", "it should be a set of fields")
    for field in _profile_fields():
        if field.name in saved:
            value = _checked(field, saved[field.name], "The profile")
            setattr(profile, field.attname, value)
    profile.save()
    return total


_NOT_A_LIST = "it should be a list of rows"


def _where(model: type[models.Model], n: int) -> str:
    return f"Row {n} of {model._meta.verbose_name_plural}"


def _pk(new_pks: dict[Any, list[Any]], ref: tuple[Any, Any], where: str, field: str) -> Any:
    """The new id of the row at `position` (1 = the first) in its list; nothing else points."""
    target, position = ref
    rows = new_pks.get(target, [])
    if (
        isinstance(position, bool)
        or not isinstance(position, int)
        or not 1 <= position <= len(rows)
    ):
        raise RowRefused(
            where,
            field,
            f"it points to {target._meta.verbose_name} number {position!r}, but the backup "
            f"has {len(rows)} (numbered from 1)",
        )
    return rows[position - 1]


def _checked(field: Any, value: Any, where: str) -> Any:
    """`value` for `field` by the rules the forms keep, or RowRefused naming row and field."""
    try:
        if isinstance(field, models.CharField | models.TextField):
            if value is None and field.null:
                return None
            if not isinstance(value, str):
                raise ValidationError("it should be text")
            one_line = isinstance(field, models.CharField)
            one_line = one_line and field.name not in MULTILINE_CHAR_FIELDS
            (validators.single_line if one_line else validators.storable_text)(value)
        converted = field.to_python(value)
        if converted not in field.empty_values:
            if field.choices:
                field.validate(converted, None)
            field.run_validators(converted)
            if isinstance(field, models.DateField | models.DateTimeField):
                validators.date_in_range(converted)
            rule = FIELD_RULES.get(field.name)
            if rule is not None:
                rule(converted)
            if isinstance(field, models.JSONField):
                for text in limits.strings_in(converted):
                    validators.storable_text(text)
    except ValidationError as exc:
        raise RowRefused(where, field.name, " ".join(exc.messages)) from exc
    return converted


def _stamps(model: type[models.Model]) -> list[str]:
    """auto_now fields are overwritten on insert, so their saved values are written afterwards."""
    return [
        f.name
        for f in model._meta.concrete_fields
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    ]


def _build(
    model: type[models.Model], rows: list[dict[str, Any]], owner: Any, new_pks: dict[Any, list[Any]]
) -> tuple[list[models.Model], list[str]]:
    deferred: set[str] = set()
    objects = []
    stamps = set(_stamps(model))
    for n, row in enumerate(rows, start=1):
        where = _where(model, n)
        if not isinstance(row, dict):
            raise RowRefused(where, "row", "it should be a set of fields")
        obj = model(owner=owner)
        later: dict[str, Any] = {}
        for field in _data_fields(model):
            if field.name not in row:
                continue
            value = row[field.name]
            if field.is_relation and value is not None:
                target = field.related_model
                if value == "owner":
                    value = owner.pk
                elif _is_owned(target):
                    if field.null:
                        later[field.attname] = (target, value)
                        deferred.add(field.name)
                        continue
                    value = _pk(new_pks, (target, value), where, field.name)
                setattr(obj, field.attname, value)
            else:
                # Every rule the forms keep (one-line names, known time zones, dates in range,
                # no javascript: links…), so a hand-edited file can't store what they refuse.
                converted = _checked(field, value, where)
                setattr(obj, field.attname, converted)
                if field.name in stamps:
                    later[field.attname] = converted
        obj._restore_later = later  # type: ignore[attr-defined]
        objects.append(obj)
    return objects, sorted(deferred)


def _insertion_order(owned: list[type[models.Model]]) -> list[type[models.Model]]:
    """Models after the ones their required (non-null) foreign keys point to."""
    graph: dict[type[models.Model], set[type[models.Model]]] = {model: set() for model in owned}
    for model in owned:
        for field in _data_fields(model):
            target = field.related_model if field.is_relation else None
            if _is_owned(target) and not field.null and target is not model:
                graph[model].add(target)  # type: ignore[arg-type]
    return list(TopologicalSorter(graph).static_order())
