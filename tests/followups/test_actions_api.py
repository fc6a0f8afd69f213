"""/api/v1/actions: the computed list, and done / snooze / dismiss / undo by URL-encoded key."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import time_machine

from coffeechat.followups.models import ActionState
from coffeechat.network.models import Contact
from tests.followups.conftest import ny, person, sent

TODAY = ny(2026, 3, 17, 9)


def _url(key: str, verb: str) -> str:
    return f"/api/v1/actions/{quote(key, safe='')}/{verb}"


@time_machine.travel(TODAY, tick=False)
def test_it_lists_due_actions_and_upcoming_ones_on_request(api_alice: Any, alice: Any) -> None:
    kit, lou = person(alice, "Kit"), person(alice, "Lou")
    sent(kit, "request", ny(2026, 3, 6))  # follow-up due today
    sent(lou, "request", ny(2026, 3, 10))  # follow-up due the 19th
    due = api_alice.get("/api/v1/actions").json()
    assert [(a["kind"], a["contact"], a["due"]) for a in due] == [
        ("follow-up", kit.pk, "2026-03-17")
    ]
    first = due[0]
    assert first["key"] == f"follow-up:contact={kit.pk}:n=1" and first["overdue"] is False
    assert first["draft_kind"] == "follow-up" and first["contact_name"] == "Kit Example"
    assert {"meeting", "organization", "reason"} <= first.keys()
    everything = api_alice.get("/api/v1/actions", all="true").json()
    assert [a["contact"] for a in everything] == [kit.pk, lou.pk]
    later = api_alice.get("/api/v1/actions", on="2026-03-20").json()
    assert [a["overdue"] for a in later] == [True, True]
    assert api_alice.get("/api/v1/actions", on="someday").status_code == 422


@time_machine.travel(TODAY, tick=False)
def test_done_snooze_dismiss_and_undo_by_key(api_alice: Any, alice: Any) -> None:
    kit = person(alice, "Kit")
    sent(kit, "request", ny(2026, 3, 6))
    key = f"follow-up:contact={kit.pk}:n=1"
    response = api_alice.post(_url(key, "snooze"), {"until": "2026-03-16"})
    assert response.status_code == 422 and "until" in response.json()["errors"]
    response = api_alice.post(_url(key, "snooze"), {"until": "2026-03-20"})
    assert response.json() == {"key": key, "state": "snoozed", "until": "2026-03-20"}
    assert api_alice.get("/api/v1/actions").json() == []
    assert api_alice.post(_url(key, "done"), {}).json()["state"] == "done"
    assert api_alice.get("/api/v1/actions", all="true").json() == []
    assert api_alice.post(_url(key, "undo"), {}).status_code == 204
    assert api_alice.post(_url(key, "dismiss"), {}).json()["state"] == "dismissed"
    assert ActionState.objects.get(key=key).state == "dismissed"


@time_machine.travel(TODAY, tick=False)
def test_a_key_with_a_slash_survives_url_encoding(api_alice: Any, alice: Any) -> None:
    from coffeechat.accounts.services import profile_of

    profile = profile_of(alice)
    profile.fields_of_interest = ["UX/UI design"]
    profile.save()
    [action] = api_alice.get("/api/v1/actions").json()
    assert action["key"] == "broaden:field=ux/ui design"
    assert api_alice.post(_url(action["key"], "done"), {}).status_code == 200
    assert api_alice.get("/api/v1/actions").json() == []


@time_machine.travel(TODAY, tick=False)
def test_unknown_and_other_peoples_keys_are_404(
    api_alice: Any, api_outsider: Any, referrer: Contact
) -> None:
    sent(referrer, "request", ny(2026, 3, 6))
    key = f"follow-up:contact={referrer.pk}:n=1"
    assert api_alice.post(_url("follow-up:contact=999:n=1", "done"), {}).status_code == 404
    for verb in ("done", "dismiss", "undo"):
        assert api_outsider.post(_url(key, verb), {}).status_code == 404, verb
    assert api_outsider.post(_url(key, "snooze"), {"until": "2026-04-01"}).status_code == 404
    assert api_outsider.get("/api/v1/actions", all="true").json() == []
    assert not ActionState.objects.exists()
