"""The first run leads: a welcome with four steps ticked off by the data, and the profile
goes on to the next step. The time zone is chosen from a list the server checks."""

from __future__ import annotations

import re
from typing import Any

from coffeechat.accounts.forms import ProfileForm
from coffeechat.accounts.services import create_user, profile_of
from coffeechat.network.models import Contact
from tests.conftest import signed_in
from tests.followups.conftest import ny, person, sent

PROFILE = {
    "display_name": "Noor Haddad",
    "country": "US",
    "time_zone": "America/Chicago",
    "fields_text": "urban planning",
}


def _steps(html: str) -> list[str]:
    """Each step's state word, in order."""
    return [part.split("</span>")[0] for part in html.split('<span class="step-state">')[1:]]


def test_a_new_account_lands_on_the_welcome_and_the_profile_leads_on(db: Any) -> None:
    client = signed_in(create_user("noor"))
    assert client.get("/").headers["Location"] == "/welcome/"
    welcome = client.get("/welcome/").content.decode()
    assert "Welcome to coffeechat" in welcome
    assert _steps(welcome) == ["Next", "Not yet", "Not yet", "Not yet"]
    form = client.get("/profile/").content.decode()
    assert "data-guess-zone" in form and "first_run.js" in form
    assert '<option value="America/Chicago">America/Chicago</option>' in form  # none preset
    saved = client.post("/profile/", PROFILE)
    assert saved.headers["Location"] == "/welcome/"  # on to the next step, not the form
    welcome = client.get("/welcome/").content.decode()
    assert "Next: bring in the people you know" in welcome
    assert _steps(welcome) == ["Done", "Next", "Not yet", "Not yet"]
    assert client.get("/").headers["Location"] == "/today/"
    # Afterwards the profile is an ordinary form: it saves and stays.
    again = client.post("/profile/", PROFILE | {"school": "Riverside College"})
    assert again.headers["Location"] == "/profile/"
    assert "data-guess-zone" not in client.get("/profile/").content.decode()


def test_each_step_ticks_itself_off_from_the_data(alice: Any) -> None:
    client = signed_in(alice)
    assert _steps(client.get("/welcome/").content.decode()) == [
        "Done",
        "Next",
        "Not yet",
        "Not yet",
    ]
    kit = person(alice, "Kit", "Okafor")
    assert _steps(client.get("/today/").content.decode()) == ["Done", "Done", "Next", "Not yet"]
    Contact.objects.filter(pk=kit.pk).update(shortlisted=True)
    today = client.get("/today/").content.decode()
    assert _steps(today) == ["Done", "Done", "Done", "Next"]
    assert (
        f"/compose/?contact={kit.pk}&amp;kind=request" in today and "Write to Kit Okafor" in today
    )
    sent(kit, "request", ny(2026, 3, 2))
    assert "Your first steps" not in client.get("/today/").content.decode()
    welcome = client.get("/welcome/").content.decode()
    assert _steps(welcome) == ["Done"] * 4 and "All four done" in welcome


def test_the_time_zone_must_be_one_from_the_list(alice: Any) -> None:
    client = signed_in(alice)
    response = client.post("/profile/", PROFILE | {"time_zone": "Mars/Olympus"})
    assert response.status_code == 422
    assert "isn&#x27;t a time zone we know" in response.content.decode()
    assert profile_of(alice).time_zone == "America/New_York"
    client.post("/profile/", PROFILE | {"time_zone": ""})
    assert profile_of(alice).time_zone == "UTC"


def test_the_profile_shows_in_three_named_groups_with_every_field_once(db: Any) -> None:
    page = signed_in(create_user("noor")).get("/profile/").content.decode()
    legends = re.findall(r"<legend>([^<]+)</legend>", page)
    assert legends == ["Who you are", "Where and when", "How drafts introduce you"]
    groups = page.split('<fieldset class="form-group">')[1:]
    names = [re.findall(r'<(?:input|select|textarea)[^>]* name="([\w-]+)"', g) for g in groups]
    assert names[0][-1] == "fields_text"  # fields of interest sit with who you are
    assert sorted(n for group in names for n in group) == sorted(ProfileForm.base_fields)
