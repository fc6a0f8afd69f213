"""Uploaded files kept on the server between preview and confirm, never trusted from the client.

Personal mode keeps each upload under DATA_DIR/uploads/<owner id>/<random key>, so a key from
another account finds nothing. Server mode keeps them in the database (`network.PendingUpload`,
looked up by owner and key), so any app server can confirm an import another one previewed.
The rules are the same in both: each person keeps at most MAX_PENDING uploads (and MAX_PENDING
times the upload limit in bytes), a new upload making room by dropping that person's oldest;
uploads older than an hour, whoever left them (a closed tab, a killed import), are swept away
on anyone's next upload. An Excel workbook is read once, when it is uploaded, and its rows are
kept beside it, so the preview, a new column mapping and the import itself never unpack it
again.
"""

from __future__ import annotations

import json
import re
import secrets
import time
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from coffeechat.domain.importers import Workbook
from coffeechat.network.models import PendingUpload
from coffeechat.network.transfer.imports import safe_file_name

LIFETIME_SECONDS = 3600
MAX_PENDING = 3  # uploads waiting for their preview or confirm, per person
_KEY = re.compile(r"[A-Za-z0-9_-]{24,64}")


@dataclass
class Stashed:
    key: str
    data: bytes
    file_name: str
    fmt: str = "auto"
    column_map: dict[str, str] = field(default_factory=dict)
    workbook: Workbook | None = None
    field_choices: dict[str, Any] = field(default_factory=dict)  # FieldChoices.as_json()


def _folder(owner: Any) -> Path:
    return Path(settings.DATA_DIR) / "uploads" / str(int(owner.pk))


def _paths(owner: Any, key: str) -> tuple[Path, Path] | None:
    if not _KEY.fullmatch(key):
        return None
    folder = _folder(owner)
    return folder / f"{key}.bin", folder / f"{key}.json"


def _rows_path(owner: Any, key: str) -> Path:
    return _folder(owner) / f"{key}.rows.json"


def _in_database() -> bool:
    return not settings.PERSONAL


def _rows_json(workbook: Workbook | None) -> dict[str, Any] | None:
    if workbook is None:
        return None
    return {"records": workbook.records, "notes": workbook.notes, "sheets": workbook.sheets}


def _rows_from(kept: Any) -> Workbook | None:
    if not isinstance(kept, dict):
        return None
    records = [(int(number), [str(c) for c in cells]) for number, cells in kept["records"]]
    sheets = [(str(title), int(count)) for title, count in kept.get("sheets", [])]
    return Workbook(records, [str(note) for note in kept["notes"]], sheets)


def _pending(owner: Any) -> Any:
    return PendingUpload.objects.filter(owner=owner)


def _cutoff() -> Any:
    return timezone.now() - timedelta(seconds=LIFETIME_SECONDS)


def put(
    owner: Any, data: bytes, file_name: str, fmt: str = "auto", workbook: Workbook | None = None
) -> str:
    if _in_database():
        return _put_row(owner, data, file_name, fmt, workbook)
    sweep_everyone()
    _make_room(owner, len(data))
    folder = _folder(owner)
    folder.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(24)
    data_path, meta_path = folder / f"{key}.bin", folder / f"{key}.json"
    data_path.write_bytes(data)
    if workbook is not None:
        _rows_path(owner, key).write_text(json.dumps(_rows_json(workbook)), encoding="utf-8")
    meta = {"file_name": safe_file_name(file_name), "fmt": fmt}
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    return key


def _put_row(owner: Any, data: bytes, file_name: str, fmt: str, workbook: Workbook | None) -> str:
    with transaction.atomic():
        PendingUpload.objects.filter(created_at__lt=_cutoff()).delete()
        kept = list(_pending(owner).order_by("created_at", "id").values_list("pk", "size"))
        budget = MAX_PENDING * settings.UPLOAD_LIMIT_BYTES
        total = sum(size for _, size in kept) + len(data)
        dropped = []
        while kept and (len(kept) >= MAX_PENDING or total > budget):
            pk, size = kept.pop(0)
            dropped.append(pk)
            total -= size
        _pending(owner).filter(pk__in=dropped).delete()
        key = secrets.token_urlsafe(24)
        PendingUpload.objects.create(
            owner=owner,
            key=key,
            file_name=safe_file_name(file_name),
            fmt=fmt,
            data=data,
            size=len(data),
            rows=_rows_json(workbook),
        )
    return key


def _workbook(owner: Any, key: str) -> Workbook | None:
    path = _rows_path(owner, key)
    if not path.exists():
        return None
    return _rows_from(json.loads(path.read_text(encoding="utf-8")))


def get(owner: Any, key: str) -> Stashed | None:
    if _in_database():
        found = _pending(owner).filter(key=key, created_at__gte=_cutoff()).first()
        if found is None:
            return None
        return Stashed(
            key=key,
            data=bytes(found.data),
            file_name=found.file_name,
            fmt=found.fmt,
            column_map=dict(found.column_map or {}),
            workbook=_rows_from(found.rows),
            field_choices=dict(found.field_choices or {}),
        )
    paths = _paths(owner, key)
    if paths is None or not paths[0].exists() or not paths[1].exists():
        return None
    data_path, meta_path = paths
    if time.time() - data_path.stat().st_mtime > LIFETIME_SECONDS:
        drop(owner, key)
        return None
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    return Stashed(
        key=key,
        data=data_path.read_bytes(),
        file_name=str(meta.get("file_name", "upload")),
        fmt=str(meta.get("fmt", "auto")),
        column_map=dict(meta.get("column_map", {})),
        workbook=_workbook(owner, key),
        field_choices=dict(meta.get("field_choices", {})),
    )


def remember_choices(
    owner: Any,
    stashed: Stashed,
    fmt: str,
    column_map: dict[str, str],
    field_choices: dict[str, Any] | None = None,
) -> None:
    """Keep the format, column mapping and fields of work chosen in the preview; the fields
    start over (None) when the file is read another way, since its rows change with it."""
    fields = field_choices or {}
    if _in_database():
        _pending(owner).filter(key=stashed.key).update(
            fmt=fmt, column_map=column_map, field_choices=fields
        )
        return
    paths = _paths(owner, stashed.key)
    if paths is not None:
        meta = {
            "file_name": stashed.file_name,
            "fmt": fmt,
            "column_map": column_map,
            "field_choices": fields,
        }
        paths[1].write_text(json.dumps(meta), encoding="utf-8")


def drop(owner: Any, key: str) -> None:
    if _in_database():
        _pending(owner).filter(key=key).delete()
        return
    paths = _paths(owner, key)
    for path in paths or ():
        path.unlink(missing_ok=True)
    if paths is not None:
        _rows_path(owner, key).unlink(missing_ok=True)


def _make_room(owner: Any, incoming: int) -> None:
    """Drop this person's oldest uploads until the new one fits the per-person quota."""
    folder = _folder(owner)
    if not folder.is_dir():
        return
    pending = sorted(
        (path.stat().st_mtime, path) for path in folder.glob("*.bin") if path.is_file()
    )
    budget = MAX_PENDING * settings.UPLOAD_LIMIT_BYTES
    total = sum(path.stat().st_size for _, path in pending) + incoming
    while pending and (len(pending) >= MAX_PENDING or total > budget):
        _, oldest = pending.pop(0)
        total -= oldest.stat().st_size
        drop(owner, oldest.name.removesuffix(".bin"))


def sweep(owner: Any) -> None:
    """Remove this person's uploads older than LIFETIME_SECONDS."""
    _sweep_folder(_folder(owner), time.time() - LIFETIME_SECONDS)


def sweep_everyone() -> None:
    """Remove everyone's uploads older than LIFETIME_SECONDS (a person's folder stays: it is
    tiny, and removing it could race with that person's own upload)."""
    root = Path(settings.DATA_DIR) / "uploads"
    if not root.is_dir():
        return
    cutoff = time.time() - LIFETIME_SECONDS
    for folder in root.iterdir():
        if folder.is_dir():
            _sweep_folder(folder, cutoff)


def _sweep_folder(folder: Path, cutoff: float) -> None:
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        try:
            if path.is_file() and path.stat().st_mtime < cutoff:
                path.unlink(missing_ok=True)
        except OSError:
            continue  # removed by another process meanwhile
