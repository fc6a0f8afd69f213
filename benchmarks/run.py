"""coffeechat benchmarks: every figure is a ratio to a floor measured in the same run, or a count.

    .venv/bin/python benchmarks/run.py [--quick] [--json FILE] [--no-write] [--no-load]
    .venv/bin/python benchmarks/run.py --render FILE   # docs/benchmarks.md from a saved --json

Writes docs/benchmarks.md (unless --no-write): the figures of this run, then the findings kept
in benchmarks/findings.md. --quick runs a reduced version in under 2 minutes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sqlite3
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coffeechat.settings")

from benchmarks import datasets, exports, imports, load, micro, report, server  # noqa: E402

GOAL_PAGE_RATIO = 5.0
GOAL_INSIGHTS_RATIO = 20.0
GOAL_GROWTH_RATIO = 1.5
GOAL_IMPORT_RATIO = 3.0
AUTOSAVE = json.dumps({"notes": "She moved from field work to modelling after three years. " * 4})
# The write before each "first view after a change": an edit both Today and Insights read (live
# mode's autosave is one neither reads, so it no longer makes them work anything out again).
TITLE_EDIT = json.dumps({"title": "Senior hydrologist"})


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    method: str = "GET"
    body: str = ""
    goal: float | None = GOAL_PAGE_RATIO
    paginated: bool = False  # its cost must not grow with the number of contacts
    # Timed as the first view after a write (`TITLE_EDIT`), so nothing cached can be reused:
    # what a page costs when the user has just changed something.
    after_change: bool = False


def _ids(data_dir: Path) -> dict[str, int]:
    db = sqlite3.connect(data_dir / "coffeechat.sqlite3")
    try:
        contact = db.execute(
            "SELECT contact_id FROM outreach_message ORDER BY id DESC LIMIT 1"
        ).fetchone()[0]
        org = db.execute("SELECT id FROM network_organization LIMIT 1").fetchone()[0]
        meeting = db.execute(
            "SELECT id FROM interviews_meeting WHERE status = 'held' ORDER BY id LIMIT 1"
        ).fetchone()[0]
    finally:
        db.close()
    return {"contact": contact, "organization": org, "meeting": meeting}


def _autosave_path(meeting: int) -> str:
    return f"/api/v1/meetings/{meeting}/notes"


def pages(data_dir: Path) -> list[Page]:
    known = _ids(data_dir)
    return [
        Page("Today", "/today/"),
        Page("contact list, first page", "/contacts/", paginated=True),
        Page("contact list, filtered", "/contacts/?stage=held&how_found=linkedin", paginated=True),
        Page("search", "/contacts/?q=chen", paginated=True),
        Page("contact list, page 100", "/contacts/?page=100", paginated=True),
        Page("contact detail", f"/contacts/{known['contact']}/"),
        Page("pipeline board", "/board/", paginated=True),
        Page("board column, page 2", "/board/identified/?page=2", paginated=True),
        Page("organization list", "/organizations/", paginated=True),
        Page("messages list", "/messages/", paginated=True),
        Page("live mode page", f"/meetings/{known['meeting']}/live/"),
        Page(
            "live-mode autosave (PATCH)",
            _autosave_path(known["meeting"]),
            method="PATCH",
            body=AUTOSAVE,
        ),
        Page("insights", "/insights/", goal=GOAL_INSIGHTS_RATIO),
        Page("Today, first view after a change", "/today/", goal=None, after_change=True),
        Page("insights, first view after a change", "/insights/", goal=None, after_change=True),
    ]


def _time(
    srv: server.Server, page: Page, count: int, budget_s: float, contact: int
) -> server.Timing:
    headers = srv.csrf_headers() if page.method != "GET" else None
    write = server.Request("PATCH", f"/api/v1/contacts/{contact}", TITLE_EDIT, srv.csrf_headers())
    timing = srv.time(
        page.path,
        count,
        page.method,
        page.body,
        headers,
        budget_s=budget_s,
        untimed_before=write if page.after_change else None,
    )
    if timing.statuses != {200}:
        raise RuntimeError(f"{page.method} {page.path} answered {sorted(timing.statuses)}")
    return timing


def measure_pages(data_dir: Path, count: int, budget_s: float) -> dict[str, Any]:
    with server.running(data_dir) as srv:
        floor = srv.time("/healthz", count)
        results = []
        contact = _ids(data_dir)["contact"]
        for page in pages(data_dir):
            print(f"  {page.name}", flush=True)
            timing = _time(srv, page, count, budget_s, contact)
            results.append(
                {
                    "page": page.name,
                    "path": page.path,
                    "method": page.method,
                    "requests": timing.requests,
                    "median_ms": timing.median_ms,
                    "p95_ms": timing.p95_ms,
                    "p95_ratio": timing.p95_ms / floor.p95_ms,
                    "goal": page.goal,
                }
            )
        return {
            "floor": {"median_ms": floor.median_ms, "p95_ms": floor.p95_ms},
            "pages": results,
            "peak_rss_mib": srv.peak_rss_kib() / 1024,
        }


def measure_growth(
    sizes: list[int], count: int, budget_s: float, work: Path, built: dict[int, Path]
) -> dict[str, Any]:
    medians: dict[int, dict[str, float]] = {}
    queries: dict[int, dict[str, int]] = {}
    paginated: dict[str, bool] = {}
    for size in sizes:
        folder = built.get(size) or work / f"growth-{size}"
        if size not in built:
            datasets.build(folder, size)
        print(f"  {size:,} contacts", flush=True)
        listed = pages(folder)
        contact = _ids(folder)["contact"]
        paginated = {page.name: page.paginated for page in listed}
        with server.running(folder) as srv:
            medians[size] = {
                page.name: _time(srv, page, count, budget_s, contact).median_ms for page in listed
            }
        by_path = datasets.query_counts(folder, [(p.method, p.path, p.body) for p in listed])
        queries[size] = {page.name: by_path[page.path] for page in listed}
    small, large = min(sizes), max(sizes)
    return {
        "sizes": sizes,
        "median_ms": {str(k): v for k, v in medians.items()},
        "queries": {str(k): v for k, v in queries.items()},
        "paginated": paginated,
        "ratio_large_to_small": {
            name: medians[large][name] / medians[small][name] for name in medians[small]
        },
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--no-load", action="store_true", help="skip the PostgreSQL load test")
    parser.add_argument(
        "--render", type=Path, help="write docs/benchmarks.md from a saved --json run, no timing"
    )
    args = parser.parse_args(argv)
    if args.render:
        saved = json.loads(args.render.read_text())
        text = report.markdown(saved, saved["command"])
        (ROOT / "docs" / "benchmarks.md").write_text(text)
        print(text)
        return 0
    quick = args.quick
    requests = 30 if quick else 200
    budget_s = 4 if quick else 60  # a page slower than this is timed on fewer requests
    heavy = 10_000 if quick else 30_000
    sizes = [1_000, 10_000] if quick else [1_000, 10_000, 30_000]
    with tempfile.TemporaryDirectory(prefix="coffeechat-bench-") as tmp:
        work = Path(tmp)
        env = {**os.environ, "COFFEECHAT_DATA_DIR": str(work / "startup")}
        env.pop("DATABASE_URL", None)
        print("» checker, planner, start-up", flush=True)
        micro_result = {
            "checker_ms": micro.checker_ms_per_message(20 if quick else 100),
            "planner_per_s": micro.planner_per_second(200 if quick else 1000),
            "startup": micro.startup(3 if quick else 7, env),
        }
        print(f"» import of {heavy:,} LinkedIn connections", flush=True)
        import_result = imports.measure(heavy, work)
        print(f"» pages at {heavy:,} contacts", flush=True)
        datasets.build(work / "heavy", heavy)
        page_result = measure_pages(work / "heavy", requests, budget_s)
        print("» exports", flush=True)
        export_sizes = [heavy] if quick else [heavy, 100_000]
        export_result = exports.measure_sizes(
            export_sizes, 2 if quick else 3, work, {heavy: work / "heavy"}
        )
        print("» growth", flush=True)
        growth = measure_growth(
            sizes, max(requests // 4, 10), budget_s / 4, work, {heavy: work / "heavy"}
        )
        load_result: dict[str, Any] = {"skipped": "--no-load"}
        if not args.no_load:
            print("» server load on PostgreSQL", flush=True)
            load_result = load.measure(quick, work)
    command = ".venv/bin/python benchmarks/run.py" + (" --quick" if quick else "")
    result: dict[str, Any] = {
        "command": command,
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}",
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "requests": requests,
        "heavy_contacts": heavy,
        "micro": micro_result,
        "import": import_result,
        "pages": page_result,
        "exports": export_result,
        "growth": growth,
        "load": load_result,
        "goals": {
            "page": GOAL_PAGE_RATIO,
            "insights": GOAL_INSIGHTS_RATIO,
            "growth": GOAL_GROWTH_RATIO,
            "import": GOAL_IMPORT_RATIO,
        },
    }
    text = report.markdown(result, command)
    print(text)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))
    if not args.no_write:
        (ROOT / "docs" / "benchmarks.md").write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
