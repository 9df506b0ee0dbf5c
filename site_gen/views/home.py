"""The start page as the team's dashboard: what is overdue and due this week, per team.

A *team* is a location (Standort) with its coaches. "Diese Woche" means the
next :data:`WEEK_DAYS` days from today (today included). Overdue are
deadlines whose day has passed and the check's time-made tasks of open cases.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from .consented import Consented
from ..findings import Finding
from .coach import coach_ids, coach_path, task_case
from .internal import Link, location_cases_path
from .internal_deadlines import Deadline

WEEK_DAYS = 7


@dataclass(frozen=True, slots=True)
class CoachDay:
    link: Link
    overdue: int
    week: int
    tasks: int
    caseload: int
    capacity: int


@dataclass(frozen=True, slots=True)
class TeamDay:
    lid: str
    name: str
    provider: str
    cases: Link
    overdue: list[Deadline]
    week: list[Deadline]
    tasks: int
    coaches: list[CoachDay]


def team_days(ds: Consented, today: dt.date, deadlines: list[Deadline], tasks: Sequence[Finding]) -> list[TeamDay]:
    """One block per location: overdue and this week's deadlines, task count, coaches with their counts."""
    until = today + dt.timedelta(days=WEEK_DAYS - 1)
    open_tasks = [(cid, f) for f in tasks if f.is_task and (cid := task_case(f)) in ds.cases and ds.cases[cid].closed is None]
    coaches = coach_ids(ds)
    out = []
    for lid, loc in ds.locations.items():
        here = [d for d in deadlines if d.location == lid]
        rows = []
        for sid in coaches:
            if ds.staff[sid].location != lid:
                continue
            mine = [d for d in deadlines if sid in (d.primary, d.deputy)]
            rows.append(CoachDay(Link(ds.staff[sid].name, coach_path(sid)), sum(1 for d in mine if d.due < today),
                                 sum(1 for d in mine if today <= d.due <= until),
                                 sum(1 for cid, _ in open_tasks if sid in (ds.cases[cid].coaches.primary, ds.cases[cid].coaches.deputy)),
                                 sum(1 for c in ds.cases.values() if c.closed is None and c.coaches.primary == sid), ds.staff[sid].capacity))
        out.append(TeamDay(lid, loc.name, ds.providers[ds.provider_of_location[lid]].name, Link(f"Akten {loc.name}", location_cases_path(lid)),
                           [d for d in here if d.due < today], [d for d in here if today <= d.due <= until],
                           sum(1 for cid, _ in open_tasks if ds.cases[cid].location == lid), rows))
    return out
