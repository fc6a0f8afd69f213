"""One of everything a student can own, every text field carrying a chosen string.

The isolation and leak tests fill alice's account with a marker (`ALICE-ONLY-7f3a`) so any
page, file or feed that shows it to someone else is caught by a plain substring search; the XSS
tests fill it with script payloads instead, so every page that shows a field is checked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.apps import apps
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.test import Client
from django.utils import timezone

from coffeechat.accounts.models import ApiToken, Share
from coffeechat.accounts.services import create_user, profile_of
from coffeechat.domain.questions.reflection import REFLECTION_PROMPTS
from coffeechat.followups import queries as followup_queries
from coffeechat.followups import services as followup_services
from coffeechat.followups.models import ActionState, DailyDigest
from coffeechat.interviews.models import AgendaItem, Meeting, Question, Resource
from coffeechat.network.models import Contact, DuplicateFlag, ImportBatch, Organization
from coffeechat.network.transfer.imports import run_import
from coffeechat.outreach.mailbox.accounts import save_account
from coffeechat.outreach.models import MailboxFinding, MailboxFolder, Message, SmtpAccount
from coffeechat.outreach.services import customize_template

ALICE_MARK = "ALICE-ONLY-7f3a"
MALLORY_MARK = "MALLORY-OWN-2c9d"
# The template alice customizes: template pages are named by kind and variant, per user.
TEMPLATE_SLOT = ("request", "cold")

Text = Callable[[str], str]


def marked(mark: str) -> Text:
    return lambda label: f"{label} {mark}"


@dataclass
class World:
    """Handles on one user's objects, for building URLs and request bodies."""

    user: Any
    client: Client
    token: str
    org: Organization
    org_twin: Organization
    referrer: Contact
    referral: Contact
    twin: Contact
    request: Message
    draft: Message
    held: Meeting
    upcoming: Meeting
    item: AgendaItem
    resource: Resource
    question: Question
    batch: ImportBatch
    flag: DuplicateFlag
    api_token: ApiToken
    open_action_key: str
    settled_action_key: str
    stash_key: str
    calendar_secret: str
    share: Share | None = None
    finding: MailboxFinding | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _csv(text: Text) -> bytes:
    lines = [
        "First Name,Last Name,Company,Position,Email Address",
        f"Imogen,{text('Imported')},{text('Imported Org')},{text('Imported title')},"
        "imogen@example.org",
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def build_world(username: str, text: Text, adviser: Any = None) -> World:
    """An account holding one of every kind of row, each text field made by `text`."""
    user = create_user(username, email=f"{username}@example.edu", password=None)
    profile = profile_of(user)
    profile.display_name = text("Student")
    profile.school = text("School")
    profile.program = text("Program")
    profile.goals = text("Goals")
    profile.introduction = text("Introduction")
    profile.fields_of_interest = [text("Field")]
    profile.country = "US"
    profile.time_zone = "America/New_York"
    profile.save()
    now = timezone.now()

    org = Organization.objects.create(
        owner=user,
        name=text("Org"),
        industry=text("Industry"),
        location=text("Org location"),
        research_notes=text("Research notes"),
        website="https://org.example.org/",
        advocacy=True,
    )
    org_twin = Organization.objects.create(owner=user, name=text("Org") + " Inc.")
    referrer = Contact.objects.create(
        owner=user,
        first_name=text("Referrer"),
        last_name=text("Surname"),
        organization=org,
        title=text("Title"),
        field=text("Field"),
        location=text("Location"),
        how_found="alumni",
        email=f"referrer.{username}@example.org",
        linkedin_url=f"https://www.linkedin.com/in/{username}-referrer",
        tags_text=f",{text('tag').lower()},",
        notes=text("Contact notes"),
    )
    request = Message.objects.create(
        owner=user,
        contact=referrer,
        kind="request",
        subject=text("Subject"),
        body=text("Body"),
        status="sent",
        sent_at=now - timedelta(days=20),
        replied_at=now - timedelta(days=18),
    )
    held = Meeting.objects.create(
        owner=user,
        contact=referrer,
        starts_at=now - timedelta(days=3),
        minutes=20,
        mode="in-person",
        location=text("Meeting place"),
        status="held",
        ended_at=now - timedelta(days=3) + timedelta(minutes=20),
        notes=text("Meeting notes"),
        advice=text("Advice"),
        next_step=text("Next step"),
        reflection={key: text(f"Reflection {key}") for key, _ in REFLECTION_PROMPTS},
    )
    referral = Contact.objects.create(
        owner=user,
        first_name=text("Referral"),
        last_name=text("Surname"),
        organization=org,
        how_found="referral",
        referred_by=referrer,
        referred_in=held,
        notes=text("Referral notes"),
    )
    twin = Contact.objects.create(
        owner=user, first_name=referral.first_name, last_name=referral.last_name, organization=org
    )
    draft = Message.objects.create(
        owner=user, contact=referral, kind="request", subject=text("Draft"), body=text("Draft")
    )
    upcoming = Meeting.objects.create(
        owner=user,
        contact=referral,
        starts_at=now + timedelta(days=5),
        minutes=30,
        mode="video",
        location="https://meet.example.org/room",
    )
    item = AgendaItem.objects.create(
        owner=user, meeting=held, text=text("Agenda question"), category="advice", order=0,
        asked=True, notes=text("Agenda notes"),
    )  # fmt: skip
    AgendaItem.objects.create(
        owner=user, meeting=upcoming, text=text("Upcoming question"), category="path", order=0
    )
    resource = Resource.objects.create(
        owner=user, meeting=held, contact=referrer, kind="book", title=text("Resource"),
        url="https://books.example.org/", notes=text("Resource notes"),
    )  # fmt: skip
    question = Question.objects.create(owner=user, category="advice", text=text("Own question?"))
    batch_summary = run_import(user, _csv(text), filename=text("import") + ".csv")
    assert batch_summary.batch is not None
    flag = DuplicateFlag.objects.create(
        owner=user, contact=referral, other=twin, batch=batch_summary.batch
    )
    customize_template(user, *TEMPLATE_SLOT, text("Template subject"), text("Template body"))
    api_token, raw_token = ApiToken.issue(user, name=text("Token")[:80])
    SmtpAccount.objects.create(
        owner=user, host="smtp.example.org", username=username, password=text("SMTP password")
    )
    DailyDigest.objects.create(owner=user, enabled=True)
    mailbox = save_account(
        user, "imap.example.org", 993, "tls", text("Mailbox user")[:200], text("Mailbox password")
    )
    MailboxFolder.objects.create(owner=user, account=mailbox, name=text("Folder"), uidvalidity=7)
    finding = MailboxFinding.objects.create(
        owner=user, contact=referrer, message=request, kind="reply", key=f"<{username}@example.org>"
    )
    share = Share.objects.create(owner=user, adviser=adviser) if adviser is not None else None

    plan = followup_queries.plan(user)
    assert len(plan.actions) >= 2, "the world should have follow-up actions to act on"
    settled = plan.actions[-1].key
    ActionState.objects.create(owner=user, key=settled, state="done")
    secret = followup_services.calendar_secret(profile)

    client = Client()
    client.force_login(user)
    upload = client.post("/import/", {"file": _uploaded(text), "format": "auto"})
    assert upload.status_code == 302, upload.content[:500]
    stash_key = upload["Location"].rstrip("/").split("/")[-1]
    return World(
        user=user,
        client=client,
        token=raw_token,
        org=org,
        org_twin=org_twin,
        referrer=referrer,
        referral=referral,
        twin=twin,
        request=request,
        draft=draft,
        held=held,
        upcoming=upcoming,
        item=item,
        resource=resource,
        question=question,
        batch=batch_summary.batch,
        flag=flag,
        api_token=api_token,
        open_action_key=plan.actions[0].key,
        settled_action_key=settled,
        stash_key=stash_key,
        calendar_secret=secret,
        share=share,
        finding=finding,
    )


def _uploaded(text: Text) -> SimpleUploadedFile:
    return SimpleUploadedFile(text("stashed") + ".csv", _csv(text), content_type="text/csv")


def _user_links(model: type[models.Model]) -> list[str]:
    user_model = apps.get_model(django_settings.AUTH_USER_MODEL)
    return [
        f.name
        for f in model._meta.concrete_fields
        if f.is_relation and f.related_model is user_model
    ]


def fingerprint(user: Any) -> dict[str, list[dict[str, Any]]]:
    """Every row of every model that points at `user` (as owner or otherwise), field by field.

    Found by walking the models, so a new model is covered without touching this test.
    """
    rows_by_model: dict[str, list[dict[str, Any]]] = {}
    user_model = apps.get_model(django_settings.AUTH_USER_MODEL)
    rows_by_model["user"] = list(user_model._default_manager.filter(pk=user.pk).values())
    for model in apps.get_models():
        for name in _user_links(model):
            rows = model._default_manager.filter(**{name: user}).order_by("pk").values()
            rows_by_model[f"{model._meta.label}.{name}"] = [
                {k: v for k, v in row.items() if k != "last_used_at"} for row in rows
            ]
    return rows_by_model


def cross_links(owner: Any, other: Any) -> list[str]:
    """Rows of `owner` that point at a row of `other`: a leak through a foreign key."""
    user_model = apps.get_model(django_settings.AUTH_USER_MODEL)
    found = []
    for model in apps.get_models():
        if "owner" not in _user_links(model):
            continue
        for f in model._meta.concrete_fields:
            target = f.related_model
            if not isinstance(target, type) or target is user_model:
                continue
            if "owner" not in _user_links(target):
                continue
            lookup = {"owner": owner, f"{f.name}__owner": other}
            count = model._default_manager.filter(**lookup).count()
            if count:
                found.append(f"{model._meta.label}.{f.name}: {count}")
    return found
