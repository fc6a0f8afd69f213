"""The prep sheet in a real browser, for a video, a phone and an in-person conversation:
logistics that fit the mode, the one-line objective carried into live mode, an agenda with one
referral ask, and nothing wider than a phone."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import RunningApp
from tests.browser.test_live_mode import coffeechat

pytestmark = pytest.mark.browser

# Set PREP_SCREENSHOTS to a folder to keep a picture of each sheet at both widths.
SHOTS = os.environ.get("PREP_SCREENSHOTS", "")


def three_meetings(app: RunningApp) -> dict[str, int]:
    coffeechat(app, "demo")
    script = (
        "from datetime import timedelta; from django.utils import timezone;"
        "from coffeechat.interviews.models import Meeting;"
        "from coffeechat.network.models import Contact;"
        "people = list(Contact.objects.exclude(first_name='').order_by('pk')[:3]);"
        "people[1].phone = '+44 20 7946 0321'; people[1].save();"
        "people[2].time_zone = 'America/New_York'; people[2].save();"
        "when = timezone.now() + timedelta(days=2);"
        "v = Meeting.objects.create(owner=people[0].owner, contact=people[0], starts_at=when,"
        " minutes=30, mode='video', location='https://meet.example.org/abc-defg-hij');"
        "p = Meeting.objects.create(owner=people[1].owner, contact=people[1], starts_at=when,"
        " minutes=20, mode='phone');"
        "i = Meeting.objects.create(owner=people[2].owner, contact=people[2], starts_at=when,"
        " minutes=20, mode='in-person', status='proposed',"
        " location='Blue Bottle Coffee, 300 Webster Street');"
        "print(v.pk, p.pk, i.pk)"
    )
    out = coffeechat(app, "manage", "shell", "-c", script).splitlines()[-1].split()
    return dict(zip(("video", "phone", "in-person"), map(int, out), strict=True))


def fits_the_screen(page: Any, width: int) -> None:
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, f"the prep sheet scrolls sideways at {width}px ({scroll}px)"


def shoot(page: Any, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)
        width = page.viewport_size["width"]
        height = page.evaluate("document.documentElement.scrollHeight")
        for part in range(min(3, height // 1000)):  # the top, in pieces small enough to view
            clip = {"x": 0, "y": part * 1000, "width": width, "height": 1000}
            path = Path(SHOTS) / f"{name}-part{part + 1}.png"
            page.screenshot(path=str(path), full_page=True, clip=clip)


def test_the_prep_sheet_fits_each_kind_of_meeting(page: Any, fresh_app: RunningApp) -> None:
    from playwright.sync_api import expect

    page.goto(fresh_app.sign_in_url)
    meetings = three_meetings(fresh_app)

    # Video, on a phone: check the link and camera, no resume copies, no keyboard hint.
    page.goto(f"{fresh_app.url}/meetings/{meetings['video']}/prep/")
    logistics = page.locator("section[aria-labelledby=logistics]")
    expect(logistics).to_contain_text("test your camera and sound 10 minutes before")
    expect(logistics).to_contain_text("plain background")
    expect(logistics).not_to_contain_text("resume")
    expect(page.locator(".print-hint")).to_be_hidden()

    objective = page.get_by_role("textbox", name="What I want to learn from this person")
    objective.fill("How they moved from research into planning")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("You'll see it in live mode too")).to_be_visible()
    expect(objective).to_have_value("How they moved from research into planning")
    page.emulate_media(media="print")  # the printed sheet: the line itself, no form
    expect(page.locator(".objective-text")).to_have_text(
        "How they moved from research into planning"
    )
    expect(objective).to_be_hidden()
    page.emulate_media(media="screen")
    expect(page.locator(".objective-text")).to_be_hidden()

    page.get_by_role("button", name="Plan my agenda").click()
    expect(page.get_by_text("Your agenda is ready")).to_be_visible()
    agenda = page.locator("ol.agenda")
    expect(agenda.get_by_text("Which two or three people")).to_have_count(1)
    expect(agenda.get_by_text("round out my picture")).to_have_count(0)
    expect(agenda.get_by_text("LinkedIn")).to_have_count(1)
    expect(agenda.get_by_text("frustrating")).to_have_count(1)
    fits_the_screen(page, 375)
    shoot(page, "video-375")

    page.get_by_role("link", name="Open live mode").click()
    expect(page.locator(".live-objective")).to_contain_text(
        "How they moved from research into planning"
    )
    fits_the_screen(page, 375)
    shoot(page, "live-375")

    expected = {
        # Phone: a quiet room, their number, who calls whom.
        "phone": ("+44 20 7946 0321", "you make the call", "quiet room"),
        # In person: where, what to wear and what to bring.
        "in-person": (
            "Arrive 10–15 minutes early at Blue Bottle Coffee",
            "Dress one step above",
            "copies of your resume and a notebook",
        ),
    }
    for mode, lines in expected.items():
        page.goto(f"{fresh_app.url}/meetings/{meetings[mode]}/prep/")
        logistics = page.locator("section[aria-labelledby=logistics]")
        for line in lines:
            expect(logistics).to_contain_text(line)
        fits_the_screen(page, 375)
        shoot(page, f"{mode}-375")
    # The in-person one isn't agreed yet: times to offer, in both zones.
    expect(page.locator(".slots li").first).to_contain_text("New York time)")

    # On a wide screen with a keyboard, the print hint is back.
    page.set_viewport_size({"width": 1280, "height": 900})
    expect(page.locator(".print-hint")).to_be_visible()
    fits_the_screen(page, 1280)
    shoot(page, "in-person-1280")
    for mode in ("video", "phone"):
        page.goto(f"{fresh_app.url}/meetings/{meetings[mode]}/prep/")
        expect(page.locator(".print-hint")).to_be_visible()
        shoot(page, f"{mode}-1280")

    page.goto(f"{fresh_app.url}/meetings/{meetings['in-person']}/prep/")
    page.get_by_role("button", name="Offer them in a short reply").click()
    expect(page.get_by_text("the request you already sent stays as it was")).to_be_visible()
    expect(page.locator("textarea[name=body]")).to_contain_text("New York time (")
