"""Your own wording (customize and reset) and the outreach settings page."""

from __future__ import annotations

from typing import Any

from coffeechat.accounts.services import profile_of
from coffeechat.domain.drafts import builtin_templates
from coffeechat.network.models import Contact
from coffeechat.outreach.models import MessageTemplate, SmtpAccount


def test_the_template_list_shows_every_builtin(client_alice: Any) -> None:
    page = client_alice.get("/outreach/templates/").content.decode()
    assert page.count("Customize") >= 9
    assert "/outreach/templates/request/referred/" in page


def test_customizing_a_template_changes_the_next_draft(
    client_alice: Any, alice: Any, referral: Contact
) -> None:
    editor = client_alice.get("/outreach/templates/request/referred/").content.decode()
    assert "{first_name}" in editor and "Their first name" in editor  # field help
    response = client_alice.post(
        "/outreach/templates/request/referred/",
        {"subject": "Hello from {my_name}", "body": "Hi {first_name}, {referrer} sent me."},
    )
    assert response.status_code == 200  # saved, and shown with what our checker notices
    assert MessageTemplate.objects.filter(owner=alice, variant="referred").exists()
    drafted = client_alice.get("/compose/", {"contact": referral.pk, "kind": "request"})
    assert drafted.context["form"]["body"].value() == "Hi Tomás, Priya Raman sent me."
    assert drafted.context["form"]["subject"].value() == "Hello from Alice Moreau"
    assert "Yours" in client_alice.get("/outreach/templates/").content.decode()


def test_reset_goes_back_to_the_builtin(client_alice: Any, alice: Any, referral: Contact) -> None:
    MessageTemplate.objects.create(
        owner=alice, kind="request", variant="referred", subject="S", body="Mine {first_name}"
    )
    response = client_alice.post("/outreach/templates/request/referred/reset")
    assert response.status_code == 302
    assert not MessageTemplate.objects.exists()
    drafted = client_alice.get("/compose/", {"contact": referral.pk, "kind": "request"})
    assert "Priya Raman suggested" in drafted.context["form"]["body"].value()


def test_another_users_template_is_never_used(
    client_alice: Any, bob: Any, referral: Contact
) -> None:
    MessageTemplate.objects.create(
        owner=bob, kind="request", variant="referred", subject="S", body="Bob's {first_name}"
    )
    drafted = client_alice.get("/compose/", {"contact": referral.pk, "kind": "request"})
    assert "Bob's" not in drafted.context["form"]["body"].value()


def test_an_empty_template_or_unknown_kind_is_refused(client_alice: Any) -> None:
    response = client_alice.post(
        "/outreach/templates/request/referred/", {"subject": "S", "body": " "}
    )
    assert response.status_code == 422
    assert client_alice.get("/outreach/templates/job-ask/default/").status_code == 404
    assert client_alice.post("/outreach/templates/nope/default/reset").status_code == 404


def test_letter_templates_have_no_subject(client_alice: Any) -> None:
    page = client_alice.get("/outreach/templates/letter/default/")
    assert "subject" not in page.context["form"].fields


def test_checker_settings_are_saved_and_used(
    client_alice: Any, alice: Any, referral: Contact
) -> None:
    profile = profile_of(alice)
    profile.rule_settings = {"follow_up_business_days": 5}
    profile.save()
    response = client_alice.post(
        "/outreach/settings/",
        {"section": "checker", "checker-rule_set": "2hjs-5", "checker-max_words": "120",
         "checker-personal_words": "Zorblat, GIS\nR-Shiny"},
    )  # fmt: skip
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.rule_settings == {
        "follow_up_business_days": 5,
        "rule_set": "2hjs-5",
        "max_words": 120,
        "personal_words": ["Zorblat", "GIS", "R-Shiny"],
    }
    spelled = client_alice.post(
        "/compose/findings",
        {"contact": referral.pk, "kind": "update", "channel": "email", "subject": "News",
         "body": "I learnt Zorblat and Qwzxv this month."},
    )  # fmt: skip
    page = spelled.content.decode()
    assert "Qwzxv" in page and "&quot;Zorblat&quot;" not in page


def test_numbers_out_of_range_are_refused_and_kept(client_alice: Any, alice: Any) -> None:
    response = client_alice.post(
        "/outreach/settings/",
        {"section": "checker", "checker-rule_set": "career-office", "checker-max_words": "5"},
    )
    assert response.status_code == 422
    assert 'value="5"' in response.content.decode()
    assert "max_words" not in profile_of(alice).rule_settings


def test_the_smtp_password_is_stored_but_never_shown(client_alice: Any, alice: Any) -> None:
    response = client_alice.post(
        "/outreach/settings/",
        {"section": "smtp", "smtp-host": "smtp.example.org", "smtp-port": "587",
         "smtp-security": "starttls", "smtp-username": "alice", "smtp-password": "s3cret-pw"},
    )  # fmt: skip
    assert response.status_code == 302
    assert SmtpAccount.objects.get(owner=alice).password == "s3cret-pw"
    page = client_alice.get("/outreach/settings/").content.decode()
    assert "s3cret-pw" not in page and "smtp.example.org" in page and "A password is saved" in page
    # Saving again without a password keeps it; "forget" clears it.
    client_alice.post(
        "/outreach/settings/",
        {"section": "smtp", "smtp-host": "smtp.example.org", "smtp-port": "2525",
         "smtp-security": "ssl", "smtp-username": "alice"},
    )  # fmt: skip
    account = SmtpAccount.objects.get(owner=alice)
    assert (account.port, account.security, account.password) == (2525, "ssl", "s3cret-pw")
    invalid = client_alice.post(
        "/outreach/settings/",
        {"section": "smtp", "smtp-host": "smtp.example.org", "smtp-port": "99999",
         "smtp-security": "starttls", "smtp-password": "typed-again"},
    )  # fmt: skip
    assert invalid.status_code == 422 and "typed-again" not in invalid.content.decode()
    client_alice.post(
        "/outreach/settings/",
        {"section": "smtp", "smtp-host": "smtp.example.org", "smtp-port": "587",
         "smtp-security": "starttls", "smtp-forget_password": "on"},
    )  # fmt: skip
    assert SmtpAccount.objects.get(owner=alice).password == ""
    client_alice.post(
        "/outreach/settings/",
        {"section": "smtp", "smtp-host": "", "smtp-port": "587", "smtp-security": "starttls"},
    )
    assert not SmtpAccount.objects.exists()


def test_saving_a_template_our_checker_flags_shows_the_findings_and_keeps_it(
    client_alice: Any, alice: Any
) -> None:
    body = (
        "Dear {full_name},\n\nCould you refer me for an internship at {organization}?\n\n{my_name}"
    )
    response = client_alice.post(
        "/outreach/templates/request/cold/", {"subject": "Internship?", "body": body}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Your wording is saved" in page
    assert "Grace Okoye" in page  # tried on the made-up person
    rules = {f.rule for f in response.context["tried"].findings}
    assert "asks-for-job" in rules
    assert MessageTemplate.objects.get(owner=alice, kind="request", variant="cold").body == body


def test_every_built_in_wording_saved_as_is_passes_without_notes(
    client_alice: Any, alice: Any, full_profile: Any
) -> None:
    """The built-in wording, saved unchanged as the user's own, is clean for every kind."""
    for (kind, variant), template in builtin_templates().items():
        data = {"body": template.body}
        if template.subject is not None:
            data["subject"] = template.subject
        response = client_alice.post(f"/outreach/templates/{kind}/{variant}/", data)
        assert response.status_code == 302, (kind, variant, response.context["tried"].findings)
