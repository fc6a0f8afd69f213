"""The `ui` template tags: icons from the vendored Lucide sprite, avatars with initials."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.template import Context, Template, TemplateSyntaxError

from coffeechat.common.templatetags.ui import HUE_STEPS, avatar, hue, icon, initials

ROOT = Path(__file__).resolve().parent.parent
SPRITE = ROOT / "coffeechat" / "static" / "coffeechat" / "icons.svg"
TEMPLATES = ROOT / "coffeechat" / "templates"
# The names the four look branches agreed on (docs/design.md lists them); all must be drawn.
AGREED_ICONS = [
    "calendar",
    "mail",
    "pen-line",
    "user",
    "users",
    "building-2",
    "check",
    "clock",
    "chevron-down",
    "more-horizontal",
    "search",
    "message-square",
    "bar-chart-3",
    "kanban",
    "settings",
    "log-out",
    "sun",
    "moon",
    "reply",
    "send",
    "undo-2",
    "alarm-clock",
    "x",
    "plus",
    "book-open",
    "upload",
    "download",
    "list-checks",
    "handshake",
]


def render(source: str, **context: object) -> str:
    return Template("{% load ui %}" + source).render(Context(context))


def sprite_symbols() -> set[str]:
    return set(re.findall(r'<symbol id="([^"]+)"', SPRITE.read_text(encoding="utf-8")))


def test_a_decorative_icon_is_hidden_from_screen_readers() -> None:
    assert render('{% icon "mail" %}') == (
        '<svg class="icon" aria-hidden="true" focusable="false">'
        '<use href="/static/coffeechat/icons.svg#mail"/></svg>'
    )


def test_a_labelled_icon_is_announced_by_its_title() -> None:
    html = render('{% icon "pen-line" label="Write" %}')
    assert html == (
        '<svg class="icon" role="img" focusable="false"><title>Write</title>'
        '<use href="/static/coffeechat/icons.svg#pen-line"/></svg>'
    )
    assert "aria-hidden" not in html


def test_an_icon_label_is_escaped() -> None:
    html = render("{% icon 'x' label=label %}", label='Close "<script>alert(1)</script>"')
    assert "<script>" not in html
    assert "<title>Close &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;</title>" in html


@pytest.mark.parametrize("name", ['x" onload="alert(1)', "../secret", "Mail", ""])
def test_an_icon_name_that_is_not_a_lucide_name_is_refused(name: str) -> None:
    with pytest.raises(TemplateSyntaxError):
        icon(name)


def test_the_sprite_draws_every_agreed_icon() -> None:
    assert set(AGREED_ICONS) <= sprite_symbols()


def test_the_sprite_draws_every_icon_the_templates_use() -> None:
    used = {
        name
        for page in TEMPLATES.rglob("*.html")
        for name in re.findall(r"{%\s*icon\s+[\"']([^\"']+)[\"']", page.read_text(encoding="utf-8"))
    }
    assert used, "no template uses {% icon %}: has the pattern gone stale?"
    assert used <= sprite_symbols(), f"missing from icons.svg: {sorted(used - sprite_symbols())}"


def test_the_sprite_matches_the_list_it_is_built_from() -> None:
    listed = {
        line.strip()
        for line in (ROOT / "tools" / "icon_names.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    assert listed == sprite_symbols()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ada Lovelace", "AL"),
        ("ada king lovelace", "AL"),  # first and last words; lower case is lifted
        ("Plato", "P"),
        ("  Grace   Hopper  ", "GH"),
        ("", "?"),
        ("   ", "?"),
        ("🎉 Party Planner", "PP"),  # an emoji is not a letter: passed over
        ("🎉", "?"),
        ("王小明", "王"),
        ("Ζωή Παππά", "ΖΠ"),
        ("Élodie Durand", "ÉD"),
        ("E\u0301lodie", "É"),  # a decomposed accent stays on its letter
        ("straße", "S"),
        ("ßtefan", "ß"),  # "ß".upper() is two letters: keep the one
        ("Jean-Luc Picard", "JP"),
        ("- Dash", "D"),
    ],
)
def test_initials(name: str, expected: str) -> None:
    assert initials(name) == expected


def test_the_hue_is_stable_across_runs_and_ignores_case_and_spacing() -> None:
    # A fixed number: sha256, not Python's per-process salted hash().
    assert hue("Ada Lovelace") == 23
    assert hue(" ada lovelace ") == 23
    assert all(0 <= hue(name) < HUE_STEPS for name in ["", "🎉", "王小明", "x" * 500])
    assert len({hue(f"Person {n}") for n in range(200)}) == HUE_STEPS  # names spread out


def test_app_css_colours_every_hue_the_tag_can_pick() -> None:
    css = (ROOT / "coffeechat" / "static" / "coffeechat" / "app.css").read_text(encoding="utf-8")
    for step in range(HUE_STEPS):
        assert f".hue-{step} {{ --avatar-hue: {step * 360 // HUE_STEPS}; }}" in css, step


def test_an_avatar_is_decorative_with_initials_and_a_hue() -> None:
    assert render("{% avatar name %}", name="Ada Lovelace") == (
        '<span class="avatar hue-23" aria-hidden="true">AL</span>'
    )


def test_an_organization_avatar_is_square_and_a_large_one_says_so() -> None:
    html = render('{% avatar name shape="square" size="large" %}', name="Acme Labs")
    assert (
        html
        == f'<span class="avatar hue-{hue("Acme Labs")} square large" aria-hidden="true">AL</span>'
    )


def test_an_avatar_never_lets_markup_through() -> None:
    for name in ['<script>alert("x")</script>', 'Ann "<b>bold</b>', "O'Brien <img src=x>"]:
        html = render("{% avatar name %}", name=name)
        assert "<script" not in html and "<b>" not in html and "<img" not in html
        assert re.fullmatch(
            r'<span class="avatar hue-\d+" aria-hidden="true">[^<>"\']+</span>',
            html,
        )


def test_an_avatar_refuses_a_shape_it_does_not_draw() -> None:
    with pytest.raises(TemplateSyntaxError):
        avatar("Ada", shape="hexagon")
