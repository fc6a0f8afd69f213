"""WCAG 2.2 AA contrast of the colours in app.css, light and dark, read from the file itself so a
badly changed colour fails here before anyone has to squint at it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

STATIC = Path(__file__).resolve().parent.parent / "coffeechat" / "static" / "coffeechat"
APP_CSS = STATIC / "app.css"
TEXT = 4.5  # normal-size text (WCAG 1.4.3)


def _declarations(block: str) -> dict[str, str]:
    return {name: value.strip() for name, value in re.findall(r"(--[\w-]+)\s*:\s*([^;]+);", block)}


def tokens(scheme: str) -> dict[str, str]:
    """The custom properties of `:root`, with the dark values laid over them for "dark"."""
    css = re.sub(r"/\*.*?\*/", "", APP_CSS.read_text(encoding="utf-8"), flags=re.S)
    light = re.search(r"^:root\s*{(?P<body>[^}]*)}", css, re.M)
    dark = re.search(r"prefers-color-scheme:\s*dark\)\s*{\s*:root\s*{(?P<body>[^}]*)}", css)
    assert light and dark, "app.css has lost its :root or its dark :root"
    values = _declarations(light.group("body"))
    if scheme == "dark":
        values |= _declarations(dark.group("body"))
    return values


def hsl_to_rgb(h: float, s: float, lightness: float) -> tuple[float, float, float]:
    def channel(n: int) -> float:
        k = (n + h / 30) % 12
        a = s * min(lightness, 1 - lightness)
        return lightness - a * max(-1, min(k - 3, 9 - k, 1))

    return channel(0), channel(8), channel(4)


def hex_to_rgb(colour: str) -> tuple[float, float, float]:
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    assert re.fullmatch(r"[0-9a-fA-F]{6}", digits), f"{colour!r} is not a #rrggbb colour"
    r, g, b = (int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return r, g, b


def luminance(rgb: tuple[float, float, float]) -> float:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_contrast_formula_matches_known_values() -> None:
    assert ratio(hex_to_rgb("#000"), hex_to_rgb("#fff")) == pytest.approx(21)
    assert ratio(hex_to_rgb("#777777"), hex_to_rgb("#ffffff")) == pytest.approx(4.48, abs=0.01)
    assert hsl_to_rgb(0, 1, 0.5) == pytest.approx((1, 0, 0))
    assert hsl_to_rgb(240, 1, 0.25) == pytest.approx((0, 0, 0.5))


def _percent(value: str) -> float:
    return float(value.rstrip("%")) / 100


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_avatar_initials_are_readable_on_every_hue(scheme: str) -> None:
    t = tokens(scheme)
    bg_s, bg_l = _percent(t["--avatar-bg-s"]), _percent(t["--avatar-bg-l"])
    ink_s, ink_l = _percent(t["--avatar-ink-s"]), _percent(t["--avatar-ink-l"])
    worst = min(
        (ratio(hsl_to_rgb(h, ink_s, ink_l), hsl_to_rgb(h, bg_s, bg_l)), h) for h in range(360)
    )
    assert worst[0] >= TEXT, f"{scheme}: initials at hue {worst[1]} reach only {worst[0]:.2f}:1"
