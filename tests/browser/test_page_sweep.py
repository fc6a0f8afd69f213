"""Every main page, signed in with demo data, at a phone's width and a laptop's (and in dark
mode at the phone's width, where axe-core checks the dark colours too): nothing wider than the
screen, nothing in the console, no serious or critical axe-core finding, and none of
the ids the product stores (such as `keep-in-touch` or `career-office`) shown where words belong.

One server, one browser and one sign-in serve the whole sweep (a module-scoped fixture), so it
stays around a minute even on a busy machine. axe-core comes bundled in axe-playwright-python
(pinned in the dev extras).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import RunningApp, chromium_page, serving
from tests.browser.test_live_mode import coffeechat

pytestmark = pytest.mark.browser

# (width, colour scheme): light at both widths; dark once, as its colours are the same at any width.
VIEWS = ((375, "light"), (1280, "light"), (375, "dark"))
# name, path ({contact}, {org}, {message}, {upcoming} and {held} are the demo's records)
PAGES = (
    ("today", "/today/"),
    ("contacts", "/contacts/"),
    ("contact", "/contacts/{contact}/"),
    ("organizations", "/organizations/"),
    ("organization", "/organizations/{org}/"),
    ("messages", "/messages/"),
    ("message", "/messages/{message}/"),
    ("composer", "/compose/?contact={contact}"),
    ("meeting", "/meetings/{upcoming}/"),
    ("calendar", "/calendar/"),
    ("prep", "/meetings/{upcoming}/prep/"),
    ("live", "/meetings/{upcoming}/live/"),
    ("reflect", "/meetings/{held}/reflect/"),
    ("insights", "/insights/"),
    ("journal", "/insights/journal/"),
    ("questions", "/questions/"),
    ("templates", "/outreach/templates/"),
    ("settings", "/outreach/settings/"),
    ("profile", "/profile/"),
    ("account", "/account/"),
    ("import", "/import/"),
    ("guide", "/guide/"),
    ("not-found", "/no/such/page/"),
)
# Ids the product stores that must reach the screen as words (snake_case is caught by shape).
CODE_NAMES = re.compile(
    r"\b[a-z]+_[a-z_]+\b|career-office|2hjs-|keep-in-touch|google-csv|outlook-csv|linkedin-note"
    r"|referral-intro|introduction-blurb|phone-script|close-the-loop"
)
# A page known to fail, while it is being fixed: (name, width, scheme) -> why (a strict xfail,
# so the sweep says when it passes again).
KNOWN: dict[tuple[str, int, str], str] = {
    ("insights", 375, "dark"): "insights.css still paints .progress-met in a light hex green under "
    "the dark --ok; the Insights look branch moves insights.css onto tokens (remove this then)",
}

# The page's width, the screen's, and the elements that stick out (unless a scroller holds them).
WIDER_THAN_THE_SCREEN = """() => {
  const clipped = e => { for (let a = e.parentElement; a; a = a.parentElement) {
    if (getComputedStyle(a).overflowX !== 'visible') return a !== document.documentElement
      && a !== document.body; } return false; };
  const out = [...document.querySelectorAll('body *')].filter(e =>
    e.getBoundingClientRect().right > window.innerWidth + 1 && !clipped(e));
  return [document.documentElement.scrollWidth, window.innerWidth,
    out.slice(-4).map(e => e.outerHTML.slice(0, 120))];
}"""

# Every part htmx loads by itself (the navigation's counts) has arrived and been swapped in.
HTMX_SETTLED = "() => !document.querySelector('[hx-trigger=load], .htmx-request, .htmx-settling')"

IDS_SCRIPT = """
import json
import re
from coffeechat.accounts.services import personal_owner
from coffeechat.interviews.models import Meeting
from coffeechat.network.models import Contact, Organization
from coffeechat.outreach.models import Message
me = personal_owner()
meetings = Meeting.objects.owned_by(me).order_by("starts_at")
print(json.dumps({
    "contact": Contact.objects.owned_by(me).order_by("pk").first().pk,
    "org": Organization.objects.owned_by(me).order_by("pk").first().pk,
    "message": Message.objects.owned_by(me).order_by("pk").first().pk,
    "upcoming": meetings.filter(status="scheduled").first().pk,
    "held": meetings.filter(status="held").last().pk,
}))
"""


@dataclass
class Site:
    app: RunningApp
    page: Any
    ids: dict[str, int]
    console: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    data_dir: Path = tmp_path_factory.mktemp("sweep") / "data"
    with serving(data_dir) as app, chromium_page() as page:
        coffeechat(app, "demo")
        ids = json.loads(coffeechat(app, "manage", "shell", "-c", IDS_SCRIPT).splitlines()[-1])
        site = Site(app, page, ids)
        page.on("console", lambda m: site.console.append(_said(m)) if m.type == "error" else None)
        page.on("pageerror", lambda e: site.console.append(f"uncaught: {e}"))
        page.goto(app.sign_in_url)
        yield site


def _said(message: Any) -> str:
    return f"{message.text} ({message.location.get('url', '')})"


def _case(name: str, path: str, width: int, scheme: str) -> Any:
    why = KNOWN.get((name, width, scheme))
    marks = [pytest.mark.xfail(strict=True, reason=why)] if why else []
    suffix = "" if scheme == "light" else f"-{scheme}"
    return pytest.param(name, path, width, scheme, id=f"{name}-{width}{suffix}", marks=marks)


@pytest.mark.parametrize(
    ("name", "path", "width", "scheme"),
    [_case(n, p, w, s) for n, p in PAGES for w, s in VIEWS],
)
def test_page(site: Site, name: str, path: str, width: int, scheme: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = site.page
    page.set_viewport_size({"width": width, "height": 800})
    page.emulate_media(color_scheme=scheme)
    site.console.clear()
    url = site.app.url + path.format(**site.ids)
    response = page.goto(url)
    page.wait_for_function(HTMX_SETTLED)  # so an error in what htmx loads is heard too
    expected = 404 if name == "not-found" else 200
    assert response is not None and response.status == expected, page.url

    wide, screen, culprits = page.evaluate(WIDER_THAN_THE_SCREEN)
    assert wide <= screen, f"{wide} px wide on a {screen} px screen, because of {culprits}"

    if name == "not-found":  # the browser reports the 404 of the page itself; that's the point
        site.console[:] = [line for line in site.console if f"({url})" not in line]
    assert not site.console, site.console

    words = CODE_NAMES.findall(page.locator("body").inner_text())
    assert not words, f"code names on screen: {sorted(set(words))}"

    results = Axe().run(page, options={"resultTypes": ["violations"]})
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
    assert not serious, serious


def test_the_guides_contents_lead_to_each_step_and_a_lost_page_leads_back(site: Site) -> None:
    from playwright.sync_api import expect

    page = site.page
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{site.app.url}/no/such/page/")
    page.get_by_role("main").get_by_role("link", name="Guide").click()
    expect(page).to_have_url(f"{site.app.url}/guide/")
    contents = page.get_by_role("navigation", name="Contents")
    contents.get_by_role("link", name="Say thank you").click()
    expect(page).to_have_url(f"{site.app.url}/guide/#thank-you")
    expect(page.locator("#thank-you")).to_be_in_viewport()
    expect(page.locator("#thank-you")).to_contain_text("within 24 hours")
