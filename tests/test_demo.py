"""Synthetic data: realistic, deterministic, and never mixed into a real account."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from coffeechat.cli.main import main
from coffeechat.demo.generate import Scale, fill_account, generate
from coffeechat.interviews.models import AgendaItem, Meeting
from coffeechat.network.models import Contact, Organization
from coffeechat.outreach.models import Message

TODAY = date(2026, 11, 21)


def test_small_scale_builds_a_believable_network(alice: Any) -> None:
    made = generate(alice, "small", seed=7, today=TODAY)
    contacts = Contact.objects.owned_by(alice)
    assert made.contacts == contacts.count() == 40
    assert Organization.objects.owned_by(alice).count() == 12
    assert contacts.filter(referred_by__isnull=False, how_found="referral").count() == 3
    assert any(not name.isascii() for name in contacts.values_list("last_name", flat=True))
    assert Message.objects.owned_by(alice).filter(kind="request", status="sent").count() == 40
    held = Meeting.objects.owned_by(alice).filter(status="held")
    assert held.exists()
    assert all(m.ended_at and m.notes for m in held)
    assert AgendaItem.objects.owned_by(alice).filter(meeting__in=held).exclude(notes="").exists()
    assert Message.objects.owned_by(alice).filter(kind="thank-you").count() == held.count()
    assert all(m.reflection for m in held)
    replied = Message.objects.owned_by(alice).filter(replied_at__isnull=False).count()
    met = Meeting.objects.owned_by(alice).count()
    assert contacts.filter(closed_reason="declined").count() == replied - met


def test_the_same_seed_gives_the_same_data(alice: Any, bob: Any) -> None:
    generate(alice, "small", seed=3, today=TODAY)
    generate(bob, "small", seed=3, today=TODAY)

    def names(user: Any) -> list[tuple[str, str]]:
        return list(
            Contact.objects.owned_by(user).order_by("id").values_list("first_name", "last_name")
        )

    assert names(alice) == names(bob)


def test_organization_sizes_are_skewed(alice: Any) -> None:
    fill_account(
        alice,
        Scale(contacts=600, organizations=30, messages=0, meetings=0),
        random.Random(1),
        TODAY,
    )
    sizes = sorted(
        (
            Contact.objects.owned_by(alice).filter(organization=o).count()
            for o in Organization.objects.owned_by(alice)
        ),
        reverse=True,
    )
    assert sizes[0] > 5 * sizes[-1] + 5


def test_the_cli_refuses_an_account_that_has_contacts(db: Any, capsys: Any) -> None:
    assert main(["demo", "--json"]) == 0
    assert '"contacts": 40' in capsys.readouterr().out
    assert main(["demo"]) == 2
    assert "empty account" in capsys.readouterr().err


def test_demo_sets_up_a_fresh_data_folder(tmp_path: Any) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "COFFEECHAT_DATA_DIR": str(tmp_path), "COFFEECHAT_MODE": "personal"}
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-m", "coffeechat.cli.main", "demo"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Added 40 contacts" in result.stdout
