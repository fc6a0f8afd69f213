"""`{% load guide %}`: `{{ action.kind|guide_url }}` and `{{ finding.rule|rule_guide_url }}`
link a Today action or a checker finding to the part of the Guide that explains it."""

from __future__ import annotations

from django import template

from coffeechat.common.guide_links import guide_url_for_action, guide_url_for_rule

register = template.Library()
register.filter("guide_url", guide_url_for_action)
register.filter("rule_guide_url", guide_url_for_rule)
