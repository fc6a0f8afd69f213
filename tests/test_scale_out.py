"""Server mode across machines: two `coffeechat serve --workers 2`, each with its own data folder,
against one PostgreSQL and one Redis. A student's requests alternate between them, as a load
balancer would send them, and nothing tells the two apart."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
import redis
import requests
from django.conf import settings

from tests.followups.conftest import free_port
from tests.servers import serving

pytestmark = pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="runs in the PostgreSQL pass: it needs a PostgreSQL server",
)
PASSWORD = "long enough to pass 2026"
PEOPLE = b"First Name,Last Name,Email,Company,Title\nZanele,Dube,zanele@x.org,Umoja Labs,Analyst\n"


@pytest.fixture
def database() -> Iterator[str]:
    """A new, empty database on the test PostgreSQL server, dropped afterwards."""
    server = os.environ["DATABASE_URL"].rsplit("/", 1)[0]  # the PostgreSQL pass's server
    name = f"coffeechat_scaleout_{secrets.token_hex(4)}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{server}/{name}"
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _machine(tmp_path: Path, name: str, database: str, redis_url: str) -> dict[str, str]:
    folder = tmp_path / name
    folder.mkdir()
    return {
        **os.environ,
        "COFFEECHAT_MODE": "server",
        "COFFEECHAT_SECRET_KEY": "scale-out-" + "s" * 40,  # the same on every machine
        "COFFEECHAT_ALLOWED_HOSTS": "127.0.0.1",
        "COFFEECHAT_BEHIND_TLS_PROXY": "false",  # plain http on loopback, no proxy here
        "COFFEECHAT_SECURE_COOKIES": "false",
        "DATABASE_URL": database,
        "COFFEECHAT_CACHE_URL": redis_url,
        "COFFEECHAT_DATA_DIR": str(folder),  # nothing shared through the disk
    }


def _coffeechat(env: dict[str, str], *args: str) -> None:
    command = [sys.executable, "-m", "coffeechat.cli.main", *args]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr


def _csrf(session: requests.Session, url: str) -> str:
    page = session.get(url, timeout=30)
    assert page.status_code == 200, (url, page.status_code)
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    assert found, url
    return found.group(1)


def test_two_machines_behave_as_one(tmp_path: Path, database: str, redis_url: str) -> None:
    first_env = _machine(tmp_path, "one", database, redis_url)
    second_env = _machine(tmp_path, "two", database, redis_url)
    _coffeechat(first_env, "manage", "migrate", "-v0")
    create = "from coffeechat.accounts.services import create_user; "
    create += f"create_user('sam', email='sam@example.org', password='{PASSWORD}')"
    _coffeechat(first_env, "manage", "shell", "-c", create)
    ports = free_port(), free_port()
    serve = [sys.executable, "-m", "coffeechat.cli.main", "serve", "--workers", "2", "--port"]
    one, two = (f"http://127.0.0.1:{port}" for port in ports)
    with (
        serving([*serve, str(ports[0])], ports[0], "machine one", env=first_env),
        serving([*serve, str(ports[1])], ports[1], "machine two", env=second_env),
    ):
        browser = requests.Session()
        form = {"username": "sam", "password": PASSWORD}
        form["csrfmiddlewaretoken"] = _csrf(browser, f"{one}/login/")
        signed_in = browser.post(f"{one}/login/", form, timeout=30)
        assert signed_in.status_code == 200 and "/login/" not in signed_in.url
        assert "/login/" not in browser.get(f"{two}/today/", timeout=30).url  # one session

        token = _csrf(browser, f"{one}/import/")
        preview = browser.post(
            f"{one}/import/",
            {"csrfmiddlewaretoken": token},
            files={"file": ("people.csv", PEOPLE, "text/csv")},
            allow_redirects=False,
            timeout=30,
        )
        assert preview.status_code == 302
        preview_path = preview.headers["Location"]
        assert "Zanele" in browser.get(f"{two}{preview_path}", timeout=30).text  # seen on two
        confirmed = browser.post(
            f"{two}{preview_path}",
            {"action": "confirm", "csrfmiddlewaretoken": _csrf(browser, f"{two}{preview_path}")},
            timeout=30,
        )
        assert confirmed.status_code == 200
        for machine in (one, two, one):
            listed = browser.get(f"{machine}/contacts/?q=Zanele", timeout=30)
            assert "Dube" in listed.text, machine
        counts = [browser.get(f"{m}/today/counts", timeout=30).text for m in (one, two)]
        assert counts[0] == counts[1]
    shared: Any = redis.Redis.from_url(redis_url)
    assert shared.keys("coffeechat:*"), "the machines kept their work in the shared cache"
