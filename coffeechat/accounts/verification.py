"""Confirming an e-mail address with a signed link (nothing stored; the signature is the proof).

Accounts may sign in before confirming: a notice asks them to, because that address is where a
forgotten password gets reset, so it has to really be theirs.
"""

from __future__ import annotations

import logging
import smtplib
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import send_mail
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse

from coffeechat.accounts.services import mark_email_verified, profile_of

SALT = "coffeechat.accounts.verify-email"
logger = logging.getLogger(__name__)


def make_token(user: Any) -> str:
    return signing.dumps({"user": user.pk, "email": user.email}, salt=SALT)


def confirm(token: str) -> bool:
    """Mark the address in a valid, unexpired link as confirmed; False for anything else."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=settings.EMAIL_VERIFICATION_SECONDS)
    except signing.BadSignature:
        return False
    user = get_user_model().objects.filter(pk=payload.get("user"), is_active=True).first()
    return user is not None and mark_email_verified(user, str(payload.get("email", "")))


def send_verification(request: HttpRequest, user: Any) -> bool:
    """E-mail the link; False (and a log line) if the mail server couldn't take it."""
    link = request.build_absolute_uri(reverse("verify-email", args=[make_token(user)]))
    context = {
        "link": link,
        "name": profile_of(user).display_name,
        "days": settings.EMAIL_VERIFICATION_SECONDS // 86400,
    }
    try:
        send_mail(
            "Confirm your e-mail address for coffeechat",
            render_to_string("accounts/email/verify_email.txt", context),
            None,
            [user.email],
        )
    except (OSError, smtplib.SMTPException):
        logger.exception("Could not send the confirmation e-mail to user %s", user.pk)
        return False
    return True
