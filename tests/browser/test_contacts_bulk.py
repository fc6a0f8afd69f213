"""Import designers, check their fields in the preview, then change several at once and undo."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import RunningApp

pytestmark = pytest.mark.browser

DESIGNERS = "\n".join(
    [
        "First Name,Last Name,Company,Position",
        "Ada,Obi,Northwind Studio,Senior UX Designer",
        "Ben,Ito,Northwind Studio,Product Designer",
        "Cy,Lam,Paper Press,Illustrator",
        "Dee,Ruiz,Corner Bakery,Owner",
    ]
)


def _fits_a_phone(page: Any, what: str) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"{what} scrolls sideways at phone width ({width}px)"


def test_fields_are_reviewed_at_import_then_changed_in_bulk_and_undone(
    page: Any, fresh_app: RunningApp, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    upload = tmp_path / "designers.csv"
    upload.write_text(DESIGNERS + "\n", encoding="utf-8")
    page.goto(fresh_app.sign_in_url)
    page.goto(f"{fresh_app.url}/import/")
    page.get_by_label("File", exact=True).set_input_files(str(upload))
    page.get_by_role("button", name="Preview").click()

    # The preview: each new person's guessed field, to change, clear or set for everyone.
    expect(page.get_by_role("heading", name="Fields of work")).to_be_visible()
    ada = page.get_by_label("Field of work for Ada Obi (line 2)")
    expect(ada).to_have_value("UX design")
    expect(page.get_by_label("Field of work for Cy Lam (line 4)")).to_have_value("graphic design")
    expect(page.get_by_label("Field of work for Dee Ruiz (line 5)")).to_have_value("")
    _fits_a_phone(page, "the import preview")
    page.get_by_label("Set the field for the whole import").select_option(label="UX design")
    page.get_by_role("button", name="Use these fields").first.click()
    expect(page.get_by_label("Field of work for Dee Ruiz (line 5)")).to_have_value("UX design")
    page.get_by_label("Field of work for Dee Ruiz (line 5)").fill("baking")
    page.get_by_role("button", name="Import 4 new and 0 filled in").click()
    expect(page.get_by_role("heading", name="Import of designers.csv")).to_be_visible()

    # Today's "people in UX design" finds them: the list filtered by field.
    page.goto(f"{fresh_app.url}/contacts/?field=UX+design")
    results = page.locator("#contact-results")
    expect(results.get_by_text("3 contacts", exact=True)).to_be_visible()
    _fits_a_phone(page, "the contact list")

    # Tick two with the keyboard, add a tag to them, after a review with counts.
    page.goto(f"{fresh_app.url}/contacts/")
    page.get_by_label("Select Ada Obi").focus()
    page.keyboard.press("Space")
    page.get_by_label("Select Ben Ito").check()
    page.get_by_label("Change many at once").select_option(label="Add a tag…")
    page.get_by_label("Field of work or tag").fill("portfolio review")
    page.get_by_role("button", name="Review the change").click()
    heading = "Add the tag “portfolio review” for 2 contacts?"
    expect(page.get_by_role("heading", name=heading)).to_be_visible()
    _fits_a_phone(page, "the bulk review")
    page.get_by_role("button", name="Yes, change 2 contacts").click()
    expect(page.get_by_text("Added the tag “portfolio review” to 2 contacts.")).to_be_visible()
    ada_card = page.locator(".contact-row", has_text="Ada Obi")
    expect(ada_card.get_by_role("link", name="portfolio review")).to_be_visible()

    # Everyone on the page, then undo it.
    page.get_by_label("Change many at once").select_option(label="Add to my shortlist")
    page.get_by_label("Select all on this page (4)").check()
    page.get_by_role("button", name="Review the change").click()
    page.get_by_role("button", name="Yes, change 4 contacts").click()
    expect(page.locator(".contact-row .chip", has_text="shortlist")).to_have_count(4)
    page.get_by_role("button", name="Undo it").click()
    expect(page.get_by_text("Undone: 4 contacts put back as they were.")).to_be_visible()
    expect(page.locator(".contact-row .chip", has_text="shortlist")).to_have_count(0)

    # Know someone there: people on the list, none talked to yet.
    page.goto(f"{fresh_app.url}/organizations/")
    expect(page.get_by_text("You have 2 contacts here, none talked to yet")).to_be_visible()
    _fits_a_phone(page, "the organization list")
