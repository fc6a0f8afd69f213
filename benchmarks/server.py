"""A real `coffeechat serve` in a child process, signed in, and timed HTTP requests to it."""

from __future__ import annotations

import http.client
import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    body: str
    headers: dict[str, str]


@dataclass
class Timing:
    path: str
    requests: int
    median_ms: float
    p95_ms: float
    statuses: set[int]


def status_kib(pid: int, field: str) -> int:
    """A memory figure of process `pid` (VmRSS, VmHWM…) from Linux's /proc; 0 where unknown."""
    status = Path(f"/proc/{pid}/status")
    try:
        lines = status.read_text().splitlines()
    except OSError:  # no /proc, or the process has ended
        return 0
    for line in lines:
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    return 0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    port: int
    process: subprocess.Popen[str]
    cookie: str

    def peak_rss_kib(self) -> int:
        """Peak resident memory of the server process (Linux /proc), 0 where unknown."""
        return self._status_kib("VmHWM")

    def rss_kib(self) -> int:
        """Resident memory of the server process now (Linux /proc), 0 where unknown."""
        return self._status_kib("VmRSS")

    def _status_kib(self, field: str) -> int:
        return status_kib(self.process.pid, field)

    def csrf_headers(self) -> dict[str, str]:
        """What a page's script sends with a write: the CSRF cookie's value as a header.

        The first page view sets the `csrftoken` cookie; it joins the session cookie here.
        """
        if "csrftoken=" not in self.cookie:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            conn.request("GET", "/today/", headers={"Cookie": self.cookie})
            response = conn.getresponse()
            response.read()
            conn.close()
            self.cookie = "; ".join([self.cookie, *set_cookies(response)])
        token = self.cookie.split("csrftoken=", 1)[1].split(";", 1)[0]
        return {"X-CSRFToken": token, "Content-Type": "application/json"}

    def time(
        self,
        path: str,
        count: int,
        method: str = "GET",
        body: str = "",
        headers: dict[str, str] | None = None,
        budget_s: float = 0,
        untimed_before: Request | None = None,
        timeout_s: float = 60,
    ) -> Timing:
        """`count` requests one after another (fewer when `budget_s` seconds run out); each
        after `untimed_before` when given, e.g. a write so every view is the first after it."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout_s)
        samples: list[float] = []
        statuses: set[int] = set()
        all_headers = {"Cookie": self.cookie, **(headers or {})}
        began = time.perf_counter()
        for _ in range(count):
            if budget_s and samples and time.perf_counter() - began > budget_s:
                break
            if untimed_before is not None:
                conn.request(
                    untimed_before.method,
                    untimed_before.path,
                    body=untimed_before.body or None,
                    headers={"Cookie": self.cookie, **untimed_before.headers},
                )
                before = conn.getresponse()
                before.read()
                statuses.add(before.status)
            start = time.perf_counter()
            conn.request(method, path, body=body or None, headers=all_headers)
            response = conn.getresponse()
            response.read()
            samples.append((time.perf_counter() - start) * 1000)
            statuses.add(response.status)
        conn.close()
        samples.sort()
        return Timing(
            path, len(samples), statistics.median(samples), percentile(samples, 95), statuses
        )


def percentile(ordered: list[float], pct: float) -> float:
    """Nearest-rank percentile of an already sorted list."""
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def set_cookies(response: http.client.HTTPResponse) -> list[str]:
    """The `name=value` part of each Set-Cookie header."""
    return [v.split(";")[0] for k, v in response.getheaders() if k.lower() == "set-cookie"]


def _sign_in(port: int, link: str) -> str:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", urlsplit(link).path)
    response = conn.getresponse()
    response.read()
    cookies = set_cookies(response)
    conn.close()
    if response.status != 302 or not cookies:
        raise RuntimeError(f"sign-in failed: {response.status}")
    return "; ".join(cookies)


def stop(process: subprocess.Popen[Any], seconds: float = 15) -> None:
    """Ask a server to stop; kill it if it hasn't within `seconds`."""
    process.terminate()
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()


def wait_for_port(port: int, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise RuntimeError(f"nothing answered on port {port}") from None
            time.sleep(0.05)


@contextmanager
def running(data_dir: Path) -> Iterator[Server]:
    port = free_port()
    env = {**os.environ, "COFFEECHAT_DATA_DIR": str(data_dir), "COFFEECHAT_MODE": "personal"}
    env.pop("DATABASE_URL", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "coffeechat.cli.main", "serve", "--no-browser", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    try:
        assert process.stdout is not None
        link = ""
        while not link:
            line = process.stdout.readline()
            if not line:
                raise RuntimeError("the server stopped before printing its sign-in link")
            if "/signin/" in line:
                link = line.strip()
        wait_for_port(port)
        yield Server(port, process, _sign_in(port, link))
    finally:
        stop(process)
