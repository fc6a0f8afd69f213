"""Typed, loud configuration from the environment (prefix COFFEECHAT_).

A bad value stops start-up with ImproperlyConfigured naming the variable, never a silent fallback.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

PREFIX = "COFFEECHAT_"
TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from exc


def env_list(name: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


def mode() -> str:
    value = env_str(PREFIX + "MODE", "personal").strip().lower()
    if value not in {"personal", "server"}:
        raise ImproperlyConfigured(f"{PREFIX}MODE must be 'personal' or 'server', not {value!r}")
    return value


def data_dir() -> Path:
    """The user's data folder: COFFEECHAT_DATA_DIR, else the platform's user data folder."""
    configured = env_str(PREFIX + "DATA_DIR")
    if configured:
        path = Path(configured).expanduser()
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir("coffeechat", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def personal_secret_key(folder: Path) -> str:
    """A secret generated once per data folder and kept there (never a hard-coded fallback)."""
    key_file = folder / "secret_key"
    if key_file.exists():
        key = key_file.read_text(encoding="utf-8").strip()
        if key:
            return key
    key = secrets.token_urlsafe(50)
    key_file.write_text(key, encoding="utf-8")
    with contextlib.suppress(OSError):  # e.g. filesystems without POSIX permissions
        key_file.chmod(0o600)
    return key
