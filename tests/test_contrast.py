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


UI = 3.0  # borders that show a control, focus rings, icons standing alone (WCAG 1.4.11)
SURFACES = ("--paper", "--card")
# (foreground, background, minimum): every pairing the pieces in docs/design.md put together.
PAIRS = [
    *[
        (fg, bg, TEXT)
        for bg in SURFACES
        for fg in ("--ink", "--muted", "--accent", "--accent-hover")
    ],
    *[(fg, bg, TEXT) for bg in SURFACES for fg in ("--ok", "--warn", "--danger", "--info")],
    ("--ink", "--surface-2", TEXT),  # code, early stages, hovered buttons
    ("--muted", "--surface-2", TEXT),  # closed stages
    ("--accent-ink", "--accent", TEXT),  # the primary button
    ("--accent-ink", "--accent-hover", TEXT),
    ("--accent", "--accent-soft", TEXT),  # a quiet button, hovered
    *[
        (fg, soft, TEXT)
        for soft in ("--accent-soft", "--ok-soft", "--warn-soft", "--danger-soft", "--info-soft")
        for fg in ("--ink",)
    ],  # stage badges, highlighted words in the composer
    ("--ok", "--ok-soft", TEXT),
    ("--warn", "--warn-soft", TEXT),  # due today, notices
    ("--danger", "--danger-soft", TEXT),  # late
    ("--info", "--info-soft", TEXT),  # due soon
    *[("--line-strong", bg, UI) for bg in SURFACES],  # field and button borders
    *[("--focus", bg, UI) for bg in (*SURFACES, "--surface-2", "--accent-soft")],
]


def _colour(t: dict[str, str], token: str) -> tuple[float, float, float]:
    return hex_to_rgb(t[token])


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("fg", "bg", "minimum"), PAIRS, ids=[f"{f}-on-{b}" for f, b, _ in PAIRS])
def test_token_pairs_meet_aa(scheme: str, fg: str, bg: str, minimum: float) -> None:
    t = tokens(scheme)
    got = ratio(_colour(t, fg), _colour(t, bg))
    assert got >= minimum, f"{scheme}: {fg} on {bg} is {got:.2f}:1, needs {minimum}:1"


def test_every_colour_token_has_a_dark_value() -> None:
    light, dark = tokens("light"), tokens("dark")
    colours = {name for name, value in light.items() if value.startswith("#")}
    css = re.sub(r"/\*.*?\*/", "", APP_CSS.read_text(encoding="utf-8"), flags=re.S)
    dark_block = re.search(r"prefers-color-scheme:\s*dark\)\s*{\s*:root\s*{(?P<body>[^}]*)}", css)
    assert dark_block is not None
    missing = colours - set(_declarations(dark_block.group("body")))
    assert not missing, f"no dark value for {sorted(missing)}"
    assert light["--paper"] != dark["--paper"]


def _rules_setting_both(css: str) -> list[tuple[str, str, str]]:
    """(selector, colour token, background token) of each rule that sets both with var()."""
    found = []
    for selector, body in re.findall(
        r"([^{}]+){([^{}]*)}", re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    ):
        fg = re.search(r"(?<![-\w])color:\s*var\((--[\w-]+)", body)
        bg = re.search(r"background(?:-color)?:\s*var\((--[\w-]+)", body)
        if fg and bg:
            found.append((selector.strip(), fg.group(1), bg.group(1)))
    return found


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_rule_that_sets_text_and_background_is_readable(scheme: str) -> None:
    """Any rule in our stylesheets that puts a token colour on a token background, so a new
    pairing is checked without anyone remembering to list it above."""
    t = tokens(scheme)
    sheets = [p for p in sorted(STATIC.glob("*.css")) if "print" not in p.name]
    rules = [rule for sheet in sheets for rule in _rules_setting_both(sheet.read_text("utf-8"))]
    assert len(rules) > 10, "the rule scan found almost nothing: has the pattern gone stale?"
    poor = [
        f"{sel}: {fg} on {bg} {r:.2f}:1"
        for sel, fg, bg in rules
        if (r := ratio(_colour(t, fg), _colour(t, bg))) < TEXT
    ]
    assert not poor, f"{scheme}: {poor}"
