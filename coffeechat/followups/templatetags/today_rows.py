"""`{% today_row %}`: one step of Today, drawn in Python.

A busy Today draws dozens of these rows, each with its menu (reason, snooze, done, dismiss),
and the template language spent most of the page's time on them: every `{{ row.action.x }}`
is a chain of lookups, and each row formatted the same dates again. Here a row is one
`format_html` over its markup (`followups/today_row.html`, the same markup as the template
drew, byte for byte) and its values. The page keeps its `action-row` partial, which draws a
settled row itself and a step's row with this tag.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from django import template
from django.template.defaultfilters import linebreaksbr
from django.template.defaulttags import CsrfTokenNode
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from coffeechat.common.guide_links import guide_url_for_action
from coffeechat.common.templatetags.ui import avatar, icon
from coffeechat.domain.followups.ordering import day_label
from coffeechat.followups.queries import ActionRow

register = template.Library()

# The row's markup, beside Today's other templates; `{# … #}` comments are dropped as Django
# drops them, so the row is drawn as the template drew it.
_ROW = re.sub(
    r"\{#.*?#\}",
    "",
    (Path(__file__).resolve().parents[2] / "templates/followups/today_row.html").read_text(),
).strip()


def _lead(row: ActionRow) -> SafeString:
    if row.contact_name:
        return avatar(row.contact_name)
    if row.organization_name:
        return avatar(row.organization_name, shape="square")
    return format_html(
        '<span class="avatar step-icon" aria-hidden="true">{}</span>', icon("list-checks")
    )


def _when(due: date, overdue: bool, on_date: date) -> SafeString:
    if due == on_date and not overdue:
        return mark_safe('<span class="badge due-today">Due today</span>')
    badge = '<span class="badge due-late">Was due {}</span>' if overdue else _DUE_SOON
    return format_html(badge, day_label(due, on_date))


_DUE_SOON = '<span class="badge due-soon">Due {}</span>'


@register.simple_tag(takes_context=True)
def today_row(context: template.Context) -> SafeString:
    """The row of `row` (an `ActionRow`), with `on_date`, `tomorrow`, `row_urls` and, after a
    snooze date that didn't fit, `error` from the context."""
    row: ActionRow = context["row"]
    action = row.action
    on_date: date = context["on_date"]
    tomorrow: date = context["tomorrow"]
    urls: dict[str, str] = context["row_urls"]
    error: Any = context.get("error")
    organization = row.organization_name
    return format_html(
        _ROW,
        late=" late" if action.overdue else "",
        lead=_lead(row),
        link=row.link,
        title=action.title,
        organization=(
            format_html(' <span class="row-sub">{}</span>', organization) if organization else ""
        ),
        quote=(
            format_html(
                '<blockquote class="reply-quote row-quote">{}</blockquote>',
                linebreaksbr(action.quote, autoescape=True),
            )
            if action.quote
            else ""
        ),
        when=_when(action.due, action.overdue, on_date),
        label=row.link_label,
        open=mark_safe(" open") if error else "",
        menu_for=row.contact_name or action.title,
        reason=action.reason,
        guide=guide_url_for_action(action.kind),
        error=format_html('<p class="error" role="alert">{}</p>', error) if error else "",
        csrf=CsrfTokenNode().render(context),
        key=action.key,
        tomorrow=tomorrow.isoformat(),
        snooze=urls["snooze"],
        done=urls["done"],
        dismiss=urls["dismiss"],
    )
