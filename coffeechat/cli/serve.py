"""`coffeechat serve`: migrate, make sure the owner exists, serve, and open the browser signed in.

Personal mode serves with Waitress: pure Python, production-grade, and the same on Linux, macOS
and Windows (gunicorn doesn't run on Windows), with no compiler needed to install. Server mode
runs gunicorn with several worker processes behind a reverse proxy, on Linux.
"""

from __future__ import annotations

import errno
import os
import socket
import sys
import threading
import webbrowser

from coffeechat.cli.main import CommandError, setup_django


def _port_free(host: str, port: int) -> bool:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            if exc.errno in (errno.EADDRINUSE, errno.EACCES):
                return False
            raise
    return True


def run(*, host: str, port: int, open_browser: bool, name: str = "", workers: int = 0) -> int:
    setup_django()
    from django.conf import settings

    if not _port_free(host, port):
        raise CommandError(
            f"Port {port} is already in use — is coffeechat already running? "
            f"Then `coffeechat link --port {port}` prints a fresh sign-in link; "
            "otherwise choose another port with --port."
        )
    if settings.PERSONAL:
        if workers:
            raise CommandError("--workers is for server mode; personal mode needs one process.")
        return _serve_personal(host, port, open_browser, name)
    return _serve_server(host, port, workers or 2)


def _serve_personal(host: str, port: int, open_browser: bool, name: str) -> int:
    from django.conf import settings
    from django.core.management import call_command
    from waitress import serve

    from coffeechat.accounts.services import personal_owner
    from coffeechat.cli.accounts import sign_in_url
    from coffeechat.wsgi import application

    call_command("migrate", interactive=False, verbosity=0)
    personal_owner(display_name=name)
    url = sign_in_url(host, port)
    print(f"coffeechat is running. Your sign-in link (works once):\n  {url}", flush=True)
    print(f"Data folder: {settings.DATA_DIR}\nPress Ctrl-C to stop.", flush=True)
    if open_browser:
        threading.Timer(0.8, webbrowser.open, args=(url,)).start()
    serve(application, host=host, port=port, threads=8, ident="coffeechat")
    return 0


def unapplied_migrations() -> list[str]:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _ in plan]


def _serve_server(host: str, port: int, workers: int) -> int:
    """Server mode: gunicorn with `workers` processes that share nothing but the database.

    Migrations are a deploy step (`coffeechat manage migrate`, once per release), not something
    every process of every machine races to do at start-up.
    """
    pending = unapplied_migrations()
    if pending:
        raise CommandError(
            f"The database needs {len(pending)} migration(s) first "
            f"({', '.join(pending[:3])}…): run `coffeechat manage migrate`."
        )
    print(f"coffeechat (server mode) on {host}:{port} with {workers} workers", flush=True)
    argv = [
        sys.executable,
        "-m",
        "gunicorn",
        "coffeechat.wsgi:application",
        "--bind",
        f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        "--workers",
        str(workers),
        "--access-logfile",
        "-",
        "--timeout",
        "60",
    ]
    os.execv(sys.executable, argv)
    return 0  # not reached: execv replaces this process
