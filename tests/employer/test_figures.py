"""Kennzahlen of the employer side and the company page, on a small repository whose numbers are known by hand
(the overlay of the findings case ``company-contacts``: a company without a placement and six contacts,
one with a placement history of two people)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from site_gen.records.dataset import load_dataset
from site_gen.views.company import company
from site_gen.views.consented import HIDDEN_NOTE, consented_dataset
from site_gen.views.dashboard import dashboard

from ..conftest import DATA, make_repo

TODAY = dt.date(2026, 11, 22)


@pytest.fixture(scope="module")
def view(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    root = make_repo(tmp_path_factory.mktemp("betriebe") / "akten", DATA / "findings" / "records" / "company-contacts")
    return consented_dataset(load_dataset(Path(root)), TODAY)


def test_location_figures_count_contacts_placements_and_companies_that_placed_again(view) -> None:  # type: ignore[no-untyped-def]
    e = dashboard(view, TODAY, location="nord-hafen").employer
    assert e is not None
    assert (e.companies, e.cooperating) == (2, 1)  # ap-0001 had placements until 31.05.2026; ap-0003 none
    assert (e.contacts, e.placements, e.contacts_per_placement) == (6, 2, 3.0)
    assert (e.placed_once, e.placed_again, e.minutes_per_company) == (1, 1, 30)
    assert dict(e.stages) == {"Akquise": 0, "Erstgespräch": 0, "Arbeitsplatzanalyse": 0, "Stelle": 1, "Kooperationsbetrieb": 1}
    mara = next(c for c in e.coaches if c.coach.text == "Mara Testfeld")
    assert (mara.contacts, mara.minutes, mara.companies) == (5, 30, 1)


def test_company_page_hides_notes_about_people_without_consent_and_lists_questions_and_follow_ups(view) -> None:  # type: ignore[no-untyped-def]
    co = company(view, "ap-0003", TODAY)
    assert co.stage.id == "stelle" and [reached for _, reached in co.path] == [True, True, True, True, False]
    texts = [c.summary for c in co.contacts]
    assert texts.count(HIDDEN_NOTE) == 3  # tn-0001 (no consent), tn-0097 (withdrawn), tn-0404 (no such case)
    assert "Praktikum besprochen." not in texts and "Rückmeldung zum Praktikum." not in texts
    assert all(c.case is None for c in co.contacts)
    assert co.open_questions == [(dt.date(2026, 11, 2), "Wie lange zahlt das Amt den Zuschuss?")]
    assert co.follow_ups == [(dt.date(2026, 11, 15), True)]


def test_with_a_live_consent_naming_the_company_the_note_and_the_case_link_stay() -> None:
    from ..conftest import REPO

    co = company(consented_dataset(load_dataset(REPO), TODAY), "ap-0001", TODAY)
    about = [c for c in co.contacts if c.case is not None]
    assert len(about) == 1 and about[0].case is not None and about[0].case.target.endswith("tn-0001.md")
    assert about[0].summary.startswith("Rundgang mit der Lagerleitung")


def test_subject_access_export_includes_the_company_contacts_about_the_person() -> None:
    from site_gen.views.export import export_context

    from ..conftest import REPO

    ds = load_dataset(REPO)
    item = next(i for i in export_context(ds, "tn-0001", TODAY, []).items if i.field == "contact_log")
    assert item.value[0]["workplace"] == "ap-0001" and item.value[0]["summary"].startswith("Rundgang mit der Lagerleitung")
    assert not any(i.field == "contact_log" for i in export_context(ds, "tn-0002", TODAY, []).items)
