"""Kennzahlen: which access route leads to placements (issue 29).

Per route (and "ohne Angabe"): the people who came that way, how many of them
reached the Infogespräch, a trial (stage 'erprobung' or a trial placement that
began) and the move (stage 'wechsel'). Every case of the scope counts, open or
closed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..domain.stage_path import access_routes
from ..models.case import Case
from ..models.common import TRIAL_TYPES, Stage
from ..records.dataset import Dataset

NONE = "ohne-angabe"


@dataclass(frozen=True, slots=True)
class RouteRow:
    route: str
    label: str
    people: int
    info: int
    trial: int
    moved: int


def _reached(case: Case, stage: Stage) -> bool:
    return any(s.stage is stage for s in case.stages)


def _trial(case: Case, today: dt.date) -> bool:
    return _reached(case, Stage.TRIAL) or any(p.type in TRIAL_TYPES and p.start <= today for p in case.placements)


def route_funnel(ds: Dataset, cases: list[Case], today: dt.date) -> list[RouteRow]:
    """One row per route that occurs in ``cases`` (catalogue order), then the cases without a route."""
    labels = access_routes(ds)
    by_route: dict[str, list[Case]] = {}
    for c in cases:
        by_route.setdefault(c.access.route if c.access else NONE, []).append(c)
    order = [r for r in labels if r in by_route] + sorted(r for r in by_route if r not in labels and r != NONE)
    order += [NONE] if NONE in by_route else []
    return [RouteRow(r, "ohne Angabe" if r == NONE else labels.get(r, r), len(cs), sum(_reached(c, Stage.INFO) for c in cs),
                     sum(_trial(c, today) for c in cs), sum(_reached(c, Stage.TRANSITION) for c in cs))
            for r in order for cs in [by_route[r]]]
