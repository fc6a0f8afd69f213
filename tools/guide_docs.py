#!/usr/bin/env python3
"""Write the Guide (coffeechat/domain/guide.py) into docs/method.md, between its markers.

usage: .venv/bin/python tools/guide_docs.py           rewrite the section
       .venv/bin/python tools/guide_docs.py --check   exit 1 if the section is out of date

tests/domain/test_guide.py fails when the section is out of date, so the page and the document
always say the same thing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from coffeechat.domain.guide import as_markdown  # noqa: E402

METHOD = ROOT / "docs" / "method.md"
START = "<!-- guide:start (written by tools/guide_docs.py) -->"
END = "<!-- guide:end -->"


def current(text: str) -> str:
    """`text` (docs/method.md) with the Guide section brought up to date (added at the end if
    it has none yet)."""
    block = f"{START}\n{as_markdown()}{END}\n"
    if START not in text:
        return text.rstrip("\n") + "\n\n" + block
    before, rest = text.split(START, 1)
    _, after = rest.split(END, 1)
    return before + block + after.removeprefix("\n")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say whether it is current")
    args = parser.parse_args(argv)
    text = METHOD.read_text(encoding="utf-8")
    wanted = current(text)
    if args.check:
        if wanted != text:
            print("docs/method.md is out of date: run tools/guide_docs.py", file=sys.stderr)
            return 1
        return 0
    METHOD.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
