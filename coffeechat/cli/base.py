"""What every command module shares. Kept apart from `main` so that `python -m
coffeechat.cli.main` (where `main` runs as `__main__`) still raises the one CommandError class."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable

AddCommand = Callable[..., argparse.ArgumentParser]


class CommandError(Exception):
    """A problem the user can fix: printed on stderr, exit code `code`."""

    def __init__(self, message: str, code: int = 2):
        super().__init__(message)
        self.code = code


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coffeechat.settings")
    import django

    django.setup()
