"""Uploaded files kept on the server between preview and confirm, never trusted from the client.

Each upload is stored under DATA_DIR/uploads/<owner id>/<random key>, so a key from another
account finds nothing; files older than an hour are swept away on the next upload.
"""

from __future__ import annotations

import json
import re
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings

from coffeechat.network.transfer.imports import safe_file_name

LIFETIME_SECONDS = 3600
_KEY = re.compile(r"[A-Za-z0-9_-]{24,64}")


@dataclass
class Stashed:
    key: str
    data: bytes
    file_name: str
    fmt: str = "auto"
    column_map: dict[str, str] = field(default_factory=dict)


def _folder(owner: Any) -> Path:
    return Path(settings.DATA_DIR) / "uploads" / str(int(owner.pk))


def _paths(owner: Any, key: str) -> tuple[Path, Path] | None:
    if not _KEY.fullmatch(key):
        return None
    folder = _folder(owner)
    return folder / f"{key}.bin", folder / f"{key}.json"


def put(owner: Any, data: bytes, file_name: str, fmt: str = "auto") -> str:
    sweep(owner)
    folder = _folder(owner)
    folder.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(24)
    data_path, meta_path = folder / f"{key}.bin", folder / f"{key}.json"
    data_path.write_bytes(data)
    meta = {"file_name": safe_file_name(file_name), "fmt": fmt}
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    return key


def get(owner: Any, key: str) -> Stashed | None:
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
    )


def remember_choices(owner: Any, stashed: Stashed, fmt: str, column_map: dict[str, str]) -> None:
    paths = _paths(owner, stashed.key)
    if paths is not None:
        meta = {"file_name": stashed.file_name, "fmt": fmt, "column_map": column_map}
        paths[1].write_text(json.dumps(meta), encoding="utf-8")


def drop(owner: Any, key: str) -> None:
    paths = _paths(owner, key)
    for path in paths or ():
        path.unlink(missing_ok=True)


def sweep(owner: Any) -> None:
    folder = _folder(owner)
    if not folder.is_dir():
        return
    cutoff = time.time() - LIFETIME_SECONDS
    for path in folder.iterdir():
        if path.is_file() and path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)
