"""Live mode in a real browser: plan, start the clock, check off, take notes, add a referral,
lose the connection for a moment, reload, and find everything where it was."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request
from typing import Any

import pytest

from tests.browser.conftest import RunningApp

pytestmark = pytest.mark.browser


def coffeechat(app: RunningApp, *args: str) -> str:
    env = {**os.environ, "COFFEECHAT_DATA_DIR": str(app.data_dir), "COFFEECHAT_MODE": "personal"}
    env.pop("DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-m", "coffeechat.cli.main", *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return done.stdout.strip()


def api_post(app: RunningApp, token: str, path: str, body: dict[str, Any]) -> Any:
    request = urllib.request.Request(
        app.url + path,
        data=json.dumps(body).encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())


def a_meeting_with_priya(app: RunningApp) -> int:
    token = coffeechat(app, "token").splitlines()[-1].strip()
    priya = api_post(
        app,
        token,
        "/api/v1/contacts",
        {
            "first_name": "Priya",
            "last_name": "Raman",
            "organization_name": "Metro Transit Authority",
            "title": "Transit planner",
            "how_found": "alumni",
        },
    )
    # Scheduling meetings belongs to another page; the ORM stands in for it here.
    script = (
        "from datetime import timedelta; from django.utils import timezone;"
        "from coffeechat.interviews.models import Meeting;"
        "from coffeechat.network.models import Contact;"
        f"c = Contact.objects.get(pk={priya['id']});"
        "m = Meeting.objects.create(owner=c.owner, contact=c, minutes=20, mode='in-person',"
        " starts_at=timezone.now() + timedelta(minutes=5));"
        "print(m.pk)"
    )
    return int(coffeechat(app, "manage", "shell", "-c", script).splitlines()[-1])


def test_live_mode_keeps_everything_through_a_dropped_connection_and_a_reload(
    page: Any, fresh_app: RunningApp
) -> None:
    from playwright.sync_api import expect

    page.goto(fresh_app.sign_in_url)
    meeting = a_meeting_with_priya(fresh_app)

    page.goto(f"{fresh_app.url}/meetings/{meeting}/prep/")
    expect(page.get_by_text("Arrive 10–15 minutes early")).to_be_visible()
    page.get_by_role("button", name="Plan my agenda").click()
    expect(page.get_by_text("Your agenda is ready")).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the prep sheet scrolls sideways at phone width ({width}px)"
    page.get_by_role("link", name="Open live mode").click()

    clock = page.locator("#clock-time")
    expect(clock).to_have_text("20:00")
    page.get_by_role("button", name="Start the clock").click()
    expect(clock).not_to_have_text("20:00")
    status = page.locator("#save-status")

    boxes = page.locator("#live-agenda .asked")
    for index in range(3):
        boxes.nth(index).check()
    # One thumb: Next question brings the first open question into view, its notes open.
    page.get_by_role("button", name="Next question").click()
    fourth = page.locator("#live-agenda .live-item").nth(3)
    expect(fourth.locator("textarea")).to_be_visible()
    expect(fourth).to_be_in_viewport()
    second = page.locator("#live-agenda .live-item").nth(1)
    second.locator(".item-toggle").click()
    second.locator("textarea").fill("Started in bus scheduling; loves GTFS data.")
    page.get_by_role("textbox", name="General notes").fill("Warm and generous with time.")
    expect(status).to_have_text("Saved")

    page.get_by_text("Someone to talk to next").click()
    page.locator("#referral_name").fill("Dana Okafor")
    page.locator("#referral_organization").fill("City Planning Office")
    page.locator("#referral_email").fill("dana@example.org")
    page.get_by_label("May I mention you?").select_option("yes")
    page.get_by_role("button", name="Add this person").click()
    expect(page.locator("#referral-list").get_by_role("link", name="Dana Okafor")).to_be_visible()

    # The network drops: the edit waits in the browser and goes out when it's back.
    page.context.set_offline(True)
    third = page.locator("#live-agenda .live-item").nth(2)
    third.locator(".item-toggle").click()
    third.locator("textarea").fill("Suggests the transit data meetup.")
    expect(status).to_contain_text("Unsaved — retrying")
    page.context.set_offline(False)
    expect(status).to_have_text("Saved", timeout=40000)

    page.reload()
    expect(page.get_by_role("button", name="Start the clock")).to_be_hidden()
    expect(clock).not_to_have_text("20:00")
    assert clock.inner_text() < "20:00"  # still counting down from the stored start
    expect(page.locator("#live-agenda .asked:checked")).to_have_count(3)
    expect(page.locator("#live-agenda .live-item").nth(1).locator("textarea")).to_have_value(
        "Started in bus scheduling; loves GTFS data."
    )
    expect(page.locator("#live-agenda .live-item").nth(2).locator("textarea")).to_have_value(
        "Suggests the transit data meetup."
    )
    expect(page.get_by_role("textbox", name="General notes")).to_have_value(
        "Warm and generous with time."
    )
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"live mode scrolls sideways at phone width ({width}px)"

    page.locator("#referral-list").get_by_role("link", name="Dana Okafor").click()
    expect(page.get_by_role("heading", name="Dana Okafor")).to_be_visible()
    expect(page.locator("ol.chain").get_by_role("link", name="Priya Raman")).to_be_visible()
    expect(page.get_by_text("may mention their name")).to_be_visible()
