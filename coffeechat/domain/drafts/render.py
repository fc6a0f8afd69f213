"""Turn a template and a context into a draft, never leaving a gap unmarked.

Each `{field}` becomes its value, or a visible `[label]` when the data is missing; the field's
name then goes into `Draft.missing`, so the app can say what to fill in and the checker flags
the brackets before anything is sent.

`[[ … ]]` marks an optional part: it is written only when every field inside has a value, and
left out otherwise. `[[ A || B ]]` tries A, then B, and so on. This is how the built-in wording
reads well without a title, a field or a phone number instead of showing a blank.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .context import DraftContext
from .fields import FIELDS, Fragment
from .templates import KINDS, Template, builtin_templates, default_channel
from .variants import choose_variant

# Anything short in braces counts as a placeholder, so `{First Name}` is reported, not sent.
PLACEHOLDER = re.compile(r"\{\s*([^{}\n]{1,60}?)\s*\}")
SEGMENT = re.compile(r"\[\[(.*?)\]\]", re.DOTALL)
ELLIPSIS = "…"


@dataclass(frozen=True, slots=True)
class Draft:
    kind: str
    variant: str
    channel: str
    subject: str | None
    body: str
    missing: tuple[str, ...]
    tips: tuple[str, ...] = ()


class _Filler:
    """Fills placeholders and remembers, in order, which ones had no value."""

    def __init__(self, ctx: DraftContext) -> None:
        self.ctx = ctx
        self.gaps: dict[str, str] = {}  # field name → the bracketed text shown instead

    def fill(self, text: str) -> str:
        """Fill `text` in one pass: values inserted are never scanned again."""
        out, position = [], 0
        for match in SEGMENT.finditer(text):
            out.append(PLACEHOLDER.sub(self._replace, text[position : match.start()]))
            out.append(self._optional(match.group(1)))
            position = match.end()
        out.append(PLACEHOLDER.sub(self._replace, text[position:]))
        return "".join(out)

    def _optional(self, options: str) -> str:
        """The first option whose every field has a value; nothing when none has."""
        for option in options.split("||"):
            trial = _Filler(self.ctx)
            written = trial.fill(option)
            if not trial.gaps:
                return written
        return ""

    def _replace(self, match: re.Match[str]) -> str:
        name = match.group(1)
        field = FIELDS.get(name)
        if field is None:
            return self._gap(name, f"[unknown: {name}]")
        value = field.value(self.ctx)
        if isinstance(value, Fragment):
            # Our own fragments only: user text is inserted below and never rescanned.
            return self.fill(value.template)
        return value or self._gap(name, f"[{field.label}]")

    def _gap(self, name: str, shown: str) -> str:
        self.gaps.setdefault(name, shown)
        return shown

    def missing_in(self, *texts: str) -> tuple[str, ...]:
        return tuple(name for name, shown in self.gaps.items() if any(shown in t for t in texts))


def render(kind: str, ctx: DraftContext, template: Template | None = None) -> Draft:
    """Write a draft of `kind` (one of `KINDS`) from `ctx`.

    Without `template` the built-in wording is used, its variant chosen from the data (see
    `choose_variant`). Raises ValueError only for an unknown kind or a template of another kind.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown draft kind: {kind!r}")
    if template is not None and template.kind != kind:
        raise ValueError(f"a {template.kind!r} template cannot render a {kind!r} draft")
    chosen = template or builtin_templates()[(kind, choose_variant(kind, ctx))]
    channel = ctx.channel or default_channel(kind)
    filler = _Filler(replace(ctx, channel=channel))
    subject = filler.fill(chosen.subject) if chosen.subject and channel == "email" else None
    body = filler.fill(chosen.body)
    if kind == "linkedin-note" and len(body) > ctx.linkedin_char_limit:
        chosen, body = _fit_linkedin(chosen, body, template is None, filler, ctx)
    return Draft(
        kind=kind,
        variant=chosen.variant,
        channel=channel,
        subject=subject,
        body=body,
        missing=(missing := filler.missing_in(subject or "", body)),
        tips=_tips(kind, chosen.variant, ctx, missing),
    )


_GAP_TIPS = {
    "advice_phrase": "Name one thing from your conversation that you'll act on: a specific "
    "thank-you shows you listened.",
    "news": "Add a line of news: what you've done since you talked, or what you're exploring "
    "now. It gives them something to reply to.",
    "next_step": "Add your next step: it shows their advice is being used.",
}
_NEWS_TIP = _GAP_TIPS["news"]


def _tips(kind: str, variant: str, ctx: DraftContext, missing: tuple[str, ...]) -> tuple[str, ...]:
    """What only the student can add, and what to be sure of before sending."""
    tips = [_GAP_TIPS[name] for name in missing if name in _GAP_TIPS]
    if kind == "update" and not ctx.news.strip() and _NEWS_TIP not in tips:
        tips.append(_NEWS_TIP)
    referrer = " ".join(ctx.contact.referrer.split())
    if kind in ("request", "referral-intro") and referrer:
        if ctx.contact.referrer_consent == "unknown" and variant != "unnamed":
            tips.append(
                f"This note names {referrer}. If you haven't asked yet, check that they're "
                "happy to be mentioned, or send them a short note to forward instead "
                "(kind: Introduction to forward, written to them)."
            )
        elif ctx.contact.referrer_consent == "no":
            tips.append(f"{referrer} would rather not be named, so this note leaves them out.")
    return tuple(tips)


def _fit_linkedin(
    chosen: Template, body: str, builtin: bool, filler: _Filler, ctx: DraftContext
) -> tuple[Template, str]:
    """Prefer the built-in shorter wording; trim at a word boundary only as a last resort."""
    if builtin and not chosen.variant.endswith("-short"):
        chosen = builtin_templates()[(chosen.kind, f"{chosen.variant}-short")]
        body = filler.fill(chosen.body)
    return chosen, trim_to(body, ctx.linkedin_char_limit)


def trim_to(text: str, limit: int) -> str:
    """Cut `text` to at most `limit` characters at a word boundary, ending with an ellipsis.

    A `[placeholder]` is kept whole or dropped whole. Only a first word longer than the whole
    limit is ever cut inside, since there is no boundary to cut at.
    """
    if len(text) <= limit:
        return text
    if limit <= len(ELLIPSIS):
        return ELLIPSIS[: max(limit, 0)]
    room = text[: limit - len(ELLIPSIS) + 1]
    cut = _last_break(room, len(room))
    opened = room.rfind("[", 0, cut)
    if opened > room.rfind("]", 0, cut):
        cut = _last_break(room, opened)
    if cut <= 0:
        return text[: limit - len(ELLIPSIS)] + ELLIPSIS
    return text[:cut].rstrip(" \n,;:-") + ELLIPSIS


def _last_break(text: str, end: int) -> int:
    return max(text.rfind(" ", 0, end), text.rfind("\n", 0, end))
