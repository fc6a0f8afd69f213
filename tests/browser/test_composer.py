"""The composer in a real browser: it saves as you type (once, then in place), warns before
leaving unsaved words, swaps kinds with Undo, finds the recipient as you type, keeps sent
messages as they went out, follows the contact's channel, and fits a phone's width."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from tests.browser.conftest import RunningApp
from tests.browser.test_live_mode import coffeechat

pytestmark = pytest.mark.browser

PEOPLE = """
from django.utils import timezone
from coffeechat.accounts.services import personal_owner, profile_of
from coffeechat.network.models import Contact, Organization
from coffeechat.outreach.models import Message
me = personal_owner()
profile = profile_of(me)
profile.display_name = 'Sam Rivera'
profile.school = 'Lakeside University'
profile.save()
org = Organization.objects.create(owner=me, name='Metro Transit Authority')
priya = Contact.objects.create(owner=me, first_name='Priya', last_name='Raman',
    organization=org, title='Transit planner', email='priya@example.org', how_found='alumni')
lee = Contact.objects.create(owner=me, first_name='Lee', last_name='Park', how_found='linkedin',
    linkedin_url='https://www.linkedin.com/in/lee-park')
for n in range(15):
    Contact.objects.create(owner=me, first_name=f'Pat{n:02}', last_name='Quinn')
sent = Message.objects.create(owner=me, contact=priya, kind='request', status='sent',
    subject='A question about transit planning', body='Dear Priya, a very long word: '
    + 'Supercalifragilisticexpialidocious' * 3, sent_at=timezone.now())
print(json.dumps({'priya': priya.pk, 'lee': lee.pk, 'sent': sent.pk}))
"""


def people(app: RunningApp) -> dict[str, int]:
    out = coffeechat(app, "manage", "shell", "-c", "import json\n" + PEOPLE)
    ids: dict[str, int] = json.loads(out.splitlines()[-1])
    return ids


def messages_of(app: RunningApp) -> list[dict[str, Any]]:
    script = (
        "import json\nfrom coffeechat.outreach.models import Message\n"
        "print(json.dumps(list(Message.objects.filter(status='draft')"
        ".values('id', 'kind', 'body'))))"
    )
    out = coffeechat(app, "manage", "shell", "-c", script)
    rows: list[dict[str, Any]] = json.loads(out.splitlines()[-1])
    return rows


def fits(page: Any) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


def test_it_saves_as_you_type_once_and_warns_before_leaving_unsaved_words(
    page: Any, fresh_app: RunningApp
) -> None:
    from playwright.sync_api import expect

    ids = people(fresh_app)
    page.goto(fresh_app.sign_in_url)
    page.goto(f"{fresh_app.url}/compose/?contact={ids['priya']}&kind=request")
    assert fits(page)
    status = page.locator(".save-status")
    expect(status).to_have_attribute("aria-live", "polite")
    body = page.get_by_label("Body")
    body.press("Control+End")
    body.press_sequentially(" Looking forward")
    expect(status).to_have_text("Saved")
    expect(page).to_have_url(re.compile(r"/messages/\d+/$"))
    body.press_sequentially(" to it.")
    page.get_by_label("Subject").focus()  # leaving the field saves at once
    expect(status).to_have_text("Saved")
    saved = messages_of(fresh_app)
    assert len(saved) == 1 and saved[0]["body"].endswith("Looking forward to it.")

    # The server can't be reached: the words stay, it says so, and leaving asks first.
    page.route("**/autosave", lambda route: route.abort())
    body.press_sequentially(" Truly.")
    expect(status).to_have_text("Not saved — retrying")
    dialogs: list[str] = []

    def stay(dialog: Any) -> None:
        dialogs.append(dialog.type)
        dialog.dismiss()

    page.once("dialog", stay)
    page.get_by_role("link", name="All messages").click()
    expect(body).to_have_value(re.compile(r"Truly\.$"))
    assert dialogs == ["beforeunload"]

    page.unroute("**/autosave")  # back online: the retry saves it, and leaving is quiet
    expect(status).to_have_text("Saved", timeout=60_000)
    page.get_by_role("link", name="All messages").click()
    expect(page).to_have_url(f"{fresh_app.url}/messages/")
    saved = messages_of(fresh_app)
    assert len(saved) == 1 and saved[0]["body"].endswith("Truly.")


def test_changing_kind_or_starting_over_can_be_undone(page: Any, fresh_app: RunningApp) -> None:
    from playwright.sync_api import expect

    ids = people(fresh_app)
    page.goto(fresh_app.sign_in_url)
    page.goto(f"{fresh_app.url}/compose/?contact={ids['priya']}&kind=request")
    body = page.get_by_label("Body")
    body.fill("My own words for Priya.")
    kind = page.get_by_label("Kind")
    kind.select_option(label="Thank-you")
    bar = page.locator(".undo-bar")
    expect(bar).to_contain_text("Switched to Thank-you.")
    expect(body).to_have_value(re.compile(r"^(Dear|Hi) Priya"))
    expect(body).not_to_have_value(re.compile("My own words"))
    bar.get_by_role("button", name="Undo").click()
    expect(body).to_have_value("My own words for Priya.")
    expect(kind).to_have_value("request")
    expect(bar).to_be_hidden()

    page.get_by_role("button", name="Start over").click()
    expect(bar).to_contain_text("Started over")
    expect(body).not_to_have_value("My own words for Priya.")
    bar.get_by_role("button", name="Undo").click()
    expect(body).to_have_value("My own words for Priya.")
    expect(page.locator(".save-status")).to_have_text("Saved")
    saved = messages_of(fresh_app)
    assert [(m["kind"], m["body"]) for m in saved] == [("request", "My own words for Priya.")]


def test_the_recipient_is_found_as_you_type(page: Any, fresh_app: RunningApp) -> None:
    from playwright.sync_api import expect

    ids = people(fresh_app)
    page.goto(fresh_app.sign_in_url)
    page.goto(f"{fresh_app.url}/compose/")
    to = page.get_by_role("combobox", name="To")
    listbox = page.get_by_role("listbox", name="Matching contacts")
    to.press_sequentially("pat")
    expect(listbox.get_by_role("option")).to_have_count(10)  # a few, never all of them
    expect(to).to_have_attribute("aria-expanded", "true")
    to.press("Escape")
    expect(listbox).to_be_hidden()
    to.fill("")
    to.press_sequentially("metro")
    option = listbox.get_by_role("option", name=re.compile("Priya Raman"))
    expect(option).to_contain_text("Transit planner, Metro Transit Authority")
    to.press("ArrowDown")
    expect(option).to_have_attribute("aria-selected", "true")
    expect(to).to_have_attribute("aria-activedescendant", option.get_attribute("id") or "")
    to.press("Enter")
    expect(page).to_have_url(re.compile(rf"contact={ids['priya']}"))
    expect(page.get_by_role("combobox", name="To")).to_have_value("Priya Raman")
    expect(page.get_by_label("Body")).to_have_value(re.compile(r"Priya"))
    assert fits(page)


def test_sent_messages_stay_and_linkedin_contacts_get_linkedin(
    page: Any, fresh_app: RunningApp
) -> None:
    from playwright.sync_api import expect

    ids = people(fresh_app)
    page.goto(fresh_app.sign_in_url)
    page.goto(f"{fresh_app.url}/messages/{ids['sent']}/")
    expect(page.get_by_text("A question about transit planning")).to_be_visible()
    assert page.locator("textarea").count() == 0
    expect(page.get_by_role("button", name="Save draft")).to_have_count(0)
    assert fits(page)  # a long word wraps rather than widening the page
    page.get_by_role("button", name="Copy into a new draft").click()
    expect(page).to_have_url(re.compile(r"/messages/\d+/$"))
    expect(page).not_to_have_url(f"{fresh_app.url}/messages/{ids['sent']}/")
    expect(page.get_by_label("Body")).to_have_value(re.compile("^Dear Priya, a very long"))
    expect(page.get_by_label("Subject")).to_have_value("A question about transit planning")

    page.goto(f"{fresh_app.url}/compose/?contact={ids['lee']}&kind=request")
    channel = page.get_by_label("Channel")
    expect(channel).to_have_value("linkedin")
    eml = page.get_by_role("button", name="Download .eml")
    expect(eml).to_be_hidden()
    expect(page.get_by_label("Subject")).to_be_hidden()
    channel.select_option("email")
    expect(eml).to_be_visible()
    assert fits(page)
