"""coffeechat benchmarks: every figure is a ratio to a floor measured in the same run, or a count.

    .venv/bin/python benchmarks/run.py [--quick] [--json FILE] [--no-write]

Writes docs/benchmarks.md (unless --no-write). --quick runs a reduced version in under 2 minutes.
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
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coffeechat.settings")

from benchmarks import datasets, micro, server  # noqa: E402

GOAL_PAGE_RATIO = 5.0
GOAL_GROWTH_RATIO = 1.5


def ids(data_dir: Path) -> dict[str, int]:
    db = sqlite3.connect(data_dir / "coffeechat.sqlite3")
    try:
        contact = db.execute(
            "SELECT contact_id FROM outreach_message ORDER BY id DESC LIMIT 1"
        ).fetchone()[0]
        org = db.execute("SELECT id FROM network_organization LIMIT 1").fetchone()[0]
    finally:
        db.close()
    return {"contact": contact, "organization": org}


def pages(data_dir: Path) -> list[tuple[str, str]]:
    known = ids(data_dir)
    return [
        ("contact list, first page", "/contacts/"),
        ("contact list, filtered", "/contacts/?stage=held&how_found=linkedin"),
        ("search", "/contacts/?q=chen"),
        ("contact list, page 100", "/contacts/?page=100"),
        ("contact detail", f"/contacts/{known['contact']}/"),
        ("organization list", "/organizations/"),
    ]


def measure_pages(data_dir: Path, count: int) -> dict[str, Any]:
    with server.running(data_dir) as srv:
        floor = srv.time("/healthz", count)
        results = []
        for name, path in pages(data_dir):
            timing = srv.time(path, count)
            if timing.statuses != {200}:
                raise RuntimeError(f"{path} answered {sorted(timing.statuses)}")
            results.append(
                {
                    "page": name,
                    "path": path,
                    "median_ms": timing.median_ms,
                    "p95_ms": timing.p95_ms,
                    "p95_ratio": timing.p95_ms / floor.p95_ms,
                }
            )
        return {
            "floor": {"median_ms": floor.median_ms, "p95_ms": floor.p95_ms},
            "pages": results,
            "peak_rss_mib": srv.peak_rss_kib() / 1024,
        }


def measure_growth(sizes: list[int], count: int, work: Path) -> dict[str, Any]:
    medians: dict[int, dict[str, float]] = {}
    for size in sizes:
        folder = work / f"growth-{size}"
        datasets.build(folder, size)
        with server.running(folder) as srv:
            medians[size] = {name: srv.time(path, count).median_ms for name, path in pages(folder)}
    small, large = min(sizes), max(sizes)
    return {
        "sizes": sizes,
        "median_ms": {str(k): v for k, v in medians.items()},
        "ratio_large_to_small": {
            name: medians[large][name] / medians[small][name] for name in medians[small]
        },
    }


def markdown(result: dict[str, Any], command: str) -> str:
    lines = [
        "# Benchmarks",
        "",
        "Every figure is a ratio to a floor measured in the same run, or a count: absolute times "
        "on shared 2-core machines are noisy. The floor page is `/healthz` on the same server "
        "(one indexed query, a tiny template, no session lookup).",
        "",
        f"- command: `{command}`",
        f"- machine: {result['machine']}",
        f"- date: {result['date']}",
        "",
        f"## Pages at {result['heavy_contacts']:,} contacts (real HTTP server, "
        f"{result['requests']} requests each)",
        "",
        f"Floor: median {result['pages']['floor']['median_ms']:.1f} ms, "
        f"p95 {result['pages']['floor']['p95_ms']:.1f} ms. Goal: p95 ≤ {GOAL_PAGE_RATIO:g}× "
        "the floor.",
        "",
        "| page | median ms | p95 ms | p95 / floor | goal met |",
        "|---|---|---|---|---|",
    ]
    for row in result["pages"]["pages"]:
        ok = "yes" if row["p95_ratio"] <= GOAL_PAGE_RATIO else "**no**"
        lines.append(
            f"| {row['page']} | {row['median_ms']:.1f} | {row['p95_ms']:.1f} | "
            f"{row['p95_ratio']:.1f}× | {ok} |"
        )
    growth = result["growth"]
    lines += [
        "",
        f"## Growth: {', '.join(f'{s:,}' for s in growth['sizes'])} contacts",
        "",
        f"Median time ratio largest/smallest. Goal: ≤ {GOAL_GROWTH_RATIO:g} "
        "(paginated pages stay flat); query counts are asserted equal in the test suite.",
        "",
        "| page | ratio | goal met |",
        "|---|---|---|",
    ]
    for name, ratio in growth["ratio_large_to_small"].items():
        ok = "yes" if ratio <= GOAL_GROWTH_RATIO else "**no**"
        lines.append(f"| {name} | {ratio:.2f} | {ok} |")
    m = result["micro"]
    lines += [
        "",
        "## Checker, planner, start-up, memory",
        "",
        "| figure | value | goal |",
        "|---|---|---|",
        f"| checker, 300-word message | {m['checker_ms']:.1f} ms | < 50 ms |",
        f"| agendas planned per second | {m['planner_per_s']:,.0f} | |",
        f"| `coffeechat --help` / `python -c pass` | {m['startup']['help_ratio']:.1f}× | ≤ 10× |",
        f"| `coffeechat contacts` / `python -c pass` | {m['startup']['contacts_ratio']:.1f}× | |",
        f"| server peak RSS after the page benchmark | {result['pages']['peak_rss_mib']:.0f} MiB"
        " | |",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    requests = 50 if args.quick else 200
    heavy = 10_000 if args.quick else 30_000
    sizes = [1_000, 10_000] if args.quick else [1_000, 10_000, 30_000]
    with tempfile.TemporaryDirectory(prefix="coffeechat-bench-") as tmp:
        work = Path(tmp)
        env = {**os.environ, "COFFEECHAT_DATA_DIR": str(work / "startup")}
        env.pop("DATABASE_URL", None)
        print("» checker, planner, start-up", flush=True)
        micro_result = {
            "checker_ms": micro.checker_ms_per_message(20 if args.quick else 100),
            "planner_per_s": micro.planner_per_second(200 if args.quick else 1000),
            "startup": micro.startup(3 if args.quick else 7, env),
        }
        print(f"» pages at {heavy:,} contacts", flush=True)
        datasets.build(work / "heavy", heavy)
        page_result = measure_pages(work / "heavy", requests)
        print("» growth", flush=True)
        growth = measure_growth(sizes, max(requests // 4, 20), work)
    result = {
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "requests": requests,
        "heavy_contacts": heavy,
        "micro": micro_result,
        "pages": page_result,
        "growth": growth,
    }
    command = "benchmarks/run.py" + (" --quick" if args.quick else "")
    report = markdown(result, f".venv/bin/python {command}")
    print(report)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))
    if not args.no_write:
        (ROOT / "docs" / "benchmarks.md").write_text(report)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
