"""The conversation journal: every conversation held, as one Markdown document.

Career offices ask for a record of whom you met, when, what was said, what came of it and
what you did afterwards; this renders that record from plain data, ready to print or keep.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class AgendaNote:
    question: str
    category: str  # the category's label
    notes: str
    asked: bool


@dataclass(frozen=True, slots=True)
class ResourceNote:
    title: str
    kind: str  # the kind's label
    url: str = ""
    notes: str = ""


@dataclass(frozen=True, slots=True)
class FollowUp:
    day: date
    kind: str  # the message kind's label
    subject: str = ""


@dataclass(frozen=True, slots=True)
class JournalEntry:
    person: str
    day: date
    role: str = ""
    organization: str = ""
    how_found: str = ""
    referred_by: str = ""
    mode: str = ""
    minutes: int = 0
    agenda: Sequence[AgendaNote] = field(default_factory=tuple)
    notes: str = ""
    advice: str = ""
    next_step: str = ""
    referrals: Sequence[str] = field(default_factory=tuple)
    resources: Sequence[ResourceNote] = field(default_factory=tuple)
    reflection: Sequence[tuple[str, str]] = field(default_factory=tuple)  # (prompt, answer)
    follow_ups: Sequence[FollowUp] = field(default_factory=tuple)

    @property
    def answered_reflection(self) -> list[tuple[str, str]]:
        return [(prompt, answer) for prompt, answer in self.reflection if answer.strip()]

    @property
    def heading(self) -> str:
        return f"{self.person}, {long_date(self.day)}"


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def render_markdown(entries: Sequence[JournalEntry], title: str) -> str:
    """One document: a heading per conversation, oldest first, sections only when filled."""
    lines = [f"# {_inline(title)}", ""]
    if not entries:
        lines += ["No conversations held yet. Each one you mark as held will appear here.", ""]
    for entry in entries:
        lines += _entry(entry)
    return "\n".join(lines).rstrip() + "\n"


def _entry(e: JournalEntry) -> list[str]:
    lines = [f"## {_inline(e.person)}, {long_date(e.day)}", ""]
    found = e.how_found + (f" (referred by {e.referred_by})" if e.referred_by else "")
    facts = [
        ("Role", e.role),
        ("Organization", e.organization),
        ("How you found them", found),
        ("Conversation", f"{e.mode}, {e.minutes} minutes" if e.mode else ""),
    ]
    lines += [f"- **{label}:** {_inline(value)}" for label, value in facts if value]
    lines.append("")
    if e.agenda:
        lines += ["### Questions and notes", ""]
        for item in e.agenda:
            status = "" if item.asked else " (not asked)"
            lines += [f"**{_inline(item.question)}**{status}", f"*{_inline(item.category)}*", ""]
            lines += [*_block(item.notes), ""] if item.notes.strip() else []
    for heading, text in (
        ("Other notes", e.notes),
        ("Advice", e.advice),
        ("Next step", e.next_step),
    ):
        if text.strip():
            lines += [f"### {heading}", "", *_block(text), ""]
    if e.referrals:
        lines += ["### People they suggested", "", *[f"- {_inline(n)}" for n in e.referrals], ""]
    if e.resources:
        lines += ["### Resources", ""]
        lines += [_resource(r) for r in e.resources] + [""]
    if e.answered_reflection:
        lines += ["### Reflection", ""]
        for prompt, answer in e.answered_reflection:
            lines += [f"**{_inline(prompt)}**", "", *_block(answer), ""]
    if e.follow_ups:
        lines += ["### Follow-ups done", ""]
        lines += [
            f"- {long_date(f.day)}: {f.kind}" + (f" ({_inline(f.subject)})" if f.subject else "")
            for f in e.follow_ups
        ] + [""]
    return lines


def _resource(r: ResourceNote) -> str:
    title = f"[{_inline(r.title)}]({_url(r.url)})" if r.url else _inline(r.title)
    return f"- {title} ({_inline(r.kind)})" + (f": {_inline(r.notes)}" if r.notes.strip() else "")


# What people type is shown as typed, never read as Markdown or HTML: a name like
# "<img src=x onerror=…>" or "**[click](javascript:…)**" stays text in any Markdown viewer.
_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]~|])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LINE_START = re.compile(r"^(\s*|\s*\d+(?=[.)]))([#+=.)-])")


def _escape(text: str) -> str:
    text = _ENTITY.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_INLINE.sub(r"\\\1", text)


def _escape_line(line: str) -> str:
    """A line of a block: also nothing that would start a heading, a list or a rule."""
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), _escape(line))


def _url(url: str) -> str:
    """A link target that can't close the link early or carry markup."""
    return "".join(f"%{ord(c):02X}" if c in "<>() \"'`" else c for c in url)


def _inline(text: str) -> str:
    """One line: notes typed on several lines stay inside their list item."""
    return _escape_line(" ".join(text.split()))


def _block(text: str) -> list[str]:
    """Paragraphs as typed, with line endings made uniform."""
    return [_escape_line(line) for line in text.replace("\r\n", "\n").strip().split("\n")]
