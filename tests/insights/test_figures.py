"""Every figure of the report, checked against the hand-built search in conftest.py."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from typing import Any

import pytest

from coffeechat.accounts.services import profile_of
from coffeechat.insights import report

pytestmark = pytest.mark.usefixtures("frozen")


@pytest.fixture
def figures(alice: Any, search: SimpleNamespace) -> report.Report:
    return report.build(alice)


def test_funnel_counts_each_step(figures: report.Report) -> None:
    counts = {s.id: s.count for s in figures.funnel}
    assert counts == {"identified": 10, "requested": 6, "replied": 4, "met": 3, "thanked": 2}


def test_funnel_rates_compare_each_step_with_the_one_before(figures: report.Report) -> None:
    rates = {s.id: s.rate for s in figures.funnel}
    assert rates["identified"] is None
    assert rates["requested"] == pytest.approx(0.6)
    assert rates["replied"] == pytest.approx(4 / 6)
    assert rates["met"] == pytest.approx(3 / 4)
    assert rates["thanked"] == pytest.approx(2 / 3)


def test_median_days_between_steps_use_new_york_dates(figures: report.Report) -> None:
    # asked→replied: Priya 3→5 Mar (the reply came 02:00 UTC, still the 5th in New York),
    # Ken 3→6, Lena 12→13, Omar 18→19: [2, 3, 1, 1] → 1.5.
    # replied→met: 5→10, 6→12, 13→17: [5, 6, 4] → 5. met→thanked: 10→11, 12→16: [1, 4] → 2.5.
    gaps = {s.id: s.median_days for s in figures.funnel}
    assert gaps == {
        "identified": None,
        "requested": None,
        "replied": 1.5,
        "met": 5.0,
        "thanked": 2.5,
    }


def test_reply_rate_and_median_reply_time(figures: report.Report) -> None:
    assert figures.reply_rate == pytest.approx(4 / 6)
    # 2.46, 3, 1 and 1 days → (1 + 2.46) / 2
    assert figures.median_reply_days == 1.7


def test_by_source_shows_which_way_of_finding_people_works(figures: report.Report) -> None:
    rows = {r["how_found"]: r for r in figures.by_source}
    assert rows["alumni"] | {"label": ""} == {
        "how_found": "alumni", "label": "", "identified": 2, "requested": 2, "replied": 2,
        "met": 2, "thanked": 2,
    }  # fmt: skip
    assert (rows["referral"]["identified"], rows["referral"]["requested"]) == (3, 2)
    assert (rows["referral"]["met"], rows["referral"]["thanked"]) == (1, 0)
    assert (rows["online"]["requested"], rows["online"]["replied"]) == (2, 0)
    assert rows["online"]["label"] == "Online / cold"
    assert sum(r["identified"] for r in figures.by_source) == 10


def test_by_rule_set_compares_the_first_request_of_each_person(figures: report.Report) -> None:
    rows = {r["rule_set"]: r for r in figures.by_rule_set}
    assert set(rows) == {"five-point", "standard"}
    five = rows["five-point"]
    assert (five["requested"], five["replied"], five["met"], five["thanked"]) == (3, 2, 2, 2)
    standard = rows["standard"]
    assert (standard["requested"], standard["replied"], standard["met"]) == (3, 2, 1)
    assert standard["reply_rate"] == pytest.approx(2 / 3)


def test_referral_tree_has_depth_and_the_branch_still_waiting(
    figures: report.Report, search: SimpleNamespace
) -> None:
    tree = figures.tree
    people = {p.name: p for p in tree.people}
    assert set(people) == {"Priya Raman", "Lena Vogel", "Omar Haddad", "Ken Sato", "Zoe Lindqvist"}
    assert tree.depth == 2
    assert people["Omar Haddad"].depth == 2 and people["Omar Haddad"].parent == search.lena.pk
    assert people["Priya Raman"].parent is None
    assert [p.name for p in tree.waiting] == ["Zoe Lindqvist"]


def test_fields_put_interests_first_and_flag_few_voices(figures: report.Report) -> None:
    assert figures.fields == [
        {"field": "Data Science", "interest": True, "conversations": 2, "people": 2,
         "few_voices": True},
        {"field": "UX research", "interest": True, "conversations": 0, "people": 0,
         "few_voices": True},
        {"field": "Public health", "interest": False, "conversations": 1, "people": 1,
         "few_voices": True},
    ]  # fmt: skip
    orgs = {r["name"]: r["conversations"] for r in figures.field_organizations}
    assert orgs == {"Acme Analytics": 2, "Delta Health": 1}


def test_what_people_said_groups_notes_and_finds_shared_phrases(figures: report.Report) -> None:
    said = {c.id: c for c in figures.said}
    assert list(said) == ["skills", "advice"]  # in the order of a conversation
    skills = said["skills"]
    assert [n.person for n in skills.notes] == ["Priya Raman", "Ken Sato"]
    assert skills.notes[0].day == date(2025, 3, 10)
    assert [(p.text, p.people) for p in skills.phrases] == [
        ("learn sql", ("Priya Raman", "Ken Sato"))
    ]
    advice = said["advice"]
    assert advice.people == 3  # two agenda notes and Ken's advice worth quoting
    assert {p.text for p in advice.phrases} == {"portfolio", "projects"}


def test_weekly_activity_counts_iso_weeks_in_new_york(figures: report.Report) -> None:
    weeks = {w["week"]: w for w in figures.weekly}
    assert len(figures.weekly) == 26 and figures.weekly[-1]["week"] == "2025-W12"
    assert figures.weekly[-1]["starts"] == date(2025, 3, 17)
    assert (weeks["2025-W10"]["requests"], weeks["2025-W11"]["requests"]) == (4, 1)
    assert weeks["2025-W12"]["requests"] == 1
    assert (weeks["2025-W11"]["meetings"], weeks["2025-W12"]["meetings"]) == (2, 1)
    # Ken's thank-you left on Monday 03:00 UTC: Sunday evening, so week 11, in New York.
    assert (weeks["2025-W11"]["thank_yous"], weeks["2025-W12"]["thank_yous"]) == (2, 0)


def test_target_list_is_lamp_ranked_with_progress(figures: report.Report) -> None:
    progress = [(o["name"], o["progress"]) for o in figures.organizations]
    assert progress == [
        ("Acme Analytics", "met"),
        ("Delta Health", "met"),
        ("Fjord Labs", "booster"),
        ("Beacon Care", "asked"),
        ("Elm Street Studio", "identified"),
        ("Corvid Media", "no-contact"),
    ]
    acme = figures.organizations[0]
    assert (acme["boosters"], acme["obligates"], acme["curmudgeons"]) == (1, 1, 0)
    assert figures.organizations[3]["curmudgeons"] == 1


def test_a_new_user_has_an_empty_report(outsider: Any) -> None:
    empty = report.build(outsider)
    assert empty.empty
    assert empty.tree.people == () and empty.said == [] and empty.organizations == []
    assert all(w["requests"] == 0 for w in empty.weekly)


def test_an_unknown_time_zone_falls_back_to_utc(alice: Any, search: SimpleNamespace) -> None:
    profile = profile_of(alice)
    profile.time_zone = "Mars/Olympus_Mons"
    profile.save()
    # In UTC, Priya's reply lands on 6 March: asked→replied becomes [3, 3, 1, 1] → 2.
    assert report.build(alice).step("replied").median_days == 2.0


def test_the_page_only_figures_count_only_the_owners_data(
    alice: Any, outsider: Any, search: SimpleNamespace
) -> None:
    from coffeechat.insights.queries import booked, weekly_activity

    today = date(2025, 3, 20)
    zone = report.zone_of(alice)
    assert booked(alice) == 3 and booked(outsider) == 0
    mine = weekly_activity(alice, zone, today)
    assert [(w["sent"], w["replies"], w["meetings"]) for w in mine[-3:]] == [
        (4, 2, 0),
        (3, 1, 2),  # Ken's thank-you, sent Sunday evening in New York, counts in this week
        (2, 1, 1),
    ]
    assert not any(
        w["sent"] or w["replies"] or w["meetings"] for w in weekly_activity(outsider, zone, today)
    )
