"""`{% load ui %}`: the small pieces of the design system (docs/design.md).

`{% icon "mail" %}` draws a Lucide icon from the sprite next to a word that already says what it
means (hidden from screen readers); `{% icon "mail" label="Write" %}` stands on its own and is
announced. `{% avatar contact.full_name %}` is a coloured circle with initials,
`{% avatar org.name shape="square" %}` a square for an organization; `size="large"` for a page
head. Avatars are decoration beside a name that is written out, so screen readers skip them.
The colour is a class (`hue-N`), not a style attribute: the Content-Security-Policy forbids
inline styles.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from django import template
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()

_ICON_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_SHAPES = {"circle": "", "square": " square"}
_SIZES = {"": "", "large": " large"}


@register.simple_tag
def icon(name: str, label: str = "") -> SafeString:
    if not _ICON_NAME.fullmatch(name):
        raise template.TemplateSyntaxError(f"{name!r} is not a Lucide icon name")
    href = f"{static('coffeechat/icons.svg')}#{name}"
    if label:
        return format_html(
            '<svg class="icon" role="img" focusable="false"><title>{}</title>'
            '<use href="{}"/></svg>',
            label,
            href,
        )
    return format_html(
        '<svg class="icon" aria-hidden="true" focusable="false"><use href="{}"/></svg>', href
    )


def initials(name: str) -> str:
    """First letters of the first and last words ("Ada Lovelace" → "AL"); words that start with
    no letter or digit (emoji, dashes) are passed over; "?" when nothing is left."""
    words = [w for w in unicodedata.normalize("NFC", name or "").split() if w[0].isalnum()]
    if not words:
        return "?"
    picked = [words[0], words[-1]] if len(words) > 1 else [words[0]]
    return "".join(_upper_letter(word[0]) for word in picked)


def _upper_letter(letter: str) -> str:
    upper = letter.upper()
    return upper if len(upper) == 1 else letter  # "ß".upper() is "SS": keep one letter


HUE_STEPS = 24  # colours to pick from, 15° apart; app.css has a .hue-N class for each


def hue(name: str) -> int:
    """Which of the HUE_STEPS colours a name gets: the same across runs and machines (Python's
    hash() is salted per process, so it would repaint everyone on every restart)."""
    key = unicodedata.normalize("NFC", name or "").strip().casefold().encode("utf-8")
    return int.from_bytes(hashlib.sha256(key).digest()[:4], "big") % HUE_STEPS


@register.simple_tag
def avatar(name: str, shape: str = "circle", size: str = "") -> SafeString:
    if shape not in _SHAPES or size not in _SIZES:
        raise template.TemplateSyntaxError(
            f"avatar takes shape={'|'.join(_SHAPES)} and size=large, not {shape!r}/{size!r}"
        )
    return format_html(
        '<span class="avatar hue-{}{}{}" aria-hidden="true">{}</span>',
        hue(name),
        _SHAPES[shape],
        _SIZES[size],
        initials(name),
    )
