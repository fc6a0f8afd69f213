"""Build a data folder with N synthetic contacts for one user (run in a child process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCALES = {  # contacts -> the rest grows with it, as in the `heavy` demo scale
    n: {
        "contacts": n,
        "organizations": max(n // 10, 10),
        "messages": max(n // 15, 20),
        "meetings": max(n // 60, 5),
    }
    for n in (1_000, 10_000, 30_000)
}


def build(data_dir: Path, contacts: int, seed: int = 1) -> dict[str, int]:
    """A fresh data folder holding one personal account with `contacts` people."""
    data_dir.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "COFFEECHAT_DATA_DIR": str(data_dir), "COFFEECHAT_MODE": "personal"}
    env.pop("DATABASE_URL", None)
    scale = SCALES.get(contacts) or {**SCALES[1_000], "contacts": contacts}
    script = (
        "import json, random, sys, django\n"
        "django.setup()\n"
        "from django.core.management import call_command\n"
        "from django.utils import timezone\n"
        "from dataclasses import asdict\n"
        "call_command('migrate', verbosity=0)\n"
        "from coffeechat.accounts.services import personal_owner\n"
        "from coffeechat.demo.generate import Scale, fill_account\n"
        "scale = Scale(**json.loads(sys.argv[1]))\n"
        "made = fill_account(personal_owner(), scale, random.Random(int(sys.argv[2])),"
        " timezone.localdate())\n"
        "print(json.dumps(asdict(made)))\n"
    )
    env["DJANGO_SETTINGS_MODULE"] = "coffeechat.settings"
    out = subprocess.run(
        [sys.executable, "-c", script, json.dumps(scale), str(seed)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    made: dict[str, int] = json.loads(out.strip().splitlines()[-1])
    return made
