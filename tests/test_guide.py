"""The Guide page, the links into it, the styled error pages and the favicon."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.template import Context, Template
from django.test import Client, RequestFactory, override_settings
from django.urls import path

from coffeechat.common.guide_links import guide_url_for_action, guide_url_for_rule
from coffeechat.domain import guide
from coffeechat.domain.checker import RULE_IDS
from coffeechat.domain.followups.action import ACTION_KINDS
from coffeechat.urls import urlpatterns as site_urls


def _boom(request: Any) -> Any:
    raise RuntimeError("a bug")


urlpatterns = [*site_urls, path("boom/", _boom)]  # ROOT_URLCONF for the 500 tests


def test_the_guide_has_every_section_and_a_contents_list(client_alice: Client) -> None:
    response = client_alice.get("/guide/")
    assert response.status_code == 200
    page = response.content.decode()
    ids = set(re.findall(r'<section id="([^"]+)"', page))
    assert ids >= guide.SECTION_IDS
    contents = page.split('aria-label="Contents"', 1)[1].split("</nav>", 1)[0]
    for step in guide.STEPS:
        assert f'href="#{step.id}"' in contents
    assert "ask for their story and advice, for about 20 minutes".lower() in page.lower()
    assert 'href="/guide/" aria-current="page"' in page  # in the navigation


def test_the_guide_asks_you_to_sign_in(client: Client, db: Any) -> None:
    assert client.get("/guide/")["Location"].startswith("/login/")


@pytest.mark.parametrize("kind", ACTION_KINDS)
def test_every_action_links_to_an_existing_section(kind: str, client_alice: Client) -> None:
    url = guide_url_for_action(kind)
    assert url.startswith("/guide/#")
    assert f'id="{url.split("#")[1]}"' in client_alice.get("/guide/").content.decode()


def test_every_rule_links_to_its_section(client_alice: Client) -> None:
    page = client_alice.get("/guide/").content.decode()
    for rule in RULE_IDS:
        url = guide_url_for_rule(rule)
        assert url == f"/guide/#rule-{rule}"
        assert f'<section id="rule-{rule}"' in page


def test_unknown_kinds_link_to_the_top(db: Any) -> None:
    assert guide_url_for_action("dance") == "/guide/"
    assert guide_url_for_rule("dance") == "/guide/"


def test_the_template_filters(db: Any) -> None:
    template = Template("{% load guide %}{{ kind|guide_url }} {{ rule|rule_guide_url }}")
    shown = template.render(Context({"kind": "thank-you", "rule": "asks-for-job"}))
    assert shown == "/guide/#thank-you /guide/#rule-asks-for-job"


NOT_FOUND = "We couldn't find that page"
CRASHED = "Something went wrong on our side"
BAD_REQUEST = "We couldn't read that request"


def styled(response: Any, status: int, heading: str) -> str:
    """The page of an error response, once it is known to be ours: the status, its heading,
    the phone-width viewport, the site's stylesheet and the way back to Today and the Guide."""
    assert response.status_code == status
    page = response.content.decode()
    assert f"<h1>{heading}</h1>" in page
    assert 'name="viewport"' in page
    assert "/static/coffeechat/app.css" in page
    assert 'href="/today/"' in page
    assert 'href="/guide/"' in page
    return page


@override_settings(DEBUG=False)
def test_a_missing_page_is_a_styled_404_with_the_navigation(client_alice: Client) -> None:
    page = styled(client_alice.get("/no/such/page/"), 404, NOT_FOUND)
    assert 'aria-label="Main"' in page  # signed in: the navigation is there


@override_settings(DEBUG=False)
def test_a_missing_page_is_styled_when_signed_out_too(client: Client, db: Any) -> None:
    page = styled(client.get("/no/such/page/"), 404, NOT_FOUND)
    assert 'aria-label="Main"' not in page


@override_settings(DEBUG=False)
def test_someone_elses_contact_is_a_styled_404(alice: Any, bob: Any) -> None:
    from coffeechat.network.models import Contact
    from tests.conftest import signed_in

    contact = Contact.objects.create(owner=alice, first_name="Priya")
    styled(signed_in(bob).get(f"/contacts/{contact.pk}/"), 404, NOT_FOUND)


@override_settings(DEBUG=False, ROOT_URLCONF=__name__)
def test_a_crash_is_a_styled_500(client_alice: Client) -> None:
    client_alice.raise_request_exception = False
    page = styled(client_alice.get("/boom/"), 500, CRASHED)
    assert 'aria-label="Main"' not in page  # no user: nothing that could fail again


def test_the_500_page_renders_with_an_empty_context_and_no_database(
    django_assert_num_queries: Any, db: Any
) -> None:
    from django.views.defaults import server_error

    with django_assert_num_queries(0):
        styled(server_error(RequestFactory().get("/")), 500, CRASHED)


@override_settings(DEBUG=False, ALLOWED_HOSTS=["testserver"])
def test_a_bad_host_is_a_styled_400(client: Client, db: Any) -> None:
    """Refused before the sign-in middleware ran: the page must not need a user."""
    styled(client.get("/guide/", headers={"host": "evil.example"}), 400, BAD_REQUEST)


def test_the_403_page_is_styled(db: Any) -> None:
    from django.views.defaults import permission_denied

    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    styled(permission_denied(request, PermissionDenied()), 403, "This page isn't open to you")


def test_favicon_ico_answers_signed_out(client: Client, db: Any) -> None:
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/coffeechat/favicon.svg"


def test_the_favicon_is_an_svg_and_every_page_links_it(client: Client, db: Any) -> None:
    response = client.get("/static/coffeechat/favicon.svg")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")
    assert b"<svg" in response.getvalue()
    login = client.get("/login/").content.decode()
    assert '<link rel="icon" href="/static/coffeechat/favicon.svg" type="image/svg+xml">' in login


def test_checker_findings_and_today_steps_link_to_their_reasons(
    client_alice: Client, referral: Any, referrer: Any
) -> None:
    findings = client_alice.post(
        "/compose/findings",
        {"contact": referral.pk, "kind": "request", "channel": "email", "subject": "",
         "body": "Hi, do you have a job opening for me?"},
    ).content.decode()  # fmt: skip
    assert 'href="/guide/#rule-asks-for-job"' in findings
    assert 'href="/guide/#rule-missing-subject"' in findings
    today = client_alice.get("/today/").content.decode()
    links = set(re.findall(r'class="why-link" href="(/guide/#[a-z-]+)"', today))
    assert links, "every step on Today says why, with a link"
    sections = {
        f"/guide/#{section}"
        for section in re.findall(r'id="([a-z-]+)"', client_alice.get("/guide/").content.decode())
    }
    assert links <= sections


def test_the_guide_lists_the_keyboard_shortcuts(client_alice: Client) -> None:
    page = client_alice.get("/guide/").content.decode()
    assert 'href="#keys"' in page and 'id="keys"' in page
    for key in ("j", "k", "Enter", "/", "c", "?"):
        assert f"<kbd>{key}</kbd>" in page
