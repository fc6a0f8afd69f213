"""People who use coffeechat: their profile, settings, API tokens and one-time sign-in links."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from coffeechat.common.owned import OwnedQuerySet
from coffeechat.common.stamps import touch


def digest(raw: str) -> str:
    """Secrets are stored only as SHA-256 digests, so a copied database opens no door."""
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


class Profile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    display_name = models.CharField(max_length=120, blank=True)
    school = models.CharField("school or employer", max_length=160, blank=True)
    program = models.CharField("program or major", max_length=160, blank=True)
    year = models.CharField("year or graduation date", max_length=40, blank=True)
    fields_of_interest = models.JSONField(default=list, blank=True)
    goals = models.TextField(blank=True)
    country = models.CharField(max_length=2, blank=True, help_text="ISO 3166 code, e.g. US")
    time_zone = models.CharField(max_length=64, default="UTC")
    introduction = models.TextField("short self-introduction", blank=True)
    # How people reach you back; drafts sign with them (the sign-in address may differ).
    email = models.EmailField("your e-mail for replies", blank=True, max_length=254)
    phone = models.CharField("your phone", max_length=40, blank=True)
    postal_address = models.TextField("your postal address", blank=True)
    prefer_first_names = models.BooleanField("greet people by first name", default=False)
    # Overrides of the method's defaults (docs/method.md §2); the defaults live in the domain.
    rule_settings = models.JSONField(default=dict, blank=True)
    calendar_secret = models.CharField(max_length=64, blank=True)

    def __str__(self) -> str:
        return self.display_name or self.user.get_username()

    def save(self, *args: Any, **kwargs: Any) -> None:
        super().save(*args, **kwargs)
        touch([self.user_id])  # time zone, country and rule settings shape the plan


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=80, default="cli")
    key_digest = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    PREFIX = "cc_"

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @classmethod
    def issue(cls, user: object, name: str = "cli") -> tuple[ApiToken, str]:
        raw = cls.PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, name=name, key_digest=digest(raw), prefix=raw[3:9])
        return token, raw

    @classmethod
    def user_for(cls, raw: str) -> object | None:
        token = cls.objects.select_related("user").filter(key_digest=digest(raw)).first()
        if token is None or not token.user.is_active:
            return None
        now = timezone.now()
        if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=5):
            cls.objects.filter(pk=token.pk).update(last_used_at=now)
        return token.user


class SignInLink(models.Model):
    """A one-time link that signs the owner in (personal mode), like Jupyter's token URL."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key_digest = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField()

    LIFETIME = timedelta(minutes=15)

    def __str__(self) -> str:
        return f"sign-in link until {self.expires_at:%Y-%m-%d %H:%M}"

    @classmethod
    def issue(cls, user: object) -> str:
        raw = secrets.token_urlsafe(32)
        cls.objects.filter(expires_at__lt=timezone.now()).delete()
        cls.objects.create(
            user=user, key_digest=digest(raw), expires_at=timezone.now() + cls.LIFETIME
        )
        return raw

    @classmethod
    def redeem(cls, raw: str) -> object | None:
        """The user the link belongs to, once; a used or expired link gives None."""
        link = cls.objects.select_related("user").filter(key_digest=digest(raw)).first()
        if link is None:
            return None
        link.delete()
        if link.expires_at < timezone.now() or not link.user.is_active:
            return None
        return link.user


ROLES = (("student", "Student"), ("adviser", "Career adviser"), ("staff", "Career-centre staff"))


class Membership(models.Model):
    """A person's role at the career centre and whether their e-mail address is confirmed.

    Kept apart from the profile on purpose: a profile travels in the user's own backup and can
    be restored, and a restored file must never be able to grant a role.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership"
    )
    role = models.CharField(max_length=10, choices=ROLES, default="student")
    email_verified_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.user} ({self.role})"


class Invitation(models.Model):
    """A single-use sign-up link created by staff, for one address and one role."""

    email = models.EmailField(max_length=254)
    role = models.CharField(max_length=10, choices=ROLES[:2], default="student")
    key_digest = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    LIFETIME = timedelta(days=14)

    class Meta:
        indexes = [models.Index(fields=["-created_at"])]

    def __str__(self) -> str:
        return f"invitation for {self.email}"

    def status(self, now: datetime | None = None) -> str:
        if self.used_at:
            return "used"
        return "expired" if self.expires_at <= (now or timezone.now()) else "open"


class Share(models.Model):
    """A student's explicit, revocable read-only grant to one adviser.

    `owner` is the student, so the sharing page fetches rows through the owner scope like any
    other user data (another student's share id is simply not found).
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="shares_given"
    )
    adviser = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="shares_received"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "adviser"], name="share_once_per_adviser")
        ]

    def __str__(self) -> str:
        return f"{self.owner} shares with {self.adviser}"


def _fresh_version() -> int:
    """A random start, so a stamp row that is deleted and made again never repeats a number
    that some process may still hold in its cache."""
    return secrets.randbits(62)


class DataStamp(models.Model):
    """A number that changes whenever any of a user's data changes (`coffeechat.common.stamps`).

    Work derived from all of a user's data, such as the follow-up plan, is cached under it.
    Kept in its own table rather than on the profile so a profile saved from a form can never
    write an older number back.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    version = models.BigIntegerField(default=_fresh_version)
    # The same, for what Today's plan and the Insights figures read (`stamps.TOPICS`).
    plan_version = models.BigIntegerField(default=_fresh_version)
    insights_version = models.BigIntegerField(default=_fresh_version)

    def __str__(self) -> str:
        return f"data stamp of {self.user_id}"


class PlanChange(models.Model):
    """Whose facts one move of a user's plan stamp changed (`stamps.touch`): the plan cache
    works out again only those people's steps (`stamps.changed_contacts`). A row without a
    contact means the write could touch anyone (a deletion, a bulk change, the profile), and
    the plan is worked out whole. Only the latest few hundred rows of each user are kept."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    version = models.BigIntegerField()  # the plan stamp this write moved to
    contact_id = models.BigIntegerField(null=True)

    class Meta:
        indexes = [models.Index(fields=["user", "version"])]

    def __str__(self) -> str:
        return f"plan change {self.version} of {self.user_id}"
