"""Insight commands: insights, journal."""

from __future__ import annotations

from coffeechat.cli.main import AddCommand


def register(add: AddCommand) -> None:
    """Add this module's subcommands to the parser."""
