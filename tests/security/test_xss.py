"""Script in anything a person types comes out as text: on every page (found by walking the URL
patterns), in htmx fragments and re-rendered forms, in SVG charts and the referral tree; the API
returns it as data; script URLs are refused or never become live links."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from coffeechat.common.security import POLICY
from coffeechat.network.models import Contact
from tests.security import routes
from tests.security.conftest import signed_in
from tests.security.html_checks import inspect
from tests.security.world import World, build_world, marked

PAYLOAD = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>'><svg onload=alert(1)>"
TYPED_FIELDS = (
    *("first_name", "last_name", "name", "subject", "body", "text", "notes", "title"),
    *("next_step", "advice", "industry", "location", "research_notes", "tags"),
)
# Submitted last: these remove what the pages before them show.
DESTRUCTIVE = ("delete", "remove", "undo", "revoke", "merge", "keep-both")


@pytest.fixture
def xss_world(server: Any, adviser: Any) -> World:
    return build_world("alice", marked(PAYLOAD), adviser=adviser)


def _is_html(response: Any) -> bool:
    return "text/html" in response.get("Content-Type", "")


def check_page(label: str, response: Any, problems: list[str]) -> None:
    if not _is_html(response):
        return
    policy = response.get("Content-Security-Policy", "")
    if policy != POLICY or "unsafe-inline" in policy:
        problems.append(f"{label}: Content-Security-Policy is {policy!r}")
    html = response.content.decode()
    if PAYLOAD in html or "<script>alert" in html.lower():
        problems.append(f"{label}: the payload appears unescaped")
    problems.extend(f"{label}: {problem}" for problem in inspect(html).problems)


def pages_of(world: World) -> Iterator[tuple[routes.Route, str]]:
    """Every page of the user's own, with the world's ids filled in."""
    for route in routes.web_routes():
        if route.public or route.name in routes.ROLE_ROUTES:
            continue
        if route.name in routes.OBJECT_ROUTES:
            for kwargs in routes.object_variants(route, world, world)[:1]:
                yield route, routes.url(route, kwargs)
        elif route.name in routes.SLOT_ROUTES:
            for kwargs in routes.SLOT_ROUTES[route.name](world):
                yield route, routes.url(route, kwargs)
        else:
            yield route, routes.url(route, {})


def test_every_page_shows_typed_script_as_text(xss_world: World) -> None:
    problems: list[str] = []
    client = xss_world.client
    shown = 0
    for _, target in pages_of(xss_world):
        for headers in ({}, {"HX-Request": "true"}):
            response = client.get(target, headers=headers)
            assert response.status_code < 500, (target, response.status_code)
            if not _is_html(response):
                assert "html" not in response.get("Content-Type", ""), target
            shown += _is_html(response) and response.status_code == 200
            check_page(f"GET {target} {headers}", response, problems)
    assert xss_world.share is not None
    adviser = signed_in(xss_world.share.adviser)
    for target in ("/advisers/", f"/advisers/students/{xss_world.user.pk}/"):
        response = adviser.get(target)
        assert response.status_code == 200
        check_page(f"adviser {target}", response, problems)
    for public in ("/login/", "/signup/", "/account/password-reset/"):
        check_page(f"anonymous {public}", Client().get(public), problems)
    assert not problems, "\n".join(problems)
    assert shown > 40  # the walk really rendered the pages


def test_the_pages_really_carry_the_payload(xss_world: World) -> None:
    """Control: the escaped payload is on the pages that show the fields, so the test above
    checked real content and not empty pages."""
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
    client = xss_world.client
    for target in (
        "/contacts/",
        f"/contacts/{xss_world.referrer.pk}/",
        f"/organizations/{xss_world.org.pk}/",
        f"/messages/{xss_world.request.pk}/",
        f"/meetings/{xss_world.held.pk}/prep/",
        f"/meetings/{xss_world.held.pk}/live/",
        f"/meetings/{xss_world.held.pk}/reflect/",
        "/questions/",
        "/insights/",
        "/insights/journal/",
        "/today/",
        f"/import/preview/{xss_world.stash_key}/",
        f"/import/{xss_world.batch.pk}/",
        "/contacts/duplicates/",
        f"/contacts/{xss_world.referral.pk}/merge/{xss_world.twin.pk}/",
    ):
        assert escaped in client.get(target).content.decode(), target


def _typed(body: dict[str, Any]) -> dict[str, Any]:
    return body | dict.fromkeys(TYPED_FIELDS, PAYLOAD)


def test_forms_sent_back_with_script_stay_inert(xss_world: World) -> None:
    """Every form post (saved, or re-rendered with 422), then the pages showing what was saved."""
    problems: list[str] = []
    client = xss_world.client
    posts = sorted(pages_of(xss_world), key=lambda page: page[0].name.endswith(DESTRUCTIVE))
    for route, target in posts:
        if route.name in ("logout", "account-delete"):
            continue
        for body in routes.web_bodies(xss_world):
            response = client.post(target, _typed(body))
            assert response.status_code < 500, (target, response.status_code)
            check_page(f"POST {target}", response, problems)
    for _, target in pages_of(xss_world):
        check_page(f"GET {target} after the posts", client.get(target), problems)
    assert not problems, "\n".join(problems)


def test_the_api_returns_script_as_plain_data(xss_world: World) -> None:
    headers = {"Authorization": f"Bearer {xss_world.token}"}
    client = Client()
    contact = client.get(f"/api/v1/contacts/{xss_world.referrer.pk}", headers=headers)
    assert contact["Content-Type"].startswith("application/json")
    assert contact.json()["first_name"] == f"Referrer {PAYLOAD}"
    created = client.post(
        "/api/v1/contacts",
        {"first_name": PAYLOAD, "notes": PAYLOAD},
        content_type="application/json",
        headers=headers,
    )
    assert created.status_code == 201
    assert created.json()["notes"] == PAYLOAD
    page = xss_world.client.get(f"/contacts/{created.json()['id']}/")
    problems: list[str] = []
    check_page("contact created through the API", page, problems)
    assert not problems, problems


SCRIPT_URLS = ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<script>x</script>")


@pytest.mark.parametrize("link", SCRIPT_URLS)
def test_script_urls_are_refused_where_a_link_is_typed(xss_world: World, link: str) -> None:
    client, headers = xss_world.client, {"Authorization": f"Bearer {xss_world.token}"}
    contact = client.post("/contacts/new", {"first_name": "Eve", "linkedin_url": link})
    assert contact.status_code == 422
    org = client.post("/organizations/new", {"name": "Evil Corp", "website": link})
    assert org.status_code == 422
    meeting = xss_world.held.pk
    for path, body in (
        ("/api/v1/contacts", {"first_name": "Eve", "linkedin_url": link}),
        ("/api/v1/organizations", {"name": "Evil Corp", "website": link}),
        (f"/api/v1/meetings/{meeting}/resources", {"title": "Evil", "url": link}),
        (f"/api/v1/meetings/{meeting}/referrals", {"name": "Eve", "linkedin_url": link}),
    ):
        response = Client().post(path, body, content_type="application/json", headers=headers)
        assert response.status_code == 422, (path, response.status_code)
    assert not Contact.objects.filter(first_name="Eve").exists()


def test_script_urls_in_imported_files_never_become_links(xss_world: World) -> None:
    upload = (
        b"First Name,Last Name,URL,Notes\n"
        b'Eve,Linkless,javascript:alert(1),"<img src=x onerror=alert(1)>"\n'
    )
    client = xss_world.client
    response = client.post(
        "/import/", {"file": SimpleUploadedFile("evil.csv", upload), "format": "auto"}
    )
    preview = client.get(response["Location"])
    problems: list[str] = []
    check_page("import preview", preview, problems)
    client.post(response["Location"], {"action": "confirm"})
    eve = Contact.objects.get(owner=xss_world.user, first_name="Eve")
    assert not eve.linkedin_url.lower().startswith("javascript")
    check_page("imported contact", client.get(f"/contacts/{eve.pk}/"), problems)
    assert not problems, problems


def test_a_stored_script_url_is_never_a_live_link(xss_world: World) -> None:
    """Defence in depth: a row that skipped the forms (a hand-edited backup, an old import)."""
    Contact.objects.filter(pk=xss_world.referrer.pk).update(linkedin_url="javascript:alert(1)")
    xss_world.org.website = "javascript:alert(1)"
    xss_world.org.save()
    xss_world.resource.url = "javascript:alert(1)"
    xss_world.resource.save()
    xss_world.held.location = "javascript:alert(1)"
    xss_world.held.save()
    problems: list[str] = []
    for _, target in pages_of(xss_world):
        check_page(target, xss_world.client.get(target), problems)
    adviser = signed_in(xss_world.share.adviser) if xss_world.share else None
    assert adviser is not None
    check_page("adviser journal", adviser.get(f"/advisers/students/{xss_world.user.pk}/"), problems)
    assert not problems, "\n".join(problems)
