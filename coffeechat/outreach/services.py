"""Writes for outreach: messages and their status, the user's templates and settings."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction

from coffeechat.accounts.models import Profile
from coffeechat.accounts.services import profile_of
from coffeechat.outreach import delivery
from coffeechat.outreach.context import RULE_NUMBER_RANGES, rule_set_for
from coffeechat.outreach.models import Message, MessageTemplate, SmtpAccount


def mark_sent(message: Message, when: datetime) -> Message:
    """Sent (or its sent time corrected): the follow-up clock runs from `when`, to the second."""
    message.status = "sent"
    message.sent_at = when
    message.save(update_fields=["status", "sent_at", "updated_at"])
    return message


def mark_replied(message: Message, when: datetime, outcome: str = "", text: str = "") -> Message:
    """They answered at `when`: what they said (vocab.REPLY_OUTCOMES) decides what comes next,
    and `text` keeps their words."""
    from coffeechat.followups.services import record_reply  # followups builds on outreach

    with transaction.atomic():
        message.reply_outcome = outcome
        message.reply_text = text
        message.save(update_fields=["reply_outcome", "reply_text", "updated_at"])
        # Stores the time, learns how quickly they answer, and wakes them if set aside as dormant.
        record_reply(message, when)
    return message


def delete_message(message: Message) -> None:
    message.delete()


def send_by_smtp(user: Any, message: Message, config: delivery.SmtpConfig, now: datetime) -> None:
    """Send through `config` and record the message as sent; raises DeliveryError and leaves
    the message a draft when the server says no."""
    to_addr = delivery.valid_address(message.contact.email)
    if not to_addr:
        raise delivery.DeliveryError(
            f"{message.contact.full_name} has no valid e-mail address yet. Add one on their page."
        )
    from_addr = delivery.from_address(user)
    if not from_addr:
        raise delivery.DeliveryError(
            "We need your e-mail address to send from. Add it to your account, or set "
            "COFFEECHAT_FROM_EMAIL."
        )
    email = email_of(user, message, from_addr, to_addr)
    delivery.send(email, config)
    # Kept so a reply's In-Reply-To finds this message when the mailbox is read.
    message.mail_message_id = str(email["Message-ID"])
    message.save(update_fields=["mail_message_id", "updated_at"])
    mark_sent(message, now)


def email_of(user: Any, message: Message, from_addr: str, to_addr: str) -> Any:
    profile = profile_of(user)
    return delivery.build_email(
        from_name=profile.display_name,
        from_addr=from_addr,
        to_name=message.contact.full_name,
        to_addr=to_addr,
        subject=message.subject,
        body=message.body,
    )


@transaction.atomic
def customize_template(user: Any, kind: str, variant: str, subject: str, body: str) -> None:
    MessageTemplate.objects.owned_by(user).update_or_create(
        owner=user, kind=kind, variant=variant, defaults={"subject": subject, "body": body}
    )


def reset_template(user: Any, kind: str, variant: str) -> None:
    MessageTemplate.objects.owned_by(user).filter(kind=kind, variant=variant).delete()


@transaction.atomic
def save_checker_settings(profile: Profile, cleaned: dict[str, Any]) -> None:
    """Only the user's overrides are stored; other apps' keys in `rule_settings` stay put."""
    stored = dict(profile.rule_settings or {})
    stored["rule_set"] = cleaned["rule_set"]
    for name in RULE_NUMBER_RANGES:
        if cleaned.get(name) is None:
            stored.pop(name, None)
        else:
            stored[name] = cleaned[name]
    stored["personal_words"] = cleaned.get("personal_words", [])
    profile.rule_settings = stored
    profile.save(update_fields=["rule_settings"])


def checker_settings_initial(profile: Profile) -> dict[str, Any]:
    stored = profile.rule_settings or {}
    initial: dict[str, Any] = {"rule_set": rule_set_for(profile).id}
    initial |= {name: stored[name] for name in RULE_NUMBER_RANGES if name in stored}
    initial["personal_words"] = ", ".join(stored.get("personal_words") or [])
    return initial


@transaction.atomic
def save_smtp(user: Any, cleaned: dict[str, Any]) -> None:
    """An empty host removes the user's own server. An empty password keeps the saved one."""
    account = SmtpAccount.objects.owned_by(user).select_for_update().first()
    if not cleaned["host"]:
        if account is not None:
            account.delete()
        return
    account = account or SmtpAccount(owner=user)
    account.host = cleaned["host"]
    account.port = cleaned["port"]
    account.security = cleaned["security"]
    account.username = cleaned.get("username", "")
    if cleaned.get("forget_password"):
        account.password = ""
    elif cleaned.get("password"):
        account.password = cleaned["password"]
    account.save()
