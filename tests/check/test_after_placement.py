"""After the move (issue 17): the time-made tasks and the figures, on the valid fixture."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from site_gen.checking.rules import after_placement
from site_gen.records.dataset import load_dataset
from site_gen.views.after_placement import case_section, figures
from site_gen.views.consented import consented_dataset

from ..conftest import DATA, make_repo

VALID = DATA / "valid" / "after-placement-complete"


def _ds(tmp_path: Path):  # type: ignore[no-untyped-def]
    return load_dataset(make_repo(tmp_path / "repo", VALID))


def test_wage_subsidy_end_is_a_task_90_days_ahead(tmp_path: Path) -> None:
    ds = _ds(tmp_path)
    before = list(after_placement.check(ds, dt.date(2026, 11, 1)))
    assert [f.code for f in before] == []
    found = [f for f in after_placement.check(ds, dt.date(2026, 11, 22)) if f.code == "WAGE-SUBSIDY-ENDS"]
    assert len(found) == 1 and found[0].due == dt.date(2026, 11, 2) and "70 Tagen" in found[0].message
    assert "2027" not in found[0].message  # messages never echo values


def test_weekly_support_then_silence_becomes_due_after_six_weeks(tmp_path: Path) -> None:
    ds = _ds(tmp_path)
    case = ds.cases["tn-0098"]
    log = list(case.support_log) + [case.support_log[0].model_copy(update={"date": dt.date(2026, 3, 2) + dt.timedelta(weeks=w)}) for w in range(8)]
    ds.cases["tn-0098"] = case.model_copy(update={"support_log": log})
    last = dt.date(2026, 3, 2) + dt.timedelta(weeks=7)
    # the crisis talk in October is a contact: no abrupt stop on the test day ...
    assert not [f for f in after_placement.check(ds, dt.date(2026, 11, 22)) if f.code == "SUPPORT-STOPPED-ABRUPTLY"]
    # ... but on a day before it, six weeks after weekly visits, there is one
    found = [f for f in after_placement.check(ds, dt.date(2026, 6, 30)) if f.code == "SUPPORT-STOPPED-ABRUPTLY"]
    assert len(found) == 1 and found[0].due == last + dt.timedelta(days=43)


def test_amounts_need_the_consent_and_figures_count_the_fixture(tmp_path: Path) -> None:
    today = dt.date(2026, 11, 22)
    ds = _ds(tmp_path)
    case = ds.cases["tn-0098"]
    shown = case_section(ds, consented_dataset(ds, today).cases["tn-0098"], today)
    assert len(shown.wage_amounts) == 1 and shown.follow_along[0].permanent
    without = case.model_copy(update={"consents": [c for c in case.consents if c.purpose != "entgelt"]})
    ds.cases["tn-0098"] = without
    assert consented_dataset(ds, today).cases["tn-0098"].wage_amounts == []
    fig = figures(ds, list(ds.cases.values()), today)
    assert fig.follow_running == 1 and fig.follow_permanent == 1 and fig.transition_group == 1 and fig.handed_over == 1
    assert [(m.months, m.eligible, m.still) for m in fig.milestones] == [(6, 1, 1), (12, 0, 0), (24, 0, 0)]
    assert sum(s.crises for s in fig.sectors) == 1


def test_subsidy_without_end_is_no_task_and_shows_as_open_ended(tmp_path: Path) -> None:
    # Issue 29: the length of a Budget-für-Arbeit subsidy is decided case by case (§ 61 SGB IX): 'until' is optional.
    from site_gen.site.internal_pages import render_site

    today = dt.date(2026, 11, 22)
    ds = _ds(tmp_path)
    case = ds.cases["tn-0098"]
    con = case.contracts[0]
    assert con.subsidy is not None
    ds.cases["tn-0098"] = case.model_copy(update={"contracts": [con.model_copy(update={"subsidy": con.subsidy.model_copy(update={"until": None})})]})
    assert [f.code for f in after_placement.check(ds, today) if f.code == "WAGE-SUBSIDY-ENDS"] == []
    page = render_site(consented_dataset(ds, today), today)["akten/tn-0098.md"]
    assert "ohne festes Ende" in page
