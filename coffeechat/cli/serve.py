"""`coffeechat serve`: migrate, make sure the owner exists, serve, and open the browser signed in.

Waitress is the server: pure Python, production-grade, and the same on Linux, macOS and Windows
(gunicorn and uvicorn's worker model don't run on Windows), with no compiler needed to install.
"""

from __future__ import annotations

import errno
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


def run(*, host: str, port: int, open_browser: bool, name: str = "") -> int:
    setup_django()
    from django.conf import settings
    from django.core.management import call_command
    from waitress import serve

    from coffeechat.accounts.services import personal_owner
    from coffeechat.cli.accounts import sign_in_url
    from coffeechat.wsgi import application

    if not _port_free(host, port):
        raise CommandError(
            f"Port {port} is already in use — is coffeechat already running? "
            f"Then `coffeechat link --port {port}` prints a fresh sign-in link; "
            "otherwise choose another port with --port."
        )
    call_command("migrate", interactive=False, verbosity=0)
    if settings.PERSONAL:
        personal_owner(display_name=name)
        url = sign_in_url(host, port)
        print(f"coffeechat is running. Your sign-in link (works once):\n  {url}", flush=True)
        print(f"Data folder: {settings.DATA_DIR}\nPress Ctrl-C to stop.", flush=True)
        if open_browser:
            threading.Timer(0.8, webbrowser.open, args=(url,)).start()
    else:
        print(f"coffeechat (server mode) listening on {host}:{port}", flush=True)
    sys.stdout.flush()
    serve(application, host=host, port=port, threads=8, ident="coffeechat")
    return 0
