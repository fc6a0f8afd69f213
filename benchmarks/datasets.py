"""Build a data folder with N synthetic contacts for one user (run in a child process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

SCALES = {  # contacts -> the rest grows with it, as in the `heavy` demo scale
    n: {
        "contacts": n,
        "organizations": max(n // 10, 10),
        "messages": max(n // 15, 20),
        "meetings": max(n // 60, 5),
    }
    for n in (1_000, 10_000, 30_000, 100_000)
}


ROOT = Path(__file__).resolve().parent.parent


def run_child(script: str, data_dir: Path, *args: str) -> Any:
    """Run `script` in a fresh Python on the personal data folder `data_dir`, with Django's
    settings; the answer is the JSON of its last printed line."""
    env = {
        **os.environ,
        "COFFEECHAT_DATA_DIR": str(data_dir),
        "COFFEECHAT_MODE": "personal",
        "DJANGO_SETTINGS_MODULE": "coffeechat.settings",
        "PYTHONPATH": str(ROOT),
    }
    env.pop("DATABASE_URL", None)
    out = subprocess.run(
        [sys.executable, "-c", script, *args],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def build(data_dir: Path, contacts: int, seed: int = 1) -> dict[str, int]:
    """A fresh data folder holding one personal account with `contacts` people."""
    data_dir.mkdir(parents=True, exist_ok=True)
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
    made: dict[str, int] = run_child(script, data_dir, json.dumps(scale), str(seed))
    return made


_COUNT_QUERIES = """
import json, sys, django
django.setup()
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from coffeechat.accounts.services import personal_owner

settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
client = Client()
client.force_login(personal_owner())
counts = {}
for method, path, body in json.loads(sys.argv[1]):
    send = client.patch if method == "PATCH" else client.get
    options = {"content_type": "application/json"} if body else {}
    send(path, body, **options) if body else send(path)  # warm caches, as a running server is
    with CaptureQueriesContext(connection) as queries:
        response = send(path, body, **options) if body else send(path)
    counts[path] = len(queries) if response.status_code == 200 else -response.status_code
print(json.dumps(counts))
"""


def query_counts(data_dir: Path, requests: list[tuple[str, str, str]]) -> dict[str, int]:
    """SQL queries per request (method, path, body), from the same Django in a child process."""
    counts: dict[str, int] = run_child(_COUNT_QUERIES, data_dir, json.dumps(requests))
    return counts
