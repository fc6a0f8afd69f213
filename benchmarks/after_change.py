"""Today and Insights as the first view after a change, against `/healthz` in the same run.

    .venv/bin/python -m benchmarks.after_change [--sizes 30000 100000] [--rounds 3]

For each size: a data folder as `run.py` builds it, a real server, then in each round the floor
and, for each kind of change, every view of Today and of Insights right after one write made
through the app (untimed), so nothing the write touched can be reused. Four kinds of change:
a step of Today snoozed and taken back through the API, live mode's autosave of a meeting's
general notes, an edit of a contact's job title through the API, which both pages read
(what `run.py`'s rows *first view after a change* time), and a contact put on and taken off
the shortlist, a fact a rule reads (a step to ask them comes and goes). Then each page again
with nothing changed (warm). Prints the median over the rounds of each page's median and p95
over the floor's, and the growth of each page's median from the smallest size to the largest.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import quote

from benchmarks import datasets, server
from benchmarks.run import AUTOSAVE, _autosave_path, _ids

PAGES = {"Today": "/today/", "insights": "/insights/"}


def _first_step(srv: server.Server) -> str:
    conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=120)
    conn.request("GET", "/api/v1/actions", headers={"Cookie": srv.cookie})
    steps = json.loads(conn.getresponse().read())
    conn.close()
    return str(steps[0]["key"])


def _changes(srv: server.Server, ids: dict[str, int]) -> dict[str, list[server.Request]]:
    """Each kind of change, as requests that alternate so every one writes something new."""
    headers = srv.csrf_headers()
    contact = f"/api/v1/contacts/{ids['contact']}"
    step = quote(_first_step(srv), safe="/")
    until = json.dumps({"until": (dt.date.today() + dt.timedelta(days=7)).isoformat()})
    return {
        "a step snoozed": [
            server.Request("POST", f"/api/v1/actions/{step}/snooze", until, headers),
            server.Request("POST", f"/api/v1/actions/{step}/undo", "", headers),
        ],
        "live-mode notes": [
            server.Request("PATCH", _autosave_path(ids["meeting"]), AUTOSAVE, headers)
        ],
        "a contact's title": [
            server.Request("PATCH", contact, json.dumps({"title": title}), headers)
            for title in ("Hydrologist", "Senior hydrologist")
        ],
        "a contact shortlisted": [
            server.Request("PATCH", contact, json.dumps({"shortlisted": flag}), headers)
            for flag in (True, False)
        ],
    }


def _after(srv: server.Server, path: str, write: server.Request) -> float:
    """One view of `path` right after `write`, in ms."""
    timing = srv.time(path, 1, untimed_before=write)
    if not timing.statuses <= {200, 204}:  # 204: an undo
        raise RuntimeError(f"{path} after {write.method} {write.path}: {timing.statuses}")
    return timing.median_ms


def _round(srv: server.Server, ids: dict[str, int], count: int) -> dict[str, Any]:
    floor = srv.time("/healthz", count)
    pages: dict[str, dict[str, float]] = {}
    for change, writes in _changes(srv, ids).items():
        for page, path in PAGES.items():
            samples = sorted(_after(srv, path, writes[n % len(writes)]) for n in range(count))
            p95 = server.percentile(samples, 95)
            median = statistics.median(samples)
            pages[f"{page}, after {change}"] = {
                "median_ms": median,
                "p95_ms": p95,
                "p95_ratio": p95 / floor.p95_ms,
                "median_ratio": median / floor.median_ms,
            }
    for page, path in PAGES.items():  # warm: the same page again, nothing changed
        srv.time(path, 1)  # after the last change, untimed
        warm = srv.time(path, count)
        pages[f"{page}, warm"] = {
            "median_ms": warm.median_ms,
            "p95_ms": warm.p95_ms,
            "p95_ratio": warm.p95_ms / floor.p95_ms,
            "median_ratio": warm.median_ms / floor.median_ms,
        }
    return {"floor_p95_ms": floor.p95_ms, "pages": pages}


def measure(size: int, work: Path, rounds: int, count: int) -> dict[str, Any]:
    folder = work / f"after-change-{size}"
    if not (folder / "coffeechat.sqlite3").exists():
        datasets.build(folder, size)
    ids = _ids(folder)
    with server.running(folder) as srv:
        done = []
        for n in range(rounds):
            print(f"  {size:,} contacts, round {n + 1}", flush=True)
            done.append(_round(srv, ids, count))
    names = list(done[0]["pages"])
    return {
        name: {
            figure: statistics.median(r["pages"][name][figure] for r in done)
            for figure in ("median_ms", "p95_ms", "p95_ratio", "median_ratio")
        }
        for name in names
    } | {"floor p95 ms": statistics.median(r["floor_p95_ms"] for r in done)}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[30_000, 100_000])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--requests", type=int, default=20, help="per page, change and round")
    parser.add_argument("--work", type=Path, help="keep the data folders here (built if missing)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="coffeechat-after-change-") as tmp:
        work = args.work or Path(tmp)
        results = {size: measure(size, work, args.rounds, args.requests) for size in args.sizes}
    small, large = min(args.sizes), max(args.sizes)
    print(json.dumps({"sizes": args.sizes, "results": results}, indent=2))
    print(f"\n| page | at {small:,}: median, p95 / floor | at {large:,} | growth of the median |")
    print("|---|---|---|---|")
    for name, figures in results[small].items():
        if not isinstance(figures, dict):
            continue
        other = results[large][name]
        print(
            f"| {name} | {figures['median_ratio']:.1f}×, {figures['p95_ratio']:.1f}× "
            f"| {other['median_ratio']:.1f}×, {other['p95_ratio']:.1f}× "
            f"| {other['median_ms'] / figures['median_ms']:.2f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
