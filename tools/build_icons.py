"""Rebuild coffeechat's icon sprite from a pinned lucide-static package.

    cd /tmp && npm pack lucide-static@1.62.0
    python tools/build_icons.py /tmp/lucide-static-1.62.0.tgz

It reads the names in tools/icon_names.txt, takes each `icons/NAME.svg` out of the package and
writes them as `<symbol id="NAME">` elements into coffeechat/static/coffeechat/icons.svg, with
the package's ISC licence beside it. The sprite is committed; nothing runs this at install time.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tarfile
from pathlib import Path

LUCIDE_VERSION = "1.62.0"
ROOT = Path(__file__).resolve().parent.parent
NAMES_FILE = ROOT / "tools" / "icon_names.txt"
STATIC = ROOT / "coffeechat" / "static" / "coffeechat"
SPRITE = STATIC / "icons.svg"
LICENCE = STATIC / "icons.LICENSE.txt"

# The drawing inside Lucide's <svg>: everything between the opening tag and </svg>.
_BODY = re.compile(r"<svg\b[^>]*>(?P<body>.*)</svg>", re.S)
# Stroke settings every Lucide icon shares; on the <symbol> they reach each <use> of it.
_SYMBOL_ATTRS = (
    'viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" '
    'stroke-linecap="round" stroke-linejoin="round"'
)


def icon_names(path: Path = NAMES_FILE) -> list[str]:
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return sorted({line for line in lines if line and not line.startswith("#")})


def _member(package: tarfile.TarFile, name: str) -> str:
    try:
        member = package.extractfile(f"package/{name}")
    except KeyError:
        member = None
    if member is None:
        raise SystemExit(f"{name} is not in the package: is the name spelt as Lucide spells it?")
    return member.read().decode("utf-8")


def symbol(name: str, svg: str) -> str:
    match = _BODY.search(svg)
    if match is None:
        raise SystemExit(f"icons/{name}.svg has no <svg> element")
    shapes = [line.strip() for line in match.group("body").strip().splitlines() if line.strip()]
    inner = "".join(shapes)
    return f'<symbol id="{name}" {_SYMBOL_ATTRS}>{inner}</symbol>'


def build(package_path: Path, names: list[str]) -> tuple[str, str]:
    with tarfile.open(package_path) as package:
        version = json.loads(_member(package, "package.json"))["version"]
        if version != LUCIDE_VERSION:
            raise SystemExit(f"expected lucide-static {LUCIDE_VERSION}, got {version}")
        symbols = [symbol(name, _member(package, f"icons/{name}.svg")) for name in names]
        licence = _member(package, "LICENSE")
    sprite = (
        f"<!-- Lucide icons (lucide-static {LUCIDE_VERSION}, ISC licence: icons.LICENSE.txt). "
        "Made by tools/build_icons.py; edit tools/icon_names.txt, not this file. -->\n"
        '<svg xmlns="http://www.w3.org/2000/svg">\n' + "\n".join(symbols) + "\n</svg>\n"
    )
    return sprite, licence


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("package", type=Path, help=f"lucide-static-{LUCIDE_VERSION}.tgz")
    args = parser.parse_args(argv)
    sprite, licence = build(args.package, icon_names())
    SPRITE.write_text(sprite, encoding="utf-8")
    LICENCE.write_text(licence, encoding="utf-8")
    print(f"{SPRITE.relative_to(ROOT)}: {sprite.count('<symbol')} icons")
    return 0


if __name__ == "__main__":
    sys.exit(main())
