"""Server load: many students at once against `coffeechat serve --workers 2` on PostgreSQL.

A career centre's server mode, as deployed: gunicorn workers, a fresh PostgreSQL database
(created here and dropped afterwards), migrations run first, students from `coffeechat demo
--scale campus`. Each simulated student has their own account and session and works in a loop
with a pause between clicks: Today, the contact list, a search, a contact, a message checked
while composing, a note autosaved in live mode. Loopback only; bounded in time and count.

    .venv/bin/python benchmarks/load.py [--quick]
"""

from __future__ import annotations

import http.client
import json
import os
import random
import secrets
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.server import free_port, percentile, set_cookies, stop, wait_for_port  # noqa: E402

DATABASE = "coffeechat_load"
ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"


@dataclass(frozen=True)
class Plan:
    users: int  # accounts in the database
    contacts: int  # per account
    students: int  # active at once
    seconds: float  # of the paced phase; the saturated phase runs a third of it
    max_requests: int


FULL = Plan(users=2_000, contacts=200, students=200, seconds=90, max_requests=60_000)
QUICK = Plan(users=200, contacts=60, students=200, seconds=10, max_requests=10_000)
# Paced: a click every 2.5-7.5 s per student, already busier than a real one reading a page.
# Saturated: barely a pause, to find the most the two workers can answer.
PHASES = (("paced", 5.0, 1.0), ("saturated", 0.25, 1 / 3))
CHECK_TEXT = (
    "Dear Ms. Chen, I am a second-year student in environmental studies at Lakeside and found "
    "your name in the alumni directory. Your work on flood modelling is close to what I hope to "
    "do. Would you have 20 minutes in the next few weeks, by phone or video, to share advice on "
    "how you got started? I will follow up next Tuesday. Thank you, Sam"
)
# What a student does, and how often (weights): mostly reading, some writing.
ACTIONS = (
    ("today", 4),
    ("contacts", 3),
    ("search", 2),
    ("contact", 2),
    ("check", 2),
    ("autosave", 2),
)
SEARCHES = ("chen", "ana", "lee", "park", "data", "kim")

# Runs in a child process on the load database: accounts, sessions and the ids each student uses.
_SETUP = """
import json, random, sys, django
django.setup()
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone
from coffeechat.demo.generate import Scale, fill_account
from coffeechat.accounts.services import create_user
from coffeechat.interviews.models import Meeting
from coffeechat.network.models import Contact

users, contacts, students = (int(a) for a in sys.argv[1:4])
if sys.argv[4] == "generate":  # a smaller campus than `coffeechat demo --scale campus`
    rng = random.Random(1)
    scale = Scale(contacts=contacts, organizations=max(contacts // 5, 5),
                  messages=max(contacts // 10, 5), meetings=5)
    for number in range(users):
        fill_account(create_user(f"student{number:04d}-1"), scale, rng, timezone.localdate())
out = []
for user in get_user_model().objects.order_by("username")[:students]:
    client = Client()
    client.force_login(user)
    meeting = Meeting.objects.owned_by(user).order_by("id").values_list("id", flat=True).first()
    people = list(Contact.objects.owned_by(user).order_by("id").values_list("id", flat=True)[:50])
    session = client.cookies["sessionid"].value
    out.append({"session": session, "meeting": meeting, "contacts": people})
print(json.dumps(out))
"""


def _server_env(work: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "COFFEECHAT_MODE": "server",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
        "COFFEECHAT_SECRET_KEY": secrets.token_urlsafe(40),
        "COFFEECHAT_ALLOWED_HOSTS": "127.0.0.1",
        "COFFEECHAT_BEHIND_TLS_PROXY": "false",
        "COFFEECHAT_SECURE_COOKIES": "false",
        "COFFEECHAT_DATA_DIR": str(work / "load-data"),
        "DJANGO_SETTINGS_MODULE": "coffeechat.settings",
        "PYTHONPATH": str(ROOT),
    }
    (work / "load-data").mkdir(parents=True, exist_ok=True)
    return env


def _admin(sql: str, url: str = ADMIN_URL) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True, connect_timeout=5) as conn:
        conn.execute(sql)


@contextmanager
def _fresh_database() -> Any:
    _admin(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
    _admin(f"CREATE DATABASE {DATABASE}")
    try:
        yield
    finally:
        _admin(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")


def _coffeechat(*args: str, env: dict[str, str]) -> str:
    command = [str(Path(sys.executable).with_name("coffeechat")), *args]
    return subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout


@dataclass
class Tally:
    samples: list[tuple[str, float]] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, ms: float, error: str = "") -> None:
        with self.lock:
            if error:
                self.errors[f"{kind}: {error}"] += 1
            else:
                self.samples.append((kind, ms))

    def total(self) -> int:
        with self.lock:
            return len(self.samples) + sum(self.errors.values())


class Student:
    """One person clicking through the app with their own session (HTTP/1.1, reconnecting
    when the server closes the connection, as gunicorn's sync workers do after each answer)."""

    def __init__(self, port: int, account: dict[str, Any], seed: int) -> None:
        self.port = port
        self.account = account
        self.rng = random.Random(seed)
        self.cookies = {"sessionid": account["session"]}
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def request(self, method: str, path: str, body: str = "") -> int:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if method != "GET":
            headers |= {
                "X-CSRFToken": self.cookies.get("csrftoken", ""),
                "Content-Type": "application/json",
            }
        try:
            self.conn.request(method, path, body=body or None, headers=headers)
            response = self.conn.getresponse()
        except (http.client.HTTPException, OSError):  # the server closed an idle connection
            self.conn.close()
            self.conn.request(method, path, body=body or None, headers=headers)
            response = self.conn.getresponse()
        response.read()
        for cookie in set_cookies(response):
            name, _, value = cookie.partition("=")
            self.cookies[name] = value
        return response.status

    def step(self) -> tuple[str, str, str, str]:
        kind = self.rng.choices([a for a, _ in ACTIONS], [w for _, w in ACTIONS])[0]
        people = self.account["contacts"]
        meeting = self.account["meeting"]
        if kind == "search":
            return kind, "GET", f"/contacts/?q={self.rng.choice(SEARCHES)}", ""
        if kind == "contact" and people:
            return kind, "GET", f"/contacts/{self.rng.choice(people)}/", ""
        if kind == "check":
            return kind, "POST", "/api/v1/check", json.dumps({"text": CHECK_TEXT})
        if kind == "autosave" and meeting:
            notes = f"Advice so far: talk to three more people. ({self.rng.random():.6f})"
            return kind, "PATCH", f"/api/v1/meetings/{meeting}/notes", json.dumps({"notes": notes})
        if kind == "contacts":
            return kind, "GET", "/contacts/", ""
        return "today", "GET", "/today/", ""

    def run(self, tally: Tally, deadline: float, limit: int, think_s: float) -> None:
        time.sleep(self.rng.uniform(0, think_s))  # students don't all arrive in the same second
        self.request("GET", "/today/")  # the first page sets the CSRF cookie, as in a browser
        while time.monotonic() < deadline and tally.total() < limit:
            kind, method, path, body = self.step()
            start = time.perf_counter()
            try:
                status = self.request(method, path, body)
                error = "" if status == 200 else f"HTTP {status}"
            except (http.client.HTTPException, OSError) as exc:
                error = type(exc).__name__
            tally.add(kind, (time.perf_counter() - start) * 1000, error)
            time.sleep(self.rng.uniform(0.5, 1.5) * think_s)
        self.conn.close()


def _drive(
    port: int, accounts: list[dict[str, Any]], seconds: float, think_s: float, limit: int
) -> dict[str, Any]:
    tally = Tally()
    start = time.monotonic()
    deadline = start + seconds
    threads = [
        threading.Thread(
            target=Student(port, account, seed).run,
            args=(tally, deadline, limit, think_s),
            daemon=True,
        )
        for seed, account in enumerate(accounts)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 120)
    elapsed = time.monotonic() - start
    latencies = sorted(ms for _, ms in tally.samples)
    by_kind: dict[str, list[float]] = {}
    for kind, ms in tally.samples:
        by_kind.setdefault(kind, []).append(ms)
    return {
        "think_s": think_s,
        "requests": len(latencies),
        "errors": sum(tally.errors.values()),
        "error_kinds": dict(tally.errors),
        "seconds": elapsed,
        "throughput_rps": len(latencies) / elapsed,
        "median_ms": statistics.median(latencies) if latencies else 0.0,
        "p95_ms": percentile(latencies, 95) if latencies else 0.0,
        "p99_ms": percentile(latencies, 99) if latencies else 0.0,
        "by_kind": {
            kind: {
                "requests": len(v),
                "median_ms": statistics.median(v),
                "p99_ms": percentile(sorted(v), 99),
            }
            for kind, v in sorted(by_kind.items())
        },
    }


def measure(quick: bool, work: Path) -> dict[str, Any]:
    """The load figures, or {"skipped": why} when PostgreSQL isn't there to test against."""
    plan = QUICK if quick else FULL
    try:
        _admin("SELECT 1")
    except Exception as exc:  # any failure to reach the server means "not here"
        return {"skipped": f"PostgreSQL at 127.0.0.1:5432 not reachable ({type(exc).__name__})"}
    env = _server_env(work)
    with _fresh_database():
        _coffeechat("manage", "migrate", "-v0", env=env)
        began = time.monotonic()
        if quick:
            how = "generate"
        else:
            _coffeechat("demo", "--scale", "campus", env=env)
            how = "existing"
        setup = [sys.executable, "-c", _SETUP, str(plan.users), str(plan.contacts)]
        out = subprocess.run(
            [*setup, str(plan.students), how], env=env, check=True, capture_output=True, text=True
        ).stdout
        accounts: list[dict[str, Any]] = json.loads(out.strip().splitlines()[-1])
        # A bulk load leaves PostgreSQL without statistics until autovacuum gets to it; a server
        # in service has them. Without, the contact list ran 5x slower (see findings).
        _admin("ANALYZE", env["DATABASE_URL"])
        data_s = time.monotonic() - began
        port = free_port()
        log = (work / "load-server.log").open("w")
        command = [str(Path(sys.executable).with_name("coffeechat")), "serve", "--workers", "2"]
        server = subprocess.Popen(
            [*command, "--host", "127.0.0.1", "--port", str(port), "--no-browser"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_for_port(port)
            phases = {
                name: _drive(port, accounts, plan.seconds * share, think, plan.max_requests)
                for name, think, share in PHASES
            }
        finally:
            stop(server)
            log.close()
    return {
        "users": plan.users,
        "contacts_per_user": plan.contacts,
        "students": plan.students,
        "workers": 2,
        "data_seconds": data_s,
        **phases,
    }


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory(prefix="coffeechat-load-") as tmp:
        print(json.dumps(measure("--quick" in sys.argv, Path(tmp)), indent=2))
