"""Need-to-know view: a team's dataset names nobody outside the team."""

from __future__ import annotations

from dataclasses import replace

import pytest
from consent_fixtures import DATA, NORTH_ONLY, SOUTH_ONLY, make_repo

from site_gen.findings import UserError
from site_gen.records.dataset import Dataset, load_dataset
from site_gen.views.team import team_dataset


@pytest.fixture(scope="module")
def ds(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    root = make_repo(tmp_path_factory.mktemp("teams"), DATA / "valid", DATA / "_teams")
    loaded = load_dataset(root)
    assert not loaded.findings
    return loaded


def dump(ds: Dataset) -> str:
    """Everything a renderer could reach in ``ds``, as one text."""
    parts = [ds.organisation.model_dump_json() if ds.organisation else ""]
    parts += [r.model_dump_json() for kind in (ds.cases, ds.workplaces, ds.modules) for r in kind.values()]
    parts += [repr(ds.files), repr(ds.findings), repr(ds.staff), repr(ds.cases_by_workplace), repr(ds.cases_by_module)]
    return "\n".join(parts)


def test_full_dataset_names_both_teams(ds: Dataset) -> None:
    text = dump(ds)
    for name in SOUTH_ONLY + NORTH_ONLY:
        assert name in text, name  # otherwise the absence checks below would prove nothing


def test_team_north_contains_no_name_of_team_south(ds: Dataset) -> None:
    north = team_dataset(ds, location="standort-nord")
    assert sorted(north.cases) == ["tn-0001", "tn-0202"]
    assert sorted(north.workplaces) == ["ap-baeckerei"]
    text = dump(north)
    for name in SOUTH_ONLY:
        assert name not in text, name
    for name in NORTH_ONLY:
        assert name in text, name


def test_coach_view_keeps_only_the_coachs_cases(ds: Dataset) -> None:
    view = team_dataset(ds, coach="jc-sued-1")
    assert sorted(view.cases) == ["tn-0201"]
    assert sorted(view.workplaces) == ["ap-lager"]
    text = dump(view)
    for name in NORTH_ONLY:
        assert name not in text, name
    assert "Margit Oelkers" in text  # the module's trainer stays: module pages name her


def test_placement_at_another_teams_workplace_keeps_that_workplace(ds: Dataset) -> None:
    case = ds.cases["tn-0201"].model_copy(update={"location": "standort-nord"})
    mixed = replace(ds, cases={**ds.cases, "tn-0201": case})
    north = team_dataset(mixed, location="standort-nord")
    assert "ap-lager" in north.workplaces  # a kept case was placed there
    assert "jc-sued-1" in north.staff  # named as the kept case's coach


def test_no_filter_returns_the_dataset(ds: Dataset) -> None:
    assert team_dataset(ds) is ds


@pytest.mark.parametrize("kwargs", [{"location": "standort-west"}, {"coach": "jc-unbekannt"}])
def test_unknown_team_is_a_user_error(ds: Dataset, kwargs: dict[str, str]) -> None:
    with pytest.raises(UserError):
        team_dataset(ds, **kwargs)
