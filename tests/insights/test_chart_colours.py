"""The charts' colours: tokens only (so the dark theme reaches them), and every bar at least 3:1
against the page and the cards in light and dark (WCAG 1.4.11, graphical objects)."""

from __future__ import annotations

import re

import pytest

from tests.test_contrast import STATIC, hex_to_rgb, ratio, tokens

INSIGHTS_CSS = (STATIC / "insights.css").read_text(encoding="utf-8")
GRAPHICS = 3.0
# What fills each bar: the series of the weekly chart (replies are the hatching's stripes) and
# the funnel's bars.
BAR_RULES = (".series-0", ".hatch-line", ".series-2", ".chart .bar")


def _fill_token(selector: str) -> str:
    rule = re.search(re.escape(selector) + r"\s*{[^}]*?fill:\s*var\((--[\w-]+)\)", INSIGHTS_CSS)
    assert rule, f"insights.css has no token fill for {selector}"
    return rule.group(1)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("selector", BAR_RULES)
def test_every_bar_stands_out_from_the_page_and_the_cards(scheme: str, selector: str) -> None:
    t = tokens(scheme)
    bar = hex_to_rgb(t[_fill_token(selector)])
    for ground in ("--paper", "--card"):
        assert ratio(bar, hex_to_rgb(t[ground])) >= GRAPHICS, (scheme, selector, ground)


def test_the_series_are_told_apart_by_more_than_colour() -> None:
    assert re.search(r"\.series-1\s*{\s*fill:\s*url\(#hatch\)", INSIGHTS_CSS)


def test_colours_come_from_tokens_outside_print() -> None:
    screen = INSIGHTS_CSS.split("@media print")[0]
    bare = re.findall(r"#[0-9a-fA-F]{3,6}\b", screen)
    assert bare == [], bare
