"""Matching learns from the record: a workplace where a placement ended with a return or was aborted is not proposed again."""

from __future__ import annotations

import dataclasses
import datetime as dt

from site_gen.matching.index import MatchIndex
from site_gen.models.case import Outcome
from site_gen.records.dataset import load_dataset
from site_gen.views.consented import consented_dataset
from site_gen.views.matching import case_section
from tests.conftest import REPO

TODAY = dt.date(2026, 11, 22)


def demo():
    return consented_dataset(load_dataset(REPO), TODAY)


def test_workplace_of_a_return_is_excluded_with_the_reason() -> None:
    ds = demo()
    case = ds.cases["tn-0003"]
    back = [p for p in case.placements if p.outcome is Outcome.RETURN]
    assert back and back[0].end_reason and "hektisch" in back[0].end_reason
    wid = back[0].workplace
    index = MatchIndex(ds, TODAY)
    assert wid not in [f.workplace_id for f in index.workplaces_for("tn-0003", 100)]
    assert "tn-0003" not in [f.case_id for f in index.cases_for(wid, 100)]
    overview = index.overview(100)
    assert wid not in [w for w, _ in overview.workplaces_for_case["tn-0003"]]
    assert "tn-0003" not in [c for c, _ in overview.cases_for_workplace[wid]]
    section = case_section(ds, "tn-0003", TODAY)
    assert section is not None and section.note and "hektisch" in section.note and ds.workplaces[wid].company.name in section.note
    assert "Nicht vorschlagen" in " ".join(r.text for p in index.explain("tn-0003", wid).parts for r in p.reasons)

    # control: without the return in the record the same workplace is ranked again
    calm = dataclasses.replace(ds, cases={**ds.cases, "tn-0003": case.model_copy(update={"placements": [
        p.model_copy(update={"outcome": Outcome.NEXT, "end_reason": None}) if p is back[0] else p for p in case.placements]})})
    assert wid in [f.workplace_id for f in MatchIndex(calm, TODAY).workplaces_for("tn-0003", 100)]


def test_every_return_or_abort_in_the_demo_is_excluded() -> None:
    ds = demo()
    index = MatchIndex(ds, TODAY)
    pairs = [(c.id, p.workplace) for c in ds.cases.values() if c.closed is None for p in c.placements
             if p.outcome is Outcome.RETURN or p.status.value == "abgebrochen"]
    assert len(pairs) >= 3
    for cid, wid in pairs:
        assert wid not in [f.workplace_id for f in index.workplaces_for(cid, 100)], (cid, wid)
