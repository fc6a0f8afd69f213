"""A read-only IMAP session on the standard library's imaplib, with errors a person can act on."""

from __future__ import annotations

import contextlib
import imaplib
import re
import ssl
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from coffeechat.domain.mailbox.headers import FIELDS

IMAP_TIMEOUT = 30
HEADER_BATCH = 200
# A body bigger than this is cut: the first lines are what we keep, attachments never matter.
BODY_LIMIT = 256 * 1024


class MailboxError(Exception):
    """Why we couldn't read the mailbox; `reason` is "auth", "network" or "tls"."""

    def __init__(self, message: str, reason: str):
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class MailboxConfig:
    host: str
    port: int
    security: str  # "tls" or "starttls"
    username: str
    password: str


@dataclass(frozen=True, slots=True)
class Folder:
    name: str
    flags: frozenset[str]

    @property
    def role(self) -> str:
        """ "inbox", "sent" (RFC 6154's \\Sent) or "" for folders we leave alone."""
        if self.name.upper() == "INBOX":
            return "inbox"
        return "sent" if "\\sent" in self.flags else ""


_LIST_LINE = re.compile(rb'^\((?P<flags>[^)]*)\) (?P<sep>"[^"]*"|NIL) (?P<name>.+)$')


def _parse_list_line(line: bytes) -> Folder | None:
    match = _LIST_LINE.match(line)
    if match is None:
        return None
    name = match["name"].strip()
    if name.startswith(b'"') and name.endswith(b'"'):
        name = name[1:-1].replace(b'\\"', b'"').replace(b"\\\\", b"\\")
    flags = frozenset(f.lower() for f in match["flags"].decode("ascii", "replace").split())
    return Folder(name.decode("utf-8", "replace"), flags)


def _quoted(name: str) -> str:
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Session:
    """One logged-in connection. Use `open_session` as a context manager."""

    def __init__(self, client: imaplib.IMAP4):
        self.client = client

    def folders(self) -> list[Folder]:
        status, lines = self.client.list()
        if status != "OK":
            raise MailboxError("The server would not list your folders.", "network")
        found = [_parse_list_line(line) for line in lines if isinstance(line, bytes)]
        return [f for f in found if f is not None and "\\noselect" not in f.flags]

    def examine(self, name: str) -> int:
        """Open a folder read-only (EXAMINE); returns its UIDVALIDITY."""
        status, _ = self.client.select(_quoted(name), readonly=True)
        if status != "OK":
            raise MailboxError(f"The server would not open the folder {name}.", "network")
        _, values = self.client.response("UIDVALIDITY")
        return int(values[0]) if values and values[0] else 0

    def uids_after(self, last_uid: int) -> list[int]:
        status, data = self.client.uid("SEARCH", "UID", f"{last_uid + 1}:*")
        if status != "OK":
            raise MailboxError("The server would not search the folder.", "network")
        # "n:*" always includes the highest UID, even when it is below n.
        return sorted(u for u in (int(x) for x in (data[0] or b"").split()) if u > last_uid)

    def headers(self, uids: list[int]) -> Iterator[tuple[int, bytes]]:
        """(uid, header bytes) for each; only the FIELDS, never the body."""
        query = f"(UID BODY.PEEK[HEADER.FIELDS ({' '.join(FIELDS)})])"
        yield from self._fetch(uids, query)

    def bodies(self, uids: list[int]) -> Iterator[tuple[int, bytes]]:
        yield from self._fetch(uids, f"(UID BODY.PEEK[]<0.{BODY_LIMIT}>)")

    def _fetch(self, uids: list[int], query: str) -> Iterator[tuple[int, bytes]]:
        if not uids:
            return
        status, data = self.client.uid("FETCH", ",".join(map(str, uids)), query)
        if status != "OK":
            raise MailboxError("The server would not hand over the messages.", "network")
        for item in data:
            if isinstance(item, tuple):
                match = re.search(rb"UID (\d+)", item[0])
                if match:
                    yield int(match[1]), item[1]


def _connect(config: MailboxConfig, context: ssl.SSLContext) -> imaplib.IMAP4:
    if config.security == "tls":
        return imaplib.IMAP4_SSL(
            config.host, config.port, ssl_context=context, timeout=IMAP_TIMEOUT
        )
    client = imaplib.IMAP4(config.host, config.port, timeout=IMAP_TIMEOUT)
    client.starttls(ssl_context=context)
    return client


class open_session:
    def __init__(self, config: MailboxConfig):
        self.config = config
        # The system's trusted certificates (SSL_CERT_FILE, when set, names another bundle).
        self.context = ssl.create_default_context()
        self.client: imaplib.IMAP4 | None = None

    def __enter__(self) -> Session:
        where = f"{self.config.host}:{self.config.port}"
        try:
            self.client = _connect(self.config, self.context)
            self.client.login(self.config.username, self.config.password)
        except ssl.SSLError as exc:
            self._close()
            raise MailboxError(
                f"A secure connection to {where} failed ({exc.reason or exc}). Check the port "
                "and the security setting: 993 is usually TLS, 143 STARTTLS.",
                "tls",
            ) from exc
        except imaplib.IMAP4.abort as exc:
            self._close()
            raise MailboxError(f"{where} hung up on us ({_said(exc)}).", "network") from exc
        except imaplib.IMAP4.error as exc:
            self._close()
            raise MailboxError(
                f"{where} did not accept that user name and password ({_said(exc)}). Most "
                "providers want an app password here, not your usual one.",
                "auth",
            ) from exc
        except (TimeoutError, OSError) as exc:
            self._close()
            raise MailboxError(
                f"We couldn't reach {where} ({exc}). Check the server name and port, and that "
                "this computer is online.",
                "network",
            ) from exc
        return Session(self.client)

    def __exit__(self, *exc: Any) -> None:
        if self.client is not None and exc[0] is None:
            with contextlib.suppress(imaplib.IMAP4.error, OSError):
                self.client.logout()
        self._close()

    def _close(self) -> None:
        if self.client is not None:
            with contextlib.suppress(OSError, AttributeError):
                self.client.shutdown()
            self.client = None


def _said(exc: Exception) -> str:
    text = exc.args[0] if exc.args else exc
    return text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)


def translate(exc: Exception) -> MailboxError:
    """A failure in the middle of a session, as a MailboxError."""
    if isinstance(exc, MailboxError):
        return exc
    if isinstance(exc, ssl.SSLError):
        return MailboxError(f"The secure connection broke ({exc}).", "tls")
    return MailboxError(f"The connection to your mail server broke ({_said(exc)}).", "network")
