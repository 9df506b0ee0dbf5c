"""Issue 29: ICF context factors weigh in matching, with a readable reason, only with consent."""

from __future__ import annotations

import datetime as dt

import numpy as np

from site_gen.matching.features import case_features, workplace_features
from site_gen.matching.matrix import Matrices
from site_gen.matching.rank import score_pair
from site_gen.records.dataset import load_dataset
from tests.conftest import REPO, TODAY

DAY = dt.date.fromisoformat(TODAY)


def test_facilitator_for_a_barrier_scores_with_its_reason_and_only_with_consent() -> None:
    ds = load_dataset(REPO)
    case, wp = ds.cases["tn-0001"], ds.workplaces["ap-0019"]
    cf = case_features(case, DAY, ds.purposes, ds.profile_items, ds.locations)
    wf = workplace_features(wp, ds.profile_items, [])
    assert cf.barriers == {"e120", "e330"} and set(wf.facilitators) == {"e330"}
    fit = score_pair(cf, wf, ds.profile_items)
    (umfeld,) = [p for p in fit.parts if p.key == "umfeld"]
    assert umfeld.points == 5.0
    assert umfeld.reasons[0].text == "Förderfaktor im Betrieb für eine Barriere der Person: e330 Vorgesetzte: Geschulte Mentorin gibt ruhige, klare Anweisungen."
    matrix = Matrices(ds.profile_items, [cf], [wf])
    assert abs(float(matrix.score_block(np.array([0]), np.array([0]))[0, 0]) - fit.score) < 1e-9
    # without a live consent 'gesundheitsdaten' the person's barriers are not read at all
    no_health = case.model_copy(update={"consents": [c for c in case.consents if c.purpose != "gesundheitsdaten"]})
    cf2 = case_features(no_health, DAY, ds.purposes, ds.profile_items, ds.locations)
    assert cf2.barriers == frozenset()
    (umfeld2,) = [p for p in score_pair(cf2, wf, ds.profile_items).parts if p.key == "umfeld"]
    assert umfeld2.points == 0.0 and "keine Einwilligung" in umfeld2.reasons[0].text


def test_same_barrier_on_both_sides_is_named_and_pages_show_the_factors() -> None:
    from site_gen.site.internal_pages import render_site
    from site_gen.views.consented import consented_dataset

    ds = load_dataset(REPO)
    cf = case_features(ds.cases["tn-0001"], DAY, ds.purposes, ds.profile_items, ds.locations)
    wf = workplace_features(ds.workplaces["ap-0001"], ds.profile_items, [])
    (umfeld,) = [p for p in score_pair(cf, wf, ds.profile_items).parts if p.key == "umfeld"]
    assert umfeld.points == 0.0 and umfeld.reasons[0].text.startswith("Achtung, dieselbe Barriere auch im Betrieb: e120 Mobilität und Transport")
    pages = render_site(consented_dataset(ds, DAY), DAY)
    assert "| e120 Mobilität und Transport | Barriere | Umstieg am Bahnhof mit vielen Menschen fällt schwer. |" in pages["akten/tn-0001.md"]
    assert "| e330 Vorgesetzte | Förderfaktor | Geschulte Mentorin gibt ruhige, klare Anweisungen. |" in pages["arbeitsplaetze/ap-0019.md"]
