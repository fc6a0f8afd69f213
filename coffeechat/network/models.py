"""Organizations and the people in the user's network."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from coffeechat.common.fields import BoundedDateField, BoundedDateTimeField
from coffeechat.common.owned import Owned
from coffeechat.common.validators import is_checked_phone
from coffeechat.domain import vocab
from coffeechat.domain.followups.rule_settings import KEEP_IN_TOUCH_RHYTHMS, NO_KEEP_IN_TOUCH
from coffeechat.domain.importers.normalize import fold


def name_key(name: str) -> str:
    """Case-, accent- and spacing-insensitive key, so 'ACME  corp' and 'Acme Corp' are one.

    Built on the importers' `fold`, so the same rule decides in forms, the API and imports; it
    keeps characters that have no ASCII form ('Café 陈' and 'Café 李' stay two organizations).
    """
    return " ".join(fold(name).split())


class ImportBatch(Owned):
    """One imported file: what it did, so it can be shown in the history and undone."""

    file_name = models.CharField(max_length=200)
    format = models.CharField(max_length=20)
    created_count = models.PositiveIntegerField(default=0)
    updated_count = models.PositiveIntegerField(default=0)
    unchanged_count = models.PositiveIntegerField(default=0)
    possible_duplicate_count = models.PositiveIntegerField(default=0)
    rejected_count = models.PositiveIntegerField(default=0)
    rejects = models.JSONField(default=list, blank=True)  # [{"line": 3, "reason": "…"}]
    warnings = models.JSONField(default=list, blank=True)
    # Set after the last write: a contact changed later than this was touched since the import.
    finished_at = BoundedDateTimeField(null=True, blank=True)
    undone_at = BoundedDateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["owner", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.created_at:%Y-%m-%d %H:%M})"


class Organization(Owned):
    name = models.CharField(max_length=200)
    name_key = models.CharField(max_length=200, editable=False)
    industry = models.CharField("industry or field", max_length=120, blank=True)
    website = models.URLField(blank=True, max_length=300)
    location = models.CharField(max_length=160, blank=True)
    research_notes = models.TextField(blank=True)
    # "The 2-Hour Job Search" LAMP list: Advocacy, Motivation, Posting.
    advocacy = models.BooleanField("I know someone there", default=False)
    motivation = models.PositiveSmallIntegerField(
        "motivation (1–3)", null=True, blank=True, choices=[(1, "1"), (2, "2"), (3, "3")]
    )
    posting = models.BooleanField("hiring in my field", default=False)
    imported_in = models.ForeignKey(
        ImportBatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "name_key"], name="org_name_unique_per_owner")
        ]
        indexes = [models.Index(fields=["owner", "name_key"])]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.name = " ".join(self.name.split())
        self.name_key = name_key(self.name)
        super().save(*args, **kwargs)


KEEP_IN_TOUCH_CHOICES = [
    *((days, f"Every {days} days") for days in KEEP_IN_TOUCH_RHYTHMS),
    (NO_KEEP_IN_TOUCH, "Don't remind me"),
]


class Contact(Owned):
    honorific = models.CharField(max_length=8, choices=vocab.HONORIFICS, blank=True, default="")
    first_name = models.CharField(max_length=100, blank=True)
    last_name = models.CharField(max_length=100, blank=True)
    email = models.EmailField(blank=True, max_length=254)
    phone = models.CharField(max_length=40, blank=True)
    linkedin_url = models.URLField("LinkedIn URL", blank=True, max_length=300)
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.SET_NULL, related_name="contacts"
    )
    title = models.CharField(max_length=160, blank=True)
    field = models.CharField(max_length=120, blank=True)
    location = models.CharField(max_length=160, blank=True)
    postal_address = models.TextField(blank=True)
    time_zone = models.CharField(max_length=64, blank=True)
    how_found = models.CharField(max_length=20, choices=vocab.HOW_FOUND, default="other")
    referred_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="referrals"
    )
    # Whether the referrer agreed to be named to this person: "no" keeps them out of drafts.
    referrer_consent = models.CharField(
        "may mention who suggested them",
        max_length=8,
        choices=vocab.CONSENT,
        default="unknown",
    )
    # The meeting in which the referrer named this person (a referral captured in live mode).
    referred_in = models.ForeignKey(
        "interviews.Meeting", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Stored as ",tag one,tag two," so one indexed LIKE finds a whole tag on SQLite and PostgreSQL.
    tags_text = models.CharField(max_length=500, blank=True, default="")
    notes = models.TextField(blank=True)
    connected_on = BoundedDateField(null=True, blank=True)
    do_not_contact = models.BooleanField(default=False)
    shortlisted = models.BooleanField("on my shortlist", default=False)
    closed_reason = models.CharField(
        max_length=12, choices=vocab.CLOSED_REASONS, blank=True, default=""
    )
    responsiveness = models.CharField(
        max_length=12, choices=vocab.RESPONSIVENESS, default="unknown"
    )
    # Days between keep-in-touch reminders; empty follows the profile's rule settings.
    keep_in_touch_days = models.PositiveSmallIntegerField(
        "keep in touch", null=True, blank=True, choices=KEEP_IN_TOUCH_CHOICES
    )
    # The import that created this contact, so the import can be undone as a whole.
    imported_in = models.ForeignKey(
        ImportBatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    PLAN_CONTACT = "pk"  # its own plan facts (`Owned.PLAN_CONTACT`)
    # What no follow-up rule reads (`followups.snapshot._contacts`): editing only these leaves
    # Today's plan as it was.
    QUIET_FIELDS = {
        "plan": frozenset(
            {
                "honorific",
                "email",
                "title",
                "location",
                "postal_address",
                "time_zone",
                "how_found",
                "tags_text",
                "notes",
                "connected_on",
                "imported_in",
            }
        ),
        # What the Insights figures never read (they read the name, organization, field, how
        # found, who referred them and how responsive they are): a title edited or a contact
        # shortlisted leaves the drawn page as it was.
        "insights": frozenset(
            {
                "honorific",
                "email",
                "phone",
                "linkedin_url",
                "title",
                "location",
                "postal_address",
                "time_zone",
                "referrer_consent",
                "referred_in",
                "referred_in_id",
                "tags_text",
                "notes",
                "connected_on",
                "do_not_contact",
                "shortlisted",
                "closed_reason",
                "keep_in_touch_days",
                "imported_in",
                "imported_in_id",
            }
        ),
    }
    # A move changes how many people are left to ask at the old place too: a change to anyone's
    # plan facts (a contact saved whole without having been read may have moved).
    PLAN_WIDE_FIELDS = frozenset({"organization", "organization_id"})

    class Meta:
        indexes = [
            models.Index(fields=["owner", "last_name", "first_name"]),
            models.Index(fields=["owner", "email"]),
            models.Index(fields=["owner", "linkedin_url"]),
            models.Index(fields=["owner", "-updated_at"]),
            # The people met through one meeting (live page, reflection). SQLite has no
            # statistics, so it takes the index that matches the most equalities: with the
            # owner alone it walked all 30,000 of a heavy user's contacts.
            models.Index(fields=["owner", "referred_in"]),
        ]

    @classmethod
    def from_db(cls, db: str | None, field_names: Any, values: Any) -> Contact:
        contact = super().from_db(db, field_names, values)
        contact._loaded = dict(zip(field_names, values, strict=True))
        return contact

    def save(self, *args: Any, **kwargs: Any) -> None:
        """A contact read from the database and saved whole (a form, the API) writes only the
        fields that changed: editing a title then leaves Today's facts alone (`QUIET_FIELDS`),
        and a field someone else changed in the meantime isn't written back from a stale copy."""
        loaded: dict[str, Any] = getattr(self, "_loaded", {})
        whole = not args and kwargs.get("update_fields") is None and not kwargs.get("force_insert")
        if loaded and whole and not self._state.adding:
            kwargs["update_fields"] = [*self._changed_since(loaded), "updated_at"]
        super().save(*args, **kwargs)
        self._loaded = {name: value for name, value in self.__dict__.items() if name in _ATTNAMES}

    def _changed_since(self, loaded: dict[str, Any]) -> list[str]:
        """The fields set to another value than was read, or set without having been read."""
        now = self.__dict__
        return [
            name
            for name in _ATTNAMES
            if name in now and (name not in loaded or now[name] != loaded[name])
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def phone_checked(self) -> bool:
        """False for a number an import kept as typed because we couldn't place it."""
        return is_checked_phone(self.phone)

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p) or "(no name)"

    @property
    def tags(self) -> list[str]:
        return [t for t in self.tags_text.split(",") if t]

    @tags.setter
    def tags(self, values: list[str]) -> None:
        self.tags_text = encode_tags(values)


def clean_tag(tag: str) -> str:
    return " ".join(tag.replace(",", " ").split()).lower()[:40]


def encode_tags(values: list[str]) -> str:
    unique = list(dict.fromkeys(t for t in (clean_tag(v) for v in values) if t))
    return "," + ",".join(unique) + "," if unique else ""


# Contact's columns by attribute name (`organization_id`), for `Contact.save`.
_ATTNAMES = frozenset(f.attname for f in Contact._meta.concrete_fields) - {"id", "owner_id"}


class ImportedChange(Owned):
    """Empty fields of an existing contact that an import filled in (undo empties them again)."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="changes")
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="+")
    fields = models.JSONField(default=list)
    # Undo puts this back, so undoing a later import doesn't block undoing an earlier one.
    previous_updated_at = BoundedDateTimeField()

    def __str__(self) -> str:
        return f"{self.contact_id}: {', '.join(self.fields)}"


class DuplicateFlag(Owned):
    """Same name at the same organization, but nothing proves it's the same person: ask."""

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="+")
    other = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="+")
    batch = models.ForeignKey(
        ImportBatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self) -> str:
        return f"{self.contact_id} may be {self.other_id}"


class PendingUpload(models.Model):
    """Server mode: an import's upload between its preview and its confirm, kept in the
    database so any app server can confirm what another one previewed (personal mode keeps it
    in the data folder; see `transfer.stash`). Not user data to back up: it lives an hour."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=64, unique=True)
    file_name = models.CharField(max_length=200)
    fmt = models.CharField(max_length=20, default="auto")
    column_map = models.JSONField(default=dict, blank=True)
    # The fields of work chosen in the preview (`domain.field_choices.FieldChoices.as_json`).
    field_choices = models.JSONField(default=dict, blank=True)
    data = models.BinaryField()
    size = models.PositiveIntegerField(default=0)
    # An Excel workbook's rows, read once at upload: {"records": [...], "notes": [...]}.
    rows = models.JSONField(null=True, blank=True)
    created_at = BoundedDateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["owner", "created_at"])]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.size} bytes)"
