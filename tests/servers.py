"""Real servers for the tests, each on its own loopback port and gone afterwards: Radicale (CalDAV
and CardDAV, no login), Redis (the shared cache of server mode, keeping nothing on disk) and
Dovecot (IMAP, for the mailbox sync)."""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.followups.conftest import free_port


@contextlib.contextmanager
def serving(
    command: list[str], port: int, name: str, env: dict[str, str] | None = None
) -> Iterator[None]:
    server = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError(f"{name} did not start") from None
                time.sleep(0.1)
        yield
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def radicale(tmp_path: Path) -> Iterator[str]:
    port = free_port()
    command = [sys.executable, "-m", "radicale", f"--storage-filesystem-folder={tmp_path / 'dav'}"]
    command += [f"--server-hosts=127.0.0.1:{port}", "--auth-type=none"]
    with serving(command, port, "Radicale"):
        yield f"http://127.0.0.1:{port}/"


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    binary = shutil.which("redis-server") or "/usr/bin/redis-server"  # dev.py installs it
    port = free_port()
    command = [binary, "--bind", "127.0.0.1", "--port", str(port), "--save", ""]
    command += ["--appendonly", "no", "--dir", str(tmp_path)]
    with serving(command, port, "Redis"):
        yield f"redis://127.0.0.1:{port}/0"


DOVECOT_PASSWORD = "app-password-1"
DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"  # dev.py installs dovecot-imapd


@dataclass(frozen=True)
class Dovecot:
    """A Dovecot of our own: `port` speaks plain IMAP and STARTTLS, `tls_port` IMAPS, both with
    a self-signed certificate for "localhost" (`cert`). Users: alice and bob, password
    DOVECOT_PASSWORD."""

    port: int
    tls_port: int
    cert: Path


def _dovecot_conf(root: Path, port: int, tls_port: int, run_as: tuple[str, str, str]) -> str:
    internal, login, group = run_as
    return f"""
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = yes
ssl_cert = <{root}/cert.pem
ssl_key = <{root}/key.pem
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
default_internal_user = {internal}
default_internal_group = {group}
default_login_user = {login}
first_valid_uid = 1
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={internal} gid={group} home={root}/home/%u
}}
mail_location = maildir:~/Maildir
namespace inbox {{
  inbox = yes
  separator = /
  mailbox Sent {{
    special_use = \\Sent
    auto = create
  }}
  mailbox "Sent Messages" {{
    special_use = \\Sent
  }}
  mailbox Archive {{
    special_use = \\All
  }}
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {tls_port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
}}
"""


@pytest.fixture
def dovecot() -> Iterator[Dovecot]:
    if not Path(DOVECOT).exists():
        pytest.skip("Dovecot is not installed (python3 dev.py test installs dovecot-imapd)")
    # Not under pytest's tmp_path: Dovecot's unprivileged processes must be able to enter it.
    root = Path(tempfile.mkdtemp(prefix="coffeechat-dovecot-"))
    if os.geteuid() == 0:
        run_as = ("dovecot", "dovenull", "dovecot")
    else:
        me = pwd.getpwuid(os.geteuid()).pw_name
        run_as = (me, me, me)
    try:
        root.chmod(0o755)
        (root / "home").mkdir()
        if os.geteuid() == 0:
            shutil.chown(root / "home", run_as[0], run_as[2])
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
             "-keyout", str(root / "key.pem"), "-out", str(root / "cert.pem"),
             "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost"],
            check=True, capture_output=True,
        )  # fmt: skip
        (root / "passwd").write_text(
            "".join(f"{name}:{{PLAIN}}{DOVECOT_PASSWORD}::::::\n" for name in ("alice", "bob"))
        )
        port, tls_port = free_port(), free_port()
        conf = root / "dovecot.conf"
        conf.write_text(_dovecot_conf(root, port, tls_port, run_as))
        with serving([DOVECOT, "-F", "-c", str(conf)], port, "Dovecot"):
            yield Dovecot(port, tls_port, root / "cert.pem")
    finally:
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def trusted(dovecot: Dovecot, monkeypatch: pytest.MonkeyPatch) -> Dovecot:
    """The test Dovecot with its self-signed certificate trusted (by this process and the
    servers it starts), as a real provider's would be."""
    monkeypatch.setenv("SSL_CERT_FILE", str(dovecot.cert))
    return dovecot
