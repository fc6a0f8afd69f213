"""`{% load plain_words %}`: the words people read for the ids the product stores.

`{{ contact.stage|stage_label }}` shows "Keeping in touch", never `keep-in-touch`.
"""

from __future__ import annotations

from django import template

from coffeechat.domain import vocab

register = template.Library()


@register.filter
def stage_label(stage: str) -> str:
    return vocab.label(vocab.STAGES, stage)
