"""After a bulk load PostgreSQL has statistics to plan with; SQLite is left without them on
purpose (see `coffeechat.common.planner_stats`)."""

from __future__ import annotations

from typing import Any

from django.db import connection

from coffeechat.common import planner_stats
from coffeechat.network.transfer.imports import run_import


def _has_statistics(table: str) -> bool:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")
        else:
            cursor.execute("SELECT count(*) FROM pg_stats WHERE tablename = %s", [table])
        return bool(cursor.fetchone()[0])


def _people(count: int) -> bytes:
    rows = [f"Person{n},Example{n},Firm {n % 40}" for n in range(count)]
    return ("First Name,Last Name,Company\n" + "\n".join(rows) + "\n").encode()


def test_a_large_import_gathers_statistics_on_postgresql_only(alice: Any) -> None:
    assert not _has_statistics("network_contact")
    run_import(alice, _people(planner_stats.BULK_ROWS), filename="people.csv")
    on_postgresql = connection.vendor == "postgresql"
    assert _has_statistics("network_contact") is on_postgresql
    assert _has_statistics("network_organization") is on_postgresql


def test_a_small_import_does_not_stop_to_gather_them(alice: Any) -> None:
    run_import(alice, _people(20), filename="people.csv")
    assert not _has_statistics("network_contact")


def test_refresh_without_tables_covers_every_table(alice: Any) -> None:
    run_import(alice, _people(30), filename="people.csv")
    gathered = planner_stats.refresh()
    assert gathered is (connection.vendor == "postgresql")
    assert _has_statistics("network_contact") is gathered
