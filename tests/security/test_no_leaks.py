"""Alice's rows never reach anyone else: not through a list, a search, a count, an export, the
CLI, a calendar feed, insights, an adviser she didn't choose or the staff figures.

Every text field of alice's world carries ALICE_MARK; searches use fragments of her unique
strings (never the whole marker, which a search box would rightly echo back)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest

from coffeechat.cli.main import main
from tests.security.conftest import signed_in
from tests.security.world import ALICE_MARK, MALLORY_MARK, World

SEARCHES = ("ALICE-ONLY", "7f3a", "alice", "Referrer", "Org", "Imported")

PAGES = (
    "/contacts/",
    "/organizations/",
    "/messages/",
    "/questions/",
    "/today/",
    "/today/counts",
    "/insights/",
    "/insights/journal/",
    "/insights/journal.md",
    "/import/",
    "/contacts/duplicates/",
    "/organizations/merge/",
    "/outreach/templates/",
    "/account/tokens/",
    "/account/sharing/",
    "/account/download",
    "/calendar/",
    "/compose/",
)

API_LISTS = (
    "/api/v1/contacts",
    "/api/v1/organizations",
    "/api/v1/messages",
    "/api/v1/meetings",
    "/api/v1/actions?all=true",
    "/api/v1/insights",
    "/api/v1/tokens",
    "/api/v1/profile",
)


def readable(content: bytes) -> str:
    """The text inside a download; an .xlsx is a zip of XML parts, so look inside each."""
    if content.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return "\n".join(
                archive.read(name).decode("utf-8", "replace") for name in archive.namelist()
            )
    return content.decode("utf-8", "replace")


def test_controls_alices_own_downloads_do_carry_the_marker(alice_world: World) -> None:
    """Without this, an export that silently dropped everything would pass the tests below."""
    for kind in ("xlsx", "csv", "vcf", "json"):
        assert ALICE_MARK in readable(alice_world.client.get(f"/export/{kind}").getvalue()), kind
    assert ALICE_MARK in alice_world.client.get("/insights/journal.md").content.decode()


def test_lists_and_pages_show_mallory_only_her_own(
    alice_world: World, mallory_world: World
) -> None:
    client = mallory_world.client
    for page in PAGES:
        response = client.get(page)
        assert response.status_code in (200, 302), (page, response.status_code)
        assert ALICE_MARK not in readable(response.getvalue()), page
    assert MALLORY_MARK in client.get("/contacts/").content.decode()  # control


@pytest.mark.parametrize("query", SEARCHES)
def test_searches_never_find_alices_rows(
    alice_world: World, mallory_world: World, query: str
) -> None:
    client = mallory_world.client
    for page in ("/contacts/", "/contacts/suggest", "/organizations/", "/messages/"):
        response = client.get(page, {"q": query})
        assert ALICE_MARK not in response.content.decode(), (page, query)
    headers = {"Authorization": f"Bearer {mallory_world.token}"}
    for endpoint in ("/api/v1/contacts", "/api/v1/organizations"):
        response = client.get(endpoint, {"q": query}, headers=headers)
        assert response.status_code == 200
        assert ALICE_MARK not in response.content.decode(), (endpoint, query)


def test_api_lists_hold_only_the_callers_rows(alice_world: World, mallory_world: World) -> None:
    headers = {"Authorization": f"Bearer {mallory_world.token}"}
    for endpoint in API_LISTS:
        response = mallory_world.client.get(endpoint, headers=headers)
        assert response.status_code == 200, endpoint
        assert ALICE_MARK not in response.content.decode(), endpoint
    filtered = mallory_world.client.get(
        "/api/v1/messages", {"contact": alice_world.referrer.pk}, headers=headers
    )
    assert ALICE_MARK not in filtered.content.decode()


@pytest.mark.parametrize("kind", ["xlsx", "csv", "vcf", "json"])
def test_every_export_holds_only_the_callers_data(
    alice_world: World, mallory_world: World, kind: str, tmp_path: Path, capsys: Any
) -> None:
    download = readable(mallory_world.client.get(f"/export/{kind}").getvalue())
    assert ALICE_MARK not in download
    assert MALLORY_MARK in download  # control: her own data is there
    target = tmp_path / f"mallory.{kind}"
    assert main(["export", str(target), "--user", "mallory"]) == 0
    from_cli = readable(target.read_bytes())
    assert ALICE_MARK not in from_cli and MALLORY_MARK in from_cli
    assert ALICE_MARK not in capsys.readouterr().out


def test_the_cli_lists_only_the_named_users_imports(
    alice_world: World, mallory_world: World, capsys: Any
) -> None:
    assert main(["imports", "--user", "mallory", "--json"]) == 0
    out = capsys.readouterr().out
    assert MALLORY_MARK in out and ALICE_MARK not in out


def test_an_adviser_sees_only_the_students_who_share(
    alice_world: World, mallory_world: World, other_adviser: Any
) -> None:
    assert alice_world.share is not None
    shared = signed_in(alice_world.share.adviser).get("/advisers/").content.decode()
    assert ALICE_MARK in shared  # control: alice chose this adviser
    assert MALLORY_MARK not in shared  # mallory didn't
    unshared = signed_in(other_adviser).get("/advisers/").content.decode()
    for trace in (ALICE_MARK, "alice@example.edu", MALLORY_MARK, "mallory@example.edu"):
        assert trace not in unshared
    journal = signed_in(other_adviser).get(f"/advisers/students/{alice_world.user.pk}/")
    assert journal.status_code == 404


def test_staff_figures_name_nobody(alice_world: World, mallory_world: World, staff: Any) -> None:
    client = signed_in(staff)
    for page in ("/staff/", "/staff/invitations/"):
        response = client.get(page)
        assert response.status_code == 200
        text = response.content.decode()
        for trace in (ALICE_MARK, MALLORY_MARK, "alice@example.edu", "mallory@example.edu"):
            assert trace not in text, (page, trace)
