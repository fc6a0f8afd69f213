"""Import and export commands: import (and undo), imports, export, restore.

Django is imported inside the handlers, so `coffeechat --help` stays instant.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any, BinaryIO

from coffeechat.cli.main import AddCommand, CommandError

FORMATS = ("auto", "linkedin", "vcard", "google-csv", "outlook-csv", "csv", "xlsx")
EXPORT_KINDS = ("xlsx", "csv", "vcf", "json")


def register(add: AddCommand) -> None:
    """Add this module's subcommands to the parser."""
    imp = add(
        "import",
        _import,
        "Import contacts from LinkedIn, vCard, Google or Outlook CSV, any CSV or Excel sheet; "
        "or undo an import with --undo ID.",
    )
    imp.add_argument("file", nargs="?", help="the file to import")
    imp.add_argument("--format", default="auto", choices=FORMATS)
    imp.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="'Column=field'",
        help="read a column into a field (repeatable), e.g. --map 'Employer=organization'",
    )
    imp.add_argument("--dry-run", action="store_true", help="show what would happen; save nothing")
    imp.add_argument("--json", action="store_true", help="print JSON for scripts")
    imp.add_argument("--user", default=None, help="whose contacts (server mode)")
    imp.add_argument("--undo", type=int, default=None, metavar="ID", help="undo import ID")

    listing = add("imports", _imports, "List your imports, newest first, with ids for --undo.")
    listing.add_argument("--json", action="store_true", help="print JSON for scripts")
    listing.add_argument("--user", default=None, help="whose imports (server mode)")

    export = add(
        "export",
        _export,
        "Export everything to FILE: .xlsx (all sheets), .csv (contacts), .vcf (contact cards) "
        "or .json (a complete backup).",
    )
    export.add_argument("file")
    export.add_argument("--user", default=None, help="whose data (server mode)")

    restore = add("restore", _restore, "Restore a .json backup into an empty account.")
    restore.add_argument("file")
    restore.add_argument("--user", default=None, help="into whose account (server mode)")


def _read_bytes(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise CommandError(f"Can't read {path}: {exc.strerror or exc}.") from exc


def _column_map(pairs: list[str]) -> dict[str, str] | None:
    column_map: dict[str, str] = {}
    for pair in pairs:
        column, sep, field = pair.rpartition("=")
        if not sep or not column.strip() or not field.strip():
            raise CommandError(f"--map expects 'Column name=field', not {pair!r}.")
        column_map[column.strip()] = field.strip()
    return column_map or None


class _ProgressBar:
    """A one-line bar on stderr, drawn only on a terminal (scripts and pipes stay clean)."""

    WIDTH = 30

    def __init__(self) -> None:
        self.active = sys.stderr.isatty()

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.active or not total:
            return
        filled = self.WIDTH * done // total
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        print(f"\r{stage:<9} [{bar}] {done}/{total}", end="", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.active:
            print(file=sys.stderr)


def _import(args: argparse.Namespace) -> int:
    from coffeechat.cli.accounts import acting_user

    user = acting_user(args.user)
    if args.undo is not None:
        return _undo(user, args.undo)
    if not args.file:
        raise CommandError("Say which file to import: coffeechat import FILE")
    from coffeechat.domain.importers import UnreadableFileError
    from coffeechat.network.transfer.imports import run_import

    data = _read_bytes(args.file)
    progress = _ProgressBar()
    try:
        summary = run_import(
            user,
            data,
            filename=Path(args.file).name,
            fmt=args.format,
            column_map=_column_map(args.map),
            dry_run=args.dry_run,
            progress=progress,
        )
    except UnreadableFileError as exc:
        raise CommandError(f"Nothing was imported. {exc.reason}") from exc
    finally:
        progress.close()
    if args.json:
        print(json.dumps(summary.as_json(), ensure_ascii=False, indent=2))
        return 0
    print(
        f"{'Would import' if args.dry_run else 'Imported'} {Path(args.file).name} "
        f"(read as {summary.format}): {summary.created} new, {summary.updated} filled in, "
        f"{summary.unchanged} already on your list, {summary.possible_duplicates} possible "
        f"duplicates, {len(summary.rejected)} skipped."
    )
    for problem in (*summary.rejected, *summary.warnings):
        print(f"  line {problem.line}: {problem.reason}")
    if summary.ignored:
        print(f"Not brought in (no field for them): {', '.join(summary.ignored)}.")
    if args.dry_run:
        print("Dry run: nothing was saved.")
    elif summary.batch is not None:
        print(f"Changed your mind? coffeechat import --undo {summary.batch.pk}")
    return 0


def _undo(user: Any, batch_id: int) -> int:
    from coffeechat.network.models import ImportBatch
    from coffeechat.network.transfer.imports import UndoRefused, undo

    batch = ImportBatch.objects.owned_by(user).filter(pk=batch_id).first()
    if batch is None:
        raise CommandError(f"You have no import with id {batch_id}; see `coffeechat imports`.")
    try:
        removed = undo(user, batch)
    except UndoRefused as exc:
        changed = f" Changed since: {', '.join(exc.changed)}." if exc.changed else ""
        raise CommandError(exc.message + changed) from exc
    print(f"Undone: removed {removed} contact{'s' if removed != 1 else ''} from {batch.file_name}.")
    return 0


def _imports(args: argparse.Namespace) -> int:
    from coffeechat.cli.accounts import acting_user
    from coffeechat.network.transfer.imports import history

    batches = list(history(acting_user(args.user))[:100])
    rows: list[dict[str, Any]] = [
        {
            "id": b.pk,
            "file_name": b.file_name,
            "format": b.format,
            "imported_at": b.created_at.isoformat(),
            "created": b.created_count,
            "updated": b.updated_count,
            "unchanged": b.unchanged_count,
            "possible_duplicates": b.possible_duplicate_count,
            "rejected": b.rejected_count,
            "undone": b.undone_at is not None,
        }
        for b in batches
    ]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("No imports yet. Try: coffeechat import Connections.csv")
    for row in rows:
        state = " (undone)" if row["undone"] else ""
        print(
            f"{row['id']:>5}  {row['imported_at'][:16]}  {row['file_name']}{state}: "
            f"{row['created']} new, {row['updated']} filled in, {row['rejected']} skipped"
        )
    return 0


def _export(args: argparse.Namespace) -> int:
    from coffeechat.cli.accounts import acting_user
    from coffeechat.network.transfer.exports import write_export

    kind = Path(args.file).suffix.lower().lstrip(".")
    if kind not in EXPORT_KINDS:
        raise CommandError(
            "Name the file with the kind you want: .xlsx, .csv, .vcf or .json (a full backup)."
        )
    owner = acting_user(args.user)
    try:
        with open_private(Path(args.file)) as file:
            write_export(owner, kind, file)
    except OSError as exc:
        raise CommandError(f"Can't write {args.file}: {exc.strerror or exc}.") from exc
    print(f"Wrote {args.file}.", file=sys.stderr)
    return 0


def open_private(path: Path) -> BinaryIO:
    """A file to write that only its owner can read (0600): exports hold other people's details."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(descriptor, 0o600)  # an existing file keeps its old mode through O_CREAT
    return os.fdopen(descriptor, "wb")


def _restore(args: argparse.Namespace) -> int:
    from coffeechat.cli.accounts import acting_user
    from coffeechat.network.transfer.backup import BackupRefused, restore_backup

    try:
        document = json.loads(_read_bytes(args.file).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CommandError(f"{args.file} isn't a coffeechat backup: it isn't JSON.") from exc
    except RecursionError as exc:
        raise CommandError(
            f"{args.file} isn't a coffeechat backup: its lists or sections nest far deeper "
            "than a backup's do."
        ) from exc
    try:
        restored = restore_backup(acting_user(args.user), document)
    except BackupRefused as exc:
        raise CommandError(f"Nothing was restored. {exc}") from exc
    print(f"Restored {restored} records from {args.file}.", file=sys.stderr)
    return 0
