"""Issue 29 in-process: the path on the dossier, the reflection deadline after an abort, placement limits per programme year."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from site_gen.domain.stage_path import all_paths, placement_limit, programme_year
from site_gen.models.case import PlacementStatus
from site_gen.models.common import Stage
from site_gen.records.dataset import Dataset, load_dataset
from site_gen.views.internal_deadlines import KIND_REFLECTION, case_deadlines
from site_gen.views.internal_path import path_view

DATA = Path(__file__).resolve().parent / "data" / "repo"
TODAY = dt.date(2026, 11, 22)


def _with_path(ds: Dataset, path: str) -> Dataset:
    assert ds.organisation is not None
    providers = [p.model_copy(update={"path": path}) for p in ds.organisation.providers]
    ds.organisation = ds.organisation.model_copy(update={"providers": providers})
    return ds


def test_path_view_marks_reached_current_and_open_steps() -> None:
    ds = load_dataset(DATA)
    assert path_view(ds, ds.cases["tn-1003"]) is None  # no path chosen: no timeline
    ds = _with_path(load_dataset(DATA), "haus-hall")  # a fresh load: the provider index is cached per dataset
    case = ds.cases["tn-1003"]  # infogespraech → suche (current)
    view = path_view(ds, case)
    assert view is not None and view.name.startswith("Weg nach Haus Hall")
    states = {s.code: s.state for s in view.steps}
    assert states == {"infogespraech": "erreicht", "suche": "aktuell", "erprobung": "offen", "reflexion": "offen",
                      "uebergangsgruppe": "offen", "wechsel": "offen"}
    assert view.next == ["Praktikum"] and view.position == "Schritt 2 von 6"


def test_aborted_placement_gets_a_reflection_deadline() -> None:
    ds = load_dataset(DATA)
    case = ds.cases["tn-1001"]
    first = case.placements[0].model_copy(update={"status": PlacementStatus.ABORTED, "reflection_on": None})
    ds.cases["tn-1001"] = case.model_copy(update={"placements": [first, *case.placements[1:]]})
    found = [d for d in case_deadlines(ds, ds.cases["tn-1001"], TODAY) if d.kind == KIND_REFLECTION]
    assert [(d.due, d.detail.endswith("(abgebrochen)")) for d in found] == [(first.end, True)]
    ds.cases["tn-1001"] = case  # with its talk recorded: no deadline
    assert not [d for d in case_deadlines(ds, case, TODAY) if d.kind == KIND_REFLECTION]


def test_placement_limits_follow_the_programme_year() -> None:
    ds = load_dataset(DATA)
    haa = all_paths(ds)["haa"]
    case = ds.cases["tn-1001"]
    assert programme_year(case, case.opened) == 1
    assert programme_year(case, case.opened + dt.timedelta(days=365)) == 2
    assert (placement_limit(haa, 1).warn_days, placement_limit(haa, 2).warn_days, placement_limit(haa, 5).warn_days) == (122, 244, 244)
    assert placement_limit(None, 2).warn_days == 122  # without a path: HAA's first year everywhere
    assert haa.step(Stage.REFLECTION) is not None and Stage.TRIAL in haa.step(Stage.REFLECTION).next  # type: ignore[union-attr]


def test_deputy_suggestion_by_language_on_the_dossier() -> None:
    from site_gen.site.internal_pages import render_site
    from site_gen.views.consented import consented_dataset
    from site_gen.views.deputy import deputy_suggestion
    from tests.conftest import REPO

    ds = load_dataset(REPO)
    # tn-0006 speaks Russian, the tandem (Kranhafen) does not: Svetlana Orlova (Moorwiese) does
    assert deputy_suggestion(ds, ds.cases["tn-0006"]) == (
        "Niemand im Tandem spricht die Sprache der Person. Vorschlag für die Vertretung: Svetlana Orlova (Russisch, Standort Moorwiese).")
    assert deputy_suggestion(ds, ds.cases["tn-0019"]) is None  # Turkish: the deputy Deniz Kaya speaks it
    case = ds.cases["tn-0019"].model_copy(update={"languages": ["Tigrinya"]})
    assert deputy_suggestion(ds, case) is None  # nobody speaks it: no suggestion
    page = render_site(consented_dataset(ds, TODAY), TODAY)["akten/tn-0006.md"]
    assert "| Sprachen | Russisch. Niemand im Tandem spricht die Sprache der Person. Vorschlag für die Vertretung: Svetlana Orlova" in page
