"""Comparison ability vs requirement: hand-computed fixtures as data (tests/matching/data/compare)."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_gen.matching.compare import STRONG_OVER_DEMAND, UNDER_CHALLENGE, Flag, compare, flag_for
from site_gen.matching.rank import profile_points
from site_gen.models import ProfileCatalogue
from site_gen.records.load import read_yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CASES = sorted((HERE / "data" / "compare").glob("*.yaml"))


@pytest.fixture(scope="module")
def items() -> dict:
    data, findings = read_yaml(REPO / "schema" / "profile-catalogue.yaml", "schema/profile-catalogue.yaml")
    assert not findings
    return {i.id: i for i in ProfileCatalogue.model_validate(data).items}


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_comparison_matches_hand_computed(path: Path, items: dict) -> None:
    data, findings = read_yaml(path, path.name)
    assert not findings
    comp = compare(data["ratings"], data["requirements"], items, data["health_ok"])
    got = [[g.item, g.requirement, g.ability, g.gap, g.flag.value] for g in comp.items]
    assert got == data["expect"]["items"]
    assert round(profile_points(comp), 1) == data["expect"]["profile_points"]
    assert comp.summary == " ".join(data["expect"]["summary"].split())


def test_there_are_enough_fixtures() -> None:
    assert len(CASES) >= 8


@pytest.mark.parametrize(("ability", "requirement", "flag"), [
    (None, 3, Flag.UNKNOWN), (3, 3, Flag.FITS), (2, 3, Flag.OVER), (1, 3, Flag.STRONG_OVER),
    (4, 1, Flag.UNDER), (3, 1, Flag.FITS), (5, 2, Flag.UNDER), (1, 5, Flag.STRONG_OVER),
])
def test_thresholds(ability: int | None, requirement: int, flag: Flag) -> None:
    assert flag_for(ability, requirement) is flag
    assert (STRONG_OVER_DEMAND, UNDER_CHALLENGE) == (2, 3)
