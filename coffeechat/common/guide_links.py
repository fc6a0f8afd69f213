"""Links into the Guide page, for the pages that explain a step or a finding."""

from __future__ import annotations

from django.urls import reverse

from coffeechat.domain.guide import section_for_action, section_for_rule


def _guide_url(section: str | None) -> str:
    url = reverse("guide")
    return f"{url}#{section}" if section else url


def guide_url_for_action(kind: str) -> str:
    """Where the Guide explains one of Today's actions (`Action.kind`); the Guide's top if the
    kind is unknown."""
    return _guide_url(section_for_action(kind))


def guide_url_for_rule(rule_id: str) -> str:
    """Where the Guide explains one checker rule (`Finding.rule`); the Guide's top if unknown."""
    return _guide_url(section_for_rule(rule_id))
