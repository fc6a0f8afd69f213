"""Remake the README's screenshots: `python tools/screenshots.py`.

In a throwaway data folder it loads the demo data, starts `coffeechat serve`, signs in with
headless Chromium (Playwright) and saves each page at a laptop's width (1280 px) and a phone's
(375 px) into docs/screenshots/, then prints the paths. A page that answers 404 (a room that
isn't there yet) is skipped with a note. `--scheme dark` saves the dark look as NAME-WIDTH-dark.png.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The browser tests' own Chromium set-up and server start, so the two can't drift apart.
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, serving  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
WIDTHS = (1280, 375)
# name -> path; {contact} and {meeting} are demo records found after loading.
PAGES = {
    "today": "/today/",
    "board": "/board/",
    "composer": "/compose/?contact={contact}&kind=request",
    "live": "/meetings/{meeting}/live/",
    "insights": "/insights/",
}
# A draft that asks for a job and an hour: the checker has something to say on the composer.
DRAFT_WITH_FINDINGS = (
    "Hi! I saw you work at a great company. Could you refer me for a job there? "
    "I'd love to pick your brain for an hour or two sometime."
)
IDS = """
import json
from coffeechat.accounts.services import personal_owner
from coffeechat.interviews.models import Meeting
from coffeechat.network.models import Contact
me = personal_owner()
meeting = Meeting.objects.owned_by(me).filter(status="scheduled").order_by("starts_at").first()
contact = Contact.objects.owned_by(me).filter(email__gt="").order_by("pk").first()
print(json.dumps({"meeting": meeting.pk, "contact": contact.pk}))
"""


def _cli(data_dir: Path, *args: str) -> str:
    env = {**os.environ, "COFFEECHAT_DATA_DIR": str(data_dir), "COFFEECHAT_MODE": "personal"}
    env.pop("DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-m", "coffeechat.cli.main", *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return done.stdout.strip()


def _show_findings(page: Any, width: int) -> None:
    """Type the draft, wait for the checker, and bring what it found into view."""
    body = page.locator("#compose-form textarea[name=body]")
    body.fill(DRAFT_WITH_FINDINGS)
    findings = page.locator("#review .findings").first
    findings.wait_for()
    body.blur()
    if width > 800:  # side by side: the page head and the findings both show from the top
        page.evaluate("window.scrollTo(0, 0)")
    else:  # one column: the findings come after the draft
        page.locator("#review").scroll_into_view_if_needed()


def shoot(base: str, sign_in: str, ids: dict[str, int], out: Path, scheme: str) -> list[Path]:
    from playwright.sync_api import sync_playwright

    saved: list[Path] = []
    suffix = "" if scheme == "light" else f"-{scheme}"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(color_scheme=scheme)  # type: ignore[arg-type]
        page = context.new_page()
        page.set_default_timeout(60_000)
        page.goto(sign_in)
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900 if width > 400 else 812})
            for name, path in PAGES.items():
                response = page.goto(base + path.format(**ids))
                if response is not None and response.status == 404:
                    print(f"skipped {name} ({path}): this build has no such page yet")
                    continue
                page.wait_for_load_state("networkidle")
                if name == "composer":
                    _show_findings(page, width)
                target = out / f"{name}-{width}{suffix}.png"
                page.screenshot(path=str(target), full_page=False)
                saved.append(target)
        context.close()
        browser.close()
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the PNGs")
    parser.add_argument("--scheme", choices=("light", "dark"), default="light")
    args = parser.parse_args(argv)
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        raise SystemExit(f"Chromium not found at {CHROMIUM} (set COFFEECHAT_CHROMIUM)")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="coffeechat-shots-") as folder:
        data_dir = Path(folder) / "data"
        _cli(data_dir, "demo")
        ids = json.loads(_cli(data_dir, "manage", "shell", "-c", IDS).splitlines()[-1])
        with serving(data_dir) as app:
            base, sign_in = app.url, app.sign_in_url
            saved = shoot(base, sign_in, ids, args.out, args.scheme)
    for path in saved:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
