"""Exports through the personal-mode server, each against a floor that reads the same contacts
with sqlite3 and writes them with csv, in the same run; and the server's memory after them.

    .venv/bin/python -m benchmarks.exports [CONTACTS…]   # default: 30000 100000
"""

from __future__ import annotations

import csv
import io
import sqlite3
import time
from pathlib import Path
from typing import Any

from benchmarks import datasets, server

GOALS = {"csv": 3.0, "xlsx": 10.0}  # the goals; .vcf and .json are reported only
KINDS = ("csv", "xlsx", "vcf", "json")

# The columns of the contacts sheet, read as plainly as sqlite3 can.
_FLOOR_SQL = """
SELECT c.first_name, c.last_name, o.name, c.title, c.field, c.email, c.phone, c.linkedin_url,
       c.location, c.how_found, r.first_name, r.last_name, c.tags_text, c.notes,
       c.connected_on, c.created_at, c.updated_at
FROM network_contact c
LEFT JOIN network_organization o ON o.id = c.organization_id
LEFT JOIN network_contact r ON r.id = c.referred_by_id
ORDER BY c.last_name, c.first_name, c.id"""


def floor_s(data_dir: Path, repeats: int = 3) -> float:
    """The best of `repeats`: read every contact with sqlite3, write them with csv."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        db = sqlite3.connect(data_dir / "coffeechat.sqlite3")
        try:
            buffer = io.StringIO()
            csv.writer(buffer).writerows(db.execute(_FLOOR_SQL))
        finally:
            db.close()
        best = min(best, time.perf_counter() - start)
    return best


def measure(data_dir: Path, requests: int) -> dict[str, Any]:
    floor = floor_s(data_dir)
    results = []
    contacts = _contacts(data_dir)
    with server.running(data_dir) as srv:
        srv.time("/today/", 1)  # warm: the first request pays for imports and the session
        before = srv.rss_kib()
        for kind in KINDS:
            # A .vcf of 100,000 contacts takes minutes on a busy machine.
            timing = srv.time(f"/export/{kind}", requests, timeout_s=1800)
            if timing.statuses != {200}:
                raise RuntimeError(f"/export/{kind} answered {sorted(timing.statuses)}")
            results.append(
                {
                    "kind": kind,
                    "median_s": timing.median_ms / 1000,
                    "ratio": timing.median_ms / 1000 / floor,
                    "goal": GOALS.get(kind),
                }
            )
        after = srv.rss_kib()
        peak = srv.peak_rss_kib()
    return {
        "contacts": contacts,
        "floor_s": floor,
        "exports": results,
        "rss_before_mib": before / 1024,
        "rss_after_mib": after / 1024,
        "peak_rss_mib": peak / 1024,
    }


def _contacts(data_dir: Path) -> int:
    db = sqlite3.connect(data_dir / "coffeechat.sqlite3")
    try:
        return int(db.execute("SELECT COUNT(*) FROM network_contact").fetchone()[0])
    finally:
        db.close()


def measure_sizes(sizes: list[int], requests: int, work: Path, built: dict[int, Path]) -> list[Any]:
    """`measure` at each number of contacts, building the data folders not in `built`; one
    request per export above 30,000 contacts (a .vcf of 100,000 takes minutes)."""
    found = []
    for size in sizes:
        folder = built.get(size) or work / f"exports-{size}"
        if size not in built:
            datasets.build(folder, size)
        print(f"  exports at {size:,} contacts", flush=True)
        found.append(measure(folder, requests if size <= 30_000 else 1))
    return found


if __name__ == "__main__":
    import json
    import sys
    import tempfile

    chosen = [int(arg) for arg in sys.argv[1:]] or [30_000, 100_000]
    with tempfile.TemporaryDirectory(prefix="coffeechat-exports-") as tmp:
        print(json.dumps(measure_sizes(chosen, 3, Path(tmp), {}), indent=2))
