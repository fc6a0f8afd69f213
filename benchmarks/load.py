"""Server load: many students at once against `coffeechat serve --workers 2` on PostgreSQL.

A career centre's server mode, as deployed: gunicorn workers, a fresh PostgreSQL database
(created here and dropped afterwards), migrations run first, students from `coffeechat demo
--scale campus`. Each simulated student has their own account: in the paced phase they arrive
at random moments of its first minute and sign in with their password through the login form
(Argon2id, as in service), then work in a loop with a pause between clicks: Today, the contact
list, a search, a contact, a message checked while composing, a note autosaved in live mode.
The busier phases reuse those sessions. Loopback only; bounded in time and count.

    .venv/bin/python benchmarks/load.py [--quick] [--keep-database]

--keep-database leaves the database in place afterwards and, when it is there already, uses it
as it is instead of building the campus again (about 11 minutes on a busy 2-core machine), so a
noisy run can be repeated.
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
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.server import (  # noqa: E402
    free_port,
    percentile,
    set_cookies,
    status_kib,
    stop,
    wait_for_port,
)

# Created and dropped by the test: another name keeps two runs on one server apart.
DATABASE = os.environ.get("COFFEECHAT_LOAD_DATABASE", "coffeechat_load")
ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"


@dataclass(frozen=True)
class Plan:
    users: int  # accounts in the database
    contacts: int  # per account
    students: int  # active at once
    seconds: float  # of the paced phase; the others run a share of it (PHASES)
    arrive_s: float  # the students' sign-ins are spread over this many seconds
    max_requests: int


FULL = Plan(users=2_000, contacts=200, students=200, seconds=180, arrive_s=60, max_requests=80_000)
QUICK = Plan(users=200, contacts=60, students=200, seconds=10, arrive_s=3, max_requests=10_000)
# (name, mean pause between clicks, share of the paced phase's time)
# Paced (the goal, p99 <= 2 s): each student signs in, then clicks every 5-15 s, a student
# reading Today or a contact page and acting on it. Busy: every 2.5-7.5 s, the pace of the
# earlier runs. Saturated: barely a pause, to find the most the two workers can answer.
PHASES = (("paced", 10.0, 1.0), ("busy", 5.0, 0.5), ("saturated", 0.25, 1 / 3))
PASSWORD = "campus-load-test-password"
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
FORM = "application/x-www-form-urlencoded"
SEARCHES = ("chen", "ana", "lee", "park", "data", "kim")

# Runs in a child process on the load database: accounts, sessions and the ids each student uses.
_SETUP = """
import json, random, sys, django
django.setup()
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone
from django.contrib.auth.hashers import make_password
from coffeechat.demo.generate import Scale, fill_account
from coffeechat.accounts.services import create_user
from coffeechat.interviews.models import Meeting
from coffeechat.network.models import Contact

users, contacts, students = (int(a) for a in sys.argv[1:4])
password = sys.argv[5]
if sys.argv[4] == "generate":  # a smaller campus than `coffeechat demo --scale campus`
    rng = random.Random(1)
    scale = Scale(contacts=contacts, organizations=max(contacts // 5, 5),
                  messages=max(contacts // 10, 5), meetings=5)
    for number in range(users):
        fill_account(create_user(f"student{number:04d}-1"), scale, rng, timezone.localdate())
out = []
active = list(get_user_model().objects.order_by("username")[:students])
# One Argon2id hash shared by every student: each sign-in still verifies it in full.
get_user_model().objects.filter(pk__in=[u.pk for u in active]).update(
    password=make_password(password)
)
for user in active:
    meeting = Meeting.objects.owned_by(user).order_by("id").values_list("id", flat=True).first()
    people = list(Contact.objects.owned_by(user).order_by("id").values_list("id", flat=True)[:50])
    out.append({"username": user.username, "meeting": meeting, "contacts": people})
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
def _database(keep: bool) -> Iterator[bool]:
    """A fresh database, dropped afterwards; with `keep`, the one left by an earlier run if
    there is one (yields True then), and left in place."""
    reuse = keep and _exists()
    if not reuse:
        _admin(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        _admin(f"CREATE DATABASE {DATABASE}")
    try:
        yield reuse
    finally:
        if not keep:
            _admin(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")


def _exists() -> bool:
    import psycopg

    with psycopg.connect(ADMIN_URL, autocommit=True, connect_timeout=5) as conn:
        found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (DATABASE,))
        return found.fetchone() is not None


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
        self.cookies: dict[str, str] = {}
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def request(
        self, method: str, path: str, body: str = "", kind: str = "application/json"
    ) -> int:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if method != "GET":
            headers |= {"X-CSRFToken": self.cookies.get("csrftoken", ""), "Content-Type": kind}
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

    def sign_in(self, tally: Tally) -> None:
        """The login form, then the password posted to it, as a browser does (timed both)."""
        credentials = urlencode({"username": self.account["username"], "password": PASSWORD})
        for kind, method, body in (("login page", "GET", ""), ("sign-in", "POST", credentials)):
            start = time.perf_counter()
            expected = 200 if method == "GET" else 302
            try:
                status = self.request(method, "/login/", body, FORM)
                error = "" if status == expected else f"HTTP {status}"
            except (http.client.HTTPException, OSError) as exc:
                error = type(exc).__name__
            tally.add(kind, (time.perf_counter() - start) * 1000, error)

    def run(
        self, tally: Tally, deadline: float, limit: int, think_s: float, arrive_s: float
    ) -> None:
        # Students don't all arrive in the same second: the first phase spreads their sign-ins
        # over `arrive_s`; later phases start them within one pause.
        time.sleep(self.rng.uniform(0, arrive_s or think_s))
        if "sessionid" not in self.cookies:
            self.sign_in(tally)
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
    students: list[Student], seconds: float, think_s: float, arrive_s: float, limit: int
) -> dict[str, Any]:
    tally = Tally()
    start = time.monotonic()
    deadline = start + seconds
    threads = [
        threading.Thread(
            target=student.run, args=(tally, deadline, limit, think_s, arrive_s), daemon=True
        )
        for student in students
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
        "arrive_s": arrive_s,
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


def measure(quick: bool, work: Path, keep: bool = False) -> dict[str, Any]:
    """The load figures, or {"skipped": why} when PostgreSQL isn't there to test against."""
    plan = QUICK if quick else FULL
    try:
        _admin("SELECT 1")
    except Exception as exc:  # any failure to reach the server means "not here"
        return {"skipped": f"PostgreSQL at 127.0.0.1:5432 not reachable ({type(exc).__name__})"}
    env = _server_env(work)
    with _database(keep) as reused:
        began = time.monotonic()
        how = "existing"
        if not reused:
            _coffeechat("manage", "migrate", "-v0", env=env)
            if quick:
                how = "generate"
            else:
                _coffeechat("demo", "--scale", "campus", env=env)
        setup = [sys.executable, "-c", _SETUP, str(plan.users), str(plan.contacts)]
        out = subprocess.run(
            [*setup, str(plan.students), how, PASSWORD],
            env=env,
            check=True,
            capture_output=True,
            text=True,
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
            students = [Student(port, account, seed) for seed, account in enumerate(accounts)]
            for _ in range(4):  # each worker has started and answered once
                students[0].request("GET", "/healthz")
            memory = {"at start": worker_rss_mib(server.pid)}
            phases: dict[str, dict[str, Any]] = {}
            for name, think, share in PHASES:
                arrive_s = plan.arrive_s if not phases else 0.0
                seconds = plan.seconds * share
                phases[name] = _drive(students, seconds, think, arrive_s, plan.max_requests)
                memory[f"after {name}"] = worker_rss_mib(server.pid)
        finally:
            stop(server)
            log.close()
    return {
        "users": plan.users,
        "contacts_per_user": plan.contacts,
        "students": plan.students,
        "workers": 2,
        "data_seconds": data_s,
        "phases": phases,
        "worker_rss_mib": memory,
    }


def worker_rss_mib(pid: int) -> list[float]:
    """Resident memory of each gunicorn worker (the children of `pid`), from Linux's /proc."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if not children.exists():
        return []
    found = (status_kib(int(child), "VmRSS") for child in children.read_text().split())
    return [kib / 1024 for kib in found]


if __name__ == "__main__":
    import tempfile

    unknown = [a for a in sys.argv[1:] if a not in ("--quick", "--keep-database")]
    if unknown:  # --help included: a run takes minutes, so don't start one by mistake
        sys.exit(__doc__)
    with tempfile.TemporaryDirectory(prefix="coffeechat-load-") as tmp:
        found = measure("--quick" in sys.argv, Path(tmp), keep="--keep-database" in sys.argv)
        print(json.dumps(found, indent=2))
