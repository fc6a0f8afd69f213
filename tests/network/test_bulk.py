"""Changing many contacts at once from the contact list: review with counts, one UPDATE, undo."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext

from coffeechat.common.stamps import version_of
from coffeechat.network.models import Contact, Organization


def _people(owner: Any, count: int, **values: Any) -> list[Contact]:
    return Contact.objects.bulk_create(
        Contact(owner=owner, first_name=f"P{n:03}", **values) for n in range(count)
    )


def _bulk(client: Any, **data: Any) -> Any:
    return client.post("/contacts/bulk", data)


def test_ticked_contacts_get_a_field_after_a_review_with_counts(client_alice, alice):
    a, b, c = _people(alice, 3)
    Contact.objects.filter(pk=b.pk).update(field="UX design")
    ticked = {"action": "field", "value": "UX design", "ids": [a.pk, b.pk]}
    review = _bulk(client_alice, **ticked)
    page = review.content.decode()
    assert review.status_code == 200 and "for 1 contact?" in page
    assert "<strong>1</strong> already as you asked" in page
    assert Contact.objects.get(pk=a.pk).field == ""  # nothing changes before the yes
    before = version_of(alice)
    done = _bulk(client_alice, **ticked, confirm="yes")
    assert done.status_code == 302
    assert dict(Contact.objects.values_list("pk", "field")) == {
        a.pk: "UX design",
        b.pk: "UX design",
        c.pk: "",
    }
    assert version_of(alice) > before  # the data stamp moved: Today and counts redraw
    listed = client_alice.get(done["Location"]).content.decode()
    assert "The field of work of 1 contact is now “UX design”." in listed


def test_all_matching_the_filter_is_one_update_however_many(client_alice, alice):
    Contact.objects.bulk_create(
        Contact(owner=alice, first_name=f"D{n}", title="Designer", tags_text=",design,")
        for n in range(120)
    )
    _people(alice, 5, tags_text=",other,")
    data = {"action": "shortlist", "scope": "all", "tag": "design", "confirm": "yes"}
    with CaptureQueriesContext(connection) as ctx:
        _bulk(client_alice, **data)
    updates = [q["sql"] for q in ctx.captured_queries if q["sql"].startswith("UPDATE")]
    contact_updates = [sql for sql in updates if '"network_contact"' in sql.split("SET")[0]]
    assert len(contact_updates) == 1
    assert Contact.objects.filter(shortlisted=True).count() == 120
    assert not Contact.objects.filter(shortlisted=True, tags_text=",other,").exists()


def test_tags_are_added_and_removed_in_place(client_alice, alice):
    a, b = _people(alice, 2)
    Contact.objects.filter(pk=b.pk).update(tags_text=",boston,")
    _bulk(client_alice, action="add-tag", value=" Design  Leads", ids=[a.pk, b.pk], confirm="yes")
    assert Contact.objects.get(pk=a.pk).tags == ["design leads"]
    assert Contact.objects.get(pk=b.pk).tags == ["boston", "design leads"]
    _bulk(
        client_alice,
        action="remove-tag",
        value="boston",
        scope="page",
        page_ids=[a.pk, b.pk],
        confirm="yes",
    )
    assert Contact.objects.get(pk=b.pk).tags == ["design leads"]
    _bulk(client_alice, action="remove-tag", value="design leads", ids=[a.pk, b.pk], confirm="yes")
    assert set(Contact.objects.values_list("tags_text", flat=True)) == {""}


def test_a_tag_that_would_not_fit_is_skipped_and_counted(client_alice, alice):
    nearly_full = "," + "".join(f"tag number {n:02} of sixteen xxxx," for n in range(16))
    assert len(nearly_full) == 481  # the column keeps 500
    (full,) = _people(alice, 1, tags_text=nearly_full)
    (roomy,) = _people(alice, 1)
    long_tag = "a much longer tag than fits in"
    page = _bulk(client_alice, action="add-tag", value=long_tag, ids=[full.pk, roomy.pk])
    assert "<strong>1</strong> with too many tags for another" in page.content.decode()
    _bulk(client_alice, action="add-tag", value=long_tag, ids=[full.pk, roomy.pk], confirm="yes")
    assert Contact.objects.get(pk=full.pk).tags_text == nearly_full
    assert Contact.objects.get(pk=roomy.pk).tags == [long_tag]


def test_the_last_change_can_be_undone_without_undoing_later_edits(client_alice, alice):
    a, b, c = _people(alice, 3)
    Contact.objects.filter(pk=c.pk).update(field="law")
    _bulk(client_alice, action="field", value="GIS", ids=[a.pk, b.pk, c.pk], confirm="yes")
    listed = client_alice.get("/contacts/").content.decode()
    assert "Your last change: Set the field of work to “GIS”, for 3 contacts." in listed
    Contact.objects.filter(pk=b.pk).update(field="cartography")  # the student's own edit since
    client_alice.post("/contacts/bulk/undo")
    assert dict(Contact.objects.values_list("pk", "field")) == {
        a.pk: "",
        b.pk: "cartography",
        c.pk: "law",
    }
    assert "Your last change" not in client_alice.get("/contacts/").content.decode()


def test_shortlist_and_do_not_contact_undo(client_alice, alice):
    a, b = _people(alice, 2)
    Contact.objects.filter(pk=b.pk).update(shortlisted=True, do_not_contact=True)
    for action, column in (("shortlist", "shortlisted"), ("do-not-contact", "do_not_contact")):
        _bulk(client_alice, action=action, ids=[a.pk, b.pk], confirm="yes")
        assert Contact.objects.filter(**{column: True}).count() == 2
        client_alice.post("/contacts/bulk/undo")
    assert dict(Contact.objects.values_list("pk", "shortlisted")) == {a.pk: False, b.pk: True}
    assert dict(Contact.objects.values_list("pk", "do_not_contact")) == {a.pk: False, b.pk: True}
    _bulk(client_alice, action="unshortlist", ids=[b.pk], confirm="yes")
    assert not Contact.objects.get(pk=b.pk).shortlisted
    client_alice.post("/contacts/bulk/undo")
    assert Contact.objects.get(pk=b.pk).shortlisted


def test_another_persons_contacts_are_never_touched(client_alice, alice, bob):
    (theirs,) = _people(bob, 1)
    (mine,) = _people(alice, 1)
    _bulk(client_alice, action="shortlist", ids=[theirs.pk, mine.pk], confirm="yes")
    _bulk(client_alice, action="field", value="GIS", scope="all", confirm="yes")
    theirs.refresh_from_db()
    assert (theirs.shortlisted, theirs.field) == (False, "")
    assert Contact.objects.get(pk=mine.pk).shortlisted


def test_bad_input_is_explained_not_a_500(client_alice, alice):
    (a,) = _people(alice, 1)
    for data in (
        {"action": "field", "value": "", "ids": [a.pk]},
        {"action": "explode", "ids": [a.pk]},
        {"action": "add-tag", "value": "x\u202ey", "ids": [a.pk]},
        {"action": "shortlist", "ids": ["abc", "99999999999999999999999"]},
        {"action": "shortlist", "scope": "all", "organization": "nope", "stage": "zzz"},
    ):
        response = _bulk(client_alice, **data)
        assert response.status_code in (200, 302)
    assert Contact.objects.get(pk=a.pk).field == ""
    message = _bulk(client_alice, action="field", value="", ids=[a.pk])
    listed = client_alice.get(message["Location"]).content.decode()
    assert "Type the field of work first" in listed


def test_fill_in_the_fields_we_can_guess_shows_how_many_first(client_alice, alice):
    studio = Organization.objects.create(owner=alice, name="Northwind Studio")
    guessable = _people(alice, 4, title="UX Designer", organization=studio)
    (unknown,) = _people(alice, 1, title="Owner")
    (kept,) = _people(alice, 1, title="Urban Planner", field="housing")
    page = client_alice.get("/contacts/fill-fields").content.decode()
    assert "we can guess one for\n    <strong>4</strong>" in page
    assert not Contact.objects.filter(field="UX design").exists()  # untouched until asked
    client_alice.post("/contacts/fill-fields")
    assert Contact.objects.filter(pk__in=[g.pk for g in guessable], field="UX design").count() == 4
    assert Contact.objects.get(pk=unknown.pk).field == ""
    assert Contact.objects.get(pk=kept.pk).field == "housing"
    assert "Fill in the fields we could guess" in client_alice.get("/contacts/").content.decode()
    client_alice.post("/contacts/bulk/undo")
    assert not Contact.objects.filter(field="UX design").exists()
    assert Contact.objects.get(pk=kept.pk).field == "housing"


def test_over_the_undo_limit_the_review_says_so_and_no_undo_is_kept(
    client_alice, alice, monkeypatch
):
    from coffeechat.network import services

    monkeypatch.setattr(services, "UNDO_LIMIT", 2)
    _people(alice, 3, title="GIS analyst")
    review = _bulk(client_alice, action="field", value="GIS", scope="all").content.decode()
    assert "too many to undo in one step" in review
    _bulk(client_alice, action="field", value="GIS", scope="all", confirm="yes")
    assert "Your last change" not in client_alice.get("/contacts/").content.decode()
    Contact.objects.update(field="")
    assert "too many to undo" in client_alice.get("/contacts/fill-fields").content.decode()
    client_alice.post("/contacts/fill-fields")
    assert Contact.objects.filter(field="GIS").count() == 3
    assert "Your last change" not in client_alice.get("/contacts/").content.decode()
