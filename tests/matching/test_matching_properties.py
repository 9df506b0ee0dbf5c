"""Properties of the score: monotonic in every ability rating; numpy and Python agree."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from site_gen.matching.features import CaseFeatures, WorkplaceFeatures
from site_gen.matching.keywords import sector_stems, stems
from site_gen.matching.matrix import Matrices
from site_gen.matching.profile import UsableProfile
from site_gen.matching.rank import score_pair
from site_gen.models import ProfileCatalogue
from site_gen.models.common import PlacementType, Sector
from site_gen.records.load import read_yaml

REPO = Path(__file__).resolve().parents[2]
_data, _ = read_yaml(REPO / "schema" / "profile-catalogue.yaml", "catalogue")
ITEMS = {i.id: i for i in ProfileCatalogue.model_validate(_data).items}
IDS = sorted(ITEMS)

ratings_st = st.dictionaries(st.sampled_from(IDS), st.integers(1, 5), max_size=len(IDS))
hours_st = st.one_of(st.none(), st.integers(4, 40).map(float))
types_st = st.frozensets(st.sampled_from(list(PlacementType)), min_size=1)
WORDS = ["Tiere", "Kochen", "Pakete packen", "Garten", "Kinder", "Computer", "Holz"]
ICF = ["e120", "e250", "e330"]  # issue 29: context factors on both sides
icf_st = st.frozensets(st.sampled_from(ICF), max_size=2)


@st.composite
def case_st(draw: st.DrawFn, cid: str = "tn-1") -> CaseFeatures:
    terms = tuple(("Interesse", w, stems(w)) for w in draw(st.lists(st.sampled_from(WORDS), max_size=3, unique=True)))
    profile = UsableProfile(draw(ratings_st), health_ok=draw(st.booleans()))
    return CaseFeatures(cid, profile, terms, draw(st.sampled_from(["a", "b"])), draw(st.sampled_from([None, "altstadt", "hafen"])),
                        draw(hours_st), "Wunsch", draw(types_st), "Wunsch", barriers=draw(icf_st))


@st.composite
def workplace_st(draw: st.DrawFn, wid: str = "wp-1") -> WorkplaceFeatures:
    sector = draw(st.sampled_from(list(Sector)))
    text = frozenset().union(*(stems(w) for w in draw(st.lists(st.sampled_from(WORDS), max_size=2))))
    return WorkplaceFeatures(wid, draw(ratings_st), sector, sector_stems(sector), text, draw(st.sampled_from(["a", "b"])),
                             draw(st.sampled_from(["altstadt", "hafen"])), draw(st.sampled_from([None, "Bus 3"])), draw(hours_st), "Ausschreibung",
                             draw(types_st), False, draw(st.booleans()), fallback=draw(st.booleans()),
                             facilitators={c: f"{c} Förderfaktor" for c in draw(icf_st)}, barriers={c: f"{c} Barriere" for c in draw(icf_st)})


def with_ratings(cf: CaseFeatures, ratings: dict[str, int]) -> CaseFeatures:
    return CaseFeatures(cf.id, UsableProfile(ratings, health_ok=cf.profile.health_ok), cf.terms, cf.location, cf.district,
                        cf.hours, cf.hours_source, cf.wanted_types, cf.types_source, cf.avoid, fallback=cf.fallback, barriers=cf.barriers)


@settings(max_examples=300, deadline=None, database=None)
@given(case_st(), workplace_st(), st.sampled_from(IDS), st.integers(1, 4), st.data())
def test_raising_a_rating_never_lowers_the_score(cf: CaseFeatures, wf: WorkplaceFeatures, item: str, step: int, data: st.DataObject) -> None:
    old = cf.profile.ratings.get(item)  # None: not assessed yet, counts as 1
    new = min(5, (old or 1) + step) if old else data.draw(st.integers(1, 5))
    raised = with_ratings(cf, {**cf.profile.ratings, item: new})
    before, after = score_pair(cf, wf, ITEMS).score, score_pair(raised, wf, ITEMS).score
    assert after >= before - 1e-9
    m = Matrices(ITEMS, [cf, raised], [wf])
    block = m.score_block(np.array([0, 1]), np.array([0]))
    assert block[1, 0] >= block[0, 0] - 1e-9


@settings(max_examples=150, deadline=None, database=None)
@given(st.lists(case_st(), min_size=1, max_size=4), st.lists(workplace_st(), min_size=1, max_size=4))
def test_matrix_equals_python(cases: list[CaseFeatures], wps: list[WorkplaceFeatures]) -> None:
    m = Matrices(ITEMS, cases, wps)
    block = m.score_block(np.arange(len(cases)), np.arange(len(wps)))
    for i, cf in enumerate(cases):
        for j, wf in enumerate(wps):
            fit = score_pair(cf, wf, ITEMS)
            assert abs(block[i, j] - fit.score) < 1e-9
            assert 0 <= fit.score <= 100
            assert all(0 <= p.points <= p.maximum for p in fit.parts)


@settings(max_examples=200, deadline=None, database=None)
@given(case_st(), workplace_st())
def test_health_items_without_consent_have_no_influence(cf: CaseFeatures, wf: WorkplaceFeatures) -> None:
    health = [i for i in IDS if ITEMS[i].health_related]
    base = with_ratings(cf, {k: v for k, v in cf.profile.ratings.items() if k not in health})
    no_consent = CaseFeatures(cf.id, UsableProfile(cf.profile.ratings, health_ok=False), *list(cf.__dict__.values())[2:])
    stripped = CaseFeatures(cf.id, UsableProfile(base.profile.ratings, health_ok=False), *list(cf.__dict__.values())[2:])
    fit = score_pair(no_consent, wf, ITEMS)
    assert fit.score == score_pair(stripped, wf, ITEMS).score
    assert all(g.ability is None for g in fit.comparison.items if g.item in health)
