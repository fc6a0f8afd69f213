"""Insights with demo data: a chart with its axis and values, a contents bar that jumps to its
sections, sections folded on a phone, and nothing wider than the screen."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import RunningApp
from tests.browser.test_live_mode import coffeechat

pytestmark = pytest.mark.browser

WIDTH = "() => [document.documentElement.scrollWidth, window.innerWidth]"


def test_insights_reads_on_a_phone_and_on_a_laptop(page: Any, fresh_app: RunningApp) -> None:
    from playwright.sync_api import expect

    coffeechat(fresh_app, "demo")
    page.goto(fresh_app.sign_in_url)
    page.goto(fresh_app.url + "/insights/")

    # On a phone every section after the first starts folded: a short list of headings.
    funnel, weeks = page.locator("details#funnel"), page.locator("details#activity")
    expect(funnel).to_have_attribute("open", "")
    expect(weeks).not_to_have_attribute("open", "")
    chart = weeks.locator("svg.chart.activity")
    expect(chart).to_be_hidden()
    scroll_width, screen = page.evaluate(WIDTH)
    assert scroll_width <= screen, (scroll_width, screen)

    # A link of the contents bar opens its section and brings it into view.
    contents = page.get_by_role("navigation", name="On this page")
    contents.get_by_role("link", name="Week by week").click()
    expect(page).to_have_url(fresh_app.url + "/insights/#activity")
    expect(weeks).to_have_attribute("open", "")
    expect(chart).to_be_in_viewport()
    expect(chart.locator("text.tick").first).to_have_text("0")
    assert chart.locator("text.tick").count() >= 2
    expect(chart.locator("text.date").last).to_have_text(_date_like())
    expect(chart.get_by_text("Week starting")).to_be_visible()
    assert chart.locator("rect.series-0").count() > 0
    # The old chart drew every week alike: these columns differ in height.
    heights = {round(h) for h in chart.locator("g.week").evaluate_all(_COLUMN_HEIGHTS) if h}
    assert len(heights) > 1, heights
    expect(weeks.locator(".legend")).to_contain_text("Messages sent")
    scroll_width, screen = page.evaluate(WIDTH)
    assert scroll_width <= screen, (scroll_width, screen)

    # The target list is a column of short blocks on a phone, nothing to scroll sideways.
    contents.get_by_role("link", name="Target list").click()
    targets = page.locator("details#targets .table-wrap")
    expect(targets).to_be_in_viewport()
    overflow = targets.evaluate("e => e.scrollWidth - e.clientWidth")
    assert overflow <= 1, overflow

    # Any section folds and unfolds from its heading.
    funnel.locator("summary").first.click()
    expect(funnel).not_to_have_attribute("open", "")
    expect(funnel.locator("svg.chart")).to_be_hidden()

    # On a laptop, everything is open and the contents bar stays in view while reading.
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(fresh_app.url + "/insights/")
    for section in ("funnel", "activity", "response", "tree", "targets", "fields", "said"):
        expect(page.locator(f"details#{section}")).to_have_attribute("open", "")
    contents.get_by_role("link", name="What people said").click()
    expect(page.get_by_role("heading", name="What people said")).to_be_in_viewport()
    expect(contents).to_be_in_viewport()
    funnel_chart = page.locator("svg.chart.funnel")
    expect(funnel_chart).to_contain_text("Replied")
    expect(funnel_chart).to_contain_text("of those asked")
    scroll_width, screen = page.evaluate(WIDTH)
    assert scroll_width <= screen, (scroll_width, screen)


_COLUMN_HEIGHTS = "gs => gs.map(g => g.getBBox().height)"


def _date_like() -> Any:
    import re

    return re.compile(r"^\d{1,2} [A-Z][a-z]{2}$")
