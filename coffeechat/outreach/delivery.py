"""Getting a message out of coffeechat: a mailto: link, an .eml file, or SMTP.

Every header value goes through `one_line`, so a name or subject holding a line break can't
smuggle in another header (a Bcc, say): the break becomes a space.
"""

from __future__ import annotations

import copy
import smtplib
import ssl
from dataclasses import dataclass
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from coffeechat.outreach import queries

SMTP_TIMEOUT = 20


class DeliveryError(Exception):
    """Sending failed; the message says why, in the server's words when it gave any."""


@dataclass(frozen=True, slots=True)
class SmtpConfig:
    host: str
    port: int
    security: str  # "starttls", "ssl" or "none"
    username: str = ""
    password: str = ""


def one_line(text: str) -> str:
    return " ".join(text.split())


def valid_address(address: str) -> str:
    """The address itself when it is one, else ""."""
    address = address.strip()
    try:
        validate_email(address)
    except ValidationError:
        return ""
    return address


def smtp_config(user: Any) -> SmtpConfig | None:
    """The user's own server first, then the one in the environment; None when neither is set."""
    account = queries.smtp_account(user)
    if account is not None and account.host:
        return SmtpConfig(
            account.host, account.port, account.security, account.username, account.password
        )
    if settings.EMAIL_HOST:
        security = (
            "ssl" if settings.EMAIL_USE_SSL else "starttls" if settings.EMAIL_USE_TLS else "none"
        )
        return SmtpConfig(
            settings.EMAIL_HOST,
            settings.EMAIL_PORT,
            security,
            settings.EMAIL_HOST_USER,
            settings.EMAIL_HOST_PASSWORD,
        )
    return None


def from_address(user: Any) -> str:
    return valid_address(user.email) or valid_address(settings.DEFAULT_FROM_EMAIL)


def build_email(
    *, from_name: str, from_addr: str, to_name: str, to_addr: str, subject: str, body: str
) -> EmailMessage:
    """An RFC 5322 message; `to_addr` may be empty (the mail program asks for it)."""
    email = EmailMessage()
    email["Subject"] = one_line(subject)
    if from_addr:
        email["From"] = Address(display_name=one_line(from_name), addr_spec=from_addr)
    if to_addr:
        email["To"] = Address(display_name=one_line(to_name), addr_spec=to_addr)
    email["Date"] = formatdate(localtime=False, usegmt=True)
    email["Message-ID"] = make_msgid(domain=(from_addr.rpartition("@")[2] or "localhost"))
    text = body.replace("\r\n", "\n")
    # Quoted-printable keeps a non-English body 7-bit clean: servers that don't offer
    # 8BITMIME (and smtplib never asks for it) must not get raw 8-bit data.
    email.set_content(text, cte="7bit" if text.isascii() else "quoted-printable")
    return email


def eml_bytes(email: EmailMessage) -> bytes:
    """An .eml that opens as a draft to send (Outlook reads X-Unsent), with CRLF line ends."""
    draft = copy.deepcopy(email)
    draft["X-Unsent"] = "1"
    return draft.as_bytes(policy=policy.SMTP)


def mailto_url(to_addr: str, subject: str, body: str) -> str:
    """RFC 6068: every part percent-encoded, line breaks as CRLF."""
    crlf_body = body.replace("\r\n", "\n").replace("\n", "\r\n")
    query = f"subject={quote(one_line(subject), safe='')}&body={quote(crlf_body, safe='')}"
    return f"mailto:{quote(to_addr, safe='@')}?{query}"


def send(email: EmailMessage, config: SmtpConfig) -> None:
    """Hand `email` to the server; raises DeliveryError with a readable reason on failure."""
    try:
        server: smtplib.SMTP
        if config.security == "ssl":
            server = smtplib.SMTP_SSL(
                config.host, config.port, timeout=SMTP_TIMEOUT, context=ssl.create_default_context()
            )
        else:
            server = smtplib.SMTP(config.host, config.port, timeout=SMTP_TIMEOUT)
        with server:
            if config.security == "starttls":
                server.starttls(context=ssl.create_default_context())
            if config.username:
                server.login(config.username, config.password)
            server.send_message(email)
    except smtplib.SMTPRecipientsRefused as exc:
        reasons = "; ".join(
            f"{who}: {code} {_text(reply)}" for who, (code, reply) in exc.recipients.items()
        )
        raise DeliveryError(f"The mail server refused the recipient ({reasons}).") from exc
    except smtplib.SMTPResponseException as exc:
        raise DeliveryError(
            f"The mail server said: {exc.smtp_code} {_text(exc.smtp_error)}"
        ) from exc
    except (smtplib.SMTPException, OSError) as exc:
        raise DeliveryError(
            f"Couldn't talk to the mail server at {config.host}:{config.port} ({exc})."
        ) from exc


def _text(reply: bytes | str) -> str:
    return reply.decode("utf-8", "replace") if isinstance(reply, bytes) else reply
