"""Plain words on screen: the names people know, never the ids the product stores."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from django.utils.html import escape

from coffeechat.common.templatetags.plain_words import stage_label
from coffeechat.domain import vocab
from coffeechat.domain.drafts.variants import variant_label
from coffeechat.insights.templatetags.insights_format import rule_set_name
from coffeechat.network.models import Contact, Organization
from coffeechat.outreach.models import Message


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("career-office", "Career office"),
        ("2hjs-5", "2-Hour Job Search, 5-point (100 words)"),
        ("2hjs-6", "2-Hour Job Search, 6-point (75 words)"),
        ("", "Not recorded"),
        ("five-point", "Five point"),  # a set no longer offered still reads as words
    ],
)
def test_rule_sets_by_name(stored: str, shown: str) -> None:
    assert rule_set_name(stored) == shown


@pytest.mark.parametrize(("stage", "label"), vocab.STAGES)
def test_every_stage_by_name(stage: str, label: str) -> None:
    assert stage_label(stage) == label


def test_insights_names_the_rule_set(client_alice: Client, alice: Any) -> None:
    contact = Contact.objects.create(owner=alice, first_name="Priya")
    Message.objects.create(
        owner=alice,
        contact=contact,
        kind="request",
        status="sent",
        sent_at=timezone.now(),
        rule_set="career-office",
    )
    page = client_alice.get("/insights/").content.decode()
    assert '<th scope="row">Career office</th>' in page
    assert "career-office" not in page


def test_an_organizations_people_show_their_stage_in_words(
    client_alice: Client, alice: Any
) -> None:
    org = Organization.objects.create(owner=alice, name="Metro Transit")
    Contact.objects.create(owner=alice, first_name="Priya", organization=org)
    page = client_alice.get(f"/organizations/{org.pk}/").content.decode()
    assert '<span class="stage stage-identified">Identified</span>' in page


def test_every_template_says_when_it_is_used_in_words(client_alice: Client) -> None:
    from coffeechat.domain.drafts import builtin_templates

    page = client_alice.get("/outreach/templates/").content.decode()
    for kind, variant in builtin_templates():
        label = variant_label(kind, variant)
        assert label != variant and label[0].isupper()  # words, not an id
        assert f'<td class="used-when">{escape(label)}</td>' in page
    assert ">2hjs-5</td>" not in page and ">cold</td>" not in page


def test_a_template_page_says_when_it_is_used(client_alice: Client) -> None:
    page = client_alice.get("/outreach/templates/request/2hjs-5/").content.decode()
    assert "Used when: You chose the 2-Hour Job Search 5-point style" in page
    assert "(2hjs-5)" not in page


def test_the_rule_set_help_names_no_ids(client_alice: Client) -> None:
    page = client_alice.get("/outreach/settings/").content.decode()
    assert "The career office set warns past 150 words" in page
