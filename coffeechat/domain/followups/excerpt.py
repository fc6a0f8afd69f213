"""The first lines of someone's words, short enough to sit under a row's title."""

from __future__ import annotations

MAX_LINES = 3
MAX_CHARS = 200


def first_lines(text: str, lines: int = MAX_LINES, chars: int = MAX_CHARS) -> str:
    """At most `lines` non-blank lines and `chars` characters; "…" says there is more."""
    kept = [line.strip() for line in text.splitlines() if line.strip()]
    joined = "\n".join(kept[:lines])
    if len(joined) > chars:
        cut = joined[: chars - 1]
        space = cut.rfind(" ")
        if space > chars // 2:  # end at a word when one ends not too far back
            cut = cut[:space]
        return f"{cut.rstrip()}…"
    return f"{joined} …" if len(kept) > lines else joined
