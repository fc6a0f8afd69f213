"""docs/benchmarks.md from one run's figures, followed by the findings kept in findings.md."""

from __future__ import annotations

from pathlib import Path
from typing import Any

FINDINGS = Path(__file__).with_name("findings.md")
GOAL_PACED_P99_MS = 2000


def _met(ok: bool) -> str:
    return "yes" if ok else "**no**"


def _header(result: dict[str, Any], command: str) -> list[str]:
    return [
        "# Benchmarks",
        "",
        "Every figure is a ratio to a floor measured in the same run, or a count: absolute times "
        "on shared 2-core machines are noisy. The floor page is `/healthz` on the same server "
        "(one indexed query, a tiny template, no session lookup). This file is written by the "
        "benchmark itself; the findings at the end come from `benchmarks/findings.md`.",
        "",
        f"- command: `{command}` (`--quick`: a reduced run in under 2 minutes, before a commit)",
        f"- machine: {result['machine']}",
        f"- date: {result['date']}",
    ]


def _imports(result: dict[str, Any]) -> list[str]:
    imp, goal = result["import"], result["goals"]["import"]
    return [
        "",
        f"## Import: {imp['rows']:,} LinkedIn connections",
        "",
        "A `Connections.csv` as LinkedIn writes it (note lines, then the header; `21 Nov 2026` "
        "dates; names in many scripts) through `coffeechat.network.transfer.imports.run_import`, "
        "the path of `coffeechat import` and the upload page. The floor parses the same bytes "
        "with `csv` and inserts the rows with `sqlite3.executemany` into a table made from "
        "`network_contact`'s own DDL (same columns and indexes, same PRAGMAs).",
        "",
        "| figure | value |",
        "|---|---|",
        f"| import service | {imp['service_s']:.2f} s, {imp['rows_per_s']:,.0f} rows/s |",
        f"| floor (csv + executemany) | {imp['floor_s']:.2f} s, "
        f"{imp['floor_rows_per_s']:,.0f} rows/s |",
        f"| ratio (goal ≤ {goal:g}×) | {imp['ratio']:.1f}× — goal met: "
        f"{_met(imp['ratio'] <= goal)} |",
        f"| where the time goes | read {imp['read_s']:.2f} s, check against your list "
        f"{imp['plan_s']:.2f} s, write {imp['apply_s']:.2f} s |",
    ]


def _pages(result: dict[str, Any]) -> list[str]:
    pages = result["pages"]
    lines = [
        "",
        f"## Pages at {result['heavy_contacts']:,} contacts (real HTTP server)",
        "",
        "One signed-in user with the `heavy` demo's proportions (a tenth as many organizations, "
        "a fifteenth as many messages, a sixtieth as many meetings, with notes). "
        f"{result['requests']} requests each, one after another; a page slower than the time "
        "budget is timed on the requests that fit (the `n` column). The autosave is the "
        "`PATCH` live mode sends, with the session cookie and the CSRF header. Today and "
        "insights are kept until something they read changes; the rows *first view after a "
        "change* send an untimed edit of a contact's job title (`PATCH /api/v1/contacts/…`, "
        "which both read) before each request, so nothing kept can be reused: what those "
        "pages cost right after the user changed something. (Live mode's autosave is not "
        "such a change: neither page reads a meeting's notes; `benchmarks/after_change.py` "
        "times both kinds.)",
        "",
        f"Floor: median {pages['floor']['median_ms']:.1f} ms, "
        f"p95 {pages['floor']['p95_ms']:.1f} ms.",
        "",
        "| page | n | median ms | p95 ms | p95 / floor | goal | met |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in pages["pages"]:
        goal = row["goal"]
        judged = ("—", "—") if goal is None else (f"≤ {goal:g}×", _met(row["p95_ratio"] <= goal))
        lines.append(
            f"| {row['page']} | {row['requests']} | {row['median_ms']:.1f} | "
            f"{row['p95_ms']:.1f} | {row['p95_ratio']:.1f}× | {judged[0]} | {judged[1]} |"
        )
    return lines


def _exports(result: dict[str, Any]) -> list[str]:
    found = result.get("exports")
    if not found:
        return []
    runs = found if isinstance(found, list) else [{**found, "contacts": result["heavy_contacts"]}]
    lines = [
        "",
        "## Exports (real HTTP server)",
        "",
        "Each download through `/export/KIND`, median of a few (one above 30,000 contacts), "
        "against a floor that reads the contacts sheet's columns with `sqlite3` and writes them "
        "with `csv` from the same data. The Excel file has five sheets; the floor reads the "
        "contacts only, as the issue's floor does. Server memory is read from /proc before the "
        "first export and after the last; the goal is that it comes back to where it was.",
        "",
        "| contacts | export | median | ratio to the floor | goal | met |",
        "|---|---|---|---|---|---|",
    ]
    for run in runs:
        for row in run["exports"]:
            goal = row["goal"]
            met = "—" if goal is None else _met(row["ratio"] <= goal)
            target = "—" if goal is None else f"≤ {goal:g}×"
            lines.append(
                f"| {run['contacts']:,} | .{row['kind']} | {row['median_s']:.2f} s | "
                f"{row['ratio']:.1f}× | {target} | {met} |"
            )
    lines.append("")
    for run in runs:
        lines.append(
            f"- {run['contacts']:,} contacts: floor {run['floor_s']:.2f} s; server memory "
            f"{run['rss_before_mib']:.0f} MiB before the exports, {run['rss_after_mib']:.0f} MiB "
            f"after, peak {run['peak_rss_mib']:.0f} MiB."
        )
    return lines


def _growth(result: dict[str, Any]) -> list[str]:
    growth, goal = result["growth"], result["goals"]["growth"]
    sizes = growth["sizes"]
    small, large = str(min(sizes)), str(max(sizes))
    lines = [
        "",
        f"## Growth: {', '.join(f'{s:,}' for s in sizes)} contacts",
        "",
        f"Median time at {int(large):,} over the median at {int(small):,}; goal ≤ {goal:g} for "
        "every paginated page. SQL queries per request, counted in-process for each size: the "
        "count must not change with the data (the test suite asserts the same).",
        "",
        "| page | paginated | median ratio | met | queries at "
        + " / ".join(f"{s:,}" for s in sizes)
        + " |",
        "|---|---|---|---|---|",
    ]
    for name, ratio in growth["ratio_large_to_small"].items():
        paginated = growth["paginated"][name]
        counts = [growth["queries"][str(size)][name] for size in sizes]
        same = "" if len(set(counts)) == 1 else " **(grows)**"
        lines.append(
            f"| {name} | {'yes' if paginated else 'no'} | {ratio:.2f} | "
            f"{_met(ratio <= goal) if paginated else '—'} | "
            f"{' / '.join(str(c) for c in counts)}{same} |"
        )
    return lines


def _load(result: dict[str, Any]) -> list[str]:
    load = result["load"]
    lines = ["", "## Server load (PostgreSQL, server mode)", ""]
    if "skipped" in load:
        return [*lines, f"Not run: {load['skipped']}."]
    # Runs saved before the phases were grouped kept them at the top level.
    phases = load.get("phases") or {k: load[k] for k in ("paced", "saturated") if k in load}
    paced = phases["paced"]
    lines += [
        f"`coffeechat serve --workers {load['workers']}` (gunicorn) in server mode on a fresh "
        f"PostgreSQL database; {load['users']:,} accounts × {load['contacts_per_user']} "
        f"contacts; {load['students']} simulated students at once, each with their own account. "
        f"In the paced phase each arrives at a random moment of its first "
        f"{paced.get('arrive_s', 0):g} s "
        "and signs in with a password through the login form (Argon2id), then loops over Today, "
        "the contact list, a search, a contact, a message check (`POST /api/v1/check`) and a "
        "live-mode autosave (`PATCH`); the busy and saturated phases reuse those sessions. "
        "Threads on the same 2-core machine (the load generator takes CPU from the server; "
        "gunicorn's sync workers close the connection after each answer). Statistics are "
        "gathered (`ANALYZE`) after loading, as autovacuum does on a server in service. "
        f"Goals: 0 errors; p99 ≤ {GOAL_PACED_P99_MS / 1000:g} s in the paced phase.",
        "",
        "| phase | pause between clicks | requests | throughput | median | p99 | sign-in p99 "
        "| errors |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for phase, row in phases.items():
        signin = row["by_kind"].get("sign-in")
        signin_p99 = f"{signin['p99_ms']:.0f} ms" if signin else "—"
        p99 = f"{row['p99_ms']:.0f} ms"
        if phase == "paced":
            p99 += f" ({_met(row['p99_ms'] <= GOAL_PACED_P99_MS)})"
        lines.append(
            f"| {phase} | {row['think_s'] * 0.5:g}–{row['think_s'] * 1.5:g} s | "
            f"{row['requests']:,} | {row['throughput_rps']:.0f} req/s | "
            f"{row['median_ms']:.0f} ms | {p99} | "
            f"{signin_p99} | "
            f"{row['errors']} ({_met(row['errors'] == 0)}) |"
        )
    memory = "; ".join(
        f"{when}: {', '.join(f'{mib:.0f}' for mib in workers)} MiB"
        for when, workers in load.get("worker_rss_mib", {}).items()
    )
    return [*lines, "", f"Worker memory (each of the {load['workers']}): {memory}."]


def _micro(result: dict[str, Any]) -> list[str]:
    m = result["micro"]
    return [
        "",
        "## Checker, planner, start-up, memory",
        "",
        "| figure | value | goal | met |",
        "|---|---|---|---|",
        f"| checker, 300-word message | {m['checker_ms']:.1f} ms "
        f"({1000 / m['checker_ms']:,.0f} messages/s) | < 50 ms | {_met(m['checker_ms'] < 50)} |",
        f"| agendas planned per second | {m['planner_per_s']:,.0f} | | |",
        f"| `coffeechat --help` / `python -c pass` | {m['startup']['help_ratio']:.1f}× | ≤ 10× | "
        f"{_met(m['startup']['help_ratio'] <= 10)} |",
        f"| `coffeechat today` / `python -c pass` | {m['startup']['today_ratio']:.1f}× "
        f"({m['startup']['today_ms']:.0f} ms) | | |",
        f"| server peak RSS after the page benchmark | "
        f"{result['pages']['peak_rss_mib']:.0f} MiB | | |",
    ]


def markdown(result: dict[str, Any], command: str) -> str:
    lines = [
        *_header(result, command),
        *_imports(result),
        *_pages(result),
        *_exports(result),
        *_growth(result),
        *_load(result),
        *_micro(result),
    ]
    findings = FINDINGS.read_text().strip() if FINDINGS.exists() else ""
    return "\n".join(lines) + "\n" + (f"\n{findings}\n" if findings else "")
