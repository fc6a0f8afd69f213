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
from urllib.parse import urlsplit


@dataclass
class Timing:
    path: str
    requests: int
    median_ms: float
    p95_ms: float
    statuses: set[int]


def _free_port() -> int:
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
        status = Path(f"/proc/{self.process.pid}/status")
        if not status.exists():
            return 0
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
        return 0

    def time(
        self,
        path: str,
        count: int,
        method: str = "GET",
        body: str = "",
        headers: dict[str, str] | None = None,
    ) -> Timing:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        samples: list[float] = []
        statuses: set[int] = set()
        all_headers = {"Cookie": self.cookie, **(headers or {})}
        for _ in range(count):
            start = time.perf_counter()
            conn.request(method, path, body=body or None, headers=all_headers)
            response = conn.getresponse()
            response.read()
            samples.append((time.perf_counter() - start) * 1000)
            statuses.add(response.status)
        conn.close()
        samples.sort()
        p95 = samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]
        return Timing(path, count, statistics.median(samples), p95, statuses)


def _sign_in(port: int, link: str) -> str:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", urlsplit(link).path)
    response = conn.getresponse()
    response.read()
    cookies = [v.split(";")[0] for k, v in response.getheaders() if k.lower() == "set-cookie"]
    conn.close()
    if response.status != 302 or not cookies:
        raise RuntimeError(f"sign-in failed: {response.status}")
    return "; ".join(cookies)


@contextmanager
def running(data_dir: Path) -> Iterator[Server]:
    port = _free_port()
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
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        yield Server(port, process, _sign_in(port, link))
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
