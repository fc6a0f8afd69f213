"""Mail that other programs read well: Django's SMTP backend with two corrections.

- The body is quoted-printable, not raw 8-bit: a server that did not offer 8BITMIME (and
  Django never asks for it) must not be handed 8-bit data.
- The Message-ID names the sending domain (from COFFEECHAT_FROM_EMAIL or the first allowed
  host) instead of this machine's host name, often "localhost", which spam filters dislike.
The Date header carries the real offset: EMAIL_USE_LOCALTIME is set in settings.
"""

from __future__ import annotations

from collections.abc import Sequence
from email import charset as email_charset
from email.utils import make_msgid

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.mail.backends import smtp

BACKEND = "coffeechat.common.mail.EmailBackend"

UTF8_QUOTED_PRINTABLE = email_charset.Charset("utf-8")
UTF8_QUOTED_PRINTABLE.body_encoding = email_charset.QP


def sending_domain() -> str:
    """The domain mail comes from: the From address's, else the first real allowed host."""
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].strip(" >").lower()
    if domain and domain != "localhost":
        return domain
    hosts = [h.lstrip(".") for h in settings.ALLOWED_HOSTS if h not in ("*", "localhost")]
    return next((h for h in hosts if h and not h.startswith("127.")), "localhost")


class EmailBackend(smtp.EmailBackend):
    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        for message in email_messages:
            message.encoding = message.encoding or UTF8_QUOTED_PRINTABLE
            if not any(name.lower() == "message-id" for name in message.extra_headers):
                message.extra_headers["Message-ID"] = make_msgid(domain=sending_domain())
        return int(super().send_messages(email_messages) or 0)
