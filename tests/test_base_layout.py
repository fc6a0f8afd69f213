"""The frame around every page: flash messages as toasts, and the phone's tab bar."""

from __future__ import annotations

from typing import Any

from django.test import Client


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


def test_the_board_is_in_the_main_navigation_and_marked_on_its_pages(
    client_alice: Client,
) -> None:
    def main_nav(path: str) -> str:
        page = client_alice.get(path).content.decode()
        return page.split('aria-label="Main"', 1)[1].split("</nav>", 1)[0]

    assert 'href="/board/"' in main_nav("/today/")
    assert 'href="/board/" aria-current="page"' in main_nav("/board/")
    assert 'href="/board/" aria-current="page"' in main_nav("/board/requested/")
