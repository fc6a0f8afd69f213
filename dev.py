#!/usr/bin/env python3
"""The two commands of the README, with nothing to install by hand.

    python3 dev.py run     # set up (first time), then start coffeechat and open the browser
    python3 dev.py test    # set up, then ruff, mypy, the whole suite and the browser tests

Set-up is a virtual environment in .venv with the exact versions in constraints.txt, and, for the
tests, Debian's Chromium, Redis and Dovecot (installed with apt-get when missing and we may).
Only the standard library is used here, so this file runs on a bare Python 3.11.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import venv
from pathlib import Path
from typing import NoReturn

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
TYPED_DIRS = ("coffeechat", "tests", "benchmarks", "tools", "dev.py")
CHROMIUM = Path(os.environ.get("COFFEECHAT_CHROMIUM", "/usr/bin/chromium"))


def say(message: str) -> None:
    print(f"» {message}", flush=True)


def fail(message: str) -> NoReturn:
    print(f"✗ {message}", file=sys.stderr, flush=True)
    sys.exit(1)


def run(*cmd: str | Path, env: dict[str, str] | None = None) -> int:
    return subprocess.call([str(c) for c in cmd], cwd=ROOT, env=env)


def ensure_venv(extras: str) -> None:
    """Create .venv and install the pinned packages; skipped when nothing changed."""
    stamp_text = extras + "".join(
        (ROOT / name).read_text(encoding="utf-8") for name in ("pyproject.toml", "constraints.txt")
    )
    stamp = hashlib.sha256(stamp_text.encode()).hexdigest()
    marker = VENV / ".coffeechat-installed"
    if marker.exists() and stamp in marker.read_text().split():
        return
    if not PYTHON.exists():
        say("Creating a virtual environment in .venv …")
        venv.create(VENV, with_pip=True)
    say("Installing coffeechat and its pinned dependencies (first run takes a minute) …")
    target = f".[{extras}]" if extras else "."
    code = run(
        PYTHON,
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        "-c",
        "constraints.txt",
        "-e",
        target,
    )
    if code != 0:
        fail("pip could not install the dependencies (see above).")
    previous = marker.read_text() if marker.exists() else ""
    marker.write_text(previous + stamp + "\n")


# Debian packages the tests run for real: the browser, a Redis for the shared cache, and
# Dovecot for the mailbox sync.
TEST_PACKAGES = {
    "chromium": CHROMIUM,
    "redis-server": Path("/usr/bin/redis-server"),
    "dovecot-imapd": Path("/usr/sbin/dovecot"),  # a real IMAP server for the mailbox sync
}


def ensure_test_packages() -> None:
    missing = [name for name, path in TEST_PACKAGES.items() if not path.exists()]
    if not missing:
        return
    apt = shutil.which("apt-get")
    wanted = " ".join(missing)
    if apt is None:
        fail(
            f"The tests need Debian's {wanted} (Chromium at {CHROMIUM}, or set "
            "COFFEECHAT_CHROMIUM to its path). Install them and run again."
        )
    prefix: list[str] = []
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        if shutil.which("sudo") is None:
            fail(f"The tests need Debian's packages: sudo apt-get install {wanted}")
        prefix = ["sudo", "-n"]
    say(f"Installing Debian's {wanted} for the tests …")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    quiet = ["-qq", "-o", "Dpkg::Use-Pty=0"]
    if (
        run(*prefix, apt, "update", *quiet, env=env) != 0
        or run(*prefix, apt, "install", "-y", *quiet, "--no-install-recommends", *missing, env=env)
        != 0
    ):
        fail(f"apt-get could not install {wanted} (see above).")


def postgres_reachable(url: str) -> str | None:
    """None when a connection works, else the reason."""
    probe = "import psycopg, sys; psycopg.connect(sys.argv[1], connect_timeout=5).close()"
    result = subprocess.run([str(PYTHON), "-c", probe, url], capture_output=True, text=True)
    return None if result.returncode == 0 else (result.stderr.strip().splitlines() or ["?"])[-1]


def test(pytest_args: list[str]) -> int:
    ensure_venv("dev")
    ensure_test_packages()
    steps: list[tuple[str, list[str | Path]]] = [
        ("ruff check", [BIN / "ruff", "check", "."]),
        ("ruff format --check", [BIN / "ruff", "format", "--check", "."]),
        ("mypy", [BIN / "mypy", *[d for d in TYPED_DIRS if (ROOT / d).is_dir()]]),
    ]
    with tempfile.TemporaryDirectory(prefix="coffeechat-test-") as data_dir:
        env = {**os.environ, "COFFEECHAT_DATA_DIR": data_dir, "COFFEECHAT_MODE": "personal"}
        env.pop("DATABASE_URL", None)
        for name, cmd in steps:
            say(name)
            if run(*cmd, env=env) != 0:
                fail(f"{name} found problems (see above).")
        say("tests on SQLite (with the browser tests)")
        if run(PYTHON, "-m", "pytest", *pytest_args, env=env) != 0:
            fail("the test suite failed on SQLite.")
        pg_url = os.environ.get("COFFEECHAT_TEST_POSTGRES", "")
        if pg_url:
            reason = postgres_reachable(pg_url)
            if reason:
                fail(f"COFFEECHAT_TEST_POSTGRES is set but PostgreSQL can't be reached: {reason}")
            say("tests on PostgreSQL")
            if (
                run(
                    PYTHON,
                    "-m",
                    "pytest",
                    "-m",
                    "not browser",
                    *pytest_args,
                    env={**env, "DATABASE_URL": pg_url},
                )
                != 0
            ):
                fail("the test suite failed on PostgreSQL.")
    say("all checks passed")
    return 0


def serve(args: list[str]) -> int:
    ensure_venv("")
    return run(BIN / "coffeechat", "serve", *args)


def main(argv: list[str]) -> int:
    if sys.version_info < (3, 11):  # noqa: UP036  (this file must speak to older Pythons too)
        fail(f"coffeechat needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    if not argv or argv[0] not in {"run", "test"}:
        print(__doc__)
        return 2
    return serve(argv[1:]) if argv[0] == "run" else test(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
