"""The frame around every page: flash messages as toasts, and the phone's tab bar."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.test import Client, override_settings
from django.urls import path

from coffeechat import urls as root_urls


def test_a_flash_message_is_a_toast_read_out_as_status(client_alice: Client, alice: Any) -> None:
    page = client_alice.post("/calendar/regenerate", follow=True).content.decode()
    flash = page.split('<div class="flash" role="status"', 1)[1].split("</div>", 1)[0]
    assert '<p class="toast success">' in flash
    assert "icons.svg#circle-check" in flash  # success gets the check; warnings the triangle
    assert 'class="toast-text"' in flash


def test_a_signed_out_page_has_no_tab_bar(client: Client, db: Any) -> None:
    page = client.get("/login/").content.decode()
    assert 'aria-label="Tabs"' not in page and 'class="signed-in"' not in page
    assert 'class="brand"' in page and 'aria-label="Main"' not in page  # the name, no rooms


def _board(request: HttpRequest) -> HttpResponse:
    return HttpResponse("board")


# This module doubles as a URLconf with a board in it, as the pipeline board branch adds one.
urlpatterns = [*root_urls.urlpatterns, path("board/", _board, name="board")]


def test_the_board_joins_the_navigation_once_it_exists(client_alice: Client) -> None:
    assert 'href="/board/"' not in client_alice.get("/today/").content.decode()
    with override_settings(ROOT_URLCONF=__name__):
        nav = client_alice.get("/today/").content.decode().split('aria-label="Main"', 1)[1]
    assert 'href="/board/"' in nav.split("</nav>", 1)[0]
